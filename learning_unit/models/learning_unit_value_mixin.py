# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a value typed into the addon may be: one place for every model.

Every model of the addon (through the field lock, learning_unit_lock_mixin.py)
and every wizard inherits this mixin. Each raw value a user sends is checked
before the ORM converts it, so that bad input is answered by a clear message
instead of a server error:

* numbers, dates, selections, many2one ids and x2many commands of the right
  kind and size;
* dates between 2000 and 2100 (0001-01-01 or 9999-12-31 is a typing error);
* texts that can be stored: no NUL character, no lone surrogate (JSON can
  carry ``"\\ud800"``, PostgreSQL's UTF-8 cannot).

The other control characters a text may hold (Word's line break U+000B, a
form feed, the C1 controls, U+2028/U+2029...) are stored as line breaks or
spaces, for everyone (the superuser included): the screens, the PDF and the
DOCX then show the same text. :func:`clean_text` does it, and the document
writers clean with it whatever they print (names from HR, the company).
"""

import datetime
import math
import re

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import DEFAULT_SERVER_DATE_FORMAT, DEFAULT_SERVER_DATETIME_FORMAT

INT_MAX = 2**31 - 1
DATE_MIN = datetime.date(2000, 1, 1)
DATE_MAX = datetime.date(2100, 12, 31)
TEXT_TYPES = ("char", "text", "html")

# the characters that end a line: CR, Word's line break (U+000B), form feed,
# the information separators, NEL, the line and paragraph separators
_LINE_BREAK = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAKS = re.compile(f"\r\n|[{_LINE_BREAK}]")
# the other control characters (C0 but tab and line feed, DEL, C1) and the
# non-characters U+FFFE, U+FFFF: XML (so a DOCX) refuses most of them, HTML
# drops them, gluing the words around them
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_ANY = re.compile(
    f"[{_LINE_BREAK}\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff"
    "\ud800-\udfff]"
)


def clean_text(text, multiline=True):
    """``text`` with its control characters as line breaks or spaces.

    ``multiline``: a line-breaking character becomes a line feed, else a space
    (a single-line field keeps its own line feeds and Windows line ends, as
    multi-line names like a body's header use them). What cannot be printed
    at all (NUL, a lone surrogate) becomes a space or U+FFFD.
    """
    if not text or not _ANY.search(text):
        return text
    text = text.replace("\r\n", "\n")
    text = _LINE_BREAKS.sub("\n" if multiline else " ", text)
    text = _CONTROLS.sub(" ", text)
    return _SURROGATES.sub("\ufffd", text)


def unstorable(text):
    """Whether ``text`` holds a character PostgreSQL cannot store."""
    return "\x00" in text or bool(_SURROGATES.search(text))


class LearningUnitValueMixin(models.AbstractModel):
    _name = "learning.unit.value.mixin"
    _description = "Learning Unit Value Check"

    # ------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------
    @api.model
    def _lu_checked_values(self, vals):
        """``vals`` checked (for users) and with its texts cleaned."""
        if not self.env.su:
            self._lu_check_values(vals)
        return self._lu_clean_values(vals)

    @api.model
    def _lu_check_values(self, vals):
        """Refuse, in words, any value the ORM or PostgreSQL would choke on."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                raise UserError(self.env._("Unknown field %(field)s.", field=name[:50]))
            error = self._lu_value_error(field, value)
            if error:
                raise ValidationError(
                    self.env._(
                        'Field "%(field)s": %(error)s',
                        field=field._description_string(self.env),
                        error=error,
                    )
                )

    @api.model
    def _lu_clean_values(self, vals):
        """``vals`` with the control characters of its texts replaced."""
        cleaned = None
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or field.type not in TEXT_TYPES:
                continue
            if not isinstance(value, str):
                continue
            new = clean_text(value, multiline=field.type != "char")
            if new != value:
                if cleaned is None:
                    cleaned = dict(vals)
                cleaned[name] = Markup(new) if isinstance(value, Markup) else new
        return vals if cleaned is None else cleaned

    @api.model
    def _lu_value_error(self, field, value):
        """Why ``value`` cannot be stored in ``field``, or None."""
        kind = field.type
        if value is False or value is None:
            return None
        if kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                return self.env._("a whole number is expected.")
            if not -INT_MAX - 1 <= value <= INT_MAX:
                return self.env._("the number is far too large.")
        elif kind in ("float", "monetary"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                return self.env._("a number is expected.")
            if isinstance(value, float) and not math.isfinite(value):
                return self.env._("a finite number is expected.")
            digits = field.get_digits(self.env) if kind == "float" else None
            limit = 10 ** (digits[0] - digits[1]) if digits else 10**15
            if abs(value) >= limit:
                return self.env._("the number is far too large.")
        elif kind in ("date", "datetime"):
            return self._lu_date_error(kind, value)
        elif kind == "selection":
            if not isinstance(value, str) or value not in dict(
                field._description_selection(self.env)
            ):
                return self.env._("this value is not one of the choices.")
        elif kind == "many2one":
            if isinstance(value, bool) or not isinstance(value, int):
                return self.env._("a record is expected.")
            if not 0 < value <= INT_MAX:
                return self.env._("a record is expected.")
        elif kind in ("one2many", "many2many"):
            return self._lu_commands_error(value)
        elif kind == "boolean":
            if not isinstance(value, bool | int):
                return self.env._("yes or no is expected.")
        elif kind in TEXT_TYPES:
            if not isinstance(value, str):
                return self.env._("a text is expected.")
            if unstorable(value):
                return self.env._(
                    "the text holds a character that cannot be stored (a NUL "
                    "character or invalid Unicode): remove it or type it again."
                )
        return None

    @api.model
    def _lu_date_error(self, kind, value):
        if isinstance(value, datetime.date):
            day = value
        elif not isinstance(value, str):
            return self.env._("a date is expected.")
        else:
            formats = (DEFAULT_SERVER_DATE_FORMAT, DEFAULT_SERVER_DATETIME_FORMAT)
            if kind == "datetime":
                formats = formats[::-1]
            for fmt in formats:
                try:
                    day = datetime.datetime.strptime(value, fmt)
                    break
                except ValueError:
                    continue
            else:
                return self.env._("%(value)s is not a valid date.", value=value[:30])
        if isinstance(day, datetime.datetime):
            day = day.date()
        if not DATE_MIN <= day <= DATE_MAX:
            return self.env._(
                "the date must lie between %(first)s and %(last)s.",
                first=DATE_MIN.strftime("%d/%m/%Y"),
                last=DATE_MAX.strftime("%d/%m/%Y"),
            )
        return None

    @api.model
    def _lu_commands_error(self, value):
        if not isinstance(value, list | tuple):
            return self.env._("a list of changes is expected.")
        for command in value:
            if not isinstance(command, list | tuple) or not command:
                return self.env._("a list of changes is expected.")
            code = command[0]
            if (
                isinstance(code, bool)
                or not isinstance(code, int)
                or not 0 <= code <= 6
            ):
                return self.env._("a list of changes is expected.")
            for item in command[1:2]:
                if item is not False and not isinstance(item, int | str):
                    return self.env._("a list of changes is expected.")
            if code == 6 and (
                len(command) < 3
                or not isinstance(command[2], list | tuple)
                or any(
                    isinstance(i, bool) or not isinstance(i, int) for i in command[2]
                )
            ):
                return self.env._("a list of changes is expected.")
            if code in (0, 1) and (
                len(command) < 3 or not isinstance(command[2], dict)
            ):
                return self.env._("a list of changes is expected.")
        return None

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model
    def _lu_context_defaults(self):
        """The texts and dates the context gives as ``default_*`` values.

        A crafted call can send them instead of values: they are values too.
        (Relational defaults are lists of ids, not commands, and are left to
        the ORM and the field lock.)
        """
        defaults = {}
        for key, value in self.env.context.items():
            name = key[len("default_") :]
            field = key.startswith("default_") and self._fields.get(name)
            if field and field.type in (*TEXT_TYPES, "date", "datetime"):
                defaults[name] = value
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        defaults = self._lu_context_defaults()
        if defaults:
            # given explicitly, so checked and cleaned as typed values are
            vals_list = [dict(defaults, **vals) for vals in vals_list]
        return super().create([self._lu_checked_values(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._lu_checked_values(vals))
