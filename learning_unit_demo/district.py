# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo district's tables: what generator.py builds and plays.

Seed 001 (the Thủ Thừa district plan): 26 agencies, schools and communes of a
district, their people, the rank or level each reaches in each year and what
the reviewers found. Change the district here; generator.py only reads these
tables (the years follow the current date there).
"""

SEED = 2020  # the year of Thông tư 22
DISTRICT_NAME = "Huyện Thủ Thừa"
HISTORY_YEAR = 2023  # the last evaluation year of Thông tư 22
PROVINCE_CODE = "080"  # Long An, the first digits of its citizens' CCCD
# Vietnam is UTC+7 all year: a local office hour is that hour minus 7 in UTC.
UTC_OFFSET = 7
# The demo agency signs its reports "Thủ Thừa, ngày ... tháng ... năm ..."
COMPANY = {"name": "UBND huyện Thủ Thừa", "city": "Thủ Thừa"}
# The issuing bodies (data/learning_unit_body_data.xml) that act for the
# district, the reviewing body of the periods first, and the province whose
# plan the periods cite (Kế hoạch 206/KH-UBND, 28/09/2020).
BODIES = ("demo_body_ubnd_thu_thua", "demo_body_bcd_thu_thua", "demo_body_pgd_thu_thua")
PLAN = {"body": "demo_body_ubnd_long_an", "number": "206/KH-UBND", "date": "2020-09-28"}

# Unit kinds: the jobs of their head, deputies and staff.
KINDS = {
    "office": {
        "head": "Trưởng phòng",
        "deputy": "Phó Trưởng phòng",
        "staff": [("Chuyên viên", 8), ("Kế toán", 1), ("Văn thư", 1)],
    },
    "cabinet": {
        "head": "Chánh Văn phòng",
        "deputy": "Phó Chánh Văn phòng",
        "staff": [
            ("Chuyên viên", 6),
            ("Văn thư", 1),
            ("Kế toán", 1),
            ("Lái xe", 1),
            ("Nhân viên phục vụ", 1),
        ],
    },
    "centre": {
        "head": "Giám đốc",
        "deputy": "Phó Giám đốc",
        "staff": [("Giáo viên", 6), ("Viên chức", 2), ("Kế toán", 1), ("Văn thư", 1)],
    },
    "culture": {
        "head": "Giám đốc",
        "deputy": "Phó Giám đốc",
        "staff": [
            ("Viên chức", 5),
            ("Phát thanh viên", 2),
            ("Kỹ thuật viên", 2),
            ("Kế toán", 1),
        ],
    },
    "school": {
        "head": "Hiệu trưởng",
        "deputy": "Phó Hiệu trưởng",
        "staff": [
            ("Giáo viên", 16),
            ("Tổ trưởng chuyên môn", 1),
            ("Tổng phụ trách Đội", 1),
            ("Nhân viên thư viện", 1),
            ("Kế toán", 1),
            ("Văn thư", 1),
            ("Nhân viên y tế học đường", 1),
            ("Bảo vệ", 1),
        ],
    },
    "highschool": {
        "head": "Hiệu trưởng",
        "deputy": "Phó Hiệu trưởng",
        "staff": [
            ("Giáo viên", 18),
            ("Tổ trưởng chuyên môn", 1),
            ("Nhân viên thư viện", 1),
            ("Nhân viên thiết bị", 1),
            ("Kế toán", 1),
            ("Văn thư", 1),
        ],
    },
    "kindergarten": {
        "head": "Hiệu trưởng",
        "deputy": "Phó Hiệu trưởng",
        "staff": [
            ("Giáo viên mầm non", 10),
            ("Cấp dưỡng", 2),
            ("Kế toán", 1),
            ("Bảo vệ", 1),
        ],
    },
    "commune": {
        "head": "Chủ tịch UBND",
        "deputy": "Phó Chủ tịch UBND",
        "staff": [
            ("Công chức Văn phòng - Thống kê", 2),
            ("Công chức Tư pháp - Hộ tịch", 2),
            ("Công chức Tài chính - Kế toán", 1),
            ("Công chức Địa chính - Xây dựng", 2),
            ("Công chức Văn hóa - Xã hội", 2),
            ("Chỉ huy trưởng Ban Chỉ huy Quân sự", 1),
            ("Người hoạt động không chuyên trách", 3),
        ],
    },
    "health": {
        "head": "Giám đốc",
        "deputy": "Phó Giám đốc",
        "staff": [
            ("Bác sĩ", 4),
            ("Điều dưỡng", 5),
            ("Y sĩ", 2),
            ("Hộ sinh", 1),
            ("Dược sĩ", 1),
            ("Kỹ thuật viên xét nghiệm", 1),
            ("Kế toán", 1),
        ],
    },
    "association": {
        "head": "Chủ tịch Hội",
        "deputy": "Phó Chủ tịch Hội",
        "staff": [("Cán bộ chuyên trách", 1)],
    },
}

# The 26 units (seed 001, III: "Đại diện các cơ quan đơn vị trên địa bàn huyện
# (26 đơn vị)"): key, name, kind, number of employees, the 2023 rank (Thông tư
# 22), last year's profile (Thông tư 24), this year's state ("none": no
# assessment yet; "empty": a draft without members; "partial": a draft being
# prepared; "officer": the demo officer's draft) and this year's profile.
# A profile is the level the unit's evidence reaches: "level_2", "level_1" or
# "none".
UNITS = [
    ("pgddt", "Phòng Giáo dục và Đào tạo", "office", 18,
     "good", "level_2", "recognised", "level_2"),
    ("pnv", "Phòng Nội vụ", "office", 9, "good", "level_1", "recognised", "level_1"),
    ("pvhtt", "Phòng Văn hóa và Thông tin", "office", 7,
     "fair", "level_1", "reviewed", "level_2"),
    ("ptckh", "Phòng Tài chính - Kế hoạch", "office", 11,
     "fair", "level_1", "in_review", "level_1"),
    ("ptp", "Phòng Tư pháp", "office", 3, "average", "none", "none", None),
    ("pldtbxh", "Phòng Lao động - Thương binh và Xã hội", "office", 8,
     "fair", "level_1", "submitted", "level_1"),
    ("ptnmt", "Phòng Tài nguyên và Môi trường", "office", 10,
     "average", "level_1", "partial", "level_1"),
    ("pnnptnt", "Phòng Nông nghiệp và Phát triển nông thôn", "office", 12,
     "fair", "level_1", "empty", None),
    ("vp", "Văn phòng HĐND và UBND huyện", "cabinet", 24,
     "good", "level_2", "recognised", "level_2"),
    ("ttvhttt", "Trung tâm Văn hóa, Thể thao và Truyền thanh", "culture", 15,
     "average", "level_1", "submitted", "level_1"),
    ("ttgdnn", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "centre", 35,
     "fair", "level_1", "in_review", "level_1"),
    ("thpt", "Trường THPT Thủ Thừa", "highschool", 80,
     "good", "level_2", "in_review", "level_2"),
    ("thcs_tt", "Trường THCS Thị trấn Thủ Thừa", "school", 45,
     "good", "level_2", "reviewed", "level_1"),
    ("thcs_nt", "Trường THCS Nhị Thành", "school", 33,
     "good", "level_2", "officer", "level_2"),
    ("thcs_ml", "Trường THCS Mỹ Lạc", "school", 30,
     "fair", "level_1", "returned", "level_1"),
    ("th_tt", "Trường Tiểu học Thị trấn Thủ Thừa", "school", 42,
     "good", "level_2", "submitted", "level_2"),
    ("th_bt", "Trường Tiểu học Bình Thạnh", "school", 27,
     "fair", "level_1", "partial", "level_1"),
    ("th_lt", "Trường Tiểu học Long Thạnh", "school", 25,
     "average", "level_1", "partial", "level_1"),
    ("mg_tt", "Trường Mẫu giáo Tân Thành", "kindergarten", 16,
     "fail", "none", "partial", "level_1"),
    ("mn_tt", "Trường Mầm non Thị trấn Thủ Thừa", "kindergarten", 22,
     "good", "level_2", "submitted", "level_2"),
    ("ubnd_tt", "UBND thị trấn Thủ Thừa", "commune", 28,
     "fair", "level_1", "in_review", "none"),
    ("ubnd_nt", "UBND xã Nhị Thành", "commune", 21,
     "average", "level_1", "partial", "level_1"),
    ("ubnd_ml", "UBND xã Mỹ Lạc", "commune", 20, "fail", "none", "submitted", "none"),
    ("ubnd_ba", "UBND xã Bình An", "commune", 19,
     "fair", "level_1", "partial", "level_1"),
    ("hctd", "Hội Chữ thập đỏ huyện", "association", 4, "fail", "none", "none", None),
    ("ttyt", "Trung tâm Y tế huyện Thủ Thừa", "health", 64,
     "good", "level_2", "partial", "level_2"),
]  # fmt: skip

# Units organised in teams: their staff is spread over these sub-departments
# (the head and deputies stay in the unit itself).
SUB_UNITS = {
    "thpt": [
        "Tổ Toán - Tin học",
        "Tổ Ngữ văn",
        "Tổ Khoa học tự nhiên",
        "Tổ Khoa học xã hội",
        "Tổ Ngoại ngữ",
        "Tổ Văn phòng",
    ],
    "ttyt": [
        "Khoa Khám bệnh",
        "Khoa Nội - Nhi - Nhiễm",
        "Khoa Ngoại - Sản",
        "Khoa Kiểm soát bệnh tật",
        "Phòng Tổ chức - Hành chính",
    ],
}

# The demo users' unit and the two teachers who joined it this school year,
# after its officer loaded the members: "Load Members" adds them.
OFFICER_UNIT = "thcs_nt"
NEWCOMERS = [("Võ Thị Kim Ngân", "female"), ("Đặng Minh Khoa", "male")]
USERS = {
    "donvi": ("Trần Văn Minh", "male", "Phó Hiệu trưởng"),
    "thanhvien": ("Lê Thị Ngọc Hân", "female", "Giáo viên"),
    "thamdinh": ("Phạm Quốc Bảo", "male", None),
}
# their role (a group of learning_unit); thamdinh reviews the whole district
ROLES = {
    "donvi": "group_unit_officer",
    "thanhvien": "group_member",
    "thamdinh": "group_district_reviewer",
}

# Thông tư 22: share of members lacking the evidence each criterion counts
# (by criterion code: the member evidence a criterion counts is in the rules), the
# competencies not every member has, and the unit's own inputs, per rank
# profile (values are drawn from the tuples). The totals land well inside each
# rank's band.
PROFILES = {
    "good": {
        "achieved": {"1a": True, "1b": True, "3b": True},
        "missing_1c": (0, 0, 1),
        "lacking": {
            "2a": (0, 0.03, 0.05),
            "2b": (0, 0.04),
            "2c": (0, 0.03, 0.06),
            "2d": (0, 0.05, 0.1),
        },
        "competencies_short": (0, 0, 1),
        "shared_3c": (3, 4, 5),
    },
    "fair": {
        "achieved": {"1a": True, "1b": True, "3b": True},
        "missing_1c": (1, 2),
        "lacking": {
            "2a": (0.1, 0.15),
            "2b": (0.1,),
            "2c": (0.1, 0.12),
            "2d": (0.15, 0.2),
        },
        "competencies_short": (3, 4),
        "shared_3c": (1, 2),
    },
    "average": {
        "achieved": {"1a": True, "1b": False, "3b": True},
        "missing_1c": (2,),
        "lacking": {
            "2a": (0.25,),
            "2b": (0.2,),
            "2c": (0.25,),
            "2d": (0.3,),
        },
        "competencies_short": (5,),
        "shared_3c": (1,),
    },
    "fail": {
        "achieved": {"1a": True, "1b": False, "3b": False},
        "missing_1c": (3,),
        "lacking": {
            "2a": (0.5,),
            "2b": (0.4,),
            "2c": (0.5,),
            "2d": (0.6,),
        },
        "competencies_short": (7,),
        "shared_3c": (0, 1),
    },
}
# Thông tư 24: share of members lacking the evidence of each member indicator
# (rounded down: 90 % and 95 % bars) and the unit-judged indicators not met.
# Level 1 units miss the level-2-only indicator 3.4 (the higher collective
# title); units of no level miss a level 1 indicator (1.4, funding).
LEVEL_PROFILES = {
    "level_2": {
        "lacking": {
            "2.1": (0, 0.02),
            "2.2": (0, 0.03),
            "3.1": (0.01, 0.03),
        },
        "not_achieved": (),
    },
    "level_1": {
        "lacking": {
            "2.1": (0, 0.03),
            "2.2": (0.04, 0.06),
            "3.1": (0.05, 0.08),
        },
        "not_achieved": ("3.4",),
    },
    "none": {
        "lacking": {
            "2.1": (0.05,),
            "2.2": (0.12,),
            "3.1": (0.2, 0.25),
        },
        "not_achieved": ("1.4", "3.4"),
    },
}
UNIT_BY_KEY = {unit[0]: unit for unit in UNITS}
KEY_BY_NAME = {unit[1]: unit[0] for unit in UNITS}

# Competencies most often missing first: foreign languages and IT, critical
# thinking, organising learning in the family...
COMPETENCY_ORDER = ("3a5", "3a6", "3a3", "3a8", "3a2", "3a4", "3a7", "3a1")

# What the reviewers of the district found, on some units. Thông tư 22:
# (criterion, points taken off the unit's own score, note); Thông tư 24:
# (indicator, the level the reviewers found, note).
REVIEW_FINDINGS = [
    ("3c", 1, "Thiếu biên bản chia sẻ tri thức với 01 đơn vị."),
    ("3c", 2, "Chỉ có minh chứng chia sẻ với một phần các đơn vị đã kê khai."),
    ("1c", 2, "Chưa có minh chứng đầu tư trang thiết bị phục vụ học tập."),
    ("2a", 0.5, "Một số kế hoạch tự học chưa được lãnh đạo đơn vị phê duyệt."),
]
LEVEL_FINDINGS = [
    (
        "3.1",
        "level_1",
        "Theo kết quả trên congdanhoctap.vn, tỷ lệ thành viên đạt “Công dân học "
        "tập” chưa đến 95%.",
    ),
    (
        "2.2",
        "level_1",
        "Một số thành viên chưa có giấy chứng nhận hoàn thành bồi dưỡng.",
    ),
]
RETURN_REASON = (
    "Hồ sơ chưa đầy đủ: thiếu danh sách thành viên đạt danh hiệu “Công dân học "
    "tập” có xác nhận của Hội Khuyến học; đề nghị bổ sung minh chứng chia sẻ tri "
    "thức với các đơn vị khác (chỉ tiêu 3.3) trước khi gửi lại."
)

FAMILY_NAMES = [
    ("Nguyễn", 30),
    ("Trần", 10),
    ("Lê", 9),
    ("Phạm", 6),
    ("Huỳnh", 6),
    ("Võ", 5),
    ("Phan", 4),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lâm", 1),
    ("Trương", 1),
    ("Đoàn", 1),
    ("Châu", 1),
    ("Mai", 1),
    ("Lưu", 1),
    ("Tạ", 1),
    ("Cao", 1),
    ("Thái", 1),
    ("Đinh", 1),
    ("Lý", 1),
]
MIDDLE_NAMES = {
    "male": [
        ("Văn", 12),
        ("Minh", 3),
        ("Quốc", 2),
        ("Hoàng", 2),
        ("Thanh", 2),
        ("Hữu", 2),
        ("Đức", 2),
        ("Công", 1),
        ("Tấn", 2),
        ("Trọng", 1),
        ("Thành", 1),
        ("Ngọc", 1),
        ("Duy", 1),
        ("Phước", 1),
    ],
    "female": [
        ("Thị", 12),
        ("Ngọc", 3),
        ("Thanh", 2),
        ("Kim", 2),
        ("Thu", 2),
        ("Hồng", 2),
        ("Bích", 1),
        ("Mỹ", 2),
        ("Thùy", 1),
        ("Phương", 1),
        ("Diễm", 1),
        ("Cẩm", 1),
        ("Thị Thu", 1),
        ("Thị Ngọc", 1),
        ("Thị Kim", 1),
    ],
}
GIVEN_NAMES = {
    "male": (
        "An Bảo Bình Cường Dũng Duy Đạt Đông Hải Hậu Hiếu Hòa Hùng Huy Khang Khoa "
        "Lâm Lộc Long Luân Minh Nam Nghĩa Nhân Phong Phúc Phước Quang Sang Sơn "
        "Tài Tâm Thắng Thành Thiện Thịnh Toàn Trí Trung Tuấn Tùng Việt Vinh Vũ"
    ).split(),
    "female": (
        "Anh Châu Diễm Dung Duyên Giang Hà Hạnh Hằng Hân Hiền Hoa Hồng Huyền Hương "
        "Lan Liên Linh Loan Mai My Nga Ngân Ngọc Nhung Nhi Oanh Phương Quyên Tâm "
        "Thảo Thanh Thu Thủy Thư Trang Trinh Tuyền Uyên Vân Vy Xuân Yến"
    ).split(),
}
