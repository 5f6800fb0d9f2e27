# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A document as a list of blocks, printed to PDF (QWeb), DOCX and XLSX alike.

Every document the addon prints is built once as plain data (dicts of text
runs, tables and a signature), then laid out by the QWeb template
``learning_unit.nd30_document`` for the PDF, by :mod:`.render_docx` for the
DOCX and by :mod:`.render_xlsx` for the XLSX: they hold the same text. The
layout is that of Nghị định 30/2020/NĐ-CP (header of two columns, number and
date, type and summary, signature block, "Nơi nhận").

Blocks (``type``):

* ``header``: ``superior``, ``issuer`` (the issuing body, bold), ``number``
  ("Số: 15/QĐ-UBND"), ``place_date`` (italic), under the national name and
  motto;
* ``p``: a paragraph of ``runs`` (``text``, ``b``, ``i``), ``align``
  (left/center/right/justify), ``indent`` (first line), ``size`` (pt) and an
  optional ``cls`` (HTML class);
* ``rule``: the short line under a document's title;
* ``table``: ``columns`` (``width`` in % and ``align``), ``head`` rows and
  ``rows`` of cells (``runs``, ``align``, ``colspan``, ``b`` and, for the
  sheet, a typed ``value``: a number or a date), a row may be bold (``b``, the
  ``cls`` o_lu_group: a group of criteria, a total) and have a ``code``; a
  ``listing`` (a list of records) is filtered and frozen in the sheet, which
  also shows the ``sheet_columns`` the paper has no room for (a row's
  ``sheet_cells``) and offers a column's ``choices`` as a list;
* ``signature``: ``recipients`` (lines of "Nơi nhận", or None) and
  ``signers`` (``place_date``, ``lines`` in bold upper case, ``name``);
* ``page_break``.

A document also names its ``sheet`` in the XLSX.

A document's texts come from everywhere (the addon's fields, names from HR,
the company): each block cleans the texts it is made of of the control characters a
PDF drops or a DOCX refuses (Word's line break U+000B...), as the addon's
fields are cleaned when stored. Such a line break becomes a space, as the
PDF shows it, so both print the same words.
"""

from markupsafe import Markup, escape

from ..models.learning_unit_value_mixin import clean_text
from ..vn_format import rounded, vn_number

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


def printable(text):
    """``text`` without what a PDF drops or a DOCX refuses (see above)."""
    return clean_text(text or "", multiline=False)


def run(text, b=False, i=False):
    return {"text": printable(text), "b": bool(b), "i": bool(i)}


def runs_html(runs):
    """Runs as HTML: the escaped texts in ``<b>`` and ``<i>``.

    The PDF template prints a cell's runs with it in one expression: a
    template called per cell costs more than the rest of the document.
    """
    parts = []
    for part in runs:
        html = escape(part["text"])
        if part["i"]:
            html = Markup("<i>%s</i>") % html
        if part["b"]:
            html = Markup("<b>%s</b>") % html
        parts.append(html)
    return Markup("").join(parts)


def runs_of(content, b=False, i=False):
    """``content`` as runs: a text, a run, or a list of texts and runs."""
    if content is None:
        return []
    if isinstance(content, str):
        return [run(content, b, i)]
    if isinstance(content, dict):
        return [content]
    result = []
    for part in content:
        result += runs_of(part, b, i)
    return result


def para(content, align="justify", b=False, i=False, indent=False, size=None, cls=None,
         space_before=0):  # fmt: skip
    return {
        "type": "p",
        "runs": runs_of(content, b, i),
        "align": align,
        "indent": indent,
        "size": size,
        "cls": cls,
        "space_before": space_before,
    }


def center(content, b=False, i=False, size=None, cls=None, space_before=0):
    return para(
        content, "center", b=b, i=i, size=size, cls=cls, space_before=space_before
    )


def text_lines(text, **kwargs):
    """One justified, indented paragraph per line of ``text``."""
    kwargs.setdefault("indent", True)
    return [para(line, **kwargs) for line in (text or "").splitlines() if line.strip()]


def header(superior="", issuer="", number="", place_date=""):
    return {
        "type": "header",
        "superior": printable(superior),
        "issuer_lines": [
            printable(line) for line in (issuer or "").splitlines() if line
        ],
        "number": printable(number),
        "place_date": printable(place_date),
        "national": NATIONAL_NAME,
        "national_motto": NATIONAL_MOTTO,
    }


def draft_mark():
    """ "DỰ THẢO" at the top of a draft, bold, on the right."""
    return para("DỰ THẢO", "right", b=True, size=14, cls="o_lu_draft_mark")


def title(kind, summary=()):
    """The document type (bold, upper case) and its summary lines (bold)."""
    blocks = [center(kind, b=True, size=14, cls="o_lu_title", space_before=12)]
    summary = [summary] if isinstance(summary, str) else list(summary)
    for line in summary:
        blocks.append(center(line, b=True, size=14, cls="o_lu_title"))
    if summary:
        blocks.append({"type": "rule"})
    return blocks


def cell(content="", align=None, colspan=1, b=False, i=False, value=None):
    """A table cell; ``value`` is what the sheet holds (a number, a date;
    False, as Odoo reads an empty field, is no value)."""
    return {
        "runs": runs_of(content, b=b, i=i),
        "align": align,
        "colspan": colspan,
        "b": b,
        "value": None if value is False else value,
    }


def number(value, decimals=2, **kwargs):
    """A cell of a number: ``9,5`` on paper, the number 9.5 in the sheet."""
    if value is None or value is False:
        return cell("", **kwargs)
    return cell(vn_number(value, decimals), value=rounded(value, decimals), **kwargs)


def column(width, align, title=None, choices=None):
    title = printable(title)
    return {"width": width, "align": align, "title": title, "choices": choices}


def table(columns, head, rows, size=12, cls="o_lu_table", listing=False,
          sheet_columns=()):  # fmt: skip
    """``columns``: [(width %, align) or column()]; ``head``: rows of cells or
    texts; ``sheet_columns``: column()s with a title, shown in the XLSX only."""

    def as_cell(value):
        return value if isinstance(value, dict) else cell(value, b=True)

    columns = [c if isinstance(c, dict) else column(*c) for c in columns]
    head = [[as_cell(value) for value in line] for line in head]
    if head:
        col = 0
        for value in head[0]:
            span = value["colspan"]
            widths = [c["width"] for c in columns[col : col + span]]
            value["width"] = sum(w for w in widths if w) or None
            col += span
    return {
        "type": "table",
        "columns": columns,
        "head": head,
        "rows": rows,
        "size": size,
        "cls": cls,
        "listing": listing,
        "sheet_columns": list(sheet_columns),
    }


def row(cells, group=False, code=None, sheet_cells=()):
    """A row of ``cells``; a ``group`` row (of a group of criteria, of the
    totals) is bold; ``code``: the criterion's."""
    return {
        "cells": cells,
        "b": group,
        "cls": "o_lu_group" if group else None,
        "code": code,
        "sheet_cells": list(sheet_cells),
    }


def signer_lines(signer):
    """The bold lines above the signature: "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"."""
    lines = []
    prefix = (signer.get("prefix") or "").strip()
    authority = (signer.get("authority") or "").strip()
    if prefix or authority:
        authority_lines = authority.upper().splitlines() or [""]
        first = f"{prefix} {authority_lines[0]}".strip()
        lines += [first, *authority_lines[1:]]
    lines += [line for line in (signer.get("title") or "").upper().splitlines() if line]
    return lines


def signer(lines=(), name="", place_date=""):
    return {
        "lines": [printable(line) for line in lines if line],
        "name": printable(name),
        "place_date": printable(place_date),
    }


def signature(signers, recipients=None):
    return {
        "type": "signature",
        "recipients": None if recipients is None else list(map(printable, recipients)),
        "signers": list(signers),
    }


def recipient_lines(lines):
    """ "Nơi nhận" lines as printed: "- Như trên;" … "- Lưu: VT."."""
    lines = [line.strip().lstrip("-").strip() for line in lines if line.strip()]
    result = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        end = "." if last else ";"
        if line[-1:] in ";.,":
            line = line[:-1]
        result.append(f"- {line}{end}")
    return result


def page_break():
    return {"type": "page_break"}


def document(name, blocks, cls="", sheet=None, sheet_suffix=""):
    """A document: its file name (without extension), its blocks and the name
    of its sheet (``sheet_suffix``, e.g. the year, is kept whole)."""
    return {
        "name": printable(name),
        "blocks": blocks,
        "cls": cls,
        "sheet": printable(sheet or name),
        "sheet_suffix": sheet_suffix,
    }
