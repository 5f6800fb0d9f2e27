"""Fixtures shared by the report and XLSX tests (not a test module itself)."""

import io
import re
import shutil
import subprocess

import openpyxl
from pypdf import PdfReader

MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
ADMIN = "learning_unit.group_admin"

# Vietnamese printed as UTF-8 bytes read as Latin-1 (the mojibake of a page
# that lost its charset): "đ" -> "Ä‘", "ể" -> "á»ƒ".
MOJIBAKE = ("Ä‘", "á»", "Ã¡", "Ã©", "áº")

# The annex reference of the forms, from the period's plan (ReportFixture).
PLAN_NOTE = "(Kèm theo Kế hoạch số 206/KH-UBND ngày 28/9/2020 của Ủy ban nhân dân tỉnh Long An)"

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
    """The text of a PDF: poppler's pdftotext when installed, else pypdf.

    With ``layout`` the text of a table row stays on one line.
    """
    if shutil.which("pdftotext"):
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"],
            input=content,
            capture_output=True,
            check=True,
        )
        return result.stdout.decode("utf-8")
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_page_texts(content):
    """The text of each page of a PDF."""
    pages = PdfReader(io.BytesIO(content)).pages
    if not shutil.which("pdftotext"):
        return [page.extract_text() for page in pages]
    texts = []
    for number in range(1, len(pages) + 1):
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number)]
            + ["-", "-"],
            input=content,
            capture_output=True,
            check=True,
        )
        texts.append(result.stdout.decode("utf-8"))
    return texts


def pdf_pages(content):
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
