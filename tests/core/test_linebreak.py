import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journey_advisor.core.linebreak import NO_START, text_width, wrap

JAPANESE = ("リアルタイムメッセージングサーバーが、完全なペイロードに基づいてトランザクションメッセージを"
            "送信します。送信量は 1 時間あたり最大 100 万件です。")


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("width", [8, 12, 20, 31, 60])
def test_japanese_wraps_between_characters_keeping_every_character(width):
    lines = wrap(JAPANESE, width)
    assert all(text_width(line) <= width for line in lines)
    assert _squeezed("".join(lines)) == _squeezed(JAPANESE)
    assert len(lines) > 1


@pytest.mark.parametrize("width", range(6, 40))
def test_no_line_starts_with_closing_punctuation(width):
    for line in wrap("対応チャネルはメール、SMS、プッシュ、Web、アプリ内、コードベースのチャネルです。" * 2, width):
        assert line[0] not in NO_START, line


@pytest.mark.parametrize("width", range(8, 30))
def test_a_number_keeps_its_unit(width):
    lines = wrap("送信量は 1 時間あたり最大 100 万件です。最大 10 億プロファイル、2 台のサーバー。", width)
    for line in lines:
        assert not line.rstrip().endswith((" 1", " 100", " 10", " 2", "1", "00")), lines


def test_product_names_stay_whole_when_the_line_has_room():
    lines = wrap("Recommander Adobe Journey Optimizer, Adobe Campaign v8 ou Adobe Campaign v7 pour "
                 "une architecture de parcours clients.", 30)
    text = "\n".join(lines)
    for name in ("Adobe Journey Optimizer", "Adobe Campaign v8", "Adobe Campaign v7"):
        assert name in text, lines


def test_a_product_name_wider_than_the_line_still_wraps_without_loss():
    assert wrap("Adobe Journey Optimizer", 10) == ["Adobe", "Journey", "Optimizer"]


def test_no_break_space_glues_and_bullets_hang():
    assert wrap("• Profilspeicher: 150\u00a0Mio. Profile liegen über dem Grenzwert", 24) == [
        "• Profilspeicher:", "  150\u00a0Mio. Profile", "  liegen über dem", "  Grenzwert"]


def test_korean_breaks_at_spaces():
    assert wrap("실시간 메시징 서버가 완전한 페이로드를 기반으로", 16) == [
        "실시간 메시징", "서버가 완전한", "페이로드를", "기반으로"]


def test_a_word_longer_than_the_line_is_folded_not_cut():
    url = "https://experienceleague.adobe.com/ja/docs/blueprints-learn/architecture"
    lines = wrap(url, 20)
    assert "".join(lines) == url and all(len(line) <= 20 for line in lines)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab 漢字、。（）「」1 2 万Adobe Campaign v8 \u00a0•-"), max_size=80),
       st.integers(min_value=2, max_value=40))
def test_wrapping_never_loses_text_nor_overflows(text, width):
    text = text.replace("\n", " ")
    lines = wrap(text, width, hang=0)
    assert _squeezed("".join(lines)) == _squeezed(text)
    assert all(text_width(line) <= width for line in lines)


def test_an_indented_line_keeps_its_indent_when_it_wraps():
    assert wrap("    source: overview.md 10d49e3 both models", 20) == [
        "    source:", "    overview.md", "    10d49e3 both", "    models"]


def test_ascii_text_breaks_as_the_general_rules_say():
    # ASCII takes a shorter path: still at spaces, inside "word-word" only when needed, never
    # after "(", a number with its unit ("1 Mio."), a product name as whole as the line allows.
    assert wrap("Echtzeit-Messaging-Server of Adobe Campaign v8 (1 Mio. per hour), more", 14) == [
        "Echtzeit-", "Messaging-", "Server of", "Adobe Campaign", "v8 (1 Mio. per", "hour), more"]
