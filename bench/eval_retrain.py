"""`triage retrain`'s fine-tune: what it gains on the corrections, what it costs elsewhere.

Usage: python bench/eval_retrain.py [--data DIR] [--no-readme]

Stand-in corrections: the package's written sentences (written for it, never copied from a
review; the shipped word model never learns from them), 264 complaints in thin categories and
languages, taken as a user's corrections. Two figures per setting (the prior's strength LAMBDA,
and whether the word lists' weights move too):

- gain: macro-F1 on the corrections, cross-validated over them as `triage retrain` prints it
  (five folds: the shipped model on each held-out fold, then a model fine-tuned on the others);
- cost: macro-F1 on the real reviews of train-reviews.jsonl, grouped by source file into five
  folds: per fold, the shipped recipe fitted without that fold (scikit-learn), then fine-tuned
  on all the stand-in corrections, measured on the held-out fold. Needs the labelled data and
  scikit-learn; without them only the gain is printed.

LAMBDA was chosen before this table, from the shipped fit's own penalty (finetune.py); the
table only checks it: a weaker prior gains a little more on the corrections and costs a little
more elsewhere, a stronger one does neither. Letting the word lists' weights move gains most on
the corrections but costs most elsewhere (they fire on most reviews, like a bias), so
`triage retrain` moves the words' weights only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reviewwatch.triage.model import CategoryModel, shipped_model
from reviewwatch.triage.model.dataset import (
    DATA_FILES,
    Example,
    featurise,
    read_labelled,
    written_sentences,
)
from reviewwatch.triage.model.finetune import LAMBDA, Correction, correction_folds, fine_tune
from reviewwatch.triage.model.metrics import Prediction, figures

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
HEADING = "## Retraining on corrections"
SETTINGS = [(0.1, False), (LAMBDA, False), (1.5, False), (5.0, False), (LAMBDA, True)]


def _predict(model: CategoryModel, example: Example) -> Prediction:
    found = model.found(example.grams, example.lexicon)
    names = frozenset(model.categories[index] for index in found)
    return Prediction(example.labels, names, example.language, example.kind)


def stand_in_corrections() -> list[Example]:
    rows = [json.loads(line) for line in written_sentences().decode().splitlines() if line]
    corrections = [
        Correction(number, str(row["text"]), str(row["lang"]), tuple(row["categories"]))
        for number, row in enumerate(rows)
    ]
    return [
        featurise(c.text, c.language, c.categories, str(c.review_id), "correction")
        for c in corrections
    ]


def gain(corrections: list[Example], penalty: float, lexicon_too: bool) -> tuple[float, float]:
    base = shipped_model()
    before: list[Prediction] = []
    after: list[Prediction] = []
    for held in correction_folds(len(corrections)):
        held_set = set(held)
        rest = [e for number, e in enumerate(corrections) if number not in held_set]
        tuned, _steps = fine_tune(base, rest, penalty=penalty, lexicon_too=lexicon_too)
        before += [_predict(base, corrections[number]) for number in held]
        after += [_predict(tuned, corrections[number]) for number in held]
    return figures(before)["macro_f1"], figures(after)["macro_f1"]


def cost(data: Path, corrections: list[Example]) -> dict[tuple[float, bool], float] | None:
    """Macro-F1 on unseen labelled reviews per setting, and (key (0, False)) with no fine-tune."""
    if any(not (data / name).is_file() for name in DATA_FILES):
        return None
    try:
        import sklearn  # noqa: F401

        from reviewwatch.triage.model.training import DEFAULT_SETTINGS, SEED, fit, group_folds
    except ImportError:
        return None
    examples = read_labelled(data).examples
    predictions: dict[tuple[float, bool], list[Prediction]] = {(0.0, False): []}
    for setting in SETTINGS:
        predictions[setting] = []
    for held in group_folds(examples, DEFAULT_SETTINGS.folds, SEED):
        held_set = set(held)
        train = [e for number, e in enumerate(examples) if number not in held_set]
        base = fit(train, DEFAULT_SETTINGS, seed=SEED)
        tested = [examples[number] for number in held]
        predictions[(0.0, False)] += [_predict(base, e) for e in tested]
        for penalty, lexicon_too in SETTINGS:
            tuned, _steps = fine_tune(base, corrections, penalty=penalty, lexicon_too=lexicon_too)
            predictions[(penalty, lexicon_too)] += [_predict(tuned, e) for e in tested]
    return {key: figures(rows)["macro_f1"] for key, rows in predictions.items()}


def report(data: Path) -> str:
    corrections = stand_in_corrections()
    unseen = cost(data, corrections)
    lines = [
        f"{len(corrections)} stand-in corrections (the package's written sentences)",
        "setting                               gain: on the corrections   cost: unseen reviews",
    ]
    baseline = f"{unseen[(0.0, False)]:.3f}" if unseen else "-"
    for penalty, lexicon_too in SETTINGS:
        before, after = gain(corrections, penalty, lexicon_too)
        moved = "words and word lists" if lexicon_too else "words only"
        shipped = " (shipped)" if penalty == LAMBDA and not lexicon_too else ""
        name = f"LAMBDA {penalty:.2f}, {moved}{shipped}"
        after_unseen = f"{unseen[(penalty, lexicon_too)]:.3f}" if unseen else "-"
        lines.append(
            f"{name:<38}{before:.3f} -> {after:.3f}           {baseline} -> {after_unseen}"
        )
    if unseen is None:
        lines.append("(cost not measured: needs the labelled data and scikit-learn)")
    return "\n".join(lines)


def write_readme(text: str, command: str) -> None:
    """Replace (or add) this section of bench/README.md."""
    readme = REPO / "bench" / "README.md"
    current = readme.read_text(encoding="utf-8")
    about = (__doc__ or "").split("\n\n", 2)[2].strip()
    section = f"{HEADING}\n\nCommand: `{command}`\n\n{about}\n\n```\n{text}\n```\n"
    start = current.find(HEADING)
    if start == -1:
        current = current.rstrip("\n") + "\n\n" + section
    else:
        end = current.find("\n## ", start + len(HEADING))
        current = current[:start] + section + (current[end + 1 :] if end != -1 else "")
    readme.write_text(current, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .jsonl files")
    parser.add_argument("--no-readme", action="store_true", help="do not update bench/README.md")
    args = parser.parse_args(argv)
    text = report(args.data)
    print(text)
    if not args.no_readme:
        write_readme(text, "python bench/eval_retrain.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
