"""Work first (issue 16, part 1): every role lands on its own queue, and the
queues' menus count what is due today and what is overdue.

Each staff member's home action is "我的待办" (gov_interaction's
``action_gov_home``), which opens the queue of the user's first role:
the general office the interview plans to approve, supervisors the
service-level board, clerks the letters to accept, department managers the
replies to review, handlers their departments' open letters by deadline.
The landing screens in Chromium: test_work_first_browser.py.
"""
import datetime

from odoo import fields
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

from odoo.addons.gov_interaction.tools.local_time import local_today, utc_day_start

QUEUES = {
    'office': 'gov_interview.action_gov_interview_plan_queue',
    'supervisor': 'gov_letter_supervision.action_gov_letter_sla',
    'clerk': 'gov_letter.action_gov_letter_queue_accept',
    'manager_edu': 'gov_letter.action_gov_letter_queue_review',
    'handler_edu': 'gov_letter.action_gov_letter_queue_open',
    'handler_env': 'gov_letter.action_gov_letter_queue_open',
}
OPEN = ('accepted', 'transfer')


class TestWorkFirst(TransactionCase):

    def user(self, login):
        return self.env['res.users'].search([('login', '=', login)])

    def as_user(self, login, model):
        return self.env[model].sudo(self.user(login)).with_context(lang='zh_CN')

    def menu_names(self, login):
        stack, names = [self.as_user(login, 'ir.ui.menu').load_menus(False)], {}
        while stack:
            node = stack.pop()
            names[node['id']] = node['name']
            stack.extend(node.get('children') or [])
        return names

    def test_every_staff_member_starts_on_my_work(self):
        home = self.env.ref('gov_interaction.action_gov_home')
        for login in list(QUEUES) + ['admin', 'manager_env']:
            self.assertEqual(self.user(login).action_id.id, home.id, login)
        staff = self.env['res.users'].create({
            'name': '新同事', 'login': 'gov-new-staff',
            'groups_id': [(6, 0, [self.env.ref('gov_interaction.group_gov_handler').id])]})
        self.assertEqual(staff.action_id.id, home.id)

    def test_a_user_without_a_role_lands_on_discuss(self):
        user = self.env['res.users'].create({
            'name': '技术支持', 'login': 'gov-no-role',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        action = self.env['res.users'].sudo(user).action_gov_home()
        self.assertEqual(action['id'], self.env.ref('mail.mail_channel_action_client_chat').id)

    def test_each_role_lands_on_its_queue(self):
        for login, xmlid in QUEUES.items():
            action = self.as_user(login, 'res.users').action_gov_home()
            self.assertEqual(action['id'], self.env.ref(xmlid).id, login)

    def test_the_home_action_runs_as_the_user(self):
        """What the web client does with the home action: /web/action/run."""
        home = self.env.ref('gov_interaction.action_gov_home').sudo(self.user('clerk'))
        action = home.with_context(lang='zh_CN').run()
        self.assertEqual(action['name'], '待受理来信')
        self.assertEqual(action['res_model'], 'gov.letter')

    def test_handler_queue_is_its_departments_open_letters_by_deadline(self):
        action = self.as_user('handler_edu', 'res.users').action_gov_home()
        Letter = self.as_user('handler_edu', 'gov.letter')
        letters = Letter.search(safe_eval(action['domain']))
        edu = self.env.ref('gov_interaction.dept_edu')
        self.assertTrue(letters)
        self.assertEqual(set(letters.mapped('department_id')), {edu})
        self.assertEqual(set(letters.mapped('state')) - set(OPEN), set())
        view = self.env['ir.ui.view'].browse(action['view_id'][0])
        self.assertIn('default_order="deadline_reply', view.arch_db)

    def test_manager_queue_is_replies_to_review(self):
        action = self.as_user('manager_edu', 'res.users').action_gov_home()
        letters = self.as_user('manager_edu', 'gov.letter').search(safe_eval(action['domain']))
        self.assertEqual(set(letters.mapped('state')), {'review'})

    def test_clerk_menu_counts_the_letters_to_accept(self):
        menu = self.env.ref('gov_letter.menu_gov_letter_queue_accept')
        waiting = self.env['gov.letter'].search_count([('state', '=', 'new')])
        self.assertEqual(self.menu_names('clerk')[menu.id], '待受理来信（%d）' % waiting)

    def test_handler_menu_counts_due_today_and_overdue(self):
        menu = self.env.ref('gov_letter.menu_gov_letter_queue_open')
        today, overdue = self.due_counts('gov_interaction.dept_edu')
        self.assertEqual(self.menu_names('handler_edu')[menu.id],
                         '本部门待办来信（今日到期 %d，逾期 %d）' % (today, overdue))
        # One more letter due tonight, one more overdue: the counters follow.
        letters = self.env['gov.letter'].search([
            ('department_id', '=', self.env.ref('gov_interaction.dept_edu').id), ('state', 'in', OPEN),
            ('deadline_reply', '>', fields.Datetime.now())], limit=2)
        self.assertEqual(len(letters), 2)
        tonight = utc_day_start(self.env, local_today(self.env) + datetime.timedelta(days=1)) \
            - datetime.timedelta(seconds=1)
        self.set_deadline(letters[0], tonight)
        self.set_deadline(letters[1], datetime.datetime.utcnow() - datetime.timedelta(hours=1))
        self.assertEqual(self.menu_names('handler_edu')[menu.id],
                         '本部门待办来信（今日到期 %d，逾期 %d）' % (today + 1, overdue + 1))

    def test_office_and_supervisor_menus_count_their_queues(self):
        plans = self.env['gov.interview.plan'].search_count([('state', '=', 'submitted')])
        menu = self.env.ref('gov_interview.menu_gov_interview_plan_queue')
        self.assertEqual(self.menu_names('office')[menu.id], '待审批访谈计划（%d）' % plans)
        menu = self.env.ref('gov_letter_supervision.menu_gov_letter_sla')
        self.assertRegex(self.menu_names('supervisor')[menu.id], r'（今日到期 \d+，逾期 \d+）$')
        overdue = self.env['gov.letter'].search_count([
            ('sla_level', '!=', False), ('deadline_reply', '<', fields.Datetime.now())])
        self.assertTrue(overdue)
        self.assertIn('逾期 %d）' % overdue, self.menu_names('supervisor')[menu.id])

    def due_counts(self, department):
        now = fields.Datetime.now()
        tomorrow = fields.Datetime.to_string(
            utc_day_start(self.env, local_today(self.env) + datetime.timedelta(days=1)))
        base = [('department_id', '=', self.env.ref(department).id), ('state', 'in', OPEN)]
        Letter = self.env['gov.letter']
        today = [('deadline_reply', '>=', now), ('deadline_reply', '<', tomorrow)]
        return (Letter.search_count(base + today),
                Letter.search_count(base + [('deadline_reply', '<', now)]))

    def set_deadline(self, letter, moment):
        self.env.cr.execute('UPDATE gov_letter SET deadline_reply = %s WHERE id = %s', (moment, letter.id))
        letter.invalidate_cache(['deadline_reply'])
