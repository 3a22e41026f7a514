"""Personal information in review text: phone numbers, e-mail addresses, staff full names.

Each finder reads a text's `Analysis`: the patterns run over its ``clean`` level (case kept,
full-width digits plain, invisible characters gone), the cue words are looked up in its
``folded`` level, and what is found is quoted from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from reviewwatch.triage._lexicon import load_toml, normalize, words_pattern
from reviewwatch.triage.analysis import Analysis

_EMAIL = re.compile(
    r"(?<![\w.+-])([\w.+-]{1,64})@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,})"
)
# Digits in groups, optionally with a country code or an area code in brackets.
_PHONE = re.compile(r"(?<![\w$€£#/.,-])(\+?\(?\d[\d\s().-]{7,18}\d)(?![\w%/-]|[.,]\d)")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĒĖĘĚĢĪĮĶĹĻŁŃŅŇŌŐŒŔŘŚŠŢŤŪŮŰŲŹŻŽ"
_LOWER = "a-zß-öø-ÿāăąćčďēėęěģīįķĺļłńņňōőœŕřśšţťūůűųźżž"
# An Irish, Italian or French elided prefix may come first ("O'Connor", "D'Angelo").
_NAME_WORD = f"(?:[{_UPPER}]['’])?[{_UPPER}](?:[{_LOWER}]+[{_UPPER}])?[{_LOWER}]+"
_PARTICLE = r"(?:de|del|de la|da|dos|van|van der|van den|von|di|le|la|du|San|Mc)"
# A name word not preceded by a word character; the look-behind comes after the first letter
# (which it covers too), so that the regex engine only tries where an upper-case letter is.
# A double first name is joined by a hyphen ("Jean-Pierre", "Hans-Peter").
_FIRST_NAME_WORD = (
    f"[{_UPPER}](?<!\\w.)(?:[{_LOWER}]+[{_UPPER}])?[{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
)
# First name, optional middle initial, then one or two family names (particles allowed).
_FULL_NAME = re.compile(
    rf"({_FIRST_NAME_WORD})\s+(?:[{_UPPER}]\.\s*)?"
    rf"((?:{_PARTICLE}\s+)?{_NAME_WORD}(?:[ -](?:{_PARTICLE}\s+)?{_NAME_WORD})?)(?![\w])"
)
# A signature with the family name in capitals ("Claire DUBOIS"), the usual way in French:
# counted only where it ends the text, since capitals elsewhere are shouting.
_CAPS_SIGNATURE = re.compile(
    rf"({_FIRST_NAME_WORD})\s+([{_UPPER}]{{2,}}(?:[ -][{_UPPER}]{{2,}})?)[\s.!]*$"
)
# The reviewer's own account on a social network ("my Instagram @jane.doe.art").
_HANDLE = re.compile(
    r"\b(?:my|mi|mon|ma|mein|meinem|meine|mijn|il mio|meu)\s+"
    r"(?:instagram|insta|ig|twitter|tiktok|snapchat|facebook|threads|x)"
    r"(?:\s+(?:account|handle|page|profile|is|:))*\s*(@[\w.]{3,30}\w)",
    re.IGNORECASE,
)
_WINDOW = 40
_MAILBOX_PARTS = re.compile(r"[.+_-]")
# A Chinese mobile number is eleven digits from 13-19: no other number has that shape.
_CHINESE_MOBILE = re.compile(r"1[3-9]\d{9}")
# Mobile numbers written the national way, which businesses seldom give: German 015x-017x,
# British 07, Dutch 06, French 06 and 07 (a mobile is a person's, however it is grouped).
_MOBILE = re.compile(r"01[5-7]\d{8,9}|07\d{9}|0[67]\d{8}")
_CHINESE_MOBILE_IN_TEXT = re.compile(r"(?<![\d.])1[3-9]\d{9}(?![.,]?\d)")
# What may follow a signature: the signer's town (", Tulsa", " (Zaragoza)", " uit Zwolle", or
# "Phoenix, AZ" on the next line).
_TOWN_AFTER = re.compile(
    rf"(?P<joint>[,(]\s*|(?:uit|aus|from|de|di|da|z|em|in)\s+)?"
    rf"[{_UPPER}][\w .'-]{{1,30}}?\)?(?:,\s*[A-Z]{{2}})?"
)
# Cheap first looks, so that most reviews skip the detailed patterns.
_MAY_BE_PHONE = re.compile(r"\d[\d\s().-]{7,18}\d")
_MAY_BE_NAME = re.compile(
    f"[{_UPPER}][{_LOWER}]+\\s+(?:[{_UPPER}]\\.\\s*)?(?:{_PARTICLE}\\s+)?[{_UPPER}]"
)


@dataclass(frozen=True)
class _Config:
    first_names: frozenset[str]
    staff_cues: re.Pattern[str] | None
    introductions: re.Pattern[str] | None
    phone_cues: re.Pattern[str] | None
    business_cues: re.Pattern[str] | None
    closings: re.Pattern[str] | None
    role_mailboxes: frozenset[str]
    business_places: re.Pattern[str] | None
    reference_words: re.Pattern[str] | None
    chinese_names: re.Pattern[str] | None
    japanese_names: re.Pattern[str] | None
    business_prefixes: tuple[str, ...]
    unanswered: re.Pattern[str] | None


@cache
def _config() -> _Config:
    data = load_toml("grounds.toml")["personal_information"]
    names = str(load_toml("names.toml").get("first_names", ""))
    return _Config(
        first_names=frozenset(normalize(name) for name in names.split()),
        staff_cues=words_pattern([str(w) for w in data.get("staff_cues", [])]),
        introductions=words_pattern([str(w) for w in data.get("self_introductions", [])]),
        phone_cues=words_pattern([str(w) for w in data.get("phone_cues", [])]),
        business_cues=words_pattern([str(w) for w in data.get("business_phone_cues", [])]),
        unanswered=words_pattern([str(w) for w in data.get("unanswered_cues", [])]),
        closings=words_pattern([str(w) for w in data.get("signature_closings", [])]),
        role_mailboxes=frozenset(str(w) for w in data.get("role_mailboxes", [])),
        business_places=words_pattern([str(w) for w in data.get("business_places", [])]),
        reference_words=words_pattern([str(w) for w in data.get("reference_words", [])]),
        chinese_names=_chinese_names(data.get("cjk_names", {})),
        japanese_names=_japanese_names(data.get("cjk_names", {})),
        business_prefixes=tuple(str(p) for p in data.get("business_prefixes", [])),
    )


def _alternation(words: Any) -> str:
    return "|".join(sorted((re.escape(str(word)) for word in words), key=len, reverse=True))


def _chinese_names(table: dict[str, Any]) -> re.Pattern[str] | None:
    """A role word, an optional 的/是/叫, a family name of the list and one or two more
    characters that are not a particle or a verb of the sentence around the name; or such a
    name "called" before the role ("叫陈美玲的店员")."""
    roles, surnames = table.get("zh_roles", []), "".join(table.get("zh_surnames", []))
    if not roles or not surnames:
        return None
    stops = "".join(table.get("zh_not_given", []))
    given = f"[\u4e00-\u9fff](?<![{stops}])"
    titles = table.get("zh_titles", [])
    # The name starts the text or a phrase, or follows 的 ("态度很差的林美华小姐").
    after = (
        f"|(?:(?<![\u4e00-\u9fff])|(?<=的))"
        f"(?P<titled>[{surnames}]{given}{given})(?:{_alternation(titles)})"
    )
    # "一位叫陈美玲的店员": a full name said to be the name of the role that follows.
    called = f"|(?:叫|名叫|叫做)(?P<called>[{surnames}]{given}{given}?)的?(?:{_alternation(roles)})"
    return re.compile(
        f"(?:{_alternation(roles)})(?:的|是|叫|名叫)?(?P<name>[{surnames}]{given}{given}?)"
        + (after if titles else "")
        + called
    )


def _japanese_names(table: dict[str, Any]) -> re.Pattern[str] | None:
    """A role word, an optional の or comma ("担当者、佐藤健一さん"), three to six kanji (a family
    and a given name) and an honorific."""
    roles = table.get("ja_roles", [])
    if not roles:
        return None
    return re.compile(
        f"(?:{_alternation(roles)})[の、,，]?\\s?(?P<name>[\u4e00-\u9fff々]{{3,6}})"
        "(?:さん|様|氏|くん|ちゃん|という|って人)"
    )


def _folded(analysis: Analysis, start: int, end: int) -> str:
    """The folded text made from the original text's [start, end)."""
    return analysis.folded[analysis.position(start) : analysis.position(end)]


def find_emails(analysis: Analysis) -> list[str]:
    """E-mail addresses of people; shared business mailboxes (info@, support@) are skipped."""
    text = analysis.clean
    if "@" not in text:
        return []
    config = _config()
    found = []
    for match in _EMAIL.finditer(text):
        # "support-eu@", "info.de@", "atencion_cliente@": a role word first is a role mailbox.
        local = _MAILBOX_PARTS.split(match.group(1).lower().strip("."))[0]
        if local not in config.role_mailboxes:
            found.append(analysis.quote(*match.span(), level="clean"))
    return found


def _looks_like_phone(
    candidate: str, before: str, folded_before: str, folded_after: str, config: _Config
) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if not 9 <= len(digits) <= 15:
        return False
    compact = candidate.lstrip("+(").replace("(", "").replace(")", "")
    if any(compact.startswith(prefix) for prefix in config.business_prefixes):
        return False
    # Dates, amounts and order numbers look like digit runs; a phone needs a "+" prefix,
    # separators typical of phone numbers, or a phone word right before it.
    if config.business_cues is not None and (
        config.business_cues.search(folded_before) or config.business_cues.search(folded_after)
    ):
        # "customer service at ...", "Hotline ...", "... listed on the salon's website".
        return False
    if config.unanswered is not None and config.unanswered.search(folded_after):
        # "... 02 8899 1122 squilla a vuoto": a line nobody answers is the business's.
        return False
    cue = _last(config.phone_cues, folded_before)
    # "tracking number 6200 1234 5678", "订单号 ...": a reference, unless a phone word comes
    # later, not as part of the reference's name ("parcel never came, call me on ...").
    reference = _last(config.reference_words, folded_before)
    if reference is not None and (cue is None or cue.start() <= reference.end() + 1):
        return False
    grouped = len(re.findall(r"\d+", candidate)) >= 3 or candidate.startswith(("+", "("))
    grouped = grouped or bool(_CHINESE_MOBILE.fullmatch(digits) or _MOBILE.fullmatch(digits))
    return bool(grouped or cue) and not re.search(r"(order|#|no\.|nr|ref|id)\W*$", before, re.I)


def _last(pattern: re.Pattern[str] | None, text: str) -> re.Match[str] | None:
    """The last match of `pattern` in `text`, if any."""
    matches = list(pattern.finditer(text)) if pattern is not None else []
    return matches[-1] if matches else None


def find_phones(analysis: Analysis) -> list[str]:
    """Personal phone numbers (toll-free and premium business numbers are skipped)."""
    text = analysis.clean
    if not _MAY_BE_PHONE.search(text):
        return []
    config = _config()
    found: list[str] = []
    # A mobile number written right after a CJK comma (folded to ",") escapes the pattern's
    # guard against amounts; its shape says what it is, so it is a candidate too.
    spans = [match.span(1) for match in _PHONE.finditer(text)]
    spans += [
        match.span()
        for match in _CHINESE_MOBILE_IN_TEXT.finditer(text)
        if not any(start <= match.start() < end for start, end in spans)
    ]
    for start, end in sorted(spans):
        raw = text[start:end]
        candidate = raw.strip(" .-")
        window = max(0, start - 40)
        first, last = analysis.span(window, start, level="clean")
        after = analysis.span(end, min(len(text), end + 30), level="clean")
        folded_before, folded_after = _folded(analysis, first, last), _folded(analysis, *after)
        if _looks_like_phone(candidate, text[window:start], folded_before, folded_after, config):
            begin = start + raw.index(candidate)
            found.append(analysis.quote(begin, begin + len(candidate), level="clean"))
    return found


def _is_signature(text: str, start: int, end: int) -> bool:
    """A name that ends the text (or its line is followed by the signer's town only),
    standing after a line break or a sentence end."""
    rest = text[end:].strip(" \t\r\n.!-—")
    if rest:
        town = _TOWN_AFTER.fullmatch(rest)
        # A town with nothing joining it to the name stands on the next line.
        if town is None or (town.group("joint") is None and "\n" not in text[end:]):
            return False
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in "\n.!-—,:)"


def _after_closing(analysis: Analysis, start: int, end: int, config: _Config) -> bool:
    """A name that ends the text right after a closing word ("Regards John Smith")."""
    text = analysis.clean
    if config.closings is None or text[end:].strip(" \t\r\n.!-—") != "":
        return False
    before = _folded(analysis, *analysis.span(max(0, start - 30), start, level="clean"))
    before = before.rstrip(" \t\r\n,:-—")
    return any(match.end() == len(before) for match in config.closings.finditer(before))


def _introduced(analysis: Analysis, start: int, config: _Config) -> bool:
    """Whether the reviewer introduces themselves right before the name at `start` (an
    original-text position): "I am ...", "sono ...", "jestem ..."."""
    if config.introductions is None:
        return False
    before = _folded(analysis, max(0, start - 20), start).rstrip(" ,:")
    return any(match.end() == len(before) for match in config.introductions.finditer(before))


def find_handles(analysis: Analysis) -> list[str]:
    """The reviewer's own social-network handle, given with "my Instagram" and the like."""
    text = analysis.clean
    if "@" not in text:
        return []
    return [analysis.quote(*m.span(1), level="clean") for m in _HANDLE.finditer(text)]


def _caps_signature(analysis: Analysis, config: _Config) -> list[str]:
    """A listed first name and a family name in capitals that end the text as a signature."""
    text = analysis.clean
    # A signature is short: only the end of the text is searched.
    match = _CAPS_SIGNATURE.search(text, max(0, len(text) - 80))
    if match is None:
        return []
    start, end = match.start(), match.end(2)
    if not _is_signature(text, start, end) and not _after_closing(analysis, start, end, config):
        return []
    first_name = _folded(analysis, *analysis.span(*match.span(1), level="clean"))
    if first_name.split("-")[0] not in config.first_names:
        return []
    return [analysis.quote(start, end, level="clean")]


def find_staff_names(analysis: Analysis) -> list[str]:
    """Full names (first and family name) of staff or private sellers named in the text."""
    text = analysis.clean
    if not _MAY_BE_NAME.search(text):
        return []
    config = _config()
    found = _caps_signature(analysis, config)
    position = 0
    while (match := _FULL_NAME.search(text, position)) is not None:
        # The next try starts at this match's second word: "Herr Klaus Neumann" and German
        # nouns ("Die Verkäuferin Sabine Hoffmann") must not hide the name that follows.
        position = match.start(2)
        first_name = _folded(analysis, *analysis.span(*match.span(1), level="clean"))
        if first_name.split("-")[0] not in config.first_names:
            continue
        position = match.end()
        family = match.group(2)
        last_word = family.split()[-1]
        family_end = match.end(2)
        last_name = _folded(
            analysis, *analysis.span(family_end - len(last_word), family_end, level="clean")
        )
        if last_name in config.first_names and " " not in family:
            # "Sara Paul" is more often two people than one name; keep precision.
            continue
        start, end = analysis.span(*match.span(), level="clean")
        window = _folded(analysis, max(0, start - _WINDOW), end + _WINDOW)
        cue = bool(config.staff_cues and config.staff_cues.search(window))
        cue = cue or _introduced(analysis, start, config)
        signed = _is_signature(text, match.start(), match.end()) or _after_closing(
            analysis, match.start(), match.end(), config
        )
        if cue or signed:
            found.append(analysis.quote(*match.span(), level="clean"))
    return found


# A street address with its postcode and town: "Lindenstraße 17, 44137 Dortmund", "12 rue des
# Tanneurs, 67000 Strasbourg", "Kastanjelaan 21, 3581 Utrecht", "ul. Długa 5, 00-238
# Warszawa", "Via Roma 3, 20121 Milano", "Rua das Flores, 45, 01310-100 São Paulo".
_TOWN = rf"[{_UPPER}][{_LOWER}]+(?:[ -][{_UPPER}]?[{_LOWER}]+)?"
_POSTCODE = r"(?:\d{2}-\d{3}|\d{5}-\d{3}|\d{4}\s?[A-Z]{2}|\d{4,5}|LV-\d{4})"
_STREET_SUFFIX = (
    r"(?:stra(?:ß|ss)e|str\.|weg|gasse|allee|platz|ring|damm|laan|straat|gracht|plein|kade|"
    r"singel|dreef|steeg)"
)
_STREET_WORD = (
    r"(?:rue|avenue|av\.|boulevard|bd|chemin|all[ée]e|impasse|place|quai|route|via|viale|"
    r"piazza|corso|vicolo|calle|c/|avda\.?|avenida|plaza|paseo|camino|rua|travessa|pra[çc]a|"
    r"ul\.|ulica|aleja|al\.|iela|street|st\.|road|rd\.|lane|drive)"
)
_ADDRESS = re.compile(
    rf"(?P<street>[{_UPPER}][{_LOWER}]*{_STREET_SUFFIX}\s+\d{{1,4}}[a-z]?"
    rf"|(?:\d{{1,4}}[a-z]?,?\s+)?{_STREET_WORD}\s+[^\n,;:!?]{{1,40}}?(?:,?\s*\d{{1,4}}[a-z]?)?)"
    rf",?\s+{_POSTCODE}\s+{_TOWN}",
    re.IGNORECASE,
)
# A postcode and a town: where an address can end. The street is only looked for before one.
_POSTCODE_TOWN = re.compile(
    rf"(?:\d(?<![\w-]\d)(?:\d-\d{{3}}|\d{{4}}-\d{{3}}|\d{{3}}\s?[A-Z]{{2}}|\d{{3,4}})|LV-\d{{4}})"
    rf"\s+[{_UPPER}]"
)
_STREET_REACH = 80
_TOWN_REACH = 40
# Where someone lives, said of a person ("vive en la calle Doctor Fleming 14", "he lives at 12
# Elm Road", "wohnt in der Lindenstraße 17"): a home address even without its postcode.
# The verbs' stems, looked for first in the folded text: most reviews have none.
_LIVES_CUE = re.compile(r"\b(?:vive|live|wohn|habit|woon|wone|abita|mora|mieszk|dzivo)")
_LIVES_AT = re.compile(
    r"(?<![^\W\d_])(?:vive|viven|lives|live|wohnt|wohnen|habite|habitent|woont|wonen|abita|"
    r"abitano|mora|moram|mieszka|mieszkaj[ąa]|dz[īi]vo)\s+"
    r"(?:(?:en|in|at|on|au|aan|op|na|przy|no|a|em|der|dem|la|el|the|rue)\s+){0,2}"
    rf"(?P<address>(?:\d{{1,4}}[a-z]?,?\s+)?(?:{_STREET_WORD}\s+[^\n,;:!?.]{{1,40}}?"
    rf"|[{_UPPER}][{_LOWER}]*{_STREET_SUFFIX})\s*,?\s*\d{{1,4}}[a-z]?(?![\d])"
    # The English order: the number, the name, then the kind of street ("12 Elm Road").
    rf"|\d{{1,4}}[a-z]?\s+[{_UPPER}][{_LOWER}]+(?:\s+[{_UPPER}][{_LOWER}]+)?\s+"
    r"(?:street|road|lane|drive|avenue|close|way|crescent|terrace|place|grove)\b)",
    re.IGNORECASE,
)


def find_addresses(analysis: Analysis) -> list[str]:
    """Postal addresses (a street with its number, the postcode and the town) with no word
    of a business just before them ("the shop at ..."): a home address; and a street with
    its number said to be where someone lives, without a postcode (`_LIVES_AT`)."""
    text = analysis.clean
    config = _config()
    found: list[str] = []
    last = 0
    for end in _POSTCODE_TOWN.finditer(text):
        start = max(last, end.start() - _STREET_REACH)
        match = _ADDRESS.search(text, start, end.end() + _TOWN_REACH)
        if match is None:
            continue
        last = match.end()
        if not any(char.isdigit() for char in match.group("street")):
            continue  # no house number: a street named, not an address
        first, last = analysis.span(max(0, match.start() - _WINDOW), match.start(), level="clean")
        if config.business_places is not None and config.business_places.search(
            _folded(analysis, first, last)
        ):
            continue
        found.append(analysis.quote(*match.span(), level="clean"))
    if _LIVES_CUE.search(analysis.folded) and any(char.isdigit() for char in text):
        found += [
            analysis.quote(*match.span("address"), level="clean")
            for match in _LIVES_AT.finditer(text)
            if not any(
                quote in analysis.quote(*match.span("address"), level="clean") for quote in found
            )
        ]
    return found


# A vehicle's registration named as such ("immatriculée GH-482-KT", "Kennzeichen M-AB 1234",
# "kenteken 12-ABC-3", "number plate AB12 CDE", "matrícula 1234 ABC"): letters and digits,
# in two to four groups, just after a word for the plate.
_PLATE = re.compile(
    r"(?<![^\W\d_])(?i:immatricul\w*|plaques?(?:\s+d\W?immatriculation)?|kennzeichen|"
    r"nummernschild\w*|kenteken\w*|nummerplaat|matr[ií]cula|targa(?:ta)?|"
    r"tablic\w*\s+rejestracyjn\w*|rejestracj\w*|numura\s+z[īi]m\w*|number\s+plate|"
    r"licen[cs]e\s+plate|reg(?:istration)?\s+(?:number|plate)|(?:car|van|vehicle)\s+reg(?:istration)?|车牌(?:号)?|車牌(?:號)?|"
    r"ナンバー)\W{0,3}(?i:(?:is|was|ist|war|est|era|é|es|:|n[°º])\s*)?"
    r"(?P<plate>(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}(?:[- ][A-Z0-9]{1,4}){1,3}"
    r"|(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,8})(?![\w-])"
)


# The plate words' stems, looked for first in the folded text: most reviews have none.
_PLATE_CUE = re.compile(
    r"immatric|plaque|kennzeich|nummernschild|kenteken|nummerplaat|matricul|targa|tablic|"
    r"rejestrac|numura|plate|reg|车牌|車牌|ナンバー"
)


def find_plates(analysis: Analysis) -> list[str]:
    """A vehicle registration (a courier's or a neighbour's car), named as one: it leads to
    its owner."""
    text = analysis.clean
    if not _PLATE_CUE.search(analysis.folded) or not any(char.isdigit() for char in text):
        return []
    return [
        analysis.quote(*match.span("plate"), level="clean")
        for match in _PLATE.finditer(text)
        if 5 <= len(match.group("plate").replace(" ", "").replace("-", "")) <= 9
    ]


def find_cjk_staff_names(analysis: Analysis) -> list[str]:
    """Full names of staff in Chinese and Japanese: a role word, then a common family name
    and a given name ("送货的师傅王建国", "房東陳志明"), or a name of three or more
    characters with an honorific ("店長の佐々木健一さん"). A family name alone ("王经理",
    "佐藤さん") is not a full name."""
    if not analysis.script_counts.get("han"):
        return []
    config = _config()
    found = []
    # Japanese is read as written: the Simplified level would turn 店長 into 店长.
    for pattern, text in (
        (config.chinese_names, analysis.simplified),
        (config.japanese_names, analysis.folded),
    ):
        if pattern is not None:
            found += [
                analysis.quote(*match.span(match.lastgroup or "name"))
                for match in pattern.finditer(text)
            ]
    return found
