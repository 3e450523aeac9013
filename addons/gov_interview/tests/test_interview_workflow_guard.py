# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.2.3-5.2.7: what the buttons decide (the preview, the live interview
and its duration, the transcript's publication, the moderation and
answering of questions with their reply deadline, a plan's submission and
approval) cannot be written around them, by any role."""
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.workflow_guard import WorkflowGuardAssertions, in_request


def in_days(days):
    return fields.Datetime.to_string(datetime.utcnow() + timedelta(days=days))




class TestInterviewWorkflowGuard(WorkflowGuardAssertions, TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Interview = self.env['gov.interview']
        self.Question = self.env['gov.interview.question']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.manager_edu = self.env.ref('gov_interaction.user_manager_edu')
        self.office = self.env.ref('gov_interaction.user_office')
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.interview = self.Interview.sudo(self.handler_edu).create({
            'name': '学前教育普惠发展', 'department_id': self.edu.id, 'date_start': in_days(2),
            'guest_ids': [(0, 0, {'name': '王建华', 'title': '省教育厅副厅长'})]})

    def ask(self, content='寒假什么时候开始？'):
        vals, errors = self.Question._submission_values(self.interview, self.citizen.partner_id, content)
        self.assertFalse(errors)
        return self.Question.sudo().create(vals)

    def test_5_2_4_interview_state_and_dates_direct_write_refused(self):
        interview = self.interview
        now = fields.Datetime.now()
        for user in (self.handler_edu, self.office):
            self.assert_refused(interview, user, {'state': 'announced'})
            self.assert_refused(interview, user, {'date_announced': now})
        interview.sudo(self.handler_edu).action_announce()
        self.assert_refused(interview, self.handler_edu, {'state': 'live', 'date_live': now})
        interview.sudo(self.handler_edu).action_start()
        self.assertEqual(interview.state, 'live')
        for user in (self.handler_edu, self.office):
            self.assert_refused(interview, user, {'state': 'ended'})
            self.assert_refused(interview, user, {'date_live': in_days(-1)})
        interview.sudo(self.handler_edu).action_end()
        self.assertEqual(interview.state, 'ended')
        # 5.2.5: the actual duration is measured, never typed.
        self.assert_refused(interview, self.handler_edu, {'duration_actual': 60})
        self.assert_refused(interview, self.handler_edu, {'date_ended': in_days(1)})

    def test_5_2_7_transcript_published_only_by_the_button(self):
        interview = self.interview.sudo(self.handler_edu)
        interview.action_announce()
        interview.action_start()
        interview.action_end()
        for user in (self.handler_edu, self.office):
            self.assert_refused(interview, user, {'state': 'published'})
            self.assert_refused(interview, user, {'date_published': fields.Datetime.now()})
        # The transcript is the staff's text; publishing it is the button.
        interview.write({'transcript': '<p>访谈实录</p>'})
        interview.action_publish()
        self.assertEqual(interview.state, 'published')
        self.assertTrue(interview.date_published)

    def test_5_2_6_question_moderation_and_deadline_direct_write_refused(self):
        self.interview.sudo(self.handler_edu).action_announce()
        question = self.ask()
        for user in (self.handler_edu, self.manager_edu):
            self.assert_refused(question, user, {'state': 'approved'})
            self.assert_refused(question, user, {'state': 'rejected'})
            self.assert_refused(question, user, {'date_answered': fields.Datetime.now(),
                                                 'answered_by_id': user.id})
            self.assert_refused(question, user, {'reply_deadline': in_days(30)})
        question.sudo(self.handler_edu).action_approve()
        self.assertEqual(question.state, 'approved')
        self.assert_refused(question, self.handler_edu, {'answered_live': True})
        question.sudo(self.handler_edu)._give_answer('1月中旬开始。')
        self.assertTrue(question.date_answered)
        self.assertEqual(question.answered_by_id, self.handler_edu)
        self.assert_refused(question, self.handler_edu, {'state': 'pending'})

    def test_5_2_6_host_console_inside_a_request_moderates_and_answers(self):
        """The live room's console acts as sudo() inside the request."""
        self.interview.sudo(self.handler_edu).action_announce()
        self.interview.sudo(self.handler_edu).action_start()
        first, second = self.ask(), self.ask('冬季校车如何保障安全？')
        with in_request():
            with self.assertRaises(AccessError):
                first.sudo().write({'state': 'approved'})
            with self.assertRaises(AccessError):
                self.interview.sudo().write({'state': 'ended'})
            first.sudo().action_approve()
            second.sudo()._give_answer('配备防滑链。')
            self.interview.sudo(self.handler_edu).action_end()
        self.assertEqual((first.state, second.state), ('approved', 'approved'))
        self.assertTrue(second.answered_live)
        # Approved and unanswered when the interview ended: a reply deadline.
        self.assertTrue(first.reply_deadline)
        self.assertEqual(self.interview.state, 'ended')

    def test_5_2_3_plan_submission_and_approval_direct_write_refused(self):
        plan = self.env['gov.interview.plan'].sudo(self.handler_edu).create({
            'department_id': self.edu.id,
            'year': fields.Date.from_string(fields.Date.today()).year + 2,
            'line_ids': [(0, 0, {'month': '3', 'topic': '老旧小区改造'})]})
        self.assert_refused(plan, self.handler_edu, {'state': 'submitted'})
        self.assert_refused(plan, self.office, {'state': 'approved'})
        plan.sudo(self.handler_edu).action_submit()
        self.assertEqual(plan.state, 'submitted')
        self.assert_refused(plan, self.handler_edu, {'late': True})
        self.assert_refused(plan, self.office, {'state': 'approved', 'approved_by_id': self.office.id,
                                                'date_approved': fields.Datetime.now()})
        plan.sudo(self.office).action_approve()
        self.assertEqual(plan.state, 'approved')
        self.assertEqual(plan.approved_by_id, self.office)
        self.assert_refused(plan, self.office, {'state': 'draft'})
