# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import member evidence from the people and systems that hold it.

The file (XLSX or CSV) has a header row and, in any order, the columns
``CCCD`` (the citizen ID, 12 digits), ``Họ và tên`` and one or more evidence
columns named by the evidence kinds' labels (``Công dân học tập``, ``Lao động
tiên tiến``, ``Hoàn thành bồi dưỡng``…), each cell ``Đạt`` / ``Chưa đạt``
(also ``x`` / empty, ``1`` / ``0``, ``True`` / ``False``). Each row is matched
by CCCD to a member of an assessment of the period the user may change.

Every row is checked first. Nothing is written while a row is invalid or
matches no member, unless the user chooses to apply the valid rows; importing
the same file again changes nothing. What a file may cost is bounded before
it is parsed: its size, what it expands to, its rows and columns; formulas are
refused, a corrupt file is answered in words.
"""

import base64
import csv
import io
import re
import zipfile
from collections import defaultdict

import openpyxl

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import remove_accents

from ..evidence import EVIDENCE_FIELDS
from ..models.hr_employee import CCCD_RE
from ..models.learning_unit_evidence_event import evidence_source
from ..states import EDITABLE_STATES

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_EXPANDED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10000
MAX_COLUMNS = 60
MAX_ERRORS_SHOWN = 20
# Cell values read as met / not met (compared without case and accents).
TRUE_VALUES = {"dat", "x", "1", "true", "co", "yes"}
FALSE_VALUES = {"chua dat", "khong dat", "", "0", "false", "khong", "no"}
# Headers of the identity columns, compared the same way.
CCCD_HEADERS = {"cccd", "so cccd", "can cuoc cong dan", "citizen id"}
NAME_HEADERS = {"ho va ten", "ho ten", "name", "full name"}


def _plain(text):
    """``text`` without case, accents and extra spaces: "Đạt" -> "dat"."""
    text = remove_accents(str(text or "").replace("đ", "d").replace("Đ", "d"))
    return " ".join(text.casefold().split())


def _short(value, limit=40):
    text = str(value if value is not None else "")
    return text[:limit] + ("…" if len(text) > limit else "")


class ImportFileError(Exception):
    """The file cannot be read; the message says why."""


class LearningUnitEvidenceImport(models.TransientModel):
    _name = "learning.unit.evidence.import"
    _inherit = ["learning.unit.value.mixin"]
    _description = "Import Member Evidence"

    period_id = fields.Many2one(
        "learning.unit.period",
        required=True,
        default=lambda self: self._default_period(),
        domain="[('state', '=', 'open')]",
    )
    file = fields.Binary(string="File (XLSX or CSV)", attachment=False)
    filename = fields.Char()
    apply_valid_rows = fields.Boolean(
        help="Write the valid rows even when other rows are invalid or match no "
        "member."
    )
    state = fields.Selection(
        [("draft", "To import"), ("done", "Imported")], default="draft"
    )
    result = fields.Text(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_file_size(vals.get("file"))
        return super().create(vals_list)

    def write(self, vals):
        self._check_file_size(vals.get("file"))
        return super().write(vals)

    @api.model
    def _check_file_size(self, data):
        """Refuse an oversized file before it is stored or decoded."""
        # base64 holds 3 bytes in 4 characters
        if data and len(data) * 3 // 4 > MAX_FILE_BYTES:
            raise UserError(
                self.env._(
                    "The file is %(size)s MB: at most %(limit)s MB can be imported.",
                    size=round(len(data) * 3 / 4 / 1024 / 1024, 1),
                    limit=MAX_FILE_BYTES // 1024 // 1024,
                )
            )

    @api.model
    def _default_period(self):
        return self.env["learning.unit.period"].search(
            [("state", "=", "open")], limit=1
        )

    # ------------------------------------------------------------------
    # reading, bounded
    # ------------------------------------------------------------------
    def _rows(self):
        """``[(row number, [cell values])]`` of the file, header included."""
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the file to import."))
        try:
            data = base64.b64decode(self.file, validate=False)
        except ValueError as error:
            raise UserError(self.env._("The file could not be read.")) from error
        # its size was checked when it was given (create, write)
        try:
            if data[:2] == b"PK":
                return self._xlsx_rows(data)
            return self._csv_rows(data)
        except ImportFileError as error:
            raise UserError(str(error)) from None
        except Exception as error:
            raise UserError(
                self.env._(
                    "The file could not be read as a spreadsheet (%(reason)s). Save "
                    "it again as XLSX or CSV and import it.",
                    reason=_short(error, 120),
                )
            ) from None

    def _xlsx_rows(self, data):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
        if expanded > MAX_EXPANDED_BYTES:
            raise ImportFileError(
                self.env._(
                    "The file expands to more than %(limit)s MB of data: it is not "
                    "a member list.",
                    limit=MAX_EXPANDED_BYTES // 1024 // 1024,
                )
            )
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        try:
            sheet = workbook.worksheets[0]
            # the declared dimension may be stale or huge: read what is there
            sheet.reset_dimensions()
            rows = []
            for number, cells in enumerate(sheet.iter_rows(), start=1):
                if number > MAX_ROWS:
                    raise ImportFileError(self._too_many_rows())
                if len(cells) > MAX_COLUMNS:
                    raise ImportFileError(self._too_many_columns())
                values = []
                for cell in cells:
                    if getattr(cell, "data_type", None) == "f":
                        raise ImportFileError(
                            self.env._(
                                "Cell %(cell)s holds a formula: enter the value "
                                "itself (Đạt or Chưa đạt).",
                                cell=cell.coordinate,
                            )
                        )
                    values.append(getattr(cell, "value", None))
                rows.append((number, values))
            return rows
        finally:
            workbook.close()

    def _csv_rows(self, data):
        # not base_import's _read_csv: it drops blank lines (the rows named in
        # the messages would no longer be the file's) and, with one, guesses
        # no separator
        for encoding in ("utf-8-sig", "utf-16"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportFileError(
                self.env._("The CSV file must be saved in UTF-8 (Unicode).")
            )
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = []
        for number, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
            if number > MAX_ROWS:
                raise ImportFileError(self._too_many_rows())
            if len(cells) > MAX_COLUMNS:
                raise ImportFileError(self._too_many_columns())
            rows.append((number, cells))
        return rows

    def _too_many_rows(self):
        return self.env._(
            "The file has more than %(limit)s rows: split it.", limit=MAX_ROWS
        )

    def _too_many_columns(self):
        return self.env._(
            "The file has more than %(limit)s columns: it is not a member list.",
            limit=MAX_COLUMNS,
        )

    # ------------------------------------------------------------------
    # columns
    # ------------------------------------------------------------------
    @api.model
    def _kind_headers(self):
        """``{plain header: evidence field}``: the labels in every installed
        language (Vietnamese where it is installed, English always)."""
        Member = self.env["learning.unit.member"]
        installed = [code for code, _name in self.env["res.lang"].get_installed()]
        labels = [
            Member.with_context(lang=lang)._lu_evidence_labels()
            for lang in dict.fromkeys(["en_US", *installed])
        ]
        headers = {}
        for name in EVIDENCE_FIELDS:
            for label in labels:
                headers[_plain(label[name])] = name
            headers[_plain(name)] = name
        return headers

    def _columns(self, rows):
        """``(header row number, {column index: what it holds})``."""
        kinds = self._kind_headers()
        labels = self.env["learning.unit.member"]._lu_evidence_labels()
        for number, cells in rows[:20]:
            plain = [_plain(cell) for cell in cells]
            if not any(p in CCCD_HEADERS for p in plain):
                continue
            columns = {}
            for index, header in enumerate(plain):
                if header in CCCD_HEADERS:
                    target = "cccd"
                elif header in NAME_HEADERS:
                    target = "name"
                elif header in kinds:
                    target = kinds[header]
                else:
                    continue
                if target in columns.values():
                    raise UserError(
                        self.env._(
                            "Column %(column)s appears twice in the file.",
                            column=_short(cells[index]),
                        )
                    )
                columns[index] = target
            if not set(columns.values()) - {"cccd", "name"}:
                raise UserError(
                    self.env._(
                        "The file has no evidence column. Name the columns as in "
                        "the template: %(labels)s.",
                        labels=", ".join(labels.values()),
                    )
                )
            return number, columns
        raise UserError(
            self.env._(
                "The file has no header row with a column CCCD. Download the "
                "template, fill it in and import it."
            )
        )

    @staticmethod
    def _value(cell):
        """True, False, or None when the cell says neither."""
        if isinstance(cell, bool):
            return cell
        if isinstance(cell, int | float) and cell in (0, 1):
            return bool(cell)
        text = _plain(cell)
        if text in TRUE_VALUES:
            return True
        if text in FALSE_VALUES:
            return False
        return None

    # ------------------------------------------------------------------
    # checking
    # ------------------------------------------------------------------
    def _check(self):
        """Sort every row of the file into applied, unchanged, unmatched, invalid."""
        self.ensure_one()
        rows = self._rows()
        header, columns = self._columns(rows)
        cccd_col = next(i for i, t in columns.items() if t == "cccd")
        name_col = next((i for i, t in columns.items() if t == "name"), None)
        labels = self.env["learning.unit.member"]._lu_evidence_labels()
        report = defaultdict(list)
        parsed = {}
        first_row = {}
        for number, cells in rows:
            if number <= header or not any(_plain(c) for c in cells):
                continue
            raw = cells[cccd_col] if cccd_col < len(cells) else None
            cccd = self._cccd(raw)
            if not cccd:
                report["invalid"].append(
                    self.env._(
                        "Row %(row)s: '%(value)s' is not a CCCD (12 digits).",
                        row=number,
                        value=_short(raw),
                    )
                )
                continue
            if cccd in first_row:
                report["invalid"].append(
                    self.env._(
                        "Row %(row)s: CCCD %(cccd)s already appears in row %(first)s.",
                        row=number,
                        cccd=cccd,
                        first=first_row[cccd],
                    )
                )
                parsed.pop(cccd, None)
                continue
            first_row[cccd] = number
            values, errors = {}, []
            for index, target in columns.items():
                if target in ("cccd", "name"):
                    continue
                cell = cells[index] if index < len(cells) else None
                value = self._value(cell)
                if value is None:
                    errors.append(
                        self.env._(
                            "Row %(row)s, %(column)s: '%(value)s' is neither Đạt "
                            "nor Chưa đạt.",
                            row=number,
                            column=labels[target],
                            value=_short(cell),
                        )
                    )
                values[target] = value
            if errors:
                report["invalid"] += errors
                continue
            name = (
                cells[name_col]
                if name_col is not None and name_col < len(cells)
                else None
            )
            parsed[cccd] = (number, values, str(name or "").strip())
        members = self._members(list(parsed))
        changes = {}
        for cccd, (number, values, name) in parsed.items():
            person = members.get(cccd)
            if not person:
                report["unmatched"].append(
                    self.env._(
                        "Row %(row)s: CCCD %(cccd)s is not a member of a unit you "
                        "may update in %(period)s.",
                        row=number,
                        cccd=cccd,
                        period=self.period_id.display_name,
                    )
                )
                continue
            if name and _plain(name) != _plain(person[0].name):
                report["warnings"].append(
                    self.env._(
                        "Row %(row)s: the file says %(name)s, the member is "
                        "%(member)s.",
                        row=number,
                        name=_short(name),
                        member=person[0].name,
                    )
                )
            applied = False
            for member in person:
                update = {f: v for f, v in values.items() if member[f] != v}
                if update:
                    changes[member] = update
                    applied = True
            report["applied" if applied else "unchanged"].append(number)
        return changes, report

    @staticmethod
    def _cccd(raw):
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        text = re.sub(r"\s", "", str(raw if raw is not None else ""))
        if isinstance(raw, int) and not isinstance(raw, bool) and len(text) < 12:
            text = text.zfill(12)  # a spreadsheet dropped the leading zeros
        return text if CCCD_RE.match(text) else None

    def _members(self, cccds):
        """``{CCCD: members}`` among the members the user may change in the
        period: a person is a member of their unit's assessment and of a
        sub-unit's own one, and their evidence is theirs in both."""
        if not cccds:
            return {}
        # HR keeps the CCCD: it is looked up for the file's rows only, and what
        # the user learns is limited to the members they may change
        employees = self.env["hr.employee"].sudo().with_context(active_test=False)
        identities = {
            employee.id: employee.identification_id
            for employee in employees.search([("identification_id", "in", cccds)])
        }
        members = (
            self.env["learning.unit.member"]
            .search(
                [
                    ("period_id", "=", self.period_id.id),
                    ("assessment_id.state", "in", EDITABLE_STATES),
                    ("employee_id", "in", list(identities)),
                ]
            )
            ._filtered_access("write")
        )
        by_cccd = defaultdict(lambda: self.env["learning.unit.member"])
        for member in members:
            by_cccd[identities[member.employee_id.id]] |= member
        return by_cccd

    # ------------------------------------------------------------------
    # import
    # ------------------------------------------------------------------
    def action_import(self):
        self.ensure_one()
        changes, report = self._check()
        # all or nothing unless asked: a row that matches no member is not
        # applied either
        blocked = (report["invalid"] or report["unmatched"]) and not (
            self.apply_valid_rows
        )
        if blocked:
            raise UserError(self._summary(report, written=False))
        groups = defaultdict(lambda: self.env["learning.unit.member"])
        for member, vals in changes.items():
            groups[tuple(sorted(vals.items()))] |= member
        for vals, members in groups.items():
            # each member's evidence records the file it came from
            evidence_source(members, "import", file_name=self.filename).write(
                dict(vals)
            )
        self._log(changes, report)
        self.write({"state": "done", "result": self._summary(report)})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Member Evidence"),
        }

    @staticmethod
    def _counts(report):
        return {
            outcome: len(report[outcome])
            for outcome in ("applied", "unchanged", "unmatched", "invalid")
        }

    def _summary(self, report, written=True):
        """What the import did; with ``written`` False, why it wrote nothing."""
        if written:
            head = self.env._(
                "%(applied)s row(s) applied, %(unchanged)s unchanged, %(unmatched)s "
                "not matched, %(invalid)s invalid.",
                **self._counts(report),
            )
        else:
            head = self.env._(
                "Nothing was imported: %(unmatched)s row(s) not matched and "
                "%(invalid)s invalid. Correct them, or tick Apply Valid Rows to "
                "write the %(applied)s valid row(s) that change something.",
                **self._counts(report),
            )
        lines = [head]
        details = report["invalid"] + report["unmatched"] + report["warnings"]
        lines += details[:MAX_ERRORS_SHOWN]
        if len(details) > MAX_ERRORS_SHOWN:
            lines.append(
                self.env._(
                    "… and %(count)s more.", count=len(details) - MAX_ERRORS_SHOWN
                )
            )
        return "\n".join(lines)

    def _log(self, changes, report):
        """Each assessment's chatter lists the import with its counts."""
        by_assessment = defaultdict(int)
        for member in changes:
            by_assessment[member.assessment_id] += 1
        for assessment, count in by_assessment.items():
            assessment.sudo().message_post(
                body=self.env._(
                    "Evidence imported by %(user)s from %(file)s: %(count)s member(s) "
                    "updated (%(applied)s row(s) applied in the file, %(unchanged)s "
                    "unchanged, %(unmatched)s not matched, %(invalid)s invalid).",
                    user=self.env.user.name,
                    file=self.filename or "",
                    count=count,
                    **self._counts(report),
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # template
    # ------------------------------------------------------------------
    def action_download_template(self):
        """The file to fill in: the members the user may update, as they stand."""
        self.ensure_one()
        content = self._template()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._(
                    "Member evidence %(year)s.xlsx", year=self.period_id.year
                ),
                "raw": content,
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    def _template(self):
        members = (
            self.env["learning.unit.member"]
            .search(
                [
                    ("period_id", "=", self.period_id.id),
                    ("assessment_id.state", "in", EDITABLE_STATES),
                ],
                order="unit_id, name, id",
            )
            ._filtered_access("write")
        )
        # a member without a CCCD in HR cannot be matched: not in the file
        members = members.filtered(lambda m: m.employee_id.sudo().identification_id)
        # a person once, though a member of a unit and of a sub-unit's own
        # assessment: the import writes their evidence to both
        members = members._lu_one_per_person()
        rules = self.period_id.rules_id.criterion_ids
        kinds = {c.member_field for c in rules if c.member_field}
        # the member evidence report's layout, which the import reads back
        Report = self.env["report.learning_unit.report_member_evidence"]
        return Report._lu_xlsx([Report._lu_member_sheet(members, kinds)])
