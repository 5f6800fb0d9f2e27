"""The school of the README's screenshots of issue 11, in a fresh database.

    odoo-bin -c .build/odoo.conf -d <db> shell --no-http \\
        < tools/evidence_screens_data.py
    python tools/screenshots_evidence.py docs/screenshots

A school of 12 (Trường THCS Nhị Thành, period 2023 under Thông tư 22): the head
"hieutruong" (the unit's manager in HR), the member "giaovien" (Trần Thị Lan:
her plan returned once, her registration submitted) and the officer "canbo";
plans filed, submitted and approved, paper copies, the Learning Citizen result
imported. The passwords are the logins.
"""

# ruff: noqa: F821 - "env" is the one of odoo-bin shell
from odoo import Command
from odoo.addons.learning_unit.models.learning_unit_evidence_event import (
    evidence_source,
)

env = env(context=dict(env.context, tracking_disable=False))
company = env.company
company.city = "Thủ Thừa"
period = env["learning.unit.period"].create(
    {"year": 2023, "template_id": env.ref("learning_unit.template_tt22").id}
)
district = env["hr.department"].create(
    {"name": "Huyện Thủ Thừa", "company_id": company.id}
)
unit = env["hr.department"].create(
    {
        "name": "Trường THCS Nhị Thành",
        "parent_id": district.id,
        "company_id": company.id,
    }
)
NAMES = [
    "Nguyễn Văn Hùng",
    "Trần Thị Lan",
    "Lê Minh Tuấn",
    "Phạm Thị Hoa",
    "Võ Văn Nam",
    "Đặng Thị Mai",
    "Huỳnh Văn Phúc",
    "Bùi Thị Ngọc",
    "Đỗ Quang Vinh",
    "Ngô Thị Thu",
    "Dương Văn Lộc",
    "Lý Thị Hạnh",
]
USERS = {
    0: ("hieutruong", "learning_unit.group_member"),
    1: ("giaovien", "learning_unit.group_member"),
    2: ("canbo", "learning_unit.group_unit_officer"),
}
employees = env["hr.employee"]
for index, name in enumerate(NAMES):
    vals = {
        "name": name,
        "department_id": unit.id,
        "company_id": company.id,
        "identification_id": f"080{index + 1:09d}",
        "job_title": "Giáo viên" if index else "Hiệu trưởng",
    }
    if index in USERS:
        login, group = USERS[index]
        vals["user_id"] = (
            env["res.users"]
            .create(
                {
                    "name": name,
                    "login": login,
                    "password": login,
                    "lang": "vi_VN",
                    "tz": "Asia/Ho_Chi_Minh",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [
                        Command.link(env.ref("base.group_user").id),
                        Command.link(env.ref(group).id),
                    ],
                }
            )
            .id
        )
    employees |= env["hr.employee"].create(vals)
unit.manager_id = employees[0]
head, lan_user, officer = (employees[i].user_id for i in range(3))

assessment = (
    env["learning.unit.assessment"]
    .with_user(officer)
    .create({"period_id": period.id, "department_id": unit.id})
)
assessment.with_context(learning_unit_silent=True).action_load_members()
members = assessment.sudo().member_ids.sorted("name")


def document(member, code):
    return member.dossier_item_ids.filtered(lambda d: d.document_type_id.code == code)


# the officer's ticks, and the Learning Citizen result from congdanhoctap.vn
plain = members.filtered(lambda m: not m.user_id).with_user(officer)
evidence_source(plain[:7], "import", file_name="congdanhoctap_2023.xlsx").write(
    {"cdht_achieved": True}
)
members[:9].with_user(officer).write({"discipline_ok": True, "training_done": True})
members[:6].with_user(officer).write({"advanced_worker": True})
# five plans filed for members without an account, three approved by the head
for member in plain[:5]:
    plan = document(member, "self_study_plan").with_user(officer)
    plan.write(
        {
            "learn_what": "Ứng dụng công nghệ thông tin trong dạy học",
            "learn_how": "Khóa học trực tuyến của Sở",
            "learn_when": "Tháng 3 đến tháng 6",
        }
    )
    plan.action_submit()
    document(member, "citizen_registration").with_user(officer).action_submit()
    document(member, "lifelong_commitment").with_user(officer).action_submit()
approved = env["learning.unit.dossier.item"].union(
    *(document(member, "self_study_plan") for member in plain[:3])
)
approved.with_user(head).action_approve()
# two on paper
for member in plain[5:7]:
    member._lu_record_paper_copies(
        document(member, "self_study_plan") | document(member, "citizen_registration")
    )
# Trần Thị Lan files her registration and her plan; the head returns the plan
lan = members.filtered(lambda m: m.user_id == lan_user)
document(lan, "citizen_registration").with_user(lan_user).action_submit()
plan = document(lan, "self_study_plan").with_user(lan_user)
plan.write(
    {
        "learn_what": "Tiếng Anh giao tiếp (B1)",
        "learn_how": "Tự học trên ứng dụng và lớp buổi tối",
        "learn_when": "Cả năm",
    }
)
plan.action_submit()
plan.with_user(head).write(
    {
        "document_state": "returned",
        "return_reason": "Ghi rõ thời gian học từng tháng và kết quả cần đạt.",
    }
)
env.cr.commit()
print(f"assessment {assessment.id} of {unit.name}: {len(members)} members")
