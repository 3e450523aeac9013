# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the letter tests.  Times are UTC as Odoo stores them;
Shanghai is UTC+8."""
from odoo.tests.common import TransactionCase

IDENTITY = ('Zhou Xiaomei', '13800000001', 'citizen@example.com', '230102199001010024',
            'No. 8 Hongqi Street')


class LetterCase(TransactionCase):

    def setUp(self):
        super().setUp()
        # Messages in the source language (the demo users work in zh_CN).
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Letter = self.env['gov.letter']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.env_dept = self.env.ref('gov_interaction.dept_env')
        self.clerk = self.env.ref('gov_interaction.user_clerk')
        self.supervisor = self.env.ref('gov_interaction.user_supervisor')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.manager_edu = self.env.ref('gov_interaction.user_manager_edu')
        self.handler_env = self.env.ref('gov_interaction.user_handler_env')
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.category = self.env.ref('gov_letter.category_b')
        # The writer reads mails in English here (zh_CN: test_letter_mail.py).
        self.env.ref('base.lang_en').active = True
        self.citizen.partner_id.lang = 'en_US'

    def new_letter(self, **values):
        vals = {
            'title': 'Admission of a first-grade pupil',
            'content': 'Which papers do we need for primary school admission?',
            'category_id': self.category.id,
            'letter_type': 'consultation',
            'partner_id': self.citizen.partner_id.id,
            'writer_name': 'Zhou Xiaomei',
            'writer_phone': '13800000001',
            'writer_email': 'citizen@example.com',
            'writer_id_number': '230102199001010024',
            'writer_address': 'No. 8 Hongqi Street',
        }
        vals.update(values)
        letter, _code = self.Letter.sudo(self.clerk)._intake(vals)
        return letter

    def as_user(self, letter, user):
        return letter.sudo(user)

    def accepted(self, **values):
        letter = self.new_letter(department_id=self.edu.id, **values)
        self.as_user(letter, self.clerk).action_accept()
        return letter

    def run_mail_queue_receipts(self):
        """What the mail queue does first: the receipts of letters just
        received become queued mails (gov.letter.receipt)."""
        self.env['gov.letter.receipt']._mail_pending()

    def writer_mails(self, letter):
        self.run_mail_queue_receipts()
        return self.env['mail.mail'].sudo().search([
            ('model', '=', 'gov.letter'), ('res_id', '=', letter.id)])

