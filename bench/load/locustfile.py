"""A district at work: officers, members and reviewers on one server (make load).

Each simulated user logs in with an account of the load database (the demo's
``donvi``, ``thanhvien``, ``thamdinh`` and those ``prepare.py`` makes, password
= login) and makes the calls the web client makes for what that role does:

* officers open the open period's assessments (kanban), their assessment's
  form, the member evidence grouped by unit and the missing evidence; they tick
  a member's evidence in the form (``web_save`` of the assessment with the
  member's line, as the toggle's autosave does), only in their own unit's draft
  assessment; they print its self-assessment (PDF through ``/report/pdf``);
* members open their own evidence (list and form) and their documents;
* reviewers open the kanban grouped by state, the list grouped by unit, an
  assessment's form, and print one.

The specifications of the reads come from the views the server returns
(``get_views``, once per user, as the web client caches them), so the load
follows the views. A request fails on an HTTP error or a JSON-RPC error.

Request names are ``kind: who what``; at the end a table gives p50/p95/max per
kind (login, views, list, group-by, form, write, print) and overall, exact
(computed from every response time, where Locust's own percentiles are
rounded).

Environment: ``LOAD_DB`` (database to log into), ``LOAD_USERS_FILE`` (the JSON
of logins per role that prepare.py prints; without it only the demo logins),
``LOAD_TIMEOUT`` (seconds, default 60: a request still unanswered then is a
failure, so that a server that stalls is seen, not only a slow one).
"""

import itertools
import json
import os
import random
import threading
import xml.etree.ElementTree as ET
from collections import defaultdict

from locust import HttpUser, between, events, task
from locust.exception import RescheduleTask, StopUser

DATABASE = os.environ.get("LOAD_DB") or None
USERS_FILE = os.environ.get("LOAD_USERS_FILE")
TIMEOUT = float(os.environ.get("LOAD_TIMEOUT") or 60)
DEMO_LOGINS = {"officer": ["donvi"], "member": ["thanhvien"], "reviewer": ["thamdinh"]}
OPEN_PERIOD = [("period_id.state", "=", "open")]
REPORTS = {
    "points": "learning_unit.report_phu_luc_2",
    "levels": "learning_unit.report_tt24_self_report",
}
KINDS = ("login", "views", "list", "group-by", "form", "write", "print")


def _logins():
    logins = DEMO_LOGINS
    if USERS_FILE and os.path.exists(USERS_FILE):
        with open(USERS_FILE, encoding="utf-8") as handle:
            logins = json.load(handle)
    return {role: itertools.cycle(logins[role]) for role in DEMO_LOGINS}


LOGINS = _logins()
_LOCK = threading.Lock()


# ----------------------------------------------------------------------
# the web client's read specifications, from the views' architecture
# ----------------------------------------------------------------------
def _field_nodes(node):
    """The ``<field>`` nodes of ``node``, not those inside another field."""
    for child in node:
        if child.tag == "field":
            yield child
        else:
            yield from _field_nodes(child)


def specification(node, model, models):
    """What ``web_search_read``/``web_read`` is asked for ``node``'s fields."""
    fields = models.get(model, {}).get("fields", {})
    spec = {}
    for field in _field_nodes(node):
        name = field.get("name")
        description = fields.get(name)
        if description is None:
            continue
        kind = description["type"]
        if kind == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif kind in ("one2many", "many2many"):
            sub = next((c for c in field if c.tag in ("list", "kanban")), None)
            relation = description.get("relation")
            if sub is not None and relation in models:
                spec[name] = {
                    "fields": specification(sub, relation, models),
                    "limit": 40,
                }
            else:
                spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


# ----------------------------------------------------------------------
# per-kind percentiles, exact
# ----------------------------------------------------------------------
TIMES = defaultdict(list)
FAILURES = defaultdict(int)


@events.request.add_listener
def _record(name, response_time, exception, **_kwargs):
    kind = name.split(":", 1)[0]
    with _LOCK:
        TIMES[kind].append(response_time)
        if exception is not None:
            FAILURES[kind] += 1


def _percentile(values, share):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


@events.quitting.add_listener
def _print_kinds(**_kwargs):
    rows = [(kind, TIMES[kind], FAILURES[kind]) for kind in KINDS if TIMES[kind]]
    rows += [
        (kind, times, FAILURES[kind])
        for kind, times in TIMES.items()
        if kind not in KINDS
    ]
    every = [t for _kind, times, _f in rows for t in times]
    if not every:
        return
    rows.append(("overall", every, sum(FAILURES.values())))
    lines = [
        "Per kind (ms, exact):",
        "{:<10} {:>8} {:>8} {:>8} {:>8} {:>8}".format(
            "kind", "requests", "failures", "p50", "p95", "max"
        ),
    ]
    for kind, times, failures in rows:
        lines.append(
            f"{kind:<10} {len(times):>8} {failures:>8} "
            f"{_percentile(times, 0.50):>8.0f} {_percentile(times, 0.95):>8.0f} "
            f"{max(times):>8.0f}"
        )
    print("\n".join(lines), flush=True)


# ----------------------------------------------------------------------
# users
# ----------------------------------------------------------------------
class OdooUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)  # a person reads between two clicks
    role = None

    def on_start(self):
        with _LOCK:
            self.login = next(LOGINS[self.role])
        self._ids = itertools.count(1)
        self.views = {}
        info = self.jsonrpc(
            "/web/session/authenticate",
            {"db": DATABASE, "login": self.login, "password": self.login},
            name=f"login: {self.role}",
            stop=True,
        )
        self.uid = info["uid"]
        self.user_context = info["user_context"]

    # -- calls -------------------------------------------------------------
    def jsonrpc(self, url, params, name, stop=False):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(self._ids),
            "params": params,
        }
        with self.client.post(
            url, json=payload, name=name, catch_response=True, timeout=TIMEOUT
        ) as response:
            problem = None
            if not response.status_code:
                problem = f"no answer: {response.error!r}"[:200]
            elif response.status_code != 200:
                problem = f"HTTP {response.status_code}"
            else:
                try:
                    answer = response.json()
                except ValueError:
                    problem = "not a JSON answer"
                else:
                    if "error" in answer:
                        data = answer["error"].get("data") or {}
                        problem = (
                            f"{data.get('name', 'error')}: "
                            f"{(data.get('message') or '')[:200]}"
                        )
            if problem:
                response.failure(problem)
                raise StopUser() if stop else RescheduleTask()
            return answer.get("result")

    def call_kw(self, name, model, method, args, **kwargs):
        kwargs.setdefault("context", self.user_context)
        return self.jsonrpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
            name=name,
        )

    def view_specs(self, action_xmlid, model):
        """``{view type: specification}`` of an action's views (loaded once)."""
        if action_xmlid not in self.views:
            action = self.jsonrpc(
                "/web/action/load",
                {"action_id": action_xmlid},
                name=f"views: {self.role} action",
            )
            views = [
                [view_id or False, view_type]
                for view_id, view_type in action["views"]
                if view_type in ("list", "kanban", "form")
            ]
            if not any(view_type == "form" for _id, view_type in views):
                views.append([False, "form"])
            result = self.call_kw(
                f"views: {self.role} get_views",
                model,
                "get_views",
                [],
                views=views + [[False, "search"]],
                options={
                    "action_id": action["id"],
                    "load_filters": True,
                    "toolbar": True,
                },
            )
            self.views[action_xmlid] = {
                view_type: specification(
                    ET.fromstring(view["arch"]), model, result["models"]
                )
                for view_type, view in result["views"].items()
                if view_type != "search"
            }
        return self.views[action_xmlid]

    def search(self, name, model, spec, domain, limit=80, order=""):
        return self.call_kw(
            name,
            model,
            "web_search_read",
            [],
            domain=domain,
            specification=spec,
            offset=0,
            limit=limit,
            order=order,
            count_limit=10001,
        )["records"]

    def read_group(self, name, model, domain, groupby, spec, unfold=1):
        """A grouped list or kanban: the groups, then the records of ``unfold``."""
        result = self.call_kw(
            name,
            model,
            "web_read_group",
            [],
            domain=domain,
            fields=[],
            groupby=[groupby],
            limit=80,
            lazy=True,
        )
        groups = result["groups"]
        for group in groups[:unfold]:
            self.search(name, model, spec, group["__domain"], limit=40)
        return groups

    def open_form(self, name, model, spec, record_id):
        [record] = self.call_kw(
            name, model, "web_read", [[record_id]], specification=spec
        )
        return record

    def print_pdf(self, name, assessment):
        report = REPORTS.get(assessment.get("scheme"), REPORTS["levels"])
        with self.client.get(
            f"/report/pdf/{report}/{assessment['id']}",
            name=name,
            catch_response=True,
            timeout=TIMEOUT,
        ) as response:
            if not response.status_code:
                response.failure(f"no answer: {response.error!r}"[:200])
            elif response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif not response.content.startswith(b"%PDF"):
                response.failure(
                    f"not a PDF: {response.headers.get('Content-Type')} "
                    f"{response.content[:80]!r}"
                )

    def assessments(self, name, view_type="kanban", domain=()):
        spec = dict(
            self.view_specs(
                "learning_unit.action_learning_unit_assessment",
                "learning.unit.assessment",
            )[view_type],
            state={},
            scheme={},
        )
        return self.search(
            name, "learning.unit.assessment", spec, OPEN_PERIOD + list(domain)
        )

    def assessment_form(self, name, assessment_id):
        spec = self.view_specs(
            "learning_unit.action_learning_unit_assessment",
            "learning.unit.assessment",
        )["form"]
        return self.open_form(name, "learning.unit.assessment", spec, assessment_id)


class Officer(OdooUser):
    """A unit officer preparing the self-assessment of his unit."""

    role = "officer"
    weight = 8

    def own_draft(self):
        drafts = self.assessments(
            "list: officer assessments", domain=[("state", "=", "draft")]
        )
        if not drafts:
            raise RescheduleTask()
        return random.choice(drafts)

    @task(3)
    def list_assessments(self):
        self.assessments("list: officer assessments")

    @task(3)
    def open_assessment(self):
        self.assessment_form("form: officer assessment", self.own_draft()["id"])

    @task(4)
    def tick_evidence(self):
        """Toggle one counted evidence of a member in the form; it autosaves."""
        assessment = self.own_draft()
        form = self.assessment_form("form: officer assessment", assessment["id"])
        kinds = [k for k in (form.get("evidence_kinds") or "").split(",") if k]
        members = [
            m for m in form.get("member_ids") or [] if any(k in m for k in kinds)
        ]
        if not members:
            raise RescheduleTask()
        member = random.choice(members)
        kind = random.choice([k for k in kinds if k in member])
        spec = self.view_specs(
            "learning_unit.action_learning_unit_assessment",
            "learning.unit.assessment",
        )["form"]
        self.call_kw(
            "write: officer ticks a member's evidence",
            "learning.unit.assessment",
            "web_save",
            [
                [assessment["id"]],
                {"member_ids": [[1, member["id"], {kind: not member[kind]}]]},
            ],
            specification=spec,
        )

    @task(2)
    def member_evidence_by_unit(self):
        spec = self.view_specs(
            "learning_unit.action_learning_unit_member", "learning.unit.member"
        )["list"]
        self.read_group(
            "group-by: officer member evidence by unit",
            "learning.unit.member",
            OPEN_PERIOD,
            "unit_id",
            spec,
        )

    @task(1)
    def missing_evidence(self):
        spec = self.view_specs(
            "learning_unit.action_learning_unit_evidence_gap",
            "learning.unit.evidence.gap",
        )["list"]
        self.read_group(
            "group-by: officer missing evidence",
            "learning.unit.evidence.gap",
            OPEN_PERIOD + [("assessment_id.state", "in", ("draft", "returned"))],
            "what",
            spec,
        )

    @task(1)
    def print_self_assessment(self):
        self.print_pdf("print: officer self-assessment PDF", self.own_draft())


class Member(OdooUser):
    """A member looking at her own evidence and documents."""

    role = "member"
    weight = 7

    @task(3)
    def my_evidence(self):
        specs = self.view_specs(
            "learning_unit.action_learning_unit_member_mine", "learning.unit.member"
        )
        mine = self.search(
            "list: member own evidence",
            "learning.unit.member",
            specs["list"],
            [("user_id", "=", self.uid)],
        )
        if mine:
            self.open_form(
                "form: member own evidence",
                "learning.unit.member",
                specs["form"],
                random.choice(mine)["id"],
            )

    @task(2)
    def my_documents(self):
        spec = self.view_specs(
            "learning_unit.action_learning_unit_my_record", "learning.unit.dossier.item"
        )["list"]
        self.search(
            "list: member own documents",
            "learning.unit.dossier.item",
            spec,
            [
                ("user_id", "=", self.uid),
                ("member_id", "!=", False),
                ("assessment_id.period_id.state", "=", "open"),
            ],
        )


class Reviewer(OdooUser):
    """The reviewing level going through the district's assessments."""

    role = "reviewer"
    weight = 5

    def kanban_spec(self):
        return dict(
            self.view_specs(
                "learning_unit.action_learning_unit_assessment",
                "learning.unit.assessment",
            )["kanban"],
            state={},
            scheme={},
        )

    @task(3)
    def kanban_by_state(self):
        self.read_group(
            "group-by: reviewer kanban by state",
            "learning.unit.assessment",
            OPEN_PERIOD,
            "state",
            self.kanban_spec(),
            unfold=8,
        )

    @task(2)
    def list_by_unit(self):
        spec = self.view_specs(
            "learning_unit.action_learning_unit_assessment",
            "learning.unit.assessment",
        )["list"]
        self.read_group(
            "group-by: reviewer list by unit",
            "learning.unit.assessment",
            [],
            "department_id",
            spec,
        )

    @task(2)
    def list_open(self):
        self.assessments("list: reviewer assessments", view_type="list")

    @task(3)
    def open_assessment(self):
        assessments = self.assessments("list: reviewer assessments")
        if assessments:
            self.assessment_form(
                "form: reviewer assessment", random.choice(assessments)["id"]
            )

    @task(2)
    def print_assessment(self):
        assessments = [
            a
            for a in self.assessments("list: reviewer assessments")
            if a["state"] != "draft"
        ]
        if assessments:
            self.print_pdf("print: reviewer assessment PDF", random.choice(assessments))
