# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Members file the personal documents of seed 001 themselves (issue 11).

The document types are shipped with noupdate: a database installed before
gets, from the same data file, how each is filed, unless an administrator
already set it.
"""

import ast

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools.misc import file_path

DATA = "learning_unit/data/learning_unit_document_type_data.xml"
FIELDS = ("member_form", "approval_required", "evidence_field", "member_template")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for record in etree.parse(file_path(DATA)).iterfind("//record"):
        values = {}
        for node in record.iterfind("field"):
            name = node.get("name")
            if name in FIELDS:
                evaluated = node.get("eval")
                values[name] = (
                    ast.literal_eval(evaluated) if evaluated is not None else node.text
                )
        doc_type = env.ref(
            f"learning_unit.{record.get('id')}", raise_if_not_found=False
        )
        if values and doc_type and not doc_type.member_form:
            doc_type.write(values)
            if values.get("member_template"):
                env["learning.unit.dossier.item"].search(
                    [
                        ("document_type_id", "=", doc_type.id),
                        ("member_id", "!=", False),
                        ("content", "=", False),
                    ]
                ).write({"content": values["member_template"]})
