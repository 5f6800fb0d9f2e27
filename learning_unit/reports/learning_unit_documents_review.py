# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The documents of the Thông tư 24 dossier and of the reviewing level.

The unit's dossier (Tờ trình đề nghị, Báo cáo tự đánh giá, Bản tổng hợp kết
quả đánh giá các tiêu chí, chỉ tiêu), the minutes of inspection, the
recognition decision with its annex, the report upward and the province
roll-up. Built as blocks like the unit's forms (learning_unit_documents.py).
"""

from collections import defaultdict

from odoo import api, models

from .. import scoring
from ..vn_format import LEVEL_WORDS, RANK_WORDS, vn_date, vn_date_phrase, vn_number
from . import document_blocks as B
from .learning_unit_documents import LEVEL_ORDER, TIMING_WORDS
from .learning_unit_report_data import NOT_SENT_STATES, RANK_ORDER


class LearningUnitDocumentsReview(models.AbstractModel):
    _inherit = "learning.unit.documents"

    # ------------------------------------------------------------------
    # the unit's criteria, read in batch
    # ------------------------------------------------------------------
    @api.model
    def _criteria_lines(self, assessments):
        assessments.check_access("read")
        assessments.fetch(
            [
                "department_id",
                "period_id",
                "scheme",
                "head_name",
                "year",
                "member_count",
                "self_level",
                "review_level",
                "self_total",
                "self_rank",
                "review_total",
                "review_rank",
                "review_complete",
                "submitted_date",
                "result_note",
                "self_note",
                "state",
            ]
        )
        lines = assessments.line_ids
        lines.fetch(
            [
                "assessment_id",
                "kind",
                "sequence",
                "label",
                "criterion_code",
                "self_level",
                "review_level",
                "review_set",
                "self_score",
                "review_score",
                "min_level",
                "score_note",
            ]
        )
        lines.criterion_id.fetch(["name", "label", "code", "max_score"])
        by_assessment = defaultdict(list)
        for line in lines.sorted(lambda line: (line.sequence, line.id)):
            by_assessment[line.assessment_id.id].append(line)
        return by_assessment

    @api.model
    def _line_result(self, line, which):
        if line.kind == "group":
            return ""
        if line.assessment_id.scheme == "levels":
            level = line.self_level if which == "self" else line.review_level
            if which == "review" and not line.review_set:
                return ""
            return LEVEL_WORDS.get(level or scoring.LEVEL_NONE, "")
        if which == "review" and not line.review_set:
            return ""
        return vn_number(line.self_score if which == "self" else line.review_score)

    @api.model
    def _unit_teams(self, assessments):
        teams = self.env["learning.unit.team"].search(
            [
                ("kind", "=", "unit"),
                ("department_id", "in", assessments.department_id.ids),
                ("period_id", "in", assessments.period_id.ids),
            ]
        )
        teams.member_ids.fetch(["name", "job_title", "role", "sequence"])
        return {(t.department_id.id, t.period_id.id): t for t in teams}

    @api.model
    def _tt24_header(self, unit, code, day, year):
        return B.header(
            unit["superior"],
            unit["issuer"],
            self._number_line("", code, unit["symbol"]),
            self._place_date(unit["place"], day, year + 1),
        )

    @api.model
    def _head_signature(self, assessment, unit, recipients):
        return self._signature(
            {"title": "THỦ TRƯỞNG ĐƠN VỊ", "name": assessment.head_name or ""},
            recipients,
        )

    # ------------------------------------------------------------------
    # Thông tư 24: Tờ trình đề nghị
    # ------------------------------------------------------------------
    @api.model
    def tt24_proposal(self, assessments):
        # the official documents are Vietnamese, their explanations too
        assessments = assessments.with_context(lang="vi_VN")
        self._criteria_lines(assessments)
        context = self._unit_context(assessments)
        documents = []
        for assessment in assessments:
            unit = context[assessment.id]
            year = assessment.year
            name = assessment.department_id.name or ""
            body = unit["reviewing_name"] or "cấp có thẩm quyền"
            level = LEVEL_WORDS.get(assessment.self_level or "", "")
            asked = (
                level
                if assessment.self_level in (scoring.LEVEL_1, scoring.LEVEL_2)
                else "mức độ ....."
            )
            rules = self.env["learning.unit.decision"]._lu_rules_citation(
                assessment.period_id.rules_id
            )
            blocks = [
                self._tt24_header(unit, "TTr", assessment.submitted_date, year),
                *B.title(
                    "TỜ TRÌNH",
                    f"Về việc đề nghị đánh giá, công nhận “Đơn vị học tập” năm {year}",
                ),
                B.center(f"Kính gửi: {body}.", space_before=4),
                B.para(f"Căn cứ {rules};", i=True, indent=True, space_before=6),
                B.para(
                    f"Căn cứ kết quả tự đánh giá của Tổ đánh giá {name} năm {year},",
                    i=True,
                    indent=True,
                ),
                B.para(
                    f"{name} kính trình {body} xem xét, đánh giá và công nhận {name} "
                    f"đạt “Đơn vị học tập” {asked.lower()} năm {year}.",
                    indent=True,
                ),
                B.para(
                    f"Kết quả tự đánh giá: {assessment.result_note or ''}",
                    indent=True,
                ),
                B.para("Hồ sơ kèm theo gồm:", indent=True),
                B.para("1. Báo cáo tự đánh giá “Đơn vị học tập”;", indent=True),
                B.para(
                    "2. Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu.",
                    indent=True,
                ),
                B.para(f"Kính trình {body} xem xét, quyết định./.", indent=True),
                self._head_signature(assessment, unit, ["Như trên", "Lưu: VT"]),
            ]
            documents.append(
                self._doc(
                    f"Tờ trình - {name} - {year}",
                    blocks,
                    "o_lu_tt24_proposal",
                    assessment,
                )
            )
        return documents

    # ------------------------------------------------------------------
    # Thông tư 24: Báo cáo tự đánh giá
    # ------------------------------------------------------------------
    @api.model
    def tt24_self_report(self, assessments):
        # the official documents are Vietnamese, their explanations too
        assessments = assessments.with_context(lang="vi_VN")
        by_assessment = self._criteria_lines(assessments)
        context = self._unit_context(assessments)
        teams = self._unit_teams(assessments)
        documents = []
        for assessment in assessments:
            unit = context[assessment.id]
            year = assessment.year
            name = assessment.department_id.name or ""
            team = teams.get((assessment.department_id.id, assessment.period_id.id))
            blocks = [
                self._tt24_header(unit, "BC", assessment.submitted_date, year),
                *B.title("BÁO CÁO", f"Tự đánh giá “Đơn vị học tập” năm {year}"),
                B.para("I. ĐẶC ĐIỂM TÌNH HÌNH", b=True),
                B.para(
                    f"{name}; tổng số thành viên: {assessment.member_count}. Thời gian "
                    f"đánh giá: từ ngày 01/01/{year} đến ngày 31/12/{year}.",
                    indent=True,
                ),
                *B.text_lines(assessment.self_note),
                B.para("II. TỔ ĐÁNH GIÁ", b=True),
            ]
            if team and team.member_ids:
                blocks.append(
                    B.para(
                        "Tổ đánh giá được thành lập theo "
                        + (
                            team.founding_reference
                            or "quyết định của Thủ trưởng đơn vị"
                        )
                        + ", gồm:",
                        indent=True,
                    )
                )
                for member in team.member_ids:
                    title = f", {member.job_title}" if member.job_title else ""
                    blocks.append(
                        B.para(
                            f"- {member.name}{title}: {member._lu_role_words()};",
                            indent=True,
                        )
                    )
            else:
                blocks.append(
                    B.para("Tổ đánh giá do Thủ trưởng đơn vị thành lập.", indent=True)
                )
            blocks.append(B.para("III. KẾT QUẢ TỰ ĐÁNH GIÁ", b=True))
            for line in by_assessment[assessment.id]:
                label = line.criterion_id.label or line.criterion_code or ""
                if line.kind == "group":
                    blocks.append(B.para(f"{label}. {line.criterion_id.name}", b=True))
                    continue
                blocks.append(
                    B.para(
                        [
                            B.run(f"{label}. ", b=True),
                            line.criterion_id.name or "",
                            " – ",
                            B.run(self._line_result(line, "self"), b=True),
                        ],
                        indent=True,
                    )
                )
                if line.score_note:
                    blocks.append(B.para(B.run(line.score_note, i=True), indent=True))
            blocks += [
                B.para("IV. KẾT LUẬN VÀ ĐỀ NGHỊ", b=True),
                B.para(
                    f"Kết quả tự đánh giá: {self._result_words(assessment, 'self')}. "
                    f"{assessment.result_note or ''}",
                    indent=True,
                ),
                B.para(
                    f"{name} đề nghị {unit['reviewing_name'] or 'cấp có thẩm quyền'} "
                    f"đánh giá, công nhận “Đơn vị học tập” năm {year}./.",
                    indent=True,
                ),
                self._head_signature(
                    assessment,
                    unit,
                    [unit["reviewing_name"] or "Cấp thẩm định", "Lưu: VT"],
                ),
            ]
            documents.append(
                self._doc(
                    f"Báo cáo tự đánh giá - {name} - {year}",
                    blocks,
                    "o_lu_tt24_self_report",
                    assessment,
                )
            )
        return documents

    # ------------------------------------------------------------------
    # Thông tư 24: Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu
    # ------------------------------------------------------------------
    @api.model
    def tt24_summary(self, assessments):
        # the official documents are Vietnamese, their explanations too
        assessments = assessments.with_context(lang="vi_VN")
        by_assessment = self._criteria_lines(assessments)
        context = self._unit_context(assessments)
        teams = self._unit_teams(assessments)
        documents = []
        for assessment in assessments:
            unit = context[assessment.id]
            year = assessment.year
            name = assessment.department_id.name or ""
            levels = assessment.scheme == "levels"
            rows = []
            for line in by_assessment[assessment.id]:
                label = line.criterion_id.label or line.criterion_code or ""
                group = line.kind == "group"
                required = (
                    LEVEL_WORDS.get(line.min_level or "", "")
                    if levels and not group
                    else ""
                )
                if not levels and not group:
                    required = vn_number(line.criterion_id.max_score)
                rows.append(
                    B.row(
                        [
                            B.cell(label),
                            B.cell(line.criterion_id.name or ""),
                            B.cell(required),
                            B.cell(self._line_result(line, "self")),
                            B.cell(B.run(line.score_note or "", i=True), align="left"),
                        ],
                        b=group,
                        cls="o_lu_group" if group else None,
                        code=line.criterion_code,
                    )
                )
            rows.append(
                B.row(
                    [
                        B.cell("Kết quả chung", colspan=3),
                        B.cell(self._result_words(assessment, "self")),
                        B.cell(
                            B.run(assessment.result_note or "", i=True), align="left"
                        ),
                    ],
                    b=True,
                    cls="o_lu_group",
                )
            )
            team = teams.get((assessment.department_id.id, assessment.period_id.id))
            head = team and team.head_id
            signers = [
                B.signer(["TỔ TRƯỞNG TỔ ĐÁNH GIÁ"], head.name if head else ""),
                B.signer(
                    ["THỦ TRƯỞNG ĐƠN VỊ"],
                    assessment.head_name or "",
                    self._place_date(
                        unit["place"], assessment.submitted_date, year + 1
                    ),
                ),
            ]
            blocks = [
                B.header(unit["superior"], unit["issuer"]),
                *B.title(
                    "BẢN TỔNG HỢP",
                    [
                        "KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU",
                        f"“ĐƠN VỊ HỌC TẬP” NĂM {year}",
                    ],
                ),
                B.para([B.run("Đơn vị: ", b=True), name]),
                B.table(
                    [
                        (8, "center"),
                        (44, "left"),
                        (13, "center"),
                        (13, "center"),
                        (22, "left"),
                    ],
                    [
                        [
                            "STT",
                            "Tiêu chí, chỉ tiêu",
                            "Mức yêu cầu" if levels else "Điểm tối đa",
                            "Kết quả tự đánh giá",
                            "Ghi chú",
                        ]
                    ],
                    rows,
                    size=11,
                ),
                B.signature(signers, None),
            ]
            documents.append(
                self._doc(
                    f"Bản tổng hợp - {name} - {year}",
                    blocks,
                    "o_lu_tt24_summary",
                    assessment,
                )
            )
        return documents

    # ------------------------------------------------------------------
    # minutes of inspection
    # ------------------------------------------------------------------
    @api.model
    def minutes(self, records):
        records = records.with_context(lang="vi_VN")
        records.check_access("read")
        records.fetch(
            [
                "team_id",
                "assessment_id",
                "date",
                "time_start",
                "time_end",
                "location",
                "unit_representative",
                "unit_representative_title",
                "unit_attendees",
                "findings",
                "strengths",
                "weaknesses",
                "recommendations",
                "agreed_result",
            ]
        )
        teams = records.team_id
        teams.fetch(["name", "body_id", "period_id"])
        teams.member_ids.fetch(
            ["name", "job_title", "organisation", "role", "sequence"]
        )
        by_assessment = self._criteria_lines(records.assessment_id)
        documents = []
        for minutes in records:
            team = minutes.team_id
            assessment = minutes.assessment_id
            body = team.body_id or team.period_id.body_id
            year = assessment.year
            unit = assessment.department_id.name or ""
            day = minutes.date
            superior = (body.header_name or body.name or "").replace("\n", " ").upper()
            when = vn_date_phrase(day, year)
            blocks = [
                B.header(
                    superior,
                    (team.name or "").upper(),
                    "",
                    self._place_date(body.place, day, year + 1),
                ),
                *B.title(
                    "BIÊN BẢN KIỂM TRA",
                    [f"Kết quả xây dựng “Đơn vị học tập” năm {year}", f"tại {unit}"],
                ),
                B.para(
                    f"Hôm nay, vào lúc {minutes.time_start or '.....'} {when}, tại "
                    f"{minutes.location or unit}, {team.name} tiến hành kiểm tra kết "
                    f"quả xây dựng “Đơn vị học tập” năm {year} của {unit}.",
                    indent=True,
                ),
                B.para("I. THÀNH PHẦN", b=True),
                B.para("1. Đoàn kiểm tra:", b=True, indent=True),
            ]
            for member in team.member_ids:
                details = ", ".join(
                    p for p in (member.job_title, member.organisation) if p
                )
                details = f", {details}" if details else ""
                blocks.append(
                    B.para(
                        f"- {member.name}{details}: {member._lu_role_words()};",
                        indent=True,
                    )
                )
            blocks += [
                B.para("2. Đại diện đơn vị:", b=True, indent=True),
                B.para(
                    f"- {minutes.unit_representative or '.....'}, "
                    f"{minutes.unit_representative_title or ''};",
                    indent=True,
                ),
                *(
                    B.para(f"- {line.strip()};", indent=True)
                    for line in (minutes.unit_attendees or "").splitlines()
                    if line.strip()
                ),
                B.para("II. NỘI DUNG KIỂM TRA", b=True),
                *(B.text_lines(minutes.findings) or [B.para("...", indent=True)]),
                B.para("III. KẾT QUẢ ĐÁNH GIÁ", b=True),
                self._review_table(assessment, by_assessment[assessment.id]),
                B.para(
                    [
                        "Kết quả đoàn kiểm tra thống nhất với đơn vị: ",
                        B.run(minutes.agreed_result or "chưa hoàn thành", b=True),
                        ".",
                    ],
                    indent=True,
                ),
                B.para("IV. NHẬN XÉT, KIẾN NGHỊ", b=True),
                B.para("1. Ưu điểm:", b=True, indent=True),
                *(B.text_lines(minutes.strengths) or [B.para("...", indent=True)]),
                B.para("2. Hạn chế:", b=True, indent=True),
                *(B.text_lines(minutes.weaknesses) or [B.para("...", indent=True)]),
                B.para("3. Kiến nghị:", b=True, indent=True),
                *(
                    B.text_lines(minutes.recommendations)
                    or [B.para("...", indent=True)]
                ),
                B.para(
                    f"Biên bản kết thúc vào lúc {minutes.time_end or '.....'} cùng "
                    "ngày, đã được đọc lại cho các thành viên cùng nghe và thống "
                    "nhất ký tên./.",
                    indent=True,
                ),
            ]
            secretary = team.member_ids.filtered(lambda m: m.role == "secretary")[:1]
            head = team.member_ids.filtered(lambda m: m.role == "head")[:1]
            signers = [B.signer(["ĐẠI DIỆN ĐƠN VỊ"], minutes.unit_representative or "")]
            if secretary:
                signers.append(B.signer(["THƯ KÝ"], secretary.name))
            signers.append(B.signer(["TRƯỞNG ĐOÀN"], head.name if head else ""))
            blocks.append(B.signature(signers, None))
            documents.append(
                self._doc(
                    f"Biên bản kiểm tra - {unit} - {year}",
                    blocks,
                    "o_lu_minutes",
                    minutes,
                )
            )
        return documents

    @api.model
    def _review_table(self, assessment, lines):
        levels = assessment.scheme == "levels"
        rows = []
        for line in lines:
            group = line.kind == "group"
            label = line.criterion_id.label or line.criterion_code or ""
            cells = [B.cell(label), B.cell(line.criterion_id.name or "")]
            if not levels:
                cells.append(B.cell(vn_number(line.criterion_id.max_score)))
            if group and not levels:
                children = [
                    child
                    for child in lines
                    if child.kind != "group"
                    and (child.criterion_code or "").startswith(
                        line.criterion_code or ""
                    )
                ]
                self_sum = sum(scoring.exact(c.self_score) for c in children)
                review = (
                    vn_number(sum(scoring.exact(c.review_score) for c in children))
                    if children and all(c.review_set for c in children)
                    else ""
                )
                cells += [B.cell(vn_number(self_sum)), B.cell(review)]
            else:
                cells += [
                    B.cell(self._line_result(line, "self")),
                    B.cell(self._line_result(line, "review")),
                ]
            rows.append(
                B.row(
                    cells,
                    b=group,
                    cls="o_lu_group" if group else None,
                    code=line.criterion_code,
                )
            )
        if levels:
            columns = [(9, "center"), (55, "left"), (18, "center"), (18, "center")]
            head = ["STT", "Tiêu chí, chỉ tiêu", "Đơn vị tự đánh giá", "Đoàn kiểm tra"]
            total = [B.cell("Kết quả chung", colspan=2)]
        else:
            columns = [
                (8, "center"),
                (53, "left"),
                (13, "center"),
                (13, "center"),
                (13, "center"),
            ]
            head = [
                "STT",
                "Nội dung tiêu chí",
                "Điểm tối đa",
                "Điểm tự chấm",
                "Điểm đoàn kiểm tra",
            ]
            total = [
                B.cell("Tổng cộng, xếp loại", colspan=2),
                B.cell(vn_number(assessment.template_id.max_total)),
            ]
        total += [
            B.cell(self._result_words(assessment, "self")),
            B.cell(self._result_words(assessment, "review")),
        ]
        rows.append(B.row(total, b=True, cls="o_lu_group"))
        return B.table(columns, [head], rows, size=11)

    # ------------------------------------------------------------------
    # the recognition decision and its annex
    # ------------------------------------------------------------------
    @api.model
    def decision(self, decisions):
        decisions.check_access("read")
        decisions.fetch(
            [
                "body_id",
                "period_id",
                "decision_type",
                "number_text",
                "date_issued",
                "summary",
                "basis",
                "proposal",
                "other_articles",
                "revoked_decision_id",
                "revoke_reason",
                "state",
                "signer_prefix",
                "signer_authority",
                "signer_title",
                "signer_name",
                "recipients",
            ]
        )
        lines = decisions.line_ids
        lines.fetch(
            [
                "decision_id",
                "sequence",
                "department_id",
                "result_text",
                "note",
                "review_rank",
                "review_level",
            ]
        )
        lines.department_id.fetch(["name"])
        documents = []
        for decision in decisions:
            body = decision.body_id
            year = decision.period_id.year
            day = decision.date_issued
            number = self._number_line(decision.number_text, "QĐ", body.short_name)
            authority = (body.name or "").upper()
            blocks = [
                self._body_header(
                    body, number, self._place_date(body.place, day, year + 1)
                ),
                *B.title("QUYẾT ĐỊNH", decision.summary or ""),
                B.center(authority, b=True, space_before=2),
                *B.text_lines(decision.basis, i=True),
            ]
            if decision.proposal:
                blocks.append(B.para(decision.proposal, i=True, indent=True))
            blocks.append(B.center("QUYẾT ĐỊNH:", b=True, space_before=6))
            units = decision.line_ids.sorted(lambda line: (line.sequence, line.id))
            if decision.decision_type == "revocation":
                revoked = decision.revoked_decision_id
                blocks += [
                    B.para(
                        [
                            B.run("Điều 1. ", b=True),
                            f"Thu hồi Quyết định số {revoked.number_text} ngày "
                            f"{vn_date(revoked.date_issued)} của "
                            f"{revoked.body_id.name} về việc công nhận “Đơn vị học "
                            f"tập” năm {revoked.year}.",
                        ],
                        indent=True,
                    ),
                    B.para(f"Lý do: {decision.revoke_reason or ''}", indent=True),
                ]
            else:
                blocks.append(
                    B.para(
                        [
                            B.run("Điều 1. ", b=True),
                            f"Công nhận {len(units):02d} đơn vị đạt “Đơn vị học tập” "
                            f"năm {year} (có danh sách kèm theo).",
                        ],
                        indent=True,
                    )
                )
            for line in (decision.other_articles or "").splitlines():
                line = line.strip()
                if not line:
                    continue
                head, sep, rest = line.partition(". ")
                if sep and head.startswith("Điều"):
                    blocks.append(
                        B.para([B.run(head + ". ", b=True), rest], indent=True)
                    )
                else:
                    blocks.append(B.para(line, indent=True))
            blocks.append(
                self._signature(decision._lu_signer(), decision._lu_recipient_lines())
            )
            if decision.decision_type == "recognition":
                reference = (
                    f"Quyết định số {decision.number_text} ngày {vn_date(day)}"
                    if decision.number_text
                    else "Quyết định số        /QĐ-"
                    + (body.short_name or "")
                    + " ngày ...../...../"
                    + str(year + 1)
                )
                rows = [
                    B.row(
                        [
                            B.cell(str(index)),
                            B.cell(line.department_id.name or ""),
                            B.cell(line.result_text or ""),
                            B.cell(line.note or ""),
                        ]
                    )
                    for index, line in enumerate(units, start=1)
                ]
                blocks += [
                    B.page_break(),
                    B.center("DANH SÁCH", b=True, size=14),
                    B.center(
                        f"Đơn vị được công nhận “Đơn vị học tập” năm {year}", b=True
                    ),
                    B.center(B.run(f"(Kèm theo {reference} của {body.name})", i=True)),
                    {"type": "rule"},
                    B.table(
                        [(9, "center"), (51, "left"), (24, "center"), (16, "left")],
                        [["STT", "Tên đơn vị", "Kết quả", "Ghi chú"]],
                        rows,
                    ),
                    B.para(self._decision_totals(units), i=True),
                ]
            documents.append(
                self._doc(
                    f"Quyết định {decision.number_text or 'dự thảo'} - {year}".replace(
                        "/", "-"
                    ),
                    blocks,
                    "o_lu_decision",
                    decision,
                )
            )
        return documents

    @api.model
    def _decision_totals(self, lines):
        """ "Tổng cộng: 02 đơn vị (Khá: 01; Chưa đạt: 01)."."""
        counts = defaultdict(int)
        for line in lines:
            label = (
                LEVEL_WORDS.get(line.review_level)
                if line.review_level
                else line.review_rank
            )
            counts[label or ""] += 1
        order = [LEVEL_WORDS[level] for level in LEVEL_ORDER[:2]] + [
            RANK_WORDS[rank] for rank in RANK_ORDER
        ]
        parts = [
            f"{label}: {counts[label]:02d}" for label in order if counts.get(label)
        ]
        text = f"Tổng cộng: {len(lines):02d} đơn vị"
        return text + (f" ({'; '.join(parts)})." if parts else ".")

    # ------------------------------------------------------------------
    # the units of a scope and their results (report upward, roll-up)
    # ------------------------------------------------------------------
    @api.model
    def _scope_rows(self, period, roots):
        """``{root id: [row]}``: every unit under each root, filed or not.

        The units are the departments with an assessment in ``period`` and
        the direct sub-units of a root that filed nothing (not filed).
        """
        Assessment = self.env["learning.unit.assessment"]
        assessments = Assessment.search(
            [("period_id", "=", period.id), ("department_id", "child_of", roots.ids)]
        )
        assessments.fetch(
            [
                "department_id",
                "state",
                "is_late",
                "scheme",
                "self_total",
                "self_rank",
                "self_level",
                "review_total",
                "review_rank",
                "review_level",
                "review_complete",
                "decision_id",
                "decision_number",
                "decision_date",
                "submitted_date",
            ]
        )
        assessments.decision_id.fetch(["number_text", "date_issued"])
        departments = self.env["hr.department"].search([("id", "child_of", roots.ids)])
        departments.fetch(["name", "complete_name", "parent_id", "parent_path"])
        filed = {a.department_id.id: a for a in assessments}
        covered = set()
        for department_id in filed:
            department = departments.browse(department_id)
            covered.update(
                int(i) for i in (department.parent_path or "").split("/") if i
            )
        root_ids = set(roots.ids)
        result = defaultdict(list)
        for department in departments.sorted(lambda d: (d.complete_name or "", d.id)):
            path = [int(i) for i in (department.parent_path or "").split("/") if i]
            root = next((i for i in path if i in root_ids), None)
            if root is None or (department.id == root and department.id not in filed):
                continue
            assessment = filed.get(department.id)
            if assessment is None:
                if department.parent_id.id != root or department.id in covered:
                    continue
            result[root].append(self._scope_row(department, assessment))
        return result

    @api.model
    def _scope_row(self, department, assessment):
        if not assessment:
            return {
                "unit": department.name or "",
                "filed": False,
                "timing": "not_submitted",
                "self": "",
                "review": "",
                "result_key": "",
                "recognised": False,
                "decision": "",
                "scheme": False,
                "submitted_date": False,
            }
        if assessment.state in NOT_SENT_STATES:
            timing = "not_submitted"
        else:
            timing = "late" if assessment.is_late else "on_time"
        decision = assessment.decision_id
        if decision:
            decision_text = (
                f"{decision.number_text} ngày {vn_date(decision.date_issued)}"
            )
        elif assessment.state == "recognised" and assessment.decision_number:
            day = vn_date(assessment.decision_date)
            decision_text = f"{assessment.decision_number} ngày {day}"
        else:
            decision_text = ""
        if assessment.scheme == "levels":
            key = assessment.review_level if assessment.review_complete else ""
        else:
            key = assessment.review_rank if assessment.review_complete else ""
        return {
            "unit": department.name or "",
            "filed": timing != "not_submitted",
            "timing": timing,
            "self": self._result_words(assessment, "self")
            if timing != "not_submitted"
            else "",
            "review": self._result_words(assessment, "review"),
            "result_key": key or "",
            "recognised": bool(decision_text),
            "decision": decision_text,
            "scheme": assessment.scheme,
            "submitted_date": assessment.submitted_date,
        }

    @api.model
    def _result_keys(self, scheme):
        if scheme == "levels":
            return [(level, LEVEL_WORDS[level]) for level in LEVEL_ORDER]
        return [(rank, RANK_WORDS[rank]) for rank in RANK_ORDER]

    @api.model
    def _scope_totals(self, rows, scheme):
        counts = defaultdict(int)
        for row in rows:
            counts[row["result_key"]] += 1
        total = len(rows)
        return {
            "units": total,
            "filed": sum(1 for r in rows if r["filed"]),
            "on_time": sum(1 for r in rows if r["timing"] == "on_time"),
            "late": sum(1 for r in rows if r["timing"] == "late"),
            "not_filed": sum(1 for r in rows if not r["filed"]),
            "recognised": sum(1 for r in rows if r["recognised"]),
            "results": [
                (key, label, counts.get(key, 0))
                for key, label in self._result_keys(scheme)
            ],
            "no_result": counts.get("", 0),
        }

    @api.model
    def _percent(self, part, total):
        return vn_number(100 * part / total if total else 0, 1)

    # ------------------------------------------------------------------
    # report upward
    # ------------------------------------------------------------------
    @api.model
    def upward_data(self, reports):
        """Per report: its rows and totals (shared with the XLSX)."""
        reports.check_access("read")
        reports.fetch(["period_id", "department_id", "body_id"])
        result = []
        for period in reports.period_id:
            mine = reports.filtered(lambda r, p=period: r.period_id == p)
            rows = self._scope_rows(period, mine.department_id)
            scheme = period.rules_id.scheme
            for report in mine:
                report_rows = rows.get(report.department_id.id, [])
                result.append(
                    {
                        "report": report,
                        "rows": report_rows,
                        "scheme": scheme,
                        "totals": self._scope_totals(report_rows, scheme),
                    }
                )
        order = {report.id: index for index, report in enumerate(reports)}
        return sorted(result, key=lambda d: order[d["report"].id])

    @api.model
    def upward_report(self, reports):
        documents = []
        for data in self.upward_data(reports):
            report = data["report"]
            body = report.body_id
            year = report.year
            totals = data["totals"]
            number = self._number_line(report.number_text, "BC", body.short_name)
            units = totals["units"]
            result_rows = [
                B.row(
                    [
                        B.cell(label),
                        B.cell(f"{count:02d}"),
                        B.cell(self._percent(count, units)),
                    ]
                )
                for _key, label, count in totals["results"]
            ]
            result_rows.append(
                B.row(
                    [
                        B.cell("Chưa có kết quả thẩm định"),
                        B.cell(f"{totals['no_result']:02d}"),
                        B.cell(self._percent(totals["no_result"], units)),
                    ]
                )
            )
            result_rows.append(
                B.row(
                    [
                        B.cell("Tổng cộng"),
                        B.cell(f"{units:02d}"),
                        B.cell("100" if units else "0"),
                    ],
                    b=True,
                    cls="o_lu_group",
                )
            )
            unit_rows = [
                B.row(
                    [
                        B.cell(str(index)),
                        B.cell(row["unit"]),
                        B.cell(
                            row["self"]
                            or ("Không gửi hồ sơ" if not row["filed"] else "")
                        ),
                        B.cell(row["review"]),
                        B.cell(TIMING_WORDS[row["timing"]]),
                        B.cell(row["decision"] or "Chưa công nhận"),
                    ]
                )
                for index, row in enumerate(data["rows"], start=1)
            ]
            blocks = [
                self._body_header(
                    body,
                    number,
                    self._place_date(body.place, report.date_issued, year + 1),
                ),
                *B.title("BÁO CÁO", report.summary or ""),
                *B.text_lines(report.introduction),
                B.para("I. KẾT QUẢ CHUNG", b=True),
                B.para(
                    f"Tổng số đơn vị: {units:02d}; đã gửi hồ sơ: {totals['filed']:02d} "
                    f"(đúng hạn: {totals['on_time']:02d}, "
                    f"trễ hạn: {totals['late']:02d}); "
                    f"không gửi hồ sơ: {totals['not_filed']:02d}; đã công nhận: "
                    f"{totals['recognised']:02d}.",
                    indent=True,
                ),
                B.table(
                    [(52, "left"), (24, "center"), (24, "center")],
                    [["Kết quả", "Số đơn vị", "Tỷ lệ (%)"]],
                    result_rows,
                ),
                B.para("II. DANH SÁCH CÁC ĐƠN VỊ", b=True),
                B.table(
                    [
                        (6, "center"),
                        (30, "left"),
                        (16, "center"),
                        (16, "center"),
                        (11, "center"),
                        (21, "center"),
                    ],  # fmt: skip
                    [
                        [
                            "STT",
                            "Đơn vị",
                            "Tự đánh giá",
                            "Thẩm định",
                            "Hồ sơ",
                            "Công nhận",
                        ]
                    ],
                    unit_rows,
                    size=11,
                ),
                B.para(
                    f"Trên đây là báo cáo kết quả đánh giá, công nhận “Đơn vị học tập” "
                    f"năm {year} của {body.name}./.",
                    indent=True,
                ),
                self._signature(report._lu_signer(), report._lu_recipient_lines()),
            ]
            documents.append(
                self._doc(
                    f"Báo cáo {report.number_text or 'dự thảo'} - {year}".replace(
                        "/", "-"
                    ),
                    blocks,
                    "o_lu_upward",
                    report,
                )
            )
        return documents

    # ------------------------------------------------------------------
    # the province roll-up across reviewing bodies
    # ------------------------------------------------------------------
    @api.model
    def _rollup_bodies(self, period):
        """The reviewing bodies of a period: those that reported, else every
        body of the company with a scope that reviews units."""
        reports = self.env["learning.unit.upward.report"].search(
            [("period_id", "=", period.id)], order="id"
        )
        bodies = reports.body_id
        if not bodies:
            bodies = self.env["learning.unit.body"].search(
                [
                    (
                        "kind",
                        "in",
                        (
                            "district",
                            "commune",
                            "province_department",
                            "district_office",
                        ),
                    ),
                    ("department_id", "!=", False),
                    ("company_id", "in", [period.company_id.id, False]),
                ]
            )
        # one row per scope: a district's office and its committee share it
        seen = set()
        result = self.env["learning.unit.body"]
        for body in bodies | period.body_id:
            if body.department_id and body.department_id.id not in seen:
                seen.add(body.department_id.id)
                result |= body
        return result

    @api.model
    def rollup_data(self, periods):
        periods.check_access("read")
        result = []
        for period in periods:
            bodies = self._rollup_bodies(period)
            rows = self._scope_rows(period, bodies.department_id)
            scheme = period.rules_id.scheme
            lines = []
            all_rows = []
            for body in bodies:
                body_rows = rows.get(body.department_id.id, [])
                all_rows += body_rows
                lines.append(
                    {"body": body, "totals": self._scope_totals(body_rows, scheme)}
                )
            result.append(
                {
                    "period": period,
                    "scheme": scheme,
                    "lines": lines,
                    "totals": self._scope_totals(all_rows, scheme),
                }
            )
        return result

    @api.model
    def province_rollup(self, periods):
        documents = []
        for data in self.rollup_data(periods):
            period = data["period"]
            year = period.year
            top = period.body_id
            while top.superior_id:
                top = top.superior_id
            keys = self._result_keys(data["scheme"])

            def cells(label, totals, bold=False):
                return [
                    B.cell(label, b=bold),
                    B.cell(f"{totals['units']}"),
                    B.cell(f"{totals['on_time']}"),
                    B.cell(f"{totals['late']}"),
                    B.cell(f"{totals['not_filed']}"),
                    *(B.cell(f"{count}") for _k, _l, count in totals["results"]),
                    B.cell(f"{totals['recognised']}"),
                ]

            rows = [
                B.row([B.cell(str(index)), *cells(line["body"].name, line["totals"])])
                for index, line in enumerate(data["lines"], start=1)
            ]
            rows.append(
                B.row(
                    [B.cell("Tổng cộng", colspan=2), *cells("", data["totals"])[1:]],
                    b=True,
                    cls="o_lu_group",
                )
            )
            width = 44 / (5 + len(keys))
            columns = [(6, "center"), (30, "left")] + [(width, "center")] * (
                5 + len(keys)
            )
            head = [
                [
                    "STT",
                    "Cơ quan thẩm định",
                    "Số đơn vị",
                    "Đúng hạn",
                    "Trễ hạn",
                    "Không gửi",
                    *(label for _k, label in keys),
                    "Đã công nhận",
                ],  # fmt: skip
            ]
            blocks = [
                self._body_header(
                    top,
                    self._number_line("", "BC", top.short_name),
                    self._place_date(top.place, None, year + 1),
                ),
                *B.title(
                    "BÁO CÁO TỔNG HỢP",
                    f"Kết quả đánh giá, công nhận “Đơn vị học tập” năm {year}",
                ),
                B.para(
                    f"Tổng số đơn vị: {data['totals']['units']}; đã công nhận: "
                    f"{data['totals']['recognised']}; không gửi hồ sơ: "
                    f"{data['totals']['not_filed']}.",
                    indent=True,
                ),
                B.table(columns, head, rows, size=10),
                self._signature(
                    top._lu_signer() if top else {},
                    (top.recipients and top.recipients.splitlines()) or ["Lưu: VT"],
                ),
            ]
            documents.append(
                self._doc(f"Tổng hợp toàn tỉnh - {year}", blocks, "o_lu_rollup", period)
            )
        return documents
