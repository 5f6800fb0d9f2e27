"""Hostile spreadsheets, both ways.

Exports: text a unit types (head of unit, member names, job titles, notes,
its own notes and name) starting with "=", "+", "-" or "@" comes out of every
XLSX export as a plain text cell, neutralised so that no spreadsheet program
reads it as a formula (CSV/formula injection).

Import (the member evidence import wizard): files built to exhaust the
server (a sheet declaring 16384 × 20000 cells, a zip bomb, a huge file) are
refused quickly with a short message; a corrupt sheet, a formula without its
value and a stale <dimension> never give a traceback nor a silent partial
import.

Download routes (report_xlsx's /report/xlsx and the DOCX /report/docx): id
ranges, words and lists of millions of ids in the URL are answered at once
with a 4xx, not with seconds of work nor a 500; a record out of scope is 403.
"""

import base64
import io
import os
import re
import zipfile

import openpyxl

from odoo import sql_db
from odoo.exceptions import UserError

from .attack_io import Overrun, deadline, is_vietnamese, short, stopwatch
from .common import COMPETENCIES, EVIDENCE, LearningUnitCase, LearningUnitHttpCase

OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Formula payloads, one per place a unit can type text; each is unique so
# that its cell can be found in the exports.
HEAD = '=HYPERLINK("http://x","head")'
UNIT = '=HYPERLINK("http://x","unit")'
SELF_NOTE = '+HYPERLINK("http://x","selfnote")'
EMPLOYEES = (
    '=HYPERLINK("http://x","emp1")',
    '+HYPERLINK("http://x","emp2")',
    '-HYPERLINK("http://x","emp3")',
    '@HYPERLINK("http://x","emp4")',
    "=1+2+3+4",
    "-2+3+cmd|' /C calc'!A0",
)
JOB = '=HYPERLINK("http://x","job")'
MEMBER_NOTE = '@HYPERLINK("http://x","membernote")'
PAYLOADS = (HEAD, UNIT, SELF_NOTE, *EMPLOYEES, JOB, MEMBER_NOTE)
# Payloads the current exports are known to print: each must be found.
PRINTED = {
    "phu_luc_2": (HEAD, UNIT),
    "district_summary": (UNIT,),
    "member_evidence": (*EMPLOYEES, JOB, MEMBER_NOTE),
}


def core(payload):
    """The payload without its first character: found even once neutralised."""
    return payload[1:]


class TestExportFormulaInjection(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Công Thức", 0)
        cls.unit = cls.make_unit(UNIT, len(EMPLOYEES), parent=cls.district)
        employees = cls.env["hr.employee"].search(
            [("department_id", "=", cls.unit.id)], order="id"
        )
        for employee, name in zip(employees, EMPLOYEES, strict=True):
            employee.write({"name": name, "job_title": JOB})
        cls.officer = cls.make_user(
            "atkx_officer", OFFICER, department=cls.unit, lang="vi_VN"
        )
        cls.assessment = cls.make_assessment(cls.unit)
        cls.assessment.write({"head_name": HEAD, "self_note": SELF_NOTE})
        cls.assessment.member_ids.write({"note": MEMBER_NOTE})
        cls.make_full_score(cls.assessment)

    def exports(self):
        """Every XLSX of the assessment, rendered as the Print menu downloads it."""
        Report = self.env["ir.actions.report"].with_user(self.officer)
        for kind in ("phu_luc_2", "district_summary", "member_evidence"):
            xmlid = f"learning_unit.action_report_{kind}_xlsx"
            yield kind, Report._render_xlsx(xmlid, self.assessment.ids, None)[0]

    def test_unit_text_is_never_a_formula(self):
        problems = []
        for kind, content in self.exports():
            book = openpyxl.load_workbook(io.BytesIO(content))
            found = set()
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        value = cell.value
                        if not isinstance(value, str):
                            continue
                        hits = [p for p in PAYLOADS if core(p) in value]
                        found.update(hits)
                        where = f"{kind} {sheet.title}!{cell.coordinate}"
                        if cell.data_type == "f":
                            problems.append(f"{where}: formula cell {short(value)}")
                        elif hits and value.startswith(FORMULA_START):
                            problems.append(
                                f"{where}: text cell starting with {value[0]!r}: "
                                f"{short(value)}"
                            )
            for payload in PRINTED.get(kind, ()):
                if payload not in found:
                    problems.append(f"{kind}: {payload!r} is not printed at all")
        if problems:
            self.fail("\n".join(problems))


# ----------------------------------------------------------------------
# import
# ----------------------------------------------------------------------
SHEET = "xl/worksheets/sheet1.xml"


def rezip(content, replace=None, extra=None, stored=False):
    """The XLSX ``content`` with some of its files replaced or added."""
    replace = dict(replace or {})
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(
        output, "w", method, compresslevel=None if stored else 9
    ) as zf:
        for info in source.infolist():
            data = replace.pop(info.filename, None)
            zf.writestr(info.filename, source.read(info) if data is None else data)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return output.getvalue()


def sheet_xml(content):
    return zipfile.ZipFile(io.BytesIO(content)).read(SHEET).decode()


def set_dimension(content, ref):
    xml = sheet_xml(content)
    xml, count = re.subn(
        r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml
    )
    assert count == 1, "the export has no <dimension>"
    return rezip(content, {SHEET: xml})


class ImportAttackCase(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Nhập Liệu", 0)
        cls.unit = cls.make_unit("Trường Nhập Liệu", 9, parent=cls.district)
        cls.officer = cls.make_user(
            "atkx_import", OFFICER, department=cls.unit, lang="vi_VN"
        )
        cls.assessment = cls.make_assessment(cls.unit)
        cls.give_full_evidence(cls.assessment.member_ids)
        cls.members = cls.assessment.member_ids.sorted("id")
        assert len(cls.members) == 10

    def export(self):
        """The import template of the period: one row per member, as they stand."""
        wizard = (
            self.env["learning.unit.evidence.import"]
            .with_user(self.officer)
            .create({"period_id": self.period.id})
        )
        return wizard._template()

    def _layout(self, sheet):
        """``({field: column}, {member id: row})`` of the template's sheet."""
        labels = (
            self.env["learning.unit.member"]
            .with_context(lang="vi_VN")
            ._lu_evidence_labels()
        )
        header = [cell.value for cell in sheet[1]]
        columns = {
            field: header.index(label) + 1
            for field, label in labels.items()
            if label in header
        }
        by_cccd = {m.employee_id.sudo().identification_id: m.id for m in self.members}
        rows = {
            by_cccd[sheet.cell(row, 1).value]: row
            for row in range(2, sheet.max_row + 1)
            if sheet.cell(row, 1).value in by_cccd
        }
        return columns, rows

    def edit(self, content, changes):
        """``{(member, field): value}`` written into the template with openpyxl."""
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.active
        columns, rows = self._layout(sheet)
        for (member, key), value in changes.items():
            sheet.cell(rows[member.id], columns[key], value)
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()

    def cell_ref(self, content, member, key):
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.active
        columns, rows = self._layout(sheet)
        return sheet.cell(rows[member.id], columns[key]).coordinate

    def state(self):
        self.env.invalidate_all()
        return {
            member.id: tuple(member[f] for f in EVIDENCE + COMPETENCIES)
            + (member.note,)
            for member in self.members
        }

    def run_import(self, content, limit=30):
        """``(outcome, seconds)``: outcome is the action, a UserError, or Overrun.

        Any other exception propagates: it is the traceback a user would get.
        """
        with stopwatch() as elapsed:
            try:
                with deadline(limit):
                    wizard = (
                        self.env["learning.unit.evidence.import"]
                        .with_user(self.officer)
                        .with_context(lang=self.officer.lang)
                        .create(
                            {
                                "period_id": self.period.id,
                                "file": base64.b64encode(content),
                                "filename": "evidence.xlsx",
                            }
                        )
                    )
                    wizard.action_import()
                    outcome = {"result": wizard.result}
            except (UserError, Overrun) as error:
                outcome = error
        return outcome, elapsed()

    def assertRefused(self, content, before, max_seconds=3, limit=30):
        """Refused with a short Vietnamese message, quickly, nothing changed."""
        try:
            outcome, seconds = self.run_import(content, limit=limit)
        except Exception as error:  # the failure to report
            self.fail(
                f"traceback instead of a message: {type(error).__name__}: {short(error)}"
            )
        if isinstance(outcome, Overrun):
            self.fail(f"import interrupted: {outcome}")
        if not isinstance(outcome, UserError):
            self.fail(
                f"imported in {seconds:.1f} s instead of refused: {short(outcome)}"
            )
        message = outcome.args[0]
        problems = []
        if len(message) >= 2000:
            problems.append(f"message of {len(message)} characters")
        if not is_vietnamese(message):
            problems.append(f"message not in Vietnamese: {short(message)}")
        if "Traceback" in message:
            problems.append("traceback in the message")
        if seconds >= max_seconds:
            problems.append(f"refused after {seconds:.1f} s")
        if self.state() != before:
            problems.append("members changed by a refused import")
        if problems:
            self.fail("; ".join(problems))
        return message


class TestImportAttacks(ImportAttackCase):
    def test_sanity_the_export_imports(self):
        """The files below are this one, damaged: it imports as is."""
        first = self.members[0]
        content = self.edit(self.export(), {(first, "plan_approved"): 0})
        outcome, seconds = self.run_import(content)
        self.assertIsInstance(outcome, dict, outcome)
        self.assertFalse(first.plan_approved)
        self.assertLess(seconds, 3)

    def test_sanity_a_wrong_value_is_refused_cleanly(self):
        """What every refusal below must look like; the current code does it."""
        before = self.state()
        content = self.edit(self.export(), {(self.members[0], "plan_approved"): "abc"})
        message = self.assertRefused(content, before)
        self.assertIn("abc", message)

    def test_huge_declared_dimension(self):
        """A1:XFD20000 declared (16384 columns × 20000 rows), one empty row 20000."""
        before = self.state()
        content = self.edit(self.export(), {(self.members[0], "plan_approved"): 0})
        content = set_dimension(content, "A1:XFD20000")
        xml = sheet_xml(content).replace("</sheetData>", '<row r="20000"/></sheetData>')
        content = rezip(content, {SHEET: xml})
        self.assertLess(len(content), 50_000)
        self.assertRefused(content, before, limit=8)

    def test_zip_bomb(self):
        """~40 MB of sheet XML in a few tens of KB of zip: refused unread."""
        before = self.state()
        content = self.export()
        xml = sheet_xml(content)
        column = re.sub(
            r"\d+", "", self.cell_ref(content, self.members[0], "plan_approved")
        )
        filler = "A" * 4_000_000

        def swell(match):
            return f'<c r="{match[1]}" t="inlineStr"><is><t>{filler}</t></is></c>'

        bomb_xml, count = re.subn(
            rf'<c r="({column}(?:[2-9]|1[01]))"[^>]*?(?:/>|>.*?</c>)', swell, xml
        )
        self.assertEqual(count, 10)
        self.assertGreater(len(bomb_xml), 40_000_000)
        content = rezip(content, {SHEET: bomb_xml})
        self.assertLess(len(content), 100_000)
        self.assertRefused(content, before, limit=20)

    def test_file_over_the_size_limit(self):
        """25 MB (the limit is 20 MB at most): refused before it is parsed."""
        before = self.state()
        content = self.edit(self.export(), {(self.members[0], "plan_approved"): 0})
        padding = os.urandom(25 * 1024 * 1024)
        content = rezip(content, extra={"xl/media/padding.bin": padding}, stored=True)
        self.assertGreater(len(content), 25 * 1024 * 1024)
        self.assertRefused(content, before, limit=30)

    def test_corrupt_sheet_xml(self):
        before = self.state()
        content = self.edit(self.export(), {(self.members[0], "plan_approved"): 0})
        xml = sheet_xml(content)
        broken = xml[: len(xml) // 2] + '<row r="99"><c r="A99"><v>1</c></row'
        self.assertRefused(rezip(content, {SHEET: broken}), before)

    def test_formula_without_cached_value(self):
        """A formula openpyxl cannot evaluate is an error naming the cell."""
        before = self.state()
        member = self.members[3]
        self.assertTrue(member.plan_approved)
        content = self.edit(self.export(), {(member, "plan_approved"): "=1-1"})
        ref = self.cell_ref(content, member, "plan_approved")
        self.assertRegex(
            sheet_xml(content), rf'<c r="{ref}"[^>]*><f>1-1</f>(<v\s*/>|<v></v>)?</c>'
        )
        message = self.assertRefused(content, before)
        row = re.sub(r"[A-Z]+", "", ref)
        self.assertTrue(
            ref in message or (row in message and "2a" in message),
            f"the message does not name cell {ref}: {short(message)}",
        )

    def test_rows_past_a_stale_dimension_are_not_dropped(self):
        """<dimension ref="A1:D3"> but 10 member rows: all or nothing."""
        before = self.state()
        changes = {(member, "plan_approved"): 0 for member in self.members}
        content = set_dimension(self.edit(self.export(), changes), "A1:D3")
        outcome, _seconds = self.run_import(content)
        after = self.state()
        if isinstance(outcome, UserError):
            self.assertEqual(after, before, "refused, yet members changed")
            self.assertTrue(is_vietnamese(outcome.args[0]))
            return
        self.assertIsInstance(outcome, dict, outcome)
        dropped = [member.name for member in self.members if member.plan_approved]
        self.assertFalse(
            dropped,
            f"import reported success ({short(outcome['result'])}) "
            f"but {len(dropped)} of 10 rows were not imported",
        )


# ----------------------------------------------------------------------
# the download routes of the Print menu
# ----------------------------------------------------------------------
XLSX_REPORTS = (
    "learning_unit.xlsx_phu_luc_2",
    "learning_unit.xlsx_district_summary",
    "learning_unit.xlsx_member_evidence",
)
DOCX_REPORTS = (
    "learning_unit.report_phu_luc_2_docx",
    "learning_unit.report_tt24_proposal_docx",
)


class TestDownloadRouteIdRanges(LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.make_unit("Trường Tải Về", 2)
        cls.other = cls.make_unit("Trường Khác", 1)
        cls.officer = cls.make_user("atkx_route", OFFICER, department=cls.unit)
        cls.assessment = cls.make_assessment(cls.unit)
        cls.foreign = cls.make_assessment(cls.other)

    def urls(self, ids):
        for name in XLSX_REPORTS:
            yield f"/report/xlsx/{name}/{ids}"
        for name in DOCX_REPORTS:
            yield f"/report/docx/{name}/{ids}"

    def test_a_normal_download_works(self):
        self.authenticate("atkx_route", "atkx_route")
        for url in self.urls(self.assessment.id):
            response = self.url_open(url, timeout=30)
            self.assertEqual(response.status_code, 200, url)
            self.assertTrue(response.content.startswith(b"PK"), url)

    def test_a_record_out_of_scope_is_refused(self):
        self.authenticate("atkx_route", "atkx_route")
        for url in self.urls(f"{self.assessment.id},{self.foreign.id}"):
            response = self.url_open(url, timeout=30)
            self.assertEqual(response.status_code, 403, url)

    def _attack(self, value):
        self.authenticate("atkx_route", "atkx_route")
        # the first request of a session warms the registry up
        self.url_open(next(self.urls(self.assessment.id)), timeout=60)
        problems = []
        for url, baseline in zip(self.urls(value), self.urls("x"), strict=True):
            # refused at once: with no more queries than a route spends on a
            # word it cannot read (the session and the user), whatever the
            # machine's load (a clock did not: 1.2 s under a load of 7 on two
            # cores). The baseline is asked twice: its first answer warms up.
            self.url_open(baseline, timeout=60)
            queries = sql_db.sql_counter
            self.url_open(baseline, timeout=60)
            allowed = sql_db.sql_counter - queries
            queries = sql_db.sql_counter
            try:
                response = self.url_open(url, timeout=60)
            except Exception as error:  # reported below
                problems.append(f"{url[:60]}: no answer ({type(error).__name__})")
                continue
            queries = sql_db.sql_counter - queries
            if not 400 <= response.status_code < 500:
                problems.append(f"{url[:60]}…: HTTP {response.status_code}")
            if queries > allowed:
                problems.append(
                    f"{url[:60]}…: {queries} queries, {allowed} to refuse a word"
                )
        if problems:
            self.fail("\n".join(problems))

    def test_id_ranges_are_refused_at_once(self):
        """31 characters that a range parser would expand to 3,000,004 ids."""
        value = ",".join(["1-1000001"] * 3) + ",2"
        self.assertEqual(len(value), 31)
        self._attack(value)

    def test_words_and_huge_numbers_are_refused_at_once(self):
        self._attack("1;DROP")
        self._attack("99999999999999999999")

    def test_too_many_ids_are_refused_at_once(self):
        self._attack(",".join(str(i) for i in range(1, 10_003)))
