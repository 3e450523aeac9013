# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""4.2 d: a citizen's answers are the citizen's.  Odoo's survey lets every
user read, write and create every response; ours lets citizens reach
responses only through the survey pages (tests/test_survey_http.py proves
the pages and JSON-RPC), and the staff of the survey's department."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.http_common import HttpTransactionCase
from odoo.addons.gov_survey.models.survey_user_input import survey_page_context


class TestSurveyAccess(TransactionCase):

    def setUp(self):
        super().setUp()
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.citizen2 = self.env.ref('gov_interaction.user_citizen2')
        self.survey = self.env['survey.survey'].create({
            'title': '城市公园开放时间意见调查',
            'gov_column_id': self.env.ref('gov_interaction.column_survey').id,
            'department_id': self.env.ref('gov_interaction.dept_hrss').id,
            'stage_id': self.env.ref('survey.stage_in_progress').id,
        })
        page = self.env['survey.page'].create({'title': '意见', 'survey_id': self.survey.id})
        self.question = self.env['survey.question'].create({
            'page_id': page.id, 'question': '您的建议', 'type': 'free_text'})
        self.response, errors = self.survey._gov_submit(
            self.citizen2.partner_id, {str(self.question.id): '希望夏季延长到晚上十点'})
        self.assertFalse(errors)
        self.line = self.response.user_input_line_ids

    def _rpc_calls(self, Line, Input):
        """What a client could call over JSON-RPC on answers and responses."""
        return [
            lambda: Line.search_read([], ['value_free_text']),
            lambda: Line.browse(self.line.id).read(['value_free_text']),
            lambda: Line.browse(self.line.id).write({'value_free_text': '改掉'}),
            lambda: Line.create({'user_input_id': self.response.id, 'question_id': self.question.id,
                                 'answer_type': 'free_text', 'value_free_text': '冒名'}),
            lambda: Input.search_read([], ['partner_id']),
            lambda: Input.create({'survey_id': self.survey.id}),
            lambda: Input.browse(self.response.id).write({'state': 'new'}),
        ]

    def test_4_2_d_citizens_reach_no_answer_over_rpc(self):
        for user in (self.citizen, self.citizen2, self.env.ref('base.public_user')):
            for call in self._rpc_calls(self.env['survey.user_input_line'].sudo(user),
                                        self.env['survey.user_input'].sudo(user)):
                with self.assertRaises(AccessError, msg=user.login):
                    call()
        self.assertEqual(self.line.value_free_text, '希望夏季延长到晚上十点')
        self.assertEqual(len(self.survey.user_input_ids), 1)

    def test_4_2_d_the_survey_pages_still_record_a_citizens_response(self):
        env = self.env(user=self.citizen.id, context=survey_page_context(self.env.context))
        response = env['survey.user_input'].create({'survey_id': self.survey.id,
                                                    'partner_id': self.citizen.partner_id.id})
        self.assertEqual(response.sudo().partner_id, self.citizen.partner_id)
        # A context a client sends cannot stand in for the pages' mark.
        forged = self.env(user=self.citizen.id, context={'gov_survey_page': True})
        with self.assertRaises(AccessError):
            forged['survey.user_input'].create({'survey_id': self.survey.id})

    def test_4_2_d_new_staff_are_not_survey_managers_of_every_department(self):
        # A user created in the back office takes the groups of the template.
        user = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': '新同事', 'login': 'new_colleague'})
        managers = self.env.ref('survey.group_survey_manager')
        self.assertNotIn(managers, user.groups_id)
        self.assertNotIn(managers, self.env.ref('base.default_user').groups_id)


class TestSurveyRpc(HttpTransactionCase):
    """The same over JSON-RPC, as the review found it (/web/dataset/call_kw)."""

    def test_4_2_d_citizen_json_rpc_reaches_no_answer(self):
        survey = self.env['survey.survey'].search([('gov_column_id', '!=', False),
                                                   ('user_input_ids', '!=', False)], limit=1)
        line = survey.user_input_ids.mapped('user_input_line_ids')[:1]
        self.authenticate('citizen', 'citizen')
        calls = [('survey.user_input_line', 'search_read', [[]], {'fields': ['value_text']}),
                 ('survey.user_input_line', 'write', [line.ids, {'value_text': '改掉'}], {}),
                 ('survey.user_input', 'create', [{'survey_id': survey.id}], {})]
        for model, method, args, kwargs in calls:
            answer = self.call_kw(model, method, args, kwargs)
            self.assertEqual(answer.get('error', {}).get('data', {}).get('name'),
                             'odoo.exceptions.AccessError', (method, answer))
