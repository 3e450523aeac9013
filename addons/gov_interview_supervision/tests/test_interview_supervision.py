# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.2.6 with 5.3.7: a question left for a public reply after the
interview is urged (催办) near its 7-working-day deadline and supervised
(督办) once past it, and no user writes its service level."""
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.workflow_guard import WorkflowGuardAssertions


def in_days(days, minutes=0):
    return fields.Datetime.to_string(datetime.utcnow() + timedelta(days=days, minutes=minutes))


class TestInterviewSupervision(WorkflowGuardAssertions, TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Question = self.env['gov.interview.question']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.manager_edu = self.env.ref('gov_interaction.user_manager_edu')
        self.supervisor = self.env.ref('gov_interaction.user_supervisor')
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.citizen2 = self.env.ref('gov_interaction.user_citizen2')

    def ended_interview_with(self, *asked):
        """An interview that ended with each (partner, question) of
        ``asked`` shown but not answered live: the questions."""
        interview = self.env['gov.interview'].sudo(self.handler_edu).create({
            'name': '基层医疗卫生服务', 'department_id': self.edu.id, 'date_start': in_days(2),
            'guest_ids': [(0, 0, {'name': '李卫东', 'title': '省卫生健康委副主任'})]})
        interview.action_announce()
        interview.action_start()
        questions = self.Question
        for partner, content in asked:
            vals, errors = self.Question._submission_values(interview, partner, content)
            self.assertFalse(errors)
            questions |= self.Question.sudo().create(vals)
        questions.sudo(self.handler_edu).action_approve()
        interview.action_end()
        return questions

    def sla_update(self):
        self.env['gov.sla.mixin']._cron_sla_update()

    def test_5_2_6_late_public_replies_are_supervised(self):
        """Past its deadline a question is overdue on the supervisors'
        department dashboard and supervised (督办); answered, it leaves."""
        question = self.ended_interview_with((self.citizen.partner_id, '村卫生室能纳入医保定点吗？'))
        self.assertTrue(question.reply_deadline)
        question.reply_deadline = in_days(-1)  # as time passing would
        self.sla_update()
        self.assertEqual(question.sla_level, 'overdue')
        supervision = self.env['gov.supervision'].search([
            ('res_model', '=', 'gov.interview.question'), ('res_id', '=', question.id)])
        self.assertEqual(supervision.department_id, self.edu)
        self.assertGreaterEqual(self.edu.sudo(self.supervisor).sla_overdue_count, 1)
        question.sudo(self.env.ref('gov_interaction.user_office'))._give_answer('村卫生室纳入医保定点。')
        self.assertFalse(question.sla_level)

    def test_5_2_6_public_replies_due_today_are_urged(self):
        question = self.ended_interview_with((self.citizen2.partner_id, '冰雪运动场地能开放吗？'))
        question.reply_deadline = in_days(0, minutes=30)
        self.sla_update()
        self.assertIn(question.sla_level, ('due', 'warning'))
        urge = self.env.ref('gov_supervision.mail_activity_type_urge')
        self.assertTrue(question.activity_ids.filtered(lambda a: a.activity_type_id == urge))
        self.assertFalse(self.env['gov.supervision'].search([
            ('res_model', '=', 'gov.interview.question'), ('res_id', '=', question.id)]))

    def test_5_3_7_service_level_is_the_jobs_never_a_users(self):
        question = self.ended_interview_with((self.citizen.partner_id, '寒假什么时候开始？'))
        for user in (self.handler_edu, self.manager_edu):
            self.assert_refused(question, user, {'sla_level': 'normal'})
