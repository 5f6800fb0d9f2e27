# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The minutes of an inspection (Biên bản kiểm tra), one per unit."""

from odoo import api, models

from .. import scoring
from ..states import DRAFT_STATES
from ..vn_format import LEVEL_WORDS, vn_date_phrase, vn_number
from . import blocks as B


class ReportMinutes(models.AbstractModel):
    _name = "report.learning_unit.report_minutes"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Biên bản kiểm tra"
    _lu_model = "learning.unit.minutes"

    @api.model
    def _lu_forms(self, records):
        records = records.with_context(lang="vi_VN")
        teams = records.team_id
        teams.fetch(["name", "body_id", "period_id"])
        teams.member_ids.fetch(
            ["name", "job_title", "organisation", "role", "sequence"]
        )
        return self._lu_of_assessment(records, self._lu_data()._criteria_lines)

    @api.model
    def _lu_document(self, minutes, lines):
        team = minutes.team_id
        assessment = minutes.assessment_id
        body = team.body_id or team.period_id.body_id
        year = assessment.year
        unit = assessment.department_id.name or ""
        # the day of the inspection, else the day of printing
        day = minutes.date or self._lu_today()
        superior = (body.header_name or body.name or "").replace("\n", " ").upper()
        when = vn_date_phrase(day)
        blocks = [
            B.header(
                superior,
                (team.name or "").upper(),
                "",
                self._place_date(body.place, day),
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
            details = ", ".join(p for p in (member.job_title, member.organisation) if p)
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
            self._review_table(assessment, lines),
            B.para(
                [
                    "Kết quả đoàn kiểm tra thống nhất với đơn vị: ",
                    B.run(minutes.agreed_result or "chưa hoàn thành", b=True),
                    ".",
                ],
                indent=True,
            ),
        ]
        lowered = minutes._lu_lowered_text()
        if lowered and not minutes.agreed_result:
            blocks.append(
                B.para(
                    f"Thẩm định đạt {LEVEL_WORDS[assessment.review_level]}; "
                    f"{lowered}.",
                    indent=True,
                )
            )
        blocks += [
            B.para("IV. NHẬN XÉT, KIẾN NGHỊ", b=True),
            B.para("1. Ưu điểm:", b=True, indent=True),
            *(B.text_lines(minutes.strengths) or [B.para("...", indent=True)]),
            B.para("2. Hạn chế:", b=True, indent=True),
            *(B.text_lines(minutes.weaknesses) or [B.para("...", indent=True)]),
            B.para("3. Kiến nghị:", b=True, indent=True),
            *(B.text_lines(minutes.recommendations) or [B.para("...", indent=True)]),
            B.para(
                f"Biên bản kết thúc vào lúc {minutes.time_end or '.....'} cùng "
                "ngày, đã được đọc lại cho các thành viên cùng nghe và thống "
                "nhất ký tên./.",
                indent=True,
            ),
        ]
        secretary = team.member_ids.filtered(lambda m: m.role == "secretary")[:1]
        signers = [B.signer(["ĐẠI DIỆN ĐƠN VỊ"], minutes.unit_representative or "")]
        if secretary:
            signers.append(B.signer(["THƯ KÝ"], secretary.name))
        signers.append(B.signer(["TRƯỞNG ĐOÀN"], team.head_id.name or ""))
        blocks.append(B.signature(signers, None))
        return self._doc(
            f"Biên bản kiểm tra - {unit} - {year}",
            blocks,
            "o_lu_minutes",
            minutes,
            draft=minutes.state in DRAFT_STATES,
        )

    @api.model
    def _review_table(self, assessment, lines):
        data = self._lu_data()
        levels = assessment.scheme == "levels"
        review = data._review_results(lines)
        rows = []
        for line in lines:
            group = line.kind == "group"
            label = line.criterion_id.label or line.criterion_code or ""
            cells = [B.cell(label), B.cell(line.criterion_id.name or "")]
            if not levels:
                cells.append(B.cell(vn_number(line.criterion_id.max_score)))
            if group and not levels:
                cells += [
                    B.cell(vn_number(scoring.exact(line.subtotal))),
                    B.cell(vn_number(review[line.id])),
                ]
            else:
                cells += [
                    B.cell(data._line_result(line, "self")),
                    B.cell(data._line_result(line, "review")),
                ]
            rows.append(
                B.row(
                    cells,
                    group=group,
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
            B.cell(data._result_words(assessment, "self")),
            B.cell(data._result_words(assessment, "review")),
        ]
        rows.append(B.row(total, group=True))
        return B.table(columns, [head], rows, size=11)
