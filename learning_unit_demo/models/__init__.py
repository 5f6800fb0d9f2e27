from . import learning_unit_decision, res_users
