# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.4.1-5.4.3: what the buttons decide (publication and how late it came,
closing, the request for the authoritative response, its deadline and its
answer, an update's publication) cannot be written around them, by any
role."""

from odoo import fields
from odoo.exceptions import AccessError

from odoo.addons.gov_interaction.tests.workflow_guard import WorkflowGuardAssertions, in_request

from .test_concern import ConcernCase, ago


class TestConcernWorkflowGuard(WorkflowGuardAssertions, ConcernCase):

    def test_5_4_1_publication_and_closing_direct_write_refused(self):
        concern = self.new_concern(kind='emergency', date_event=ago(hours=7))
        now = fields.Datetime.now()
        # Clerks and supervisors publish and close; the responding body's
        # manager publishes too: none of them by a write.
        for user in (self.clerk, self.supervisor, self.manager_env):
            self.assert_refused(concern, user, {'state': 'published'})
            self.assert_refused(concern, user, {'date_published': now})
        concern.sudo(self.manager_env).action_publish()
        self.assertEqual(concern.state, 'published')
        self.assertTrue(concern.published_late)
        for user in (self.clerk, self.supervisor):
            # 5.4.1: a late publication stays on record as late.
            self.assert_refused(concern, user, {'published_late': False})
            self.assert_refused(concern, user, {'publish_minutes': 10})
            self.assert_refused(concern, user, {'state': 'closed', 'date_closed': now})
        concern.sudo(self.clerk).action_close()
        self.assertEqual(concern.state, 'closed')
        self.assert_refused(concern, self.supervisor, {'state': 'published'})
        concern.sudo(self.supervisor).action_reopen()
        self.assertEqual(concern.state, 'published')

    def test_5_4_2_response_request_and_answer_direct_write_refused(self):
        concern = self.new_concern(department_id=self.edu.id)
        self.assert_refused(concern, self.clerk, {'response_state': 'requested'})
        concern.sudo(self.clerk).action_request_response()
        self.assertEqual(concern.response_state, 'requested')
        for user in (self.clerk, self.supervisor):
            self.assert_refused(concern, user, {'response_deadline': ago(days=-30)})
            self.assert_refused(concern, user, {'response_state': 'responded'})
        # The department answers with its statement and the button.
        for user in (self.handler_edu, self.manager_edu):
            self.assert_refused(concern, user, {'response_state': 'responded',
                                                'date_responded': fields.Datetime.now()})
        concern.sudo(self.handler_edu).write({'statement': '<p>Fees follow the provincial standard.</p>'})
        concern.sudo(self.handler_edu).action_submit_response()
        self.assertEqual(concern.response_state, 'responded')
        self.assertTrue(concern.date_responded)
        self.assert_refused(concern, self.clerk, {'response_state': 'none'})

    def test_5_4_1_update_published_only_by_the_button(self):
        concern = self.new_concern()
        concern.sudo(self.clerk).action_publish()
        update = self.new_update(concern)
        for user in (self.clerk, self.manager_env):
            self.assert_refused(update, user, {'state': 'published'})
            self.assert_refused(update, user, {'date_published': fields.Datetime.now()})
        with self.assertRaises(AccessError):
            self.new_update(concern, state='published')
        update.sudo(self.clerk).action_publish()
        self.assertEqual(update.state, 'published')
        self.assertTrue(update.date_published)

    def test_5_4_3_sudo_inside_a_request_refused_the_buttons_still_work(self):
        concern = self.new_concern()
        update = self.new_update(concern)
        with in_request():
            with self.assertRaises(AccessError):
                concern.sudo().write({'state': 'published'})
            self.assertEqual(concern.state, 'draft')
            # The buttons write as sudo(): through _transition().
            concern.sudo(self.clerk).action_publish()
            update.sudo(self.clerk).action_publish()
            with self.assertRaises(AccessError):
                update.sudo().write({'state': 'draft'})
            concern.sudo(self.clerk).action_close()
        self.assertEqual((concern.state, update.state), ('closed', 'published'))
