# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Published letters (5.3.8, 5.3.9): a separate public copy, redacted
automatically and checked by a person."""
from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tools import redact

CONTENT = ('我是刘建华，家住哈尔滨市道里区安静街15号，手机139 1234 5678，座机0451-86661234，'
           '身份证230102198001011234，邮箱ljh@example.com。安静街路灯坏了两周。')


class TestPublication(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Letter = self.env['gov.letter']
        self.clerk = self.env.ref('gov_interaction.user_clerk')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.manager_edu = self.env.ref('gov_interaction.user_manager_edu')
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.column = self.env.ref('gov_interaction.column_letter')

    def replied(self, publish_wish=True, **values):
        vals = {'title': '刘建华反映安静街路灯损坏', 'content': CONTENT,
                'category_id': self.env.ref('gov_letter.category_e').id,
                'department_id': self.env.ref('gov_interaction.dept_edu').id,
                'writer_name': '刘建华', 'writer_phone': '13912345678',
                'writer_id_number': '230102198001011234', 'writer_email': 'ljh@example.com',
                'writer_address': '哈尔滨市道里区安静街15号', 'publish_wish': publish_wish}
        vals.update(values)
        letter, _code = self.Letter.sudo(self.clerk)._intake(vals)
        letter = letter.sudo()
        letter.action_accept()
        letter.write({'reply': '<p>刘建华您好：路灯已修复。如有问题请拨打13912345678。</p>'})
        letter.action_submit_reply()
        letter.action_approve_reply()
        return letter

    def test_5_3_8_redaction_of_personal_data(self):
        text = redact(CONTENT, ['刘建华', '13912345678', '哈尔滨市道里区安静街15号'])
        for secret in ('刘建华', '139 1234 5678', '0451-86661234', '230102198001011234',
                       'ljh@example.com', '安静街15号'):
            self.assertNotIn(secret, text)
        self.assertIn('安静街路灯坏了两周', text)
        self.assertIn('一万二千元', redact('学费一万二千元，2026年12月', []))
        self.assertEqual(redact('电话：86661234', []), '电话***')

    def test_5_3_8_publication_needs_wish_and_decision_then_a_check(self):
        letter = self.replied()
        self.assertFalse(letter.publication_ids)  # the writer agreed, the government not yet
        letter.write({'publish_reply': True})
        copy = letter.publication_ids
        self.assertEqual(len(copy), 1)
        self.assertEqual(copy.state, 'draft')
        self.assertFalse(copy.website_published)
        for text in (copy.title, copy.content, copy.reply):
            for secret in ('刘建华', '13912345678', '0451-86661234', '230102198001011234',
                           'ljh@example.com', '安静街15号'):
                self.assertNotIn(secret, text)
        self.assertIn('路灯已修复', copy.reply)
        # The original is untouched.
        self.assertIn('刘建华', letter.content)
        # A clerk is asked to check it.
        check = self.env.ref('gov_letter_publication.mail_activity_type_check')
        self.assertTrue(letter.activity_ids.filtered(lambda a: a.activity_type_id == check))
        with self.assertRaises(UserError):
            copy.sudo(self.handler_edu).action_check()
        copy.sudo(self.clerk).action_check()
        self.assertTrue(copy.website_published)
        self.assertEqual(copy.checked_by_id, self.clerk)
        self.assertFalse(letter.activity_ids.filtered(lambda a: a.activity_type_id == check))
        # Editing a checked text needs a new check.
        copy.sudo(self.clerk).write({'title': '反映安静街路灯损坏'})
        self.assertFalse(copy.website_published)
        copy.sudo(self.manager_edu).action_check()
        self.assertTrue(copy.website_published)

    def test_5_3_9_without_the_writers_wish_only_the_writer_gets_the_reply(self):
        letter = self.replied(publish_wish=False)
        with self.assertRaisesRegex(ValidationError, 'only if the writer agrees'):
            letter.write({'publish_reply': True})
        self.assertFalse(letter.publication_ids)
        Publication = self.env['gov.letter.publication']
        self.assertNotIn(letter.number, Publication.search(
            Publication._website_search()).mapped('number'))

    def test_5_3_8_column_and_search_show_checked_copies_only(self):
        letter = self.replied()
        letter.write({'publish_reply': True})
        copy = letter.publication_ids
        titles = [item['title'] for item in self.column._latest_items(50)]
        self.assertNotIn(letter.title, titles)
        self.assertNotIn(copy.title, titles)
        copy.sudo(self.clerk).action_check()
        titles = [item['title'] for item in self.column._latest_items(50)]
        self.assertIn(copy.title, titles)
        self.assertNotIn(letter.title, titles)
        Publication = self.env['gov.letter.publication']
        found = Publication.search(Publication._website_search('路灯已修复'))
        self.assertIn(copy, found)
        self.assertFalse(Publication.search(Publication._website_search('刘建华')))
        self.assertIn(copy, Publication.search(Publication._website_search(
            department_id=letter.department_id.id, category_id=letter.category_id.id)))
        data = copy._website_data()
        self.assertEqual(set(data) & {'writer_name', 'writer_phone', 'partner_id'}, set())
        self.assertEqual(data['department'], letter.department_id.name)
        self.assertTrue(data['date_written'] and data['date_replied'])

    def test_5_3_8_published_letters_show_dates_unit_and_reply(self):
        letter = self.replied()
        letter.write({'publish_reply': True})
        letter.publication_ids.sudo(self.clerk).action_check()
        data = letter.publication_ids._website_data()
        self.assertEqual(data['date_written'], letter.date_received)
        self.assertEqual(data['date_replied'], letter.date_replied)
        self.assertEqual(data['department'], letter.department_id.name)
        self.assertIn('路灯已修复', data['reply'])
