# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Numbers, amounts and dates as the documents write them, and their words.

Numbers go through Babel, the formatter Odoo itself uses (``9,5`` and
``12.000`` in Vietnamese), rounded half up first as the forms count (Babel
would round half to even). Only the date phrase of Nghị định 30/2020/NĐ-CP is
written here by hand: its zero before the days below 10 and the months 1 and
2 is the decree's own rule. Plain Python: models and documents import it.
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import parse_pattern

from odoo.tools.misc import babel_locale_parse

from . import scoring

# Ranks (Thông tư 22) and levels (Thông tư 24) as the official forms write them.
RANK_WORDS = {
    scoring.RANK_GOOD: "Tốt",
    scoring.RANK_FAIR: "Khá",
    scoring.RANK_AVERAGE: "Trung bình",
    scoring.RANK_FAIL: "Chưa đạt",
}
LEVEL_WORDS = {
    scoring.LEVEL_NONE: "Chưa đạt",
    scoring.LEVEL_1: "Mức độ 1",
    scoring.LEVEL_2: "Mức độ 2",
}
BLANK_DATE = "ngày ..... tháng ..... năm"


def level_2_wait_words(years):
    """Why a unit reviewed at level 2 is recognised at level 1 (Điều 10)."""
    return f"chưa đủ {years or 0:02d} năm kể từ quyết định công nhận Mức độ 1"


def _decimal(value):
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        return Decimal(repr(value))  # 8.5 is 8.5, not its binary neighbour
    return Decimal(value)


def rounded(value, decimals=2):
    """``value`` rounded half up to ``decimals`` places, as a Decimal."""
    value = _decimal(value).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return value if value else abs(value)  # never -0


def vn_number(value, decimals=2, min_decimals=0, lang="vi_VN"):
    """``value`` rounded half up to ``decimals`` places: ``9,5``, ``12.000``.

    ``None`` or False (no value) gives an empty string; ``lang`` writes it
    in another language (``9.5``), ``min_decimals`` keeps trailing zeros.
    """
    if value is None or value is False:
        return ""
    return _pattern(decimals, min_decimals).apply(
        rounded(value, decimals), _locale(lang)
    )


@lru_cache
def _pattern(decimals, min_decimals):
    fraction = "0" * min_decimals + "#" * (decimals - min_decimals)
    return parse_pattern("#,##0" + (f".{fraction}" if fraction else ""))


@lru_cache
def _locale(lang):
    return babel_locale_parse(lang)


def vn_amount(value, currency=None):
    """A sum of money: ``12.000đ`` in đồng, else followed by the symbol."""
    if value is None or value is False:
        return ""
    text = vn_number(value, currency.decimal_places if currency else 0)
    if not currency or currency.name == "VND":
        return text + "đ"
    return f"{text} {currency.symbol}"


def vn_date(day):
    """``05/02/2024``, as the documents cite a date; empty without one."""
    return format_date(day, "dd/MM/yyyy", locale="vi_VN") if day else ""


def vn_date_phrase(day, year=None):
    """``ngày 05 tháng 01 năm 2041``: a zero before days below 10 and months 1-2.

    Without a day, the blank a signer fills in: ``ngày ..... tháng ..... năm
    2041`` (``year``, else dots).
    """
    if not day:
        return f"{BLANK_DATE} {year or '.....'}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
