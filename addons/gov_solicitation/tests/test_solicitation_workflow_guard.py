# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""4.2 a-c, 5.1.4: what the buttons decide (opening, closing with the
summary deadline, publishing the result, the dates of acceptance and
feedback of an opinion) cannot be written around them, by any role."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.workflow_guard import WorkflowGuardAssertions, in_request


def _ahead(**kwargs):
    return fields.Datetime.to_string(
        fields.Datetime.from_string(fields.Datetime.now()) + timedelta(**kwargs))




class TestSolicitationWorkflowGuard(WorkflowGuardAssertions, TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Solicitation = self.env['gov.solicitation']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.office = self.env.ref('gov_interaction.user_office')
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.vals = {
            'name': '关于学前教育条例草案征求意见', 'department_id': self.edu.id, 'mode': 'topic',
            'date_start': _ahead(days=-1), 'date_end': _ahead(days=10),
            'body': '<p>第一条 为了发展学前教育……</p>',
        }
        self.solicitation = self.Solicitation.sudo(self.handler_edu).create(self.vals)

    def opinion(self):
        opinion, errors = self.solicitation._submit_opinion(self.citizen.partner_id, '建议增加公办园学位。')
        self.assertFalse(errors)
        return opinion

    def test_5_1_4_solicitation_state_and_dates_direct_write_refused(self):
        solicitation = self.solicitation
        now = fields.Datetime.now()
        for user in (self.handler_edu, self.office):
            self.assert_refused(solicitation, user, {'state': 'open'})
            self.assert_refused(solicitation, user, {'state': 'published'})
        solicitation.sudo(self.handler_edu).action_open()
        self.assertEqual(solicitation.state, 'open')
        for user in (self.handler_edu, self.office):
            self.assert_refused(solicitation, user, {'state': 'closed'})
            self.assert_refused(solicitation, user, {'date_closed': now})
        solicitation.sudo(self.handler_edu).action_close()
        self.assertEqual(solicitation.state, 'closed')
        self.assertTrue(solicitation.summary_deadline)
        for user in (self.handler_edu, self.office):
            self.assert_refused(solicitation, user, {'summary_deadline': _ahead(days=30)})
            self.assert_refused(solicitation, user, {'state': 'published', 'date_published': now})
        # What the form edits stays writable; the button publishes.
        solicitation.sudo(self.handler_edu).write({'result': '<p>收到意见0条。</p>',
                                                   'publish_adoption': True})
        solicitation.sudo(self.handler_edu).action_publish()
        self.assertEqual(solicitation.state, 'published')
        self.assertTrue(solicitation.date_published)
        self.assert_refused(solicitation, self.handler_edu, {'state': 'closed'})

    def test_4_2_a_create_already_published_refused(self):
        with self.assertRaises(AccessError):
            self.Solicitation.sudo(self.handler_edu).create(dict(self.vals, state='published'))
        with self.assertRaises(AccessError):
            self.Solicitation.sudo(self.office).create(dict(self.vals, date_published=fields.Datetime.now()))

    def test_4_2_b_opinion_acceptance_and_reply_dates_direct_write_refused(self):
        self.solicitation.sudo(self.handler_edu).action_open()
        opinion = self.opinion()
        self.assert_refused(opinion, self.handler_edu, {'date_accepted': fields.Datetime.now()})
        self.assert_refused(opinion, self.handler_edu, {'date_replied': fields.Datetime.now()})
        # Deciding and replying (the form, the wizard) stamps them.
        opinion.sudo(self.handler_edu).write({'decision': 'adopted', 'reply': '已采纳，谢谢。'})
        self.assertTrue(opinion.date_accepted and opinion.date_replied)
        stamped = opinion.read(['date_accepted', 'date_replied'])[0]
        self.assert_refused(opinion, self.office, {'date_accepted': '2020-01-01 00:00:00'})
        self.assert_refused(opinion, self.handler_edu, {'date_replied': '2020-01-01 00:00:00'})
        self.assertEqual(opinion.read(['date_accepted', 'date_replied'])[0], stamped)

    def test_5_1_4_sudo_inside_a_request_refused_the_buttons_still_work(self):
        solicitation = self.solicitation
        with in_request():
            with self.assertRaises(AccessError):
                solicitation.sudo().write({'state': 'open'})
            self.assertEqual(solicitation.state, 'draft')
            solicitation.sudo(self.handler_edu).action_open()
            opinion = self.opinion()
            opinion.sudo().write({'decision': 'partial', 'reply': '部分采纳。'})
            self.assertTrue(opinion.date_accepted and opinion.date_replied)
            solicitation.sudo(self.handler_edu).action_close()
        self.assertEqual(solicitation.state, 'closed')
