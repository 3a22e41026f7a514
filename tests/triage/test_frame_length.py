"""`surely_too_long` judges a text too long for a frame before it is analysed: the analysis
keeps every ASCII character of a text without markup, so it never says so of a frame."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.triage._frame import only_frame, surely_too_long
from reviewwatch.triage.analysis import analyse

# ASCII, and what the analysis drops, joins or folds: combining marks, invisible and
# default-ignorable characters, look-alike and full-width letters, ligatures, Hangul jamo,
# spacing accents, apostrophes; the markup characters themselves are left out (below).
_CHARACTERS = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters="&<"),
    st.sampled_from(
        list(
            "\u0301\u0308\u0327\u00ad\u200b\u200d\u2060\ufeff\u034f\u115f\u1160\u3164\ufe0f"
            "\u180b\U000e0100аеорсхуіѕАЕОРСХＡｂ１ﬁﬂ㎏½éñßłøÅÖ\u1100\u1161\u11a8´`’ \n\t"
        )
    ),
)
_TEXTS = st.lists(_CHARACTERS, max_size=260).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_the_clean_text_keeps_every_ascii_character(text: str) -> None:
    assert len(analyse(text).clean) >= len(text.encode("ascii", "ignore"))


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(["", "&amp;", "<br>", "&#101;"]))
def test_a_text_surely_too_long_is_no_frame(text: str, markup: str) -> None:
    text = (markup + text) * 2
    if surely_too_long(text):
        assert not only_frame(analyse(text).clean)


def test_a_frame_is_not_too_long() -> None:
    for frame in ("Hi Sarah,\nBest,\nMolly", "Bonjour,\n\nL'équipe Lumio", "亲～"):
        assert not surely_too_long(frame)
        assert only_frame(analyse(frame).clean)
    assert surely_too_long("Thank you. " * 20)
    assert not surely_too_long("&amp;" * 40)
