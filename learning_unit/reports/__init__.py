from . import (
    learning_unit_documents,
    learning_unit_documents_review,
    learning_unit_report_data,
    report_learning_unit,
    report_xlsx,
)
