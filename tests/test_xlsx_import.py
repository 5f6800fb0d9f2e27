"""Importing member evidence keyed by the citizen ID (CCCD).

The file is what another system or a person holds: a header row, the columns
CCCD, Họ và tên and evidence columns named by their Vietnamese labels, in any
order, cells Đạt / Chưa đạt. Rows are matched by CCCD to the members the user
may change; every row is checked first.
"""

import base64
import io

import openpyxl

from odoo.exceptions import AccessError, UserError

from .common import LearningUnitCase, next_cccd
from .report_helpers import OFFICER

LABELS = {
    "plan_approved": "Kế hoạch tự học",
    "discipline_ok": "Kỷ luật lao động",
    "training_done": "Hoàn thành bồi dưỡng",
    "advanced_worker": "Lao động tiên tiến",
    "cdht_achieved": "Công dân học tập",
}


def xlsx(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


class ImportCase(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Nhập", 0)
        cls.unit = cls.make_unit("Trường Nhập", 4, parent=cls.district)
        cls.unit_b = cls.make_unit("Trường Khác", 2, parent=cls.district)
        cls.officer = cls.make_user(
            "imp_officer", OFFICER, department=cls.unit, lang="vi_VN"
        )
        cls.assessment = cls.make_assessment(cls.unit)
        cls.assessment_b = cls.make_assessment(cls.unit_b)
        cls.members = cls.assessment.member_ids.sorted("id")
        cls.cccd = {m: m.employee_id.sudo().identification_id for m in cls.members}

    def run_import(self, content, filename="evidence.xlsx", apply_valid_rows=False):
        wizard = (
            self.env["learning.unit.evidence.import"]
            .with_user(self.officer)
            .with_context(lang="vi_VN")
            .create(
                {
                    "period_id": self.period.id,
                    "file": base64.b64encode(content),
                    "filename": filename,
                    "apply_valid_rows": apply_valid_rows,
                }
            )
        )
        wizard.action_import()
        return wizard


class TestImportRoundTrip(ImportCase):
    def test_columns_in_any_order_with_vietnamese_values(self):
        first, second, third = self.members[:3]
        content = xlsx(
            [
                ["Hoàn thành bồi dưỡng", "Họ và tên", "CCCD", "Công dân học tập"],
                ["Đạt", first.name, self.cccd[first], "x"],
                ["chưa đạt", second.name, self.cccd[second], 1],
                ["TRUE", third.name, int(self.cccd[third]), ""],
            ]
        )
        wizard = self.run_import(content)
        self.assertEqual(wizard.state, "done")
        self.assertIn("3 dòng được áp dụng", wizard.result)
        self.assertTrue(first.training_done and first.cdht_achieved)
        self.assertFalse(second.training_done)
        self.assertTrue(second.cdht_achieved)
        self.assertTrue(third.training_done)
        self.assertFalse(third.cdht_achieved)
        # the assessment's chatter lists the import with its counts
        note = self.assessment.message_ids[:1]
        self.assertIn("evidence.xlsx", note.body)
        self.assertIn("3", note.body)
        # the same file again changes nothing
        again = self.run_import(content)
        self.assertIn("0 dòng được áp dụng, 3 không đổi", again.result)

    def test_scores_follow_the_imported_evidence(self):
        self.give_full_evidence(self.members)
        line_2c = self.line(self.assessment, "2c")
        self.assertEqual(line_2c.self_score, 10)
        rows = [["CCCD", LABELS["training_done"]]]
        rows += [[self.cccd[m], "Chưa đạt"] for m in self.members[:2]]
        self.run_import(xlsx(rows))
        # 2 of the 5 members (the officer is one) short: 40 % → 8 steps of 0.5
        self.assertEqual(line_2c.self_score, 6)

    def test_csv_with_semicolons(self):
        member = self.members[0]
        content = (
            f"CCCD;Họ và tên;Lao động tiên tiến\n{self.cccd[member]};{member.name};Đạt\n"
        ).encode("utf-8-sig")
        self.run_import(content, filename="evidence.csv")
        self.assertTrue(member.advanced_worker)

    def test_template_holds_the_members_in_scope(self):
        self.give_full_evidence(self.members[:1])
        wizard = (
            self.env["learning.unit.evidence.import"]
            .with_user(self.officer)
            .create({"period_id": self.period.id})
        )
        book = openpyxl.load_workbook(io.BytesIO(wizard._template()))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("CCCD", "Họ và tên", "Đơn vị"))
        self.assertIn("Kế hoạch tự học", rows[0])
        cccds = {row[0] for row in rows[1:]}
        # the unit's members (the officer is one of them), not the other unit's
        mine = self.assessment.member_ids.employee_id.sudo().mapped("identification_id")
        self.assertEqual(cccds, set(mine))
        self.assertEqual(len(cccds), 5)
        # filled in and imported back, it changes nothing
        before = self.members.mapped("plan_approved")
        wizard = self.run_import(wizard._template())
        self.assertIn("0 dòng được áp dụng, 5 không đổi", wizard.result)
        self.assertEqual(self.members.mapped("plan_approved"), before)


class TestExportImportsBack(ImportCase):
    def test_the_member_evidence_report_imports_back(self):
        """The Print menu's member evidence is the import's layout: downloaded
        by the unit's officer and edited in a spreadsheet, it imports back."""
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render_xlsx(
                "learning_unit.action_report_member_evidence_xlsx",
                self.assessment.ids,
                None,
            )
        )
        wizard = self.run_import(content)
        self.assertIn("0 dòng được áp dụng, 5 không đổi", wizard.result)
        first = self.members[0]
        self.assertFalse(first.plan_approved)
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.active
        header = [cell.value for cell in sheet[1]]
        column = header.index(LABELS["plan_approved"]) + 1
        (row,) = [cell.row for cell in sheet["A"] if cell.value == self.cccd[first]]
        sheet.cell(row, column, "Đạt")
        output = io.BytesIO()
        book.save(output)
        wizard = self.run_import(output.getvalue())
        self.assertIn("1 dòng được áp dụng, 4 không đổi", wizard.result)
        self.assertTrue(first.plan_approved)


class TestImportErrors(ImportCase):
    def test_csv_errors_name_the_rows_of_the_file(self):
        """A blank line counts: the row named is the file's, as in a sheet."""
        member = self.members[0]
        content = (
            f"CCCD;Họ và tên;Lao động tiên tiến\n{self.cccd[member]};{member.name};Đạt"
            "\n\n12345;Sai số;Đạt\n"
        ).encode("utf-8-sig")
        with self.assertRaises(UserError) as error:
            self.run_import(content, filename="evidence.csv")
        message = str(error.exception)
        self.assertIn("Dòng 4", message)
        self.assertNotIn("Dòng 3", message)

    def test_invalid_rows_stop_everything_unless_asked(self):
        first = self.members[0]
        content = xlsx(
            [
                ["CCCD", "Họ và tên", "Công dân học tập"],
                [self.cccd[first], first.name, "Đạt"],
                ["12345", "Sai số", "Đạt"],
                [self.cccd[first], first.name, "Đạt"],  # duplicate
                [self.cccd[self.members[1]], self.members[1].name, "có lẽ"],
            ]
        )
        with self.assertRaises(UserError) as error:
            self.run_import(content)
        message = str(error.exception)
        self.assertIn("Không nhập gì", message)
        self.assertIn("Dòng 3", message)  # bad CCCD
        self.assertIn("Dòng 4", message)  # duplicate
        self.assertIn("có lẽ", message)  # unknown value
        self.assertFalse(first.cdht_achieved)
        # the valid rows, on request
        with self.assertRaises(UserError):
            self.run_import(content)
        wizard = self.run_import(content, apply_valid_rows=True)
        self.assertIn("3 không hợp lệ", wizard.result)

    def test_unmatched_rows_never_reveal_other_units(self):
        foreign = self.assessment_b.member_ids[0]
        unknown = next_cccd()
        content = xlsx(
            [
                ["CCCD", "Họ và tên", "Công dân học tập"],
                [foreign.employee_id.sudo().identification_id, foreign.name, "Đạt"],
                [unknown, "Người lạ", "Đạt"],
            ]
        )
        # applied on request: a row that matches no member blocks the file
        wizard = self.run_import(content, apply_valid_rows=True)
        self.assertIn("2 không khớp", wizard.result)
        lines = wizard.result.splitlines()
        # the same sentence whether the person exists elsewhere or not at all
        foreign_cccd = foreign.employee_id.sudo().identification_id
        self.assertEqual(
            lines[1].replace(foreign_cccd, "X").replace("2", "N", 1),
            lines[2].replace(unknown, "X").replace("3", "N", 1),
        )
        self.assertNotIn(foreign.name, wizard.result)
        self.assertNotIn("Trường Khác", wizard.result)
        self.assertFalse(foreign.cdht_achieved)

    def test_a_different_name_is_a_warning(self):
        member = self.members[0]
        content = xlsx(
            [
                ["CCCD", "Họ và tên", "Công dân học tập"],
                [self.cccd[member], "Tên khác", "Đạt"],
            ]
        )
        wizard = self.run_import(content)
        self.assertTrue(member.cdht_achieved)
        self.assertIn("Tên khác", wizard.result)

    def test_a_file_without_cccd_column(self):
        with self.assertRaises(UserError) as error:
            self.run_import(xlsx([["Tên", "Công dân học tập"], ["A", "Đạt"]]))
        self.assertIn("CCCD", str(error.exception))

    def test_locked_assessment_members_do_not_match(self):
        self.provide_dossier(self.assessment)
        self.assessment.action_submit()
        member = self.members[0]
        content = xlsx([["CCCD", "Công dân học tập"], [self.cccd[member], "Đạt"]])
        with self.assertRaises(UserError) as error:
            self.run_import(content)
        self.assertIn("1 dòng không khớp", str(error.exception))
        self.assertFalse(member.cdht_achieved)

    def test_members_cannot_import(self):
        member_user = self.make_user(
            "imp_member", "learning_unit.group_member", department=self.unit
        )
        with self.assertRaises(AccessError):
            self.env["learning.unit.evidence.import"].with_user(member_user).create(
                {"period_id": self.period.id}
            )


class TestAllOrNothing(ImportCase):
    """Issue 19, item 8: without "Áp dụng các dòng hợp lệ" a file writes all
    its rows or none; the messages say what happened."""

    def test_an_unknown_cccd_writes_nothing_unless_asked(self):
        first = self.members[0]
        content = xlsx(
            [
                ["CCCD", "Họ và tên", "Công dân học tập"],
                [self.cccd[first], first.name, "Đạt"],
                [next_cccd(), "Người lạ", "Đạt"],
            ]
        )
        with self.assertRaises(UserError) as error:
            self.run_import(content)
        message = str(error.exception)
        self.assertFalse(first.cdht_achieved)
        self.assertIn("Không nhập gì", message)
        self.assertIn("Dòng 3", message)
        # a refusal never says a row was applied
        self.assertNotIn("được áp dụng", message)
        self.assertIn("1 dòng không khớp", message)
        # on request, the valid rows are written and the summary says so
        wizard = self.run_import(content, apply_valid_rows=True)
        self.assertTrue(first.cdht_achieved)
        self.assertIn("1 dòng được áp dụng", wizard.result)
        self.assertIn("1 không khớp", wizard.result)

    def test_the_wizard_says_what_it_does(self):
        arch = self.env["learning.unit.evidence.import"].get_views([(False, "form")])[
            "views"
        ]["form"]["arch"]
        self.assertIn("matches no member", arch)


class TestSubUnits(ImportCase):
    def test_template_lists_each_person_once_and_imports_back(self):
        """An employee of a sub-unit with its own assessment is a member of
        both: the template and the export list them once, the file imports
        back unchanged, and a change reaches both members."""
        sub = self.make_unit("Tổ Văn", 2, parent=self.unit)
        self.assessment.action_load_members()
        sub_assessment = self.make_assessment(sub)
        employees = sub_assessment.member_ids.employee_id
        self.assertEqual(len(employees), 2)
        self.assertEqual(
            len(
                self.assessment.member_ids.filtered(
                    lambda m: m.employee_id in employees
                )
            ),
            2,
        )
        wizard = (
            self.env["learning.unit.evidence.import"]
            .with_user(self.officer)
            .create({"period_id": self.period.id})
        )
        template = wizard._template()
        export, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render_xlsx(
                "learning_unit.action_report_member_evidence_xlsx",
                (self.assessment | sub_assessment).ids,
                None,
            )
        )
        for content in (template, export):
            rows = list(
                openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(
                    values_only=True
                )
            )
            cccds = [row[0] for row in rows[1:]]
            self.assertEqual(len(cccds), len(set(cccds)))
            self.assertEqual(len(cccds), 7)
            wizard = self.run_import(content)
            self.assertIn("0 dòng được áp dụng, 7 không đổi", wizard.result)
        person = employees[0]
        cccd = person.sudo().identification_id
        wizard = self.run_import(xlsx([["CCCD", "Công dân học tập"], [cccd, "Đạt"]]))
        both = (self.assessment | sub_assessment).member_ids.filtered(
            lambda m: m.employee_id == person
        )
        self.assertEqual(both.mapped("cdht_achieved"), [True, True])
