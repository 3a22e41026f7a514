"""Which complaints a draft speaks of, measured on real reviews the model never saw.

Usage: python bench/draft_categories.py [--data DIR]

A draft acknowledges at most two complaint categories with their own sentences ("It's
disappointing when your order doesn't hold up ...") and offers each one's fix; a wrong one
apologises for something the reviewer never said. This measures, on the real reviews of
train-reviews.jsonl with the grouped cross-validation of bench/eval_triage.py (each row's
margins from a model fitted without any row of its source file), how many of those sentences
name a category the review has, under two rules:
- every category found, in the categories' order (the rule before);
- the shipped rule (`drafts.draft_categories`): only categories with listed words in the
  review, the surest (highest margin) first; a review with none gets the neutral sentences.
Positive controls (no category) are left out: they get a thank-you, not an apology.
Needs scikit-learn (`pip install 'reviewwatch[train]'`); without the data it says so.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewwatch.triage.drafts import draft_categories
from reviewwatch.triage.model import backed, found_categories
from reviewwatch.triage.model.dataset import DATA_FILES, Example, read_labelled
from reviewwatch.triage.model.training import DEFAULT_SETTINGS, out_of_fold_margins
from reviewwatch.triage.models import CATEGORIES, Category

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
MAX_SPOKEN = 2


@dataclass
class Tally:
    sentences: int = 0
    right: int = 0
    neutral: int = 0

    def add(self, spoken: Sequence[str], labels: frozenset[str]) -> None:
        named = [name for name in spoken if name != "other"]
        self.sentences += len(named)
        self.right += sum(name in labels for name in named)
        self.neutral += not named

    def line(self, title: str) -> str:
        wrong = self.sentences - self.right
        share = self.right / self.sentences if self.sentences else 0.0
        return (
            f"  {title:44s} {self.sentences:5d} {self.right:5d} {wrong:5d}  {share:.3f}"
            f"  {self.neutral:5d}"
        )


def found(example: Example, margins: Sequence[float]) -> list[Category]:
    """The categories the model finds, as triage hands them to a draft."""
    indices = found_categories(
        CATEGORIES, margins, example.lexicon, DEFAULT_SETTINGS.unbacked_margin
    )
    return [
        Category(
            CATEGORIES[index],
            listed=backed(CATEGORIES[index], example.lexicon),
            margin=margins[index],
        )
        for index in indices
    ]


def every_category(categories: Sequence[Category]) -> list[str]:
    """The rule before: every category found but `other`, in order, at most two."""
    return [item.name for item in categories if item.name != "other"][:MAX_SPOKEN]


RULES: dict[str, Callable[[Sequence[Category]], Sequence[str]]] = {
    "every category found, in order (before)": every_category,
    "listed words only, surest first (shipped)": draft_categories,
}


def report(data: Path) -> str:
    dataset = read_labelled(data)
    tallies = {title: Tally() for title in RULES}
    reviews = 0
    for example, margins in out_of_fold_margins(dataset.examples, DEFAULT_SETTINGS):
        if example.kind != "train" or not example.labels:
            continue
        reviews += 1
        categories = found(example, margins)
        for title, rule in RULES.items():
            tallies[title].add(rule(categories), example.labels)
    lines = [
        f"{reviews} real complaints of train-reviews.jsonl (positive controls left out), grouped"
        f" cross-validation; data sha256 {dataset.data_sha256[:16]}",
        f"  {'rule':44s} {'said':>5s} {'right':>5s} {'wrong':>5s}  share  neutral drafts",
    ]
    lines += [tally.line(title) for title, tally in tallies.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .jsonl files")
    args = parser.parse_args(argv)
    missing = [name for name in DATA_FILES if not (args.data / name).is_file()]
    if missing:
        print(f"No labelled data in {args.data} ({', '.join(missing)}); nothing to measure.")
        return 0
    print(report(args.data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
