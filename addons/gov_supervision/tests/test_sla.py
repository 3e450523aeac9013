# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Service levels, urging (催办), supervision (督办) and notices (通报),
clause 5.3.7, on supervisions themselves (a model with service levels).
Times are UTC as Odoo stores them; Shanghai is UTC+8."""
import datetime
import io
import zipfile

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.export_job import run_background_action, run_background_export
from odoo.addons.gov_interaction.tools import xlsx_bytes


def end_of_local_day(year, month, day):
    """23:59:59 Shanghai of that day, in UTC."""
    return datetime.datetime(year, month, day, 15, 59, 59)


class TestSla(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Supervision = self.env['gov.supervision']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.supervisor = self.env.ref('gov_interaction.user_supervisor')
        self.manager_edu = self.env.ref('gov_interaction.user_manager_edu')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.env['ir.config_parameter'].sudo().set_param('gov_supervision.warning_days', '2')

    def supervision(self, deadline=None, **values):
        vals = {'res_model': 'gov.department', 'res_id': self.edu.id,
                'department_id': self.edu.id, 'reason': 'Answer the late letters'}
        vals.update(values)
        supervision = self.Supervision.sudo(self.supervisor).create(vals)
        if deadline:
            supervision.sudo().write({'deadline_response': deadline})
        return supervision.sudo()

    def one_supervision_per_level(self):
        """{level: supervision} on Tuesday 2026-03-10 (warning = 2 working days)."""
        return {
            'overdue': self.supervision(end_of_local_day(2026, 3, 9)),
            'due': self.supervision(end_of_local_day(2026, 3, 10)),
            'warning': self.supervision(end_of_local_day(2026, 3, 12)),
            'normal': self.supervision(end_of_local_day(2026, 3, 13)),
        }

    def test_5_3_7_levels_from_working_days_in_one_update(self):
        # Tuesday 2026-03-10, 10:00 in Shanghai; warning = 2 working days.
        now = datetime.datetime(2026, 3, 10, 2, 0)
        cases = self.one_supervision_per_level()
        self.Supervision._sla_update(now=now)
        for level, supervision in cases.items():
            self.assertEqual(supervision.sla_level, level, level)
        # Nothing changes on a second run: no follow-up fires again.
        self.assertEqual(self.Supervision._sla_update(now=now), {})

    def test_5_3_7_job_brings_back_only_the_levels_it_follows_up(self):
        """The job counts every change but carries back the ids of the
        levels with follow-ups only (a supervision: due today, overdue)."""
        now = datetime.datetime(2026, 3, 10, 2, 0)
        cases = self.one_supervision_per_level()
        ids = [supervision.id for supervision in cases.values()]
        self.env.cr.execute("UPDATE gov_supervision SET sla_level = NULL WHERE id IN %s",
                            [tuple(ids)])
        self.assertEqual(self.Supervision._sla_levels_to_follow(), ('due', 'overdue'))
        counts, changed = self.Supervision._sla_write_levels(
            ids=ids, now=now, id_levels=self.Supervision._sla_levels_to_follow())
        self.assertEqual(counts, {'overdue': 1, 'due': 1, 'warning': 1, 'normal': 1})
        self.assertEqual(changed, {'overdue': [cases['overdue'].id], 'due': [cases['due'].id]})
        for level, supervision in cases.items():
            self.assertEqual(supervision.sla_level, level, level)
        self.assertEqual(self.Supervision._sla_write_levels(ids=ids, now=now), ({}, {}))
        # Without follow-ups, no ids; with an administrator's rule, every level.
        self.assertEqual(self.Supervision.with_context(
            gov_sla_no_follow_up=True)._sla_levels_to_follow(), ())
        self.env['base.automation'].with_context(import_file=True).create({
            'name': 'Every change', 'model_id': self.env['ir.model']._get('gov.supervision').id,
            'trigger': 'on_sla_change', 'state': 'code', 'code': "records.message_post(body='x')"})
        self.assertEqual(self.Supervision._sla_levels_to_follow(),
                         ('normal', 'warning', 'due', 'overdue'))

    def test_5_3_7_levels_change_in_place(self):
        """The job rewrites the level of every open record as time passes:
        no index names the level and each table leaves room on its pages,
        so that a changed row stays on its page (HOT, no index entries)."""
        for name in self.env['gov.sla.mixin']._sla_models():
            table = self.env[name]._table
            self.env.cr.execute("SELECT reloptions FROM pg_class WHERE oid = %s::regclass",
                                ['"%s"' % table])
            self.assertIn('fillfactor=45', self.env.cr.fetchone()[0] or [], name)
            self.env.cr.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s "
                                "AND indexdef LIKE '%%sla_level%%'", [table])
            self.assertFalse(self.env.cr.fetchall(), name)

    def test_5_3_7_warning_counts_holidays_and_make_up_days(self):
        # Thursday 2026-04-02: Apr 3 is a working day, Apr 4-6 清明 rest,
        # so the second working day after today is Tuesday Apr 7.
        now = datetime.datetime(2026, 4, 2, 2, 0)
        warning = self.supervision(end_of_local_day(2026, 4, 7))
        normal = self.supervision(end_of_local_day(2026, 4, 8))
        self.Supervision._sla_update(now=now)
        self.assertEqual(warning.sla_level, 'warning')
        self.assertEqual(normal.sla_level, 'normal')
        # Friday 2026-02-13: Saturday Feb 14 is a make-up working day (调休上班),
        # Feb 15-23 the Spring Festival: the second working day is Feb 24.
        now = datetime.datetime(2026, 2, 13, 2, 0)
        on_make_up_day = self.supervision(end_of_local_day(2026, 2, 14))
        after_festival = self.supervision(end_of_local_day(2026, 2, 24))
        later = self.supervision(end_of_local_day(2026, 2, 25))
        self.Supervision._sla_update(now=now)
        self.assertEqual(on_make_up_day.sla_level, 'warning')
        self.assertEqual(after_festival.sla_level, 'warning')
        self.assertEqual(later.sla_level, 'normal')

    def test_5_3_7_answered_items_leave_the_levels(self):
        supervision = self.supervision(end_of_local_day(2020, 1, 6))
        self.assertEqual(supervision.sla_level, 'overdue')
        supervision.write({'response': 'Done'})
        supervision.sudo(self.manager_edu).action_respond()
        self.assertFalse(supervision.sla_level)

    def test_5_3_7_level_change_urges_through_the_model_hook(self):
        """催办: gov.supervision's _sla_on_level_change reminds the manager
        of a late response, once per change of level."""
        urge = self.env.ref('gov_supervision.mail_activity_type_urge')
        supervision = self.supervision()
        self.assertEqual(supervision.sla_level, 'normal')
        self.assertFalse(supervision.activity_ids.filtered(lambda a: a.activity_type_id == urge))
        supervision.write({'deadline_response': end_of_local_day(2020, 1, 6)})
        self.assertEqual(supervision.sla_level, 'overdue')
        reminders = supervision.activity_ids.filtered(lambda a: a.activity_type_id == urge)
        self.assertEqual(reminders.mapped('user_id'), self.manager_edu)
        self.assertIn('Reminder', supervision.message_ids[0].body)
        self.assertIn(self.manager_edu.partner_id, supervision.message_ids[0].partner_ids)
        self.Supervision._cron_sla_update()
        self.assertEqual(len(supervision.activity_ids.filtered(lambda a: a.activity_type_id == urge)), 1)

    def test_5_3_7_administrator_rule_runs_on_level_change(self):
        """An administrator's automated action "On Service Level Change"
        runs after the model's own follow-ups, on the levels its filter
        names."""
        self.env['base.automation'].with_context(import_file=True).create({
            'name': 'Tell the general office of overdue supervisions',
            'model_id': self.env['ir.model']._get('gov.supervision').id,
            'trigger': 'on_sla_change', 'filter_domain': "[('sla_level', '=', 'overdue')]",
            'state': 'code', 'code': "records.message_post(body='总办已知悉')"})
        normal = self.supervision()
        overdue = self.supervision()
        overdue.write({'deadline_response': end_of_local_day(2020, 1, 6)})
        self.assertEqual(overdue.sla_level, 'overdue')
        self.assertIn('总办已知悉', overdue.message_ids.mapped('body')[0])
        self.assertNotIn('总办已知悉', ''.join(normal.message_ids.mapped('body')))

    def test_5_3_7_cron_covers_every_model_with_service_levels(self):
        self.assertIn('gov.supervision', self.env['gov.sla.mixin']._sla_models())
        cron = self.env.ref('gov_supervision.ir_cron_gov_sla_update')
        self.assertTrue(cron.active)
        supervision = self.supervision()
        self.env.cr.execute("UPDATE gov_supervision SET deadline_response = %s WHERE id = %s",
                            (end_of_local_day(2020, 1, 6), supervision.id))
        supervision.invalidate_cache()
        cron.method_direct_trigger()
        self.assertEqual(supervision.sla_level, 'overdue')

    def test_5_3_7_supervision_needs_a_written_response(self):
        supervision = self.supervision()
        supervise = self.env.ref('gov_supervision.mail_activity_type_supervise')
        activities = supervision.activity_ids.filtered(lambda a: a.activity_type_id == supervise)
        self.assertEqual(activities.mapped('user_id'), self.supervisor | self.manager_edu)
        self.assertEqual(supervision.manager_id, self.manager_edu)
        self.assertTrue(supervision.deadline_response)
        as_manager = supervision.sudo(self.manager_edu)
        with self.assertRaises(UserError):
            as_manager.action_respond()
        supervision.sudo(self.handler_edu).write({'response': 'x'})
        with self.assertRaises(UserError):
            supervision.sudo(self.handler_edu).action_respond()
        supervision.write({'response': False})
        as_manager.write({'response': 'The letters are answered by Friday.'})
        as_manager.action_respond()
        self.assertEqual(supervision.state, 'responded')
        self.assertTrue(supervision.date_responded)
        with self.assertRaises(UserError):
            as_manager.action_close()
        supervision.sudo(self.supervisor).action_close()
        self.assertEqual(supervision.state, 'closed')
        self.assertFalse(supervision.activity_ids)

    def test_5_3_7_supervisor_returns_a_weak_response(self):
        supervision = self.supervision()
        supervision.sudo(self.manager_edu).write({'response': 'Later.'})
        supervision.sudo(self.manager_edu).action_respond()
        supervision.sudo(self.supervisor).action_return()
        self.assertEqual(supervision.state, 'open')

    def test_5_3_7_handlers_see_only_their_departments_supervisions(self):
        supervision = self.supervision()
        handler_env = self.env.ref('gov_interaction.user_handler_env')
        self.assertFalse(self.Supervision.sudo(handler_env).search([('id', '=', supervision.id)]))
        self.assertTrue(self.Supervision.sudo(self.handler_edu).search([('id', '=', supervision.id)]))

    def test_5_3_7_notice_lists_on_time_rate_and_late_items(self):
        on_time = self.supervision(end_of_local_day(2025, 6, 10))
        late = self.supervision(end_of_local_day(2025, 6, 11))
        unanswered = self.supervision(end_of_local_day(2025, 6, 12))
        self.supervision(end_of_local_day(2025, 7, 1))  # another period
        on_time.write({'state': 'responded', 'date_responded': '2025-06-09 03:00:00'})
        late.write({'state': 'responded', 'date_responded': '2025-06-13 03:00:00'})
        notice = self.env['gov.supervision.notice'].sudo(self.supervisor).create({
            'name': 'June', 'date_from': '2025-06-01', 'date_to': '2025-06-30'})
        notice._generate()
        line = notice.line_ids.filtered(lambda line: line.res_model == 'gov.supervision')
        self.assertEqual(line.department_id, self.edu)
        self.assertEqual((line.total_count, line.on_time_count, line.overdue_count), (3, 1, 2))
        self.assertAlmostEqual(line.on_time_rate, 100.0 / 3, places=1)
        self.assertIn(late.name, line.overdue_items)
        self.assertIn(unanswered.name, line.overdue_items)
        self.assertNotIn(on_time.name, line.overdue_items)
        # Departments read it once published, never a draft.
        self.assertFalse(notice.sudo(self.handler_edu).search([('id', '=', notice.id)]))
        notice.action_publish()
        self.assertEqual(notice.state, 'published')
        self.assertTrue(notice.sudo(self.handler_edu).search([('id', '=', notice.id)]))
        self.assertIn(self.manager_edu.partner_id, notice.message_partner_ids)

    def test_5_3_7_notice_exports_to_xlsx(self):
        self.supervision(end_of_local_day(2025, 6, 11))
        notice = self.env['gov.supervision.notice'].create({
            'name': 'June', 'date_from': '2025-06-01', 'date_to': '2025-06-30'})
        notice._generate()
        data = xlsx_bytes(notice._xlsx_sheets())
        with zipfile.ZipFile(io.BytesIO(data)) as xlsx:
            # constant-memory mode writes strings inline in the sheet
            strings = xlsx.read('xl/worksheets/sheet1.xml').decode()
        self.assertIn(self.edu.complete_name, strings)
        self.assertIn('On-Time Rate (%)', strings)
        # The button writes the same file in the background.
        attachment, background = run_background_export(self.env, notice.action_export_xlsx())
        self.assertEqual(attachment.datas_fname, 'June.xlsx')
        with zipfile.ZipFile(io.BytesIO(background)) as xlsx:
            # in the language of the user who asked
            background_strings = xlsx.read('xl/worksheets/sheet1.xml').decode()
        self.assertIn(self.edu.complete_name, background_strings)
        self.assertIn('按时办结率（%）', background_strings)

    def test_5_3_7_supervisor_generates_a_notice_in_the_background(self):
        """The Generate button queues a job (a notice covers every
        department): the lines appear once it ran, as the supervisor, with
        its progress and a summary in the supervisor's language."""
        self.supervision(end_of_local_day(2025, 6, 11))
        self.supervision(end_of_local_day(2025, 6, 12)).write({'department_id': self.env.ref(
            'gov_interaction.dept_env').id})
        notice = self.env['gov.supervision.notice'].sudo(self.supervisor).create({
            'name': '2025年6月通报', 'date_from': '2025-06-01', 'date_to': '2025-06-30'})
        action = notice.action_generate()
        export = self.env['gov.export.job'].browse(action['res_id'])
        self.assertEqual((export.kind, export.state, export.user_id), ('action', 'queued', self.supervisor))
        self.assertFalse(notice.line_ids)
        summary = run_background_action(self.env, action)
        departments = notice.line_ids.filtered(
            lambda line: line.res_model == 'gov.supervision').mapped('department_id')
        self.assertEqual(departments, self.edu | self.env.ref('gov_interaction.dept_env'))
        self.assertIn('个部门', summary)
        self.assertIn('%s 行' % len(notice.line_ids), summary)
        self.assertTrue(notice.line_ids.mapped('create_uid') == self.supervisor)

    def test_5_3_7_a_published_notice_is_not_generated_again(self):
        self.supervision(end_of_local_day(2025, 6, 11))
        notice = self.env['gov.supervision.notice'].sudo(self.supervisor).create({
            'name': 'June', 'date_from': '2025-06-01', 'date_to': '2025-06-30'})
        notice._generate()
        notice.action_publish()
        with self.assertRaises(UserError):
            notice.action_generate()
        self.assertFalse(self.env['gov.export.job'].search([('res_model', '=', notice._name),
                                                            ('res_id', '=', notice.id)]))

    def test_5_3_7_monthly_notice_job(self):
        self.supervision(end_of_local_day(2025, 6, 11))
        notice = self.env['gov.supervision.notice']._cron_generate_monthly(datetime.date(2025, 7, 1))
        self.assertEqual((notice.date_from, notice.date_to), ('2025-06-01', '2025-06-30'))
        self.assertTrue(notice.line_ids)
        again = self.env['gov.supervision.notice']._cron_generate_monthly(datetime.date(2025, 7, 2))
        self.assertFalse(again)

    def test_5_3_7_department_dashboard_counts(self):
        self.supervision()
        self.assertGreaterEqual(self.edu.supervision_open_count, 1)
        action = self.edu.action_open_supervisions()
        self.assertEqual(action['domain'], [('department_id', '=', self.edu.id)])
