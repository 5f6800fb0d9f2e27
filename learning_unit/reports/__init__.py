from . import learning_unit_report_data, report_learning_unit
