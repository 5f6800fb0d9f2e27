# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The signed copy of an issued document: the reference copy.

A decision or a report upward once issued, minutes once signed, are signed on
paper (or with the government's own certificate, which the addon does not
hold): the issuing side attaches the scan of what was signed, and that file,
not a reprint, is the document's reference copy. It is a field of the
document (an attachment of the field), so that who reads the document
downloads it and nobody else: the document's record rules decide. Who may
write the document's fields while in draft attaches it once issued (each
model's ``_lu_write_access`` gives ``SIGNED_SCAN_FIELDS`` in its issued
states); each attachment is noted in the chatter.
"""

import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.mimetypes import guess_mimetype

SIGNED_SCAN_FIELDS = frozenset({"signed_scan", "signed_scan_name"})
# a scan: a PDF or a picture, never a page a browser would run
SCAN_MIMETYPES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
}


def _mimetype(value):
    """The type of a file given in base64 (as a binary field holds it)."""
    try:
        return guess_mimetype(base64.b64decode(value, validate=True))
    except (binascii.Error, ValueError):
        return None


class LearningUnitSignedScanMixin(models.AbstractModel):
    _name = "learning.unit.signed.scan.mixin"
    _description = "Learning Unit Signed Copy"

    signed_scan = fields.Binary(
        string="Signed Copy",
        attachment=True,
        copy=False,
        help="The scan of the signed paper (PDF or picture), attached once the "
        "document is issued: its reference copy.",
    )
    signed_scan_name = fields.Char(string="Signed Copy File Name", copy=False)

    @api.constrains("signed_scan", "signed_scan_name")
    def _check_signed_scan(self):
        for record in self.filtered("signed_scan"):
            name = record.signed_scan_name or ""
            if any(sep in name for sep in "/\\"):
                raise ValidationError(
                    self.env._(
                        "Give the signed copy a file name without a folder, "
                        "e.g. QD-15-signed.pdf."
                    )
                )
            if _mimetype(record.signed_scan) not in SCAN_MIMETYPES:
                raise ValidationError(
                    self.env._(
                        "The signed copy must be a PDF or a picture (JPEG, PNG, TIFF)."
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if vals.get("signed_scan"):
            unnamed = self.filtered(lambda record: not record.signed_scan_name)
            for record in unnamed:
                # a file sent without its name: the document's, as downloaded
                extension = SCAN_MIMETYPES.get(_mimetype(vals["signed_scan"]), "")
                name = (record.display_name or "").replace("/", "-")
                record.signed_scan_name = f"{name}{extension}"
            for record in self:
                record.message_post(
                    body=self.env._(
                        "Signed copy attached: %(name)s. It is the reference "
                        "copy of this document.",
                        name=record.signed_scan_name or "",
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return result
