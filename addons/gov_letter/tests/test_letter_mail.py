# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the writer is told by email (mail templates, in the writer's
language), and that mails to the departments never say who wrote (5.3.10)."""
from unittest.mock import patch

from odoo.tools import mute_logger

from .common import IDENTITY, LetterCase


class TestLetterMail(LetterCase):

    def mails_since(self, start_id):
        self.run_mail_queue_receipts()
        return self.env['mail.mail'].sudo().search([('id', '>', start_id)], order='id')

    def last_mail_id(self):
        return self.env['mail.mail'].sudo().search([], order='id desc', limit=1).id or 0

    def test_5_3_1_receipt_mail_has_number_and_query_code_only_for_the_writer(self):
        letter, code = self.Letter.sudo(self.clerk)._intake({
            'title': 'Heating fee', 'content': 'How is the heating fee computed?',
            'category_id': self.category.id, 'writer_email': 'writer@example.com'})
        mail = self.writer_mails(letter)
        self.assertEqual(mail.email_to, 'writer@example.com')
        self.assertFalse(mail.recipient_ids)
        self.assertEqual(mail.mail_message_id.message_type, 'email')
        self.assertIn(letter.number, mail.subject)
        self.assertIn(code, mail.body_html)
        self.assertIn('/interaction/letters/query', mail.body_html)
        # Only in the mail (deleted once sent): not on the letter, not in its thread.
        self.assertFalse(mail.mail_message_id.body)
        self.assertNotIn(code, str(letter.sudo().read()[0]))
        self.assertFalse([m for m in letter.sudo().message_ids if code in (m.body or '')])
        # A letter entered in the back office without a query code in the
        # caller's hands still gets its receipt.
        entered = self.Letter.sudo(self.clerk).create({
            'title': 'By phone', 'content': 'Entered by the clerk.', 'category_id': self.category.id,
            'channel': 'phone', 'entry_writer_email': 'phone@example.com'})
        mail = self.writer_mails(entered)
        self.assertEqual(mail.email_to, 'phone@example.com')
        self.assertRegex(mail.body_html, r'<strong[^>]*>[A-Z2-9]{8}</strong>')

    def test_5_3_2_writer_told_acceptance_and_reason_of_non_acceptance(self):
        letter = self.accepted()
        mail = self.writer_mails(letter).filtered(lambda m: 'was accepted' in m.subject)
        self.assertEqual(mail.recipient_ids, self.citizen.partner_id)
        self.assertIn(self.edu.name, mail.body_html)
        self.assertIn(letter.deadline_reply[:10], mail.body_html)
        rejected = self.new_letter()
        rejected.sudo(self.clerk)._reject('b', 'Say which school.')
        mail = self.writer_mails(rejected).filtered(lambda m: 'not accepted' in m.subject)
        self.assertIn('Unclear content or missing information', mail.body_html)
        self.assertIn('Say which school.', mail.body_html)
        duplicate = self.new_letter()
        duplicate.sudo().write({'duplicate_of_id': letter.id})
        duplicate.sudo(self.clerk).action_mark_duplicate()
        mail = self.writer_mails(duplicate).filtered(lambda m: 'not accepted' in m.subject)
        self.assertIn('Already being handled or concluded', mail.body_html)
        self.assertIn('handled in letter %s' % letter.number, mail.body_html)

    def test_5_3_4_reply_mail_in_the_writers_language(self):
        self.citizen.partner_id.lang = 'zh_CN'
        letter = self.accepted()
        accepted = self.writer_mails(letter).filtered(lambda m: '已受理' in m.subject)
        self.assertEqual(len(accepted), 1)
        self.assertIn(letter.number, accepted.subject)
        handler = letter.sudo(self.handler_edu)
        handler.write({'reply': '<p>请携带户口簿到区教育局办理。</p>'})
        handler.action_submit_reply()
        letter.sudo(self.manager_edu).action_approve_reply()
        reply = self.writer_mails(letter).filtered(lambda m: '已答复' in m.subject)
        self.assertEqual(reply.recipient_ids, self.citizen.partner_id)
        self.assertIn('已答复', reply.subject)
        self.assertIn('请携带户口簿到区教育局办理。', reply.body_html)
        self.assertIn('答复', reply.body_html)
        # The chatter says the writer was told, not to whom nor the text.
        notes = letter.sudo().message_ids.mapped('body')
        self.assertTrue([body for body in notes if reply.subject in (body or '')])
        self.assertFalse([body for body in notes if '区教育局办理' in (body or '')])

    def test_5_3_10_mails_to_departments_never_name_the_writer(self):
        # The department's members take their notifications by email.
        (self.handler_edu | self.manager_edu).write({'notification_type': 'email'})
        start = self.last_mail_id()
        letter = self.accepted()
        # Notifications stay queued (not sent and deleted) to be read here.
        handler = letter.sudo(self.handler_edu).with_context(mail_notify_force_send=False)
        handler.write({'transfer_reason': 'Pollution matter.', 'transfer_department_id': self.env_dept.id})
        handler.action_request_transfer()
        letter.sudo(self.clerk).action_refuse_transfer()
        # A message to the followers (the department) by the handler.
        handler.message_post(body='Please check the school district map.', subtype='mail.mt_comment',
                             message_type='comment')
        wizard = self.env['gov.letter.extension.wizard'].sudo(self.handler_edu).with_context(
            default_letter_id=letter.id).create({'reason': 'Needs a site visit.', 'extra_days': 2})
        wizard.action_confirm()
        letter.sudo(self.supervisor)._decide_extension(True)
        handler.write({'reply': '<p>Answered.</p>'})
        handler.action_submit_reply()
        letter.sudo(self.manager_edu).write({'review_comment': 'Add the office hours.'})
        letter.sudo(self.manager_edu).action_return_reply()
        handler.action_submit_reply()
        letter.sudo(self.manager_edu).action_approve_reply()
        # This letter's mails (the mail queue's run also renders the
        # receipts of letters other tests left).
        mails = self.mails_since(start).filtered(
            lambda m: m.model == 'gov.letter' and m.res_id == letter.id)
        writer = self.citizen.partner_id
        to_writer = mails.filtered(lambda m: m.recipient_ids == writer)
        self.assertEqual(len(to_writer), 4, "received, accepted, extension, reply")
        identity = IDENTITY + (writer.name,)
        others = mails - to_writer
        self.assertTrue(others, "the department's followers got the handler's message")
        for mail in others:
            self.assertNotIn(writer, mail.recipient_ids)
            text = '%s %s %s' % (mail.subject, mail.body_html, mail.email_to)
            for value in identity:
                self.assertNotIn(value, text)
        # Nor anywhere in the letter's thread.
        for message in letter.sudo().message_ids:
            text = '%s %s' % (message.subject, message.body)
            for value in identity:
                self.assertNotIn(value, text)
        tracked = letter.sudo().message_ids.mapped('tracking_value_ids')
        self.assertFalse(tracked.filtered(lambda t: t.field in (
            'partner_id', 'writer_name', 'writer_phone', 'writer_id_number', 'writer_email',
            'writer_address')))

    def test_5_3_1_the_receipt_is_rendered_by_the_mail_queue(self):
        """The submission stores the receipt with the letter; the mail
        queue's job renders it before sending, and the code is then kept
        in the queued mail only."""
        start = self.last_mail_id()
        letter, code = self.Letter.sudo(self.clerk)._intake({
            'title': 'Heating fee', 'content': 'How is the heating fee computed?',
            'category_id': self.category.id, 'writer_email': 'writer@example.com'})
        Receipt = self.env['gov.letter.receipt'].sudo()
        self.assertEqual(Receipt.search([('letter_id', '=', letter.id)]).query_code, code)
        self.assertFalse(self.env['mail.mail'].sudo().search([('id', '>', start)]))
        sent = []
        with patch.object(type(self.env['ir.mail_server']), 'send_email',
                          side_effect=lambda message, *args, **kwargs: sent.append(message)):
            self.env['mail.mail'].with_context(filters=[
                ('model', '=', 'gov.letter'), ('res_id', '=', letter.id)]).process_email_queue()
        self.assertFalse(Receipt.search([('letter_id', '=', letter.id)]))
        self.assertEqual([message['To'] for message in sent], ['writer@example.com'])
        # Without an address: nothing waits.
        silent, _code = self.Letter.sudo(self.clerk)._intake({
            'title': 'By phone', 'content': 'No address given.', 'category_id': self.category.id})
        self.assertFalse(Receipt.search([('letter_id', '=', silent.id)]))

    def test_5_3_1_a_receipt_that_fails_to_render_waits_for_the_next_run(self):
        letter, code = self.Letter.sudo(self.clerk)._intake({
            'title': 'Heating fee', 'content': 'How is the heating fee computed?',
            'category_id': self.category.id, 'writer_email': 'writer@example.com'})
        Letter = type(self.env['gov.letter'])
        with patch.object(Letter, '_mail_writer', side_effect=ValueError('template broken')), \
                mute_logger('odoo.addons.gov_letter.models.gov_letter_receipt'):
            self.run_mail_queue_receipts()
        receipt = self.env['gov.letter.receipt'].sudo().search([('letter_id', '=', letter.id)])
        self.assertEqual(receipt.query_code, code)
        self.assertIn(code, self.writer_mails(letter).body_html)
        self.assertFalse(receipt.exists())

    def test_5_3_1_a_query_code_does_not_outlive_its_mail(self):
        letter, code = self.Letter.sudo(self.clerk)._intake({
            'title': 'Heating fee', 'content': 'How is the heating fee computed?',
            'category_id': self.category.id, 'writer_email': 'writer@example.com'})
        mail = self.writer_mails(letter)
        self.assertTrue(mail.gov_carries_secret)
        # Sent: gone with its text.
        mail.send()
        self.assertFalse(mail.exists())
        # Failed (the mail server refuses): kept for the clerks, without the code.
        other, code = self.Letter.sudo(self.clerk)._intake({
            'title': 'Heating fee again', 'content': 'And for a shop?',
            'category_id': self.category.id, 'writer_email': 'shop@example.com'})
        mail = self.writer_mails(other)
        accepted = self.writer_mails(self.accepted()).filtered(lambda m: 'was accepted' in m.subject)
        refused = OSError('Connection refused by the mail server')
        with patch.object(type(self.env['ir.mail_server']), 'send_email', side_effect=refused), \
                mute_logger('odoo.addons.mail.models.mail_mail'):
            (mail | accepted).send(raise_exception=False)
        self.assertEqual(mail.state, 'exception')
        self.assertEqual(mail.email_to, 'shop@example.com')
        self.assertIn('refused', mail.failure_reason)
        self.assertNotIn(code, mail.body_html)
        self.assertIn('New Query Code', mail.body_html)
        # Other mails keep their text when they fail.
        self.assertEqual(accepted.state, 'exception')
        self.assertIn(self.edu.name, accepted.body_html)
