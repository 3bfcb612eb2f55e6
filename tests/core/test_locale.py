import pytest

from journey_advisor.core.locale import (
    SUPPORTED,
    normalize,
    parse_explicit,
    resolve_languages,
    unmet_request,
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ["en"]),
        ({"LANG": "it_IT.UTF-8"}, ["it", "en"]),
        ({"LANG": "C"}, ["en"]),
        ({"LANG": "POSIX"}, ["en"]),
        ({"LANG": "C.UTF-8"}, ["en"]),
        ({"LANG": "sv_SE.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, ["fr", "sv", "en"]),
        ({"LANG": "sv_SE.UTF-8", "LC_ALL": "de_DE.UTF-8", "LC_MESSAGES": "fr_FR"}, ["de", "fr", "sv", "en"]),
        ({"LANGUAGE": "it:fr", "LANG": "sv_SE.UTF-8"}, ["it", "fr", "sv", "en"]),
        ({"LANGUAGE": "ru:it"}, ["it", "en"]),
        ({"LANGUAGE": "", "LANG": "ja_JP.UTF-8"}, ["ja", "en"]),
        ({"LANG": "pt_PT.UTF-8"}, ["pt-BR", "en"]),
        ({"LANG": "pt"}, ["pt-BR", "en"]),
        ({"LANG": "pt_BR.UTF-8"}, ["pt-BR", "en"]),
        ({"LANG": "zh_TW.UTF-8"}, ["zh-Hant", "en"]),
        ({"LANG": "zh_HK.UTF-8"}, ["zh-Hant", "en"]),
        ({"LANG": "zh_CN.UTF-8"}, ["zh-Hans", "en"]),
        ({"LANG": "zh_SG.UTF-8"}, ["zh-Hans", "en"]),
        ({"LANG": "ko_KR.UTF-8"}, ["ko", "en"]),
        ({"LANG": "nl_BE.UTF-8"}, ["nl", "en"]),
        ({"LANG": "es_MX.UTF-8"}, ["es", "en"]),
        ({"LANG": "de_CH.UTF-8@euro"}, ["de", "en"]),
        ({"LANG": "en_GB.UTF-8", "LANGUAGE": "fr"}, ["fr", "en"]),
        ({"LANG": "xx_YY.UTF-8"}, ["en"]),
        ({"LC_ALL": "C", "LANG": "it_IT.UTF-8"}, ["it", "en"]),
    ],
)
def test_resolve_languages_from_environment(env, expected):
    assert resolve_languages(env) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("it", "it"), ("it_IT.UTF-8", "it"), ("pt-br", "pt-BR"), ("PT_br", "pt-BR"),
     ("zh_TW", "zh-Hant"), ("zh-hant", "zh-Hant"), ("zh", "zh-Hans"), ("sv-SE", "sv"),
     ("xx", None), ("C", None), ("", None), ("   ", None)],
)
def test_parse_explicit(value, expected):
    assert parse_explicit(value) == expected


def test_explicit_language_wins_over_environment():
    assert resolve_languages({"LANG": "it_IT.UTF-8"}, explicit="fr") == ["fr", "en"]


def test_every_supported_code_normalizes_to_itself():
    assert [normalize(code) for code in SUPPORTED] == list(SUPPORTED)


@pytest.mark.parametrize(
    ("env", "expected"),
    [({"LANG": "ru_RU.UTF-8"}, "ru_RU.UTF-8"), ({"LANG": "it_IT.UTF-8"}, None),
     ({"LANGUAGE": "ru:it"}, "ru"), ({}, None), ({"LANG": "C"}, None)],
)
def test_unmet_request_names_the_language_we_lack(env, expected):
    assert unmet_request(env) == expected
