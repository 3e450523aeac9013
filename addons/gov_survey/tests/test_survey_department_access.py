# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A handler edits the pages, questions and options of its departments'
surveys only (found by the access matrix, tests/test_access_matrix.py)."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestSurveyDepartmentAccess(TransactionCase):

    def setUp(self):
        super().setUp()
        survey = self.env['survey.survey'].create({
            'title': '义务教育满意度调查', 'department_id': self.env.ref('gov_interaction.dept_edu').id})
        self.page = self.env['survey.page'].create({'title': '学校', 'survey_id': survey.id})
        self.question = self.env['survey.question'].create({
            'page_id': self.page.id, 'question': '您满意吗', 'type': 'simple_choice'})
        self.label = self.env['survey.label'].create({'question_id': self.question.id, 'value': '满意'})

    def _user(self, xmlid):
        return self.env.ref('gov_interaction.' + xmlid)

    def test_other_departments_handler_cannot_change_a_survey(self):
        handler = self._user('user_handler_env')
        for record, values in ((self.page, {'title': '改'}), (self.question, {'question': '改'}),
                               (self.label, {'value': '改'})):
            with self.assertRaises(AccessError, msg=record._name):
                record.sudo(handler).write(values)
            with self.assertRaises(AccessError, msg=record._name):
                record.sudo(handler).unlink()
        with self.assertRaises(AccessError):
            self.env['survey.question'].sudo(handler).create({
                'page_id': self.page.id, 'question': '加一题', 'type': 'free_text'})

    def test_own_departments_handler_edits_and_citizens_still_read(self):
        self.question.sudo(self._user('user_handler_edu')).write({'question': '您对学校满意吗'})
        self.label.sudo(self._user('user_manager_edu')).write({'value': '非常满意'})
        self.assertEqual(self.question.question, '您对学校满意吗')
        citizen = self._user('user_citizen')
        self.assertEqual(self.label.sudo(citizen).read(['value'])[0]['value'], '非常满意')
