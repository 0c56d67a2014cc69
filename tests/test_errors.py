"""services.errors: coded messages in both languages."""

from __future__ import annotations

import pytest

from services.errors import UserError, define

SAMPLE = define("TEST_SAMPLE", "文件 {path} 不是合同台账", "{path} is not a ContractDesk store")


def test_message_in_both_languages_with_its_code() -> None:
    error = UserError(SAMPLE, path="a.db")
    assert error.message("zh_CN") == "文件 a.db 不是合同台账 [TEST_SAMPLE]"
    assert error.message("en") == "a.db is not a ContractDesk store [TEST_SAMPLE]"
    assert str(error) == error.message("en")


def test_unknown_code_and_redefinition_are_programming_errors() -> None:
    with pytest.raises(KeyError):
        UserError("NO_SUCH_CODE")
    with pytest.raises(ValueError, match="defined twice"):
        define(SAMPLE, "别的", "other")
