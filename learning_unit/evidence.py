# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The kinds of member evidence, declared once.

Each kind is a Boolean of ``learning.unit.member`` (the record of truth) that
criteria count (``learning.unit.criterion.member_field`` names it in the
shipped data). The member model creates its fields from this list; views,
exports, the import and the scores read the kinds from here, never by name.

``label`` and ``help`` are the English source texts of the field, translated
like every field string (i18n/vi.po).
"""

# The labels and phrases are declared before any environment exists: they are
# lazy translations, rendered in the reader's language when used.
# pylint: disable=prefer-env-translation
from collections import namedtuple

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# field: the Boolean on learning.unit.member (competency_3a<n>: the
# competencies of criterion 3a); label, help: its string and tooltip; phrase:
# what the members who have it do, in a score's explanation ("36/40 members
# (90%) <phrase>").
EvidenceKind = namedtuple("EvidenceKind", "field label help phrase")

EVIDENCE_KINDS = (
    EvidenceKind(
        "plan_approved",
        "Self-study Plan",
        "Has a yearly self-study plan approved by the head of the unit.",
        _lt("have an approved self-study plan"),
    ),
    EvidenceKind(
        "discipline_ok",
        "Discipline",
        "Observes labour discipline and the unit's rules; cooperates and shares.",
        _lt("observe labour discipline"),
    ),
    EvidenceKind(
        "training_done",
        "Mandatory Training",
        "Completed the training required by the State or the unit.",
        _lt("completed the required training"),
    ),
    EvidenceKind(
        "advanced_worker",
        "Advanced Worker",
        "Holds the title 'Lao động tiên tiến' (Advanced Worker) or higher.",
        _lt("hold the Advanced Worker title or higher"),
    ),
    EvidenceKind(
        "cdht_achieved",
        "Learning Citizen",
        "Holds the title 'Công dân học tập' (Learning Citizen) of the year, "
        "as assessed on congdanhoctap.vn.",
        _lt("hold the Learning Citizen title"),
    ),
    EvidenceKind(
        "competency_3a1",
        "Law and civic duty",
        "Abides by the law; exercises civic rights and duties towards family "
        "and society.",
        _lt("have this competency"),
    ),
    EvidenceKind(
        "competency_3a2",
        "Lifelong learning",
        "Is committed to lifelong learning for self-development.",
        _lt("have this competency"),
    ),
    EvidenceKind(
        "competency_3a3",
        "Learning in the family",
        "Organises learning in the family, clan and community.",
        _lt("have this competency"),
    ),
    EvidenceKind(
        "competency_3a4",
        "Healthy lifestyle",
        "Lives a healthy life, respecting and in harmony with the environment.",
        _lt("have this competency"),
    ),
    EvidenceKind(
        "competency_3a5",
        "Languages and IT",
        "Uses foreign languages and information technology as the work requires.",
        _lt("have this competency"),
    ),
    EvidenceKind(
        "competency_3a6",
        "Critical thinking",
        "Thinks critically and creatively, takes initiative and solves problems.",
        _lt("have this competency"),
    ),
    EvidenceKind(
        "competency_3a7",
        "Gender equality",
        "Respects and practises gender equality.",
        _lt("have this competency"),
    ),
    EvidenceKind(
        "competency_3a8",
        "Cultural diversity",
        "Understands and values cultural diversity and behaves accordingly.",
        _lt("have this competency"),
    ),
)

EVIDENCE_FIELDS = tuple(kind.field for kind in EVIDENCE_KINDS)
