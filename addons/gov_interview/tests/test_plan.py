# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Interview plans and compliance (clauses 5.2.1-5.2.3)."""
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

# Compliance (5.2.1, 5.2.2) is counted in a year of the past that no demo
# interview reaches, so that the counts are this file's own.
YEAR = 2024


class TestInterviewPlan(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Plan = self.env['gov.interview.plan']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.housing = self.env.ref('gov_interaction.dept_housing')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.office = self.env.ref('gov_interaction.user_office')
        self.this_year = fields.Date.from_string(fields.Date.today()).year

    def new_plan(self, department=None, year=None, user=None):
        department = department or self.housing
        plan = self.Plan.sudo(user or self.office).create({
            'department_id': department.id, 'year': year or self.this_year + 2,
            'line_ids': [(0, 0, {'month': '3', 'topic': '老旧小区改造'}),
                         (0, 0, {'month': '9', 'topic': '冬季供热保障'})]})
        return plan

    def test_5_2_3_plan_submitted_then_approved_by_the_general_office(self):
        plan = self.new_plan(self.edu, user=self.handler_edu)
        self.assertEqual(plan.date_due, '%s-12-31' % (self.this_year + 1))
        plan.sudo(self.handler_edu).action_submit()
        self.assertEqual(plan.state, 'submitted')
        self.assertFalse(plan.late)
        review = self.env.ref('gov_interview.mail_activity_type_plan_review')
        self.assertTrue(plan.activity_ids.filtered(lambda a: a.activity_type_id == review))
        with self.assertRaisesRegex(UserError, 'general office'):
            plan.sudo(self.handler_edu).action_approve()
        plan.sudo(self.office).action_approve()
        self.assertEqual(plan.state, 'approved')
        self.assertEqual(plan.approved_by_id, self.office)
        self.assertFalse(plan.activity_ids.filtered(lambda a: a.activity_type_id == review))

    def test_5_2_3_returned_plan_needs_a_reason_and_goes_back_to_the_department(self):
        plan = self.new_plan()
        plan.action_submit()
        with self.assertRaisesRegex(UserError, 'why'):
            plan.sudo(self.office).action_return()
        plan.return_reason = '请补充每场访谈的嘉宾'
        plan.sudo(self.office).action_return()
        self.assertEqual(plan.state, 'returned')
        self.assertTrue(plan.activity_ids)
        plan.action_submit()
        self.assertEqual(plan.state, 'submitted')

    def test_5_2_3_empty_plan_cannot_be_submitted(self):
        plan = self.Plan.create({'department_id': self.housing.id, 'year': self.this_year + 2})
        with self.assertRaisesRegex(UserError, 'planned interviews'):
            plan.action_submit()

    def test_5_2_3_plan_submitted_after_31_december_is_flagged_late(self):
        plan = self.new_plan(year=self.this_year)  # due last 31 December
        plan.action_submit()
        self.assertTrue(plan.late)

    def test_5_2_3_reminders_before_the_due_date_and_late_plans_flagged_after(self):
        # A year no plan has yet (the HTTP tests commit plans of future years).
        year = max(self.Plan.search([]).mapped('year') + [self.this_year]) + 5
        reminder_day = date(year - 1, 12, 1)
        self.Plan._cron_plan_reminders(today=reminder_day)
        plans = self.Plan.search([('year', '=', year)])
        planning = self.Plan._planning_departments()
        self.assertEqual(plans.mapped('department_id'), planning)
        self.assertIn(self.edu, planning)
        self.assertNotIn(self.env.ref('gov_interaction.dept_province'), planning)
        due = self.env.ref('gov_interview.mail_activity_type_plan_due')
        edu_plan = plans.filtered(lambda p: p.department_id == self.edu)
        activity = edu_plan.activity_ids.filtered(lambda a: a.activity_type_id == due)
        self.assertEqual(activity.user_id, self.edu.manager_id)
        self.assertEqual(activity.date_deadline, '%s-12-31' % (year - 1))
        # Submitted in time: not late; the others are flagged after 31 December.
        edu_plan.line_ids = [(0, 0, {'month': '5', 'topic': '职业教育'})]
        edu_plan.action_submit()
        self.Plan._cron_plan_reminders(today=date(year, 1, 2))
        self.assertFalse(edu_plan.late)
        self.assertTrue(all((plans - edu_plan).mapped('late')))
        # Nothing happens far from the due date.
        before = self.Plan.search_count([])
        self.Plan._cron_plan_reminders(today=date(year + 1, 6, 1))
        self.assertEqual(self.Plan.search_count([]), before)

    def interview(self, department, date_live, state='ended'):
        """An interview of ``department`` taken to ``state`` through its
        buttons, started at ``date_live`` (UTC): set as the server would."""
        interview = self.env['gov.interview'].create({
            'name': '年度访谈 %s' % date_live, 'department_id': department.id,
            'date_start': fields.Datetime.to_string(fields.Datetime.from_string(fields.Datetime.now())
                                                    + timedelta(days=1)),
            'guest_ids': [(0, 0, {'name': '郑宏', 'title': '副厅长'})]})
        interview.action_announce()
        interview.action_start()
        interview.sudo().write({'date_live': date_live})
        if state in ('ended', 'published'):
            interview.action_end()
        if state == 'published':
            interview.action_build_transcript()
            interview.action_publish()
        self.assertEqual(interview.state, state)
        return interview

    def test_5_2_2_compliance_counts_interviews_per_government_against_the_minimum(self):
        # A year of the past that no demo interview reaches: every interview
        # counted is made here.  Times are UTC; the year is Beijing time's.
        Department = self.env['gov.department'].with_context(interview_year=YEAR)
        province = Department.browse(self.env.ref('gov_interaction.dept_province').id)
        harbin = Department.browse(self.env.ref('gov_interaction.dept_harbin').id)
        env_dept = self.env.ref('gov_interaction.dept_env')
        self.interview(self.edu, '%s-03-10 02:00:00' % YEAR)
        self.interview(self.edu, '%s-06-10 02:00:00' % YEAR, 'published')
        self.interview(env_dept, '%s-09-10 02:00:00' % YEAR)
        self.interview(self.edu, '%s-12-31 16:00:00' % (YEAR - 1))  # 1 January, 00:00 in Beijing
        # Not held in YEAR: still live, ended on 1 January of the next year in
        # Beijing, and the city's interview of the year before.
        self.interview(self.edu, '%s-04-10 02:00:00' % YEAR, 'live')
        self.interview(self.edu, '%s-12-31 16:00:00' % YEAR)
        self.interview(harbin, '%s-05-10 02:00:00' % (YEAR - 1))
        provincial = 4  # counted by hand: three departments' interviews and the New Year one
        self.assertEqual(province.interview_held_count, provincial)
        self.assertEqual(Department.browse(self.edu.id).interview_held_count, 3)
        self.assertEqual(Department.browse(env_dept.id).interview_held_count, 1)
        self.assertEqual(province.interview_minimum, 12)
        self.assertTrue(province.interview_behind)
        self.assertEqual(province.interview_missing, 12 - provincial)
        self.assertEqual(harbin.interview_held_count, 0)
        self.assertIn(harbin, Department.search([('interview_behind', '=', True)]))
        # The minimum is a setting.
        self.env['res.config.settings'].create({'gov_interview_minimum_per_year': provincial}).execute()
        province.invalidate_cache()
        self.assertFalse(province.interview_behind)
        self.assertNotIn(province, Department.search([('interview_behind', '=', True)]))
        rows = Department._interview_compliance_rows(YEAR)
        self.assertEqual(rows[0]['name'], province.name)
        self.assertEqual(rows[0]['held'], provincial)

    def test_5_2_1_every_department_takes_part_each_year(self):
        Department = self.env['gov.department'].with_context(interview_year=YEAR)
        edu = Department.browse(self.edu.id)
        transport = Department.browse(self.env.ref('gov_interaction.dept_transport').id)
        self.interview(self.edu, '%s-03-10 02:00:00' % YEAR)
        self.assertEqual(edu.interview_minimum, 1)
        self.assertEqual(edu.interview_held_count, 1)
        self.assertFalse(edu.interview_behind)
        self.assertEqual(transport.interview_held_count, 0)
        self.assertTrue(transport.interview_behind)
        # An interview held in the year counts once it has ended.
        interview = self.interview(transport, '%s-11-10 02:00:00' % YEAR, 'live')
        transport.invalidate_cache()
        self.assertEqual(transport.interview_held_count, 0)
        interview.action_end()
        transport.invalidate_cache()
        self.assertEqual(transport.interview_held_count, 1)
        self.assertFalse(transport.interview_behind)
