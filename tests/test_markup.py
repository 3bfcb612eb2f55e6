import pytest

from journey_advisor.markup import clean_inline, inert


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Adobe [!DNL Campaign] v8", "Adobe Campaign v8"),
        ("[!DNL [!DNL Edge Network]]", "Edge Network"),
        ("the [!UICONTROL profil client en temps réel]", "the profil client en temps réel"),
        ("see [!UICONTROL [!DNL Journey Optimizer] Settings]", "see Journey Optimizer Settings"),
        ('Read more{target="_blank"}', "Read more"),
        ("## Latency {#end-to-end-latency}", "## Latency"),
        ('pic{width="1000" zoomable="yes"}', "pic"),
        ("a   b\t c", "a b c"),
        ("50\u00a0000", "50\u00a0000"),
        ("[!NOTE] stays [literal]", "[!NOTE] stays [literal]"),
    ],
)
def test_clean_inline(raw, expected):
    assert clean_inline(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("red \x1b[31mtext\x1b[0m", "red text"),
        ("title \x1b]0;owned\x07 end", "title  end"),
        ("link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\", "link here"),
        ("c1 \x9b31m x", "c1 31m x"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("bidi \u202eevil", "bidi evil"),
        ("keeps\nnewlines\tand tabs", "keeps\nnewlines\tand tabs"),
    ],
)
def test_inert_removes_terminal_controls(raw, expected):
    assert inert(raw) == expected
