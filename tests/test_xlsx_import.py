"""Importing member evidence from the member evidence XLSX (issue 4).

The file is the export itself, edited as a person would in a spreadsheet. Any
wrong row stops the whole import: the errors are listed by row number and no
member changes.
"""

import base64
import io

import openpyxl

from odoo.exceptions import AccessError, UserError

from .common import LearningUnitCase
from .report_helpers import OFFICER, ReportFixture


class ImportCase(ReportFixture, LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer_b = cls.make_user("rp_officer_b", OFFICER, department=cls.unit_b)
        cls.first, cls.second = cls.assessment.member_ids.sorted("id")[:2]

    def export(self, assessments, user=None):
        export = self.env["learning.unit.xlsx.export"].with_user(user or self.officer)
        return export.member_evidence(assessments)

    def edit(self, content, changes=(), extra_rows=()):
        """Apply ``{(member_id, key): value}`` and append ``extra_rows``.

        ``extra_rows`` are dicts ``{key: value}``; returns the file's bytes.
        """
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.active
        keys = [cell.value for cell in sheet[1]]
        column = {key: index + 1 for index, key in enumerate(keys)}
        rows = {sheet.cell(row, 1).value: row for row in range(3, sheet.max_row + 1)}
        for (member_id, key), value in dict(changes).items():
            sheet.cell(rows[member_id], column[key], value)
        for extra in extra_rows:
            row = sheet.max_row + 1
            for key, value in extra.items():
                sheet.cell(row, column[key], value)
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()

    def run_import(self, content, assessments=None, user=None):
        wizard = (
            self.env["learning.unit.evidence.import"]
            .with_user(user or self.officer)
            .create(
                {
                    "assessment_ids": [(6, 0, (assessments or self.assessment).ids)],
                    "file": base64.b64encode(content),
                    "filename": "evidence.xlsx",
                }
            )
        )
        return wizard.action_import()

    def snapshot(self, assessments=None):
        members = (assessments or self.assessment).member_ids
        return {
            member.id: (
                member.plan_approved,
                member.discipline_ok,
                member.training_done,
                member.advanced_worker,
                tuple(sorted(member.competency_ids.mapped("code"))),
                member.note,
            )
            for member in members
        }


class TestImportRoundTrip(ImportCase):
    def test_export_edit_import(self):
        self.assertEqual(self.line(self.assessment, "2a").self_score, 9)
        content = self.edit(
            self.export(self.assessment),
            {
                (self.first.id, "plan_approved"): 1,  # 10/10 -> 2a: 10
                (self.second.id, "discipline_ok"): "x",  # 10/10 -> 2b: 5
                (self.second.id, "training_done"): "Không",  # 9/10 -> 2c: 9
                (self.second.id, "competency:3a8"): 0,  # 3a8: 0
                (self.first.id, "note"): "Đã nộp kế hoạch bản giấy",
            },
        )
        action = self.run_import(content)
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn("2 member(s) updated", action["params"]["message"])
        self.assertTrue(self.first.plan_approved)
        self.assertEqual(self.first.note, "Đã nộp kế hoạch bản giấy")
        self.assertTrue(self.second.discipline_ok)
        self.assertFalse(self.second.training_done)
        self.assertNotIn("3a8", self.second.competency_ids.mapped("code"))
        self.assertEqual(len(self.second.competency_ids), 7)
        scores = {
            code: self.line(self.assessment, code).self_score
            for code in ("2a", "2b", "2c", "3a8")
        }
        self.assertEqual(scores, {"2a": 10, "2b": 5, "2c": 9, "3a8": 0})
        # exported again, the file shows what was imported
        again = self.edit(self.export(self.assessment))
        before = self.snapshot()
        action = self.run_import(again)
        self.assertIn("0 member(s) updated", action["params"]["message"])
        self.assertEqual(self.snapshot(), before)

    def test_columns_may_be_removed_or_moved(self):
        book = openpyxl.load_workbook(io.BytesIO(self.export(self.assessment)))
        sheet = book.active
        sheet.delete_cols(2, 4)  # assessment, department, employee, job title
        sheet.move_range("B1:B20", cols=20)  # plan_approved to the far right
        keys = [cell.value for cell in sheet[1]]
        plan_col = keys.index("plan_approved") + 1
        for row in range(3, sheet.max_row + 1):
            if sheet.cell(row, 1).value:
                sheet.cell(row, plan_col, 1)
        output = io.BytesIO()
        book.save(output)
        self.run_import(output.getvalue())
        self.assertTrue(all(self.assessment.member_ids.mapped("plan_approved")))

    def test_wizard_defaults_to_the_selected_assessments(self):
        wizard = (
            self.env["learning.unit.evidence.import"]
            .with_user(self.officer)
            .with_context(
                active_model="learning.unit.assessment", active_ids=self.assessment.ids
            )
            .create({})
        )
        self.assertEqual(wizard.assessment_ids, self.assessment)
        action = wizard.action_download_template()
        # the member evidence XLSX report of the Print menu (report_xlsx)
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(action["report_name"], "learning_unit.xlsx_member_evidence")
        self.assertEqual(action["context"]["active_ids"], self.assessment.ids)


class TestImportErrors(ImportCase):
    def assertImportFails(self, content, expected, assessments=None, user=None):
        before = self.snapshot(assessments)
        with self.assertRaises(UserError) as error:
            self.run_import(content, assessments=assessments, user=user)
        message = str(error.exception)
        self.assertIn("Nothing was imported", message)
        for part in expected:
            self.assertIn(part, message)
        self.assertEqual(self.snapshot(assessments), before)
        return message

    def test_every_wrong_row_is_listed_and_nothing_changes(self):
        # the same unit's assessment of another year: readable, but not imported
        period_2041 = self.make_period(2041)
        other = self.make_assessment(self.unit, period=period_2041).member_ids[0]
        content = self.edit(
            self.export(self.assessment),
            {
                # a valid change that must not be applied either
                (self.first.id, "plan_approved"): 1,
                (self.second.id, "advanced_worker"): "maybe",
            },
            extra_rows=[
                {"id": 999999, "employee": "Người lạ"},
                {"id": other.id, "employee": other.name},
                {"id": self.first.id, "employee": self.first.name},
                {"id": "abc"},
                {"id": self.second.id, "employee": self.second.name},
            ],
        )
        # rows: 1 keys, 2 titles, 3-12 the members, then the extra rows 13-17
        self.assertImportFails(
            content,
            [
                "Nothing was imported: 6 error(s) in the file.",
                "Row 13: unknown member (ID 999999).",
                f"Row 14: {other.name} belongs to {other.assessment_id.name}, not to",
                f"Row 15: member ID {self.first.id} already appears in row",
                "Row 16: the member ID 'abc' is not a number.",
                f"Row 17: member ID {self.second.id} already appears in row",
                "column Advanced Worker (2d): 'maybe' is not a valid value",
            ],
        )
        self.assertFalse(self.first.plan_approved)

    def test_name_must_match_the_member(self):
        content = self.edit(
            self.export(self.assessment), {(self.first.id, "employee"): "Tên khác"}
        )
        self.assertImportFails(
            content, [f"member ID {self.first.id} is {self.first.name}, not Tên khác"]
        )

    def test_locked_assessment_refuses_the_import(self):
        content = self.edit(
            self.export(self.assessment), {(self.first.id, "plan_approved"): 1}
        )
        self.provide_dossier(self.assessment)
        self.assessment.action_submit()
        self.assertImportFails(content, ["is no longer editable"])

    def test_members_out_of_scope_are_unknown(self):
        content = self.export(self.assessment)
        self.assertImportFails(
            content,
            [f"unknown member (ID {self.first.id})"],
            assessments=self.assessment_b,
            user=self.officer_b,
        )

    def test_not_an_evidence_file(self):
        with self.assertRaises(UserError) as error:
            self.run_import(b"this is not a spreadsheet")
        self.assertIn("not a readable XLSX", str(error.exception))
        book = openpyxl.Workbook()
        book.active.append(["Họ tên", "Kế hoạch"])
        book.active.append(["Nguyễn Văn A", 1])
        output = io.BytesIO()
        book.save(output)
        with self.assertRaises(UserError) as error:
            self.run_import(output.getvalue())
        self.assertIn("not a member evidence file", str(error.exception))

    def test_only_unit_officers_import(self):
        content = self.export(self.assessment)
        for user in (self.reviewer, self.member_user):
            with self.assertRaises(AccessError):
                self.run_import(content, user=user)
