from . import learning_unit_return_wizard
