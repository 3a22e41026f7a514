"""How many reviews per second the whole triage pipeline handles on one core.

Usage: python bench/triage_speed.py [--rounds N] [--data PATH] [--clock cpu|wall] [--profile]
       [--new-names] [--sort tottime|cumulative|ncalls]

Runs `reviewwatch.triage.pipeline.triage_review` over the labelled development reviews (or,
when that file is absent, generated texts in several languages), each on all 12 platforms.
Every round changes every text slightly (trailing white space, different per round and
platform), so no result comes from a per-text cache, and the reviewers' names change from
round to round (63 authors in turn; `--new-names` gives every review a name of its own, as a
poll's reviewers have, so no cache has read its draft's greeting); the caches that a
long-running poll keeps warm (word lists, compiled patterns, checked template sentences)
stay warm. Prints the median over the rounds of:

- reviews/second through the whole pipeline;
- the time per review of each stage, measured by running the same calls as `triage_review`
  one by one (the result is compared with `triage_review`'s, so the stages measured are the
  stages run).

Times are this process's CPU time (`--clock cpu`, the default: on a shared machine the time
spent waiting for a CPU is not the pipeline's) or elapsed time (`--clock wall`). Stage times
include the cost of reading the clock (about half a microsecond per stage).
`--profile` prints the 30 most expensive functions of one extra round (cProfile), by their own
time or by `--sort`'s key (`cumulative` shows which callers the time is spent under).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.categories import classify
from reviewwatch.triage.drafts import draft_with_check
from reviewwatch.triage.grounds import detect_grounds
from reviewwatch.triage.language import detect_language
from reviewwatch.triage.models import PLATFORMS, BusinessInfo, ReviewInput, Triage
from reviewwatch.triage.pipeline import triage_review
from reviewwatch.triage.policies import accepted_grounds, load_policy
from reviewwatch.triage.steps import plan_next_steps

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev-reviews.jsonl"
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
BUSINESS = BusinessInfo(
    name="Acme",
    signature="Anna, Acme",
    contact="our support page",
    support_url="https://acme.example",
)
FIRST_NAMES = " ".join(
    (
        "Jane Marco Sophie Kees Anna Pierre Lucia Jan Emma Liam Olivia Noah Mia Lucas Chloe",
        "Hugo Ines Mateo Sara Pablo Julia Lars Eva Tom Lea Max Nina Paul Clara Finn Elena Diego",
        "Marta Luca Giulia Oskar Ilse Daan Sanne Ruben Femke Bram Zoe Theo Alice Louis Camille",
        "Jules Carmen Javier Rosa Andrea Laura Ivan Olga Peter Maria David Sofia",
    )
).split(" ")
AUTHORS: tuple[str | None, ...] = (
    *(f"{name} {chr(65 + i % 26)}." for i, name in enumerate(FIRST_NAMES)),
    None,
    "李明",
    "buyer_1234",
    "Customer",
)
STAGES = (
    "analyse",
    "detect_language",
    "classify",
    "detect_grounds",
    "accepted_grounds",
    "next_steps",
    "draft_with_check",
)
# The keys `--profile` can order its functions by (pstats' names).
PROFILE_SORTS = ("tottime", "cumulative", "ncalls")
# The goal for the default install on one core.
TARGET = 2000.0

# Sentences for generated reviews when the labelled data is absent.
_GENERATED = {
    "en": [
        "The item arrived broken and support never answered.",
        "Shipping took three weeks, way too slow.",
        "Not as described, the colour is completely different.",
        "Overpriced for what you get, cheap plastic.",
        "The app keeps crashing after the update.",
        "Call me on +44 7911 123456 if you want the rest.",
    ],
    "es": [
        "El producto llegó roto y nadie contesta mis correos.",
        "Pésimo servicio, el envío tardó un mes.",
        "No es lo que se describe en la página.",
    ],
    "fr": [
        "Le colis est arrivé abîmé et le service client ne répond pas.",
        "Produit de mauvaise qualité, cassé au bout d'une semaine.",
    ],
    "de": [
        "Die Lieferung kam viel zu spät und der Kundendienst antwortet nicht.",
        "Schlechte Qualität, nach zwei Tagen kaputt.",
    ],
    "nl": ["Het pakket kwam beschadigd aan en de klantenservice reageert niet."],
    "zh": ["质量太差了，用了两天就坏了。", "物流太慢，客服也不回复。", "與描述不符，退貨很麻煩。"],
}


def load_texts(path: Path) -> list[tuple[str, int | None]]:
    """(text, stars) of the labelled reviews, or generated ones when the file is absent."""
    if path.is_file():
        with path.open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        return [(str(row["text"]), row.get("stars")) for row in rows]
    rng = random.Random(7)
    texts: list[tuple[str, int | None]] = []
    for index in range(160):
        sentences = _GENERATED[list(_GENERATED)[index % len(_GENERATED)]]
        count = rng.randint(1, min(3, len(sentences)))
        texts.append((" ".join(rng.sample(sentences, count)), rng.choice((1, 2, 3, None))))
    return texts


def _suffix(number: int) -> str:
    """Trailing white space unique to `number`: a new text that reads the same."""
    return "" if number == 0 else " " + format(number, "b").replace("0", " ").replace("1", "\t")


def new_name(number: int) -> str:
    """A first name no other review of the run has ("Janeaaab", "Marcoaaqd" ...): letters
    only, so drafts greet with it, as a poll's reviewers each bring their own. The suffix has
    a fixed width, so that "Jan" and "Jane" never grow into the same name."""
    letters = ""
    rest = number // len(FIRST_NAMES)
    for _ in range(4):
        rest, letter = divmod(rest, 26)
        letters = chr(ord("a") + letter) + letters
    return f"{FIRST_NAMES[number % len(FIRST_NAMES)]}{letters} {chr(65 + number % 26)}."


def make_reviews(
    texts: list[tuple[str, int | None]], batch: int, *, new_names: bool = False
) -> list[ReviewInput]:
    """Every text on every platform; from batch 1 on, every review's text is new (a different
    trailing white space per batch and platform), so no per-text cache can serve it. With
    `new_names`, every review's author too: otherwise 63 authors come round again and again."""
    reviews = []
    per_batch = len(texts) * len(PLATFORMS)
    for index, (text, stars) in enumerate(texts):
        for offset, platform in enumerate(PLATFORMS):
            suffix = _suffix(batch * len(PLATFORMS) + offset if batch else 0)
            number = batch * per_batch + index * len(PLATFORMS) + offset
            author = (
                new_name(number)
                if new_names
                else AUTHORS[(index * 5 + offset + batch * 11) % len(AUTHORS)]
            )
            reviews.append(
                ReviewInput(
                    platform=platform,
                    rating=stars,
                    polarity="negative",
                    title=None,
                    body=text + suffix,
                    author=author,
                    first_seen_at=NOW - timedelta(hours=index % 48),
                    created_at=NOW - timedelta(days=index % 30),
                )
            )
    return reviews


# CPU time of this process: on a shared machine, time spent waiting for the CPU is not ours.
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def run_pipeline(reviews: list[ReviewInput]) -> float:
    """Seconds to triage every review."""
    start = clock()
    for review in reviews:
        triage_review(review, business=BUSINESS, now=NOW)
    return clock() - start


def run_stages(reviews: list[ReviewInput]) -> dict[str, float]:
    """Seconds spent in each stage, calling them the way `triage_review` does."""
    totals = dict.fromkeys(STAGES, 0.0)
    for review in reviews:
        platform = review.platform
        policy = load_policy(platform)
        ta = clock()
        analysis = analyse(review.text)
        t0 = clock()
        guess = detect_language(analysis, hint=review.language_hint, fallback="en")
        t1 = clock()
        categories = classify(analysis, guess.code)
        t2 = clock()
        matches = detect_grounds(analysis, guess.code)
        t3 = clock()
        grounds = accepted_grounds(platform, matches, rating=review.rating, categories=categories)
        t4 = clock()
        plan_next_steps(review, categories=categories, grounds=grounds, policy=policy, now=NOW)
        t5 = clock()
        totals["analyse"] += t0 - ta
        totals["detect_language"] += t1 - t0
        totals["classify"] += t2 - t1
        totals["detect_grounds"] += t3 - t2
        totals["accepted_grounds"] += t4 - t3
        totals["next_steps"] += t5 - t4
        if policy.reply.allowed:
            draft_with_check(
                review, language=guess.code, categories=categories, business=BUSINESS, policy=policy
            )
            totals["draft_with_check"] += clock() - t5
    return totals


def check_stages_match(reviews: list[ReviewInput]) -> None:
    """The staged calls give the same result as the pipeline (so the stages are the real ones)."""
    for review in reviews[:200]:
        policy = load_policy(review.platform)
        analysis = analyse(review.text)
        guess = detect_language(analysis, hint=review.language_hint, fallback="en")
        categories = classify(analysis, guess.code)
        matches = detect_grounds(analysis, guess.code)
        grounds = accepted_grounds(
            review.platform, matches, rating=review.rating, categories=categories
        )
        steps = plan_next_steps(
            review, categories=categories, grounds=grounds, policy=policy, now=NOW
        )
        expected = Triage(guess, categories, grounds, steps, suggested_reply=None)
        if policy.reply.allowed:
            draft, check = draft_with_check(
                review, language=guess.code, categories=categories, business=BUSINESS, policy=policy
            )
            expected = Triage(guess, categories, grounds, steps, draft, check)
        if triage_review(review, business=BUSINESS, now=NOW) != expected:
            raise SystemExit(f"staged calls differ from triage_review for {review!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds (median reported)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL file of reviews")
    parser.add_argument("--profile", action="store_true", help="cProfile one extra round")
    parser.add_argument(
        "--sort",
        choices=PROFILE_SORTS,
        default="tottime",
        help="the order of --profile's functions (default: their own time)",
    )
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="cpu",
        help="cpu: this process's CPU time (default; fair on a busy machine); wall: elapsed time",
    )
    parser.add_argument(
        "--new-names",
        action="store_true",
        help="a reviewer name no other review has, on every review (as in a real poll)",
    )
    args = parser.parse_args(argv)
    # The default install's speed: the optional encoder (~90 ms a review) stays off.
    os.environ["REVIEWWATCH_ENCODER"] = "off"
    global clock
    clock = CLOCKS[args.clock]
    texts = load_texts(args.data)
    source = args.data.name if args.data.is_file() else "generated texts"
    warm = make_reviews(texts, 0, new_names=args.new_names)
    run_pipeline(warm)  # load word lists, compile patterns, check the template sentences
    check_stages_match(warm)
    count = len(warm)
    whole: list[float] = []
    stages: dict[str, list[float]] = {stage: [] for stage in STAGES}
    for round_number in range(1, args.rounds + 1):
        reviews = make_reviews(texts, round_number, new_names=args.new_names)
        whole.append(count / run_pipeline(reviews))
        # Staged rounds use other suffixes: a fresh text for every stage run as well.
        staged = make_reviews(texts, args.rounds + round_number, new_names=args.new_names)
        totals = run_stages(staged)
        for stage, seconds in totals.items():
            stages[stage].append(seconds / count * 1e6)
    median = statistics.median(whole)
    print(f"{len(texts)} texts from {source} x {len(PLATFORMS)} platforms = {count} reviews")
    names = "a new one on every review" if args.new_names else f"{len(AUTHORS)} authors in turn"
    print(f"reviewer names: {names}")
    print(f"{args.rounds} rounds, {args.clock} time, medians (min-max over rounds)")
    print(
        f"whole pipeline: {median:,.0f} reviews/s ({1e6 / median:.0f} us per review; "
        f"{min(whole):,.0f}-{max(whole):,.0f}/s) target {TARGET:,.0f}/s"
    )
    staged_total = sum(statistics.median(values) for values in stages.values())
    for stage, values in stages.items():
        mid = statistics.median(values)
        print(
            f"  {stage:18} {mid:7.1f} us per review ({1e6 / mid if mid else 0:>10,.0f}/s)"
            f"  {100 * mid / staged_total:4.1f}%"
        )
    print(f"  {'sum of stages':18} {staged_total:7.1f} us per review")
    if args.profile:
        profiler = cProfile.Profile()
        reviews = make_reviews(texts, 2 * args.rounds + 1, new_names=args.new_names)
        profiler.enable()
        run_pipeline(reviews)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort).print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
