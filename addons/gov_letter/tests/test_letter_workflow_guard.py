# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.4 to 5.3.6, 5.3.8: what the buttons decide (state, deadlines,
extension, publication) cannot be written around them, by any role."""
from odoo.exceptions import AccessError, UserError

from .common import LetterCase


class TestLetterWorkflowGuard(LetterCase):

    def setUp(self):
        super().setUp()
        self.letter = self.accepted(publish_wish=True)

    def assert_refused(self, user, values, error=AccessError):
        before = self.letter.read(list(values))[0]
        with self.assertRaises(error, msg='%s wrote %s' % (user.login, values)):
            self.letter.sudo(user).write(values)
        self.letter.invalidate_cache()
        self.assertEqual(self.letter.read(list(values))[0], before)

    def test_5_3_4_handler_cannot_skip_the_managers_review(self):
        for user in (self.handler_edu, self.manager_edu, self.clerk, self.supervisor):
            self.assert_refused(user, {'state': 'replied'})
            self.assert_refused(user, {'date_replied': '2026-01-05 08:00:00'})
        self.assertEqual(self.letter.state, 'accepted')

    def test_5_3_5_deadlines_move_only_by_an_approved_extension(self):
        for user in (self.handler_edu, self.manager_edu, self.clerk):
            self.assert_refused(user, {'deadline_reply_extended': '2030-01-01 15:59:59'})
            self.assert_refused(user, {'deadline_reply': '2030-01-01 15:59:59'})
            self.assert_refused(user, {'extension_state': 'approved'})
        # The supervisor's decision is a method, not a write either.
        self.assert_refused(self.supervisor, {'extension_state': 'approved',
                                              'deadline_reply_extended': '2030-01-01 15:59:59'})

    def test_5_3_2_rejection_and_numbers_only_through_the_clerks_buttons(self):
        self.assert_refused(self.clerk, {'reject_reason': 'b'})
        self.assert_refused(self.clerk, {'number': 'XJ2026-999999'})
        with self.assertRaises(AccessError):
            self.Letter.sudo(self.clerk).create({
                'title': 'Entered by phone', 'content': 'Already replied?', 'state': 'replied',
                'category_id': self.category.id})

    def test_5_3_8_publication_decided_by_the_manager_once_reviewed(self):
        self.assert_refused(self.handler_edu, {'publish_wish': False})
        # Not while the department is still writing the reply.
        self.assert_refused(self.manager_edu, {'publish_reply': True}, UserError)
        self.letter.sudo(self.handler_edu).write({'reply': '<p>Bring the household register.</p>'})
        self.letter.sudo(self.handler_edu).action_submit_reply()
        self.assert_refused(self.handler_edu, {'publish_reply': True}, UserError)
        self.letter.sudo(self.manager_edu).write({'publish_reply': True})
        self.assertTrue(self.letter.publish_reply)

    def test_5_3_4_the_buttons_still_work_for_their_roles(self):
        self.letter.sudo(self.handler_edu).write({'reply': '<p>Bring the household register.</p>'})
        self.letter.sudo(self.handler_edu).action_submit_reply()
        self.letter.sudo(self.manager_edu).action_approve_reply()
        self.assertEqual(self.letter.state, 'replied')
        self.assertTrue(self.letter.date_replied)
