from pathlib import Path

import pytest

from journey_advisor.errors import DataError, PageNotFoundError
from journey_advisor.knowledge.folders import CUSTOMER_JOURNEYS, ensure_inside, locale_from_path, locate


@pytest.mark.parametrize(("path", "expected"), [
    ("/x/blueprints-learn.it-IT", "it"), ("/x/blueprints-learn.en@2022-03", "en"),
    ("/x/blueprints-learn.sv-SE/help/blueprints/customer-journeys", "sv"),
    ("/x/pages/fr", "fr"), ("/x/pages/pt-BR", "pt-BR"), ("/x/zh_TW", "zh-Hant"),
    ("/x/data/pages", None), ("/x/customer-journeys", None), ("/x/help", None)])
def test_locale_from_path(path, expected):
    assert locale_from_path(Path(path)) == expected


def _overview(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "overview.md").write_text("# x\n", encoding="utf-8")


def test_locate_accepts_the_four_shapes(tmp_path):
    checkout = tmp_path / "blueprints-learn.fr-FR"
    _overview(checkout / CUSTOMER_JOURNEYS)
    assert locate(checkout, ["en"]).folder == checkout / CUSTOMER_JOURNEYS
    assert locate(checkout / CUSTOMER_JOURNEYS, ["en"]).locale == "fr"
    layout = tmp_path / "pages"
    _overview(layout / "it")
    _overview(layout / "sv")
    assert locate(layout, ["sv", "en"]).folder == layout / "sv"
    assert locate(layout, ["ja", "en"]).folder == layout / "it"  # any locale rather than none
    assert locate(layout / "it", ["en"]).locale == "it"


def test_locate_errors(tmp_path):
    with pytest.raises(PageNotFoundError, match="no such folder"):
        locate(tmp_path / "missing", ["en"])
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(DataError, match="is a file"):
        locate(tmp_path / "file", ["en"])
    with pytest.raises(PageNotFoundError, match="no overview.md here"):
        locate(tmp_path, ["en"])


def test_ensure_inside(tmp_path):
    inside = tmp_path / "root" / "a.md"
    inside.parent.mkdir()
    inside.write_text("x", encoding="utf-8")
    assert ensure_inside(inside, tmp_path / "root") == inside.resolve()
    with pytest.raises(DataError, match="leads outside"):
        ensure_inside(tmp_path / "root" / ".." / "other.md", tmp_path / "root")
