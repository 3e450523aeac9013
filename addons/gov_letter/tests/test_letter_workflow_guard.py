# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.4 to 5.3.6, 5.3.8: what the buttons decide (state, deadlines,
extension, publication) cannot be written around them, by any role."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.gov_interaction.tests.http_common import HttpTransactionCase
from odoo.addons.gov_interaction.tests.workflow_guard import WorkflowGuardAssertions

from .common import LetterCase


class TestLetterWorkflowGuard(WorkflowGuardAssertions, LetterCase):

    def setUp(self):
        super().setUp()
        self.letter = self.accepted(publish_wish=True)

    def test_5_3_4_handler_cannot_skip_the_managers_review(self):
        for user in (self.handler_edu, self.manager_edu, self.clerk, self.supervisor):
            self.assert_refused(self.letter, user, {'state': 'replied'})
            self.assert_refused(self.letter, user, {'date_replied': '2026-01-05 08:00:00'})
        self.assertEqual(self.letter.state, 'accepted')

    def test_5_3_5_deadlines_move_only_by_an_approved_extension(self):
        for user in (self.handler_edu, self.manager_edu, self.clerk):
            self.assert_refused(self.letter, user, {'deadline_reply_extended': '2030-01-01 15:59:59'})
            self.assert_refused(self.letter, user, {'deadline_reply': '2030-01-01 15:59:59'})
            self.assert_refused(self.letter, user, {'extension_state': 'approved'})
        # The supervisor's decision is a method, not a write either.
        self.assert_refused(self.letter, self.supervisor, {'extension_state': 'approved',
                                              'deadline_reply_extended': '2030-01-01 15:59:59'})

    def test_5_3_2_rejection_and_numbers_only_through_the_clerks_buttons(self):
        self.assert_refused(self.letter, self.clerk, {'reject_reason': 'b'})
        self.assert_refused(self.letter, self.clerk, {'number': 'XJ2026-999999'})
        with self.assertRaises(AccessError):
            self.Letter.sudo(self.clerk).create({
                'title': 'Entered by phone', 'content': 'Already replied?', 'state': 'replied',
                'category_id': self.category.id})

    def test_5_3_8_publication_decided_by_the_manager_once_reviewed(self):
        self.assert_refused(self.letter, self.handler_edu, {'publish_wish': False})
        # Not while the department is still writing the reply.
        self.assert_refused(self.letter, self.manager_edu, {'publish_reply': True}, UserError)
        self.letter.sudo(self.handler_edu).write({'reply': '<p>Bring the household register.</p>'})
        self.letter.sudo(self.handler_edu).action_submit_reply()
        self.assert_refused(self.letter, self.handler_edu, {'publish_reply': True}, UserError)
        self.letter.sudo(self.manager_edu).write({'publish_reply': True})
        self.assertTrue(self.letter.publish_reply)

    def test_5_3_4_the_buttons_still_work_for_their_roles(self):
        self.letter.sudo(self.handler_edu).write({'reply': '<p>Bring the household register.</p>'})
        self.letter.sudo(self.handler_edu).action_submit_reply()
        self.letter.sudo(self.manager_edu).action_approve_reply()
        self.assertEqual(self.letter.state, 'replied')
        self.assertTrue(self.letter.date_replied)

    def test_5_3_4_review_comment_enters_the_chatter_as_text(self):
        self.letter.sudo(self.handler_edu).write({'reply': '<p>Bring the household register.</p>'})
        self.letter.sudo(self.handler_edu).action_submit_reply()
        self.letter.sudo(self.manager_edu).write({'review_comment': '<img src="x"> & say which school'})
        self.letter.sudo(self.manager_edu).action_return_reply()
        bodies = ''.join(self.letter.message_ids.mapped('body'))
        self.assertIn('&lt;img src=', bodies)
        self.assertNotIn('<img', bodies)


class TestLetterRpc(HttpTransactionCase):
    """Over JSON-RPC, as the review tried it: a handler cannot reply around
    the review, a citizen cannot read its letter's internal fields."""

    def accepted_letter_of_the_citizen(self):
        """A letter of the citizen, accepted for the education department."""
        clerk = self.env.ref('gov_interaction.user_clerk')
        letter, _code = self.env['gov.letter'].sudo(clerk)._intake({
            'title': 'Admission papers', 'content': 'Which papers do we need?',
            'category_id': self.env.ref('gov_letter.category_b').id,
            'partner_id': self.env.ref('gov_interaction.user_citizen').partner_id.id,
            'department_id': self.env.ref('gov_interaction.dept_edu').id})
        letter.action_accept()
        self.assertEqual(letter.state, 'accepted')
        return letter.sudo()

    def test_5_3_4_handler_json_rpc_write_of_the_state_refused(self):
        letter = self.accepted_letter_of_the_citizen()
        self.authenticate('handler_edu', 'handler_edu')
        answer = self.call_kw('gov.letter', 'write', [letter.ids, {'state': 'replied'}])
        self.assertEqual(answer['error']['data']['name'], 'odoo.exceptions.AccessError')
        self.assertEqual(letter.state, 'accepted')

    def test_5_3_10_citizen_reads_no_internal_field_of_its_letter(self):
        letter = self.accepted_letter_of_the_citizen()
        self.authenticate('citizen', 'citizen')
        for fields in (['review_comment'], ['transfer_reason'], ['reply'], ['title']):
            answer = self.call_kw('gov.letter', 'read', [letter.ids, fields])
            self.assertIn('error', answer, fields)

