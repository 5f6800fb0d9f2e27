# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The members and their evidence, in the layout the evidence import reads.

One sheet, its header on the first row: CCCD, Họ và tên, Đơn vị, the job
title, a column per evidence kind of the rules (Đạt / Chưa đạt) and the note,
named in Vietnamese where the database has it. The same layout is the
import's template (wizards/learning_unit_evidence_import.py): filled in, the
file imports back. A member's CCCD is printed to whom may change the member's
evidence (the unit's officer while the unit prepares its self-assessment):
the key of the import, it is not shown to every reader.
"""

from odoo import api, models

from ..evidence import EVIDENCE_KINDS
from . import blocks as B

MET, NOT_MET = "Đạt", "Chưa đạt"


class ReportMemberEvidence(models.AbstractModel):
    _name = "report.learning_unit.report_member_evidence"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Member Evidence"
    _lu_model = "learning.unit.assessment"

    @api.model
    def _lu_documents(self, assessments):
        members = (
            self.env["learning.unit.member"]
            .search(
                [("assessment_id", "in", assessments.ids)], order="unit_id, name, id"
            )
            ._lu_one_per_person()
        )
        criteria = assessments.template_id.criterion_ids
        kinds = {criterion.member_field for criterion in criteria}
        return [self._lu_member_sheet(members, kinds)]

    @api.model
    def _lu_member_sheet(self, members, kinds):
        """The document of ``members``, a column per evidence field of ``kinds``."""
        installed = [code for code, _name in self.env["res.lang"].get_installed()]
        lang = "vi_VN" if "vi_VN" in installed else self.env.lang
        Member = self.env["learning.unit.member"].with_context(lang=lang)
        fields = [kind.field for kind in EVIDENCE_KINDS if kind.field in kinds]
        members.fetch(["employee_id", "name", "unit_id", "job_title", "note", *fields])
        members.unit_id.fetch(["name"])
        # HR keeps the CCCD: read for the members the user may change only
        writable = members._filtered_access("write")
        cccd = {m.id: m.employee_id.sudo().identification_id for m in writable}

        def label(field):
            return Member._fields[field]._description_string(Member.env)

        columns = [
            B.column(14, "left", "CCCD"),
            B.column(24, "left", "Họ và tên"),
            B.column(24, "left", "Đơn vị"),
            B.column(16, "left", label("job_title")),
            *(B.column(10, "center", label(f), [MET, NOT_MET]) for f in fields),
            B.column(24, "left", label("note")),
        ]
        rows = [
            B.row(
                [
                    B.cell(cccd.get(member.id) or ""),
                    B.cell(member.name or ""),
                    B.cell(member.unit_id.name or ""),
                    B.cell(member.job_title or ""),
                    *(B.cell(MET if member[f] else NOT_MET) for f in fields),
                    B.cell(member.note or ""),
                ]
            )
            for member in members
        ]
        head = [[column["title"] for column in columns]]
        name = self.with_context(lang=lang).env._("Member Evidence")
        table = B.table(columns, head, rows, size=11, listing=True)
        return B.document(name, [table], "o_lu_member_evidence")
