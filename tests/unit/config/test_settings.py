"""Declared settings: every default is valid, labels exist, bad values get plain messages."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.config.settings import SETTING_SPECS, SETTINGS, SettingScope, setting_spec


def test_keys_are_unique_and_every_default_passes_its_own_validation() -> None:
    assert len(SETTINGS) == len(SETTING_SPECS)
    for spec in SETTING_SPECS:
        assert spec.coerce(spec.default) == spec.default
        assert spec.label.strip()


def test_settings_that_change_the_impact_assessment_are_policy_settings() -> None:
    for spec in SETTING_SPECS:
        if spec.affects_pia:
            assert spec.scope is SettingScope.POLICY


def test_nothing_secret_is_a_setting() -> None:
    for key in SETTINGS:
        assert not any(word in key for word in ("key", "passphrase", "password", "template", "secret"))


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("ui/large_font", "true", True),
        ("ui/large_font", "0", False),
        ("camera/fps", "25", 25),
        ("ui/language", " zh_CN ", "zh_CN"),
    ],
)
def test_text_from_a_settings_file_is_converted(key: str, raw: str, expected: object) -> None:
    assert setting_spec(key).coerce(raw) == expected


@given(st.one_of(st.text(), st.floats(), st.integers(), st.booleans(), st.none()))
@example(float("inf"))
@example(float("-inf"))
@example(float("nan"))
@example("1e3")
def test_any_value_is_either_accepted_in_range_or_refused_with_a_sentence(raw: object) -> None:
    spec = setting_spec("retention/guest_grace_hours")
    try:
        value = spec.coerce(raw)
    except ValueError as exc:
        assert str(exc).startswith("retention/guest_grace_hours must")
    else:
        assert isinstance(value, int)
        assert 0 <= value <= 72
