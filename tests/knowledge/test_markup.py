import pytest

from journey_advisor.knowledge.markup import clean_inline


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
