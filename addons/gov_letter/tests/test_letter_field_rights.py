# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may change what in a letter (5.3.1, 5.3.10): handlers, managers and
supervisors never change the writer's words or how the letter is filed; a
clerk corrects the category and type (the chatter says from what to what)
and the words only of a letter the clerk typed in, before acceptance."""
from odoo.exceptions import AccessError, UserError

from .common import LetterCase


class TestLetterFieldRights(LetterCase):

    def assert_refused(self, letter, user, vals):
        before = {name: letter[name] for name in vals}
        with self.assertRaises(AccessError):
            self.as_user(letter, user).write(vals)
        letter.invalidate_cache()
        self.assertEqual({name: letter[name] for name in vals}, before)

    def test_5_3_10_handler_cannot_change_the_writers_words_or_the_filing(self):
        letter = self.accepted()
        self.assert_refused(letter, self.handler_edu, {'title': 'Changed'})
        self.assert_refused(letter, self.handler_edu, {'content': 'Changed'})
        category_a = self.env.ref('gov_letter.category_a')
        self.assert_refused(letter, self.handler_edu, {'category_id': category_a.id})
        self.assert_refused(letter, self.handler_edu, {'letter_type': 'complaint'})
        self.assertFalse(self.as_user(letter, self.handler_edu).words_editable)
        self.assertFalse(self.as_user(letter, self.handler_edu).filing_editable)

    def test_5_3_10_manager_and_supervisor_cannot_change_the_writers_words(self):
        letter = self.accepted()
        for user in (self.manager_edu, self.supervisor):
            self.assert_refused(letter, user, {'title': 'Changed'})
            self.assert_refused(letter, user, {'content': 'Changed'})
            self.assert_refused(letter, user, {'letter_type': 'complaint'})

    def test_5_3_1_clerk_corrects_category_and_type_with_the_change_in_the_chatter(self):
        letter = self.new_letter()
        category_a = self.env.ref('gov_letter.category_a')
        self.as_user(letter, self.clerk).write({'category_id': category_a.id, 'letter_type': 'complaint'})
        self.assertEqual((letter.category_id, letter.letter_type), (category_a, 'complaint'))
        tracked = letter.sudo().message_ids.mapped('tracking_value_ids')
        category = tracked.filtered(lambda value: value.field == 'category_id')
        self.assertEqual((category.old_value_char, category.new_value_char),
                         (self.category.display_name, category_a.display_name))
        self.assertTrue(tracked.filtered(lambda value: value.field == 'letter_type'))
        self.assertEqual(letter.sudo().message_ids[0].author_id, self.clerk.partner_id)

    def test_5_3_1_clerk_keeps_the_words_of_a_letter_from_the_site(self):
        letter = self.new_letter()
        self.assertFalse(self.as_user(letter, self.clerk).words_editable)
        self.assert_refused(letter, self.clerk, {'title': 'Changed'})
        self.assert_refused(letter, self.clerk, {'channel': 'phone'})

    def test_5_3_1_clerk_corrects_a_letter_typed_in_until_it_is_accepted(self):
        letter = self.new_letter(channel='phone', department_id=self.edu.id)
        self.assertTrue(self.as_user(letter, self.clerk).words_editable)
        self.as_user(letter, self.clerk).write({'title': 'Admission of a pupil (corrected)'})
        self.assertEqual(letter.title, 'Admission of a pupil (corrected)')
        self.as_user(letter, self.clerk).action_accept()
        self.assert_refused(letter, self.clerk, {'title': 'Changed again'})


class TestLetterReplyReport(LetterCase):
    """答复函 printed from the back office (5.3.4): the approved reply as a
    letter of the replying unit; a letter not yet replied has none."""

    def test_5_3_4_reply_letter_of_a_replied_letter_only(self):
        report = self.env.ref('gov_letter.action_report_letter_reply')
        letter = self.accepted()
        with self.assertRaises(UserError):
            report.render_qweb_html(letter.ids)
        self.as_user(letter, self.handler_edu).write({'reply': '<p>Bring the household register.</p>'})
        self.as_user(letter, self.handler_edu).action_submit_reply()
        self.as_user(letter, self.manager_edu).action_approve_reply()
        html = report.sudo(self.handler_edu).render_qweb_html(letter.ids)[0].decode()
        self.assertIn('Bring the household register.', html)
        self.assertIn(letter.number, html)
        self.assertIn(self.edu.name, html)
        self.assertNotIn('Zhou Xiaomei', html)
