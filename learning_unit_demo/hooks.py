# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .generator import generate_district


def post_init_hook(env):
    """Installing the addon builds the demo district (once)."""
    generate_district(env)
