"""Counterfeits: a fake thing (a forged product the reviewer was sent, a fraudulent listing or
shop) named with a word that also calls a review false. Telling the reviewer that what they
received was a fake, and that the seller reported it, accuses no one."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import CJK_CHAR, Span, clause_start, sentence_start, words_between
from reviewwatch.triage._concept_words import folded_pattern
from reviewwatch.triage._concepts import Reading

# A fake thing, not a false review, after the word: "this fake shop", "a fake account",
# "fake-Shop", "nep-aanbieder", "falsos anuncios".
_THING_AFTER = re.compile(
    folded_pattern(
        r"[\s-]*(?:online\s*)?(?:shops?|stores?|sites?|websites?|pages?|accounts?|profiles?|"
        r"listings?|sellers?|apps?|e-?mails?|links?|copies|copy|versions?|products?|goods|parts?|"
        r"chargers?|aanbieders?|verkopers?|winkels?|advertenties?|webwinkels?|producten|"
        r"anuncios?|anúncios?|annunci|annuncio|vendedor(?:es)?|venditori|venditore|tiendas?|"
        r"lojas?|negozi|negozio|sklep\w*|sprzedaw\w*|ogłosze\w*|konto|konta|profil\w*|"
        r"veikal\w*|pārdevēj\w*|sludinājum\w*|shop|händler\w*|angebot\w*|artikel|produkt\w*)"
        r"(?![^\W\d_])"
    )
)
# The thing named right before the word (Romance and Slavic order): "l'annonce frauduleuse",
# "un anuncio falso", "il sito falso", "fałszywy sklep" is covered after.
_THING_BEFORE = re.compile(
    folded_pattern(
        r"(?<![^\W\d_])(?:annonces?|boutiques?|sites?|vendeurs?|comptes?|profils?|produits?|"
        r"articles?|copies?|anuncios?|tiendas?|sitios?|paginas?|perfil(?:es)?|cuentas?|"
        r"productos?|articulos?|copias?|annunci|annuncio|siti|sito|negozi|negozio|venditori|"
        r"venditore|prodott[oi]|articol[oi]|anúncios?|lojas?|vendedor(?:es)?|contas?|"
        r"produtos?|artigos?|cópias?|páginas?)\s+$"
    )
)
# A forged thing: the false words that also name a fake product (not "lie" or "invented").
_FORGED = re.compile(
    folded_pattern(
        r"fake|faked|counterfeit|knock-?off|gefälscht|fälschung|fals[oa]s?\b|falsificad|"
        r"faux\b|fausse|frauduleu|contrefa|contraffatt|nep\b|nep-|vals\b|valse\b|vervalst|"
        r"fałszyw|podrob|viltot|vilto|假"
    )
)
# Receiving or buying the thing in the same sentence: "the unit you received", "le llegara
# un perfume falso", "o fone falsificado que você recebeu", "la borsa acquistata".
_RECEIVED = re.compile(
    folded_pattern(
        r"(?<![^\W\d_])(?:received|receiving|got\b|bought|purchased|ordered|delivered|shipped|"
        r"erhalten|bekommen|gekauft|bestellt|geliefert|zugestellt|"
        r"recib\w*|lleg[oóa]\w*|compr[oóa]\w*|comprad\w*|entregad\w*|"
        r"re[cç]u\w*|recev\w*|achet\w*|command[ée]\w*|livr[ée]\w*|"
        r"ontvangen|gekregen|gekocht|besteld|geleverd|"
        r"ricevut\w*|arrivat\w*|acquistat\w*|comprat\w*|ordinat\w*|consegnat\w*|"
        r"receb\w*|chegou|encomend\w*|entregue|"
        r"otrzyma\w*|dosta[łl]\w*|kupi\w*|zamówi\w*|dostarczon\w*|"
        r"saņēm\w*|saņemt\w*|nopirk\w*|pasūtīj\w*|piegādāt\w*)|收到|买到|買到|购买|購買"
    )
)


def _forged(text: str, word: Span) -> bool:
    """Whether the false word is one that also names a forged thing."""
    start = word[0]
    # A CJK word may start just before the 假 ("是假货").
    return bool(_FORGED.match(text, start)) or (
        CJK_CHAR.match(text, start) is not None and "假" in text[start : word[1]]
    )


def _story_named(reading: Reading, word: Span) -> bool:
    """Whether the word's sentence names the review, the rating or the reviewer's story (not
    only "this" or "that"): then the falsehood may be said of them."""
    named = reading.in_sentence("review", word[0]) + reading.in_sentence("rating", word[0])
    stories = [
        span
        for span in reading.in_sentence("claim", word[0])
        if span[1] - span[0] >= 5
        or (CJK_CHAR.match(reading.text, span[0]) and span[1] - span[0] > 1)
    ]
    return bool(named or stories)


def counterfeit(reading: Reading, word: Span) -> bool:
    """Whether the false word `word` names a fake thing: a thing word right after it ("fake
    shop", "nep-aanbieder") or, a forging word, right before it ("l'annonce frauduleuse"),
    or a forging word in a sentence that says the reviewer received or bought something and
    names neither the review nor the reviewer's story ("the unit you received was a fake"),
    the word not said of "this" or "that" (`_said_of_claim`)."""
    text = reading.text
    if _THING_AFTER.match(text, word[1]):
        return True
    if not _forged(text, word):
        return False
    if _THING_BEFORE.search(text, max(0, word[0] - 24), word[0]):
        return True
    start = sentence_start(text, word[0])
    received = _RECEIVED.search(text, start, reading.sentence_end(reading.sentence(word[0])))
    return (
        received is not None
        and not _story_named(reading, word)
        and not _said_of_claim(reading, word)
    )


# How many words may part "this", "that", "das", "to" from the false word it is called.
_CLAIM_WORDS = 2


def _said_of_claim(reading: Reading, word: Span) -> bool:
    """Whether a claim word ("that", "das", "to", "c'est") stands just before the false word
    in its clause: "That's fake, you received the parcel" calls the account false."""
    start = clause_start(reading.text, word[0])
    return any(
        start <= claim[0]
        and claim[1] <= word[0]
        and words_between(reading.text, claim[1], word[0]) <= _CLAIM_WORDS
        for claim in reading.find("claim")
    )
