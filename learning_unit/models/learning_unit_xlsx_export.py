# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX exports: Phụ lục 2, the district summary, the member evidence list,
the report upward and the province roll-up.

Each export reads its records in batch with the rights of the current user
(record rules apply). ``_fill_<kind>(workbook, records)`` writes the sheets
into a workbook: the XLSX reports of the Print menu (OCA report_xlsx, see
reports/report_xlsx.py) call it with theirs; ``<kind>(records)`` returns the
bytes of a workbook of its own.
"""

import io
import re

import xlsxwriter

from odoo import api, models

from ..evidence import EVIDENCE_KINDS

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Member evidence layout: row 1 (hidden) holds these column keys, row 2 the
# column titles, members start on row 3. The import reads columns by key.
MEMBER_KEY_ROW = 0
MEMBER_HEADER_ROW = 1
MEMBER_FIRST_ROW = 2
# A text a spreadsheet would run as a formula when it begins with one of these
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def safe_text(text):
    """``text`` as a spreadsheet shows it but never runs it as a formula."""
    text = text or ""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _sheet_name(name, used, suffix=""):
    """A valid, unique worksheet name (at most 31 characters).

    ``suffix`` (e.g. the year) is always kept whole; the name is shortened.
    """
    base = _SHEET_NAME_FORBIDDEN.sub(" ", name or "").strip().strip("'") or "Sheet"
    candidate = base[: 31 - len(suffix)] + suffix
    counter = 2
    while candidate.lower() in used:
        tail = f" ({counter}){suffix}"
        candidate = base[: 31 - len(tail)] + tail
        counter += 1
    used.add(candidate.lower())
    return candidate


class LearningUnitXlsxExport(models.AbstractModel):
    _name = "learning.unit.xlsx.export"
    _description = "Learning Unit XLSX Exports"

    _export_kinds = ("phu_luc_2", "district_summary", "member_evidence")

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    @api.model
    def _assessments(self, assessments):
        """The assessments, read with the rights of this export's user."""
        if isinstance(assessments, models.BaseModel):
            assessments = assessments.ids
        return self.env["learning.unit.assessment"].browse(assessments)

    @api.model
    def _workbook_options(self):
        # strings stay strings: never numbers, never formulas
        return {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        }

    @api.model
    def _workbook(self):
        output = io.BytesIO()
        return output, xlsxwriter.Workbook(output, self._workbook_options())

    @api.model
    def _bytes(self, fill, records, **kwargs):
        """The workbook ``fill(workbook, records)`` writes, as bytes."""
        output, workbook = self._workbook()
        fill(workbook, records, **kwargs)
        workbook.close()
        return output.getvalue()

    @api.model
    def _styles(self, workbook):
        base = {"font_name": "Times New Roman", "font_size": 12, "valign": "vcenter"}

        def style(**kwargs):
            return workbook.add_format(dict(base, **kwargs))

        cell = {"border": 1, "text_wrap": True}
        return {
            "title": style(bold=True, align="center", font_size=13, text_wrap=True),
            "subtitle": style(italic=True, align="center"),
            "bold": style(bold=True),
            "normal": style(),
            "italic": style(italic=True),
            "italic_center": style(italic=True, align="center"),
            "bold_center": style(bold=True, align="center"),
            "center": style(align="center"),
            "header": style(bold=True, align="center", **cell),
            "cell": style(**cell),
            "cell_center": style(align="center", **cell),
            "cell_bold": style(bold=True, **cell),
            "cell_bold_center": style(bold=True, align="center", **cell),
            "number": style(align="center", border=1),
            "number_bold": style(align="center", bold=True, border=1),
            "score": style(num_format="0.00", border=1),
            "date": style(num_format="dd/mm/yyyy", border=1, align="center"),
            # fragments of rich strings
            "frag_normal": style(),
            "frag_bold": style(bold=True),
            "frag_italic": style(italic=True),
            "frag_bold_italic": style(bold=True, italic=True),
        }

    @api.model
    def _write_text(self, sheet, row, col, text, fmt):
        if text:
            sheet.write_string(row, col, safe_text(text), fmt)
        else:
            sheet.write_blank(row, col, None, fmt)

    @api.model
    def _write_number(self, sheet, row, col, value, fmt):
        if value is None or value is False:
            sheet.write_blank(row, col, None, fmt)
        else:
            sheet.write_number(row, col, float(value), fmt)

    # ------------------------------------------------------------------
    # Phụ lục 2
    # ------------------------------------------------------------------
    @api.model
    def phu_luc_2(self, assessments):
        """Phụ lục 2 of each assessment, one sheet per unit, as the PDF."""
        return self._bytes(self._fill_phu_luc_2, assessments)

    @api.model
    def _fill_phu_luc_2(self, workbook, assessments):
        assessments = self._assessments(assessments)
        forms = self.env["learning.unit.report.data"]._phu_luc_2(assessments)
        plans = {
            period.id: period._lu_plan_citation(blank=True)
            for period in assessments.period_id
        }
        styles = self._styles(workbook)
        used = set()
        for form in forms:
            form = dict(form, plan=plans[form["assessment"].period_id.id])
            suffix = f" {form['year']}" if len(assessments.period_id) > 1 else ""
            sheet = workbook.add_worksheet(_sheet_name(form["unit"], used, suffix))
            self._write_phu_luc_2_sheet(sheet, form, styles)
        if not forms:
            workbook.add_worksheet()

    @api.model
    def _write_phu_luc_2_sheet(self, sheet, form, styles):
        year = form["year"]
        show_review = form["show_review"]
        last = 4 if show_review else 3
        sheet.set_paper(9)  # A4
        sheet.set_portrait()
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.8, right=0.5, top=0.6, bottom=0.6)
        sheet.set_column(0, 0, 9)
        sheet.set_column(1, 1, 62)
        sheet.set_column(2, last, 12)
        row = 0
        sheet.merge_range(row, 0, row, last, "PHỤ LỤC 2", styles["bold_center"])
        row += 1
        sheet.merge_range(
            row,
            0,
            row,
            last,
            safe_text(f"(Kèm theo {form['plan']})"),
            styles["italic_center"],
        )
        row += 2
        sheet.merge_range(row, 0, row, last, "BÁO CÁO", styles["title"])
        row += 1
        sheet.merge_range(
            row,
            0,
            row,
            last,
            f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI “ĐƠN VỊ HỌC TẬP” NĂM {year}",
            styles["title"],
        )
        row += 2
        sheet.merge_range(row, 0, row, last, "", styles["normal"])
        if form["unit"]:
            sheet.write_rich_string(
                row,
                0,
                styles["frag_bold"],
                "I. Đơn vị: ",
                styles["frag_normal"],
                safe_text(form["unit"]),
                styles["normal"],
            )
        else:
            sheet.write_string(row, 0, "I. Đơn vị:", styles["bold"])
        row += 1
        sheet.merge_range(
            row, 0, row, last, "II. Kết quả đánh giá, xếp loại", styles["bold"]
        )
        row += 1
        header_row = row
        headers = ["STT", "Nội dung tiêu chí", "Điểm số tối đa", "Điểm tự chấm"]
        if show_review:
            headers.append("Điểm đoàn kiểm tra")
        for col, title in enumerate(headers):
            sheet.write_string(row, col, title, styles["header"])
        sheet.set_row(row, 32)
        sheet.repeat_rows(header_row)
        row += 1
        for line in form["rows"]:
            group = line["is_group"]
            text_style = styles["cell_bold"] if group else styles["cell"]
            number_style = styles["number_bold"] if group else styles["number"]
            self._write_text(
                sheet,
                row,
                0,
                line["label"],
                styles["cell_bold_center"] if group else styles["cell_center"],
            )
            self._write_criterion_text(sheet, row, line, text_style, styles)
            self._write_number(sheet, row, 2, line["max"], number_style)
            self._write_number(sheet, row, 3, line["self"], number_style)
            if show_review:
                self._write_number(sheet, row, 4, line["review"], number_style)
            row += 1
        sheet.merge_range(
            row, 0, row, 1, "Tổng cộng số điểm tối đa", styles["cell_bold"]
        )
        self._write_number(sheet, row, 2, form["max_total"], styles["number_bold"])
        self._write_number(sheet, row, 3, form["self_total"], styles["number_bold"])
        if show_review:
            self._write_number(
                sheet, row, 4, form["review_total"], styles["number_bold"]
            )
        row += 1
        sheet.merge_range(row, 0, row, 1, "Xếp loại", styles["cell_bold"])
        sheet.write_blank(row, 2, None, styles["cell"])
        self._write_text(sheet, row, 3, form["self_rank"], styles["cell_bold_center"])
        if show_review:
            self._write_text(
                sheet, row, 4, form["review_rank"], styles["cell_bold_center"]
            )
        row += 2
        sheet.merge_range(
            row, 1, row, last, safe_text(form["place_date"]), styles["italic_center"]
        )
        row += 1
        sheet.merge_range(row, 1, row, last, "THỦ TRƯỞNG ĐƠN VỊ", styles["bold_center"])
        row += 4
        sheet.merge_range(
            row, 1, row, last, safe_text(form["head_name"]), styles["bold_center"]
        )

    @api.model
    def _write_criterion_text(self, sheet, row, line, cell_style, styles):
        name, hint = line["name"], line["hint"]
        if not hint:
            self._write_text(sheet, row, 1, name, cell_style)
            return
        plain = styles["frag_bold"] if line["is_group"] else styles["frag_normal"]
        fragments = []
        if name:
            fragments += [plain, f"{safe_text(name)} ("]
        else:
            fragments += [plain, "("]
        fragments += [styles["frag_italic"], hint, plain, ")"]
        sheet.write_rich_string(row, 1, *fragments, cell_style)

    # ------------------------------------------------------------------
    # district summary
    # ------------------------------------------------------------------
    @api.model
    def district_summary(self, assessments, periods=None):
        """One sheet per period: a row per unit, then the counts per rank."""
        return self._bytes(self._fill_district_summary, assessments, periods=periods)

    @api.model
    def _fill_district_summary(self, workbook, assessments, periods=None):
        assessments = self._assessments(assessments)
        sections = self.env["learning.unit.report.data"]._district_summary(
            assessments, periods=periods
        )
        styles = self._styles(workbook)
        used = set()
        for section in sections:
            sheet = workbook.add_worksheet(
                _sheet_name(section["period"].name, used, f" {section['period'].year}")
                if len(section["period"].name or "") > 31
                else _sheet_name(section["period"].name, used)
            )
            self._write_summary_sheet(sheet, section, styles)
        if not sections:
            workbook.add_worksheet()

    @api.model
    def _summary_headers(self):
        return [
            *self.env["learning.unit.documents"]._summary_headers(),
            self.env._("Submitted On"),
        ]

    @api.model
    def _write_summary_sheet(self, sheet, section, styles):
        headers = self._summary_headers()
        last = len(headers) - 1
        sheet.set_paper(9)
        sheet.set_portrait()
        sheet.fit_to_pages(1, 0)
        sheet.set_column(0, 0, 6)
        sheet.set_column(1, 1, 40)
        sheet.set_column(2, last, 14)
        sheet.merge_range(0, 0, 0, last, safe_text(section["title"]), styles["title"])
        sheet.merge_range(
            1, 0, 1, last, safe_text(section["subtitle"]), styles["italic_center"]
        )
        row = 3
        for col, title in enumerate(headers):
            sheet.write_string(row, col, title, styles["header"])
        sheet.freeze_panes(row + 1, 0)
        sheet.repeat_rows(row)
        first_data = row + 1
        row += 1
        for number, line in enumerate(section["rows"], start=1):
            sheet.write_number(row, 0, number, styles["cell_center"])
            self._write_text(sheet, row, 1, line["unit"], styles["cell"])
            sheet.write_number(row, 2, line["self_total"], styles["score"])
            self._write_text(sheet, row, 3, line["self_rank_label"], styles["cell"])
            self._write_number(sheet, row, 4, line["review_total"], styles["score"])
            self._write_text(sheet, row, 5, line["review_rank_label"], styles["cell"])
            self._write_text(sheet, row, 6, line["state_label"], styles["cell"])
            self._write_text(sheet, row, 7, line["timing_label"], styles["cell"])
            if line["submitted_date"]:
                sheet.write_datetime(row, 8, line["submitted_date"], styles["date"])
            else:
                sheet.write_blank(row, 8, None, styles["cell"])
            row += 1
        if section["rows"]:
            sheet.autofilter(first_data - 1, 0, row - 1, last)
        row += 1
        sheet.write_string(row, 1, self.env._("Rank"), styles["header"])
        sheet.write_string(row, 2, self.env._("Self-assessment"), styles["header"])
        sheet.write_string(row, 3, self.env._("Review"), styles["header"])
        row += 1
        for count in section["counts"]:
            sheet.write_string(row, 1, count["label"], styles["cell"])
            sheet.write_number(row, 2, count["self"], styles["cell_center"])
            sheet.write_number(row, 3, count["review"], styles["cell_center"])
            row += 1
        sheet.write_string(row, 1, self.env._("Total"), styles["cell_bold"])
        sheet.write_number(row, 2, section["unit_count"], styles["cell_bold_center"])
        sheet.write_number(row, 3, section["unit_count"], styles["cell_bold_center"])

    # ------------------------------------------------------------------
    # member evidence
    # ------------------------------------------------------------------
    @api.model
    def _member_columns(self, assessments):
        """``[(key, title, kind)]`` of the member evidence sheet.

        ``kind`` is ``id``, ``info`` (shown, not imported), ``employee`` (checked
        on import), ``bool`` or ``text``.
        """
        Member = self.env["learning.unit.member"]

        def label(field_name):
            return Member._fields[field_name]._description_string(self.env)

        columns = [
            ("id", self.env._("Member ID"), "id"),
            ("assessment", self.env._("Assessment"), "info"),
            ("department", self.env._("Department"), "info"),
            ("employee", self.env._("Employee"), "employee"),
            ("job_title", label("job_title"), "info"),
        ]
        kinds = {
            criterion.member_field
            for criterion in assessments.template_id.criterion_ids
            if criterion.member_field
        }
        columns += [
            (kind.field, label(kind.field), "bool")
            for kind in EVIDENCE_KINDS
            if kind.field in kinds
        ]
        columns.append(("note", label("note"), "text"))
        return columns

    @api.model
    def member_evidence(self, assessments):
        """The evidence of every member of the assessments the user may read.

        Yes/no columns hold 1 or 0; the same layout is read back by the
        member evidence import.
        """
        return self._bytes(self._fill_member_evidence, assessments)

    @api.model
    def _fill_member_evidence(self, workbook, assessments):
        assessments = self._assessments(assessments)
        assessments.check_access("read")
        members = self.env["learning.unit.member"].search(
            [("assessment_id", "in", assessments.ids)]
        )
        members.fetch(
            [
                "assessment_id",
                "employee_id",
                "name",
                "job_title",
                "department_id",
                "note",
                *(kind.field for kind in EVIDENCE_KINDS),
            ]
        )
        members.assessment_id.fetch(["name", "year", "department_id"])
        members.department_id.fetch(["name"])
        members = members.sorted(
            lambda m: (m.assessment_id.name or "", m.name or "", m.id)
        )
        columns = self._member_columns(assessments)
        styles = self._styles(workbook)
        sheet = workbook.add_worksheet(
            _sheet_name(self.env._("Member Evidence"), set())
        )
        self._write_member_sheet(sheet, members, columns, styles)

    @api.model
    def _write_member_sheet(self, sheet, members, columns, styles):
        last = len(columns) - 1
        for col, (key, title, kind) in enumerate(columns):
            sheet.write_string(MEMBER_KEY_ROW, col, key)
            sheet.write_string(MEMBER_HEADER_ROW, col, title, styles["header"])
            width = {"id": 10, "info": 24, "employee": 28, "text": 30}.get(kind, 12)
            sheet.set_column(col, col, width)
        sheet.set_row(MEMBER_KEY_ROW, None, None, {"hidden": True})
        sheet.set_row(MEMBER_HEADER_ROW, 45)
        sheet.freeze_panes(MEMBER_FIRST_ROW, 4)
        row = MEMBER_FIRST_ROW
        for member in members:
            values = {
                "id": member.id,
                "assessment": member.assessment_id.name or "",
                "department": member.department_id.name or "",
                "employee": member.name or "",
                "job_title": member.job_title or "",
                "note": member.note or "",
            }
            for kind in EVIDENCE_KINDS:
                values[kind.field] = 1 if member[kind.field] else 0
            for col, (key, _title, kind) in enumerate(columns):
                value = values[key]
                if kind in ("id", "bool"):
                    sheet.write_number(row, col, value, styles["cell_center"])
                else:
                    self._write_text(sheet, row, col, value, styles["cell"])
            row += 1
        bool_cols = [i for i, column in enumerate(columns) if column[2] == "bool"]
        if members and bool_cols:
            sheet.data_validation(
                MEMBER_FIRST_ROW,
                bool_cols[0],
                row - 1,
                bool_cols[-1],
                {
                    "validate": "list",
                    "source": ["1", "0"],
                    "error_message": self.env._("Enter 1 (yes) or 0 (no)."),
                },
            )
        sheet.autofilter(MEMBER_HEADER_ROW, 0, max(row - 1, MEMBER_HEADER_ROW), last)

    # ------------------------------------------------------------------
    # report upward and province roll-up
    # ------------------------------------------------------------------
    @api.model
    def upward_report(self, reports):
        """One sheet per report upward: every unit of the scope, then totals."""
        return self._bytes(self._fill_upward_report, reports)

    @api.model
    def _fill_upward_report(self, workbook, reports):
        Documents = self.env["learning.unit.documents"]
        styles = self._styles(workbook)
        used = set()
        for data in Documents.upward_data(reports):
            report = data["report"]
            name = report.number_text or report.body_id.short_name or "BC"
            sheet = workbook.add_worksheet(_sheet_name(name, used, f" {report.year}"))
            self._write_upward_sheet(sheet, data, styles)
        if not used:
            workbook.add_worksheet()

    @api.model
    def _write_upward_sheet(self, sheet, data, styles):
        from ..reports.learning_unit_documents import TIMING_WORDS

        report = data["report"]
        totals = data["totals"]
        headers = ["STT", "Đơn vị", "Tự đánh giá", "Thẩm định", "Hồ sơ", "Công nhận"]
        last = len(headers) - 1
        sheet.set_paper(9)
        sheet.set_portrait()
        sheet.fit_to_pages(1, 0)
        sheet.set_column(0, 0, 6)
        sheet.set_column(1, 1, 42)
        sheet.set_column(2, last, 20)
        sheet.merge_range(
            0,
            0,
            0,
            last,
            safe_text((report.body_id.name or "").upper()),
            styles["bold"],
        )
        sheet.merge_range(1, 0, 1, last, "BÁO CÁO", styles["title"])
        sheet.merge_range(
            2, 0, 2, last, safe_text(report.summary or ""), styles["title"]
        )
        sheet.merge_range(
            3,
            0,
            3,
            last,
            safe_text(f"Số: {report.number_text}" if report.number_text else "Dự thảo"),
            styles["italic_center"],
        )
        row = 5
        for col, title in enumerate(headers):
            sheet.write_string(row, col, title, styles["header"])
        sheet.freeze_panes(row + 1, 0)
        sheet.repeat_rows(row)
        first = row
        row += 1
        for number, line in enumerate(data["rows"], start=1):
            sheet.write_number(row, 0, number, styles["cell_center"])
            self._write_text(sheet, row, 1, line["unit"], styles["cell"])
            self._write_text(
                sheet,
                row,
                2,
                line["self"] or ("Không gửi hồ sơ" if not line["filed"] else ""),
                styles["cell"],
            )
            self._write_text(sheet, row, 3, line["review"], styles["cell"])
            self._write_text(
                sheet, row, 4, TIMING_WORDS[line["timing"]], styles["cell"]
            )
            self._write_text(
                sheet, row, 5, line["decision"] or "Chưa công nhận", styles["cell"]
            )
            row += 1
        if data["rows"]:
            sheet.autofilter(first, 0, row - 1, last)
        row += 1
        sheet.write_string(row, 1, "Kết quả", styles["header"])
        sheet.write_string(row, 2, "Số đơn vị", styles["header"])
        row += 1
        for _key, label, count in totals["results"]:
            sheet.write_string(row, 1, label, styles["cell"])
            sheet.write_number(row, 2, count, styles["cell_center"])
            row += 1
        for label, value in (
            ("Chưa có kết quả thẩm định", totals["no_result"]),
            ("Đúng hạn", totals["on_time"]),
            ("Trễ hạn", totals["late"]),
            ("Không gửi hồ sơ", totals["not_filed"]),
            ("Đã công nhận", totals["recognised"]),
        ):
            sheet.write_string(row, 1, label, styles["cell"])
            sheet.write_number(row, 2, value, styles["cell_center"])
            row += 1
        sheet.write_string(row, 1, "Tổng cộng", styles["cell_bold"])
        sheet.write_number(row, 2, totals["units"], styles["cell_bold_center"])

    @api.model
    def province_rollup(self, periods):
        """One sheet per period: a row per reviewing body, then the total."""
        return self._bytes(self._fill_province_rollup, periods)

    @api.model
    def _fill_province_rollup(self, workbook, periods):
        Documents = self.env["learning.unit.documents"]
        styles = self._styles(workbook)
        used = set()
        for data in Documents.rollup_data(periods):
            period = data["period"]
            sheet = workbook.add_worksheet(
                _sheet_name("Tổng hợp", used, f" {period.year}")
            )
            keys = Documents._result_keys(data["scheme"])
            headers = [
                "STT",
                "Cơ quan thẩm định",
                "Số đơn vị",
                "Đúng hạn",
                "Trễ hạn",
                "Không gửi",
                *(label for _key, label in keys),
                "Đã công nhận",
            ]
            last = len(headers) - 1
            sheet.set_paper(9)
            sheet.set_landscape()
            sheet.fit_to_pages(1, 0)
            sheet.set_column(0, 0, 6)
            sheet.set_column(1, 1, 40)
            sheet.set_column(2, last, 12)
            sheet.merge_range(0, 0, 0, last, "BÁO CÁO TỔNG HỢP", styles["title"])
            sheet.merge_range(
                1,
                0,
                1,
                last,
                f"Kết quả đánh giá, công nhận “Đơn vị học tập” năm {period.year}",
                styles["title"],
            )
            row = 3
            for col, title in enumerate(headers):
                sheet.write_string(row, col, title, styles["header"])
            row += 1

            def write(row, totals, style, sheet=sheet):
                values = [
                    totals["units"],
                    totals["on_time"],
                    totals["late"],
                    totals["not_filed"],
                    *(count for _k, _l, count in totals["results"]),
                    totals["recognised"],
                ]
                for col, value in enumerate(values, start=2):
                    sheet.write_number(row, col, value, style)

            for number, line in enumerate(data["lines"], start=1):
                sheet.write_number(row, 0, number, styles["cell_center"])
                self._write_text(sheet, row, 1, line["body"].name, styles["cell"])
                write(row, line["totals"], styles["cell_center"])
                row += 1
            sheet.write_blank(row, 0, None, styles["cell_bold"])
            sheet.write_string(row, 1, "Tổng cộng", styles["cell_bold"])
            write(row, data["totals"], styles["cell_bold_center"])
        if not used:
            workbook.add_worksheet()
