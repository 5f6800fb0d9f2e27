from . import learning_unit_decision
from . import res_users
