"""Attacker tests: the newest surface (issue 17).

Each test makes the call the red team made, as the real user over XML-RPC,
JSON-RPC or HTTP, and checks the outcome and the data:

* D1: a unit officer reads, downloads and rewrites another officer's CCCD
  import wizard, its file and the template attached to it (an import wizard
  is its creator's; administrators: all);
* D2: the officer makes a plain member or another unit's officer the approver
  of the members' plans (an approver is an officer of the unit or its head);
* D5: an officer or a reviewer learns the name, job and office of any
  employee of any company through the team member's onchange, and links them
  to a team (a team member's employee is of the team's company and, for a
  unit's team, of the unit);
* D6: an administrator adds a criterion to a period's frozen copy of the rules,
  or copies one into it (frozen copies refuse create and copy too);
* the CCCD import on a database without Vietnamese (labels are read in the
  installed languages only).
"""

import base64
import io
import re

import openpyxl

from .attack_common import MEMBER, OFFICER, AttackFixture, describe_refusal
from .common import LearningUnitHttpCase

WIZARD = "learning.unit.evidence.import"
WIZARD_FIELDS = ["file", "filename", "period_id", "apply_valid_rows", "state"]
VI = {"lang": "vi_VN"}  # what the web client sends for a Vietnamese user
FILE = base64.b64encode(b"CCCD;Ho va ten\n080123456789;Bi mat\n").decode()


def xlsx(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


class TestSurfaceAttacks(AttackFixture, LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the officer of another unit of the same district
        cls.officer_b = cls.make_user(
            "atk_officer_b", OFFICER, department=cls.other_unit
        )
        # a second officer of the unit, and its head (a plain member in HR)
        cls.officer_2 = cls.make_user("atk_officer2", OFFICER, department=cls.unit)
        cls.head = cls.make_user("atk_head", MEMBER, department=cls.unit)
        cls.unit.manager_id = cls.head.employee_ids
        cls.own_employee = cls.assessment.member_ids.employee_id.filtered(
            lambda e: not e.user_id
        )[:1]
        cls.own_employee.sudo().job_title = "Giáo viên Tân Trụ"

    # ------------------------------------------------------------------
    # D1: an import wizard is its creator's
    # ------------------------------------------------------------------
    def _wizard_of(self, user, period=None):
        """A wizard ``user`` made over RPC, with a file and the template."""
        wizard_id = self.rpc(
            user,
            WIZARD,
            "create",
            {
                "period_id": (period or self.period).id,
                "file": FILE,
                "filename": "cccd.csv",
            },
        )
        action = self.rpc(user, WIZARD, "action_download_template", [wizard_id])
        attachment_id = int(re.search(r"/web/content/(\d+)", action["url"])[1])
        return self.env[WIZARD].browse(wizard_id), attachment_id

    def _found(self, user, model, domain):
        """The ids ``user`` finds over RPC (none when the search is refused)."""
        error, _changes = self.attack(lambda: self.rpc(user, model, "search", domain))
        if error is not None:
            self.assertIsNone(describe_refusal(error))
            return []
        return self.rpc(user, model, "search", domain)

    def _download(self, user, url):
        self.authenticate(user.login, user.login)
        self.env.flush_all()
        return self.url_open(url, allow_redirects=False)

    def test_d1_an_officer_cannot_reach_another_officers_import(self):
        wizard, attachment_id = self._wizard_of(self.officer)
        attachment = self.env["ir.attachment"].browse(attachment_id)
        # the creator downloads their own template and file
        for url in (
            f"/web/content/{attachment_id}?download=true",
            f"/web/content?model={WIZARD}&id={wizard.id}&field=file&download=true",
        ):
            response = self._download(self.officer, url)
            self.assertEqual(response.status_code, 200, url)
        self.assertTrue(self.rpc(self.officer, WIZARD, "read", wizard.ids, ["file"]))

        watch = [(wizard, WIZARD_FIELDS), (attachment, ["datas", "name", "res_id"])]
        problems = []
        for user in (self.officer_b, self.reviewer, self.member):
            if self._found(user, WIZARD, [("id", "=", wizard.id)]):
                problems.append(f"{user.login} finds the officer's wizard")
            if self._found(
                user,
                "ir.attachment",
                [("res_model", "=", WIZARD), ("res_id", "=", wizard.id)],
            ):
                problems.append(f"{user.login} finds the officer's template")
            for label, operation in (
                (
                    "reads the wizard's file",
                    lambda user=user: self.rpc(
                        user, WIZARD, "read", wizard.ids, ["file", "filename"]
                    ),
                ),
                (
                    "rewrites the wizard's file",
                    lambda user=user: self.rpc(
                        user, WIZARD, "write", wizard.ids, {"file": FILE[::-1]}
                    ),
                ),
                (
                    "imports the officer's file",
                    lambda user=user: self.rpc(
                        user, WIZARD, "action_import", wizard.ids
                    ),
                ),
                (
                    "downloads a template through the officer's wizard",
                    lambda user=user: self.rpc(
                        user, WIZARD, "action_download_template", wizard.ids
                    ),
                ),
                (
                    "reads the template attached to the wizard",
                    lambda user=user: self.rpc(
                        user, "ir.attachment", "read", [attachment_id], ["datas"]
                    ),
                ),
                (
                    "rewrites the template attached to the wizard",
                    lambda user=user: self.rpc(
                        user,
                        "ir.attachment",
                        "write",
                        [attachment_id],
                        {"datas": FILE},
                    ),
                ),
                (
                    "attaches a file to the wizard",
                    lambda user=user: self.rpc(
                        user,
                        "ir.attachment",
                        "create",
                        {
                            "name": "x.csv",
                            "datas": FILE,
                            "res_model": WIZARD,
                            "res_id": wizard.id,
                        },
                    ),
                ),
            ):
                error, changes = self.attack(operation, watch)
                problems += self.problems_of(
                    f"[xmlrpc] {user.login} {label}", error, changes
                )
            for url in (
                f"/web/content/{attachment_id}?download=true",
                f"/web/content?model={WIZARD}&id={wizard.id}&field=file&download=true",
            ):
                response = self._download(user, url)
                if response.status_code == 200:
                    problems.append(f"[http] {user.login} downloads {url}")
        self.assert_no_problems(problems)

    def test_d1_the_administrators_template_stays_theirs(self):
        wizard, attachment_id = self._wizard_of(self.admin)
        problems = []
        error, changes = self.attack(
            lambda: self.rpc(
                self.officer, "ir.attachment", "read", [attachment_id], ["datas"]
            ),
        )
        problems += self.problems_of(
            "[xmlrpc] officer reads the administrator's template", error, changes
        )
        response = self._download(
            self.officer, f"/web/content/{attachment_id}?download=true"
        )
        if response.status_code == 200:
            problems.append("[http] officer downloads the administrator's template")
        self.assert_no_problems(problems)
        # administrators see every import
        mine, _attachment = self._wizard_of(self.officer)
        self.assertEqual(
            self.rpc(self.admin, WIZARD, "read", mine.ids, ["filename"])[0]["filename"],
            "cccd.csv",
        )

    # ------------------------------------------------------------------
    # D2: a plan approver is an officer of the unit or its head
    # ------------------------------------------------------------------
    def test_d2_the_plan_approver_is_an_officer_of_the_unit_or_its_head(self):
        watch = [(self.assessment, ["plan_approver_id"])]
        problems = []
        for approver, who in (
            (self.member, "a plain member"),
            (self.officer_b, "another unit's officer"),
            (self.reviewer, "a reviewer"),
        ):
            error, changes = self.attack(
                lambda approver=approver: self.rpc(
                    self.officer,
                    "learning.unit.assessment",
                    "write",
                    self.assessment.ids,
                    {"plan_approver_id": approver.id},
                ),
                watch,
            )
            problems += self.problems_of(
                f"[xmlrpc] officer makes {who} the plans' approver", error, changes
            )
            if error is not None and "cannot approve the members' documents" not in str(
                error
            ):
                problems.append(f"the refusal does not say why: {error}")
        # the web client's save, in the officer's language
        error, changes = self.attack(
            lambda: self.call_kw(
                self.officer,
                "learning.unit.assessment",
                "web_save",
                [self.assessment.ids, {"plan_approver_id": self.officer_b.id}],
                {"specification": {"plan_approver_id": {}}, "context": VI},
            ),
            watch,
        )
        problems += self.problems_of(
            "[json-rpc] officer saves another unit's officer as approver",
            error,
            changes,
        )
        if error is not None and "không thể phê duyệt hồ sơ thành viên" not in str(
            error
        ):
            problems.append(f"the refusal is not in Vietnamese: {error}")
        self.assert_no_problems(problems)
        # an officer of the unit and the head may approve
        for approver in (self.officer_2, self.head, self.officer):
            self.rpc(
                self.officer,
                "learning.unit.assessment",
                "write",
                self.assessment.ids,
                {"plan_approver_id": approver.id},
            )
            self.assertEqual(self.assessment.plan_approver_id, approver)

    # ------------------------------------------------------------------
    # D5: a team member's employee is of the team's company (and unit)
    # ------------------------------------------------------------------
    def _unit_team(self):
        return self.env["learning.unit.team"].browse(
            self.rpc(
                self.officer,
                "learning.unit.team",
                "create",
                {
                    "name": "Tổ đánh giá Tân Trụ",
                    "kind": "unit",
                    "period_id": self.period.id,
                    "department_id": self.unit.id,
                },
            )
        )

    def _inspection_team(self):
        return self.env["learning.unit.team"].browse(
            self.rpc(
                self.reviewer,
                "learning.unit.team",
                "create",
                {
                    "name": "Đoàn kiểm tra Tân Trụ",
                    "period_id": self.period.id,
                    "department_id": self.district_a.id,
                },
            )
        )

    def _onchange(self, user, team, employee):
        """The web client's onchange of a team's new line on picking ``employee``."""
        return self.call_kw(
            user,
            "learning.unit.team.member",
            "onchange",
            [
                [],
                {
                    "team_id": {"id": team.id},
                    "sequence": 10,
                    "role": "member",
                    "employee_id": employee.id,
                },
                ["employee_id"],
                {
                    "sequence": {},
                    "employee_id": {"fields": {"display_name": {}}},
                    "name": {},
                    "job_title": {},
                    "organisation": {},
                    "role": {},
                },
            ],
        )

    def test_d5_onchange_reveals_no_employee_of_another_company(self):
        employee = self.company_2_employee.sudo()
        secrets = (employee.name, employee.job_title, employee.department_id.name)
        problems = []
        for user, team in (
            (self.officer, self._unit_team()),
            (self.reviewer, self._inspection_team()),
        ):
            label = f"[json-rpc] {user.login}'s onchange on another company's employee"
            try:
                result = self._onchange(user, team, employee)
            except Exception as error:  # refused: only in words, with nothing
                problems += self.problems_of(label, error, [])
                result = error
            leaked = [s for s in secrets if s and s in str(result)]
            if leaked:
                problems.append(
                    f"[json-rpc] {user.login}'s onchange reveals {leaked}: {result}"
                )
        self.assert_no_problems(problems)
        # the employee of one's own unit is filled in, from what the user may read
        values = self._onchange(self.officer, self._unit_team(), self.own_employee)
        self.assertEqual(values["value"]["name"], self.own_employee.sudo().name)
        self.assertEqual(values["value"]["job_title"], "Giáo viên Tân Trụ")
        self.assertEqual(values["value"]["organisation"], self.unit.name)

    def test_d5_team_members_come_from_the_teams_company_and_unit(self):
        unit_team = self._unit_team()
        inspection = self._inspection_team()
        problems = []
        for user, team, employee, where in (
            (self.officer, unit_team, self.foreign_employee, "another unit"),
            (self.officer, unit_team, self.company_2_employee, "another company"),
            (self.reviewer, inspection, self.company_2_employee, "another company"),
        ):
            watch = [(team, ["member_ids"])]
            for how, operation in (
                (
                    "create",
                    lambda user=user, team=team, employee=employee: self.rpc(
                        user,
                        "learning.unit.team.member",
                        "create",
                        {"team_id": team.id, "employee_id": employee.id},
                    ),
                ),
                (
                    "team write",
                    lambda user=user, team=team, employee=employee: self.rpc(
                        user,
                        "learning.unit.team",
                        "write",
                        team.ids,
                        {"member_ids": [(0, 0, {"employee_id": employee.id})]},
                    ),
                ),
            ):
                error, changes = self.attack(operation, watch)
                problems += self.problems_of(
                    f"[xmlrpc] {user.login} links an employee of {where} ({how})",
                    error,
                    changes,
                )
                secret = employee.sudo().name
                if error is not None and secret in str(error):
                    problems.append(f"the refusal names {secret!r}")
                if error is not None and "Only employees of" not in str(error):
                    problems.append(f"the refusal does not say why: {error}")
        # the web client's save of the team, in the officer's language
        error, changes = self.attack(
            lambda: self.call_kw(
                self.officer,
                "learning.unit.team",
                "web_save",
                [
                    unit_team.ids,
                    {"member_ids": [(0, 0, {"employee_id": self.foreign_employee.id})]},
                ],
                {"specification": {"member_ids": {}}, "context": VI},
            ),
            [(unit_team, ["member_ids"])],
        )
        problems += self.problems_of(
            "[json-rpc] officer saves another unit's employee in the team",
            error,
            changes,
        )
        if error is not None and "Chỉ nhân viên của" not in str(error):
            problems.append(f"the refusal is not in Vietnamese: {error}")
        # an employee moved to another team's company afterwards, by writing
        member = self.env["learning.unit.team.member"].browse(
            self.rpc(
                self.officer,
                "learning.unit.team.member",
                "create",
                {"team_id": unit_team.id, "employee_id": self.own_employee.id},
            )
        )
        error, changes = self.attack(
            lambda: self.rpc(
                self.officer,
                "learning.unit.team.member",
                "write",
                member.ids,
                {"employee_id": self.foreign_employee.id},
            ),
            [(member, ["employee_id", "name", "job_title", "organisation"])],
        )
        problems += self.problems_of(
            "[xmlrpc] officer repoints a member to another unit's employee",
            error,
            changes,
        )
        self.assert_no_problems(problems)
        # the reviewer's team takes any employee of its company
        self.rpc(
            self.reviewer,
            "learning.unit.team.member",
            "create",
            {"team_id": inspection.id, "employee_id": self.foreign_employee.id},
        )
        self.assertEqual(
            inspection.member_ids.job_title, "Hiệu trưởng Bình Lãng", "filled in"
        )
        self.assertEqual(member.name, self.own_employee.sudo().name)

    # ------------------------------------------------------------------
    # D6: a period's frozen rules refuse create and copy
    # ------------------------------------------------------------------
    def test_d6_frozen_rules_refuse_create_and_copy(self):
        Criterion = self.env["learning.unit.criterion"].with_context(active_test=False)
        rules = self.period.rules_id
        self.assertTrue(rules.snapshot_of_id)
        frozen = rules.criterion_ids.filtered(lambda c: c.code == "1a")
        Template = self.env["learning.unit.template"].with_context(active_test=False)

        def count():
            return {
                ("criteria", "of the frozen copy"): Criterion.search_count(
                    [("template_id", "=", rules.id)]
                ),
                ("templates", "frozen"): Template.search_count(
                    [("snapshot_of_id", "!=", False)]
                ),
            }

        watch = [count, (rules, ["max_total", "criterion_ids"])]
        problems = []
        for label, operation in (
            (
                "creates a criterion in the frozen copy",
                lambda: self.rpc(
                    self.admin,
                    "learning.unit.criterion",
                    "create",
                    {
                        "template_id": rules.id,
                        "code": "9z",
                        "name": "Tiêu chí thêm",
                        "method": "achieved",
                        "max_score": 50,
                    },
                ),
            ),
            (
                "copies a frozen criterion",
                lambda: self.rpc(
                    self.admin,
                    "learning.unit.criterion",
                    "copy",
                    frozen.ids,
                    {"code": "9y"},
                ),
            ),
            (
                "copies a template's criterion into the frozen copy",
                lambda: self.rpc(
                    self.admin,
                    "learning.unit.criterion",
                    "copy",
                    self.template.criterion_ids.filtered(lambda c: c.code == "1a").ids,
                    {"code": "9x", "template_id": rules.id},
                ),
            ),
            (
                "adds a criterion through the frozen copy",
                lambda: self.rpc(
                    self.admin,
                    "learning.unit.template",
                    "write",
                    rules.ids,
                    {
                        "criterion_ids": [
                            (
                                0,
                                0,
                                {
                                    "code": "9w",
                                    "name": "Tiêu chí thêm",
                                    "method": "achieved",
                                    "max_score": 50,
                                },
                            )
                        ]
                    },
                ),
            ),
            (
                "copies the frozen copy",
                lambda: self.rpc(
                    self.admin, "learning.unit.template", "copy", rules.ids
                ),
            ),
            (
                "creates a frozen copy of its own",
                lambda: self.rpc(
                    self.admin,
                    "learning.unit.template",
                    "create",
                    {
                        "name": "Bản sao tự tạo",
                        "code": "atk_fake_snapshot",
                        "snapshot_of_id": self.template.id,
                    },
                ),
            ),
        ):
            error, changes = self.attack(operation, watch)
            problems += self.problems_of(f"[xmlrpc] admin {label}", error, changes)
        self.assert_no_problems(problems)
        # the rule set itself stays the administrator's to edit and copy; a new
        # period still takes its frozen copy
        criterion = self.rpc(
            self.admin,
            "learning.unit.criterion",
            "create",
            {
                "template_id": self.lenient.id,
                "code": "9z",
                "name": "Tiêu chí thêm",
                "method": "achieved",
                "max_score": 5,
            },
        )
        self.assertTrue(criterion)
        self.assertTrue(
            self.rpc(
                self.admin,
                "learning.unit.template",
                "copy",
                self.lenient.ids,
                {"code": "atk_lenient_2"},
            )
        )
        period = self.env["learning.unit.period"].browse(
            self.rpc(
                self.admin,
                "learning.unit.period",
                "create",
                {"year": 2043, "template_id": self.lenient.id},
            )
        )
        self.assertEqual(period.rules_id.snapshot_of_id, self.lenient)
        self.assertIn("9z", period.rules_id.criterion_ids.mapped("code"))

    # ------------------------------------------------------------------
    # the CCCD import on a database without Vietnamese
    # ------------------------------------------------------------------
    def _without_vietnamese(self):
        """The database as one installed in English alone (in this transaction)."""
        self.env["res.lang"]._activate_lang("en_US")
        Users = self.env["res.users"].with_context(active_test=False)
        Users.search([("lang", "=", "vi_VN")]).write({"lang": "en_US"})
        Partners = self.env["res.partner"].with_context(active_test=False)
        Partners.search([("lang", "=", "vi_VN")]).write({"lang": "en_US"})
        self.env.ref("base.lang_vi_VN").active = False
        self.addCleanup(self.env.registry.clear_cache)
        self.assertEqual(
            [code for code, _name in self.env["res.lang"].get_installed()], ["en_US"]
        )

    def test_import_on_a_database_without_vietnamese(self):
        self._without_vietnamese()
        # a period where the unit alone has an assessment
        period = self.period_free
        assessment = self.make_assessment(self.unit, period=period)
        member, other = assessment.member_ids.filtered(lambda m: not m.user_id)[:2]
        cccd = {m: m.employee_id.sudo().identification_id for m in member | other}
        member.sudo().training_done = False
        # the template the officer downloads, filled in and imported back
        wizard, attachment_id = self._wizard_of(self.officer, period)
        response = self._download(
            self.officer, f"/web/content/{attachment_id}?download=true"
        )
        self.assertEqual(response.status_code, 200)
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        sheet = book.active
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(header[:3], ["CCCD", "Họ và tên", "Đơn vị"])
        column = header.index("Mandatory Training") + 1
        for row in sheet.iter_rows(min_row=2):
            if row[0].value == cccd[member]:
                row[column - 1].value = "Đạt"
        output = io.BytesIO()
        book.save(output)
        self.rpc(
            self.officer,
            WIZARD,
            "write",
            wizard.ids,
            {
                "file": base64.b64encode(output.getvalue()).decode(),
                "filename": "template.xlsx",
            },
        )
        self.rpc(self.officer, WIZARD, "action_import", wizard.ids)
        self.assertEqual(wizard.state, "done")
        self.assertTrue(member.training_done)
        # a file of its own, with English labels and a field's name
        content = xlsx(
            [
                ["CCCD", "Họ và tên", "Advanced Worker", "discipline_ok"],
                [cccd[other], other.name, "Đạt", "Chưa đạt"],
            ]
        )
        wizard_id = self.rpc(
            self.officer,
            WIZARD,
            "create",
            {
                "period_id": period.id,
                "file": base64.b64encode(content).decode(),
                "filename": "own.xlsx",
            },
        )
        self.rpc(self.officer, WIZARD, "action_import", [wizard_id])
        self.assertTrue(other.advanced_worker)
        self.assertFalse(other.discipline_ok)
