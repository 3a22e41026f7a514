"""Removal grounds that can be read from the review text alone.

Each detector aims at precision: a review is never flagged because it is negative, rude or
unfair, only because its text has a concrete property that platforms list as a reason for
removal (profanity, personal data, spam, extortion ...). Word lists live in
``data/grounds.toml``. Whether a platform accepts a ground is decided later, by the platform
rules, not here.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from reviewwatch.triage import _personal
from reviewwatch.triage._lexicon import (
    UNSPACED_LANGUAGES,
    Matcher,
    ScriptMatchers,
    compile_terms,
    load_toml,
    script_matchers,
    words_pattern,
)
from reviewwatch.triage._one_sided import one_sided
from reviewwatch.triage.analysis import Analysis, analyse
from reviewwatch.triage.categories import normalize_for, word_list_categories
from reviewwatch.triage.language import detect_language
from reviewwatch.triage.models import Category, GroundMatch

# A word with a symbol standing in for a letter; "!" counts only inside the word ("sh!t").
_MASKED = re.compile(
    r"(?<![\w*@#$%!])([a-zA-Z][a-zA-Z*@#$%!]*(?:[*@#$%]|!(?=[a-zA-Z*@#$%]))[a-zA-ZÀ-ÖØ-öø-ÿ*@#$%!]*)"
)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9-]{2,}\.(?:com|net|org|io|shop|store|xyz|top|info|biz|co|ly)\b",
    re.IGNORECASE,
)
# Whether `_URL` may find anything: "http(s)://", "www." or a known domain ending, each told
# from the "." or ":" it contains, so that the regex engine only looks at those characters.
_MAY_BE_URL = re.compile(
    r"\.(?:(?<=www\.)|(?:com|net|org|io|shop|store|xyz|top|info|biz|co|ly)\b)"
    r"|:(?:(?<=http:)|(?<=https:))//",
    re.IGNORECASE,
)
# (Each pattern starts with a character class, so that the regex engine skips quickly.)
_MASK_SYMBOL = re.compile("[*@#$%!](?:(?<=!)(?=[a-zA-Z])|(?<!!))")
# Digits written for the letters they look like ("sh1t", "b1tch", "a55hole").
_MAY_BE_LEET = re.compile("[013457](?:(?<=[a-zA-Z].)|(?=[a-zA-Z]))")
_ALNUM_RUN_BEFORE = re.compile("[a-zA-Z0-9]*$")
_ALNUM_RUN = re.compile("[a-zA-Z0-9]*")
_LEET_LETTERS = str.maketrans("013457", "oieast")
_DIGIT_RUN = re.compile(r"\+?\d[\d\s().-]{5,18}\d")
_CHANNEL_HINTS = (
    *("whats", "telegram", "wechat", "viber", "signal", "instagram", "snapchat", "kik"),
    *("zap", "微信", "威信", "薇信", "vx"),
)
_SPACE_PUNCT = re.compile(r"[\W_]+")
_VOWELS = frozenset("aeiouy")
# Texts up to this long (after removing punctuation) may be a pasted interface message.
_UI_TEXT_LIMIT = 60
# Texts up to this long (after removing punctuation) may be a test post.
_TEST_POST_LIMIT = 40
# Texts up to this long may be the review form's labels pasted in place of a review.
_FORM_TEXT_LIMIT = 200
# So many accounts or profiles ("15 accounts", "30 perfis", "20 comptes").
_MANY_ACCOUNTS = re.compile(
    r"(?<![\d.,])(?P<count>\d{1,3})\s*(?:accounts|profiles|comptes|cuentas|perfiles|profili|perfis|"
    r"profielen|konten|kont)(?![^\W\d_])"
)
_MANY = 3
# What opens a sentence that follows a demand: "then", "after that" ("Dann reden wir über die
# Sterne", "La reseña, ya veremos" has none and counts by its change word).
_THEN = re.compile(
    r"(?:then|after that|otherwise|dann|danach|sonst|ensuite|apres|sinon|despues|luego|si no|"
    r"poi|dopo|altrimenti|depois|senao|dan|daarna|anders|然后|然後|那|否则|否則|それから|その後)"
    r"(?![^\W\d_])"
)
# One character typed again and again ("ㄅㄅㄅㄅㄅ", "哈哈哈哈"): mashing, not words.
_REPEATED_CHARACTER = re.compile(r"(\w)\1{2,}")
# A pasted dialog is a message of a sentence or two and its buttons.
_DIALOG_SENTENCES = 3
# Texts up to this long may be a question to other readers rather than a review.
_QUESTION_LIMIT = 200
# "操" alone, as an exclamation ("客服还踢皮球，操！"), not inside 操作, 体操 ...
_CAO_ALONE = re.compile(r"(?<![体早做出节情曹])操(?=\s*[!~～]|\s*$)")


@dataclass(frozen=True)
class _Lists:
    gan: re.Pattern[str]
    # A swear word (folded) and its profane reading: not before the characters that make it
    # an ordinary word ("三小時" is three hours).
    ordinary_after: dict[str, re.Pattern[str]]
    masked_targets: frozenset[str]
    patterns: dict[str, re.Pattern[str] | None]
    matchers: dict[str, Matcher]
    # Per length of a short text, the interface messages long enough to make it off-topic.
    ui_strings_by_length: tuple[tuple[str, ...], ...]
    # Words read in any script (see `script_matchers`): a pitch's contacts, interface labels.
    pitch_contacts: ScriptMatchers
    ui_labels: ScriptMatchers
    keyboard_runs: tuple[str, ...]
    # The words of a test post ("test", "テスト"), and what else one may hold ("werkt dit").
    test_posts: re.Pattern[str]
    test_post_words: re.Pattern[str]
    kana_rows: tuple[str, ...]
    # A lost pet's notice: a word of missing and a pet, in any script.
    lost_words: ScriptMatchers
    pets: ScriptMatchers


def _matcher(words: list[Any], spaced: bool = True) -> Matcher:
    return compile_terms(((str(word), 0) for word in words), spaced=spaced)


def _any_script_pattern(words: list[Any]) -> re.Pattern[str]:
    """The words as one regex: Latin ones as whole words, Chinese and Japanese ones anywhere."""
    latin = sorted((str(word) for word in words if str(word).isascii()), key=len, reverse=True)
    cjk = sorted((str(word) for word in words if not str(word).isascii()), key=len, reverse=True)
    spaced = "|".join(map(re.escape, latin))
    return re.compile("|".join([rf"\b(?:{spaced})\b", *map(re.escape, cjk)]))


@cache
def _lists() -> _Lists:
    data = load_toml("grounds.toml")
    obscene_table = data["obscene_language"]
    after = re.escape(str(obscene_table.get("zh_gan_ordinary_after", "")))
    before = re.escape(str(obscene_table.get("zh_gan_ordinary_before", "")))
    gan = re.compile(f"(?<![{before}])幹(?![{after}])")
    spam, threat, off = data["promotional_or_spam"], data["threat_or_extortion"], data["off_topic"]
    patterns = {
        "channels": words_pattern(spam["channels"]),
        "contact_verbs": words_pattern(spam["contact_verbs"]),
        "first_person": words_pattern(off["first_person"]),
    }
    matchers = {
        name: _matcher(table[name])
        for table, names in (
            (spam, ("scam_context", "promo_words", "offer_words", "invitations")),
            (
                threat,
                (
                    "review_words",
                    "change_verbs",
                    "demands",
                    "reporting_cues",
                    "harm",
                    "brigade",
                    "sink_words",
                    "demand_acts",
                    "publish_threats",
                    "regrets",
                    "ultimatums",
                ),
            ),
        )
        for name in names
    }
    ui_strings = sorted({normalize_for(str(s), "zh") for s in off["ui_strings"]})
    return _Lists(
        gan=gan,
        ordinary_after={
            normalize_for(str(word), "zh"): re.compile(f"{re.escape(str(word))}(?![{chars}])")
            for word, chars in obscene_table.get("ordinary_after", {}).items()
        },
        masked_targets=frozenset(str(w) for w in obscene_table.get("masked_targets", [])),
        patterns=patterns,
        matchers=matchers,
        ui_strings_by_length=_by_length(
            tuple(normalize_for(str(s), "zh") for s in off["ui_strings"]), _UI_TEXT_LIMIT
        ),
        keyboard_runs=tuple(str(s) for s in off["keyboard_runs"]),
        test_posts=_any_script_pattern(off["test_posts"]),
        test_post_words=_any_script_pattern(off["test_post_words"]),
        kana_rows=tuple(str(s) for s in off["kana_rows"]),
        lost_words=script_matchers(off["lost_words"]),
        pets=script_matchers(off["pets"]),
        pitch_contacts=script_matchers(spam["pitch_contacts"]),
        ui_labels=script_matchers(ui_strings),
    )


def _by_length(ui_strings: tuple[str, ...], limit: int) -> tuple[tuple[str, ...], ...]:
    """For each text length up to `limit`, the strings that fill at least a third of it."""
    return tuple(
        tuple(ui for ui in ui_strings if len(ui) * 3 >= length) for length in range(limit + 1)
    )


# Word lists read in the single first scan of every review; the rest run only when needed.
_FIRST_SCAN = (
    "obscene",
    "recovery",
    "recovery_claims",
    "profile_pointers",
    "review_words",
    "harm",
    "self_promotion",
    "asks_others",
    "filler",
    "earning_pitch",
    "private_details",
)


@cache
def _first_scan(language: str) -> tuple[Matcher, tuple[str, ...]]:
    """One matcher for the language's swear words and the spam and threat trigger words."""
    data = load_toml("grounds.toml")
    table = data["obscene_language"]
    swear = table.get(language) if isinstance(table.get(language), list) else None
    words = {
        "obscene": [*table.get("en", []), *(swear or [])],
        "recovery": data["promotional_or_spam"]["recovery"],
        "recovery_claims": data["promotional_or_spam"]["recovery_claims"],
        "profile_pointers": data["promotional_or_spam"]["profile_pointers"],
        "review_words": data["threat_or_extortion"]["review_words"],
        # The gate of the threat reading: a harm, or a regret that may count as one.
        "harm": [*data["threat_or_extortion"]["harm"], *data["threat_or_extortion"]["regrets"]],
        "self_promotion": data["promotional_or_spam"]["self_promotion"],
        "asks_others": data["off_topic"]["asks_others"],
        "filler": data["off_topic"]["filler"],
        "earning_pitch": data["promotional_or_spam"]["earning_pitch"],
        "private_details": data["threat_or_extortion"]["private_details"],
    }
    spaced = language not in UNSPACED_LANGUAGES
    terms = [(str(w), _FIRST_SCAN.index(name)) for name, ws in words.items() for w in ws]
    return compile_terms(terms, spaced=spaced), _FIRST_SCAN


def _scan(analysis: Analysis, language: str) -> dict[str, list[str]]:
    matcher, names = _first_scan(language)
    hits: dict[str, list[str]] = {name: [] for name in names}
    for start, end, label_ids in matcher.finditer(analysis.folded):
        for label_id in label_ids:
            hits[names[label_id]].append(analysis.quote(start, end))
    return hits


def _found(matcher: Matcher, analysis: Analysis) -> list[str]:
    return [analysis.quote(s, e) for s, e, _ in matcher.finditer(analysis.folded)]


def _masked_profanity(analysis: Analysis, targets: frozenset[str]) -> list[str]:
    """Words with symbols standing in for letters ("f***", "Fu@$!ng") that fit a swear word."""
    found = []
    for match in _MASKED.finditer(analysis.clean):
        token = match.group(1).rstrip("!")
        if len(token) < 3:
            continue
        shape = re.compile(
            "".join("." if ch in "*@#$%!" else re.escape(ch) for ch in token.lower())
        )
        if any(shape.fullmatch(target) for target in targets):
            start = match.start(1)
            found.append(analysis.quote(start, start + len(token), level="clean"))
    return found


def _profane(
    words: list[str], analysis: Analysis, readings: dict[str, re.Pattern[str]]
) -> list[str]:
    """The swear words found, less those that stand only in ordinary words here."""
    if not words or not readings:
        return list(words)
    kept = []
    for word in words:
        reading = readings.get(normalize_for(word, "zh"))
        if reading is None or reading.search(analysis.clean):
            kept.append(word)
    return kept


def _obscene(analysis: Analysis, hits: dict[str, list[str]], language: str) -> list[str]:
    lists = _lists()
    found = _profane(hits["obscene"], analysis, lists.ordinary_after)
    clean = analysis.clean
    if "操" in clean:
        found += [analysis.quote(*m.span(), level="clean") for m in _CAO_ALONE.finditer(clean)]
    if language == "zh" or "幹" in clean:
        found += [analysis.quote(*m.span(), level="clean") for m in lists.gan.finditer(clean)]
    if _MASK_SYMBOL.search(clean):
        found += _masked_profanity(analysis, lists.masked_targets)
    if _MAY_BE_LEET.search(clean):
        found += _leet_profanity(analysis, lists.masked_targets)
    return found


def _leet_profanity(analysis: Analysis, targets: frozenset[str]) -> list[str]:
    """Words with digits for the letters they look like ("sh1t") that spell a swear word."""
    clean = analysis.clean
    found = []
    position = 0
    for digit in _MAY_BE_LEET.finditer(clean):
        if digit.start() < position:
            continue  # inside the word just read
        before = _ALNUM_RUN_BEFORE.search(clean, max(0, digit.start() - 20), digit.start())
        start = before.start() if before else digit.start()
        run = _ALNUM_RUN.match(clean, digit.start())
        position = run.end() if run else digit.end()
        if clean[start:position].lower().translate(_LEET_LETTERS) in targets:
            found.append(analysis.quote(start, position, level="clean"))
    return found


def _promotional(analysis: Analysis, hits: dict[str, list[str]]) -> list[str]:
    """Contact-me-on-WhatsApp pushes, fund-recovery templates, links sold with promo words, the
    poster's own shop or code with an offer, and earn-from-home pitches with a contact."""
    lists = _lists()
    evidence = list(hits["recovery"])
    pointers = hits["profile_pointers"]
    channels, verbs = lists.patterns["channels"], lists.patterns["contact_verbs"]
    folded, clean = analysis.folded, analysis.clean
    # A recovery template's claim sends the reader somewhere; a customer telling that the
    # bank never helped them recover their money sends no one anywhere.
    if hits["recovery_claims"] and (
        _points_to_contact(analysis, pointers)
        or (verbs is not None and verbs.search(folded))
        or "@" in clean
        or _has_number(clean)
    ):
        evidence += hits["recovery_claims"]
    if pointers and _found(lists.matchers["scam_context"], analysis):
        evidence += pointers
    if channels is not None and verbs is not None and any(map(folded.__contains__, _CHANNEL_HINTS)):
        channel = channels.search(folded)
        if channel and (verbs.search(folded) or _has_number(clean)):
            evidence.append(analysis.quote(*channel.span()))
    own = hits["self_promotion"]
    if own and (_found(lists.matchers["offer_words"], analysis) or _MAY_BE_URL.search(clean)):
        evidence += own
    pitch = hits["earning_pitch"]
    if pitch and _points_to_contact(analysis, pointers):
        evidence += pitch
    if _MAY_BE_URL.search(clean):
        urls = [analysis.quote(*m.span(), level="clean") for m in _URL.finditer(clean)]
        if urls:
            promo = _found(lists.matchers["promo_words"], analysis)
            if promo:
                evidence += urls + promo
    # A code or a discount with the poster's invitation to their own place ("venite da
    # SushiKoi in via Sarpi, 20% di sconto con il codice KOI20"): a rival's push without a link.
    invited = _found(lists.matchers["invitations"], analysis)
    if invited and not evidence:
        promo = _found(lists.matchers["promo_words"], analysis)
        if promo:
            evidence += invited + promo
    return evidence


def _points_to_contact(analysis: Analysis, pointers: list[str]) -> bool:
    """Whether the text sends the reader somewhere: a profile, "add me" or "DM me" in any
    language, or a link."""
    return bool(
        pointers
        or any(_found(matcher, analysis) for matcher in _lists().pitch_contacts)
        or _MAY_BE_URL.search(analysis.clean)
    )


def _has_number(clean: str) -> bool:
    """Whether the text holds a number of at least seven digits (a phone number), spaced or not."""
    return any(
        sum(char.isdigit() for char in match.group()) >= 7 for match in _DIGIT_RUN.finditer(clean)
    )


def _threat(analysis: Analysis, language: str, hits: dict[str, list[str]]) -> list[str]:
    """Extortion (review changed for money or goods) and threats of harm, sentence by sentence;
    a demand followed by the review's fate in the next sentence, or the review named and its
    price in the next; many accounts set against the rating; the owner's private details to
    be published."""
    matchers = _lists().matchers
    evidence: list[str] = []
    # Most reviews name neither a review nor a harm nor someone's private details; skip the
    # sentence-by-sentence reading.
    if not hits["review_words"] and not hits["harm"] and not hits["private_details"]:
        return evidence
    reporting = matchers["reporting_cues"]
    folded = analysis.folded
    if not _any(reporting, folded):
        if hits["private_details"]:
            evidence += _doxxing(analysis, hits["private_details"])
        if hits["review_words"]:
            evidence += _brigade(analysis)
        evidence += _demand_then_review(analysis)
    # Its own two sentences must quote nobody; a report elsewhere does not undo it.
    code = language.split("-")[0].lower()
    evidence += _review_then_bargain(analysis, code)
    conditions = _in_language("conditions", code)
    regret = (matchers["regrets"], matchers["ultimatums"], matchers["demands"])
    for start, end in analysis.sentences:
        sentence = folded[start:end]
        # A sentence counts for its harm words, or for a review word together with a change
        # verb, a condition and a demand; a reporting cue (quoting someone) cancels either.
        # The cheap tests come first: most sentences have none of these words.
        harm = [(s, e) for s, e, _ in matchers["harm"].finditer(sentence)]
        if all(_first(matcher, sentence) for matcher in regret):
            harm += [(s, e) for s, e, _ in matchers["regrets"].finditer(sentence)]
        if not harm and not all(
            _first(matcher, sentence)
            for matcher in (
                matchers["review_words"],
                matchers["change_verbs"],
                conditions,
                matchers["demands"],
            )
        ):
            continue
        if _any(reporting, sentence):
            continue
        if harm:
            evidence += [analysis.quote(start + s, start + e) for s, e in harm]
        else:
            evidence.append(analysis.quote(start, end).strip())
    return evidence


def _doxxing(analysis: Analysis, details: list[str]) -> list[str]:
    """The owner's private details (`details`, found by the first scan) to be published ("I'll
    post his home address", "院長の自宅住所 ... 晒します")."""
    return details if _any(_lists().matchers["publish_threats"], analysis.folded) else []


def _brigade(analysis: Analysis) -> list[str]:
    """Many accounts set against the rating ("we have 15 accounts between us", "mit zig
    Accounts", "二十几个号"): said beside a word of sinking it."""
    matchers = _lists().matchers
    folded = analysis.folded
    if not _any(matchers["sink_words"], folded):
        return []
    counted = [
        analysis.quote(*m.span())
        for m in _MANY_ACCOUNTS.finditer(folded)
        if int(m.group("count")) >= _MANY
    ]
    return _found(matchers["brigade"], analysis) + counted


def _demand_then_review(analysis: Analysis) -> list[str]:
    """A demand said outright in one sentence and the review's fate in the next ("Ich will die
    50 Euro zurück. Dann reden wir über die Sterne."; "You have until Friday to refund me.
    After that this review goes on every forum"): the second names the review or the rating
    and a change, or opens with "then". A refund told of ("The refund took three weeks. Then I
    updated my review") demands nothing."""
    matchers = _lists().matchers
    folded = analysis.folded
    sentences = analysis.sentences
    found = []
    for (start, end), (after, last) in itertools.pairwise(sentences):
        first = folded[start:end]
        if not (_first(matchers["demands"], first) and _first(matchers["demand_acts"], first)):
            continue
        second = folded[after:last]
        if _first(matchers["review_words"], second) and (
            _first(matchers["change_verbs"], second) or _THEN.match(second.lstrip())
        ):
            found.append(analysis.quote(start, last).strip())
    return found


@cache
def _in_language(name: str, language: str) -> Matcher:
    """The threat list `name` (`conditions`, or `bargains`: the "if" of a bargain), with the
    words it has only in `language` (`<name>_in`: Italian and Portuguese "se", Dutch "als",
    Latvian "ja", which are other words elsewhere: Spanish "se" is a pronoun)."""
    table = load_toml("grounds.toml")["threat_or_extortion"]
    return _matcher([*table[name], *table[f"{name}_in"].get(language, [])])


def _review_then_bargain(analysis: Analysis, code: str) -> list[str]:
    """The review named in one sentence and its price in the next, where it is only "it" ("...
    o pongo esta reseña en todas partes. Si me los devolvéis la borro."; "Cet avis reste.
    Si vous me remboursez, je le supprime."): an "if" (`bargains`), a demand and a change in
    the second. "When the refund came I changed it" tells of the past: no "if"."""
    matchers = _lists().matchers
    folded = analysis.folded
    found = []
    for (start, end), (after, last) in itertools.pairwise(analysis.sentences):
        second = folded[after:last]
        if _first(matchers["review_words"], second) or not _first(
            matchers["review_words"], folded[start:end]
        ):
            continue
        if (
            _first(_in_language("bargains", code), second)
            and _first(matchers["demands"], second)
            and _first(matchers["change_verbs"], second)
            and not _any(matchers["reporting_cues"], folded[start:last])
        ):
            found.append(analysis.quote(start, last).strip())
    return found


def _names_no_complaint(analysis: Analysis, language: str) -> bool:
    """Whether a text that asks other readers something or fills a word count (the first scan
    found the words) is short and names no complaint topic: not a review."""
    if len(analysis.clean) > _QUESTION_LIMIT:
        return False
    return not word_list_categories(analysis, language)


def _first(matcher: Matcher, text: str) -> bool:
    """Whether the first term the matcher finds in `text` covers any text."""
    for start, end, _ in matcher.finditer(text):
        return end > start
    return False


def _any(matcher: Matcher, text: str) -> bool:
    """Whether the matcher finds anything in `text`."""
    return next(matcher.finditer(text), None) is not None


def _mostly_interface(compact: str, ui_labels: tuple[Matcher, ...]) -> bool:
    """Whether interface labels fill most of a short text ("Bewertung schreiben Sterne
    auswählen ... Abbrechen Posten": the review form pasted instead of a review)."""
    letters = len(compact) - compact.count(" ")
    if letters < 20:
        return False
    filled = sum(
        end - start - compact.count(" ", start, end)
        for matcher in ui_labels
        for start, end, _ in matcher.finditer(compact)
    )
    return filled >= 0.7 * letters


def _off_topic(analysis: Analysis, language: str, hits: dict[str, list[str]]) -> list[str]:
    """Pasted interface messages, keyboard mashing and questions to other readers: text
    that is not a review at all."""
    lists = _lists()
    text = analysis.text
    # "Does anyone know if it fits the 2019 model?": a question, unless it complains too;
    # "writing this for the points, it rained today": filler, unless it complains too.
    if (hits["asks_others"] or hits["filler"]) and _names_no_complaint(analysis, language):
        return [text.strip()]
    # A lost pet's notice gives a number to call; without one, nothing may be complained of.
    if _lost_pet(analysis, lists) and (
        _has_number(analysis.clean) or _names_no_complaint(analysis, language)
    ):
        return [text.strip()]
    # Pasted messages and keyboard mashing are short; longer texts are never off-topic here.
    if len(analysis.clean) > _FORM_TEXT_LIMIT:
        return []
    compact = _SPACE_PUNCT.sub(" ", analysis.simplified).strip()
    if not compact:
        return []
    if len(compact) <= _TEST_POST_LIMIT and _test_post(compact, lists):
        return [text.strip()]
    # A pasted form is a run of labels, a pasted dialog a message or two and its buttons
    # ("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an. OK Abbrechen").
    if len(analysis.sentences) <= _DIALOG_SENTENCES and _mostly_interface(compact, lists.ui_labels):
        return [text.strip()]
    if len(analysis.clean) > 80:
        return []
    if len(compact) <= _UI_TEXT_LIMIT:
        first_person = lists.patterns["first_person"]
        person = first_person is not None and first_person.search(compact)
        if not person and any(map(compact.__contains__, lists.ui_strings_by_length[len(compact)])):
            return [text.strip()]
    letters = compact.replace(" ", "")
    # Keyboard mashing is short; longer texts are never treated as gibberish.
    if len(compact) <= 40 and letters.isascii() and letters.isalpha() and len(letters) >= 6:
        # Gibberish is what no language's words explain.
        guess = detect_language(analysis, second_opinion=False)
        if guess.fallback and language not in UNSPACED_LANGUAGES:
            mashed = any(run in letters for run in lists.keyboard_runs)
            vowels = sum(ch in _VOWELS for ch in letters) / len(letters)
            if mashed or vowels < 0.15:
                return [text.strip()]
    return []


def _lost_pet(analysis: Analysis, lists: _Lists) -> bool:
    """Whether the text is a lost pet's notice: a word of missing and a pet's ("VERMIST:
    grijze kater", "chien perdu", "寻猫")."""
    folded = analysis.folded
    return any(_any(m, folded) for m in lists.lost_words) and any(
        _any(m, folded) for m in lists.pets
    )


def _test_post(compact: str, lists: _Lists) -> bool:
    """Whether a short text is a test post (a test word, and nothing but its companions and
    digits: "test test 123 werkt dit") or kana typed in the table's order."""
    if sum(row in compact for row in lists.kana_rows) >= 2:
        return True
    rest, tests = lists.test_posts.subn(" ", compact)
    if not tests:
        return False
    rest = _REPEATED_CHARACTER.sub(" ", lists.test_post_words.sub(" ", rest))
    # Keyboard mashing beside the test word ("asdfjkl 測試") is no content either.
    words = [word for word in rest.split() if not any(run in word for run in lists.keyboard_runs)]
    return not any(char.isalpha() for word in words for char in word)


def detect_grounds(
    text: Analysis | str,
    language: str,
    *,
    categories: tuple[Category, ...] | None = None,
) -> tuple[GroundMatch, ...]:
    """Find the removal grounds the review text itself shows, each with its evidence.

    Reads the review's `Analysis` (a plain text is analysed first); `categories` are the
    topics the one-sided properties look at, by default the word lists' own decision
    (`categories.word_list_categories`), which those rules were measured on. Covers
    obscene_language, personal_information, off_topic, promotional_or_spam,
    threat_or_extortion, and the two text properties seller_feedback_is_product_review and
    product_review_is_seller_feedback, which only the platform rules for Amazon use.
    ``fba_delivery_only`` depends on the order, not the text, and is never returned.
    """
    analysis = analyse(text) if isinstance(text, str) else text
    if not analysis.folded or analysis.folded.isspace():
        return ()
    hits = _scan(analysis, language)
    personal = _personal.find_emails(analysis) + _personal.find_phones(analysis)
    personal += _personal.find_staff_names(analysis) + _personal.find_handles(analysis)
    personal += _personal.find_addresses(analysis) + _personal.find_cjk_staff_names(analysis)
    personal += _personal.find_plates(analysis)
    found = {
        "obscene_language": _obscene(analysis, hits, language),
        "personal_information": personal,
        "off_topic": _off_topic(analysis, language, hits),
        "promotional_or_spam": _promotional(analysis, hits),
        "threat_or_extortion": _threat(analysis, language, hits),
    }
    if found["promotional_or_spam"] and (
        hits["recovery"] or hits["recovery_claims"] or hits["profile_pointers"]
    ):
        # A recovery-scam template is not a review of anything either.
        found["off_topic"] = found["off_topic"] or found["promotional_or_spam"][:1]
    matches = [
        GroundMatch(ground, tuple(dict.fromkeys(evidence)))
        for ground, evidence in found.items()
        if evidence
    ]
    if categories is None:
        categories = word_list_categories(analysis, language)
    return (*matches, *one_sided(analysis, language, categories))
