# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The documents of :mod:`.blocks` as XLSX: one sheet per document.

The same blocks as the PDF and the DOCX, written into the workbook of OCA
report_xlsx (whose workbook renames a sheet whose name is taken) on a grid
of columns: those of the document's widest table. A paragraph spans the grid;
a narrower table's columns, the header's and the signature's span the grid
columns nearest to their widths. A cell's typed ``value`` (a number, a date)
is written as such beside its text, so numbers stay numbers. A text is never
a formula (the workbook's options), and one a spreadsheet would run as a
formula once edited is written with an apostrophe before it.
"""

import datetime
import math
import re
from numbers import Number

WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
}
FONT = "Times New Roman"
CHARS_PER_PERCENT = 1.1  # column width (characters) per % of the text width
LINE_HEIGHT = 16  # points per line of 12 pt text
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_DASH = re.compile(r"-\s")
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
BLANK_SIGNATURE_LINES = 3


def safe_text(text):
    """``text`` as a spreadsheet shows it, never run as a formula once edited.

    A list dash ("- Như trên;") stays as it is; any other text starting as a
    formula would gets an apostrophe.
    """
    if text.startswith(FORMULA_STARTS) and not LIST_DASH.match(text):
        return "'" + text
    return text


def sheet_name(name, suffix=""):
    """``name`` as a sheet may be named: at most 31 characters with ``suffix``
    kept whole, none of ``[]:*?/\\``, no apostrophe at either end."""
    name = " ".join(SHEET_NAME_FORBIDDEN.sub(" ", name or "").split()).strip("'")
    return (name[: 31 - len(suffix)].rstrip(" '") + suffix)[:31]


def _columns(table):
    return table["columns"] + table["sheet_columns"]


def _spans(widths, grid):
    """The grid columns ``[start, end)`` each column of ``widths`` spans."""
    if len(widths) >= len(grid):
        return [(index, index + 1) for index in range(len(widths))]
    bounds, total, done = [], sum(grid), 0
    for width in grid:
        done += width
        bounds.append(done / total)
    spans, start, done, total = [], 0, 0, sum(widths) or 1
    for index, width in enumerate(widths):
        done += width
        left = len(widths) - index - 1
        ends = range(start + 1, len(grid) - left + 1)
        end = min(ends, key=lambda e: abs(bounds[e - 1] - done / total))
        spans.append((start, end if left else len(grid)))
        start = spans[-1][1]
    return spans


def _text(runs):
    return runs[0]["text"] if len(runs) == 1 else "".join(r["text"] for r in runs)


def _lines(text, chars):
    """How many lines ``text`` takes in a cell ``chars`` characters wide."""
    if len(text) <= chars and "\n" not in text:
        return 1
    return sum(max(1, math.ceil(len(line) / chars)) for line in text.split("\n"))


class SheetWriter:
    """Writes documents into ``workbook``, one sheet each."""

    def __init__(self, workbook):
        self.workbook = workbook
        self.formats = {}

    def format(self, size=12, bold=False, italic=False, align=None, border=0,
               wrap=False, date=False, quote=False):  # fmt: skip
        """The workbook's format of these properties, made once."""
        key = (size, bold, italic, align, border, wrap, date, quote)
        fmt = self.formats.get(key)
        if fmt is None:
            props = {"font_name": FONT, "font_size": size, "valign": "vcenter",
                     "bold": bold, "italic": italic, "border": border,
                     "text_wrap": wrap, "quote_prefix": quote}  # fmt: skip
            if align:
                props["align"] = align
            if date:
                props["num_format"] = "dd/mm/yyyy"
            fmt = self.formats[key] = self.workbook.add_format(props)
        return fmt

    # ------------------------------------------------------------------
    def add_document(self, doc):
        self.sheet = self.workbook.add_worksheet(
            sheet_name(doc["sheet"], doc["sheet_suffix"])
        )
        tables = [block for block in doc["blocks"] if block["type"] == "table"]
        widest = max(tables, key=lambda t: len(_columns(t)), default=None)
        self.grid = [c["width"] or 10 for c in _columns(widest)] if widest else [40, 60]
        for index, width in enumerate(self.grid):
            self.sheet.set_column(index, index, round(width * CHARS_PER_PERCENT, 1))
        self.sheet.set_paper(9)  # A4
        if sum(self.grid) * CHARS_PER_PERCENT > 130:
            self.sheet.set_landscape()
        self.sheet.fit_to_pages(1, 0)
        self.sheet.set_margins(left=1.18, right=0.59, top=0.79, bottom=0.79)
        self.row = 0
        self.breaks = []
        for block in doc["blocks"]:
            getattr(self, f"_block_{block['type']}")(block)
        if self.breaks:
            self.sheet.set_h_pagebreaks(self.breaks)

    def _chars(self, first, end, size):
        """How many characters of ``size`` points grid columns first..end hold."""
        return max(sum(self.grid[first:end]) * CHARS_PER_PERCENT * 12 / size, 1)

    def _height(self, row, lines, size):
        if lines > 1:
            self.sheet.set_row(row, lines * LINE_HEIGHT * size / 12)

    def _write(self, row, first, last, cell, style):
        """``cell`` (runs, a typed value) into grid columns first..last; its text.

        ``style``: the format's properties but the runs' bold and italic.
        """
        value, runs = cell.get("value"), cell["runs"]
        text = _text(runs)
        shown = [part for part in runs if part["text"]]
        uniform = len({(part["b"], part["i"]) for part in shown}) <= 1
        if uniform and shown:
            style = dict(style, italic=style.get("italic") or shown[0]["i"])
            style["bold"] = style.get("bold") or shown[0]["b"]
        is_date = isinstance(value, datetime.date)
        quote = text.startswith(FORMULA_STARTS) and bool(LIST_DASH.match(text))
        fmt = self.format(date=is_date, quote=quote, **style)
        sheet = self.sheet
        if last > first:
            sheet.merge_range(row, first, row, last, "", fmt)
        if isinstance(value, bool):
            sheet.write_boolean(row, first, value, fmt)
        elif isinstance(value, Number):
            sheet.write_number(row, first, float(value), fmt)
        elif is_date:
            sheet.write_datetime(row, first, value, fmt)
        elif not text:
            sheet.write_blank(row, first, None, fmt)
        elif uniform:
            sheet.write_string(row, first, safe_text(text), fmt)
        else:
            fragments = []
            for part in shown:
                font = self.format(
                    style.get("size", 12), style.get("bold") or part["b"], part["i"]
                )
                fragments += [
                    font,
                    safe_text(part["text"]) if not fragments else part["text"],
                ]
            sheet.write_rich_string(row, first, *fragments, fmt)
        return text

    def _write_columns(self, widths, columns, size=12):
        """Columns of lines side by side (the header, the signature).

        ``columns``: for each of ``widths``, ``[(text, style)]``.
        """
        spans = _spans(widths, self.grid)
        for offset in range(max((len(lines) for lines in columns), default=0)):
            for (first, end), lines in zip(spans, columns, strict=True):
                if offset < len(lines):
                    text, style = lines[offset]
                    style = dict({"align": "center", "size": size}, **style)
                    cell = {"runs": [{"text": text, "b": False, "i": False}]}
                    self._write(self.row + offset, first, end - 1, cell, style)
        self.row += max((len(lines) for lines in columns), default=0) + 1

    # blocks -----------------------------------------------------------
    def _block_header(self, block):
        bold = {"bold": True}
        left = [(block["superior"], {})] if block["superior"] else []
        left += [(line, bold) for line in block["issuer_lines"]]
        right = [(block["national"], bold), (block["national_motto"], bold)]
        rows = max(len(left), len(right))
        left += [("", {})] * (rows - len(left)) + [(block["number"], {})]
        right += [("", {})] * (rows - len(right))
        right.append((block["place_date"], {"italic": True}))
        self._write_columns([40, 60], [left, right])

    def _block_p(self, block):
        size = block["size"] or 12
        style = {"align": block["align"], "wrap": True, "size": size}
        text = self._write(self.row, 0, len(self.grid) - 1, block, style)
        self._height(self.row, _lines(text, self._chars(0, len(self.grid), size)), size)
        self.row += 1

    def _block_rule(self, block):
        pass

    def _block_page_break(self, block):
        self.breaks.append(self.row)

    def _block_table(self, block):
        columns = _columns(block)
        spans = _spans([c["width"] or 10 for c in columns], self.grid)
        size = block["size"]
        titles = [
            {"runs": [{"text": c["title"] or "", "b": True, "i": False}],
             "colspan": 1, "b": True, "align": None}
            for c in block["sheet_columns"]
        ]  # fmt: skip
        head = [
            line + (titles if not i else []) for i, line in enumerate(block["head"])
        ]
        rows = [(line, True) for line in head] + [
            (line["cells"] + line["sheet_cells"], line["b"]) for line in block["rows"]
        ]
        chars = {}  # (first, end): characters a line holds
        first_row = self.row
        for offset, (cells, bold) in enumerate(rows):
            is_head = offset < len(head)
            col, lines, row = 0, 1, first_row + offset
            for cell in cells:
                if col >= len(columns):
                    break
                span = min(cell["colspan"], len(columns) - col)
                first, end = spans[col][0], spans[col + span - 1][1]
                align = cell["align"] or (
                    "center" if is_head else columns[col]["align"]
                )
                style = {"size": size, "bold": bool(bold or cell["b"]), "align": align}
                style.update(border=1, wrap=True)
                text = self._write(row, first, end - 1, cell, style)
                if (first, end) not in chars:
                    chars[first, end] = self._chars(first, end, size)
                lines = max(lines, _lines(text, chars[first, end]))
                col += span
            for rest in range(spans[col - 1][1] if col else 0, spans[-1][1]):
                self.sheet.write_blank(row, rest, None, self.format(size, border=1))
            self._height(row, lines, size)
        self.row = first_row + len(rows) + 1
        if block["listing"] or len(columns) == len(self.grid):
            self.sheet.repeat_rows(first_row, first_row + len(head) - 1)
        if block["listing"]:
            self._listing(block, spans, first_row + len(head), len(block["rows"]))

    def _listing(self, block, spans, first, count):
        """A list of records: filtered, frozen, its choices offered."""
        self.sheet.freeze_panes(first, spans[min(2, len(spans)) - 1][1])
        self.sheet.autofilter(first - 1, 0, first + max(count, 1) - 1, spans[-1][1] - 1)
        for column, (start, _end) in zip(_columns(block), spans, strict=True):
            if column["choices"] and count:
                self.sheet.data_validation(
                    first, start, first + count - 1, start,
                    {"validate": "list", "source": list(column["choices"])},
                )  # fmt: skip

    def _block_signature(self, block):
        recipients, signers = block["recipients"], block["signers"]
        widths, columns = [], []
        if recipients is not None:
            widths.append(45)
            lines = [("Nơi nhận:", {"bold": True, "italic": True, "align": "left"})]
            lines += [(line, {"align": "left", "size": 11}) for line in recipients]
            columns.append(lines)
        for person in signers:
            widths.append(55 / len(signers) if recipients is not None else 1)
            lines = []
            if person["place_date"]:
                lines.append((person["place_date"], {"italic": True}))
            lines += [(line, {"bold": True}) for line in person["lines"]]
            lines += [("", {})] * BLANK_SIGNATURE_LINES
            lines.append((person["name"], {"bold": True}))
            columns.append(lines)
        if columns:
            self._write_columns(widths, columns)


def render_xlsx(workbook, documents):
    """Write ``documents`` into ``workbook``, a sheet each (at least one)."""
    writer = SheetWriter(workbook)
    for doc in documents:
        writer.add_document(doc)
    if not documents:
        workbook.add_worksheet()
