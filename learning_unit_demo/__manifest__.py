# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Learning Units: Demo District",
    "summary": "The Thủ Thừa district of seed 001: 26 units over three "
    "evaluation years, and the demo logins donvi, thanhvien, thutruong, thamdinh",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/learning-unit/learning_unit",
    "author": "learning_unit authors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["learning_unit"],
    "data": [
        "data/learning_unit_body_data.xml",
        "data/learning_unit_demo_users.xml",
    ],
    "post_init_hook": "post_init_hook",
}
