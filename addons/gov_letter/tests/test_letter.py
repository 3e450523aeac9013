# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Consultation and complaint letters (clauses 4.4, 5.3).  Times are UTC as
Odoo stores them; Shanghai is UTC+8."""
import re

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from .common import LetterCase


class TestLetter(LetterCase):

    # ------------------------------------------------------------------
    # 5.3.1 intake
    # ------------------------------------------------------------------

    def test_5_3_1_intake_assigns_number_and_query_code(self):
        letter, code = self.Letter.sudo(self.clerk)._intake({
            'title': 'Question', 'content': 'Text', 'category_id': self.category.id,
            'writer_email': 'someone@example.com'})
        self.assertRegex(letter.number, r'^XJ\d{4}-\d{6}$')
        self.assertEqual(letter.state, 'new')
        self.assertRegex(code, r'^[A-Z2-9]{8}$')
        digest = letter.sudo().query_code_digest
        self.assertNotIn(code, digest)
        self.assertTrue(letter._check_query_code(code))
        self.assertTrue(letter._check_query_code(code.lower()))
        self.assertFalse(letter._check_query_code('AAAAAAAA'))
        self.assertEqual(self.Letter._find_by_query(letter.number, code), letter.sudo())
        self.assertFalse(self.Letter._find_by_query(letter.number, 'WRONG123'))
        # The code is mailed to the writer once, never posted in the chatter.
        mails = self.writer_mails(letter)
        self.assertEqual(mails.mapped('email_to'), ['someone@example.com'])
        self.assertIn(code, mails.body_html)
        self.assertFalse(any(code in (m.body or '') for m in letter.sudo().message_ids))

    def test_5_3_1_number_unique_yearly(self):
        first = self.new_letter()
        second = self.new_letter()
        self.assertNotEqual(first.number, second.number)
        self.assertEqual(int(second.number[-6:]), int(first.number[-6:]) + 1)
        # Each year counts from 1 again: two years pinned far from any letter.
        vals = {'title': 'Late in the year', 'content': 'Text', 'category_id': self.category.id}
        Intake = self.Letter.sudo(self.clerk)
        year_end = [Intake.with_context(ir_sequence_date='2098-12-31')._intake(dict(vals))[0].number
                    for _index in range(2)]
        self.assertEqual(year_end, ['XJ2098-000001', 'XJ2098-000002'])
        later = Intake.with_context(ir_sequence_date='2099-01-01')._intake(dict(vals, title='Next year'))[0]
        self.assertEqual(later.number, 'XJ2099-000001')
        # The year is Beijing's: 16:30 UTC on 31 December is New Year's Day there.
        late, early = [self.Letter.sudo().create(dict(vals, date_received=moment)).number
                       for moment in ('2096-12-31 15:59:59', '2096-12-31 16:30:00')]
        self.assertEqual((late, early), ('XJ2096-000001', 'XJ2097-000001'))
        with self.assertRaises(psycopg2.IntegrityError), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            second.sudo().write({'number': first.number})

    def test_4_4_attachments_limited_in_type_and_size(self):
        Attachment = self.env['ir.attachment']
        exe = Attachment.create({'name': 'virus.exe', 'datas_fname': 'virus.exe', 'datas': 'QUJD'})
        with self.assertRaisesRegex(ValidationError, 'virus.exe is not allowed: accepted types are PDF'):
            self.new_letter(attachment_ids=[(6, 0, exe.ids)])
        pdf = Attachment.create({'name': 'proof.pdf', 'datas_fname': 'proof.pdf', 'datas': 'QUJD'})
        letter = self.new_letter(attachment_ids=[(6, 0, pdf.ids)])
        self.assertEqual(letter.attachment_ids, pdf)
        self.env['ir.config_parameter'].sudo().set_param('gov_letter.attachment_max_mb', '0.000001')
        with self.assertRaisesRegex(ValidationError, 'proof.pdf is larger than 1e-06 MB'):
            self.new_letter(attachment_ids=[(6, 0, pdf.ids)])

    # ------------------------------------------------------------------
    # 5.3.2 not accepted, routing, duplicates
    # ------------------------------------------------------------------

    def test_5_3_2_reject_needs_reason_a_to_e_and_tells_writer(self):
        letter = self.new_letter()
        reasons = [key for key, _label in self.Letter._fields['reject_reason'].selection]
        self.assertEqual(reasons, ['a', 'b', 'c', 'd', 'e'])
        wizard = self.env['gov.letter.reject.wizard'].sudo(self.clerk).create({'letter_id': letter.id})
        with self.assertRaisesRegex(UserError, 'reason'):
            wizard.action_confirm()
        with self.assertRaises(UserError):
            self.as_user(letter, self.handler_edu)._reject('b')
        action = self.as_user(letter, self.clerk).action_reject()
        self.assertEqual(action['res_model'], 'gov.letter.reject.wizard')
        wizard.write({'reject_reason': 'a', 'reject_note': 'Pending before the court.'})
        wizard.action_confirm()
        self.assertEqual(letter.state, 'rejected')
        self.assertEqual(letter.reject_reason, 'a')
        mail = self.writer_mails(letter).filtered(lambda m: 'not accepted' in m.subject)
        self.assertEqual(mail.recipient_ids, self.citizen.partner_id)
        self.assertIn('litigation, arbitration or administrative reconsideration', mail.body_html)
        self.assertIn('Pending before the court.', mail.body_html)

    def test_5_3_2_routing_rule_suggests_department(self):
        Rule = self.env['gov.letter.routing.rule']
        Rule.search([]).write({'active': False})
        Rule.create({'sequence': 1, 'keywords': 'pollution, smell', 'department_id': self.env_dept.id})
        Rule.create({'sequence': 2, 'category_id': self.category.id, 'department_id': self.edu.id})
        smelly = self.new_letter(title='A factory smell at night', letter_type='complaint')
        self.assertEqual(smelly._suggest_department(), self.env_dept)
        school = self.new_letter()
        self.assertEqual(school._suggest_department(), self.edu)
        other = self.new_letter(category_id=self.env.ref('gov_letter.category_f').id)
        self.assertFalse(other._suggest_department())
        # Accepting without a department takes the suggestion; none at all is refused.
        self.as_user(school, self.clerk).action_accept()
        self.assertEqual(school.department_id, self.edu)
        with self.assertRaisesRegex(UserError, 'responsible department'):
            self.as_user(other, self.clerk).action_accept()

    def test_5_3_2_duplicate_closed_with_reason_c(self):
        original = self.accepted()
        duplicate = self.new_letter()
        with self.assertRaisesRegex(UserError, 'original letter'):
            self.as_user(duplicate, self.clerk).action_mark_duplicate()
        duplicate.sudo(self.clerk).write({'duplicate_of_id': original.id})
        self.as_user(duplicate, self.clerk).action_mark_duplicate()
        self.assertEqual(duplicate.state, 'rejected')
        self.assertEqual(duplicate.reject_reason, 'c')
        self.assertIn(original.number, duplicate.reject_note)

    # ------------------------------------------------------------------
    # 5.3.3 / 5.3.6 deadlines and transfer
    # ------------------------------------------------------------------

    def test_5_3_3_reply_deadline_from_sla_policy(self):
        letter = self.accepted()
        # Accepted Friday 2026-02-13 10:00 in Shanghai: Saturday 14th is a make-up
        # working day, 15th-23rd the Spring Festival, so the fifth working day is
        # Friday 27th; the transfer request ends on Tuesday 24th.
        letter.sudo().write({'date_assigned': '2026-02-13 02:00:00'})
        self.assertEqual(letter.sla_policy_id, self.env.ref('gov_letter.sla_policy_default'))
        self.assertEqual(letter.deadline_reply, '2026-02-27 15:59:59')
        self.assertEqual(letter.deadline_transfer, '2026-02-24 15:59:59')
        self.assertFalse(letter.deadline_schedule_missing)
        # A more specific policy wins: category beats type beats the default.
        Policy = self.env['gov.letter.sla.policy']
        Policy.create({'name': 'Consultations', 'letter_type': 'consultation', 'reply_days': 3})
        Policy.create({'name': 'Services', 'category_id': self.category.id, 'reply_days': 4})
        letter.sudo().write({'date_assigned': '2026-02-13 02:00:00', 'letter_type': 'consultation'})
        self.assertEqual(letter.deadline_reply, '2026-02-26 15:59:59')
        both = Policy.create({'name': 'Service consultations', 'category_id': self.category.id,
                              'letter_type': 'consultation', 'reply_days': 1})
        letter.sudo().write({'letter_type': 'complaint'})
        letter.sudo().write({'letter_type': 'consultation'})
        self.assertEqual(letter.sla_policy_id, both)
        self.assertEqual(letter.deadline_reply, '2026-02-14 15:59:59')

    def test_5_3_6_transfer_refused_after_two_working_days(self):
        letter = self.accepted()
        letter.sudo().write({'transfer_reason': 'Environmental matter.',
                             'transfer_department_id': self.env_dept.id})
        with self.assertRaises(AccessError):
            self.as_user(letter, self.handler_env).action_request_transfer()
        # A supervisor sees every letter but is no handler of it.
        with self.assertRaisesRegex(UserError, 'handler of the responsible department'):
            self.as_user(letter, self.supervisor).action_request_transfer()
        letter.sudo().write({'date_assigned': '2026-02-13 02:00:00'})
        with self.assertRaisesRegex(UserError, 'ended on 2026-02-24 23:59'):
            self.as_user(letter, self.handler_edu).action_request_transfer()
        self.assertEqual(letter.state, 'accepted')

    def test_5_3_6_clerk_redetermines_department(self):
        letter = self.accepted()
        handler = self.as_user(letter, self.handler_edu)
        with self.assertRaisesRegex(UserError, 'reason for the transfer'):
            handler.action_request_transfer()
        handler.write({'transfer_reason': 'The matter is about pollution.',
                       'transfer_department_id': self.env_dept.id})
        handler.action_request_transfer()
        self.assertEqual(letter.state, 'transfer')
        self.assertTrue(letter.date_transfer_requested)
        self.assertTrue(letter.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref('gov_letter.mail_activity_type_transfer')))
        with self.assertRaises(UserError):
            handler.action_decide_transfer()
        letter.sudo().write({'date_assigned': '2026-02-13 02:00:00'})
        self.as_user(letter, self.clerk).action_decide_transfer()
        self.assertEqual(letter.state, 'accepted')
        self.assertEqual(letter.department_id, self.env_dept)
        self.assertGreater(letter.date_assigned, '2026-02-13 02:00:00')
        self.assertGreater(letter.deadline_reply, letter.date_assigned)
        # The new department works it; the old one no longer sees it nor follows it.
        followers = letter.sudo().message_partner_ids
        self.assertIn(self.handler_env.partner_id, followers)
        self.assertNotIn(self.handler_edu.partner_id, followers)
        self.assertEqual(self.as_user(letter, self.handler_env).title, letter.title)
        with self.assertRaises(AccessError):
            self.as_user(letter, self.handler_edu).read(['title'])

    def test_5_3_5_complex_matter_writer_is_told_why(self):
        letter = self.accepted()
        handler = self.as_user(letter, self.handler_edu)
        with self.assertRaisesRegex(UserError, 'progress note'):
            handler.action_inform_writer()
        handler.write({'complex_note': 'Three bureaus must be consulted; expect an answer next month.'})
        handler.action_inform_writer()
        mail = self.writer_mails(letter).filtered(lambda m: m.subject.startswith('Progress'))
        self.assertEqual(mail.recipient_ids, self.citizen.partner_id)
        self.assertIn('Three bureaus must be consulted', mail.body_html)

    # ------------------------------------------------------------------
    # 5.3.4 reply and review
    # ------------------------------------------------------------------

    def test_5_3_4_reply_review_approve_and_return(self):
        letter = self.accepted()
        handler = self.as_user(letter, self.handler_edu)
        with self.assertRaisesRegex(UserError, 'Write the reply'):
            handler.action_submit_reply()
        handler.write({'reply': '<p>Bring the household register and the birth certificate.</p>'})
        handler.action_submit_reply()
        self.assertEqual(letter.state, 'review')
        review = self.env.ref('gov_letter.mail_activity_type_review')
        activity = letter.activity_ids.filtered(lambda a: a.activity_type_id == review)
        self.assertEqual(activity.user_id, self.manager_edu)
        with self.assertRaisesRegex(UserError, 'manager of the responsible department'):
            handler.action_approve_reply()
        manager = self.as_user(letter, self.manager_edu)
        with self.assertRaisesRegex(UserError, 'returned'):
            manager.action_return_reply()
        manager.write({'review_comment': 'Name the office that takes the papers.'})
        manager.action_return_reply()
        self.assertEqual(letter.state, 'accepted')
        handler.write({'reply': '<p>Bring them to the district education office.</p>'})
        handler.action_submit_reply()
        manager.action_approve_reply()
        self.assertEqual(letter.state, 'replied')
        self.assertTrue(letter.date_replied)
        mail = self.writer_mails(letter).filtered(lambda m: m.subject.startswith('Reply'))
        self.assertEqual(mail.recipient_ids, self.citizen.partner_id)
        self.assertIn('district education office', mail.body_html)

    def test_5_3_4_only_a_reviewed_reply_reaches_the_writer_buck_passing_is_returned(self):
        letter = self.accepted()
        handler = self.as_user(letter, self.handler_edu)
        manager = self.as_user(letter, self.manager_edu)
        # Markup without a word is no reply.
        for empty in ('<p><br></p>', '<p>&nbsp;</p>', '<div></div>', '<div>\n</div>'):
            handler.write({'reply': empty})
            with self.assertRaisesRegex(UserError, 'Write the reply'):
                handler.action_submit_reply()
        # Passing the buck: the manager returns it with the reason; the
        # writer gets nothing, the handler is told why and asked to revise.
        handler.write({'reply': '<p>Not our business: ask the district.</p>'})
        handler.action_submit_reply()
        manager.write({'review_comment': 'Say what the office does and cite the rule.'})
        manager.action_return_reply()
        self.assertEqual(letter.state, 'accepted')
        self.assertFalse(self.writer_mails(letter).filtered(lambda m: m.subject.startswith('Reply')))
        self.assertIsNone(letter._public_data()['reply'])
        notes = letter.sudo().message_ids.mapped('body')
        self.assertTrue([body for body in notes if 'Say what the office does and cite the rule.' in body])
        revise = letter.activity_ids.filtered(lambda a: a.summary == 'Revise the reply')
        self.assertEqual(revise.user_id, self.handler_edu)
        # Where the rules prevent a solution, the reply says why: that,
        # approved, is what the writer gets, as clean markup.
        handler.write({'reply': '<p>Under Article 12 of the admission rules, pupils enrol where their '
                                'household is registered, so the school cannot take him this year.</p>'
                                '<script>alert(1)</script>'})
        handler.action_submit_reply()
        manager.action_approve_reply()
        self.assertEqual(letter.state, 'replied')
        self.assertNotIn('<script', letter.reply)
        mail = self.writer_mails(letter).filtered(lambda m: m.subject.startswith('Reply'))
        self.assertEqual(mail.recipient_ids, self.citizen.partner_id)
        self.assertIn('Under Article 12 of the admission rules', mail.body_html)
        self.assertNotIn('Not our business', mail.body_html)
        self.assertNotIn('<script', mail.body_html)
        self.assertIn('the school cannot take him this year', letter._public_data()['reply'])

    # ------------------------------------------------------------------
    # 5.3.10 confidentiality
    # ------------------------------------------------------------------

    def test_5_3_10_identity_hidden_from_other_department_and_for_reports(self):
        letter = self.accepted()
        # Raw fields: nobody but the system; staff go through Show Identity (logged).
        for user in (self.clerk, self.supervisor, self.handler_edu):
            with self.assertRaises(AccessError):
                self.as_user(letter, user).read(['writer_name'])
        self.assertEqual(self.as_user(letter, self.supervisor)._read_identity()['writer_phone'],
                         '13800000001')
        # The letter's handler sees a masked writer and may show the identity.
        mine = self.as_user(letter, self.handler_edu)
        self.assertTrue(mine.can_see_identity)
        self.assertNotIn('Zhou Xiaomei', mine.writer_display)
        self.assertIn('138****0001', mine.writer_display)
        self.assertEqual(mine._read_identity()['writer_name'], 'Zhou Xiaomei')
        # Another department: not even the record; its identity stays hidden.
        other = self.as_user(letter, self.handler_env)
        self.assertFalse(letter.sudo()._can_see_identity(self.handler_env))
        with self.assertRaises(AccessError):
            other._read_identity()
        # Reports (举报): only clerks and supervisors.
        report = self.accepted(letter_type='report')
        handler_view = self.as_user(report, self.handler_edu)
        self.assertFalse(handler_view.can_see_identity)
        self.assertEqual(handler_view.writer_display, 'Anonymous')
        with self.assertRaisesRegex(UserError, 'not allowed to see who wrote'):
            handler_view._read_identity()
        self.assertEqual(self.as_user(report, self.clerk)._read_identity()['writer_name'], 'Zhou Xiaomei')
        # Never in the chatter or in mails to the departments.
        for record in (letter, report):
            texts = record.sudo().message_ids.mapped('body') + record.sudo().message_ids.mapped('subject')
            self.assertFalse([t for t in texts if t and ('Zhou' in t or '13800000001' in t)])
            self.assertNotIn(self.citizen.partner_id, record.sudo().message_partner_ids)

    def test_5_3_10_identity_reads_are_logged(self):
        letter = self.accepted()
        Log = self.env['gov.letter.identity.access']
        action = self.as_user(letter, self.handler_edu).action_show_identity()
        wizard = self.env['gov.letter.identity.wizard'].sudo(self.handler_edu).browse(action['res_id'])
        self.assertEqual(wizard.writer_name, 'Zhou Xiaomei')
        self.as_user(letter, self.clerk).action_show_identity()
        logs = Log.search([('letter_id', '=', letter.id)])
        self.assertEqual(logs.mapped('user_id'), self.clerk | self.handler_edu)
        self.assertTrue(all(logs.mapped('date')))
        # Handlers see their own reads only; supervisors audit all.
        self.assertEqual(len(Log.sudo(self.handler_edu).search([('letter_id', '=', letter.id)])), 1)
        self.assertEqual(len(Log.sudo(self.supervisor).search([('letter_id', '=', letter.id)])), 2)
        with self.assertRaises(AccessError):
            Log.sudo(self.handler_edu).create({'letter_id': letter.id, 'user_id': self.handler_edu.id})

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------

    def test_access_handler_of_other_department_cannot_read(self):
        letter = self.accepted()
        self.assertFalse(self.Letter.sudo(self.handler_env).search([('id', '=', letter.id)]))
        with self.assertRaises(AccessError):
            self.as_user(letter, self.handler_env).read(['title'])
        self.assertEqual(self.Letter.sudo(self.handler_edu).search([('id', '=', letter.id)]), letter)
        self.assertTrue(self.Letter.sudo(self.handler_edu).search(
            [('in_my_departments', '=', True), ('id', '=', letter.id)]))
        # Citizens reach their letters through the pages and the API only
        # (_public_data): not even their own through the ORM.
        with self.assertRaises(AccessError):
            self.Letter.sudo(self.citizen).search([('id', '=', letter.id)])
        with self.assertRaises(AccessError):
            self.Letter.sudo(self.citizen).create({
                'title': 'x', 'content': 'y', 'category_id': self.category.id})

    def test_number_pattern(self):
        self.assertTrue(re.match(r'^XJ\d{4}-\d{6}$', self.new_letter().number))

    def test_5_3_1_numbers_follow_the_sequence_found_by_code_too(self):
        """The sequence is found by its external id; without it, by its
        code, and the numbers go on."""
        first = self.new_letter()
        self.env['ir.model.data'].search([('module', '=', 'gov_letter'),
                                          ('name', '=', 'seq_gov_letter')]).unlink()
        second = self.new_letter()
        self.assertEqual(int(second.number[-6:]), int(first.number[-6:]) + 1)


class TestLetterPublic(TransactionCase):
    """What the website and the API (4.1.4) give citizens."""

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Letter = self.env['gov.letter']
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.clerk = self.env.ref('gov_interaction.user_clerk')
        self.column = self.env.ref('gov_interaction.column_letter')

    def test_4_4_submission_is_checked_field_by_field(self):
        vals, errors = self.Letter._submission_values({'title': ' ', 'category': 'z', 'letter_type': 'x'})
        self.assertEqual(set(errors), {'title', 'content', 'category', 'letter_type', 'writer_phone'})
        vals, errors = self.Letter._submission_values(
            {'title': 'Noise', 'content': 'Noise at night', 'category': 'd', 'letter_type': 'complaint',
             'publish_wish': 'on'}, self.citizen.partner_id)
        self.assertEqual(errors, {})
        self.assertEqual(vals['category_id'], self.env.ref('gov_letter.category_d').id)
        self.assertEqual(vals['partner_id'], self.citizen.partner_id.id)
        self.assertEqual(vals['writer_name'], self.citizen.name)
        self.assertTrue(vals['publish_wish'])
        self.assertEqual(vals['channel'], 'web')

    def test_5_3_9_only_published_replies_in_the_column(self):
        vals, _errors = self.Letter._submission_values(
            {'title': 'Night buses', 'content': 'More night buses, please.', 'category': 'c',
             'publish_wish': 'on'}, self.citizen.partner_id)
        letter, code = self.Letter.sudo()._intake(vals)
        letter.sudo().write({'state': 'replied', 'date_replied': '2026-03-02 02:00:00',
                             'reply': '<p>Two lines from May.</p>'})
        self.assertNotIn('Night buses', [item['title'] for item in self.column._latest_items(1000)])
        letter.sudo().write({'publish_reply': True})
        if 'publication_ids' in letter._fields:
            # With gov_letter_publication a person checks the redacted copy first.
            letter.sudo().publication_ids.action_check()
        items = self.column._latest_items(1000)
        self.assertIn({'title': 'Night buses', 'url': '/interaction/letters/%s' % letter.number,
                       'date': '2026-03-02'}, items)
        mine = self.column._portal_items(self.citizen.partner_id)
        self.assertIn(letter.number + ' Night buses', [item['title'] for item in mine])
        others = self.column._portal_items(self.env.ref('gov_interaction.user_citizen2').partner_id)
        self.assertNotIn(letter.number + ' Night buses', [item['title'] for item in others])
        # Publication needs the writer's agreement.
        with self.assertRaisesRegex(ValidationError, 'only if the writer agrees'):
            letter.sudo().write({'publish_wish': False})
        # The writer's view: the reply, never the identity.
        data = self.Letter._find_by_query(letter.number, code)._public_data()
        self.assertEqual(data['state'], 'replied')
        self.assertIn('Two lines from May.', data['reply'])
        self.assertFalse({'writer_name', 'writer_phone', 'partner_id'} & set(data))
        self.assertNotIn(self.citizen.name, str(data))
