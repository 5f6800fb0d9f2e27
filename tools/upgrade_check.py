"""An upgrade loses nothing: build the old database, upgrade it, compare.

``make upgrade-check`` (UPGRADE_FROM, UPGRADE_DB, UPGRADE_ARGS) runs this:

1. the addon as it was at ``--from`` (``git archive``) is installed with its
   demo data and Vietnamese in ``<db>_base`` (dropped first, filestore under
   the configuration's data_dir), from a temporary configuration whose
   addons_path holds that copy instead of the repository;
2. tools/upgrade_play.py plays a round's worth of work on it, with the old
   code and the demo users' own rights;
3. a snapshot of it is taken (JSON, in ``--workdir``): every record of every
   stored ``learning.unit.*`` model with every stored field, the chatter
   (``mail.message``, ``mail.tracking.value``), activities, followers and
   attachments of those models (each file checked against its checksum),
   hr.department, hr.employee and res.users with the addon's fields and the
   fields naming each record, and the external ids of the addon and of
   learning_unit_demo (``ir.model.data``);
4. ``<db>`` is a copy of ``<db>_base`` upgraded in place with the code of
   ``--repo`` (the working tree by default): ``-u learning_unit``, then ``-i
   learning_unit_demo`` when that addon exists at the repository root; then
   snapshot again;
5. both snapshots are compared by (model, id) and a summary printed. Exit 1
   on a record lost, a value changed, a record added or a field dropped that
   no option allows, an external id lost or moved, or an ERROR in the
   upgrade's log.

``--reuse`` skips steps 1-3 when ``<db>_base`` and its snapshot were built
from the same commit (a new run then takes the upgrade's time only).

Allowances, comma-separated, each printed in the report:
``--dropped model.field`` (or a whole ``model``) the refactor removed,
``--renamed model.old:new``, ``--changed model.field`` (a value may differ),
``--added model`` (new records of that model are expected; records carrying a
new external id of the addon always are).

Internal: ``upgrade_check.py snapshot --config CONF --db DB --out FILE`` is
the snapshot, run in a subprocess importing Odoo with that configuration.
"""

import argparse
import configparser
import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE = "learning_unit"
DEMO_MODULE = "learning_unit_demo"
MODULES = (MODULE, DEMO_MODULE)
PREFIX = "learning.unit."
# the addon's fields on these models are compared too, with the fields that
# say which record it is (the demo district's units, people and users)
EXTRA_MODELS = (
    "hr.department",
    "hr.employee",
    "res.users",
    "res.partner",
    "res.company",
)
IDENTITY = {
    "hr.department": ("name", "parent_id", "manager_id", "company_id", "active"),
    "hr.employee": (
        "name", "department_id", "user_id", "job_title", "identification_id",
        "company_id", "active",
    ),
    "res.users": ("login", "partner_id", "company_id", "groups_id", "active"),
}  # fmt: skip
# compared on their own (below), not as lists of ids on every record
MAIL_COMODELS = frozenset(
    {"mail.message", "mail.followers", "mail.activity", "rating.rating"}
)
# a record rewritten with the same values moves these: reported, not a loss
TOUCH_FIELDS = frozenset({"write_date", "write_uid"})
# external ids of the code's structure (views, actions, menus, fields, rules,
# access rights...): a refactor may remove them; reported, not a loss
STRUCTURE = re.compile(r"^ir\.(?!attachment$)")
SUMMARY = (
    ("learning.unit.assessment", "assessments"),
    ("learning.unit.assessment.line", "lines"),
    ("learning.unit.member", "members"),
    ("learning.unit.evidence.event", "evidence events"),
    ("learning.unit.dossier.item", "documents"),
    ("learning.unit.decision", "decisions"),
    ("learning.unit.decision.line", "decision lines"),
    ("learning.unit.number.register", "number registers"),
    ("learning.unit.recognition", "recognitions"),
    ("learning.unit.team", "teams"),
    ("learning.unit.minutes", "minutes"),
    ("learning.unit.upward.report", "upward reports"),
    ("mail.message", "messages"),
    ("mail.tracking.value", "tracking values"),
    ("ir.attachment", "attachments"),
)


# ----------------------------------------------------------------------
# snapshot (runs inside Odoo)
# ----------------------------------------------------------------------
def plain(value):
    """A JSON value comparing equal exactly when the stored values are equal."""
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha1:" + hashlib.sha1(bytes(value)).hexdigest()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return str(value)  # Markup, Decimal...


def field_info(field):
    return {
        "type": field.type,
        "comodel": field.comodel_name if field.relational else None,
    }


def dump(model, records, fields):
    """{id: {field: value}} of ``records``, read as stored."""
    names = [field.name for field in fields]
    translated = [
        field.name
        for field in fields
        if getattr(field, "translate", False) and field.column_type
    ]
    out = {}
    ids = records.ids
    for start in range(0, len(ids), 1000):
        batch = model.browse(ids[start : start + 1000])
        for row in batch.read(names, load=None):
            values = {}
            for field in fields:
                value = row[field.name]
                if field.type in ("one2many", "many2many"):
                    value = sorted(value)
                elif field.type == "binary" and value:
                    value = (
                        "sha1:"
                        + hashlib.sha1(
                            value if isinstance(value, bytes) else value.encode()
                        ).hexdigest()
                    )
                values[field.name] = plain(value)
            out[str(row["id"])] = values
        if translated:
            # every language of a translated field, as stored
            columns = ", ".join(f'"{name}"' for name in translated)
            model.env.cr.execute(
                f'SELECT id, {columns} FROM "{model._table}" WHERE id = ANY(%s)',
                [batch.ids],
            )
            for row in model.env.cr.fetchall():
                for name, value in zip(translated, row[1:], strict=True):
                    out[str(row[0])][name] = plain(value)
        model.env.invalidate_all()
    return out


def snapshot_model(model, records, fields):
    fields = sorted(fields, key=lambda field: field.name)
    return {
        "fields": {field.name: field_info(field) for field in fields},
        "records": dump(model, records, fields),
    }


def kept(field):
    if not field.store or field.name == "id":
        return False
    return not (
        field.type in ("one2many", "many2many") and field.comodel_name in MAIL_COMODELS
    )


def take_snapshot(env):
    """Everything the upgrade must keep, as plain JSON."""
    env = env(context={"active_test": False, "lang": "en_US", "bin_size": False})
    cr = env.cr
    models = {}
    for name in sorted(env.registry):
        model = env[name]
        if (
            name.startswith(PREFIX)
            and not model._abstract
            and not model._transient
            and model._auto
        ):
            fields = [f for f in model._fields.values() if kept(f)]
            models[name] = snapshot_model(model, model.search([], order="id"), fields)

    # the addon's own fields on the models it extends
    addon_fields = (
        env["ir.model.fields"]
        .search([("model", "in", EXTRA_MODELS), ("store", "=", True)])
        .filtered(lambda f: set((f.modules or "").split(", ")) & set(MODULES))
    )
    for name in EXTRA_MODELS:
        names = set(
            addon_fields.filtered(lambda f, n=name: f.model == n).mapped("name")
        )
        names.update(IDENTITY.get(name, ()))
        if name in env and names:
            model = env[name]
            fields = [model._fields[n] for n in names if n in model._fields]
            models[name] = snapshot_model(model, model.search([], order="id"), fields)

    # the chatter, activities, followers and files of the addon's records
    like = [("model", "=like", PREFIX + "%")]
    Message = env["mail.message"]
    messages = Message.search(like, order="id")
    models["mail.message"] = snapshot_model(
        Message, messages, [f for f in Message._fields.values() if kept(f)]
    )
    Tracking = env["mail.tracking.value"]
    trackings = Tracking.search([("mail_message_id", "in", messages.ids)], order="id")
    tracking = snapshot_model(
        Tracking, trackings, [f for f in Tracking._fields.values() if kept(f)]
    )
    # a tracked field by its name: its ir.model.fields id may change
    fields_by_id = {
        f.id: f"{f.model}.{f.name}"
        for f in trackings.field_id.with_context(prefetch_fields=False)
    }
    for values in tracking["records"].values():
        if "field_id" in values:
            values["field_id"] = fields_by_id.get(
                values["field_id"], values["field_id"]
            )
    tracking["fields"]["field_id"] = {"type": "char", "comodel": None}
    models["mail.tracking.value"] = tracking
    for name in ("mail.activity", "mail.followers"):
        model = env[name]
        models[name] = snapshot_model(
            model,
            model.search([("res_model", "=like", PREFIX + "%")], order="id"),
            [f for f in model._fields.values() if kept(f)],
        )
    Attachment = env["ir.attachment"]
    attachments = Attachment.search(
        [
            ("res_model", "=like", PREFIX + "%"),
            "|",
            ("res_field", "=", False),
            ("res_field", "!=", False),
        ],
        order="id",
    )
    names = (
        "name", "res_model", "res_id", "res_field", "type", "url", "checksum",
        "mimetype", "file_size", "store_fname", "company_id", "public",
        "description", "create_uid", "create_date",
    )  # fmt: skip
    attachment = snapshot_model(
        Attachment, attachments, [Attachment._fields[n] for n in names]
    )
    # the file is there and holds what its checksum says
    for record in attachments:
        values = attachment["records"][str(record.id)]
        if record.store_fname:
            path = record._full_path(record.store_fname)
            ok = os.path.isfile(path)
            if ok:
                with open(path, "rb") as file:
                    ok = hashlib.sha1(file.read()).hexdigest() == record.checksum
            values["file_ok"] = ok
        else:
            values["file_ok"] = True
    attachment["fields"]["file_ok"] = {"type": "boolean", "comodel": None}
    models["ir.attachment"] = attachment

    cr.execute(
        "SELECT module, name, model, res_id, noupdate FROM ir_model_data "
        "WHERE module IN %s ORDER BY module, name",
        [MODULES],
    )
    xmlids = {
        f"{module}.{name}": [model, res_id, bool(noupdate)]
        for module, name, model, res_id, noupdate in cr.fetchall()
    }
    cr.execute(
        "SELECT name, state, latest_version FROM ir_module_module WHERE name IN %s",
        [MODULES],
    )
    modules = {name: [state, version] for name, state, version in cr.fetchall()}
    return {"modules": modules, "models": models, "xmlids": xmlids}


def snapshot_main(argv):
    parser = argparse.ArgumentParser(prog="upgrade_check.py snapshot")
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--meta", default="{}")
    args = parser.parse_args(argv)

    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", args.config, "-d", args.db, "--no-http"])
    odoo.service.server.load_server_wide_modules()
    registry = Registry(args.db)
    with registry.cursor() as cr:
        data = take_snapshot(api.Environment(cr, SUPERUSER_ID, {}))
        cr.rollback()
    data["meta"] = json.loads(args.meta)
    with open(args.out, "w", encoding="utf-8") as file:
        json.dump(data, file, ensure_ascii=False, sort_keys=True)
    return 0


# ----------------------------------------------------------------------
# comparison
# ----------------------------------------------------------------------
def split_list(values):
    return [v.strip() for item in values or () for v in item.split(",") if v.strip()]


class Allowances:
    def __init__(self, args, before_models):
        dropped = split_list(args.dropped)
        self.dropped_models = {d for d in dropped if d in before_models}
        self.dropped_fields = set(dropped) - self.dropped_models
        self.changed = set(split_list(args.changed))
        self.added = set(split_list(args.added))
        self.renamed = defaultdict(dict)
        for item in split_list(args.renamed):
            old, _sep, new = item.partition(":")
            model, _dot, field = old.rpartition(".")
            if not (model and field and new):
                raise SystemExit(f"--renamed {item!r}: expected model.old:new")
            self.renamed[model][field] = new


class Report:
    def __init__(self, examples):
        self.examples = examples
        self.lines = []
        self.problems = []
        self.failures = 0
        self.lost = 0
        self.changed = 0
        self.added = 0
        self.added_refused = 0

    def out(self, text=""):
        self.lines.append(text)

    def fail(self, text):
        self.failures += 1
        self.problems.append("FAIL " + text)

    def sample(self, items):
        items = list(items)
        shown = ", ".join(str(i) for i in items[: self.examples])
        more = len(items) - self.examples
        return shown + (f" (+{more} more)" if more > 0 else "")


def short(value, width=90):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 3] + "..."


def xmlid_index(xmlids):
    index = defaultdict(list)
    for xmlid, (model, res_id, _noupdate) in xmlids.items():
        index[model, res_id].append(xmlid)
    return index


def compare(before, after, allow, report):
    bmodels, amodels = before["models"], after["models"]
    old_xmlids = set(before["xmlids"])
    new_refs = xmlid_index(
        {k: v for k, v in after["xmlids"].items() if k not in old_xmlids}
    )
    all_refs = xmlid_index(after["xmlids"])
    # records added that are allowed: their ids are left out of x2many lists
    allowed_added = defaultdict(set)
    added_ids = {}
    for model in sorted(set(bmodels) | set(amodels)):
        b_ids = set(bmodels.get(model, {}).get("records", {}))
        a_ids = set(amodels.get(model, {}).get("records", {}))
        added = sorted(a_ids - b_ids, key=int)
        added_ids[model] = added
        for rid in added:
            if model in allow.added or new_refs.get((model, int(rid))):
                allowed_added[model].add(int(rid))

    rows = []
    details = []
    touched = Counter()
    for model in sorted(set(bmodels) | set(amodels)):
        b = bmodels.get(model)
        a = amodels.get(model)
        if b is None:
            details.append(f"NEW MODEL {model}: {len(a['records'])} records")
            b = {"fields": {}, "records": {}}
        if a is None:
            count = len(b["records"])
            if model in allow.dropped_models:
                details.append(f"allowed: model {model} dropped ({count} records)")
            else:
                report.lost += count
                report.fail(f"model {model} is gone with its {count} records")
            rows.append(
                (model, count, 0, 0 if model in allow.dropped_models else count, 0, 0)
            )
            continue
        renamed = allow.renamed.get(model, {})
        mapping = {}
        for field in b["fields"]:
            new = renamed.get(field, field)
            if new in a["fields"]:
                mapping[field] = new
                if new != field:
                    details.append(f"allowed: {model}.{field} renamed {new}")
            elif f"{model}.{field}" in allow.dropped_fields:
                details.append(f"allowed: field {model}.{field} dropped")
            else:
                report.fail(f"field {model}.{field} disappeared")
        new_fields = set(a["fields"]) - set(mapping.values())
        if new_fields and b["records"]:
            details.append(f"new fields of {model}: {', '.join(sorted(new_fields))}")

        b_ids, a_ids = set(b["records"]), set(a["records"])
        lost = sorted(b_ids - a_ids, key=int)
        if lost:
            report.lost += len(lost)
            report.fail(f"{model}: {len(lost)} records lost: ids {report.sample(lost)}")
        added = added_ids[model]
        refused = [rid for rid in added if int(rid) not in allowed_added[model]]
        report.added += len(added)
        report.added_refused += len(refused)
        if refused:
            report.fail(
                f"{model}: {len(refused)} records added: ids {report.sample(refused)}"
            )
        if len(added) > len(refused):
            ok = [rid for rid in added if int(rid) in allowed_added[model]]
            labels = [
                f"{rid} ({', '.join(all_refs.get((model, int(rid)), [])) or 'allowed'})"
                for rid in ok
            ]
            details.append(
                f"allowed: {model}: {len(ok)} records added: {report.sample(labels)}"
            )

        changes = defaultdict(list)
        for rid in sorted(b_ids & a_ids, key=int):
            old, new = b["records"][rid], a["records"][rid]
            for field, target in mapping.items():
                old_value, new_value = old.get(field), new.get(target)
                info = a["fields"][target]
                if info["type"] in ("one2many", "many2many") and isinstance(
                    new_value, list
                ):
                    extra = allowed_added.get(info["comodel"], ())
                    new_value = [v for v in new_value if v not in extra]
                if old_value == new_value:
                    continue
                if field in TOUCH_FIELDS:
                    touched[model, field] += 1
                else:
                    changes[field].append((rid, old_value, new_value))
        n_changed = 0
        for field, items in sorted(changes.items()):
            key = f"{model}.{field}"
            examples = "; ".join(
                f"id {rid}: {short(o)} -> {short(n)}"
                for rid, o, n in items[: report.examples]
            )
            text = f"{key}: {len(items)} records changed, e.g. {examples}"
            if key in allow.changed:
                details.append("allowed: " + text)
            else:
                n_changed += len(items)
                report.fail(text)
        report.changed += n_changed
        rows.append((model, len(b_ids), len(a_ids), len(lost), len(added), n_changed))

    compare_xmlids(before, after, report, details)
    for (model, field), count in sorted(touched.items()):
        details.append(
            f"info: {model}.{field} moved on {count} records (rewritten by the upgrade)"
        )
    return rows, details


def compare_xmlids(before, after, report, details):
    old, new = before["xmlids"], after["xmlids"]
    structure_gone = []
    structure_moved = []
    moved_module = 0
    for xmlid, (model, res_id, noupdate) in sorted(old.items()):
        module, _dot, name = xmlid.partition(".")
        candidates = [xmlid]
        if module == MODULE and name.startswith("demo_"):
            candidates.insert(0, f"{DEMO_MODULE}.{name}")
        found = next((c for c in candidates if c in new), None)
        structural = bool(STRUCTURE.match(model))
        if not found:
            if structural:
                structure_gone.append(xmlid)
            else:
                report.fail(f"external id {xmlid} ({model},{res_id}) is gone")
            continue
        if found != xmlid:
            moved_module += 1
        new_model, new_id, new_noupdate = new[found]
        if (new_model, new_id) != (model, res_id):
            text = (
                f"external id {xmlid}: ({model},{res_id}) -> "
                f"{found} ({new_model},{new_id})"
            )
            if structural:
                structure_moved.append(text)
            else:
                report.fail(text)
        elif new_noupdate != noupdate and not structural:
            details.append(f"info: {found} noupdate {noupdate} -> {new_noupdate}")
    if moved_module:
        details.append(f"info: {moved_module} demo external ids now in {DEMO_MODULE}")
    if structure_gone:
        details.append(
            f"info: {len(structure_gone)} external ids of the code's structure "
            f"removed: {', '.join(structure_gone[:20])}"
        )
    for text in structure_moved[:20]:
        details.append("info: " + text)
    fresh = sorted(set(new) - set(old))
    fresh = [
        x
        for x in fresh
        if not (
            x.startswith(DEMO_MODULE + ".") and f"{MODULE}.{x.split('.', 1)[1]}" in old
        )
    ]
    if fresh:
        by_model = Counter(new[x][0] for x in fresh)
        details.append(
            f"info: {len(fresh)} new external ids ("
            + ", ".join(f"{m}: {c}" for m, c in sorted(by_model.items()))
            + f"): {', '.join(fresh[:5])}"
        )


def print_report(before, after, rows, details, report, log_errors):
    out = report.out
    versions = " -> ".join(
        ", ".join(f"{n} {s} {v}" for n, (s, v) in sorted(snap["modules"].items()))
        for snap in (before, after)
    )
    out(f"modules: {versions}")
    width = max(len(r[0]) for r in rows) if rows else 20
    columns = ("model", "before", "after", "lost", "added", "changed")
    for row in [columns, *rows]:
        model, *numbers = row
        out(f"{model:<{width}}" + "".join(f" {n:>7}" for n in numbers))
    for line in details:
        out(line)
    for line in log_errors:
        report.fail("upgrade log: " + line)
    for line in report.problems:
        out(line)
    counts = {model: n_before for model, n_before, *_rest in rows}
    parts = [f"{counts[m]} {label}" for m, label in SUMMARY if m in counts]
    total = sum(counts.values())
    status = "OK" if not report.failures else f"FAILED ({report.failures} problems)"
    out(
        f"upgrade-check: {', '.join(parts)} ({total} records of {len(rows)} models) "
        f"compared; {report.lost} lost, {report.changed} changed, "
        f"{report.added} added ({report.added_refused} not allowed): {status}"
    )
    print("\n".join(report.lines), flush=True)


# ----------------------------------------------------------------------
# building and upgrading
# ----------------------------------------------------------------------
def run(cmd, log=None, **kwargs):
    """Run ``cmd``; with ``log``, its output goes there. Stops on failure."""
    started = time.monotonic()
    if log:
        with open(log, "w", encoding="utf-8") as file:
            result = subprocess.run(
                cmd, stdout=file, stderr=subprocess.STDOUT, check=False, **kwargs
            )
    else:
        result = subprocess.run(cmd, check=False, **kwargs)
    if result.returncode:
        if log:
            tail = Path(log).read_text(encoding="utf-8", errors="replace")[-6000:]
            print(tail, file=sys.stderr)
        raise SystemExit(
            f"upgrade-check: {' '.join(map(str, cmd[:4]))}... failed "
            f"(exit {result.returncode}{', log ' + str(log) if log else ''})"
        )
    return time.monotonic() - started


def log_lines(log, levels):
    pattern = re.compile(r"^\S+ \S+ \d+ (" + "|".join(levels) + r") \S+ (\S+): (.*)$")
    lines = []
    for line in Path(log).read_text(encoding="utf-8", errors="replace").splitlines():
        match = pattern.match(line)
        if match:
            lines.append(f"{match.group(1)} {match.group(2)}: {match.group(3)}")
    return lines


def db_exists(name):
    result = subprocess.run(
        [
            "psql",
            "-d",
            "postgres",
            "-Atqc",
            "SELECT 1 FROM pg_database WHERE datname = %s" % quote(name),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip() == "1"


def quote(name):
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise SystemExit(f"upgrade-check: unsafe database name {name!r}")
    return f"'{name}'"


def write_conf(base, path, addons_path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(base)
    options = parser["options"]
    options["addons_path"] = ",".join(addons_path)
    options["http_port"] = "8181"
    options["without_demo"] = "False"
    options["max_cron_threads"] = "0"
    with open(path, "w", encoding="utf-8") as file:
        parser.write(file)
    return options


def addons_entries(base, addon_dir):
    """The configuration's addons_path, ``addon_dir`` in place of the repository."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(base)
    entries = [e.strip() for e in parser["options"]["addons_path"].split(",")]
    kept = [e for e in entries if not Path(e, MODULE, "__manifest__.py").exists()]
    if len(kept) == len(entries):
        raise SystemExit(
            f"upgrade-check: no entry of {base}'s addons_path holds {MODULE}"
        )
    return [*kept, str(addon_dir)]


class Check:
    def __init__(self, args):
        self.args = args
        self.repo = Path(args.repo).resolve()
        self.workdir = Path(args.workdir).resolve()
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.base_db = f"{args.db}_base"
        quote(args.db)
        quote(self.base_db)
        self.odoo_bin = Path(args.odoo_src, "odoo-bin")
        self.python = sys.executable
        if not self.odoo_bin.is_file():
            raise SystemExit(f"upgrade-check: no odoo-bin in {args.odoo_src}")
        parser = configparser.ConfigParser(interpolation=None)
        if not parser.read(args.config):
            raise SystemExit(f"upgrade-check: no Odoo configuration {args.config}")
        self.data_dir = Path(parser["options"].get("data_dir") or "~/.local/share/Odoo")
        self.data_dir = self.data_dir.expanduser()
        commit = f"{args.rev}^{{commit}}"
        found = subprocess.run(
            ["git", "-C", str(self.repo), "rev-parse", "--verify", "-q", commit],
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode:
            raise SystemExit(
                f"upgrade-check: {args.rev} is no commit of {self.repo} (a clone "
                "with its history is needed)"
            )
        self.sha = found.stdout.strip()
        self.tmp = Path(tempfile.mkdtemp(prefix="lu_upg_"))
        self.before_json = self.workdir / f"{self.base_db}.before.json"
        self.after_json = self.workdir / f"{args.db}.after.json"

    def say(self, text):
        print(f"== {text}", flush=True)

    def filestore(self, db):
        return self.data_dir / "filestore" / db

    def drop(self, db):
        subprocess.run(["dropdb", "--if-exists", db], check=True)
        shutil.rmtree(self.filestore(db), ignore_errors=True)

    def odoo(self, conf, db, *options, log):
        return run(
            [
                self.python, str(self.odoo_bin), "-c", str(conf), "-d", db,
                *options, "--stop-after-init", "--no-http", "--log-level=warn",
            ],
            log=log,
        )  # fmt: skip

    def snapshot(self, conf, db, out, meta):
        return run(
            [
                self.python, str(Path(__file__).resolve()), "snapshot",
                "--config", str(conf), "--db", db, "--out", str(out),
                "--meta", json.dumps(meta),
            ]
        )  # fmt: skip

    def reusable(self):
        if not (self.args.reuse and self.before_json.exists()):
            return False
        if not db_exists(self.base_db):
            return False
        with open(self.before_json, encoding="utf-8") as file:
            meta = json.load(file).get("meta", {})
        return meta.get("rev") == self.sha and meta.get("db") == self.base_db

    def build_old(self):
        old = self.tmp / "old"
        old.mkdir()
        archive = subprocess.Popen(
            ["git", "-C", str(self.repo), "archive", self.sha, MODULE],
            stdout=subprocess.PIPE,
        )
        subprocess.run(["tar", "-x", "-C", str(old)], stdin=archive.stdout, check=True)
        archive.stdout.close()
        if archive.wait():
            raise SystemExit(f"upgrade-check: git archive {self.sha} {MODULE} failed")
        conf = self.tmp / "odoo-old.conf"
        write_conf(self.args.config, conf, addons_entries(self.args.config, old))
        self.before_json.unlink(missing_ok=True)
        self.drop(self.base_db)
        self.say(
            f"Installing {MODULE} of {self.sha[:10]} with its demo in {self.base_db}"
        )
        took = self.odoo(
            conf, self.base_db, "-i", MODULE, "--load-language=vi_VN",
            log=self.workdir / f"{self.base_db}.install.log",
        )  # fmt: skip
        self.say(f"Installed in {took:.0f} s; playing a round's work with the old code")
        run(
            [
                self.python, str(ROOT / "tools" / "upgrade_play.py"),
                "--config", str(conf), "--db", self.base_db,
            ]
        )  # fmt: skip
        self.say("Snapshot of the old database")
        self.snapshot(
            conf, self.base_db, self.before_json, {"rev": self.sha, "db": self.base_db}
        )

    def upgrade(self):
        self.drop(self.args.db)
        subprocess.run(["createdb", "-T", self.base_db, self.args.db], check=True)
        if self.filestore(self.base_db).exists():
            shutil.copytree(self.filestore(self.base_db), self.filestore(self.args.db))
        conf = self.tmp / "odoo-new.conf"
        write_conf(self.args.config, conf, addons_entries(self.args.config, self.repo))
        log = self.workdir / f"{self.args.db}.upgrade.log"
        self.say(f"Upgrading {self.args.db} with the code of {self.repo}")
        took = self.odoo(conf, self.args.db, "-u", MODULE, log=log)
        errors = log_lines(log, ("ERROR", "CRITICAL"))
        warnings = log_lines(log, ("WARNING",))
        if (self.repo / DEMO_MODULE / "__manifest__.py").exists():
            demo_log = self.workdir / f"{self.args.db}.install-demo.log"
            self.say(f"Installing {DEMO_MODULE}")
            took += self.odoo(conf, self.args.db, "-i", DEMO_MODULE, log=demo_log)
            errors += log_lines(demo_log, ("ERROR", "CRITICAL"))
            warnings += log_lines(demo_log, ("WARNING",))
        self.say(f"Upgraded in {took:.0f} s; snapshot of the upgraded database")
        for line in sorted(set(warnings))[:30]:
            print(f"   upgrade log: {line[:300]}")
        self.snapshot(conf, self.args.db, self.after_json, {"db": self.args.db})
        return errors

    def main(self):
        try:
            if self.reusable():
                self.say(f"Reusing {self.base_db} (built from {self.sha[:10]})")
            else:
                self.build_old()
            errors = self.upgrade()
        finally:
            if self.args.keep_tmp:
                print(f"upgrade-check: temporary files kept in {self.tmp}")
            else:
                shutil.rmtree(self.tmp, ignore_errors=True)
        with open(self.before_json, encoding="utf-8") as file:
            before = json.load(file)
        with open(self.after_json, encoding="utf-8") as file:
            after = json.load(file)
        report = Report(self.args.examples)
        allow = Allowances(self.args, set(before["models"]))
        rows, details = compare(before, after, allow, report)
        print_report(before, after, rows, details, report, [e[:300] for e in errors])
        return 1 if report.failures else 0


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["snapshot"]:
        return snapshot_main(argv[1:])
    parser = argparse.ArgumentParser(
        description="Build the old database, upgrade it to this tree, compare."
    )
    parser.add_argument("--from", dest="rev", default="debe340", help="old commit")
    parser.add_argument("--db", default="learning_unit_upgrade")
    parser.add_argument("--repo", default=str(ROOT), help="tree to upgrade to")
    parser.add_argument("--config", default=str(ROOT / ".build" / "odoo.conf"))
    parser.add_argument("--odoo-src", default=os.environ.get("ODOO_SRC", "/opt/odoo"))
    parser.add_argument("--workdir", default=str(ROOT / ".build" / "upgrade"))
    parser.add_argument("--reuse", action="store_true", help="reuse <db>_base")
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--keep-tmp", action="store_true")
    for name, text in (
        ("--dropped", "model.field or model removed on purpose"),
        ("--renamed", "model.old:new"),
        ("--changed", "model.field whose values may change"),
        ("--added", "model whose new records are expected"),
    ):
        parser.add_argument(name, action="append", help=text)
    return Check(parser.parse_args(argv)).main()


if __name__ == "__main__":
    sys.exit(main())
