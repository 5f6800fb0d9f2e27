#!/usr/bin/env python3
"""Province-scale benchmark of the learning_unit addon (issue 6).

Creates a fresh database, installs learning_unit without demo data, generates a
synthetic province (districts, units, employees, assessments, members with
evidence) and measures:

(a) a full recompute of every stored score (member counts of the lines, line
    scores, totals and ranks of the assessments) by the addon's own code;
(b) the same aggregates computed by one raw SQL statement over the same rows,
    the floor a database can do, and the ratio (a)/(b);
(c) the assessments list as the web client opens it, as a reviewer (record
    rules apply): ``web_search_read`` of the list view's fields with filters,
    ``web_read_group`` grouped by state and by self rank;
(d) the district summary XLSX of every unit (its report action);
(e) the Phụ lục 2 PDF of 30 units (wkhtmltopdf, through Odoo's HTTP server
    started by this script).

Prints one table and writes it as JSON under bench/results/. See
bench/README.md. Usage::

    make bench
    make bench BENCH_ARGS="--units 2000 --members 50"
    .venv/bin/python bench/bench.py --odoo-config .build/odoo.conf --units 300
"""

import argparse
import cProfile
import datetime
import io
import json
import logging
import os
import platform
import pstats
import random
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.list_view: the list as the web client asks

from tests.list_view import list_view_request  # noqa: E402

RESULTS_DIR = ROOT / "bench" / "results"
DEFAULT_DB = "learning_unit_bench"
YEAR = 2023  # Thông tư 22: the 100-point table (its rule set is given explicitly)

# Stored computed fields holding the scores (their compute methods' other
# fields are added automatically).
LINE_SCORE_FIELDS = ("self_score",)  # and self_level, computed with it
ASSESSMENT_SCORE_FIELDS = ("member_count", "self_total")

OPEN_PERIOD = [("period_id.state", "=", "open")]  # the action's default filter

# Share of the assessments in each state.
STATE_SHARES = [
    ("draft", 0.40),
    ("submitted", 0.20),
    ("in_review", 0.10),
    ("reviewed", 0.15),
    ("recognised", 0.10),
    ("returned", 0.05),
]

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý"
MIDDLES = "Văn Thị Hữu Minh Thanh Ngọc Đức Quốc Kim Xuân"
GIVENS = (
    "An Bình Chi Dũng Giang Hà Hải Hạnh Hoa Hùng Hương Khoa Lan Linh Long Mai "
    "Nam Nga Phong Phúc Quang Sơn Tâm Thảo Trang Trung Tuấn Uyên Việt Yến"
)


class BenchError(Exception):
    """A problem of the environment, reported as one sentence."""


# ----------------------------------------------------------------------
# Odoo and PostgreSQL
# ----------------------------------------------------------------------
def import_odoo(odoo_src):
    """Import Odoo 18.0 from the virtualenv or from ``odoo_src``."""
    if odoo_src and (Path(odoo_src) / "odoo-bin").is_file():
        sys.path.insert(0, str(Path(odoo_src).resolve()))
    try:
        import odoo
        import odoo.release
    except ImportError as exc:
        raise BenchError(
            f"cannot import Odoo ({exc}): point ODOO_SRC (or --odoo-src) at an "
            "Odoo 18.0 source tree holding odoo-bin, e.g. 'make bench "
            "ODOO_SRC=/opt/odoo'"
        ) from exc
    if odoo.release.version_info[:2] != (18, 0):
        raise BenchError(
            f"Odoo at {Path(odoo.__file__).parent.parent} is "
            f"{odoo.release.version}, not 18.0"
        )
    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    if not odoo_bin.is_file():
        raise BenchError(f"no odoo-bin next to the odoo package ({odoo_bin})")
    return odoo, odoo_bin


def load_config(odoo, config_path, db):
    """Load the Odoo configuration file, for ``db`` only."""
    if not Path(config_path).is_file():
        raise BenchError(
            f"no Odoo configuration file at {config_path}: run 'make bench' "
            "(it writes .build/odoo.conf) or pass --odoo-config"
        )
    odoo.tools.config.parse_config(["-c", str(config_path), "-d", db])
    # exactly this database, also for the HTTP server wkhtmltopdf calls back
    odoo.tools.config["dbfilter"] = f"^{db}$"
    odoo.tools.config["max_cron_threads"] = 0


def check_postgres(odoo):
    """Return the PostgreSQL server version, or raise BenchError."""
    try:
        with odoo.sql_db.db_connect("postgres").cursor() as cr:
            cr.execute("SHOW server_version")
            return cr.fetchone()[0]
    except Exception as exc:  # psycopg2.OperationalError and the like
        raise BenchError(
            f"PostgreSQL is not reachable ({str(exc).strip()}): start it, e.g. "
            "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main "
            "start', or set PGHOST/PGUSER or db_host/db_user in the Odoo config"
        ) from exc


def create_database(odoo, odoo_bin, config_path, db):
    """Drop ``db`` and install learning_unit into it, without demo data."""
    if db in odoo.service.db.list_dbs(True):
        log(f"dropping database {db}")
        odoo.service.db.exp_drop(db)
    log(f"creating {db}: installing learning_unit without demo data")
    command = [
        sys.executable,
        str(odoo_bin),
        "-c",
        str(config_path),
        "-d",
        db,
        "-i",
        "learning_unit",
        "--without-demo=all",
        "--stop-after-init",
        "--max-cron-threads=0",
        "--log-level=warn",
    ]
    result = subprocess.run(command, check=False, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise BenchError(f"installing learning_unit into {db} failed")


@contextmanager
def environment(odoo, db, uid=None, context=None):
    """An environment on a new cursor, rolled back at the end."""
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, uid or odoo.SUPERUSER_ID, context or {})
        try:
            yield env
        finally:
            cr.rollback()


# ----------------------------------------------------------------------
# the synthetic province
# ----------------------------------------------------------------------
def log(message):
    """Print a progress line."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def generate_province(odoo, db, units, members, districts, seed):
    """Create a province of ``units`` units with ``members`` members each."""
    Command = odoo.fields.Command
    rng = random.Random(seed)
    registry = odoo.modules.registry.Registry(db)
    context = {
        "tracking_disable": True,
        "mail_create_nolog": True,
        "mail_notrack": True,
        "learning_unit_silent": True,
    }
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, context)
        company = env.company
        env["learning.unit.period"].create(
            {"year": YEAR, "template_id": env.ref("learning_unit.template_tt22").id}
        )
        Department = env["hr.department"]
        province = Department.create({"name": "Tỉnh Bench", "company_id": company.id})
        district_ids = Department.create(
            [
                {
                    "name": f"Huyện {i + 1:02d}",
                    "parent_id": province.id,
                    "company_id": company.id,
                }
                for i in range(districts)
            ]
        ).ids
        unit_ids = Department.create(
            [
                {
                    "name": f"Đơn vị {i + 1:04d}",
                    "parent_id": district_ids[i % districts],
                    "company_id": company.id,
                }
                for i in range(units)
            ]
        ).ids
        env["res.users"].create(
            {
                "name": "Bench Reviewer",
                "login": "bench_reviewer",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [
                    Command.set(
                        [
                            env.ref("base.group_user").id,
                            env.ref("learning_unit.group_district_reviewer").id,
                        ]
                    )
                ],
                "lu_review_department_ids": [Command.set([province.id])],
            }
        )
        insert_employees(cr, company, unit_ids, members)
        cr.commit()
    log(f"{units} units and {units * members} employees created")

    # assessments (with their criteria lines), members with their evidence and
    # line inputs, by chunks of units, each chunk flushed and committed
    chunk = max(1, 20000 // max(members, 1))
    for start in range(0, units, chunk):
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, context)
            create_chunk(odoo, env, rng, unit_ids[start : start + chunk])
            cr.commit()
        log(f"  units {start + 1}-{min(start + chunk, units)} scored")

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, context)
        spread_states(env, rng)
        cr.commit()
        cr.execute("ANALYZE")
        cr.commit()


def insert_employees(cr, company, unit_ids, members):
    """``members`` employees per unit, by SQL (hr.employee's ORM create is slow)."""
    names = [
        f"{s} {m} {g}"
        for s in SURNAMES.split()
        for m in MIDDLES.split()
        for g in GIVENS.split()
    ]
    cr.execute(
        """
        WITH src AS MATERIALIZED (
            SELECT nextval('resource_resource_id_seq') AS resource_id,
                   unit.id AS department_id,
                   (%(names)s::varchar[])[
                       1 + ((unit.id * 7919 + n * 104729) %% %(count)s)
                   ] AS name
              FROM unnest(%(units)s::int[]) AS unit(id),
                   generate_series(1, %(members)s) AS n
        ), resources AS (
            INSERT INTO resource_resource (id, name, active, company_id,
                calendar_id, resource_type, time_efficiency, tz,
                create_uid, create_date, write_uid, write_date)
            SELECT resource_id, name, true, %(company)s, %(calendar)s, 'user',
                   100, 'Asia/Ho_Chi_Minh', 1, now(), 1, now()
              FROM src
        )
        INSERT INTO hr_employee (resource_id, name, active, company_id,
            department_id, resource_calendar_id, employee_type, marital,
            distance_home_work_unit, job_title,
            create_uid, create_date, write_uid, write_date)
        SELECT resource_id, name, true, %(company)s, department_id, %(calendar)s,
               'employee', 'single', 'kilometers', 'Chuyên viên',
               1, now(), 1, now()
          FROM src
        """,
        {
            "names": names,
            "count": len(names),
            "units": unit_ids,
            "members": members,
            "company": company.id,
            "calendar": company.resource_calendar_id.id or None,
        },
    )


def create_chunk(odoo, env, rng, unit_ids):
    """Assessments, members and inputs of some units, by the addon's code."""
    period = env["learning.unit.period"].search([("year", "=", YEAR)])
    competencies = [f"competency_3a{i}" for i in range(1, 9)]
    assessments = env["learning.unit.assessment"].create(
        [{"period_id": period.id, "department_id": unit_id} for unit_id in unit_ids]
    )
    employees = env["hr.employee"].search(
        [("department_id", "in", unit_ids)], order="department_id, id"
    )
    by_unit = {}
    for employee in employees:
        by_unit.setdefault(employee.department_id.id, []).append(employee.id)
    vals_list = []
    for assessment in assessments:
        # the unit's diligence: how likely each member has each evidence
        share = rng.choice((1.0, 1.0, 0.98, 0.95, 0.9, 0.85, 0.7))
        complete = {c for c in competencies if rng.random() < 0.7}
        for employee_id in by_unit.get(assessment.department_id.id, []):
            vals = {
                "assessment_id": assessment.id,
                "employee_id": employee_id,
            }
            for field in competencies:
                vals[field] = field in complete or rng.random() < share
            for field in (
                "plan_approved",
                "discipline_ok",
                "training_done",
                "advanced_worker",
            ):
                vals[field] = share == 1.0 or rng.random() < share
            vals_list.append(vals)
    members = env["learning.unit.member"].create(vals_list)
    # the personal dossier: most documents provided (on paper)
    items = members.dossier_item_ids | assessments.dossier_item_ids
    provided = [item.id for item in items if rng.random() < 0.97]
    env["learning.unit.dossier.item"].browse(provided).write({"paper_copy": True})
    # the unit's own inputs, written by groups of equal values
    groups = {}
    for line in assessments.line_ids:
        code = line.criterion_code
        if code in ("1a", "1b", "3b"):
            vals = {"achieved": rng.random() < 0.85}
        elif code == "1c":
            vals = {"missing_count": rng.choice((0, 0, 0, 1, 2))}
        elif code == "3c":
            vals = {"count_value": rng.choice((0, 1, 2, 3, 4, 5, 5, 6))}
        else:
            continue
        groups.setdefault(tuple(vals.items()), []).append(line.id)
    Line = env["learning.unit.assessment.line"]
    for vals, line_ids in groups.items():
        Line.browse(line_ids).write(dict(vals))
    env.flush_all()


def spread_states(env, rng):
    """Take the assessments through the real workflow (STATE_SHARES), in batch."""
    Assessment = env["learning.unit.assessment"]
    assessments = Assessment.search([], order="id")
    ids = list(assessments.ids)
    rng.shuffle(ids)
    by_state = {}
    start = 0
    for state, share in STATE_SHARES:
        count = round(share * len(ids))
        by_state[state] = Assessment.browse(ids[start : start + count])
        start += count
    sent = Assessment.browse(
        [i for state, some in by_state.items() if state != "draft" for i in some.ids]
    )
    sent.dossier_item_ids.write({"paper_copy": True})
    sent.member_ids.dossier_item_ids.write({"paper_copy": True})
    sent.action_submit()
    reviewed = by_state["in_review"] | by_state["reviewed"] | by_state["recognised"]
    (reviewed | by_state["returned"]).action_start_review()
    by_state["returned"]._return_to_unit("Bổ sung minh chứng")
    # their reviewers confirmed the unit's own scores
    (by_state["reviewed"] | by_state["recognised"]).action_confirm_review_scores()
    (by_state["reviewed"] | by_state["recognised"]).action_mark_reviewed()
    by_state["recognised"].write(
        {"decision_number": "1/QĐ-UBND", "decision_date": f"{YEAR + 1}-03-01"}
    )
    by_state["recognised"].action_recognise()
    env.flush_all()


# ----------------------------------------------------------------------
# measures
# ----------------------------------------------------------------------
def timed(func, repeat, warmup=True):
    """Run ``func`` (warm-up first), return (median, min, runs, last result)."""
    if warmup:
        func()
    runs = []
    result = None
    for _index in range(repeat):
        start = time.perf_counter()
        result = func()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), min(runs), runs, result


def score_fields(model, seeds):
    """The fields ``seeds`` and every field computed by the same methods."""
    fields = []
    for name in seeds:
        field = model._fields[name]
        for sibling in model.pool.field_computed.get(field, [field]):
            if sibling.store and sibling not in fields:
                fields.append(sibling)
    return fields


def full_recompute(env):
    """Recompute every stored score of every line and assessment.

    Returns the seconds and queries from marking the fields to recompute to the
    end of the flush that computes and writes them (the search of the records
    and the rollback are not timed).
    """
    Line = env["learning.unit.assessment.line"]
    Assessment = env["learning.unit.assessment"]
    lines = Line.search([])
    assessments = Assessment.search([])
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    for field in score_fields(Line, LINE_SCORE_FIELDS):
        env.add_to_compute(field, lines)
    for field in score_fields(Assessment, ASSESSMENT_SCORE_FIELDS):
        env.add_to_compute(field, assessments)
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - queries


FLOOR_SQL = """
WITH members AS (
    SELECT m.assessment_id,
           count(*) AS total,
           count(*) FILTER (WHERE m.evidence_complete AND m.dossier_complete)
               AS complete,
           count(*) FILTER (WHERE m.plan_approved) AS plan_approved,
           count(*) FILTER (WHERE m.discipline_ok) AS discipline_ok,
           count(*) FILTER (WHERE m.training_done) AS training_done,
           count(*) FILTER (WHERE m.advanced_worker) AS advanced_worker
      FROM learning_unit_member m
  GROUP BY m.assessment_id
), competencies AS (
    SELECT m.assessment_id, k.field, count(*) FILTER (WHERE k.met) AS met
      FROM learning_unit_member m
      CROSS JOIN LATERAL (VALUES
          ('competency_3a1', m.competency_3a1), ('competency_3a2', m.competency_3a2),
          ('competency_3a3', m.competency_3a3), ('competency_3a4', m.competency_3a4),
          ('competency_3a5', m.competency_3a5), ('competency_3a6', m.competency_3a6),
          ('competency_3a7', m.competency_3a7), ('competency_3a8', m.competency_3a8)
      ) AS k(field, met)
  GROUP BY m.assessment_id, k.field
), lines AS (
    SELECT l.assessment_id, c.max_score, coalesce(c.rounding, 0) AS rounding,
           CASE c.method
           WHEN 'achieved' THEN CASE WHEN l.achieved THEN c.max_score ELSE 0 END
           WHEN 'missing_resources'
               THEN c.max_score - coalesce(l.missing_count, 0) * c.deduction
           WHEN 'member_share' THEN CASE
               WHEN coalesce(m.total, 0) = 0 THEN 0
               ELSE c.max_score - c.deduction * (
                   CASE WHEN c.step_mode = 'started' THEN ceil(x.short / c.step_percent)
                   ELSE floor(x.short / c.step_percent) END)
               END
           WHEN 'all_members' THEN CASE
               WHEN coalesce(m.total, 0) > 0 AND coalesce(k.met, 0) = m.total
               THEN c.max_score ELSE 0 END
           WHEN 'count' THEN coalesce(l.count_value, 0) * c.points_per_unit
           ELSE 0 END AS raw
      FROM learning_unit_assessment_line l
      JOIN learning_unit_criterion c ON c.id = l.criterion_id AND c.kind = 'criterion'
      LEFT JOIN members m ON m.assessment_id = l.assessment_id
      LEFT JOIN competencies k
             ON k.assessment_id = l.assessment_id AND k.field = c.member_field
      CROSS JOIN LATERAL (
          SELECT 100.0 * (m.total - CASE c.member_field
                 WHEN 'plan_approved' THEN m.plan_approved
                 WHEN 'discipline_ok' THEN m.discipline_ok
                 WHEN 'training_done' THEN m.training_done
                 WHEN 'advanced_worker' THEN m.advanced_worker END)
                 / nullif(m.total, 0) AS short
      ) x
), scores AS (
    SELECT assessment_id,
           CASE WHEN rounding > 0
                THEN floor(least(greatest(raw, 0), max_score) / rounding + 0.5)
                     * rounding
                ELSE least(greatest(raw, 0), max_score) END AS score
      FROM lines
)
SELECT a.id,
       coalesce(m.total, 0) AS member_count,
       coalesce(m.total - m.complete, 0) AS missing_evidence,
       s.total AS self_total,
       CASE WHEN s.total >= t.threshold_good THEN 'good'
            WHEN s.total >= t.threshold_fair THEN 'fair'
            WHEN s.total >= t.threshold_average THEN 'average'
            ELSE 'fail' END AS self_rank
  FROM (SELECT assessment_id, sum(score) AS total FROM scores
        GROUP BY assessment_id) s
  JOIN learning_unit_assessment a ON a.id = s.assessment_id
  JOIN learning_unit_template t ON t.id = a.template_id
  LEFT JOIN members m ON m.assessment_id = a.id
"""


def sql_floor(env):
    """Run :data:`FLOOR_SQL`; one row per assessment."""
    env.cr.execute(FLOOR_SQL)
    return env.cr.fetchall()


def check_floor(env, rows):
    """Compare the addon's stored scores with the SQL floor's: mismatches."""
    env.cr.execute(
        """SELECT id, member_count, members_missing_evidence_count, self_total,
                  self_rank FROM learning_unit_assessment"""
    )
    stored = {row[0]: row[1:] for row in env.cr.fetchall()}
    mismatches = []
    for ident, count, missing, total, rank in rows:
        mine = (count, missing, float(total), rank)
        theirs = stored.get(ident)
        if (
            theirs is None
            or (
                theirs[0],
                theirs[1],
                float(theirs[2]),
                theirs[3],
            )
            != mine
        ):
            mismatches.append((ident, mine, theirs))
    return mismatches, len(stored)


def reviewer_env(env):
    """``env`` as the bench's reviewer, with a web client's context."""
    user = env["res.users"].search([("login", "=", "bench_reviewer")])
    return env(
        user=user,
        context={
            "lang": "en_US",
            "tz": "Asia/Ho_Chi_Minh",
            "uid": user.id,
            "allowed_company_ids": user.company_ids.ids,
            "bin_size": True,
        },
    )


def list_measures(env):
    """The web client's calls opening the assessments list, as functions."""
    Assessment = env["learning.unit.assessment"]
    specification, aggregates = list_view_request(env)
    district = env["hr.department"].search([("name", "=", "Huyện 01")], limit=1)
    to_review = OPEN_PERIOD + [
        ("state", "in", ("submitted", "in_review")),
        ("self_rank", "=", "good"),
        ("parent_department_id", "=", district.id),
    ]

    def fresh(call):
        def run():
            env.invalidate_all()
            return call()

        return run

    return [
        (
            "c1",
            "list: open period (80 rows + count)",
            fresh(
                lambda: Assessment.web_search_read(
                    OPEN_PERIOD, specification, limit=80, count_limit=10001
                )
            ),
        ),
        (
            "c2",
            "list: to review, rank good, 1 district",
            fresh(
                lambda: Assessment.web_search_read(
                    to_review, specification, limit=80, count_limit=10001
                )
            ),
        ),
        (
            "c3",
            "read_group: by state",
            fresh(
                lambda: Assessment.web_read_group(
                    OPEN_PERIOD, aggregates, ["state"], lazy=True
                )
            ),
        ),
        (
            "c4",
            "read_group: by self rank",
            fresh(
                lambda: Assessment.web_read_group(
                    OPEN_PERIOD, aggregates, ["self_rank"], lazy=True
                )
            ),
        ),
    ]


def start_http_server(odoo, port):
    """Odoo's threaded HTTP server, for wkhtmltopdf to fetch the report assets."""
    config = odoo.tools.config
    config["http_interface"] = "127.0.0.1"
    config["http_port"] = port
    odoo.service.server.load_server_wide_modules()
    server = odoo.service.server.ThreadedServer(odoo.http.root)
    server.http_spawn()
    return server, f"http://127.0.0.1:{port}"


class WarningCollector(logging.Handler):
    """Collects what Odoo logs about wkhtmltopdf (its stderr) during a render."""

    logger_name = "odoo.addons.base.models.ir_actions_report"

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())

    def __enter__(self):
        logger = logging.getLogger(self.logger_name)
        logger.addHandler(self)
        self.propagate, logger.propagate = logger.propagate, False
        return self

    def __exit__(self, *exc):
        logger = logging.getLogger(self.logger_name)
        logger.removeHandler(self)
        logger.propagate = self.propagate

    def problems(self):
        """wkhtmltopdf's messages, without its harmless complaints about SSL."""
        lines = [
            line.strip()
            for message in self.messages
            for line in message.replace("wkhtmltopdf: ", "").splitlines()
        ]
        return sorted({line for line in lines if line and "QSslSocket" not in line})


def free_port():
    """A TCP port nobody listens on, for the HTTP server."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ----------------------------------------------------------------------
# the run
# ----------------------------------------------------------------------
class Results:
    """The rows of the table and of the JSON file."""

    def __init__(self):
        self.rows = []

    def add(self, key, label, **values):
        row = {"key": key, "label": label, **values}
        self.rows.append(row)
        return row


def evaluate(row, target, unit="s"):
    """Set the target and its status on a timed ``row``."""
    row["target"] = target
    row["target_unit"] = unit
    value = row.get("ratio") if unit == "x" else row.get("seconds")
    if value is None:
        row["status"] = "n/a"
        return
    row["status"] = "pass" if value <= target else "MISS"
    row["margin"] = value / target


def fmt_seconds(value):
    """Seconds as the table shows them."""
    if value is None:
        return ""
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def fmt_target(row):
    """The target of ``row`` as the table shows it."""
    if "target" not in row:
        return ""
    if row["target_unit"] == "x":
        return f"≤ {row['target']:g}×"
    return f"< {fmt_seconds(row['target'])}"


def print_table(meta, rows):
    """Print the sizes and the measures as one table."""
    print()
    print(
        f"learning_unit bench: {meta['units']} units × {meta['members']} members "
        f"= {meta['member_rows']} members, {meta['line_rows']} lines "
        f"(Odoo {meta['odoo']}, PostgreSQL {meta['postgresql']}, "
        f"{meta['cpus']} CPUs, {meta['repeat']} runs, median)"
    )
    header = f"{'':4}{'measure':<44}{'median':>10}{'min':>10}  {'target':<10}{'':6}note"
    print(header)
    print("-" * len(header))
    for row in rows:
        if row["key"] == "ratio":
            value = f"{row['ratio']:.1f}×" if row.get("ratio") else ""
            minimum = ""
        else:
            value = fmt_seconds(row.get("seconds"))
            minimum = fmt_seconds(row.get("min"))
        if row.get("seconds") is None and row["key"] != "ratio":
            value = "n/a"
        status = row.get("status", "")
        status = "" if status == "n/a" else status
        key = "" if row["key"] == "ratio" else row["key"]
        print(
            f"{key:<4}{row['label']:<44}{value:>10}{minimum:>10}  "
            f"{fmt_target(row):<10}{status:<6}{row.get('note', '')}"
        )
    print()


def git_revision():
    """The repository's commit, '+dirty' when the addon has local changes."""
    try:
        revision = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "learning_unit"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return revision + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def profile_call(func, path):
    """Run ``func`` under cProfile; write the top functions to ``path``."""
    profiler = cProfile.Profile()
    profiler.enable()
    func()
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(30)
    path.write_text(stream.getvalue())
    log(f"profile written to {path}")


def run(args):
    """Create and fill the database if asked, measure, print and save."""
    odoo, odoo_bin = import_odoo(args.odoo_src or os.environ.get("ODOO_SRC"))
    config_path = Path(args.odoo_config).resolve()
    load_config(odoo, config_path, args.db)
    pg_version = check_postgres(odoo)
    # wkhtmltopdf installed by 'make setup' lives next to this Python
    os.environ["PATH"] = (
        str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    )

    started = time.perf_counter()
    generate_seconds = None
    if args.reuse_db:
        if args.db not in odoo.service.db.list_dbs(True):
            raise BenchError(f"--reuse-db: there is no database {args.db}")
        log(f"reusing {args.db} as it is (no generation)")
    else:
        create_database(odoo, odoo_bin, config_path, args.db)
        install_seconds = time.perf_counter() - started
        log(f"installed in {install_seconds:.0f} s; generating the province")
        start = time.perf_counter()
        generate_province(
            odoo, args.db, args.units, args.members, args.districts, args.seed
        )
        generate_seconds = time.perf_counter() - start
        log(f"province generated in {generate_seconds:.0f} s")

    results = Results()
    with environment(odoo, args.db) as env:
        meta = describe(odoo, env, args, pg_version, generate_seconds)
        if "a" in args.only or "b" in args.only:
            measure_recompute(env, args, results)
        reviewer = reviewer_env(env)
        if "c" in args.only:
            measure_list(reviewer, args, results)
        if "d" in args.only:
            measure_xlsx(reviewer, args, results)
        if "e" in args.only:
            measure_pdf(odoo, args, reviewer, results)
    meta["total_seconds"] = time.perf_counter() - started
    print_table(meta, results.rows)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS_DIR / f"{meta['units']}x{meta['members']}-{stamp}.json"
    path.write_text(
        json.dumps({"meta": meta, "rows": results.rows}, indent=2, ensure_ascii=False)
        + "\n"
    )
    log(f"results written to {path.relative_to(ROOT)}")
    return results


def describe(odoo, env, args, pg_version, generate_seconds):
    """Sizes and versions of the measured database, for the table and JSON."""
    env.cr.execute(
        "SELECT (SELECT count(*) FROM learning_unit_assessment), "
        "(SELECT count(*) FROM learning_unit_member), "
        "(SELECT count(*) FROM learning_unit_assessment_line)"
    )
    units, member_rows, line_rows = env.cr.fetchone()
    return {
        "units": units,
        "members": round(member_rows / units) if units else 0,
        "member_rows": member_rows,
        "line_rows": line_rows,
        "odoo": odoo.release.version,
        "postgresql": pg_version,
        "cpus": os.cpu_count(),
        "repeat": args.repeat,
        "python": platform.python_version(),
        "revision": git_revision(),
        "addons_path": odoo.tools.config["addons_path"],
        "database": args.db,
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "generate_seconds": generate_seconds,
    }


def measure_recompute(env, args, results):
    """(a) the ORM's full recompute, (b) the SQL floor, and their ratio."""
    log("(a) full recompute")
    n_lines = env["learning.unit.assessment.line"].search_count([])

    def recompute():
        try:
            return full_recompute(env)
        finally:
            env.cr.rollback()

    # warm-up, and check that the recomputed scores are the floor's
    full_recompute(env)
    mismatches, stored = check_floor(env, sql_floor(env))
    env.cr.rollback()
    runs = []
    for _index in range(args.repeat):
        seconds, queries = recompute()
        runs.append(seconds)
    row_a = results.add(
        "a",
        f"full recompute, ORM ({n_lines} lines)",
        seconds=statistics.median(runs),
        min=min(runs),
        runs=runs,
        queries=queries,
        note=f"{queries} queries",
    )
    if args.profile:
        profile_call(recompute, RESULTS_DIR / f"profile-recompute-{n_lines}.txt")

    log("(b) SQL floor")
    env.invalidate_all()
    median, minimum, runs, rows = timed(lambda: sql_floor(env), args.repeat)
    row_b = results.add(
        "b",
        "same aggregates, one SQL statement",
        seconds=median,
        min=minimum,
        runs=runs,
    )
    row_b["note"] = (
        f"= (a)'s scores on {stored} units"
        if not mismatches and len(rows) == stored
        else f"{len(mismatches)} units differ from (a)'s scores!"
    )
    row_b["mismatches"] = [repr(m) for m in mismatches[:20]]
    ratio = results.add("ratio", "ratio (a)/(b)", ratio=row_a["seconds"] / median)
    evaluate(ratio, 3.0, unit="x")


def measure_list(reviewer, args, results):
    """(c) the web client's calls opening the assessments list."""
    log("(c) assessments list as a reviewer")
    for key, label, func in list_measures(reviewer):
        median, minimum, runs, result = timed(func, args.repeat)
        row = results.add(key, label, seconds=median, min=minimum, runs=runs)
        if "records" in result:
            row["note"] = f"{len(result['records'])} of {result['length']} rows"
        else:
            row["note"] = f"{len(result['groups'])} groups"
        evaluate(row, 0.3)


def measure_xlsx(reviewer, args, results):
    """(d) the district summary XLSX of every unit, as the Print menu renders it."""
    log("(d) district summary XLSX")
    units = reviewer["learning.unit.assessment"].search_count([])
    label = f"district summary XLSX, {units} units"
    xmlid = "learning_unit.action_report_district_summary_xlsx"
    if not reviewer.ref(xmlid, raise_if_not_found=False):
        row = results.add(
            "d", label, seconds=None, note="not available in this addon version"
        )
        evaluate(row, 5.0)
        return row
    Report = reviewer["ir.actions.report"]

    def summary():
        reviewer.invalidate_all()
        assessments = reviewer["learning.unit.assessment"].search([])
        return Report._render_xlsx(xmlid, assessments.ids, None)[0]

    try:
        median, minimum, runs, data = timed(summary, args.repeat)
        row = results.add("d", label, seconds=median, min=minimum, runs=runs)
        row["note"] = f"{len(data or b'') // 1024} KiB"
    except Exception as exc:  # report it, keep measuring
        reviewer.cr.rollback()
        row = results.add("d", label, seconds=None, note=f"failed: {exc!r}")
    evaluate(row, 5.0)
    if args.profile and row.get("seconds"):
        profile_call(summary, RESULTS_DIR / f"profile-xlsx-{units}.txt")
    return row


def measure_pdf(odoo, args, env, results):
    """(e) the Phụ lục 2 PDF of ``--pdf-units`` units, through wkhtmltopdf."""
    count = args.pdf_units
    label = f"Phụ lục 2 PDF, {count} units"
    report = env.ref("learning_unit.action_report_phu_luc_2", raise_if_not_found=False)
    if not report:
        return results.add(
            "e", label, seconds=None, note="not available in this addon version"
        )
    Report = env["ir.actions.report"]
    if Report.get_wkhtmltopdf_state() != "ok":
        return results.add(
            "e",
            label,
            seconds=None,
            note="wkhtmltopdf not found: run 'make setup' (installs it in .venv)",
        )
    port = args.http_port or free_port()
    server, url = start_http_server(odoo, port)
    # wkhtmltopdf fetches the report's CSS from there (rolled back at the end)
    env["ir.config_parameter"].sudo().set_param("report.url", url)
    try:
        ids = env["learning.unit.assessment"].search([], limit=count, order="id").ids

        def render():
            env.invalidate_all()
            return Report._render_qweb_pdf(
                "learning_unit.action_report_phu_luc_2", res_ids=ids
            )[0]

        # the warm-up run also makes Odoo build the report's asset bundles
        with WarningCollector() as warnings:
            median, minimum, runs, pdf = timed(render, args.repeat)
        row = results.add("e", label, seconds=median, min=minimum, runs=runs)
        # how much of it is Odoo's QWeb rendering, the rest being wkhtmltopdf
        env.invalidate_all()
        start = time.perf_counter()
        Report._render_qweb_html("learning_unit.action_report_phu_luc_2", ids)
        row["html_seconds"] = time.perf_counter() - start
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        row["note"] = (
            f"{pages} pages, {len(pdf) // 1024} KiB; HTML "
            f"{fmt_seconds(row['html_seconds'])}, the rest wkhtmltopdf"
        )
        row["wkhtmltopdf_messages"] = warnings.problems()
        if row["wkhtmltopdf_messages"]:
            row["note"] += f"; wkhtmltopdf: {row['wkhtmltopdf_messages'][0][:60]}"
    except Exception as exc:  # report it, keep the table
        env.cr.rollback()
        row = results.add("e", label, seconds=None, note=f"failed: {exc!r}")
    finally:
        server.httpd.shutdown()
    return row


def parse_args(argv=None):
    """The command line options (see bench/README.md)."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--odoo-config",
        default=str(ROOT / ".build" / "odoo.conf"),
        help="Odoo configuration file (addons path, database connection)",
    )
    parser.add_argument(
        "--odoo-src",
        help="Odoo 18.0 source tree, when odoo is not importable (else $ODOO_SRC)",
    )
    parser.add_argument("--db", default=DEFAULT_DB, help="database, dropped first")
    parser.add_argument("--units", type=int, default=300, help="units in the province")
    parser.add_argument("--members", type=int, default=50, help="members per unit")
    parser.add_argument(
        "--districts", type=int, default=10, help="districts the units belong to"
    )
    parser.add_argument("--seed", type=int, default=2024, help="random seed")
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed runs of each measure"
    )
    parser.add_argument(
        "--pdf-units", type=int, default=30, help="units in the PDF report"
    )
    parser.add_argument(
        "--http-port",
        type=int,
        default=0,
        help="port of the HTTP server wkhtmltopdf calls back (0: a free one)",
    )
    parser.add_argument(
        "--reuse-db",
        action="store_true",
        help="measure the existing database of a previous run, without "
        "recreating it",
    )
    parser.add_argument(
        "--only",
        default="abcde",
        help="measure only these rows, e.g. 'abc' (a and b go together)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also profile (a) and (d) with cProfile into bench/results/",
    )
    args = parser.parse_args(argv)
    if args.units < 1 or args.members < 0 or args.districts < 1 or args.repeat < 1:
        parser.error("--units, --districts and --repeat must be positive")
    return args


def main(argv=None):
    """Entry point: 0 when measured, 2 with one sentence when the setup is missing."""
    args = parse_args(argv)
    try:
        run(args)
    except BenchError as exc:
        sys.stderr.write(f"ERROR: {exc}.\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
