# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The recognition decision (Quyết định công nhận) and its annex, or a revocation."""

from collections import defaultdict

from odoo import api, models

from .. import scoring
from ..vn_format import LEVEL_WORDS, RANK_WORDS, level_2_wait_words, vn_date
from . import blocks as B
from .report_data import LEVEL_ORDER, RANK_ORDER


class ReportDecision(models.AbstractModel):
    _name = "report.learning_unit.report_decision"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Quyết định công nhận"
    _lu_model = "learning.unit.decision"

    @api.model
    def _lu_forms(self, decisions):
        decisions.line_ids.department_id.fetch(["name"])
        return super()._lu_forms(decisions)

    @api.model
    def _lu_document(self, decision, form):
        body = decision.body_id
        year = decision.year
        blocks = [
            self._official_header(decision),
            *B.title("QUYẾT ĐỊNH", decision.summary or ""),
            B.center((body.name or "").upper(), b=True, space_before=2),
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
                        f"Công nhận {len(self._titled(units)):02d} đơn vị đạt "
                        "“Đơn vị học tập” "
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
                blocks.append(B.para([B.run(head + ". ", b=True), rest], indent=True))
            else:
                blocks.append(B.para(line, indent=True))
        blocks.append(self._official_signature(decision))
        if decision.decision_type == "recognition":
            reference = (
                f"Quyết định số {decision.number_text} ngày "
                f"{vn_date(decision.date_issued)}"
                if decision.number_text
                else f"Quyết định số        /QĐ-{body.short_name or ''} ngày "
                f"{vn_date(self._lu_today())}"
            )
            rows = [
                B.row(
                    [
                        B.cell(str(index)),
                        B.cell(line.department_id.name or ""),
                        B.cell(line.result_text or ""),
                        B.cell(self._line_note(line)),
                    ]
                )
                for index, line in enumerate(units, start=1)
            ]
            blocks += [
                B.page_break(),
                B.center("DANH SÁCH", b=True, size=14),
                B.center(f"Đơn vị được công nhận “Đơn vị học tập” năm {year}", b=True),
                B.center(B.run(f"(Kèm theo {reference} của {body.name})", i=True)),
                {"type": "rule"},
                B.table(
                    [(9, "center"), (51, "left"), (24, "center"), (16, "left")],
                    [["STT", "Tên đơn vị", "Kết quả", "Ghi chú"]],
                    rows,
                ),
                B.para(self._decision_totals(units), i=True),
            ]
        return self._official_doc("Quyết định", decision, blocks, "o_lu_decision")

    @api.model
    def _titled(self, lines):
        """The lines whose unit the decision recognises: a level, or a rank
        above "Chưa đạt" (the annex may list units that reached neither)."""
        return lines.filtered(
            lambda line: line.granted_level in (scoring.LEVEL_1, scoring.LEVEL_2)
            if line.scheme == "levels"
            else line.assessment_id.review_rank not in (False, scoring.RANK_FAIL)
        )

    @api.model
    def _line_note(self, line):
        """The reviewer's note, after the reviewed level and why it is not the
        level granted, where they differ."""
        parts = []
        if line.granted_level and line.granted_level != line.review_level:
            years = line.assessment_id.template_id.level_2_wait_years
            parts.append(
                f"Thẩm định đạt {LEVEL_WORDS[line.review_level]}; "
                + level_2_wait_words(years)
            )
        if line.note:
            parts.append(line.note)
        return ". ".join(parts)

    @api.model
    def _decision_totals(self, lines):
        """ "Tổng cộng: 02 đơn vị (Khá: 01; Chưa đạt: 01)."."""
        counts = defaultdict(int)
        for line in lines:
            label = (
                LEVEL_WORDS.get(line.granted_level)
                if line.granted_level
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
