"""Vietnamese first: every term a user can see has a Vietnamese translation."""

from odoo.tools.translate import TranslationModuleReader

from .common import LearningUnitCase


class TestVietnamese(LearningUnitCase):
    def test_every_term_of_the_addon_is_translated(self):
        reader = TranslationModuleReader(
            self.env.cr, modules=["learning_unit"], lang="vi_VN"
        )
        terms = list(reader)
        self.assertGreater(len(terms), 100)
        missing = sorted(
            {
                f"{ttype} {name}: {source!r}"
                for _module, ttype, name, _res_id, source, value, _comments in terms
                if source.strip() and not (value or "").strip()
            }
        )
        if missing:
            self.fail(
                f"{len(missing)} terms have no Vietnamese translation in "
                "learning_unit/i18n/vi.po (run 'make i18n', then translate):\n"
                + "\n".join(missing[:100])
            )

    def test_user_interface_speaks_vietnamese(self):
        env = self.env(context=dict(self.env.context, lang="vi_VN"))
        menu = env.ref("learning_unit.menu_root")
        self.assertEqual(menu.name, "Đơn vị học tập")
        states = dict(
            env["learning.unit.assessment"]._fields["state"]._description_selection(env)
        )
        self.assertEqual(states["submitted"], "Đã nộp")
        ranks = dict(
            env["learning.unit.assessment"]
            ._fields["self_rank"]
            ._description_selection(env)
        )
        self.assertEqual(
            [ranks[r] for r in ("good", "fair", "average", "fail")],
            ["Tốt", "Khá", "Trung bình", "Chưa đạt"],
        )
        self.assertEqual(
            env["learning.unit.assessment"]
            ._fields["self_total"]
            .get_description(env)["string"],
            "Điểm tự chấm",
        )

    def test_errors_reach_users_in_vietnamese(self):
        unit = self.make_unit("Đơn vị trống", 0)
        officer = self.make_user(
            "vi_officer",
            "learning_unit.group_unit_officer",
            department=unit,
            lang="vi_VN",
        )
        assessment = self.make_assessment(unit)
        self.provide_dossier(assessment)
        assessment.member_ids.unlink()
        from odoo.exceptions import ValidationError

        with self.assertRaises(ValidationError) as error:
            # the web client sends the user's language with every call
            assessment.with_user(officer).with_context(
                lang=officer.lang
            ).action_submit()
        self.assertIn("chưa có thành viên", str(error.exception))
