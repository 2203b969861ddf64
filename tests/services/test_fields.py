"""services.fields: what a clerk types is read as a Vietnamese number."""
import pytest

from dvdesktop.errors import ValidationError
from dvdesktop.services.core.fields import Integer


@pytest.mark.parametrize("text, value", [("1.234", 1234), ("1.234.567", 1234567), ("12", 12), (" 7 ", 7)])
def test_integer_reads_grouped_thousands(text, value):
    assert Integer("n", "Số").clean(text) == value


@pytest.mark.parametrize("text", ["2.5", "1.23", "12.3456", "abc"])
def test_integer_refuses_decimals(text):
    with pytest.raises(ValidationError):
        Integer("n", "Số").clean(text)
