"""Which complaints a draft speaks of, measured on real reviews the model never saw.

Usage: python bench/draft_categories.py [--data DIR]
       python bench/draft_categories.py --written FILE [FILE ...]

A draft acknowledges at most two complaint categories with their own sentences ("It's
disappointing when your order doesn't hold up ...") and offers each one's fix; a wrong one
apologises for something the reviewer never said. This measures, on the real reviews of
train-reviews.jsonl with the grouped cross-validation of bench/eval_triage.py (each row's
margins from a model fitted without any row of its source file), how many of those sentences
name a category the review has, under four rules:
- every category found, in the categories' order (the first rule);
- only categories with listed words in the review, the surest (highest margin) first; a
  review with none gets the neutral sentences (the second rule);
- the third rule (`drafts.draft_categories`): the second rule, with a second category only
  where its margin reaches 1.0 log-odds;
- the shipped rule (`drafts.spoken_categories`): the third rule, less a category that only
  repeats another complaint's words ("I never ordered anything" beside an unauthorised
  charge, a broken mug in a crushed parcel), read from the review's text and the evidence the
  category lists quote for it; where it would be neutral, a wrong charge said outright.
Each is also given on the two halves of the source files that bench/eval_language_grounds.py
uses (`--half`): the third rule's cut-off was chosen on the look half.
Positive controls (no category) are left out: they get a thank-you, not an apology.
`--written FILE` measures the same rules on a file of reviews written and labelled for
the purpose (the record format of the shared data), with the shipped model, which never saw
them; the default install's reading (the encoder extra stays off).
Needs scikit-learn (`pip install 'reviewwatch[train]'`); without the data it says so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewwatch.triage.categories import classify
from reviewwatch.triage.drafts import draft_categories, spoken_categories
from reviewwatch.triage.model import backed, found_categories
from reviewwatch.triage.model.dataset import DATA_FILES, Example, labelled_texts, read_labelled
from reviewwatch.triage.model.training import DEFAULT_SETTINGS, out_of_fold_margins
from reviewwatch.triage.models import CATEGORIES, Category

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
MAX_SPOKEN = 2
# The split of bench/eval_language_grounds.py (by source file, salted).
SPLIT_SALT = "0:"
HALVES = ("look", "held")


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


@dataclass(frozen=True)
class Review:
    """A labelled review as a draft sees it: its text, language and found categories."""

    text: str
    language: str
    categories: Sequence[Category]


def found(example: Example, margins: Sequence[float], text: str) -> list[Category]:
    """The categories the model finds, as triage hands them to a draft: with the words the
    category lists quote for each (the word lists need no model)."""
    indices = found_categories(
        CATEGORIES, margins, example.lexicon, DEFAULT_SETTINGS.unbacked_margin
    )
    quoted = {item.name: item.evidence for item in classify(text, example.language)}
    return [
        Category(
            CATEGORIES[index],
            quoted.get(CATEGORIES[index], ()),
            listed=backed(CATEGORIES[index], example.lexicon),
            margin=margins[index],
        )
        for index in indices
    ]


def every_category(review: Review) -> list[str]:
    """The first rule: every category found but `other`, in order, at most two."""
    return [item.name for item in review.categories if item.name != "other"][:MAX_SPOKEN]


def listed_surest_first(review: Review) -> list[str]:
    """The second rule: categories with listed words, the surest first, at most two."""
    sure = sorted(
        (item for item in review.categories if item.name != "other" and item.listed),
        key=lambda item: -item.margin,
    )
    return [item.name for item in sure][:MAX_SPOKEN]


def second_only_when_sure(review: Review) -> list[str]:
    """The third rule: the second, with a second category only at margin 1.0."""
    return draft_categories(review.categories)


def as_drafts_speak(review: Review) -> list[str]:
    """The shipped rule: the third, less a category that only repeats another complaint."""
    return spoken_categories(review.categories, review.text, review.language)


RULES: dict[str, Callable[[Review], Sequence[str]]] = {
    "every category found, in order (first)": every_category,
    "listed words only, surest first (second)": listed_surest_first,
    "and a second only at margin 1.0 (third)": second_only_when_sure,
    "and a repeated complaint said once (shipped)": as_drafts_speak,
}


def report(data: Path) -> str:
    dataset = read_labelled(data)
    pairs = zip(dataset.examples, labelled_texts(data), strict=True)
    texts = {id(example): text for example, text in pairs}
    parts = ("all", *HALVES)
    tallies = {part: {title: Tally() for title in RULES} for part in parts}
    reviews = 0
    for example, margins in out_of_fold_margins(dataset.examples, DEFAULT_SETTINGS):
        if example.kind != "train" or not example.labels:
            continue
        reviews += 1
        text = texts[id(example)]
        review = Review(text, example.language, found(example, margins, text))
        for part in ("all", half_of_file(example.group)):
            for title, rule in RULES.items():
                tallies[part][title].add(rule(review), example.labels)
    lines = [
        f"{reviews} real complaints of train-reviews.jsonl (positive controls left out), grouped"
        f" cross-validation; data sha256 {dataset.data_sha256[:16]}",
    ]
    for part in parts:
        title = "all files" if part == "all" else f"{part} half"
        lines.append(f"  {title:44s} {'said':>5s} {'right':>5s} {'wrong':>5s}  share  neutral")
        lines += [tally.line(rule) for rule, tally in tallies[part].items()]
    return "\n".join(lines)


def written_report(path: Path) -> str:
    """The rules on a written set, with the shipped model's categories of each row."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    tallies = {title: Tally() for title in RULES}
    complaints = 0
    for row in rows:
        labels = frozenset(row["categories"])
        if not labels:
            continue
        complaints += 1
        review = Review(row["text"], row["lang"], classify(row["text"], row["lang"]))
        for title, rule in RULES.items():
            tallies[title].add(rule(review), labels)
    lines = [
        f"{complaints} complaints of {path.name} (positive controls left out), shipped model",
        f"  {'':44s} {'said':>5s} {'right':>5s} {'wrong':>5s}  share  neutral",
    ]
    return "\n".join([*lines, *(tally.line(rule) for rule, tally in tallies.items())])


def half_of_file(group: str) -> str:
    """The half of the split (bench/eval_language_grounds.py's `half_of`) a source file is in."""
    digest = hashlib.sha256((SPLIT_SALT + group).encode("utf-8")).digest()
    return HALVES[digest[-1] % 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .jsonl files")
    parser.add_argument(
        "--written", type=Path, nargs="+", help="measure the shipped model on written sets"
    )
    args = parser.parse_args(argv)
    if args.written:
        # The default install's reading: the word model alone, extra installed or not.
        os.environ["REVIEWWATCH_ENCODER"] = "off"
        absent = [str(path) for path in args.written if not path.is_file()]
        if absent:
            print(f"No such file: {', '.join(absent)}")
            return 2
        print("\n".join(written_report(path) for path in args.written))
        return 0
    missing = [name for name in DATA_FILES if not (args.data / name).is_file()]
    if missing:
        print(f"No labelled data in {args.data} ({', '.join(missing)}); nothing to measure.")
        return 0
    print(report(args.data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
