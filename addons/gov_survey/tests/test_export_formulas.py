# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The survey results' XLSX export (5.1.5) over HTTP: free-text answers are
written as text, never as a formula or a link the spreadsheet would act on
when staff open the file."""
from datetime import timedelta

from odoo import fields

from odoo.addons.gov_interaction.tests.export_job import run_background_export
from odoo.addons.gov_interaction.tests.http_common import (
    FORMULA_LIKE,
    HttpTransactionCase,
    xlsx_cells,
)


class TestExportFormulas(HttpTransactionCase):

    def test_5_1_5_survey_export_writes_free_text_answers_as_text(self):
        now = fields.Datetime.from_string(fields.Datetime.now())
        survey = self.env['survey.survey'].create({
            'title': '社区养老服务需求调查',
            'gov_column_id': self.env.ref('gov_interaction.column_survey').id,
            'department_id': self.env.ref('gov_interaction.dept_hrss').id,
            'stage_id': self.env.ref('survey.stage_in_progress').id,
            'auth_required': True,
            'date_start': fields.Datetime.to_string(now - timedelta(days=1)),
            'date_end': fields.Datetime.to_string(now + timedelta(days=5)),
        })
        page = self.env['survey.page'].create({'title': '建议', 'survey_id': survey.id})
        questions = self.env['survey.question']
        for index in range(len(FORMULA_LIKE)):
            questions |= questions.create({'page_id': page.id, 'question': '建议%s' % index,
                                           'type': 'free_text', 'sequence': index})
        citizen = self.env.ref('gov_interaction.user_citizen').partner_id
        _input, errors = survey._gov_submit(citizen, {
            str(question.id): text for question, text in zip(questions, FORMULA_LIKE, strict=True)})
        self.assertFalse(errors)
        self.authenticate('office', 'office')
        response = self.url_open('/gov_survey/export/%s' % survey.id)
        self.assertEqual(response.status_code, 200)
        formulas, hyperlinks, texts = xlsx_cells(response.get_data())
        self.assertEqual((formulas, hyperlinks), (0, 0))
        for text in FORMULA_LIKE:
            self.assertIn(text, texts)
        # The back office's button writes the same file in the background.
        _attachment, data = run_background_export(self.env, survey.sudo(
            self.env.ref('gov_interaction.user_office')).action_export_results_xlsx())
        self.assertEqual(xlsx_cells(data), (formulas, hyperlinks, texts))
