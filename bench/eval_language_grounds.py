"""Language accuracy and removal-ground precision/recall on the shared labelled data.

Usage: python bench/eval_language_grounds.py [--data DIR] [--no-second-opinion]
       python bench/eval_language_grounds.py --half look|held [--data DIR]
       python bench/eval_language_grounds.py --grounds FILE [FILE ...]

Language: `review_language` (what a poll stores) on every row of dev-reviews.jsonl,
train-reviews.jsonl and synthetic-sentences.jsonl, per language and per file, with the cost
per review (CPU time, one core, a fresh text each time). Removal grounds: `detect_grounds`
per ground, on dev-reviews.jsonl (whose rows the rules were partly written from) and
train-reviews.jsonl (whose "look" half, see `--half`, was read to write them) separately;
the synthetic sentences carry no grounds. The Amazon-only grounds count as the platform
rules apply them: an Amazon row is a product review (every one in the shared data), where
`product_review_is_seller_feedback` applies, unless its `platform` says seller feedback
(written sets), where `seller_feedback_is_product_review` does; off Amazon neither. Without
the data the script says so and exits 0.

`--half look|held` reports removal grounds alone, on one half of train-reviews.jsonl. The
halves split it by source file (the `source` field up to its first space), so that all rows
of one file are on the same side: a file is on the "look" side when the SHA-256 of
``SPLIT_SALT`` followed by its name is even. The grounds rules may be written from the rows
of the look half; the held half is only ever measured, as numbers. The salt "0:" is the
first tried after the bare file name, which put 55 of the 61 seller-feedback rows on one
side; it was chosen from the label counts per half alone, before any rule was measured.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from reviewwatch.triage import _langid
from reviewwatch.triage.grounds import detect_grounds
from reviewwatch.triage.language import review_language

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FILES = ("dev-reviews.jsonl", "train-reviews.jsonl", "synthetic-sentences.jsonl")
FEEDBACK_ONLY = {"seller_feedback_is_product_review"}
REVIEW_ONLY = {"product_review_is_seller_feedback"}
# How a written set's `platform` says a row is Amazon seller feedback, not a product review
# (the shared data holds product reviews only): in words, or as reviewwatch's platform key.
SELLER_FEEDBACK_MARKERS = (
    "amazon_feedback",
    "seller feedback",
    "verkäuferbewertung",
    "évaluation du vendeur",
    "valoración del vendedor",
    "verkopersfeedback",
    "avaliação do vendedor",
    "feedback venditore",
    "出品者の評価",
)
SPLIT_FILE = "train-reviews.jsonl"
SPLIT_SALT = "0:"
HALVES = ("look", "held")


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def source_file(row: dict[str, Any]) -> str:
    """The file a row was taken from: its `source` up to the first space."""
    return str(row.get("source", "")).split(" ")[0]


def half_of(row: dict[str, Any]) -> str:
    """Which half ("look" or "held") of the split a row belongs to, decided by its file."""
    digest = hashlib.sha256((SPLIT_SALT + source_file(row)).encode("utf-8")).digest()
    return HALVES[digest[-1] % 2]


def language_report(files: dict[str, list[dict[str, Any]]]) -> list[str]:
    total, right = Counter[str](), Counter[str]()
    per_file: dict[str, tuple[int, int]] = {}
    seconds = 0.0
    wrong: list[str] = []
    review_language(None, "Goedkoop plastic, meteen gebroken.", None)  # load the models first
    for name, rows in files.items():
        hits = 0
        for row in rows:
            # A trailing space makes every text new to the caches: the cost is a first reading.
            start = time.process_time()
            found = review_language(None, str(row["text"]) + " ", None)
            seconds += time.process_time() - start
            code = (found or "").split("-")[0]
            total[row["lang"]] += 1
            if code == row["lang"]:
                right[row["lang"]] += 1
                hits += 1
            else:
                wrong.append(f"{row['id']}: {row['lang']} -> {found}")
        per_file[name] = (hits, len(rows))
    count = sum(total.values())
    hits = sum(right.values())
    lines = [
        f"Language accuracy: {hits / count:.4f} ({hits}/{count}),"
        f" {seconds / count * 1e6:.0f} us per review",
    ]
    lines += [f"  {name}: {h / n:.4f} ({h}/{n})" for name, (h, n) in per_file.items()]
    lines += [
        f"  {lang}: {right[lang] / total[lang]:.3f} ({right[lang]}/{total[lang]})"
        for lang in sorted(total)
    ]
    lines += [f"  wrong: {', '.join(wrong)}" if wrong else "  wrong: none"]
    return lines


def ground_report(name: str, rows: list[dict[str, Any]]) -> list[str]:
    counts: dict[str, Counter[str]] = {"tp": Counter(), "fp": Counter(), "fn": Counter()}
    for row in rows:
        got = {g.ground for g in detect_grounds(str(row["text"]), str(row["lang"]))}
        got -= _not_applying(str(row.get("platform", "")))
        gold = set(row.get("removal_grounds") or ())
        for label in gold | got:
            key = "tp" if label in gold and label in got else "fp" if label in got else "fn"
            counts[key][label] += 1
    tp, fp, fn = (sum(counts[key].values()) for key in ("tp", "fp", "fn"))
    lines = [f"Removal grounds on {name} ({len(rows)} rows): {_prf(tp, fp, fn)}"]
    labels = sorted(set(counts["tp"]) | set(counts["fp"]) | set(counts["fn"]))
    for label in labels:
        tp, fp, fn = counts["tp"][label], counts["fp"][label], counts["fn"][label]
        lines.append(f"  {label:34} {_prf(tp, fp, fn)}")
    return lines


def _not_applying(platform: str) -> set[str]:
    """The Amazon-only grounds that the rules of the row's platform do not apply: both off
    Amazon; on Amazon, the one of the other kind of text (seller feedback or product review)."""
    where = platform.lower()
    if "amazon" not in where:
        return FEEDBACK_ONLY | REVIEW_ONLY
    if any(marker in where for marker in SELLER_FEEDBACK_MARKERS):
        return REVIEW_ONLY
    return FEEDBACK_ONLY


def _prf(tp: int, fp: int, fn: int) -> str:
    precision = f"{tp / (tp + fp):.3f}" if tp + fp else "n/a"
    recall = f"{tp / (tp + fn):.3f}" if tp + fn else "n/a"
    return f"precision {precision}, recall {recall} (tp {tp}, fp {fp}, fn {fn})"


def report_half(data: Path, half: str) -> int:
    """Print the removal-ground figures (numbers only) on one half of the train reviews."""
    path = data / SPLIT_FILE
    if not path.is_file():
        print(f"No {SPLIT_FILE} in {data}; nothing to measure.")
        return 0
    rows = [row for row in load(path) if half_of(row) == half]
    files = len({source_file(row) for row in rows})
    print("\n".join(ground_report(f"the {half} half of {SPLIT_FILE}, {files} files", rows)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of JSONL files")
    parser.add_argument(
        "--no-second-opinion",
        action="store_true",
        help="the built-in language detector alone, as without the langid extra",
    )
    parser.add_argument(
        "--half",
        choices=HALVES,
        help=f"removal grounds alone, on one half of {SPLIT_FILE} (split by source file)",
    )
    parser.add_argument(
        "--grounds",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="removal grounds alone, on labelled JSONL files of the same format",
    )
    args = parser.parse_args(argv)
    if args.grounds:
        for path in args.grounds:
            print("\n".join(ground_report(path.name, load(path))))
        return 0
    if args.half:
        return report_half(args.data, args.half)
    files = {name: load(args.data / name) for name in FILES if (args.data / name).is_file()}
    if not files:
        print(f"No labelled data in {args.data}; nothing to measure.")
        return 0
    if args.no_second_opinion:
        _langid.enabled = False
    opinion = "with" if _langid.available() else "without"
    print(f"Second opinion (py3langid): {opinion}")
    report = language_report(files)
    for name in ("dev-reviews.jsonl", "train-reviews.jsonl"):
        if name in files:
            report += ground_report(name, files[name])
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
