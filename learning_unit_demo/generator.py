# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo district (district.py) built and played through learning_unit.

It builds the district on hr.department / hr.employee and plays three
evaluation years through the addon's own workflow methods, so results, dossier
items, decisions, recognitions, activities and the chatter are the real ones:

* 2023, under Thông tư 22 (points): closed, every unit recognised by one
  decision, results across the four ranks, a few units that sent late;
* last year, under Thông tư 24 (levels): closed, recognised by one decision;
  units whose own result was level 2 hold level 1 (level 2 only a year after
  a level 1 decision), a few units meet no level;
* this year, under Thông tư 24: open, the units in every state of the workflow;
* four demo users: ``donvi`` (unit officer of a secondary school whose
  assessment is still a draft), ``thanhvien`` (a teacher of the same school),
  ``thutruong`` (its head, the school's manager in HR, who approves the
  members' documents; :func:`ensure_head_login`, also on an existing demo
  database) and ``thamdinh`` (reviewer of the whole district). Passwords =
  logins.

Everything is deterministic (seeded random, fixed dates); only the years
follow the current date. ``generate_district`` runs once, when the addon is
installed (hooks.py); the records tests and tours start from get external ids
of learning_unit_demo (``demo_period_current``, ``demo_user_donvi``...).

The users' language is Vietnamese when it is installed (``--load-language=
vi_VN``, the installer's business): the chatter and the names the workflow
writes are then Vietnamese too.
"""

import logging
import random
import time
from collections import defaultdict
from datetime import date, datetime, timedelta

from odoo import fields
from odoo.fields import Command

from .district import (
    BODIES,
    COMPANY,
    COMPETENCY_ORDER,
    DISTRICT_NAME,
    FAMILY_NAMES,
    GIVEN_NAMES,
    HISTORY_YEAR,
    KEY_BY_NAME,
    KINDS,
    LEVEL_FINDINGS,
    LEVEL_PROFILES,
    MIDDLE_NAMES,
    NEWCOMERS,
    OFFICER_UNIT,
    PLAN,
    PROFILES,
    PROVINCE_CODE,
    RETURN_REASON,
    REVIEW_FINDINGS,
    ROLES,
    SEED,
    SUB_UNITS,
    UNIT_BY_KEY,
    UNITS,
    USERS,
    UTC_OFFSET,
)
from .models.learning_unit_decision import ISSUED_ON

_logger = logging.getLogger(__name__)

MODULE = "learning_unit_demo"
BASE_MODULE = "learning_unit"
# the login of the head of the demo users' school (ensure_head_login)
HEAD_LOGIN = "thutruong"
LANG = "vi_VN"


def generate_district(env):
    """Build the demo district and play three years of its assessments.

    Returns False, changing nothing, when the district already exists: made
    by this addon, or by learning_unit before 18.0.3.0.0 (its upgrade gave
    the records' external ids to this addon).
    """
    if env.ref(f"{MODULE}.demo_period_current", raise_if_not_found=False):
        return False
    started = time.monotonic()
    installed = {code for code, _name in env["res.lang"].get_installed()}
    quiet = {
        "lang": LANG if LANG in installed else "en_US",
        "tz": "UTC",
        "tracking_disable": True,
        "mail_create_nolog": True,
        "mail_create_nosubscribe": True,
        "mail_notrack": True,
        "no_reset_password": True,
        "learning_unit_silent": True,
    }
    env = env(su=True, context=dict(env.context, **quiet))
    units, assessments = DistrictGenerator(env).build()
    ensure_head_login(env)
    _logger.info(
        "learning_unit_demo: %s units, %s employees, %s assessments in %.1f s",
        len(UNITS),
        env["hr.employee"].search_count(
            [("department_id", "child_of", units["_district"].id)]
        ),
        len(assessments),
        time.monotonic() - started,
    )
    return True


def ensure_head_login(env):
    """Give the head of the demo users' school the login ``thutruong`` (once).

    The head is the school's manager in HR, made by the generator without an
    account; a district built before this login existed gets it on update
    (data/learning_unit_demo_users.xml), a new one when it is built. Returns
    the user created, or False when there is nothing to do.
    """
    if env.ref(f"{MODULE}.demo_user_thutruong", raise_if_not_found=False):
        return False
    officer = env.ref(f"{MODULE}.demo_employee_donvi", raise_if_not_found=False)
    head = officer.department_id.manager_id if officer else False
    if not head or head.user_id:
        return False
    env = env(su=True, context=dict(env.context, no_reset_password=True))
    company = head.company_id or env.ref("base.main_company")
    reference = env.ref(f"{MODULE}.demo_user_thanhvien")
    user = env["res.users"].create(
        {
            "name": head.name,
            "login": HEAD_LOGIN,
            "password": HEAD_LOGIN,
            "email": f"{HEAD_LOGIN}@example.com",
            "lang": reference.lang,
            "tz": "Asia/Ho_Chi_Minh",
            "notification_type": "inbox",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [
                Command.set(
                    [
                        env.ref("base.group_user").id,
                        env.ref(f"{BASE_MODULE}.group_member").id,
                    ]
                )
            ],
        }
    )
    head.user_id = user
    env["ir.model.data"].create(
        [
            {
                "module": MODULE,
                "name": name,
                "model": record._name,
                "res_id": record.id,
                "noupdate": True,
            }
            for name, record in (
                ("demo_user_thutruong", user),
                ("demo_employee_thutruong", head),
            )
        ]
    )
    return user


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _local(day, hour, minute=0):
    """A naive UTC datetime for ``hour:minute`` in Vietnam on ``day``."""
    return datetime(day.year, day.month, day.day, hour, minute) - timedelta(
        hours=UTC_OFFSET
    )


class DistrictGenerator:
    """Builds the district with ``env`` (the superuser's, quiet context)."""

    def __init__(self, env):
        self.env = env

    def build(self):
        company = self.env.ref("base.main_company")
        company.write(COMPANY)
        year = fields.Date.context_today(self.env.user).year
        units = self._create_units(company)
        users = self._create_users(company, units["_district"])
        self._create_employees(random.Random(SEED), company, units, users)
        body = self._setup_bodies(units["_district"])
        history, last, current = self._create_periods(company, year, body)

        in_history = self._create_assessments(history, units, users, UNITS)
        last_year = self._create_assessments(last, units, users, UNITS)
        this_year = self._create_assessments(
            current, units, users, [u for u in UNITS if u[6] != "none"]
        )
        not_loaded = this_year.filtered(
            lambda a: UNIT_BY_KEY[self._key(a)][6] == "empty"
        )
        (in_history | last_year | (this_year - not_loaded)).action_load_members()
        # teachers who joined after the officer loaded this year's members
        self._create_newcomers(company, users, units[OFFICER_UNIT])

        self._prepare_points(in_history)
        self._prepare_levels(last_year, lambda key: UNIT_BY_KEY[key][5], "last")
        self._prepare_this_year(this_year, users)
        self._play_closed(history, in_history, users, date(history.year + 1, 3, 20))
        self._play_closed(last, last_year, users, date(last.year + 1, 2, 10))
        self._play_this_year(this_year, users)
        self._create_promotion_reports(
            in_history
            | last_year
            | this_year.filtered(lambda a: a.state != "draft" or a.member_ids)
        )
        self._register_xmlids(
            users,
            {"2023": history, "last_year": last, "current": current},
            {"2023": in_history, "last": last_year, "current": this_year},
        )
        return units, in_history | last_year | this_year

    # ------------------------------------------------------------------
    # Phụ lục 1
    # ------------------------------------------------------------------
    def _create_promotion_reports(self, assessments):
        """Each unit's yearly Khuyến học report, figures derived from its size."""
        vals_list = []
        for assessment in assessments:
            members = assessment.member_count
            joined = max(1, members // 10)
            scholarships = max(1, members // 8)
            gifts = max(2, members // 5)
            income = 12000 * members + 500000 * scholarships + 200000 * gifts
            vals_list.append(
                {
                    "assessment_id": assessment.id,
                    "staff_count": members,
                    "advantages": "Được lãnh đạo quan tâm; đa số hội viên nhiệt tình.",
                    "difficulties": "Nguồn vận động còn hạn chế.",
                    "association_member_count_last_year": members - joined,
                    "association_member_count": members,
                    "association_member_change_reason": (
                        f"Tăng {joined} hội viên do tiếp nhận viên chức mới."
                    ),
                    "fee_payer_count": members,
                    "party_member_count": members // 3,
                    "party_association_member_count": members // 3,
                    "promotion_activities": (
                        "Vận động mạnh thường quân trao học bổng, quà cho học sinh "
                        "nghèo vượt khó; tham gia Tiếp sức mùa thi."
                    ),
                    "school_support": "Tặng sách vở, dụng cụ học tập đầu năm học.",
                    "line_ids": [
                        Command.create(
                            {
                                "kind": "scholarship",
                                "donor": "Hội Khuyến học huyện Thủ Thừa",
                                "quantity": scholarships,
                                "amount": 500000 * scholarships,
                            }
                        ),
                        Command.create(
                            {
                                "kind": "gift",
                                "donor": "Công ty TNHH Nông sản Long An",
                                "quantity": gifts,
                                "amount": 200000 * gifts,
                            }
                        ),
                    ],
                    "income_total": income,
                    "spending_total": income - 12000 * joined,
                    "registration_note": (
                        "Đơn vị đăng ký danh hiệu “Đơn vị học tập” từ đầu năm; "
                        "100% thành viên đăng ký “Công dân học tập”."
                    ),
                    "implementation_note": (
                        "Triển khai kế hoạch tự học, tự bồi dưỡng đến từng thành viên."
                    ),
                    "strengths": "Phong trào tự học được duy trì đều đặn.",
                    "weaknesses": "Một số thành viên chưa nộp đủ hồ sơ đúng hạn.",
                    "weakness_causes": "Công việc chuyên môn nhiều.",
                    "lessons_learned": "Phân công rõ người phụ trách từng nội dung.",
                    "recommendations": "Đề nghị huyện tổ chức tập huấn phần mềm.",
                    "chairman_name": assessment.head_name,
                }
            )
        return self.env["learning.unit.promotion.report"].create(vals_list)

    # ------------------------------------------------------------------
    # organisation
    # ------------------------------------------------------------------
    def _create_units(self, company):
        Department = self.env["hr.department"].with_company(company)
        district = Department.create({"name": DISTRICT_NAME, "company_id": company.id})
        created = Department.create(
            [
                {"name": name, "parent_id": district.id, "company_id": company.id}
                for _key, name, *_rest in UNITS
            ]
        )
        units = dict(zip([unit[0] for unit in UNITS], created, strict=True))
        units["_district"] = district
        subs = Department.create(
            [
                {"name": name, "parent_id": units[key].id, "company_id": company.id}
                for key, names in SUB_UNITS.items()
                for name in names
            ]
        )
        for key in SUB_UNITS:
            units[f"_{key}_teams"] = subs.filtered(
                lambda d, parent=units[key]: d.parent_id == parent
            )
        return units

    def _setup_bodies(self, district):
        """The district's bodies (data/learning_unit_body_data.xml) act for it."""
        bodies = [self.env.ref(f"{MODULE}.{xmlid}") for xmlid in BODIES]
        for body in bodies:
            if not body.department_id:
                body.department_id = district
        return bodies[0]

    def _create_users(self, company, district):
        lang = self.env.lang
        users = self.env["res.users"].create(
            [
                {
                    "name": USERS[login][0],
                    "login": login,
                    "password": login,
                    "email": f"{login}@example.com",
                    "lang": lang,
                    "tz": "Asia/Ho_Chi_Minh",
                    "notification_type": "inbox",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [
                        Command.set(
                            [
                                self.env.ref("base.group_user").id,
                                self.env.ref(f"{BASE_MODULE}.{ROLES[login]}").id,
                            ]
                        )
                    ],
                }
                for login in USERS
            ]
        )
        users = dict(zip(USERS, users, strict=True))
        users["thamdinh"].lu_review_department_ids = [Command.set(district.ids)]
        users["admin"] = self.env.ref("base.user_admin")
        return users

    def _person(self, rng, taken, gender=None):
        gender = gender or rng.choice(("male", "female"))
        while True:
            name = " ".join(
                (
                    _weighted(rng, FAMILY_NAMES),
                    _weighted(rng, MIDDLE_NAMES[gender]),
                    rng.choice(GIVEN_NAMES[gender]),
                )
            )
            if name not in taken:
                taken.add(name)
                return name, gender

    def _staff_jobs(self, rng, kind, size):
        """Job titles of a unit of ``size`` people: head, deputies, staff."""
        spec = KINDS[kind]
        deputies = 0 if size < 4 else 1 if size < 15 else 2 if size < 40 else 3
        jobs = [spec["head"]] + [spec["deputy"]] * deputies
        jobs += [_weighted(rng, spec["staff"]) for _i in range(size - len(jobs))]
        return jobs

    @staticmethod
    def _cccd(index, gender, rng):
        """A citizen ID of the province: 12 digits, born in the 20th century."""
        sex = "0" if gender == "male" else "1"
        return f"{PROVINCE_CODE}{sex}{rng.randint(60, 99):02d}{index:06d}"

    def _create_employees(self, rng, company, units, users):
        taken = {name for name, _gender, _job in USERS.values()}
        taken.update(name for name, _gender in NEWCOMERS)
        vals_list = []
        heads = {}
        for key, _name, kind, size, *_rest in UNITS:
            unit = units[key]
            teams = units.get(f"_{key}_teams")
            jobs = self._staff_jobs(rng, kind, size)
            people = []
            if key == OFFICER_UNIT:
                # the demo users are two of the school's staff
                for login in ("donvi", "thanhvien"):
                    name, gender, job = USERS[login]
                    people.append((name, gender, job, users[login].id))
                jobs.remove(KINDS[kind]["deputy"])
                jobs.remove(KINDS[kind]["staff"][0][0])
            for job in jobs:
                name, gender = self._person(rng, taken)
                people.append((name, gender, job, False))
            for index, (name, gender, job, user_id) in enumerate(people):
                leader = job in (KINDS[kind]["head"], KINDS[kind]["deputy"])
                department = unit if leader or not teams else teams[index % len(teams)]
                vals_list.append(
                    {
                        "name": name,
                        "gender": gender,
                        "job_title": job,
                        "department_id": department.id,
                        "company_id": company.id,
                        "user_id": user_id,
                        "tz": "Asia/Ho_Chi_Minh",
                        "identification_id": self._cccd(
                            len(vals_list) + 1, gender, rng
                        ),
                    }
                )
                if job == KINDS[kind]["head"] and key not in heads:
                    heads[key] = len(vals_list) - 1
        # their work contacts in one go (hr would write them one by one)
        contacts = iter(
            self.env["res.partner"].create(
                [
                    {"name": vals["name"], "company_id": company.id}
                    for vals in vals_list
                    if not vals["user_id"]
                ]
            )
        )
        for vals in vals_list:
            if not vals["user_id"]:
                vals["work_contact_id"] = next(contacts).id
        employees = self._employee_model(company, users).create(vals_list)
        for key, index in heads.items():
            units[key].manager_id = employees[index]
        return employees

    def _create_newcomers(self, company, users, unit):
        rng = random.Random(f"{SEED}-newcomers")
        return self._employee_model(company, users).create(
            [
                {
                    "name": name,
                    "gender": gender,
                    "job_title": "Giáo viên",
                    "department_id": unit.id,
                    "company_id": company.id,
                    "tz": "Asia/Ho_Chi_Minh",
                    "identification_id": self._cccd(900000 + index, gender, rng),
                }
                for index, (name, gender) in enumerate(NEWCOMERS)
            ]
        )

    def _employee_model(self, company, users):
        """hr.employee, creating as a user who may not write views.

        hr stores a generated SVG avatar on every new employee and its contact
        (ten attachments each, most of the install time) unless the creating
        user lacks that right; the avatar is then drawn on the fly, the same.
        """
        return (
            self.env["hr.employee"]
            .with_user(users["thamdinh"])
            .sudo()
            .with_company(company)
        )

    # ------------------------------------------------------------------
    # periods and assessments
    # ------------------------------------------------------------------
    def _create_periods(self, company, year, body):
        """2023 (Thông tư 22), last year and this year (Thông tư 24).

        Each takes the template whose years cover it, as a new period does.
        """
        Period = self.env["learning.unit.period"].with_company(company)
        history_year = min(HISTORY_YEAR, year - 2)
        periods = Period.create(
            [
                {"year": value, "company_id": company.id}
                for value in (history_year, year - 1, year)
            ]
        )
        periods.write(
            {
                "body_id": body.id,
                "plan_number": PLAN["number"],
                "plan_date": PLAN["date"],
                "plan_body_id": self.env.ref(f"{MODULE}.{PLAN['body']}").id,
            }
        )
        return periods

    def _create_assessments(self, period, units, users, unit_rows):
        def officer(key):
            return users["donvi"] if key == OFFICER_UNIT else users["admin"]

        return self.env["learning.unit.assessment"].create(
            [
                {
                    "period_id": period.id,
                    "department_id": units[row[0]].id,
                    "user_id": officer(row[0]).id,
                }
                for row in unit_rows
            ]
        )

    @staticmethod
    def _key(assessment):
        return KEY_BY_NAME[assessment.department_id.name]

    # ------------------------------------------------------------------
    # evidence and inputs
    # ------------------------------------------------------------------
    @staticmethod
    def _lacking(rng, count, shares, rounding):
        return set(rng.sample(range(count), rounding(count * rng.choice(shares))))

    @staticmethod
    def _counted(assessment):
        """Criterion code -> the member evidence it counts, from the rules."""
        return {
            line.criterion_code: line.criterion_id.member_field
            for line in assessment.line_ids
            if line.criterion_id.member_field
        }

    def _plan(self, assessment, lacking, members=None, done=None):
        """Per member, the evidence fields they hold.

        ``lacking`` maps a criterion code to the members (positions) without
        its evidence; only the first ``done`` members get any when ``done`` is
        given.
        """
        counted = self._counted(assessment)
        members = members if members is not None else assessment.member_ids
        return {
            member: frozenset()
            if done is not None and index >= done
            else frozenset(
                field
                for code, field in counted.items()
                if index not in lacking.get(code, ())
            )
            for index, member in enumerate(members)
        }

    def _points_lacking(self, rng, count, profile):
        """Thông tư 22: who lacks what, under a rank profile."""
        spec = PROFILES[profile]

        def half_up(value):
            return int(value + 0.5)

        lacking = {
            code: self._lacking(rng, count, shares, half_up)
            for code, shares in spec["lacking"].items()
        }
        for code in COMPETENCY_ORDER[: rng.choice(spec["competencies_short"])]:
            share = rng.choice((0.05, 0.1, 0.2))
            lacking[code] = set(
                rng.sample(range(count), min(count, max(1, half_up(count * share))))
            )
        return lacking

    def _levels_lacking(self, rng, count, profile):
        """Thông tư 24: who lacks what, under a level profile (rounded down)."""
        return {
            code: self._lacking(rng, count, shares, int)
            for code, shares in LEVEL_PROFILES[profile]["lacking"].items()
        }

    def _write_evidence(self, plan, assessments):
        """Record the planned evidence, one write per identical set."""
        counted = set()
        for assessment in assessments:
            counted.update(self._counted(assessment).values())
        groups = defaultdict(lambda: self.env["learning.unit.member"])
        for member, held in plan.items():
            if held:
                groups[held] |= member
        for held, members in groups.items():
            members.write({name: name in held for name in counted})

    def _write_inputs(self, inputs):
        """Set the unit inputs of criteria lines: ``{line: vals}``."""
        groups = defaultdict(lambda: self.env["learning.unit.assessment.line"])
        for line, vals in inputs.items():
            groups[tuple(sorted(vals.items()))] |= line
        for vals, lines in groups.items():
            lines.write(dict(vals))

    @staticmethod
    def _line(assessment, code):
        return assessment.line_ids.filtered(lambda rec: rec.criterion_code == code)

    def _points_inputs(self, rng, assessment, profile, partial=False):
        spec = PROFILES[profile]
        inputs = {
            self._line(assessment, "1a"): {"achieved": spec["achieved"]["1a"]},
            self._line(assessment, "1c"): {
                "missing_count": rng.choice(spec["missing_1c"])
            },
        }
        if not partial:
            inputs[self._line(assessment, "1b")] = {"achieved": spec["achieved"]["1b"]}
            inputs[self._line(assessment, "3b")] = {"achieved": spec["achieved"]["3b"]}
            inputs[self._line(assessment, "3c")] = {
                "count_value": rng.choice(spec["shared_3c"])
            }
        return inputs

    def _levels_inputs(self, assessment, profile, partial=False):
        """The unit-judged indicators: met but for the profile's; a unit still
        preparing has judged those of criterion 1 only."""
        not_achieved = LEVEL_PROFILES[profile]["not_achieved"]
        return {
            line: {"achieved": line.criterion_code not in not_achieved}
            for line in assessment.line_ids
            if line.method == "achieved"
            and not (partial and not line.criterion_code.startswith("1."))
        }

    def _provide(self, items):
        # the documents the dossier needs; the members file their own
        # certificates (Thông tư 24) themselves
        items.filtered(lambda i: i.mandatory and not i.is_provided).write(
            {"paper_copy": True}
        )

    def _prepare_points(self, assessments):
        plan, inputs = {}, {}
        for assessment in assessments:
            key = self._key(assessment)
            rng = random.Random(f"{SEED}-points-{key}")
            profile = UNIT_BY_KEY[key][4]
            lacking = self._points_lacking(rng, assessment.member_count, profile)
            plan.update(self._plan(assessment, lacking))
            inputs.update(self._points_inputs(rng, assessment, profile))
        self._write_evidence(plan, assessments)
        self._write_inputs(inputs)
        self._provide(self._all_items(assessments))

    def _prepare_levels(self, assessments, profile_of, tag):
        plan, inputs = {}, {}
        for assessment in assessments:
            key = self._key(assessment)
            rng = random.Random(f"{SEED}-{tag}-{key}")
            profile = profile_of(key)
            lacking = self._levels_lacking(rng, assessment.member_count, profile)
            plan.update(self._plan(assessment, lacking))
            inputs.update(self._levels_inputs(assessment, profile))
        self._write_evidence(plan, assessments)
        self._write_inputs(inputs)
        self._provide(self._all_items(assessments))

    def _prepare_this_year(self, assessments, users):
        by_state = defaultdict(lambda: self.env["learning.unit.assessment"])
        for assessment in assessments:
            by_state[UNIT_BY_KEY[self._key(assessment)][6]] |= assessment
        # units that sent or will soon send: complete
        ready = assessments - by_state["empty"] - by_state["partial"]
        ready -= by_state["officer"]
        self._prepare_levels(ready, lambda key: UNIT_BY_KEY[key][7], "current")
        plan, inputs = {}, {}
        to_provide = self.env["learning.unit.dossier.item"]
        for assessment in by_state["partial"]:
            key = self._key(assessment)
            rng = random.Random(f"{SEED}-current-{key}")
            members = assessment.member_ids.sorted("id")
            done = int(len(members) * rng.choice((0.3, 0.5, 0.7, 0.85)) + 0.5)
            profile = UNIT_BY_KEY[key][7]
            lacking = self._levels_lacking(rng, len(members), profile)
            plan.update(self._plan(assessment, lacking, members, done=done))
            inputs.update(self._levels_inputs(assessment, profile, partial=True))
            to_provide |= self._all_items(assessment)[: rng.choice((1, 2))]
        for assessment in by_state["officer"]:
            # complete but for one teacher's Learning Citizen title (3.1) and
            # the self-assessment report, still to be written
            members = assessment.member_ids
            teacher = [
                index
                for index, member in enumerate(members)
                if member.user_id == users["thanhvien"]
            ]
            plan.update(self._plan(assessment, {"3.1": set(teacher)}, members))
            inputs.update(self._levels_inputs(assessment, "level_2"))
            to_provide |= self._all_items(assessment).filtered(
                lambda i: i.document_type_id.code != "tt24_self_report"
            )
        self._write_evidence(plan, assessments)
        self._write_inputs(inputs)
        self._provide(to_provide)

    def _all_items(self, assessments):
        return self.env["learning.unit.dossier.item"].search(
            [("assessment_id", "in", assessments.ids)], order="id"
        )

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _flush_tracking(self):
        """Post the pending tracking messages, as a commit would (Odoo tracks a
        record's changes of one transaction in one message, posted when the
        transaction's pending work is flushed)."""
        self.env.cr.flush()

    def _as(self, records, user, **context):
        return records.with_user(user).with_context(**context)

    def _submit(self, assessments, **context):
        for user in assessments.user_id:
            batch = assessments.filtered(lambda a, u=user: a.user_id == u)
            self._as(batch, user, **context).action_submit()

    def _review(self, assessments, reviewer, rng, **context):
        """Start the review and record the reviewers' findings on some units."""
        self._as(assessments, reviewer, **context).action_start_review()
        for assessment in assessments:
            if rng.random() > 0.4:
                continue
            if assessment.scheme == "levels":
                code, level, note = rng.choice(LEVEL_FINDINGS)
                line = self._line(assessment, code)
                if line.self_level != "level_2":
                    continue
                vals = {"review_level": level, "review_note": note}
            else:
                code, points, note = rng.choice(REVIEW_FINDINGS)
                line = self._line(assessment, code)
                if line.self_score < points:
                    continue
                vals = {"review_score": line.self_score - points, "review_note": note}
            self._as(line, reviewer, **context).write(vals)

    def _finish_review(self, assessments, reviewer, **context):
        batch = self._as(assessments, reviewer, **context)
        batch.action_confirm_review_scores()
        batch.action_mark_reviewed()

    def _decide(self, period, reviewer, day=None, **context):
        """The district's decision recognising the reviewed units of ``period``.

        Drafted by the reviewer from the period; a decision of a past year is
        entered by the system on its day (models/learning_unit_decision.py).
        """
        action = self._as(period, reviewer, **context).action_new_decision()
        decision = self._as(
            self.env["learning.unit.decision"].browse(action["res_id"]),
            reviewer,
            **context,
        )
        if day:
            decision = decision.sudo().with_context(**{ISSUED_ON: day})
        decision.action_issue()
        return decision

    def _play_closed(self, period, assessments, users, decision_day):
        """Everything decided by one decision, then the period closed."""
        reviewer = users["thamdinh"]
        rng = random.Random(f"{SEED}-review-{period.year}")
        # no chatter nor reminders for a year long past
        quiet = {"tracking_disable": True, "mail_activity_automation_skip": True}
        self._submit(assessments, **quiet)
        self._review(assessments, reviewer, rng, **quiet)
        self._finish_review(assessments, reviewer, **quiet)
        self._decide(period, reviewer, decision_day, **quiet)
        self._as(period, users["admin"], **quiet).action_close()
        # the history took place that winter: dates of the workflow as the
        # district's calendar had them
        deadline = period.date_deadline_self
        late = {"ttvhttt": 3, "ubnd_ml": 6, "hctd": 12}
        for index, assessment in enumerate(assessments.sorted("id")):
            key = self._key(assessment)
            if key in late:
                submitted = deadline + timedelta(days=late[key])
            else:
                submitted = deadline - timedelta(days=1 + (index * 7) % 20)
            review_start = deadline + timedelta(days=15)
            reviewed = review_start + timedelta(days=1 + index % 10)
            assessment.sudo().write(
                {
                    "submitted_on": _local(submitted, 8 + index % 9, (index * 13) % 60),
                    "submitted_date": submitted,
                    "review_started_on": _local(review_start, 8, index),
                    "reviewed_on": _local(reviewed, 16, index),
                    "recognised_on": _local(decision_day, 10),
                }
            )

    def _play_this_year(self, assessments, users):
        """Units of the open period in every state of the workflow."""
        reviewer = users["thamdinh"]
        rng = random.Random(f"{SEED}-review-current")
        by_state = defaultdict(lambda: self.env["learning.unit.assessment"])
        for assessment in assessments:
            by_state[UNIT_BY_KEY[self._key(assessment)][6]] |= assessment
        sent = (
            by_state["submitted"]
            | by_state["in_review"]
            | by_state["reviewed"]
            | by_state["recognised"]
            | by_state["returned"]
        )
        # this year's history is the point: tracked, in the chatter, one
        # message per step (Odoo tracks a record from the transaction after
        # its creation and merges the changes of one transaction)
        loud = {"tracking_disable": False, "mail_notrack": False}
        self._flush_tracking()
        self._submit(sent, **loud)
        self._flush_tracking()
        self._review(sent - by_state["submitted"], reviewer, rng, **loud)
        self._flush_tracking()
        # the reviewers got through criterion 1 of the units still in review
        conditions = by_state["in_review"].line_ids.filtered(
            lambda line: line.kind == "criterion"
            and (line.criterion_code or "").startswith("1.")
            and not line.review_set
        )
        self._as(conditions, reviewer, **loud).write({"review_set": True})
        # the early units were recognised first, the others wait for the next
        # decision
        self._finish_review(by_state["recognised"], reviewer, **loud)
        self._flush_tracking()
        self._decide(assessments.period_id, reviewer, **loud)
        self._flush_tracking()
        self._finish_review(by_state["reviewed"], reviewer, **loud)
        self._flush_tracking()
        Wizard = self._as(self.env["learning.unit.return.wizard"], reviewer, **loud)
        wizard = Wizard.create(
            {
                "assessment_ids": [Command.set(by_state["returned"].ids)],
                "reason": RETURN_REASON,
            }
        )
        wizard.action_confirm()

    # ------------------------------------------------------------------
    # external identifiers
    # ------------------------------------------------------------------
    def _register_xmlids(self, users, periods, assessments):
        """External ids of the records tests and tours start from.

        Not on the departments: a translatable name of a record with an id of
        the module would become a term of its translation template.
        """
        data = [(f"demo_period_{tag}", period) for tag, period in periods.items()]
        data += [(f"demo_user_{login}", users[login]) for login in USERS]
        for login in ("donvi", "thanhvien"):
            data.append((f"demo_employee_{login}", users[login].employee_ids[:1]))
        for tag, records in assessments.items():
            data += [(f"demo_assessment_{self._key(a)}_{tag}", a) for a in records]
        for tag, period in periods.items():
            decisions = period.decision_ids.sorted("id")
            data += [(f"demo_decision_{tag}", decisions[:1])] if decisions else []
        self.env["ir.model.data"].create(
            [
                {
                    "module": MODULE,
                    "name": name,
                    "model": record._name,
                    "res_id": record.id,
                    "noupdate": True,
                }
                for name, record in data
            ]
        )
