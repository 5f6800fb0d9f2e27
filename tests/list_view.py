"""The assessments list as the web client requests it.

Shared by the query-count tests and the benchmark (bench/bench.py), so that
both measure what the list view really asks for. Imports nothing of the test
framework.
"""

from lxml import etree

LIST_VIEW = "learning_unit.view_learning_unit_assessment_list"


def list_view_request(env):
    """Return ``(specification, aggregates)`` of the assessments list.

    ``specification`` is what ``web_search_read`` receives: the list's fields
    as ``env``'s user sees them, optional="hide" columns left out;
    ``aggregates`` what ``web_read_group`` receives for its group rows.
    """
    Assessment = env["learning.unit.assessment"]
    arch = Assessment.get_view(env.ref(LIST_VIEW).id, "list")["arch"]
    specification, aggregates = {}, []
    for node in etree.fromstring(arch).iter("field"):
        if node.get("optional") == "hide":
            continue
        name = node.get("name")
        field = Assessment._fields[name]
        many2one = field.type == "many2one"
        specification[name] = {"fields": {"display_name": {}}} if many2one else {}
        if field.type in ("integer", "float", "monetary") and field.aggregator:
            aggregates.append(f"{name}:{field.aggregator}")
    return specification, aggregates


def _field_specification(model, node):
    """What the web client asks of the field ``node`` of a view of ``model``."""
    field = model._fields[node.get("name")]
    if field.type == "many2one":
        return {"fields": {"display_name": {}}}
    if field.type not in ("one2many", "many2many"):
        return {}
    comodel = model.env[field.comodel_name]
    # an embedded list (or kanban) reads its own fields; tags their names
    sub = next((child for child in node if child.tag in ("list", "kanban")), None)
    if sub is None:
        return {"fields": {"display_name": {}}}
    return {"fields": _view_specification(comodel, sub), "limit": 40}


def _view_specification(model, root):
    specification = {}

    def walk(node):
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "field":
                specification[child.get("name")] = _field_specification(model, child)
            else:
                walk(child)

    walk(root)
    return specification


def form_view_request(env, model_name, view_id=False, arch=None):
    """The specification ``web_read`` receives when ``env``'s user opens a
    record of ``model_name`` in its form view (as ``get_views`` gives it, or
    the form ``arch`` given)."""
    model = env[model_name]
    if arch is None:
        arch = model.get_views([(view_id, "form")])["views"]["form"]["arch"]
    return _view_specification(model, etree.fromstring(arch))
