"""Fixtures shared by the report and XLSX tests (not a test module itself)."""

import io
import re
import subprocess

import openpyxl
from pypdf import PdfReader

from .system_tools import pdftotext


def plain_text(doc, cells_only=False):
    """Every text of ``doc`` in reading order (tests compare PDF, DOCX, XLSX).

    With ``cells_only``, the texts of the table cells only.
    """
    parts = []
    if cells_only:
        for block in doc["blocks"]:
            if block["type"] == "table":
                for line in block["head"]:
                    parts += ["".join(r["text"] for r in c["runs"]) for c in line]
                for line in block["rows"]:
                    parts += [
                        "".join(r["text"] for r in c["runs"]) for c in line["cells"]
                    ]
        return [part for part in parts if part]

    def runs_text(runs):
        return "".join(r["text"] for r in runs)

    for block in doc["blocks"]:
        kind = block["type"]
        if kind == "header":
            parts += [block["superior"], *block["issuer_lines"]]
            parts += [block["national"], block["national_motto"]]
            parts += [*block["number"].split(), block["place_date"]]
        elif kind == "p":
            parts.append(runs_text(block["runs"]))
        elif kind == "table":
            for line in block["head"]:
                parts += [runs_text(c["runs"]) for c in line]
            for line in block["rows"]:
                parts += [runs_text(c["runs"]) for c in line["cells"]]
        elif kind == "signature":
            if block["recipients"] is not None:
                parts += ["Nơi nhận:", *block["recipients"]]
            for person in block["signers"]:
                parts += [person["place_date"], *person["lines"], person["name"]]
    return [part for part in parts if part]


MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
ADMIN = "learning_unit.group_admin"

# Vietnamese printed as UTF-8 bytes read as Latin-1 (the mojibake of a page
# that lost its charset): "đ" -> "Ä‘", "ể" -> "á»ƒ".
MOJIBAKE = ("Ä‘", "á»", "Ã¡", "Ã©", "áº")

# The annex reference of the forms, from the period's plan (ReportFixture).
PLAN_NOTE = (
    "(Kèm theo Kế hoạch số 206/KH-UBND ngày 28/9/2020 của Ủy ban nhân dân tỉnh Long An)"
)

# Phụ lục 2 of seed 001 (STT, Nội dung tiêu chí, Điểm số tối đa), hints in
# parentheses, then the self score of the unit of ReportFixture (94,5 points).
SEED_TABLE = [
    ("1", "Các điều kiện để xây dựng “Đơn vị học tập”", "30", "28"),
    ("a", "Đơn vị có chủ trương hoặc kế hoạch cho thành viên học tập thường xuyên (Không có chấm 0 điểm)", "10", "10"),
    ("b", "Đơn vị có các quy định cụ thể nhằm động viên thành viên học tập (Không có chấm 0 điểm)", "10", "10"),
    ("c", "Đơn vị quan tâm đầu tư các nguồn lực, bao gồm tài chính, cơ sở vật chất, trang thiết bị và những điều kiện đảm bảo để đáp ứng nhu cầu học tập của thành viên (Thiếu 01 nguồn lực trừ 2 điểm)", "10", "8"),
    ("2", "Về kết quả học tập của thành viên", "30", "28,5"),
    ("a", "100% thành viên trong đơn vị có kế hoạch tự học, tự bồi dưỡng hàng năm được lãnh đạo đơn vị phê duyệt (Giảm 5% trừ 0,5 điểm)", "10", "9"),
    ("b", "100% thành viên trong đơn vị tuân thủ kỷ luật lao động, nội quy làm việc trong đơn vị, có tinh thần hợp tác, đoàn kết và trao đổi (Giảm 10% trừ 0,5 điểm)", "5", "4,5"),
    ("c", "100% thành viên trong đơn vị hoàn thành đầy đủ chương trình học tập, bồi dưỡng bắt buộc theo quy định của nhà nước (Giảm 5% trừ 0,5 điểm)", "10", "10"),
    ("d", "100% thành viên trong đơn vị đạt từ danh hiệu “Lao động tiên tiến” trở lên (Giảm 10% trừ 0,5 điểm)", "5", "5"),
    ("3", "Đánh giá hiệu quả, tác động của xây dựng “Đơn vị học tập”", "40", "38"),
    ("a", "100% thành viên trong đơn vị đáp ứng đầy đủ các năng lực và phẩm chất của Công dân học tập", "25", "25"),
    ("Trong đó", "Có ý thức tuân thủ pháp luật; thực hiện quyền và trách nhiệm công dân đối với gia đình, xã hội (Không có chấm 0 điểm)", "3", "3"),
    ("", "Có cam kết học tập suốt đời để phát triển bản thân (Không có chấm 0 điểm)", "3", "3"),
    ("", "Có ý thức tổ chức việc học tập trong gia đình, dòng họ, cộng đồng (Không có chấm 0 điểm)", "3", "3"),
    ("", "Có lối sống lành mạnh, tôn trọng và hòa hợp với môi trường (Không có chấm 0 điểm)", "3", "3"),
    ("", "Biết sử dụng ngoại ngữ và công nghệ thông tin đáp ứng yêu cầu công việc (Không có chấm 0 điểm)", "3", "3"),
    ("", "Có tư duy phản biện, sáng tạo, tính chủ động và kỹ năng giải quyết vấn đề (Không có chấm 0 điểm)", "3", "3"),
    ("", "Tôn trọng và thực hiện bình đẳng giới (Không có chấm 0 điểm)", "3", "3"),
    ("", "Hiểu rõ, trân trọng sự đa dạng văn hóa và có cách ứng xử văn hóa phù hợp (Không có chấm 0 điểm)", "4", "4"),
    ("b", "Đơn vị đạt từ danh hiệu “Tập thể lao động tiên tiến” trở lên (Không đạt chấm 0 điểm)", "10", "10"),
    ("c", "Góp phần tạo lập môi trường chia sẻ tri thức với các đơn vị khác (Chia sẻ với 01 đơn vị khác chấm đạt 01 điểm)", "5", "3"),
    ("Tổng cộng số điểm tối đa", "100", "94,5"),
    ("Xếp loại", "", "Tốt"),
]  # fmt: skip


def normalize(text):
    """Collapse every run of white space (line breaks included) to one space.

    The space text extraction puts between italics and a closing parenthesis
    is removed.
    """
    return re.sub(r"\s+", " ", text).replace(" )", ")").strip()


def pdf_text(content, layout=False):
    """The text of a PDF by poppler's pdftotext (pages end with a form feed).

    With ``layout`` the text of a table row stays on one line. There is no
    fallback: another extractor orders the text differently.
    """
    result = subprocess.run(
        [pdftotext(), "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8")


def pdf_page_texts(content):
    """The text of each page of a PDF."""
    texts = pdf_text(content).split("\f")
    assert texts[-1].strip() == "", texts[-1]
    return texts[:-1]


def pdf_pages(content):
    """The pages of a PDF as pypdf reads them (for their size)."""
    return PdfReader(io.BytesIO(content)).pages


def workbook(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def sheet_rows(sheet):
    """The sheet's rows as lists of values, trailing empty cells removed."""
    rows = []
    for row in sheet.iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        rows.append(values)
    return rows


def sheet_values(sheet):
    """The sheet's rows as lists of their values, empty cells left out (a
    merged cell holds its value in its first cell), empty rows too."""
    rows = [[value for value in row if value is not None] for row in sheet_rows(sheet)]
    return [row for row in rows if row]


def xlsx_text(content):
    """Every value of every sheet of an XLSX, a line per row, in order."""
    return "\n".join(
        " ".join(str(value) for value in row)
        for sheet in workbook(content).worksheets
        for row in sheet_values(sheet)
    )


def find_row(rows, first_cells):
    """The first row starting with ``first_cells`` (a list of values)."""
    for row in rows:
        if row[: len(first_cells)] == list(first_cells):
            return row
    raise AssertionError(f"no row starting with {first_cells!r}")


class ReportFixture:
    """A district with two units: one scored 94,5 (Tốt), one scored 0."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.city = "Thủ Thừa"
        cls.district = cls.make_unit("Huyện Thủ Thừa", 0)
        # 8 employees + the officer and the member below: 10 members
        cls.unit = cls.make_unit("Phòng Giáo dục và Đào tạo", 8, parent=cls.district)
        cls.unit2 = cls.make_unit("Trường THCS Nhị Thành", 4, parent=cls.district)
        cls.other_district = cls.make_unit("Huyện Bến Lức", 0)
        cls.unit_b = cls.make_unit("Trường THCS Bến Lức", 3, parent=cls.other_district)
        cls.officer = cls.make_user("rp_officer", OFFICER, department=cls.unit)
        cls.member_user = cls.make_user("rp_member", MEMBER, department=cls.unit)
        cls.reviewer = cls.make_user("rp_reviewer", REVIEWER, review=cls.district)
        cls.reviewer_b = cls.make_user(
            "rp_reviewer_b", REVIEWER, review=cls.other_district
        )
        cls.assessment = cls.make_assessment(cls.unit)
        cls.assessment.head_name = "Nguyễn Văn An"
        cls.score_94_5(cls.assessment)
        cls.assessment2 = cls.make_assessment(cls.unit2)
        cls.assessment_b = cls.make_assessment(cls.unit_b)
        # the provincial plan the annexes cite
        cls.province = cls.env["learning.unit.body"].create(
            {
                "name": "Ủy ban nhân dân tỉnh Long An",
                "short_name": "UBND",
                "kind": "province",
                "place": "Long An",
            }
        )
        cls.period.write(
            {
                "plan_number": "206/KH-UBND",
                "plan_date": "2020-09-28",
                "plan_body_id": cls.province.id,
            }
        )

    @classmethod
    def score_94_5(cls, assessment):
        """1: 28 (1c misses one resource), 2: 28,5, 3: 38 (3c shared with 3)."""
        cls.make_full_score(assessment)
        members = assessment.member_ids.sorted("id")
        members[0].plan_approved = False  # 90% -> two 5% steps -> 9
        members[1].discipline_ok = False  # 90% -> one 10% step -> 4,5
        cls.line(assessment, "1c").missing_count = 1  # 8
        cls.line(assessment, "3c").count_value = 3  # 3

    @classmethod
    def review(cls, assessment, scores=None):
        """Submit and review ``assessment``; ``scores`` maps codes to review scores."""
        cls.provide_dossier(assessment)
        assessment.action_submit()
        assessment.action_start_review()
        for code, score in (scores or {}).items():
            cls.line(assessment, code).review_score = score

    def assertQueriesFlat(self, target, methods, extra=6):
        """``target.<method>(assessments)`` costs as many queries for the two
        units of the fixture as for ``extra`` more: nothing is read per unit."""
        more = self.env["learning.unit.assessment"].union(
            *(
                self.make_assessment(
                    self.make_unit(f"Đơn vị {i}", 0, parent=self.district), load=False
                )
                for i in range(extra)
            )
        )
        few = self.assessment | self.assessment2
        many = few | more

        def queries(assessments, method):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            getattr(target, method)(assessments)
            return self.env.cr.sql_log_count - before

        for method in methods:
            queries(many, method)  # warm the caches of the registry
            self.assertEqual(queries(few, method), queries(many, method), method)


# ----------------------------------------------------------------------
# Nghị định 30/2020/NĐ-CP, read back from the PDF and the DOCX
# ----------------------------------------------------------------------
MM = 72 / 25.4  # PDF points per millimetre
FONT_NAME = re.compile(
    r"^(?:[A-Z]{6}\+)?(TimesNewRoman|Times-Roman|Times|LiberationSerif)"
    r"(?:PS)?(?:MT)?(?:[-,](Bold|Italic|BoldItalic|BoldMT|ItalicMT|BoldItalicMT))?$"
)
NATIONAL_LINES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def _poppler(tool, content, *args):
    """Run a poppler tool on ``content`` (some read only files)."""
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(content)
        file.flush()
        result = subprocess.run(
            [tool, *args, file.name, *(["-"] if tool == "pdftotext" else [])],
            capture_output=True,
            check=True,
        )
    return result.stdout.decode("utf-8")


def pdf_body_text(content):
    """The text of a PDF without its top margin (the page numbers)."""
    return _poppler(
        "pdftotext", content, "-enc", "UTF-8", "-x", "0", "-y", str(int(20 * MM)),
        "-W", "600", "-H", str(int(842 - 20 * MM)),
    )  # fmt: skip


def pdf_fonts(content):
    """The names of the fonts of a PDF (pdffonts)."""
    lines = _poppler("pdffonts", content).splitlines()[2:]
    return {line.split()[0] for line in lines if line.strip()}


def pdf_page_sizes(content):
    """``[(width, height)]`` in points of every page (pdfinfo)."""
    text = _poppler("pdfinfo", content, "-f", "1", "-l", "999")
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", text)
    if not sizes:
        sizes = re.findall(r"Page size:\s+([\d.]+) x ([\d.]+)", text)
    return [(float(w), float(h)) for w, h in sizes]


def pdf_words(content):
    """``[(page, xMin, yMin, xMax, yMax, word)]`` (pdftotext -bbox)."""
    from lxml import etree

    xml = _poppler("pdftotext", content, "-bbox", "-enc", "UTF-8")
    root = etree.fromstring(xml.encode("utf-8"), etree.HTMLParser())
    words = []
    for number, page in enumerate(root.iter("page"), start=1):
        for word in page.iter("word"):
            words.append(
                (
                    number,
                    float(word.get("xmin")),
                    float(word.get("ymin")),
                    float(word.get("xmax")),
                    float(word.get("ymax")),
                    word.text or "",
                )
            )
    return words


def squeeze(text):
    """``text`` without any white space: line breaks never differ."""
    return re.sub(r"\s+", "", text)


def docx_text(content):
    """Every text of a DOCX body (paragraphs and table cells), in order."""
    import docx

    document = docx.Document(io.BytesIO(content))
    parts = []
    body = document.element.body
    for paragraph in body.iter(qn_tag("w:p")):
        parts.append("".join(t.text or "" for t in paragraph.iter(qn_tag("w:t"))))
    return document, "\n".join(parts)


def qn_tag(tag):
    from docx.oxml.ns import qn

    return qn(tag)


class Nd30Mixin:
    """Checks of a printed document against Nghị định 30/2020/NĐ-CP."""

    def assertNd30Pdf(self, content, min_pages=1):
        sizes = pdf_page_sizes(content)
        self.assertGreaterEqual(len(sizes), min_pages)
        for width, height in sizes:  # A4
            self.assertAlmostEqual(width, 595.0, delta=2)
            self.assertAlmostEqual(height, 842.0, delta=2)
        fonts = pdf_fonts(content)
        self.assertTrue(fonts)
        wrong = {name for name in fonts if not FONT_NAME.match(name)}
        self.assertFalse(wrong, f"not Times New Roman / Liberation Serif: {wrong}")
        words = pdf_words(content)
        self.assertTrue(words)
        # the text starts at least 30 mm from the left edge, 15 mm from the right
        self.assertGreaterEqual(min(w[1] for w in words), 30 * MM - 0.5)
        self.assertLessEqual(max(w[3] for w in words), 595 - 15 * MM + 0.5)
        top = 20 * MM
        for page in range(1, len(sizes) + 1):
            in_margin = [w for w in words if w[0] == page and w[4] <= top]
            if page == 1:
                self.assertFalse(in_margin, f"page 1 has {in_margin} in its top margin")
            else:
                # the page number, alone and centred in the top margin
                self.assertEqual([w[5] for w in in_margin], [str(page)], page)
                centre = (in_margin[0][1] + in_margin[0][3]) / 2
                self.assertAlmostEqual(
                    centre, (30 * MM + 595 - 15 * MM) / 2, delta=12 * MM
                )
        first = normalize(pdf_page_texts(content)[0])
        for line in NATIONAL_LINES:
            self.assertIn(line, first)
        return normalize(pdf_text(content))

    def assertNd30Docx(self, content, documents):
        from docx.shared import Mm

        document, text = docx_text(content)
        for section in document.sections:
            self.assertAlmostEqual(section.page_width, Mm(210), delta=Mm(1))
            self.assertAlmostEqual(section.page_height, Mm(297), delta=Mm(1))
            self.assertAlmostEqual(section.left_margin, Mm(30), delta=Mm(1))
            self.assertAlmostEqual(section.right_margin, Mm(15), delta=Mm(1))
            self.assertTrue(section.different_first_page_header_footer)
            self.assertIn("PAGE", section.header._element.xml)
            self.assertNotIn("PAGE", section.first_page_header._element.xml)
        self.assertEqual(document.styles["Normal"].font.name, "Times New Roman")
        squeezed = squeeze(text)
        for doc in documents:
            for part in plain_text(doc):
                self.assertIn(squeeze(part), squeezed, part)
        return normalize(text)

    def assertSameText(self, pdf_content, documents):
        """Every text of the blocks is in the PDF (white space and the page
        numbers aside; a table cell's words, as lines of neighbouring cells
        may interleave)."""
        body = pdf_body_text(pdf_content)
        squeezed = squeeze(body)
        words = set(body.split())
        for doc in documents:
            cells = set(plain_text(doc, cells_only=True))
            for part in plain_text(doc):
                if squeeze(part) in squeezed:
                    continue
                self.assertIn(part, cells, f"{part!r} is not in the PDF")
                missing = [w for w in part.split() if w not in words]
                self.assertFalse(missing, f"{part!r}: {missing} not in the PDF")
