import pytest

from journey_advisor.core.safe_text import inert


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
