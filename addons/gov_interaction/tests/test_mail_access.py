# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Outgoing mails and followers, which Odoo 11 leaves open to every user
(found by the access matrix, tests/test_access_matrix.py)."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestMailAccess(TransactionCase):

    def setUp(self):
        super().setUp()
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.handler = self.env.ref('gov_interaction.user_handler_env')
        self.public = self.env.ref('base.public_user')
        self.mail = self.env['mail.mail'].create({
            'subject': '您的来信已受理', 'body_html': '<p>查询码 123456</p>',
            'email_to': 'writer@example.com'})
        self.calendar = self.env.ref('gov_interaction.calendar_national')

    def test_outgoing_mails_are_not_read_by_citizens_visitors_or_other_staff(self):
        for user in (self.citizen, self.public, self.handler):
            Mail = self.env['mail.mail'].sudo(user)
            self.assertFalse(Mail.search([('id', '=', self.mail.id)]), user.login)
            with self.assertRaises(AccessError, msg=user.login):
                Mail.browse(self.mail.id).read(['subject', 'body_html', 'email_to'])

    def test_citizens_cannot_queue_mails_staff_read_back_their_own(self):
        with self.assertRaises(AccessError):
            self.env['mail.mail'].sudo(self.citizen).create({
                'subject': '中奖通知', 'body_html': '<p>x</p>', 'email_to': 'victim@example.com'})
        own = self.env['mail.mail'].sudo(self.handler).create({'subject': '通知', 'body_html': '<p>x</p>'})
        self.assertEqual(own.read(['subject'])[0]['subject'], '通知')

    def test_following_a_document_needs_read_for_oneself_write_for_others(self):
        Followers = self.env['mail.followers']
        values = {'res_model': 'gov.calendar', 'res_id': self.calendar.id}
        own = Followers.sudo(self.citizen).create(dict(values, partner_id=self.citizen.partner_id.id))
        self.assertEqual(own.partner_id, self.citizen.partner_id)
        someone = self.env['res.partner'].create({'name': '王五'})
        for user in (self.citizen, self.handler):
            with self.assertRaises(AccessError, msg=user.login):
                Followers.sudo(user).create(dict(values, partner_id=someone.id))
        token, _secret = self.env['gov.api.token'].sudo(self.citizen).generate('手机')
        with self.assertRaises(AccessError):
            Followers.sudo(self.handler).create({
                'res_model': 'gov.api.token', 'res_id': token.id, 'partner_id': self.handler.partner_id.id})

    def test_citizens_and_visitors_see_only_their_own_subscriptions(self):
        self.calendar.message_subscribe(partner_ids=[self.handler.partner_id.id])
        for user in (self.citizen, self.public):
            seen = self.env['mail.followers'].sudo(user).search([('res_model', '=', 'gov.calendar')])
            self.assertEqual(seen.mapped('partner_id') - user.partner_id, self.env['res.partner'], user.login)
        staff = self.env['mail.followers'].sudo(self.handler).search([('res_model', '=', 'gov.calendar')])
        self.assertIn(self.handler.partner_id, staff.mapped('partner_id'))
