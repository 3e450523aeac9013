# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.5: a complex matter gets more time, approved by a supervisor, and the
writer is told why."""
from odoo.exceptions import UserError

from .common import LetterCase


class TestLetterExtension(LetterCase):

    def setUp(self):
        super().setUp()
        self.Wizard = self.env['gov.letter.extension.wizard']
        self.Decision = self.env['gov.letter.extension.decision.wizard']
        self.extension_type = self.env.ref('gov_letter.mail_activity_type_extension')
        self.letter = self.accepted()
        # Assigned Friday 2026-02-13 10:00 in Shanghai: reply due Friday 27th
        # (14th is a make-up working day, 15th-23rd the Spring Festival).
        self.letter.sudo().write({'date_assigned': '2026-02-13 02:00:00'})
        self.assertEqual(self.letter.deadline_reply, '2026-02-27 15:59:59')

    def request(self, user, **values):
        values.setdefault('reason', 'Three bureaus must be consulted on the school district.')
        wizard = self.Wizard.sudo(user).with_context(default_letter_id=self.letter.id).create(values)
        wizard.action_confirm()
        return wizard

    def decide(self, user, approve, comment=None):
        wizard = self.Decision.sudo(user).with_context(default_letter_id=self.letter.id).create(
            {'comment': comment})
        return wizard.action_approve() if approve else wizard.action_refuse()

    def test_5_3_5_extension_in_working_days_approved_moves_deadline_and_tells_writer(self):
        action = self.as_user(self.letter, self.handler_edu).action_request_extension()
        self.assertEqual(action['res_model'], 'gov.letter.extension.wizard')
        # 5 working days after Friday 27th: Saturday 28th (a make-up working
        # day of the Spring Festival) and Monday 2 to Thursday 5 March.
        wizard = self.request(self.handler_edu, mode='days', extra_days=5)
        self.assertEqual(wizard.new_deadline, '2026-03-05 15:59:59')
        letter = self.letter
        self.assertEqual(letter.extension_state, 'requested')
        self.assertEqual(letter.extension_deadline, '2026-03-05 15:59:59')
        self.assertEqual(letter.extension_user_id, self.handler_edu)
        self.assertTrue(letter.date_extension_requested)
        self.assertEqual(letter.deadline_reply, '2026-02-27 15:59:59', "not before approval")
        # The supervisors get an Extension activity.
        activities = letter.activity_ids.filtered(lambda a: a.activity_type_id == self.extension_type)
        self.assertIn(self.supervisor, activities.mapped('user_id'))
        # A second request waits for the first.
        with self.assertRaisesRegex(UserError, 'already waiting'):
            self.request(self.handler_edu, mode='days', extra_days=2)
        # Only a supervisor decides.
        with self.assertRaisesRegex(UserError, 'Only a supervisor'):
            self.decide(self.manager_edu, True)
        self.decide(self.supervisor, True)
        self.assertEqual(letter.extension_state, 'approved')
        self.assertTrue(letter.date_extension_decided)
        self.assertEqual(letter.deadline_reply, '2026-03-05 15:59:59')
        self.assertFalse(letter.activity_ids.filtered(lambda a: a.activity_type_id == self.extension_type))
        todo = letter.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref('mail.mail_activity_data_todo'))
        self.assertEqual(todo.mapped('date_deadline'), ['2026-03-05'])
        # The writer is told why, by email and on the query page / API.
        mail = self.writer_mails(letter).filtered(lambda m: m.subject.startswith('More time'))
        self.assertEqual(mail.recipient_ids, self.citizen.partner_id)
        self.assertIn('Three bureaus must be consulted', mail.body_html)
        self.assertIn('2026-03-05', mail.body_html)
        data = letter._public_data()
        self.assertTrue(data['extended'])
        self.assertEqual(data['deadline_reply'], '2026-03-05 15:59:59')
        self.assertIn('Three bureaus', data['extension_reason'])
        # The reply still goes through review, then shows in the writer's view.
        handler = self.as_user(letter, self.handler_edu)
        handler.write({'reply': '<p>The school district is unchanged this year.</p>'})
        handler.action_submit_reply()
        self.as_user(letter, self.manager_edu).action_approve_reply()
        data = letter._public_data()
        self.assertIn('unchanged this year', data['reply'])
        self.assertTrue(data['extended'])

    def test_5_3_5_extension_to_a_date_refused_with_comment(self):
        with self.assertRaisesRegex(UserError, 'later than the current one'):
            self.request(self.handler_edu, mode='date', new_date='2026-02-20')
        with self.assertRaisesRegex(UserError, 'Say why'):
            self.request(self.manager_edu, mode='date', new_date='2026-03-20', reason=' ')
        self.request(self.manager_edu, mode='date', new_date='2026-03-20')
        self.assertEqual(self.letter.extension_deadline, '2026-03-20 15:59:59')
        with self.assertRaisesRegex(UserError, 'why the extension'):
            self.decide(self.supervisor, False)
        self.decide(self.supervisor, False, 'The matter is simple: answer on time.')
        letter = self.letter
        self.assertEqual(letter.extension_state, 'refused')
        self.assertEqual(letter.extension_comment, 'The matter is simple: answer on time.')
        self.assertEqual(letter.deadline_reply, '2026-02-27 15:59:59')
        self.assertFalse(letter._public_data()['extended'])
        # The requester is told; the writer is not (nothing changed for them).
        self.assertIn(self.manager_edu, letter.activity_ids.mapped('user_id'))
        self.assertIn('The matter is simple', ' '.join(letter.sudo().message_ids.mapped('body')))
        self.assertFalse(self.writer_mails(letter).filtered(lambda m: m.subject.startswith('More time')))
        # A new request may follow.
        self.request(self.handler_edu, mode='days', extra_days=1)
        self.assertEqual(letter.extension_state, 'requested')

    def test_5_3_5_extension_only_by_the_department_in_progress(self):
        with self.assertRaisesRegex(UserError, 'handler of the responsible department'):
            self.request(self.supervisor, mode='days', extra_days=3)
        new = self.new_letter()
        with self.assertRaisesRegex(UserError, 'not in a state'):
            self.as_user(new, self.clerk).action_request_extension()
        # A transfer gives the new department its own deadline, without the extension.
        self.request(self.handler_edu, mode='days', extra_days=3)
        self.decide(self.supervisor, True)
        extended = self.letter.deadline_reply
        self.letter.sudo().write({'state': 'transfer', 'transfer_department_id': self.env_dept.id})
        self.as_user(self.letter, self.clerk).action_decide_transfer()
        self.assertFalse(self.letter.extension_state)
        self.assertGreater(self.letter.deadline_reply, self.letter.date_assigned)
        self.assertNotEqual(self.letter.deadline_reply, extended)
        self.assertFalse(self.letter.deadline_reply_extended)
