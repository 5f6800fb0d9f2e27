"""A round's worth of work on the demo database, as its users would do it.

Run by tools/upgrade_check.py in a subprocess whose Odoo configuration points
at the OLD addon (the version the upgrade starts from), on top of what the
demo already holds (every assessment state, decisions, recognitions, evidence
events). Every step is done with the demo users' own rights
(``env(user=...)``) and committed on its own, as separate requests would be:

* the reviewer (thamdinh) sets up an inspection team, writes and signs
  minutes, starts reviews and notes a finding on a line, returns an
  assessment with a reason, issues a decision from the period, drafts
  another, reports upward, posts in the chatter of a decision;
* the unit officer (donvi) sets up the unit's evaluation team, ticks a
  member's evidence and writes notes, files the missing document (an upload)
  and submits; in an earlier Thông tư 22 year it enters, the members file
  their documents (thanhvien uploads a file with her self-study plan), the
  officer, the head's delegate, approves one plan and returns another.

Usage: python tools/upgrade_play.py --config ODOO_CONF --db DB
Prints one line per step; exits non-zero on the first failure.
"""

import argparse
import base64
import sys

MODULE = "learning_unit"
PDF = b"%PDF-1.4\n% learning_unit upgrade check\ntrailer <<>>\n%%EOF\n"


class Play:
    def __init__(self, registry):
        self.registry = registry

    # -- helpers ------------------------------------------------------------
    def step(self, label, function):
        """Run one step in its own transaction, committed (tracking posted)."""
        from odoo import SUPERUSER_ID, api

        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            result = function(env)
            env.flush_all()
            cr.commit()
        print(f"upgrade-play: {label}{': ' + result if result else ''}", flush=True)

    @staticmethod
    def ref(env, name):
        return env.ref(f"{MODULE}.{name}")

    def as_user(self, records, login):
        """``records`` with the demo user's own rights and their context."""
        env = records.env
        if login == "admin":
            user = env.ref("base.user_admin")
        else:
            user = self.ref(env, f"demo_user_{login}")
        return records.with_user(user).with_context(
            lang=user.lang or "en_US", tz=user.tz or "Asia/Ho_Chi_Minh"
        )

    def assessment(self, env, key, tag="current"):
        return self.ref(env, f"demo_assessment_{key}_{tag}")

    @staticmethod
    def line(assessment, code):
        line = assessment.line_ids.filtered(lambda rec: rec.criterion_code == code)
        assert len(line) == 1, (assessment.name, code)
        return line

    def upload(self, env, login, record, name):
        """A file uploaded by ``login`` on ``record`` (as the web client does)."""
        Attachment = self.as_user(env["ir.attachment"], login)
        return Attachment.create(
            {
                "name": name,
                "datas": base64.b64encode(PDF + name.encode()),
                "mimetype": "application/pdf",
                "res_model": record._name,
                "res_id": record.id,
            }
        )

    # -- the reviewing level ------------------------------------------------
    def inspection_team(self, env):
        period = self.ref(env, "demo_period_current")
        units = self.assessment(env, "pldtbxh") | self.assessment(env, "th_tt")
        team = self.as_user(env["learning.unit.team"], "thamdinh").create(
            {
                "name": "Đoàn kiểm tra số 2",
                "period_id": period.id,
                "department_id": period.body_id.department_id.id,
                "body_id": period.body_id.id,
                "date": f"{period.year}-11-20",
                "location": "Phòng Giáo dục và Đào tạo huyện",
                "founding_reference": f"QĐ số 15/QĐ-UBND ngày 01/11/{period.year}",
                "assessment_ids": [(6, 0, units.ids)],
                "member_ids": [
                    (0, 0, {"name": "Lê Văn Bảy", "job_title": "Phó Trưởng phòng",
                            "organisation": "Phòng GD&ĐT", "role": "head"}),
                    (0, 0, {"name": "Trần Thị Tám", "organisation": "Phòng Nội vụ",
                            "role": "member"}),
                    (0, 0, {"name": "Ngô Thị Mười", "organisation": "Hội Khuyến học",
                            "role": "secretary"}),
                ],
            }
        )  # fmt: skip
        team.action_new_minutes()
        return f"team {team.id}, minutes {team.minutes_ids.ids}"

    def start_reviews(self, env):
        units = self.assessment(env, "pldtbxh") | self.assessment(env, "th_tt")
        for unit in units:
            self.as_user(unit, "thamdinh").action_start_review()
        line = self.as_user(self.line(units[0], "3.1"), "thamdinh")
        line.write(
            {
                "review_level": "level_1",
                "review_note": "Tỷ lệ thành viên đạt “Công dân học tập” chưa đến 95%.",
            }
        )
        note = self.as_user(self.line(units[1], "3.3"), "thamdinh")
        note.write({"review_note": "Có biên bản chia sẻ tri thức với 02 đơn vị."})
        return f"assessments {units.ids} in review, notes on lines {(line | note).ids}"

    def finish_review_and_sign(self, env):
        unit = self.as_user(self.assessment(env, "th_tt"), "thamdinh")
        unit.action_confirm_review_scores()
        unit.action_mark_reviewed()
        minutes = self.as_user(
            env["learning.unit.minutes"].search([("assessment_id", "=", unit.id)]),
            "thamdinh",
        )
        minutes.write(
            {
                "findings": "Hồ sơ minh chứng đầy đủ.\nĐã cập nhật phần mềm.",
                "strengths": "Phong trào tự học được duy trì.",
                "unit_attendees": "Ban giám hiệu, Chủ tịch Công đoàn",
            }
        )
        minutes.action_sign()
        other = self.as_user(
            env["learning.unit.minutes"].search(
                [("team_id", "=", minutes.team_id.id), ("id", "!=", minutes.id)]
            ),
            "thamdinh",
        )
        other.write({"findings": "Đang kiểm tra tiêu chí 3."})
        return f"{unit.name} reviewed, minutes {minutes.id} signed, {other.id} draft"

    def return_one(self, env):
        unit = self.assessment(env, "ttvhttt")
        wizard = self.as_user(env["learning.unit.return.wizard"], "thamdinh").create(
            {
                "assessment_ids": [(6, 0, unit.ids)],
                "reason": "Thiếu biên bản chia sẻ tri thức (chỉ tiêu 3.3); "
                "đề nghị bổ sung trước khi gửi lại.",
            }
        )
        wizard.action_confirm()
        assert unit.state == "returned", unit.state
        return f"{unit.name} returned"

    def issue_decision(self, env):
        period = self.as_user(self.ref(env, "demo_period_current"), "thamdinh")
        action = period.action_new_decision()
        decision = self.as_user(
            env["learning.unit.decision"].browse(action["res_id"]), "thamdinh"
        )
        assert decision.line_ids, "no reviewed unit to decide"
        decision.action_issue()
        return (
            f"decision {decision.id} {decision.number_text} issued for "
            f"{len(decision.line_ids)} units, recognitions "
            f"{decision.line_ids.assessment_id.recognition_id.ids}"
        )

    def draft_decision(self, env):
        unit = self.as_user(self.assessment(env, "mn_tt"), "thamdinh")
        unit.action_start_review()
        unit.action_confirm_review_scores()
        unit.action_mark_reviewed()
        period = self.as_user(self.ref(env, "demo_period_current"), "thamdinh")
        decision = env["learning.unit.decision"].browse(
            period.action_new_decision()["res_id"]
        )
        self.as_user(decision, "thamdinh").write(
            {"summary": "Về việc công nhận bổ sung “Đơn vị học tập”"}
        )
        assert decision.state == "draft" and decision.line_ids
        return f"draft decision {decision.id} for {decision.line_ids.assessment_id.ids}"

    def report_upward(self, env):
        period = self.as_user(self.ref(env, "demo_period_current"), "thamdinh")
        report = self.as_user(
            env["learning.unit.upward.report"].browse(
                period.action_new_upward_report()["res_id"]
            ),
            "thamdinh",
        )
        report.write(
            {
                "introduction": "Thực hiện Kế hoạch số 206/KH-UBND, huyện báo cáo.",
                "recipients": "UBND tỉnh Long An\nSở Giáo dục và Đào tạo\nLưu: VT",
            }
        )
        report.action_issue()
        return f"upward report {report.id} {report.number_text} issued"

    def chatter(self, env):
        decision = self.as_user(self.ref(env, "demo_decision_current"), "thamdinh")
        message = decision.message_post(
            body="Đã gửi quyết định cho các đơn vị qua hệ thống văn bản.",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        assessment = self.as_user(self.assessment(env, "thcs_nt"), "donvi")
        other = assessment.message_post(
            body="Nhà trường đang hoàn thiện báo cáo tự đánh giá.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return f"messages {message.id} (decision), {other.id} (assessment)"

    # -- the unit -----------------------------------------------------------
    def unit_team(self, env):
        assessment = self.assessment(env, "thcs_nt")

        def colleague(login, role):
            # as the form sends it: the employee and what it fills in
            employee = self.ref(env, f"demo_employee_{login}")
            return {
                "employee_id": employee.id,
                "name": employee.name,
                "job_title": employee.job_title,
                "organisation": employee.department_id.name,
                "role": role,
            }

        team = self.as_user(env["learning.unit.team"], "donvi").create(
            {
                "name": "Tổ đánh giá",
                "kind": "unit",
                "period_id": assessment.period_id.id,
                "department_id": assessment.department_id.id,
                "founding_reference": "Quyết định số 12/QĐ-THCS ngày 02/10",
                "member_ids": [
                    (0, 0, colleague("donvi", "head")),
                    (0, 0, colleague("thanhvien", "secretary")),
                    (0, 0, {"name": "Nguyễn Văn Sáu", "job_title": "Chủ tịch Công đoàn",
                            "role": "member"}),
                ],
            }
        )  # fmt: skip
        return f"unit team {team.id} of {len(team.member_ids)} members"

    def tick_evidence(self, env):
        assessment = self.as_user(self.assessment(env, "thcs_nt"), "donvi")
        assessment.action_load_members()
        members = assessment.member_ids
        teacher = members.filtered(
            lambda m: m.user_id == self.ref(env, "demo_user_thanhvien")
        )
        teacher.write(
            {
                "cdht_achieved": True,
                "note": "Đạt “Công dân học tập” theo kết quả congdanhoctap.vn.",
            }
        )
        newcomers = members.filtered(
            lambda m: not (m.discipline_ok or m.training_done or m.cdht_achieved)
        )
        newcomers.write(
            {
                "discipline_ok": True,
                "training_done": True,
                "cdht_achieved": True,
                "note": "Giáo viên mới nhận công tác.",
            }
        )
        return f"evidence on members {(teacher | newcomers).ids}"

    def submit(self, env):
        assessment = self.as_user(self.assessment(env, "thcs_nt"), "donvi")
        items = self.as_user(
            env["learning.unit.dossier.item"].search(
                [("assessment_id", "=", assessment.id), ("is_provided", "=", False)]
            ),
            "donvi",
        )
        for item in items:
            upload = self.upload(env, "donvi", item, "bao-cao-tu-danh-gia.pdf")
            item.write({"attachment_ids": [(4, upload.id)], "note": "Bản ký số"})
        assessment.write({"self_note": "Đơn vị đề nghị công nhận mức độ 2."})
        assessment.action_submit()
        return f"{assessment.name} submitted with files on items {items.ids}"

    def member_documents(self, env):
        """A Thông tư 22 year: members file their documents, the delegate checks."""
        period = self.as_user(env["learning.unit.period"], "admin").create(
            {"year": self.ref(env, "demo_period_2023").year - 1}
        )
        assert period.scheme == "points", period.scheme
        period.write({"body_id": self.ref(env, "demo_period_current").body_id.id})
        school = self.ref(env, "demo_employee_donvi").department_id
        assessment = self.as_user(env["learning.unit.assessment"], "donvi").create(
            {"period_id": period.id, "department_id": school.id}
        )
        assessment.action_load_members()
        # the head of the school delegates the approval of plans to donvi
        assessment.write({"plan_approver_id": self.ref(env, "demo_user_donvi").id})
        return f"period {period.year} ({period.id}), assessment {assessment.id}"

    def member_files(self, env):
        school = self.ref(env, "demo_employee_donvi").department_id
        assessment = env["learning.unit.assessment"].search(
            [
                ("period_id.year", "=", self.ref(env, "demo_period_2023").year - 1),
                ("department_id", "=", school.id),
            ]
        )
        member = assessment.member_ids.filtered(
            lambda m: m.user_id == self.ref(env, "demo_user_thanhvien")
        )
        plan = self.as_user(
            member.dossier_item_ids.filtered(
                lambda i: i.document_type_id.code == "self_study_plan"
            ),
            "thanhvien",
        )
        upload = self.upload(env, "thanhvien", plan, "ke-hoach-tu-hoc.pdf")
        plan.write(
            {
                "learn_what": "Tiếng Anh giao tiếp B1",
                "learn_how": "Khóa học trực tuyến và tự học",
                "learn_when": "Tháng 3 đến tháng 6",
                "attachment_ids": [(4, upload.id)],
            }
        )
        plan.action_submit()
        statement = self.as_user(
            member.dossier_item_ids.filtered(
                lambda i: i.document_type_id.code == "citizen_registration"
            ),
            "thanhvien",
        )
        statement.action_submit()
        return f"plan {plan.id} (file {upload.id}) and statement {statement.id} filed"

    def check_documents(self, env):
        year = self.ref(env, "demo_period_2023").year - 1
        Item = env["learning.unit.dossier.item"]
        plans = Item.search(
            [
                ("period_id.year", "=", year),
                ("document_type_id.code", "=", "self_study_plan"),
                ("unit_id", "=", self.ref(env, "demo_employee_donvi").department_id.id),
            ],
            order="id",
        )
        teacher = self.ref(env, "demo_user_thanhvien")
        mine = plans.filtered(lambda i: i.user_id == teacher)
        self.as_user(mine, "donvi").action_approve()
        assert mine.member_id.plan_approved
        # a colleague without an account: the officer files the plan for them
        paper = self.as_user(plans.filtered(lambda i: not i.user_id)[:1], "donvi")
        paper.write(
            {
                "learn_what": "Tin học văn phòng",
                "learn_how": "Lớp bồi dưỡng của Phòng",
                "learn_when": "Quý III",
            }
        )
        paper.action_submit()
        wizard = self.as_user(
            env["learning.unit.document.return.wizard"], "donvi"
        ).create(
            {
                "document_ids": [(6, 0, paper.ids)],
                "reason": "Ghi rõ thời gian học từng nội dung.",
            }
        )
        wizard.action_confirm()
        assert paper.document_state == "returned", paper.document_state
        return f"plan {mine.id} approved, plan {paper.id} returned"

    def run(self):
        self.step("inspection team and minutes", self.inspection_team)
        self.step("reviews started, review notes", self.start_reviews)
        self.step("review finished, minutes signed", self.finish_review_and_sign)
        self.step("assessment returned", self.return_one)
        self.step("unit evaluation team", self.unit_team)
        self.step("member evidence ticked", self.tick_evidence)
        self.step("dossier uploaded, assessment submitted", self.submit)
        self.step("decision issued", self.issue_decision)
        self.step("decision drafted", self.draft_decision)
        self.step("report upward issued", self.report_upward)
        self.step("chatter", self.chatter)
        self.step("a Thông tư 22 year entered", self.member_documents)
        self.step("member documents filed", self.member_files)
        self.step("member documents checked", self.check_documents)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()

    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", args.config, "-d", args.db, "--no-http"])
    odoo.service.server.load_server_wide_modules()
    Play(Registry(args.db)).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
