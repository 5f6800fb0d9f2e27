# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import member evidence from the XLSX layout of the member evidence export.

Every row is checked first; if any row is wrong nothing is imported and the
errors are listed by row number. The members are then written through the
normal ORM write, so the assessment's state lock and the access rules apply.
"""

import base64
import io
import zipfile
from collections import defaultdict

import openpyxl

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..evidence import EVIDENCE_FIELDS
from ..models.learning_unit_assessment import EDITABLE_STATES
from ..models.learning_unit_xlsx_export import (
    MEMBER_FIRST_ROW,
    MEMBER_HEADER_ROW,
    MEMBER_KEY_ROW,
)

# Cell values read as yes / no (case-insensitive, Vietnamese and English).
TRUE_VALUES = {"1", "x", "yes", "y", "true", "có", "co", "đạt", "dat"}
FALSE_VALUES = {"0", "", "no", "n", "false", "không", "khong", "chưa đạt", "chua dat"}
# Errors listed in the message at most; the rest are counted.
MAX_ERRORS_SHOWN = 50


class LearningUnitEvidenceImport(models.TransientModel):
    _name = "learning.unit.evidence.import"
    _description = "Import Member Evidence"

    assessment_ids = fields.Many2many(
        "learning.unit.assessment",
        string="Assessments",
        required=True,
        help="Only members of these assessments may appear in the file.",
    )
    file = fields.Binary(string="XLSX File", attachment=False)
    filename = fields.Char()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if (
            "assessment_ids" in fields_list
            and not values.get("assessment_ids")
            and context.get("active_model") == "learning.unit.assessment"
            and context.get("active_ids")
        ):
            values["assessment_ids"] = [Command.set(context["active_ids"])]
        return values

    # ------------------------------------------------------------------
    # reading
    # ------------------------------------------------------------------
    def _read_rows(self):
        """``(keys, titles, rows)`` of the first sheet; rows as (number, cells)."""
        if not self.file:
            raise UserError(self.env._("Choose the XLSX file to import."))
        try:
            data = base64.b64decode(self.file or b"")
            workbook = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True
            )
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            raise UserError(
                self.env._(
                    "The file is not a readable XLSX spreadsheet (%(error)s).",
                    error=error,
                )
            ) from error
        try:
            sheet = workbook.worksheets[0]
            rows = list(sheet.iter_rows(values_only=True))
        finally:
            workbook.close()
        if len(rows) <= MEMBER_HEADER_ROW:
            raise UserError(self.env._("The file holds no member evidence."))
        keys = [self._text(value) for value in rows[MEMBER_KEY_ROW]]
        titles = [self._text(value) for value in rows[MEMBER_HEADER_ROW]]
        data_rows = [
            (index + 1, row)
            for index, row in enumerate(rows)
            if index >= MEMBER_FIRST_ROW
        ]
        return keys, titles, data_rows

    @staticmethod
    def _text(value):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def _columns(self, keys):
        """Map the column keys of the file to what they import; check the layout."""
        columns = {}
        for index, key in enumerate(keys):
            if key in ("id", "employee", "note"):
                columns[index] = (key, None)
            elif key in EVIDENCE_FIELDS:
                columns[index] = ("bool", key)
        if "id" not in keys:
            raise UserError(
                self.env._(
                    "This is not a member evidence file: its first (hidden) row "
                    "must hold the column keys of the member evidence export, "
                    "with a column 'id'. Export the member evidence first and "
                    "fill in that file."
                )
            )
        seen = set()
        for index, (kind, target) in columns.items():
            if (kind, target) in seen:
                raise UserError(
                    self.env._(
                        "Column %(column)s appears twice in the file.",
                        column=keys[index],
                    )
                )
            seen.add((kind, target))
        return columns

    @staticmethod
    def _parse_bool(value):
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            if value in (0, 1):
                return bool(value)
            return None
        text = str(value).strip().lower() if value is not None else ""
        if text in TRUE_VALUES:
            return True
        if text in FALSE_VALUES:
            return False
        return None

    # ------------------------------------------------------------------
    # validation
    # ------------------------------------------------------------------
    def _validate(self):
        """``(changes, errors)``: ``changes`` maps each member to its new values."""
        self.ensure_one()
        keys, titles, rows = self._read_rows()
        columns = self._columns(keys)
        id_col = keys.index("id")
        employee_col = keys.index("employee") if "employee" in keys else None

        def title(index):
            return (
                titles[index] if index < len(titles) and titles[index] else keys[index]
            )

        errors = []
        parsed = []
        ids = set()
        for number, cells in rows:
            cells = list(cells) + [None] * (len(keys) - len(cells))
            if all(self._text(cell) == "" for cell in cells):
                continue
            raw_id = self._text(cells[id_col])
            try:
                member_id = int(raw_id)
            except ValueError:
                errors.append(
                    self.env._(
                        "Row %(row)s: the member ID '%(value)s' is not a number.",
                        row=number,
                        value=raw_id,
                    )
                    if raw_id
                    else self.env._(
                        "Row %(row)s: the member ID is missing.", row=number
                    )
                )
                continue
            parsed.append((number, member_id, cells))
            ids.add(member_id)

        Member = self.env["learning.unit.member"]
        # members the user may read, in one query
        members = {
            member.id: member for member in Member.search([("id", "in", list(ids))])
        }
        Member.browse(list(members)).fetch(
            ["assessment_id", "name", "note", *EVIDENCE_FIELDS]
        )
        first_row = {}
        changes = {}
        for number, member_id, cells in parsed:
            member = members.get(member_id)
            if not member:
                errors.append(
                    self.env._(
                        "Row %(row)s: unknown member (ID %(id)s).",
                        row=number,
                        id=member_id,
                    )
                )
                continue
            if member_id in first_row:
                errors.append(
                    self.env._(
                        "Row %(row)s: member ID %(id)s already appears in row "
                        "%(first)s.",
                        row=number,
                        id=member_id,
                        first=first_row[member_id],
                    )
                )
                continue
            first_row[member_id] = number
            if member.assessment_id not in self.assessment_ids:
                errors.append(
                    self.env._(
                        "Row %(row)s: %(member)s belongs to %(assessment)s, not to "
                        "the assessment(s) being imported.",
                        row=number,
                        member=member.name,
                        assessment=member.assessment_id.name,
                    )
                )
                continue
            if member.assessment_id.state not in EDITABLE_STATES:
                errors.append(
                    self.env._(
                        "Row %(row)s: the self-assessment of %(assessment)s is no "
                        "longer editable.",
                        row=number,
                        assessment=member.assessment_id.name,
                    )
                )
                continue
            if employee_col is not None:
                name = self._text(cells[employee_col])
                if name and name.casefold() != (member.name or "").casefold():
                    errors.append(
                        self.env._(
                            "Row %(row)s: member ID %(id)s is %(member)s, not "
                            "%(name)s.",
                            row=number,
                            id=member_id,
                            member=member.name,
                            name=name,
                        )
                    )
                    continue
            vals, row_errors = self._row_values(number, member, cells, columns, title)
            errors += row_errors
            if not row_errors and vals:
                changes[member] = vals
        if not parsed and not errors:
            errors.append(self.env._("The file holds no member rows."))
        return changes, errors

    def _row_values(self, number, member, cells, columns, title):
        vals = {}
        errors = []
        for index, (kind, target) in columns.items():
            value = cells[index] if index < len(cells) else None
            if kind == "bool":
                flag = self._parse_bool(value)
                if flag is None:
                    errors.append(
                        self.env._(
                            "Row %(row)s, column %(column)s: '%(value)s' is not a "
                            "valid value: enter 1 (yes) or 0 (no).",
                            row=number,
                            column=title(index),
                            value=self._text(value),
                        )
                    )
                    continue
                if flag != member[target]:
                    vals[target] = flag
            elif kind == "note":
                note = self._text(value)
                if note != (member.note or ""):
                    vals["note"] = note or False
        return vals, errors

    # ------------------------------------------------------------------
    # import
    # ------------------------------------------------------------------
    def action_download_template(self):
        """The member evidence export of the assessments, to fill in."""
        self.ensure_one()
        return self.env["learning.unit.xlsx.export"]._download_action(
            "member_evidence", self.assessment_ids
        )

    def action_import(self):
        self.ensure_one()
        changes, errors = self._validate()
        if errors:
            shown = errors[:MAX_ERRORS_SHOWN]
            message = self.env._(
                "Nothing was imported: %(count)s error(s) in the file.",
                count=len(errors),
            )
            message += "\n" + "\n".join(shown)
            if len(errors) > len(shown):
                message += "\n" + self.env._(
                    "... and %(count)s more.", count=len(errors) - len(shown)
                )
            raise UserError(message)
        # members with the same new values are written together
        groups = defaultdict(lambda: self.env["learning.unit.member"])
        for member, vals in changes.items():
            groups[repr(sorted(vals.items()))] |= member
        with self.env.cr.savepoint():
            for members in groups.values():
                members.write(changes[members[0]])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Member evidence imported: %(count)s member(s) updated.",
                    count=len(changes),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
