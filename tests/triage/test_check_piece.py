"""`check_piece` (a name, a subject or a signature before it goes into a draft) finds the blocks
`check_reply` finds, but for the empty-reply rule it does not read."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_piece, check_reply, contact_keys
from reviewwatch.triage.models import PLATFORMS

from .reply_corpus import load, with_variants

PIECES = [
    "Jane",
    "Janeaaab",
    "Mary-Ann",
    "O'Brien",
    "李娜",
    "Idiot",
    "Best, Anna",
    "Hi Sarah,\nBest,\nMolly",
    "— Molly",
    "The Lumio team",
    "Acme 客服 安娜 敬上",
    "Anna, Acme",
    "r e v i e w",
    "f r e e  g i f t",
    "our support page",
    "support@acme.example",
    "+44 20 7946 0000",
    "https://acme.example",
    "",
    "  ",
    "Avis",
    "Bonjour Jane,",
    "Sorry, sorry, so sorry, Jane",
    "Wir entschuldigen uns. Entschuldigung! Sorry.",
]


def _without_empty(text: str, platform: str, own: frozenset[str], piece: bool) -> list[object]:
    check = check_piece if piece else check_reply
    findings = check(text, platform=platform, own_contacts=own).findings
    return [f for f in findings if f.severity == "block" and f.rule != "empty_reply"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_piece_is_found_to_block_where_its_check_blocks(platform: str) -> None:
    own = contact_keys(("support@acme.example", "+44 20 7946 0000"))
    texts = [*PIECES, *(reply.text for reply in with_variants(load("dev")[:60]))]
    for text in texts:
        for contacts in (frozenset(), own):
            assert _without_empty(text, platform, contacts, True) == _without_empty(
                text, platform, contacts, False
            ), text
