# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A printed document: one report model, three renderers.

Each document is a model ``report.learning_unit.report_<name>`` inheriting
this one, in a file of its own (``document_<name>.py``): it names the model
it prints (``_lu_model``), reads what its records print in batch with the
queries of ``learning.unit.report.data`` (``_lu_forms``) and builds the blocks
of one record (``_lu_document``, see blocks.py). Its report actions
(learning_unit_reports.xml) print the same blocks:

* the PDF (``qweb-pdf``, ``report_name`` the model's name) lays them out with
  the QWeb template ``nd30_documents`` (report_nd30.xml);
* the DOCX (``docx``) and the XLSX (OCA ``report_xlsx``) name the model in
  their ``report_file`` (ir_actions_report.py) and write them with
  render_docx.py and render_xlsx.py.

Adding a document is one such file and its actions. The documents are read
with the rights of the current user: a record they may not read is refused.
"""

import io

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.learning_unit_body import signer_of
from ..states import DRAFT_STATES, EDITABLE_STATES
from ..vn_format import vn_date_phrase
from . import blocks as B
from .render_xlsx import WORKBOOK_OPTIONS, render_xlsx

# the day printed when the user has no time zone: the country's
VIETNAM_TZ = "Asia/Ho_Chi_Minh"


class ReportLearningUnitDocument(models.AbstractModel):
    _name = "report.learning_unit.abstract_document"
    _inherit = "report.report_xlsx.abstract"
    _description = "Learning Unit Printed Document"

    _lu_model = None
    # a form of Thông tư 22 (points) only: its name, refused for Thông tư 24
    _lu_points_form = None

    @api.model
    def _lu_records(self, docids):
        return self.env[self._lu_model].browse(docids)

    @api.model
    def _lu_documents(self, records):
        """The documents of ``records`` (blocks.document()): read in batch,
        built one by one."""
        self._lu_check_regime(records)
        return [
            self._lu_document(record, form) for record, form in self._lu_forms(records)
        ]

    @api.model
    def _lu_check_regime(self, records):
        """A form of Thông tư 22 prints no Thông tư 24 (levels) assessment."""
        if not self._lu_points_form:
            return
        assessments = (
            records
            if records._name == "learning.unit.assessment"
            else records.assessment_id
        )
        levels = assessments.filtered(lambda a: a.scheme == "levels")
        if levels:
            raise UserError(
                self.env._(
                    "%(form)s is a form of Thông tư 22 (points): %(units)s are "
                    "assessed under Thông tư 24 (levels), whose documents are the "
                    "self-assessment report, the proposal and the summary of "
                    "indicators.",
                    form=self._lu_points_form,
                    units=", ".join(levels.mapped("name")),
                )
            )

    @api.model
    def _lu_forms(self, records):
        """``[(record, form)]``: what each record's document prints, read in
        batch (nothing more by default)."""
        return [(record, {}) for record in records]

    @api.model
    def _lu_of_assessment(self, records, query):
        """``[(record, what query reads of its assessment)]``: ``query`` reads
        the assessments in batch (``{assessment id: ...}``)."""
        by_assessment = query(records.assessment_id)
        return [(record, by_assessment[record.assessment_id.id]) for record in records]

    @api.model
    def _lu_document(self, record, form):
        """The document of one record: a blocks.document()."""
        raise NotImplementedError

    @api.model
    def _lu_print(self, records):
        """The documents of ``records``, refused if the user may not read one.

        As the ORM reads records (``fetch``): the access rights, then the
        record rules applied by the database to the records printed.
        """
        records.browse().check_access("read")
        readable = records.with_context(active_test=False).search(
            [("id", "in", records.ids)]
        )
        forbidden = (records - readable).exists()
        if forbidden:
            raise self.env["ir.rule"]._make_access_error("read", forbidden)
        return self._lu_documents(records)

    # the renderers -----------------------------------------------------
    @api.model
    def _get_report_values(self, docids, data=None):
        records = self._lu_records(docids)
        return {
            "doc_ids": records.ids,
            "doc_model": records._name,
            "docs": records,
            "documents": self._lu_print(records),
            "runs_html": B.runs_html,
        }

    def get_workbook_options(self):
        return dict(WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, objs):
        render_xlsx(workbook, self._lu_print(objs))

    @api.model
    def _lu_xlsx(self, documents):
        """``documents`` as the bytes of an XLSX, as report_xlsx writes it."""
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, self.get_workbook_options())
        render_xlsx(workbook, documents)
        workbook.close()
        return output.getvalue()

    # the parts of the documents -----------------------------------------
    @api.model
    def _lu_data(self):
        return self.env["learning.unit.report.data"]

    @api.model
    def _doc(self, name, blocks, cls, record, sheet=None, sheet_suffix="",
             draft=False):  # fmt: skip
        """A document; a ``draft`` (a record not yet issued, signed or
        submitted) says "DỰ THẢO" at its top, as Nghị định 30 practice marks
        a draft."""
        if draft:
            blocks = [B.draft_mark(), *blocks]
        doc = B.document(name, blocks, cls, sheet=sheet, sheet_suffix=sheet_suffix)
        doc.update(model=record._name if record else None, res_id=record.id or None)
        return doc

    @api.model
    def _lu_unit_draft(self, assessment):
        """A unit's forms are drafts until the unit submits them."""
        return assessment.state in EDITABLE_STATES

    @api.model
    def _lu_today(self):
        """The day of printing where the user is (Vietnam unless said)."""
        tz = self.env.context.get("tz") or self.env.user.tz or VIETNAM_TZ
        return fields.Date.context_today(self.with_context(tz=tz))

    @api.model
    def _place_date(self, place, day=None):
        """``Thủ Thừa, ngày 08 tháng 12 năm 2026``: the record's own ``day``,
        else the day of printing."""
        place = (place or "").strip() or "...."
        return f"{place}, {vn_date_phrase(day or self._lu_today())}"

    @api.model
    def _number_line(self, number_text, code, symbol=""):
        if number_text:
            return f"Số: {number_text}"
        blank = "\u00a0" * 8
        return f"Số:{blank}/{code}-{symbol}" if symbol else f"Số:{blank}/{code}"

    @api.model
    def _body_header(self, body, number_line, place_date):
        superior, own = body._lu_header() if body else ("", "")
        return B.header(superior, own, number_line, place_date)

    @api.model
    def _official_header(self, document):
        """The header of an issued document (official mixin): its body, its
        number and symbol, its place and date."""
        body = document.body_id
        number = self._number_line(
            document.number_text, document._lu_doc_code, body.short_name
        )
        day = self._place_date(body.place, document.date_issued)
        return self._body_header(body, number, day)

    @api.model
    def _official_signature(self, document):
        """Its signer and recipients, as the drafter left them."""
        return self._signature(
            signer_of(document), (document.recipients or "").splitlines()
        )

    @api.model
    def _official_doc(self, kind, document, blocks, cls, **kwargs):
        """``kind`` ("Quyết định") and its number or "dự thảo", then its year."""
        name = f"{kind} {document.number_text or 'dự thảo'} - {document.year}"
        kwargs.setdefault("draft", document.state in DRAFT_STATES)
        return self._doc(name.replace("/", "-"), blocks, cls, document, **kwargs)

    @api.model
    def _signature(self, signer, recipients, place_date=""):
        lines = B.signer_lines(signer)
        return B.signature(
            [B.signer(lines, signer.get("name"), place_date)],
            B.recipient_lines(recipients) if recipients is not None else None,
        )

    @api.model
    def _head_signature(self, assessment, unit, recipients=None):
        """The head of the unit signs its documents; a report goes to the
        unit's reviewing body and its archive."""
        return self._signature(
            {"title": "THỦ TRƯỞNG ĐƠN VỊ", "name": assessment.head_name or ""},
            recipients or [unit["reviewing_name"] or "Cấp thẩm định", "Lưu: VT"],
        )


class ReportLearningUnitTt24(models.AbstractModel):
    """The unit's Thông tư 24 dossier: what its three documents share."""

    _name = "report.learning_unit.abstract_tt24"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Printed Document: Thông tư 24 Dossier"
    _lu_model = "learning.unit.assessment"

    @api.model
    def _lu_forms(self, assessments):
        """``[(assessment, unit)]``: the unit's context, ``name``, ``year``,
        ``lines`` (its criteria) and ``team`` (its evaluation team)."""
        # the official documents are Vietnamese, their explanations too
        assessments = assessments.with_context(lang="vi_VN")
        data = self._lu_data()
        lines = data._criteria_lines(assessments)
        context = data._unit_context(assessments)
        teams = data._unit_teams(assessments)
        forms = []
        for assessment in assessments:
            unit = dict(
                context[assessment.id],
                name=assessment.department_id.name or "",
                year=assessment.year,
                lines=lines[assessment.id],
                team=teams.get((assessment.department_id.id, assessment.period_id.id)),
            )
            forms.append((assessment, unit))
        return forms

    @api.model
    def _tt24_header(self, unit, code, day):
        return B.header(
            unit["superior"],
            unit["issuer"],
            self._number_line("", code, unit["symbol"]),
            self._place_date(unit["place"], day),
        )
