# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Background exports (gov.export.job, 5.1.5): queued as a queue_job job
that runs as the user who asked, seen only by that user, never rewritten by
a user, and run again when a restart cut them off."""
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests.common import TransactionCase

from ..tools.xlsx import Progress


class TestExportJob(TransactionCase):

    def setUp(self):
        super().setUp()
        self.Export = self.env['gov.export.job']
        self.clerk = self.env.ref('gov_interaction.user_clerk')
        self.handler = self.env.ref('gov_interaction.user_handler_edu')

    def start(self, user):
        action = self.Export.sudo(user)._start('统计', '统计.xlsx', 'gov.department', '_export_xlsx',
                                               department_ids=[1])
        return self.Export.browse(action['res_id'])

    def queue_job(self, export):
        return self.env['queue.job'].search([('uuid', '=', export.job_uuid)])

    def test_5_1_5_an_export_is_queued_as_the_user_who_asked(self):
        export = self.start(self.clerk)
        self.assertEqual(export.state, 'queued')
        self.assertEqual(export.user_id, self.clerk)
        self.assertEqual(export.arguments, '{"department_ids": [1]}')
        job = self.queue_job(export)
        self.assertEqual(job.state, 'pending')
        self.assertEqual(job.user_id, self.clerk)
        self.assertEqual(job.method_name, '_perform')

    def test_5_1_5_only_exporters_can_be_queued(self):
        with self.assertRaises(ValueError):
            self.Export.sudo(self.clerk)._start('x', 'x.xlsx', 'res.users', 'unlink')
        self.assertFalse(self.Export.search([('name', '=', 'x')]))

    def test_5_1_5_users_see_only_their_own_exports_and_cannot_rewrite_them(self):
        export = self.start(self.clerk)
        self.assertEqual(self.Export.sudo(self.clerk).search([('id', '=', export.id)]), export)
        self.assertFalse(self.Export.sudo(self.handler).search([('id', '=', export.id)]))
        for values in ({'method': 'unlink'}, {'res_model': 'res.users'}, {'state': 'done'}):
            with self.assertRaises(AccessError):
                export.sudo(self.clerk).write(values)
        with self.assertRaises(AccessError):
            self.Export.sudo(self.clerk).create({'name': 'x', 'filename': 'x.xlsx',
                                                 'res_model': 'res.users', 'method': '_export_xlsx'})

    def test_5_1_5_an_export_cut_off_by_a_restart_runs_again(self):
        export = self.start(self.clerk)
        job = self.queue_job(export)
        job.write({'state': 'started', 'date_started': fields.Datetime.now()})
        silent = fields.Datetime.to_string(datetime.utcnow() - timedelta(minutes=10))
        export.write({'state': 'running', 'date_heartbeat': silent})
        self.Export._cron_housekeeping()
        self.assertEqual(export.state, 'queued')
        self.assertEqual(job.state, 'pending')
        # Still reporting progress: left alone.
        export.write({'state': 'running', 'date_heartbeat': fields.Datetime.now()})
        self.Export._cron_housekeeping()
        self.assertEqual(export.state, 'running')

    def test_5_1_5_a_job_whose_transaction_failed_is_not_reported_done(self):
        """Odoo runs a cursor's commit handlers also after the COMMIT of a
        failed transaction: the job is finished (done, summary, the user
        told) only once queue_job marked it done, in the job's own commit;
        postponed after a serialization failure, it is not yet."""
        export = self.start(self.clerk)
        job = self.queue_job(export)
        for state in ('pending', 'enqueued', 'started'):
            job.write({'state': state})
            self.assertFalse(export._job_committed(), state)
        job.write({'state': 'done'})
        self.assertTrue(export._job_committed())

    def test_5_1_5_old_export_files_are_deleted(self):
        export = self.start(self.clerk)
        old = fields.Datetime.to_string(datetime.utcnow() - timedelta(days=8))
        export.write({'state': 'done', 'date_done': old})
        recent = self.start(self.clerk)
        recent.write({'state': 'done', 'date_done': fields.Datetime.now()})
        self.Export._cron_housekeeping()
        self.assertFalse(export.exists())
        self.assertTrue(recent.exists())

    def test_5_1_5_only_background_methods_run_as_actions(self):
        for method in ('unlink', '_export_xlsx', 'write'):
            with self.assertRaises(ValueError):
                self.Export.sudo(self.clerk)._start_action('x', 'gov.department', method)
        self.assertFalse(self.Export.search([('name', '=', 'x')]))

    def test_5_1_5_a_record_that_fails_its_check_is_reported_the_others_done(self):
        departments = self.env['gov.department'].search([], limit=3)
        progress = Progress()

        def renumber(department):
            department.write({'phone': '0451-12345'})
            if department == departments[1]:
                raise ValidationError(self.Export._description)

        before = departments[1].phone
        done, failures = self.Export._each(departments, renumber, progress)
        self.assertEqual(done, departments[0] | departments[2])
        self.assertEqual(failures, [(departments[1], self.Export._description)])
        self.assertEqual(departments.mapped('phone'), ['0451-12345', before, '0451-12345'])
        self.assertEqual((progress.done, progress.total), (3, 3))
