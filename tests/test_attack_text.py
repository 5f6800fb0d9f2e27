"""Attacker tests: text and dates (issue 17, D7, D12, D13).

Whatever a user types goes through one place (the value check of the addon's
models and wizards, ``learning.unit.value.mixin``):

* a NUL byte or a lone surrogate (``"\\ud800"`` in the JSON text, which
  Python reads back as an unencodable character) is refused with a clear
  Vietnamese message, never an HTTP 500 or a database error (D12);
* the other control characters (Word's line break U+000B, form feed, the
  C1 controls, U+2028/2029...) are stored as line breaks or spaces, so the
  screen and the printed documents show the same text (D7);
* a date outside 2000-2100 (0001-01-01, 9999-12-31) is refused, naming the
  range (D13).

And the printed documents clean whatever else they print (names from HR, the
company): a DOCX never fails on text (D7).
"""

from odoo import models
from odoo.exceptions import ValidationError

from .attack_common import (
    ADMIN,
    MEMBER,
    OFFICER,
    REVIEWER,
    AttackMixin,
    JsonRpcError,
    describe_refusal,
)
from .attack_io import is_vietnamese
from .common import LearningUnitHttpCase
from .report_helpers import ReportFixture, docx_text, normalize, pdf_text

NUL = "Nguyễn\x00Văn An"
SURROGATE = "Nguyễn\ud800Văn An"
BAD_TEXTS = (NUL, SURROGATE)
# what Word and other editors paste, and what it becomes when stored
CONTROLS = "Dòng 1\x0bDòng 2\x0cDòng 3\u2028Dòng 4\u2029Dòng 5\x85Dòng 6\r\nDòng 7"
CONTROLS_AS_TEXT = "Dòng 1\nDòng 2\nDòng 3\nDòng 4\nDòng 5\nDòng 6\nDòng 7"
CONTROLS_AS_LINE = "Dòng 1 Dòng 2 Dòng 3 Dòng 4 Dòng 5 Dòng 6\nDòng 7"
OTHER_CONTROLS = "A\x01B\x1bC\x7fD\x9bE\ufffeF\tG"
OTHER_CONTROLS_STORED = "A B C D E F\tG"
BAD_DATES = ("0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01")
BAD_DATETIMES = ("0001-01-01 00:00:00", "9999-12-31 23:59:59")

PHU_LUC_2_DOCX = "learning_unit.report_phu_luc_2_docx"
DECISION_DOCX = "learning_unit.report_decision_docx"


def typed_models(env):
    """The models and wizards of the addon some user may create or write."""
    Access = env["ir.model.access"].sudo()
    return [
        env[name]
        for name in sorted(env.registry)
        if name.startswith("learning.unit.")
        and not env[name]._abstract
        and env[name]._auto
        and Access.search_count(
            [
                ("model_id.model", "=", name),
                "|",
                ("perm_write", "=", True),
                ("perm_create", "=", True),
            ]
        )
    ]


class TextCase(AttackMixin, ReportFixture, LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer_vi = cls.make_user(
            "tx_officer", OFFICER, department=cls.unit, lang="vi_VN"
        )
        cls.reviewer_vi = cls.make_user(
            "tx_reviewer", REVIEWER, review=cls.district, lang="vi_VN"
        )
        cls.admin_vi = cls.make_user("tx_admin", ADMIN, lang="vi_VN")
        cls.head = cls.make_user("tx_head", MEMBER, department=cls.unit, lang="vi_VN")
        cls.member_vi = cls.member_user  # a member of the assessment
        cls.member_vi.lang = "vi_VN"
        cls.unit.manager_id = cls.head.employee_ids
        cls.assessment.user_id = cls.officer_vi
        cls.body = cls.make_body(
            "Thủ Thừa",
            cls.district,
            header_name="ỦY BAN NHÂN DÂN\nHUYỆN THỦ THỪA",
            superior_id=cls.province.id,
            signer_name="Phan Văn Tới",
        )
        cls.period.body_id = cls.body
        # a reviewed unit, in a draft decision of the reviewer
        cls.review(cls.assessment2)
        cls.assessment2.action_confirm_review_scores()
        cls.assessment2.action_mark_reviewed()
        cls.decision = cls.env["learning.unit.decision"].browse(
            cls.period.with_user(cls.reviewer_vi).action_new_decision()["res_id"]
        )
        cls.team = (
            cls.env["learning.unit.team"]
            .with_user(cls.reviewer_vi)
            .create(
                {
                    "name": "Đoàn kiểm tra số 1",
                    "period_id": cls.period.id,
                    "department_id": cls.district.id,
                    "body_id": cls.body.id,
                }
            )
        )
        # the member's self-study plan, being filled in
        member = cls.assessment.member_ids.filtered(
            lambda m: m.user_id == cls.member_vi
        )
        cls.plan = member.dossier_item_ids.filtered(
            lambda i: i.document_type_id.code == "self_study_plan"
        )
        cls.plan.with_user(cls.member_vi).write(
            {
                "learn_what": "Tiếng Anh giao tiếp B1",
                "learn_how": "Khóa học trực tuyến",
                "learn_when": "Tháng 3 đến tháng 6",
            }
        )
        cls.env.flush_all()

    # -- calls ---------------------------------------------------------------
    def call(self, user, model, method, args, kwargs=None):
        """``/web/dataset/call_kw`` as ``user``, in the user's language."""
        kwargs = dict(kwargs or {}, context={"lang": user.lang})
        return self.call_kw(user, model, method, args, kwargs)

    def refusal_problems(self, label, operation, watch=(), must_mention=()):
        """[] if ``operation`` is refused in clear Vietnamese with nothing changed."""
        error, changes = self.attack(operation, watch)
        problems = self.problems_of(label, error, changes)
        if problems:
            return problems
        message = getattr(error, "message", None) or str(error)
        if "Traceback" in message:
            return [f"{label}: a traceback in the message"]
        if not is_vietnamese(message):
            return [f"{label}: not in Vietnamese: {message[:200]}"]
        missing = [word for word in must_mention if word not in message]
        if missing:
            return [f"{label}: the message does not say {missing}: {message[:200]}"]
        return []

    def print_docx(self, user, report_name, record):
        """The DOCX of ``record`` from the Print menu's route, as ``user``."""
        self.env.flush_all()
        self.authenticate(user.login, user.login)
        response = self.url_open(f"/report/docx/{report_name}/{record.id}", timeout=60)
        self.env.invalidate_all()
        self.assertEqual(
            response.status_code,
            200,
            f"{report_name} as {user.login}: HTTP {response.status_code}",
        )
        self.assertIn("wordprocessingml", response.headers["Content-Type"])
        return docx_text(response.content)[1]


class TestUnstorableText(TextCase):
    """D12: NUL and lone surrogates are refused, in Vietnamese, everywhere."""

    def test_officer_head_name_over_jsonrpc(self):
        problems = []
        for value in BAD_TEXTS:
            problems += self.refusal_problems(
                f"[jsonrpc] officer writes head_name={value!r}",
                lambda value=value: self.call(
                    self.officer_vi,
                    "learning.unit.assessment",
                    "web_save",
                    [self.assessment.ids, {"head_name": value}],
                    {"specification": {"head_name": {}}},
                ),
                [(self.assessment, ["head_name"])],
            )
        self.assert_no_problems(problems)

    def test_text_fields_of_every_role_over_jsonrpc(self):
        """A text of each kind (Char, Text) of the models each role fills in."""
        cases = [
            (self.officer_vi, self.assessment, "self_note"),
            (self.member_vi, self.plan, "learn_what"),
            (self.reviewer_vi, self.decision, "summary"),
            (self.reviewer_vi, self.decision, "basis"),
            (self.reviewer_vi, self.team, "location"),
            (self.admin_vi, self.body, "signer_name"),
            (self.admin_vi, self.period, "note"),
            (self.admin_vi, self.template.criterion_ids[:1], "hint"),
        ]
        problems = []
        for user, record, fname in cases:
            for value in BAD_TEXTS:
                problems += self.refusal_problems(
                    f"[jsonrpc] {user.login} writes {record._name}.{fname}={value!r}",
                    lambda user=user, record=record, fname=fname, value=value: (
                        self.call(
                            user, record._name, "write", [record.ids, {fname: value}]
                        )
                    ),
                    [(record, [fname])],
                )
        self.assert_no_problems(problems)

    def test_create_over_jsonrpc(self):
        problems = []
        for value in BAD_TEXTS:
            problems += self.refusal_problems(
                f"[jsonrpc] reviewer creates a team named {value!r}",
                lambda value=value: self.call(
                    self.reviewer_vi,
                    "learning.unit.team",
                    "create",
                    [
                        {
                            "name": value,
                            "period_id": self.period.id,
                            "department_id": self.district.id,
                        }
                    ],
                ),
            )
        self.assert_no_problems(problems)

    def test_defaults_in_the_context_over_jsonrpc(self):
        """A value given as a ``default_*`` key of the context is a value too."""
        self.review(self.assessment)
        problems = []
        for value in BAD_TEXTS:
            problems += self.refusal_problems(
                f"[jsonrpc] reviewer creates a team, default_name {value!r}",
                lambda value=value: self.call_kw(
                    self.reviewer_vi,
                    "learning.unit.team",
                    "create",
                    [{"period_id": self.period.id, "department_id": self.district.id}],
                    {"context": {"lang": "vi_VN", "default_name": value}},
                ),
            )
            problems += self.refusal_problems(
                f"[jsonrpc] reviewer returns an assessment, default_reason {value!r}",
                lambda value=value: self.call_kw(
                    self.reviewer_vi,
                    "learning.unit.return.wizard",
                    "create",
                    [{"assessment_ids": [(6, 0, self.assessment.ids)]}],
                    {"context": {"lang": "vi_VN", "default_reason": value}},
                ),
                [(self.assessment, ["state", "return_reason"])],
            )
        for value in BAD_DATES[:2]:
            problems += self.refusal_problems(
                f"[jsonrpc] reviewer creates a team, default_date {value!r}",
                lambda value=value: self.call_kw(
                    self.reviewer_vi,
                    "learning.unit.team",
                    "create",
                    [
                        {
                            "name": "Đoàn kiểm tra số 2",
                            "period_id": self.period.id,
                            "department_id": self.district.id,
                        }
                    ],
                    {"context": {"lang": "vi_VN", "default_date": value}},
                ),
            )
        self.assert_no_problems(problems)

    def test_wizards_over_jsonrpc(self):
        """The return wizards take text too: the same check."""
        self.review(self.assessment)
        problems = []
        for value in BAD_TEXTS:
            problems += self.refusal_problems(
                f"[jsonrpc] reviewer returns an assessment, reason {value!r}",
                lambda value=value: self.call(
                    self.reviewer_vi,
                    "learning.unit.return.wizard",
                    "create",
                    [
                        {
                            "assessment_ids": [(6, 0, self.assessment.ids)],
                            "reason": value,
                        }
                    ],
                ),
                [(self.assessment, ["state", "return_reason"])],
            )
            problems += self.refusal_problems(
                f"[jsonrpc] head returns a plan, reason {value!r}",
                lambda value=value: self.call(
                    self.head,
                    "learning.unit.document.return.wizard",
                    "create",
                    [{"document_ids": [(6, 0, self.plan.ids)], "reason": value}],
                ),
                [(self.plan, ["document_state", "return_reason"])],
            )
        self.assert_no_problems(problems)

    def test_orm(self):
        for value in BAD_TEXTS:
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.assessment.with_user(self.officer_vi).write({"head_name": value})
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.env["learning.unit.document.return.wizard"].with_user(
                    self.head
                ).create({"document_ids": [(6, 0, self.plan.ids)], "reason": value})


class TestControlCharacters(TextCase):
    """D7: pasted control characters are stored as line breaks or spaces."""

    def test_stored_as_line_breaks_or_spaces(self):
        cases = [
            # (user, record, field, typed, stored)
            (self.officer_vi, self.assessment, "self_note", CONTROLS, CONTROLS_AS_TEXT),
            (self.officer_vi, self.assessment, "head_name", CONTROLS, CONTROLS_AS_LINE),
            (
                self.officer_vi,
                self.assessment,
                "head_name",
                OTHER_CONTROLS,
                OTHER_CONTROLS_STORED,
            ),
            (self.member_vi, self.plan, "learn_how", CONTROLS, CONTROLS_AS_TEXT),
            (self.reviewer_vi, self.decision, "summary", CONTROLS, CONTROLS_AS_LINE),
            (self.reviewer_vi, self.decision, "basis", CONTROLS, CONTROLS_AS_TEXT),
        ]
        wrong = []
        for user, record, fname, typed, stored in cases:
            self.call(user, record._name, "write", [record.ids, {fname: typed}])
            value = record.sudo()[fname]
            if value != stored:
                wrong.append(f"{record._name}.{fname}: {typed!r} stored as {value!r}")
        self.assertFalse(wrong, "\n".join(wrong))

    def test_a_wizard_stores_the_same(self):
        self.call(
            self.head,
            "learning.unit.document.return.wizard",
            "create",
            [{"document_ids": [(6, 0, self.plan.ids)], "reason": CONTROLS}],
        )
        wizard = self.env["learning.unit.document.return.wizard"].search(
            [("create_uid", "=", self.head.id)], order="id desc", limit=1
        )
        self.assertEqual(wizard.reason, CONTROLS_AS_TEXT)

    def test_head_name_with_word_line_break_prints_as_docx(self):
        """The officer pastes the head's name from Word; the DOCX prints it."""
        self.call(
            self.officer_vi,
            "learning.unit.assessment",
            "write",
            [self.assessment.ids, {"head_name": "Nguyễn\x0bVăn An"}],
        )
        text = self.print_docx(self.officer_vi, PHU_LUC_2_DOCX, self.assessment)
        self.assertIn("Nguyễn Văn An", normalize(text))

    def test_decision_summary_with_word_line_break_prints_as_docx(self):
        self.call(
            self.reviewer_vi,
            "learning.unit.decision",
            "write",
            [self.decision.ids, {"summary": "Về việc công nhận\x0b“Đơn vị học tập”"}],
        )
        text = self.print_docx(self.reviewer_vi, DECISION_DOCX, self.decision)
        self.assertIn("Về việc công nhận “Đơn vị học tập”", normalize(text))

    def test_names_from_hr_are_cleaned_when_printed(self):
        """What the addon does not store (HR's names, the company) is cleaned
        by the document writers: the DOCX prints, the PDF does not glue the
        words."""
        # written by HR's own tools, bypassing the addon: as superuser
        self.unit.name = "Phòng Giáo dục\x0bvà Đào tạo\x01Thủ Thừa"
        self.head.employee_ids.name = "Trần\x0bThị\u2028Hoa"
        self.company.city = "Thủ\x0bThừa"
        # the head's name, computed from HR as for a new assessment
        self.env.add_to_compute(self.assessment._fields["head_name"], self.assessment)
        self.env.flush_all()
        self.assertIn("\x0b", self.assessment.head_name)
        text = normalize(
            self.print_docx(self.officer_vi, PHU_LUC_2_DOCX, self.assessment)
        )
        for part in ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO THỦ THỪA", "TRẦN THỊ HOA"):
            self.assertIn(part, text.upper())
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        content, _kind = Report.with_user(self.officer_vi)._render_qweb_pdf(
            "learning_unit.action_report_phu_luc_2", res_ids=self.assessment.ids
        )
        pdf = normalize(pdf_text(content))
        for part in ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO THỦ THỪA", "TRẦN THỊ HOA"):
            self.assertIn(part, pdf.upper())


class TestDates(TextCase):
    """D13: the addon's dates lie between 2000 and 2100."""

    def test_dates_out_of_range_over_jsonrpc(self):
        cases = [
            (self.admin_vi, self.period, "date_deadline_self"),
            (self.admin_vi, self.period, "date_deadline_report"),
            (self.admin_vi, self.period, "plan_date"),
            (self.reviewer_vi, self.team, "date"),
        ]
        problems = []
        for user, record, fname in cases:
            for value in BAD_DATES:
                problems += self.refusal_problems(
                    f"[jsonrpc] {user.login} writes {record._name}.{fname}={value}",
                    lambda user=user, record=record, fname=fname, value=value: (
                        self.call(
                            user, record._name, "write", [record.ids, {fname: value}]
                        )
                    ),
                    [(record, [fname])],
                    must_mention=("2000", "2100"),
                )
        self.assert_no_problems(problems)

    def test_a_past_decision_date_of_year_one(self):
        self.review(self.assessment)
        problems = self.refusal_problems(
            "[jsonrpc] reviewer writes assessment decision_date=0001-01-01",
            lambda: self.call(
                self.reviewer_vi,
                "learning.unit.assessment",
                "write",
                [self.assessment.ids, {"decision_date": "0001-01-01"}],
            ),
            [(self.assessment, ["decision_date"])],
            must_mention=("2000", "2100"),
        )
        self.assert_no_problems(problems)

    def test_the_bounds_are_accepted(self):
        for value in ("2000-01-01", "2100-12-31"):
            self.call(
                self.admin_vi,
                "learning.unit.period",
                "write",
                [self.period.ids, {"plan_date": value}],
            )
            self.assertEqual(str(self.period.plan_date), value)

    def test_every_date_of_the_addon_is_checked(self):
        """Every date and datetime field of the addon's models and wizards."""
        Mixin = self.env.registry["learning.unit.value.mixin"]
        unchecked = []
        for model in typed_models(self.env):
            name = model._name
            for field in model._fields.values():
                if field.type not in ("date", "datetime") or not field.store:
                    continue
                if field.name in models.MAGIC_COLUMNS:
                    continue
                if not isinstance(model, Mixin):
                    unchecked.append(f"{name}.{field.name}: no value check")
                    continue
                bad = BAD_DATES if field.type == "date" else BAD_DATETIMES
                for value in bad:
                    if model._lu_value_error(field, value) is None:
                        unchecked.append(f"{name}.{field.name} accepts {value}")
        self.assertFalse(unchecked, "\n".join(unchecked))


class TestOnePlace(TextCase):
    def test_every_model_of_the_addon_checks_its_values(self):
        """Every model and wizard of the addon a user writes text or dates in."""
        Mixin = self.env.registry.get("learning.unit.value.mixin")
        missing = []
        for model in typed_models(self.env):
            name = model._name
            typed = [
                fname
                for fname, field in model._fields.items()
                if field.type in ("char", "text", "html", "date", "datetime")
                and field.store
                and not field.related
                and not (field.compute and field.readonly)
                and fname not in ("display_name", "parent_path")
                and not field.readonly
            ]
            if typed and (Mixin is None or not isinstance(model, Mixin)):
                missing.append(f"{name} ({', '.join(typed)})")
        self.assertFalse(missing, "not checked:\n" + "\n".join(missing))

    def test_the_refusal_names_the_field(self):
        error, _changes = self.attack(
            lambda: self.call(
                self.officer_vi,
                "learning.unit.assessment",
                "write",
                [self.assessment.ids, {"self_note": NUL}],
            )
        )
        self.assertIsInstance(error, JsonRpcError)
        self.assertIsNone(describe_refusal(error))
        env_vi = self.env(context=dict(self.env.context, lang="vi_VN"))
        field = env_vi["learning.unit.assessment"]._fields["self_note"]
        self.assertIn(field._description_string(env_vi), error.message)
