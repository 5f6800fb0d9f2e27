from . import learning_unit_decision
