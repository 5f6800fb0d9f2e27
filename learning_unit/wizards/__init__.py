from . import (
    learning_unit_document_return_wizard,
    learning_unit_evidence_import,
    learning_unit_rebase_wizard,
    learning_unit_return_wizard,
)
