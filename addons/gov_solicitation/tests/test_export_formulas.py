# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The opinions' XLSX export (5.1.5) over HTTP: what citizens wrote is
written as text, never as a formula or a link the spreadsheet would act on
when staff open the file."""
from datetime import timedelta

from odoo import fields

from odoo.addons.gov_interaction.tests.export_job import run_background_export
from odoo.addons.gov_interaction.tests.http_common import FORMULA_LIKE, HttpTransactionCase, xlsx_cells


class TestExportFormulas(HttpTransactionCase):

    def test_5_1_5_opinion_export_writes_citizen_text_as_text(self):
        now = fields.Datetime.from_string(fields.Datetime.now())
        solicitation = self.env['gov.solicitation'].sudo(
            self.env.ref('gov_interaction.user_handler_edu')).create({
                'name': '关于学前教育条例草案征求意见',
                'department_id': self.env.ref('gov_interaction.dept_edu').id,
                'mode': 'topic', 'content_kind': 'opinions',
                'date_start': fields.Datetime.to_string(now - timedelta(days=1)),
                'date_end': fields.Datetime.to_string(now + timedelta(days=10)),
                'body': '<p>第一条 为了发展学前教育……</p>'})
        solicitation.action_open()
        citizens = [self.env.ref('gov_interaction.user_citizen').partner_id,
                    self.env.ref('gov_interaction.user_citizen2').partner_id]
        for index, text in enumerate(FORMULA_LIKE):
            _opinion, errors = solicitation._submit_opinion(citizens[index % 2], text)
            self.assertFalse(errors)
        self.authenticate('manager_edu', 'manager_edu')
        response = self.url_open('/gov_solicitation/export/%s' % solicitation.id)
        self.assertEqual(response.status_code, 200)
        formulas, hyperlinks, texts = xlsx_cells(response.get_data())
        self.assertEqual((formulas, hyperlinks), (0, 0))
        for text in FORMULA_LIKE:
            self.assertIn(text, texts)
        # The back office's button writes the same file in the background.
        _attachment, data = run_background_export(self.env, solicitation.sudo(
            self.env.ref('gov_interaction.user_manager_edu')).action_export_xlsx())
        self.assertEqual(xlsx_cells(data), (formulas, hyperlinks, texts))
