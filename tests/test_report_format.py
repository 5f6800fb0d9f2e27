"""Numbers and dates as the documents write them (learning_unit/vn_format.py)."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from odoo.addons.learning_unit.vn_format import (
    vn_date,
    vn_date_phrase,
    vn_number,
)


@pytest.mark.parametrize(
    "value,expected",
    [
        (9.5, "9,5"),
        (12000, "12.000"),
        (1234567.25, "1.234.567,25"),
        (100, "100"),
        (0, "0"),
        (Fraction(189, 2), "94,5"),
        (Fraction(1, 3), "0,33"),
        (Fraction(1, 8), "0,13"),  # half up, where Babel alone rounds half even
        (2.675, "2,68"),  # the decimal 2.675, not its binary neighbour 2.67499…
        (Decimal("0.125"), "0,13"),
        (-0.001, "0"),  # no "-0"
        (-4.5, "-4,5"),
        (None, ""),
        (False, ""),
    ],
)
def test_numbers_the_vietnamese_way(value, expected):
    assert vn_number(value) == expected


def test_decimals_and_other_languages():
    assert vn_number(Fraction(1, 3), 1) == "0,3"
    assert vn_number(33.35, 1) == "33,4"
    assert vn_number(12000.5, 0) == "12.001"
    assert vn_number(8, min_decimals=1) == "8,0"
    assert vn_number(8.25, min_decimals=1) == "8,25"
    assert vn_number(1234.5, lang="en_US") == "1,234.5"


def test_dates():
    assert vn_date(datetime.date(2024, 2, 5)) == "05/02/2024"
    assert vn_date(None) == ""
    # Nghị định 30: a zero before days below 10 and months 1 and 2 only
    assert vn_date_phrase(datetime.date(2041, 1, 5)) == "ngày 05 tháng 01 năm 2041"
    assert vn_date_phrase(datetime.date(2024, 2, 29)) == "ngày 29 tháng 02 năm 2024"
    assert vn_date_phrase(datetime.date(2024, 3, 9)) == "ngày 09 tháng 3 năm 2024"
    assert vn_date_phrase(datetime.date(2024, 12, 31)) == "ngày 31 tháng 12 năm 2024"
    assert vn_date_phrase(None, 2041) == "ngày ..... tháng ..... năm 2041"
    assert vn_date_phrase(False) == "ngày ..... tháng ..... năm ....."
