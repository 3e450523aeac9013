# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Letters: service levels, urging, supervision and notices (5.3.7) with the
statistics they draw on (on time, overdue, per department and month) and
their XLSX export; the writer's satisfaction with the reply (5.3.4).
Times are UTC as Odoo stores them; Shanghai is UTC+8."""
import datetime
import os
import tempfile

import xlrd

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.export_job import run_background_export
from odoo.addons.gov_interaction.tools import local_tz
from odoo.addons.gov_letter_supervision.demo_generators.demo_data import _working_days_ago

# Tuesday 2026-03-10, 10:00 in Shanghai, and deadlines (23:59:59 Shanghai)
# at each level from there, with 2 warning days.
NOW = datetime.datetime(2026, 3, 10, 2, 0)
DEADLINES = {
    'normal': datetime.datetime(2026, 3, 13, 15, 59, 59),
    'warning': datetime.datetime(2026, 3, 12, 15, 59, 59),
    'due': datetime.datetime(2026, 3, 10, 15, 59, 59),
    'overdue': datetime.datetime(2026, 3, 9, 15, 59, 59),
}


class TestLetterSupervision(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Letter = self.env['gov.letter']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.clerk = self.env.ref('gov_interaction.user_clerk')
        self.supervisor = self.env.ref('gov_interaction.user_supervisor')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.manager_edu = self.env.ref('gov_interaction.user_manager_edu')
        self.handler_env = self.env.ref('gov_interaction.user_handler_env')
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.calendar = self.env['gov.calendar']._get_national()
        self.urge = self.env.ref('gov_supervision.mail_activity_type_urge')
        self.env['ir.config_parameter'].sudo().set_param('gov_supervision.warning_days', '2')

    def letter(self, days_ago=0, **values):
        """An accepted letter of the education department, assigned
        ``days_ago`` working days ago (reply due 5 working days later)."""
        vals = {'title': '入学咨询', 'content': '需要哪些材料？',
                'category_id': self.env.ref('gov_letter.category_b').id,
                'partner_id': self.citizen.partner_id.id, 'writer_name': '周晓梅',
                'writer_phone': '13800000001', 'department_id': self.edu.id}
        vals.update(values)
        letter, _code = self.Letter.sudo(self.clerk)._intake(vals)
        letter.sudo(self.clerk).action_accept()
        letter = letter.sudo()
        if days_ago:
            letter.write({'date_assigned': _working_days_ago(self.calendar, days_ago)})
        return letter

    def replied(self, days_ago=10, reply_days=3, **values):
        letter = self.letter(days_ago, **values)
        letter.write({'reply': '<p>答复内容</p>'})
        letter.action_submit_reply()
        letter.action_approve_reply()
        replied = self.calendar.add_working_days(letter.date_assigned, reply_days)['deadline']
        letter.write({'date_replied': replied})
        return letter

    def move_to(self, letter, level):
        """The letter's deadline as if it were at ``level`` on NOW, and the
        SLA job's run on NOW (the deadline is set as time passing would)."""
        self.env.cr.execute("UPDATE gov_letter SET deadline_reply = %s WHERE id = %s",
                            (DEADLINES[level], letter.id))
        letter.invalidate_cache()
        Letter = self.env['gov.letter']
        Letter._sla_follow_up(Letter._sla_update(ids=letter.ids, now=NOW))
        return letter

    def reminders(self, letter):
        return letter.activity_ids.filtered(lambda a: a.activity_type_id == self.urge)

    # ------------------------------------------------------------------
    # 5.3.7 service levels, urging, supervision, notices
    # ------------------------------------------------------------------

    def test_5_3_7_open_letters_carry_a_service_level(self):
        self.assertEqual(self.letter(0).sla_level, 'normal')
        self.assertEqual(self.letter(6).sla_level, 'overdue')
        for level in DEADLINES:
            self.assertEqual(self.move_to(self.letter(0), level).sla_level, level)
        new, _code = self.Letter.sudo(self.clerk)._intake({
            'title': 't', 'content': 'c', 'category_id': self.env.ref('gov_letter.category_b').id,
            'writer_phone': '13800000009'})
        self.assertEqual(new.sla_level, 'normal')
        self.assertTrue(new.sla_level_date)
        # The level the INSERT carried is the one the job computes.
        self.assertEqual(self.Letter._sla_update(ids=new.ids), {})
        replied = self.replied()
        self.assertFalse(replied.sla_level)

    def test_5_3_7_the_job_moves_levels_in_one_statement_per_model(self):
        letter = self.letter(0)
        # Time passes: the job sees the deadline come closer, without any write.
        self.env.cr.execute("UPDATE gov_letter SET deadline_reply = %s WHERE id = %s",
                            (datetime.datetime.utcnow() - datetime.timedelta(days=1), letter.id))
        queries = []
        execute = type(self.env.cr).execute

        def counting(cr, query, params=None, log_exceptions=None):
            if 'UPDATE "gov_letter" r SET sla_level' in str(query):
                queries.append(query)
            return execute(cr, query, params) if log_exceptions is None else \
                execute(cr, query, params, log_exceptions)

        type(self.env.cr).execute = counting
        try:
            self.env['gov.sla.mixin']._cron_sla_update()
        finally:
            type(self.env.cr).execute = execute
        self.assertEqual(len(queries), 1)
        letter.invalidate_cache()
        self.assertEqual(letter.sla_level, 'overdue')

    def test_5_3_7_warning_urges_the_handler(self):
        letter = self.move_to(self.letter(0), 'warning')
        reminders = self.reminders(letter)
        self.assertEqual(reminders.mapped('user_id'), self.handler_edu)
        message = letter.message_ids.filtered(lambda m: 'Reminder' in (m.body or ''))[:1]
        self.assertIn(self.handler_edu.partner_id, message.partner_ids)
        self.assertNotIn('13800000001', message.body)  # never the writer's identity (5.3.10)
        self.assertFalse(letter.sla_supervision_count)

    def test_5_3_7_overdue_letter_is_supervised(self):
        letter = self.letter(7)
        self.assertEqual(letter.sla_level, 'overdue')
        supervision = self.env['gov.supervision'].search(
            [('res_model', '=', 'gov.letter'), ('res_id', '=', letter.id)])
        self.assertEqual(len(supervision), 1)
        self.assertEqual(supervision.department_id, self.edu)
        self.assertEqual(supervision.supervisor_id, self.supervisor)
        self.assertEqual(supervision.manager_id, self.manager_edu)
        self.assertEqual(supervision.res_name, letter.number)
        users = supervision.activity_ids.mapped('user_id')
        self.assertEqual(users, self.supervisor | self.manager_edu)
        self.assertEqual(letter.sla_supervision_count, 1)
        # The job runs again: nothing new.
        self.env['gov.sla.mixin']._cron_sla_update()
        self.assertEqual(letter.sla_supervision_count, 1)
        self.assertEqual(len(self.reminders(letter)), 1)
        # The manager must answer in writing.
        with self.assertRaises(UserError):
            supervision.sudo(self.manager_edu).action_respond()
        supervision.sudo(self.manager_edu).write({'response': '本周五前答复。'})
        supervision.sudo(self.manager_edu).action_respond()
        self.assertEqual(supervision.state, 'responded')

    def test_5_3_7_supervisor_supervises_from_the_board(self):
        letter = self.move_to(self.letter(0), 'warning')
        with self.assertRaises(UserError):
            letter.sudo(self.handler_edu).action_sla_supervise()
        action = letter.sudo(self.supervisor).action_sla_supervise()
        supervision = self.env['gov.supervision'].browse(action['res_id'])
        self.assertEqual(supervision.supervisor_id, self.supervisor)
        self.assertEqual(supervision.state, 'open')
        # The kanban groups open letters by level, every level shown.
        groups = self.Letter.sudo(self.supervisor).read_group(
            [('sla_level', '!=', False)], ['sla_level'], ['sla_level'])
        self.assertEqual([g['sla_level'] for g in groups], ['normal', 'warning', 'due', 'overdue'])
        self.assertTrue(self.env.ref('gov_letter_supervision.gov_letter_view_kanban_sla'))

    def test_5_3_7_notice_gives_each_departments_on_time_rate(self):
        start = datetime.date(2025, 9, 1)
        on_time = self.replied(reply_days=2)
        late = self.replied(reply_days=7)
        for letter, received in ((on_time, '2025-09-01 02:00:00'), (late, '2025-09-02 02:00:00')):
            letter.write({'date_received': received, 'date_assigned': received})
            deadline = letter.deadline_reply
            days = 2 if letter == on_time else 7
            letter.write({'date_replied': self.calendar.add_working_days(received, days)['deadline']})
            self.assertTrue(deadline)
        notice = self.env['gov.supervision.notice'].create({
            'name': 'September', 'date_from': start, 'date_to': '2025-09-30'})
        notice._generate()
        line = notice.line_ids.filtered(
            lambda line: line.res_model == 'gov.letter' and line.department_id == self.edu)
        self.assertEqual((line.total_count, line.on_time_count, line.overdue_count), (2, 1, 1))
        self.assertEqual(line.on_time_rate, 50.0)
        self.assertIn(late.number, line.overdue_items)
        self.assertNotIn(on_time.number, line.overdue_items)

    def test_5_3_7_department_dashboard_counts_letters(self):
        self.letter(7)
        self.move_to(self.letter(0), 'warning')
        self.edu.invalidate_cache()
        self.assertGreaterEqual(self.edu.sla_overdue_count, 1)
        self.assertGreaterEqual(self.edu.sla_warning_count, 1)
        action = self.edu.action_open_sla_letters()
        self.assertIn(('department_id', '=', self.edu.id), action['domain'])

    def test_5_3_4_unsatisfied_writer_reopens_once_within_the_window(self):
        letter = self.replied()
        letter.write({'date_replied': datetime.datetime.utcnow()})
        data = letter._public_data()
        self.assertTrue(data['can_rate'] and data['can_reopen'])
        with self.assertRaises(UserError):
            letter._rate('great')
        with self.assertRaises(UserError):
            letter._rate('satisfied', reopen=True)
        letter._rate('unsatisfied', '没有解决问题', reopen=True)
        self.assertEqual(letter.state, 'accepted')
        self.assertEqual(letter.reopen_count, 1)
        self.assertEqual(letter.sla_level, 'normal')
        self.assertTrue(letter.activity_ids.filtered(lambda a: a.user_id == self.handler_edu))
        # Answered again: rated again, but not reopened a second time.
        letter.write({'reply': '<p>补充答复</p>'})
        letter.action_submit_reply()
        letter.action_approve_reply()
        self.assertFalse(letter._public_data()['can_reopen'])
        with self.assertRaises(UserError):
            letter._rate('unsatisfied', reopen=True)
        letter._rate('basic', '基本满意')
        self.assertEqual(letter.rating, 'basic')
        with self.assertRaises(UserError):
            letter._rate('satisfied')

    def test_5_3_4_no_reopening_after_the_window(self):
        letter = self.replied(days_ago=30)
        letter.write({'date_replied': _working_days_ago(self.calendar, 11)})
        self.assertFalse(letter._can_reopen())
        with self.assertRaises(UserError):
            letter._rate('unsatisfied', reopen=True)
        letter._rate('unsatisfied', '不满意')
        self.assertEqual(letter.state, 'replied')

    # ------------------------------------------------------------------
    # 5.3.7 statistics (on time and overdue per department, for notices)
    # ------------------------------------------------------------------

    def test_5_3_7_statistics_per_department_and_period(self):
        Statistics = self.env['gov.letter.statistics']
        before = {g['department_id'][0]: g for g in Statistics.read_group(
            [('department_id', '=', self.edu.id)], list(Statistics._fields), ['department_id'])}
        self.replied(reply_days=2)._rate('satisfied')
        self.replied(reply_days=8)._rate('unsatisfied')
        self.letter(7)
        rejected, _code = self.Letter.sudo(self.clerk)._intake({
            'title': 't', 'content': 'c', 'category_id': self.env.ref('gov_letter.category_b').id,
            'writer_phone': '13800000009', 'department_id': self.edu.id})
        rejected.sudo(self.clerk)._reject('b')
        after = Statistics.read_group([('department_id', '=', self.edu.id)], list(Statistics._fields),
                                      ['department_id'])[0]
        old = before.get(self.edu.id, {})

        def delta(name):
            return after[name] - (old.get(name) or 0)

        self.assertEqual(delta('received_count'), 4)
        self.assertEqual(delta('accepted_count'), 3)
        self.assertEqual(delta('rejected_count'), 1)
        self.assertEqual(delta('replied_count'), 2)
        self.assertEqual(delta('on_time_count'), 1)
        self.assertEqual(delta('overdue_count'), 2)
        self.assertEqual(delta('satisfied_count'), 1)
        self.assertEqual(delta('unsatisfied_count'), 1)
        self.assertTrue(after['reply_working_days'])
        monthly = Statistics.read_group([], ['received_count', 'month'], ['month'])
        self.assertTrue(monthly)

    def test_5_3_7_a_letter_received_tells_the_service_level_rules(self):
        """An administrator's rule "On Service Level Change" hears of a
        letter received, at level normal, as it did when the level was
        computed after the letter's INSERT."""
        self.env['base.automation'].with_context(import_file=True).create({
            'name': 'Every change', 'model_id': self.env['ir.model']._get('gov.letter').id,
            'trigger': 'on_sla_change', 'state': 'code',
            'code': "records.message_post(body='level ' + records[0].sla_level)"})
        letter = self.letter()
        self.assertIn('level normal', letter.message_ids.mapped('body')[-1])

    def test_5_3_7_statistics_count_a_letter_in_its_local_month(self):
        """Months are the national calendar's: a letter received at 01:00
        on 1 December, Beijing time (17:00 UTC on 30 November), counts in
        December; after the calendar moves to UTC, or to Urumqi time
        (UTC+6, 23:00 on 30 November), it counts in November: the months
        follow the calendar's time zone when it changes."""
        letter = self.letter()
        letter.write({'date_received': '2025-11-30 17:00:00'})
        Statistics = self.env['gov.letter.statistics']
        self.assertEqual(local_tz(self.env).zone, 'Asia/Shanghai')

        def months():
            return [(group['month'], group['received_count']) for group in Statistics.read_group(
                [('id', '=', letter.id)], ['month', 'received_count'], ['month'])]

        self.assertEqual(months(), [('2025-12', 1)])
        national = self.env.ref('gov_interaction.calendar_national')
        for zone, month in (('UTC', '2025-11'), ('Asia/Shanghai', '2025-12'),
                            ('Asia/Urumqi', '2025-11')):
            national.tz = zone
            self.assertEqual(months(), [(month, 1)], zone)

    def test_5_3_7_statistics_are_charts_and_tables(self):
        action = self.env.ref('gov_letter_supervision.action_gov_letter_statistics')
        self.assertEqual(action.view_mode.split(','), ['pivot', 'graph', 'tree'])
        for view_type in ('pivot', 'graph'):
            arch = self.env['gov.letter.statistics'].fields_view_get(view_type=view_type)['arch']
            self.assertIn('department_id', arch)

    def test_5_3_7_handlers_see_only_their_departments_statistics(self):
        self.letter(1)
        other = self.letter(1, department_id=self.env.ref('gov_interaction.dept_env').id)
        visible = self.env['gov.letter.statistics'].sudo(self.handler_edu).search([])
        self.assertNotIn(other.id, visible.ids)
        self.assertTrue(visible)

    def test_5_3_7_statistics_export_to_xlsx(self):
        letter = self.replied(reply_days=2)
        letter._rate('satisfied')
        other = self.letter(1, department_id=self.env.ref('gov_interaction.dept_env').id)
        handle, path = tempfile.mkstemp(suffix='.xlsx')
        os.close(handle)
        try:
            Statistics = self.env['gov.letter.statistics'].sudo(self.handler_edu)
            count = Statistics._export_xlsx(path, Statistics._export_domain())
            book = xlrd.open_workbook(path)
        finally:
            os.unlink(path)
        self.assertEqual(book.sheet_names(), ['Statistics', 'Letters'])
        summary, letters = book.sheet_by_index(0), book.sheet_by_index(1)
        self.assertEqual(summary.row_values(0)[:3], ['Department', 'Month', 'Letters Received'])
        numbers = letters.col_values(0)[1:]
        self.assertEqual(len(numbers), count)
        self.assertIn(letter.number, numbers)
        self.assertNotIn(other.number, numbers)  # the handler's departments only
        row = letters.row_values(numbers.index(letter.number) + 1)
        self.assertEqual(row[9], 'Yes')
        self.assertEqual(row[10], 'Satisfied')
        # Nothing of the writer's identity (5.3.10).
        for sheet in (summary, letters):
            for index in range(sheet.nrows):
                self.assertNotIn('13800000001', ' '.join(str(v) for v in sheet.row_values(index)))

    def test_5_3_7_statistics_export_runs_in_the_background(self):
        """The wizard queues the export (gov.export.job); the job, run as
        the user, writes the file in their language with their departments
        only and attaches it to the export."""
        letter = self.replied(reply_days=2)
        other = self.letter(1, department_id=self.env.ref('gov_interaction.dept_env').id)
        self.handler_edu.lang = 'zh_CN'  # the job's language: the user's, as in the web client
        wizard = self.env['gov.letter.statistics.export'].sudo(self.handler_edu).with_context(
            lang='zh_CN').create({})
        attachment, data = run_background_export(self.env, wizard.action_export())
        self.assertEqual(attachment.datas_fname, '来信统计.xlsx')
        book = xlrd.open_workbook(file_contents=data)
        self.assertEqual(book.sheet_by_index(0).row_values(0)[2], '收信数')
        numbers = book.sheet_by_index(1).col_values(0)
        self.assertIn(letter.number, numbers)
        self.assertNotIn(other.number, numbers)
