"""Users of the load test (bench/load/locustfile.py), made in its database.

Besides the demo's ``donvi`` (officer), ``thanhvien`` (member) and ``thamdinh``
(reviewer), a district has more people at work at once: this script gives a
few more units of the open period an officer, links member accounts to
employees of the units being prepared, and adds a second reviewer of the
district. Each account belongs to an employee the demo already has (no member
is added to any unit), and each officer prepares only his own unit: an
officer's writes in the load test stay within his rights.

The script is idempotent (the accounts are ``load_officer_N``,
``load_member_N``, ``load_reviewer_N``, password = login) and prints the logins
per role as JSON for the locustfile.

    .venv/bin/python bench/load/prepare.py --odoo-config .build/odoo.conf \\
        --database learning_unit_demo
"""

import argparse
import json
import sys

MODULE = "learning_unit"
DEMO_MODULE = "learning_unit_demo"  # the demo district and its logins
GROUPS = {
    "officer": f"{MODULE}.group_unit_officer",
    "member": f"{MODULE}.group_member",
    "reviewer": f"{MODULE}.group_district_reviewer",
}
DEMO = {"officer": ["donvi"], "member": ["thanhvien"], "reviewer": ["thamdinh"]}
PREPARING = ("draft", "returned")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--odoo-config", default=".build/odoo.conf")
    parser.add_argument("--database", required=True)
    parser.add_argument("--officers", type=int, default=4, help="more officers")
    parser.add_argument("--members", type=int, default=8, help="more members")
    parser.add_argument("--reviewers", type=int, default=1, help="more reviewers")
    return parser.parse_args(argv)


def account(env, login, name, role, employee=None):
    """The user ``login`` (made if missing) with ``role``, linked to ``employee``."""
    Users = env["res.users"].with_context(active_test=False, no_reset_password=True)
    user = Users.search([("login", "=", login)])
    demo_officer = env.ref(f"{DEMO_MODULE}.demo_user_donvi")
    groups = [env.ref("base.group_user").id, env.ref(GROUPS[role]).id]
    values = {
        "name": name,
        "active": True,
        "password": login,
        "lang": demo_officer.lang,
        "tz": demo_officer.tz,
        "notification_type": "inbox",
        "company_id": (employee or demo_officer).company_id.id,
        "company_ids": [(6, 0, (employee or demo_officer).company_id.ids)],
        "groups_id": [(6, 0, groups)],
    }
    if user:
        user.write(values)
    else:
        user = Users.create(dict(values, login=login))
    if employee and employee.user_id != user:
        employee.user_id = user
    return user


def free_employees(env, department, count, exclude=()):
    """Up to ``count`` active employees of ``department`` without an account."""
    return env["hr.employee"].search(
        [
            ("department_id", "=", department.id),
            ("user_id", "=", False),
            ("id", "not in", list(exclude)),
        ],
        order="id",
        limit=count,
    )


def prepare(env, args):
    logins = {role: list(logins) for role, logins in DEMO.items()}
    Assessment = env["learning.unit.assessment"]
    officer_unit = env.ref(f"{DEMO_MODULE}.demo_user_donvi").employee_ids.department_id
    district = env.ref(f"{DEMO_MODULE}.demo_user_thamdinh").lu_review_department_ids
    # the district's units (learning_unit's own small demo is not at work)
    preparing = Assessment.search(
        [
            ("department_id", "child_of", district.ids),
            ("period_id.state", "=", "open"),
            ("state", "in", PREPARING),
        ],
        order="department_id, id",
    )
    # units being prepared, the demo officer's first; one officer per unit
    units = officer_unit | preparing.department_id
    load_officers = env["res.users"].with_context(active_test=False)
    for index, unit in enumerate((units - officer_unit)[: args.officers], start=1):
        login = f"load_officer_{index}"
        existing = load_officers.search([("login", "=", login)]).employee_ids
        employee = existing.filtered(lambda e, u=unit: e.department_id == u)[:1]
        employee = employee or free_employees(env, unit, 1)
        if not employee:
            continue
        account(env, login, employee.name, "officer", employee)
        logins["officer"].append(login)
    # members: employees of those units who are members of their assessment
    member_units = units[: args.officers + 1]
    per_unit = -(-args.members // len(member_units))  # rounded up
    index = 0
    for unit in member_units:
        members = preparing.filtered(lambda a, u=unit: a.department_id == u).member_ids
        employees = members.employee_id.filtered(
            lambda e: not e.user_id or e.user_id.login.startswith("load_member_")
        )
        for employee in employees.sorted("id")[:per_unit]:
            if index == args.members:
                break
            index += 1
            login = f"load_member_{index}"
            account(env, login, employee.name, "member", employee)
            logins["member"].append(login)
    # a second reviewer of the demo district
    for index in range(1, args.reviewers + 1):
        login = f"load_reviewer_{index}"
        user = account(env, login, f"Cán bộ thẩm định {index}", "reviewer")
        user.lu_review_department_ids = [(6, 0, district.ids)]
        logins["reviewer"].append(login)
    return logins


def main(argv=None):
    args = parse_args(argv)
    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config(
        ["-c", args.odoo_config, "-d", args.database, "--log-level=warn"]
    )
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        logins = prepare(env, args)
        cr.commit()
    json.dump(dict(logins, database=args.database), sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
