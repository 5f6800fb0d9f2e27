# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The documents of :mod:`.blocks` as a DOCX, to edit before signing.

The same blocks as the PDF, in the layout of Nghị định 30/2020/NĐ-CP: A4,
margins 20 / 20 / 30 / 15 mm, Times New Roman 13 pt, the page number centred
in the header from page 2 on (a different first page).

python-docx refuses a text XML cannot hold (control characters, NUL): every
text is cleaned here too, whatever built the blocks, so a DOCX never fails on
its text.
"""

import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ..models.learning_unit_value_mixin import clean_text

DOCX_MIMETYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
FONT = "Times New Roman"
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    None: None,
}
TEXT_WIDTH_MM = 210 - 30 - 15


def _set_font(run, size=None, bold=None, italic=None):
    run.font.name = FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def _paragraph_border(paragraph, side="bottom"):
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), "6")
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), "000000")
    borders.append(edge)
    p_pr.append(borders)


def _no_table_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    tbl_pr.append(borders)


def _page_field(paragraph):
    run = paragraph.add_run()
    _set_font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


class DocxWriter:
    def __init__(self):
        self.document = Document()
        self.first = True
        style = self.document.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(13)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.space_before = Pt(0)
        self._setup_section(self.document.sections[0])

    def _setup_section(self, section):
        section.page_width = Mm(210)
        section.page_height = Mm(297)
        section.top_margin = Mm(20)
        section.bottom_margin = Mm(20)
        section.left_margin = Mm(30)
        section.right_margin = Mm(15)
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(paragraph)
        section.first_page_header.is_linked_to_previous = False

    # ------------------------------------------------------------------
    def add_document(self, doc):
        if not self.first:
            # each document starts a section of its own: page 1 again
            section = self.document.add_section(WD_SECTION.NEW_PAGE)
            self._setup_section(section)
            section.header.is_linked_to_previous = False
        self.first = False
        for block in doc["blocks"]:
            getattr(self, f"_block_{block['type']}")(block)

    def content(self):
        output = io.BytesIO()
        self.document.save(output)
        return output.getvalue()

    # ------------------------------------------------------------------
    def _runs(self, paragraph, runs, size=None, bold=False):
        for part in runs:
            run = paragraph.add_run(clean_text(part["text"], multiline=False))
            _set_font(run, size, bold or part["b"] or None, part["i"] or None)

    @staticmethod
    def _cell_paragraph(cell):
        """The empty first paragraph of a new cell, then new ones."""
        paragraphs = cell.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0].runs:
            return paragraphs[0]
        return cell.add_paragraph()

    def _cell_text(self, cell, text, bold=False, italic=False, size=13, align="center",
                   underline=False, space_after=0):  # fmt: skip
        paragraph = self._cell_paragraph(cell)
        paragraph.alignment = ALIGN[align]
        paragraph.paragraph_format.space_after = Pt(space_after)
        run = paragraph.add_run(clean_text(text, multiline=False))
        _set_font(run, size, bold or None, italic or None)
        if underline:
            run.underline = True
        return paragraph

    # blocks -----------------------------------------------------------
    def _block_header(self, block):
        table = self.document.add_table(rows=2, cols=2)
        _no_table_borders(table)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        left, right = table.rows[0].cells
        widths = (Mm(TEXT_WIDTH_MM * 0.40), Mm(TEXT_WIDTH_MM * 0.60))
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        if block["superior"]:
            self._cell_text(left, block["superior"], size=12.5)
        for line in block["issuer_lines"]:
            self._cell_text(left, line, bold=True, size=12.5)
        if block["issuer_lines"]:
            rule = self._cell_text(left, "", size=4)
            rule.paragraph_format.left_indent = Mm(TEXT_WIDTH_MM * 0.40 * 0.32)
            rule.paragraph_format.right_indent = Mm(TEXT_WIDTH_MM * 0.40 * 0.32)
            _paragraph_border(rule)
        self._cell_text(right, block["national"], bold=True, size=12.5)
        self._cell_text(right, block["national_motto"], bold=True, underline=True)
        left, right = table.rows[1].cells
        self._cell_text(left, block["number"], space_after=6)
        self._cell_text(right, block["place_date"], italic=True, space_after=6)

    def _block_p(self, block):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = ALIGN.get(block["align"])
        if block["indent"]:
            paragraph.paragraph_format.first_line_indent = Cm(1)
        if block["space_before"]:
            paragraph.paragraph_format.space_before = Pt(block["space_before"])
        self._runs(paragraph, block["runs"], block["size"])

    def _block_rule(self, block):
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(TEXT_WIDTH_MM * 0.36)
        paragraph.paragraph_format.right_indent = Mm(TEXT_WIDTH_MM * 0.36)
        paragraph.paragraph_format.space_after = Pt(8)
        _paragraph_border(paragraph, "top")

    def _block_table(self, block):
        columns = block["columns"]
        count = max(len(columns), 1)
        table = self.document.add_table(rows=0, cols=count)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        size = block["size"]
        all_rows = [(cells, True, None) for cells in block["head"]] + [
            (line["cells"], False, line) for line in block["rows"]
        ]
        for cells, is_head, line in all_rows:
            row = table.add_row()
            col = 0
            for value in cells:
                if col >= count:
                    break
                span = min(value["colspan"], count - col)
                target = row.cells[col]
                if span > 1:
                    target = target.merge(row.cells[col + span - 1])
                align = value["align"] or (
                    "center" if is_head else columns[col]["align"]
                )
                paragraph = target.paragraphs[0]
                paragraph.alignment = ALIGN.get(align)
                paragraph.paragraph_format.space_after = Pt(0)
                bold = is_head or value["b"] or bool(line and line["b"])
                self._runs(paragraph, value["runs"], size, bold)
                col += span
        for row in table.rows:
            for col, column in enumerate(columns):
                if column["width"] and col < len(row.cells):
                    row.cells[col].width = Mm(TEXT_WIDTH_MM * column["width"] / 100)
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)

    def _block_signature(self, block):
        recipients = block["recipients"]
        signers = block["signers"]
        cols = len(signers) + (1 if recipients is not None else 0)
        cols = max(cols, 2 if recipients is not None else 1)
        table = self.document.add_table(rows=1, cols=cols)
        _no_table_borders(table)
        cells = list(table.rows[0].cells)
        if recipients is not None:
            cell = cells.pop(0)
            paragraph = self._cell_text(cell, "Nơi nhận:", bold=True, italic=True,
                                        size=12, align="left")  # fmt: skip
            paragraph.paragraph_format.space_after = Pt(0)
            for line in recipients:
                self._cell_text(cell, line, size=11, align="left")
        for cell, person in zip(cells, signers, strict=False):
            if person["place_date"]:
                self._cell_text(cell, person["place_date"], italic=True, space_after=3)
            for line in person["lines"]:
                self._cell_text(cell, line, bold=True)
            for _blank in range(4):
                self._cell_text(cell, "")
            self._cell_text(cell, person["name"], bold=True)

    def _block_page_break(self, block):
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def render_docx(documents):
    writer = DocxWriter()
    for doc in documents:
        writer.add_document(doc)
    return writer.content()
