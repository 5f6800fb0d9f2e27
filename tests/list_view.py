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
