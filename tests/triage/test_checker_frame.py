"""A reply that is only a greeting, closing words and a signature says nothing: it is blocked
as empty, in every language and however it is disguised; a reply with a word of its own
between them is not."""

from __future__ import annotations

import pytest

from reviewwatch.triage._frame import only_frame
from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.checker import check_reply

FRAMES = [
    ("en", "Hi Sarah,\n\nBest,\nMolly"),
    ("en", "Dear Mr. Smith,\n\nKind regards,\nThe Leaf & Cup team"),
    ("en", "Hello!\n— Molly"),
    ("de", "Hallo Herr Müller,\n\nIhr Lumio-Team"),
    ("de", "Sehr geehrte Damen und Herren,\n\nMit freundlichen Grüßen\nAnna Weber"),
    ("fr", "Bonjour,\n\nL'équipe Lumio"),
    ("fr", "Chère Madame Martin,\n\nCordialement,\nSophie"),
    ("es", "Hola Lucía,\n\nUn saludo,\nEl equipo de Ruta360"),
    ("it", "Buongiorno,\n\nCordiali saluti\nMarco"),
    ("pt", "Olá João,\n\nAtenciosamente,\nEquipe Lumio"),
    ("nl", "Beste klant,\n\nMet vriendelijke groet,\nTeam Fietsplan"),
    ("pl", "Dzień dobry,\n\nPozdrawiamy\nZespół Planerek"),
    ("lv", "Labdien,\n\nAr cieņu,\nJānis"),
    ("zh", "亲～"),
    ("zh", "您好！\n\n此致\n敬礼"),
    ("ja", "こんにちは、田中様\n\nよろしくお願いいたします。"),
    # Addressed to nobody by name, or with an emoji beside the greeting.
    ("en", "Hi there,\n\nKind regards,\nThe Brightline Energy Customer Team"),
    ("en", "Hello everyone!\n\nCheers,\nMolly"),
    ("pt", "Olá! 😊\n\nAtenciosamente,\nEquipe Padaria Pão Quente"),
]

SAYS_SOMETHING = [
    ("en", "Hi Sarah,\nThank you!\nBest,\nMolly"),
    ("en", "Hi, sorry!"),
    ("en", "Hi there, sorry! 😊"),
    ("en", "Hi all,\nWe fixed it.\nCheers,\nMolly"),
    ("en", "Dear John, sorry about the delay.\nBest, Molly"),
    ("en", "Our support team fixed it."),
    ("en", "Refunded.\n— Molly"),
    ("de", "Liebe Kundin, Entschuldigung!"),
    ("fr", "Bonjour,\nLe colis est reparti ce matin.\nL'équipe Lumio"),
    ("zh", "亲，这边已经给您退款了"),
    ("zh", "您说得对，那天的服务确实不够好，我们已经和团队沟通过了。"),
    ("ja", "ご不便をおかけしました。サポートチームが対応いたします。"),
]


@pytest.mark.parametrize(("language", "text"), FRAMES)
def test_a_reply_that_is_only_its_frame_is_empty(language: str, text: str) -> None:
    assert only_frame(analyse(text).clean)
    result = check_reply(text, platform="google_business", language=language)
    assert [finding.rule for finding in result.findings] == ["empty_reply"], result.findings
    # The same with every word disguised as the corpus disguises it.
    for disguised in (
        text.replace("e", "\u0435").replace("o", "\u043e"),
        "\u200b".join(text),
        text.replace("a", "&#97;"),
    ):
        assert not check_reply(disguised, platform="google_business", language=language).ok


@pytest.mark.parametrize(("language", "text"), SAYS_SOMETHING)
def test_a_reply_with_a_word_of_its_own_is_not_empty(language: str, text: str) -> None:
    assert not only_frame(analyse(text).clean)
    result = check_reply(text, platform="google_business", language=language)
    assert "empty_reply" not in {finding.rule for finding in result.findings}
