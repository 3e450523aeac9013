# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.7: what the buttons decide (a supervision's response deadline, the
manager's response, the supervisor's closing or return, a notice's
publication) and what the SLA job computes (the service level) cannot be
written around them, by any role."""

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.workflow_guard import WorkflowGuardAssertions, in_request


class TestSupervisionWorkflowGuard(WorkflowGuardAssertions, TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Supervision = self.env['gov.supervision']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.env_dept = self.env.ref('gov_interaction.dept_env')
        self.supervisor = self.env.ref('gov_interaction.user_supervisor')
        self.manager_edu = self.env.ref('gov_interaction.user_manager_edu')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.supervision = self.Supervision.sudo(self.supervisor).create({
            'res_model': 'gov.department', 'res_id': self.edu.id,
            'department_id': self.edu.id, 'reason': 'Answer the late letters'})

    def test_5_3_7_supervision_state_and_decisions_direct_write_refused(self):
        supervision = self.supervision
        now = fields.Datetime.now()
        for user in (self.manager_edu, self.handler_edu):
            self.assert_refused(supervision, user, {'state': 'responded'})
            self.assert_refused(supervision, user, {'state': 'closed', 'date_closed': now})
            self.assert_refused(supervision, user, {'deadline_response': '2030-01-01 15:59:59'})
            # What is supervised, and by whom, is fixed once created.
            self.assert_refused(supervision, user, {'res_id': self.env_dept.id})
            self.assert_refused(supervision, user, {'supervisor_id': user.id})
        # The manager writes the response (the form) and presses Respond.
        supervision.sudo(self.manager_edu).write({'response': 'Answered within two days.'})
        supervision.sudo(self.manager_edu).action_respond()
        self.assertEqual(supervision.state, 'responded')
        self.assert_refused(supervision, self.manager_edu, {'date_responded': False})
        self.assert_refused(supervision, self.supervisor, {'state': 'closed'})
        supervision.sudo(self.supervisor).action_close()
        self.assertEqual(supervision.state, 'closed')
        self.assertTrue(supervision.date_closed)
        self.assert_refused(supervision, self.supervisor, {'state': 'open'})

    def test_5_3_7_supervision_created_open_with_its_computed_deadline(self):
        vals = {'res_model': 'gov.department', 'res_id': self.edu.id,
                'department_id': self.edu.id, 'reason': 'Answer the late letters'}
        for values in ({'state': 'closed'}, {'deadline_response': '2030-01-01 15:59:59'},
                       {'name': 'DB-FORGED'}):
            with self.assertRaises(AccessError, msg=values):
                self.Supervision.sudo(self.supervisor).create(dict(vals, **values))
        self.assertEqual(self.supervision.state, 'open')
        self.assertNotEqual(self.supervision.name, '/')
        self.assertTrue(self.supervision.deadline_response)

    def test_5_3_7_service_level_direct_write_refused(self):
        before = self.supervision.sla_level
        for user in (self.supervisor, self.manager_edu, self.handler_edu):
            self.assert_refused(self.supervision, user, {'sla_level': 'normal' if before else 'overdue'})
            self.assert_refused(self.supervision, user, {'sla_level_date': fields.Datetime.now()})
        # The SLA job (SQL) still sets it.
        self.supervision.sudo().write({'deadline_response': '2020-01-02 15:59:59'})
        self.env['gov.sla.mixin']._cron_sla_update()
        self.assertEqual(self.supervision.sla_level, 'overdue')

    def test_5_3_7_every_model_with_service_levels_is_guarded(self):
        for name in self.env['gov.sla.mixin']._sla_models():
            Model = self.env[name]
            self.assertTrue(hasattr(Model, '_workflow_field_names'),
                            '%s must inherit gov.workflow.mixin' % name)
            self.assertLessEqual({'sla_level', 'sla_level_date'}, Model._workflow_field_names(), name)

    def test_5_3_7_notice_published_only_by_the_button(self):
        Notice = self.env['gov.supervision.notice'].sudo(self.supervisor)
        notice = Notice.create({'name': 'Notice 2026-03', 'date_from': '2026-03-01',
                                'date_to': '2026-03-31'})
        self.assert_refused(notice, self.supervisor, {'state': 'published'})
        with self.assertRaises(AccessError):
            Notice.create({'name': 'Notice 2026-04', 'date_from': '2026-04-01',
                           'date_to': '2026-04-30', 'state': 'published'})
        notice.env['gov.supervision.notice.line'].sudo().create({
            'notice_id': notice.id, 'department_id': self.edu.id, 'res_model': 'gov.supervision',
            'total_count': 1, 'on_time_count': 1})
        notice.action_publish()
        self.assertEqual(notice.state, 'published')

    def test_5_3_7_sudo_inside_a_request_refused_the_buttons_still_work(self):
        supervision = self.supervision
        with in_request():
            with self.assertRaises(AccessError):
                supervision.sudo().write({'state': 'closed'})
            # The supervisor's button on a late record creates as sudo().
            action = supervision.sudo(self.supervisor).action_sla_supervise()
            supervision.sudo(self.manager_edu).write({'response': 'Done.'})
            supervision.sudo(self.manager_edu).action_respond()
            supervision.sudo(self.supervisor).action_return()
        self.assertEqual(supervision.state, 'open')
        created = self.Supervision.browse(action['res_id'])
        self.assertEqual((created.res_model, created.res_id), ('gov.supervision', supervision.id))
        self.assertEqual((created.state, created.supervisor_id), ('open', self.supervisor))
