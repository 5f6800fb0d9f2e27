"""The member's own Thông tư 24 year in a real browser (headless Chromium,
the tours of learning_unit_certificate_tour.js), on the demo's current round.

The demo member ``thanhvien`` files her training certificate on a phone (the
browser 390 px wide: Odoo's mobile layout) and submits it; the school's head
``thutruong`` approves it in bulk from "Documents to Approve"; her record
then shows it approved and her evidence the training recorded (2.2). Her
"Công dân học tập" result (3.1) is then approved by the head on his phone
(a long touch selects a row of a phone's list, the action menu approves the
selection).
"""

from datetime import date

from .common import DEMO, LearningUnitTourCase


class TestCertificateTour(LearningUnitTourCase):
    tour_demo = "user_thutruong"

    def tour(self, name, user, phone=False, cookies=None):
        size, touch = self.browser_size, self.touch_enabled
        if phone:
            # as Odoo's own mobile tests: a phone's viewport, touch events
            self.browser_size, self.touch_enabled = "390x844", True
        try:
            self.start_tour(
                "/odoo", name, login=user.login, cookies=cookies, timeout=180
            )
        finally:
            self.browser_size, self.touch_enabled = size, touch

    def test_member_files_on_a_phone_and_the_head_approves_in_bulk(self):
        self.assertCanRunTour()
        member = self.env.ref(DEMO + "user_thanhvien")
        head = self.env.ref(DEMO + "user_thutruong")
        assessment = self.env.ref(DEMO + "assessment_thcs_nt_current")
        own = assessment.member_ids.filtered(lambda m: m.user_id == member)
        certificate = own.dossier_item_ids.filtered(
            lambda i: i.document_type_id.code == "tt24_training_certificate"
        )
        self.assertEqual(certificate.document_state, "draft")
        # her training is not recorded yet: her certificate will record it
        own.training_done = False
        line = assessment.line_ids.filtered(lambda ln: ln.criterion_code == "2.2")
        met = line.met_count
        day = date(assessment.period_id.year, 11, 20)
        lang = self.env["res.lang"]._lang_get(member.lang)
        self.tour(
            "learning_unit_certificate_file_tour",
            member,
            phone=True,
            cookies={"lu_tour_date": day.strftime(lang.date_format)},
        )
        certificate.invalidate_recordset()
        self.assertEqual(certificate.document_state, "submitted")
        self.assertEqual(certificate.submitted_by, member)
        self.assertEqual(certificate.proof_date, day)
        self.assertEqual(certificate.attachment_ids.name, "chung-chi-boi-duong.png")
        self.assertFalse(own.training_done)

        self.tour("learning_unit_certificate_approval_tour", head)
        certificate.invalidate_recordset()
        own.invalidate_recordset()
        self.assertEqual(certificate.document_state, "approved")
        self.assertEqual(certificate.approved_by, head)
        self.assertTrue(own.training_done)
        event = own.evidence_event_ids.filtered(lambda e: e.kind == "training_done")[:1]
        self.assertEqual((event.source, event.document_id), ("plan", certificate))
        line.invalidate_recordset()
        self.assertEqual(line.met_count, met + 1)

        self.tour("learning_unit_certificate_evidence_tour", member)

        # her "Công dân học tập" result, approved by the head on his phone
        result = own.dossier_item_ids.filtered(
            lambda i: i.document_type_id.code == "tt24_cdht_certificate"
        )
        self.assertFalse(own.cdht_achieved)  # the demo's one gap of 3.1
        upload = (
            self.env["ir.attachment"]
            .with_user(member)
            .create(
                {
                    "name": "ket-qua-cdht.png",
                    "raw": b"\x89PNG",
                    "res_model": result._name,
                    "res_id": result.id,
                }
            )
        )
        result.with_user(member).write(
            {
                "proof_what": "Công dân học tập 2026: 86 điểm",
                "proof_date": day,
                "attachment_ids": [(6, 0, upload.ids)],
            }
        )
        result.with_user(member).action_submit()
        self.tour("learning_unit_certificate_phone_approval_tour", head, phone=True)
        result.invalidate_recordset()
        own.invalidate_recordset()
        self.assertEqual(result.document_state, "approved")
        self.assertTrue(own.cdht_achieved)
