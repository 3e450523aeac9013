# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which matters the 咨询投诉 channel accepts (4.4 a-e, 5.3.1 a-f) and which
it does not, with the reason told to the writer (5.3.2 a-e), end to end
through what the pages and the back office call: the website form's check
(_submission_values) and intake (_intake), the clerk's Accept and Do Not
Accept buttons (the wizard), the writer's mail and the writer's view of the
letter with the number and query code (_public_data)."""
from odoo.exceptions import UserError

from .common import LetterCase

# The matters of 4.4, each as a letter a citizen writes: the category the
# citizen picks on the form (gov.letter.category, by its description), the
# type, the title.
MATTERS_4_4 = {
    'a': ('c', 'suggestion', 'Reform the heating of the old town'),  # reform, economy, city, society
    'b': ('e', 'complaint', 'Rude reception at the district tax office'),  # governments, staff in office
    'c': ('b', 'complaint', 'The water company cuts supply without notice'),  # public-service bodies
    'd': ('f', 'consultation', 'Who must repair the collapsed village road'),  # this level's duty by law
    'e': ('a', 'consultation', 'Does the new rent subsidy rule cover migrant workers'),  # policies, laws
}
# The matters of 5.3.1 a-f and the category that covers each.
MATTERS_5_3_1 = {
    'a': ('a', 'consultation', 'How to read the provincial housing provident fund rules'),
    'b': ('c', 'suggestion', 'Open a cross-border e-commerce park'),
    'c': ('b', 'suggestion', 'Let the registry office open on Saturdays'),
    'd': ('e', 'complaint', 'A civil servant left the counter for an hour'),
    'e': ('d', 'complaint', 'No heating in our building for a week'),
    'f': ('f', 'consultation', 'Who answers for a fallen tree in a public park'),
}
# 5.3.2 a-e: why the clerk does not accept, what the writer is told.
REFUSED_5_3_2 = {
    'a': ('My neighbour and I are before the Daoli court over the wall',
          'The court decides this case; this column cannot.',
          'litigation, arbitration or administrative reconsideration'),
    'b': ('Help', 'Say what happened, where and when, so that it can be checked.',
          'Unclear content or missing information'),
    'c': ('The bus stop again', 'The same matter is answered in the earlier letter.',
          'Already being handled or concluded'),
    'd': ('Our bureau owes me two days off', 'Ask your bureau through its own procedure.',
          'Internal administrative matter'),
    'e': ('Recommend a good restaurant', 'This column answers matters of government.',
          'Otherwise outside the scope of the column'),
}


class TestLetterScope(LetterCase):

    def submit(self, category, letter_type, title, **extra):
        """A letter sent with the website form by the signed-in citizen:
        (letter, query code)."""
        data = dict({'title': title, 'content': 'Details of: %s.' % title, 'category': category,
                     'letter_type': letter_type}, **extra)
        vals, errors = self.Letter._submission_values(data, self.citizen.partner_id)
        self.assertEqual(errors, {}, title)
        letter, code = self.Letter.sudo()._intake(vals)
        self.assertEqual((letter.state, letter.category_id.code), ('new', category))
        return letter, code

    def assert_accepted(self, letter, code):
        self.as_user(letter, self.clerk).write({'department_id': self.edu.id})
        self.as_user(letter, self.clerk).action_accept()
        self.assertEqual(letter.state, 'accepted')
        self.assertTrue(letter.deadline_reply)
        mail = self.writer_mails(letter).filtered(lambda m: 'was accepted' in m.subject)
        self.assertEqual(mail.recipient_ids, self.citizen.partner_id)
        data = self.Letter._find_by_query(letter.number, code)._public_data()
        self.assertEqual((data['state'], data['reject_reason']), ('accepted', None))
        self.assertEqual(data['category'], letter.category_id.name)

    def test_4_4_each_kind_of_matter_is_accepted(self):
        for item, (category, letter_type, title) in sorted(MATTERS_4_4.items()):
            with self.subTest(clause='4.4 %s' % item):
                self.assert_accepted(*self.submit(category, letter_type, title))

    def test_5_3_1_each_matter_a_to_f_is_accepted(self):
        categories = self.env['gov.letter.category'].search([])
        self.assertEqual(sorted(categories.mapped('code')), ['a', 'b', 'c', 'd', 'e', 'f'])
        self.assertEqual({category for category, _type, _title in MATTERS_5_3_1.values()},
                         set(categories.mapped('code')), 'every category is used for a matter')
        for item, (category, letter_type, title) in sorted(MATTERS_5_3_1.items()):
            with self.subTest(clause='5.3.1 %s' % item):
                self.assert_accepted(*self.submit(category, letter_type, title))

    def test_5_3_1_a_matter_outside_the_categories_or_types_is_not_taken_in(self):
        vals, errors = self.Letter._submission_values(
            {'title': 'Lottery numbers', 'content': 'Tell me the winning numbers.',
             'category': 'z', 'letter_type': 'petition'}, self.citizen.partner_id)
        self.assertEqual(set(errors), {'category', 'letter_type'})

    def test_5_3_2_each_kind_not_accepted_with_its_reason_told_to_the_writer(self):
        for reason, (title, note, label) in sorted(REFUSED_5_3_2.items()):
            with self.subTest(clause='5.3.2 %s' % reason):
                letter, code = self.submit('f', 'consultation', title)
                action = self.as_user(letter, self.clerk).action_reject()
                wizard = self.env[action['res_model']].sudo(self.clerk).with_context(
                    **action['context']).create({'reject_reason': reason, 'reject_note': note})
                wizard.action_confirm()
                self.assertEqual((letter.state, letter.reject_reason), ('rejected', reason))
                self.assertFalse(letter.date_accepted or letter.deadline_reply)
                mail = self.writer_mails(letter).filtered(lambda m: 'not accepted' in m.subject)
                self.assertEqual(mail.recipient_ids, self.citizen.partner_id)
                self.assertIn(label, mail.body_html)
                self.assertIn(note, mail.body_html)
                data = self.Letter._find_by_query(letter.number, code)._public_data()
                self.assertEqual(data['state'], 'rejected')
                self.assertIn(label, data['reject_reason'])
                self.assertEqual(data['reject_note'], note)
                # Not accepted is final: no acceptance, no second decision.
                with self.assertRaises(UserError):
                    self.as_user(letter, self.clerk).action_accept()
                with self.assertRaises(UserError):
                    self.as_user(letter, self.clerk).action_reject()

    def test_5_3_2_no_decision_without_a_reason(self):
        letter, _code = self.submit('f', 'consultation', 'A letter the clerk hesitates over')
        for reason in (False, 'x'):
            with self.assertRaisesRegex(UserError, 'reason why the letter is not accepted'):
                self.as_user(letter, self.clerk)._reject(reason, 'Some words.')
        self.assertEqual(letter.state, 'new')
        self.assertFalse(self.writer_mails(letter).filtered(lambda m: 'not accepted' in m.subject))

    def test_5_3_2_b_missing_required_information_is_refused_at_the_form(self):
        """5.3.2 b): what cannot be checked or handled without: the form
        refuses it field by field before anything is stored."""
        before = self.Letter.sudo().search_count([])
        _vals, errors = self.Letter._submission_values(
            {'title': ' ', 'content': '', 'category': 'd'})  # anonymous, no way to answer
        self.assertEqual(set(errors), {'title', 'content', 'writer_phone'})
        self.assertEqual(self.Letter.sudo().search_count([]), before)

    def test_5_3_2_c_a_letter_about_a_matter_already_handled_is_closed_as_such(self):
        original, _code = self.submit('d', 'complaint', 'No heating in building 5 of Hongqi Street')
        self.assert_accepted(original, _code)
        again, code = self.submit('d', 'complaint', 'No heating in building 5 of Hongqi Street')
        self.assertIn(original, again.sudo().duplicate_candidate_ids)
        self.as_user(again, self.clerk).write({'duplicate_of_id': original.id})
        self.as_user(again, self.clerk).action_mark_duplicate()
        data = self.Letter._find_by_query(again.number, code)._public_data()
        self.assertEqual(data['state'], 'rejected')
        self.assertIn('Already being handled or concluded', data['reject_reason'])
        self.assertIn(original.number, data['reject_note'])
