# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import json
import logging
import os
import shutil
import tempfile
from datetime import datetime, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tools import html_escape, plaintext2html

from odoo.addons.queue_job.job import job

from ..tools.xlsx import XLSX_MIMETYPE, Progress, write_xlsx

_logger = logging.getLogger(__name__)

# A running export reports its progress at least this often; one silent for
# longer was cut off (a worker killed, a server restarted) and is run again.
STALE_AFTER = timedelta(minutes=5)
KEEP_FILES = timedelta(days=7)
# Only methods named so can be run as an export (nobody else writes these
# records: users read and delete theirs, the code writes them): a model's
# exporter that writes the file itself, or a record's sheets.
EXPORTER_PREFIX = '_export_xlsx'
RECORD_SHEETS = '_xlsx_sheets'
# Work that writes no file (generating notices, bulk decisions) is a model
# or record method named so: ``_background_*(progress=, **arguments)``,
# returning the summary the user reads on the job.
ACTION_PREFIX = '_background_'
# What a record that fails its check raises: reported, the others go on.
CHECK_ERRORS = (UserError, ValidationError, AccessError, MissingError)


class GovExportJob(models.Model):
    """An export run in the background (5.1.5, 5.3.7): the user starts it
    from a button, sees its progress, and is notified with the download
    once the file is written.  The work is an OCA ``queue_job`` job, so it
    outlives the request, the worker and a server restart.

    A job of kind ``action`` writes no file: it runs a model or record
    method ``_background_*(progress=, **arguments)`` (generating a notice
    over every department, a decision on many letters) and shows the
    summary that method returns instead of a download.

    What is exported is either a record's sheets (``_xlsx_sheets()`` of the
    record ``res_id``, see :func:`~..tools.xlsx.write_xlsx`) or a model
    method ``_export_xlsx*(path, progress=, **arguments)`` that writes the
    file at ``path``, counting rows in ``progress``
    (:class:`~..tools.xlsx.Progress`), and returns the number of rows.  It
    runs as the user who asked, with their access rights and record rules."""

    _name = 'gov.export.job'
    _inherit = ['mail.thread']
    _description = 'Background Export'
    _order = 'id desc'

    name = fields.Char('Export', required=True, readonly=True)
    kind = fields.Selection([('file', 'File'), ('action', 'Action')], required=True,
                            default='file', readonly=True,
                            help="A file to download, or work on records with a summary of what was done.")
    user_id = fields.Many2one('res.users', 'Requested By', required=True, readonly=True, index=True,
                              default=lambda self: self.env.user, ondelete='cascade')
    state = fields.Selection([
        ('queued', 'Waiting'),
        ('running', 'Running'),
        ('done', 'Ready'),
        ('failed', 'Failed'),
    ], required=True, default='queued', readonly=True, index=True)
    progress = fields.Float('Progress (%)', readonly=True, group_operator='avg')
    rows_done = fields.Integer('Rows Written', readonly=True)
    rows_total = fields.Integer('Rows Expected', readonly=True)
    date_started = fields.Datetime('Started On', readonly=True)
    date_heartbeat = fields.Datetime('Last Progress', readonly=True)
    date_done = fields.Datetime('Finished On', readonly=True)
    filename = fields.Char('File Name', readonly=True)
    attachment_id = fields.Many2one('ir.attachment', 'File', readonly=True, ondelete='set null')
    download_url = fields.Char('Download', compute='_compute_download_url')
    error = fields.Text('Why It Failed', readonly=True)
    summary = fields.Text('Result', readonly=True)
    res_model = fields.Char('Exporter Model', required=True, readonly=True)
    res_id = fields.Integer('Exported Record', readonly=True)
    method = fields.Char('Exporter Method', required=True, readonly=True)
    arguments = fields.Text('Exporter Arguments', readonly=True, default='{}')
    job_uuid = fields.Char('Job', readonly=True, index=True, copy=False)

    @api.depends('attachment_id')
    def _compute_download_url(self):
        for export in self:
            export.download_url = export.attachment_id and \
                '/web/content/%d?download=true' % export.attachment_id.id

    # ------------------------------------------------------------------
    # Starting
    # ------------------------------------------------------------------

    @api.model
    def _start(self, name, filename, model, method, **arguments):
        """Queue the export and return the action showing its progress."""
        if not (method.startswith(EXPORTER_PREFIX) or method == RECORD_SHEETS):
            raise ValueError("not an exporter: %s.%s" % (model, method))
        res_id = arguments.pop('res_id', 0) if method == RECORD_SHEETS else 0
        return self._queue({'name': name, 'filename': filename, 'res_model': model,
                            'method': method, 'res_id': res_id}, arguments)

    @api.model
    def _start_action(self, name, model, method, **arguments):
        """Queue ``model``'s ``_background_*`` method (of the record
        ``res_id`` if given) and return the action showing its progress."""
        if not method.startswith(ACTION_PREFIX):
            raise ValueError("not a background action: %s.%s" % (model, method))
        return self._queue({'name': name, 'kind': 'action', 'res_model': model, 'method': method,
                            'res_id': arguments.pop('res_id', 0)}, arguments)

    @api.model
    def _queue(self, values, arguments):
        export = self.sudo().create(dict(values, user_id=self.env.uid,
                                         arguments=json.dumps(arguments, sort_keys=True)))
        export._enqueue()
        return export.sudo(self.env.user)._action_open()

    @api.model
    def _start_record(self, record, filename):
        """Queue the export of ``record``'s sheets (``_xlsx_sheets()``)."""
        record.ensure_one()
        record.check_access_rights('read')
        record.check_access_rule('read')
        return self._start(record.display_name, filename, record._name, RECORD_SHEETS,
                           res_id=record.id)

    @api.multi
    def _enqueue(self):
        """Queue the job as the user who asked: it runs with their rights."""
        for export in self.sudo():
            queued = export.sudo(export.user_id).with_delay(description=export.name)._perform()
            export.write({'state': 'queued', 'job_uuid': queued.uuid})

    @api.multi
    def _action_open(self):
        self.ensure_one()
        action = self.env.ref('gov_interaction.action_gov_export_job').read()[0]
        action.update({'res_id': self.id, 'view_mode': 'form', 'views': [(False, 'form')]})
        return action

    @api.multi
    def action_open_record(self):
        """The record a background action worked on (a notice)."""
        self.ensure_one()
        return {'type': 'ir.actions.act_window', 'res_model': self.res_model, 'res_id': self.res_id,
                'view_mode': 'form', 'views': [(False, 'form')], 'target': 'current'}

    @api.multi
    def action_download(self):
        self.ensure_one()
        return {'type': 'ir.actions.act_url', 'target': 'self', 'url': self.download_url}

    # ------------------------------------------------------------------
    # Running (as a queue_job job)
    # ------------------------------------------------------------------

    @job(default_channel='root.gov_export')
    @api.multi
    def _perform(self):
        """Write the file, attach it and tell the user (or run the action
        and keep its summary).  The job's own transaction never writes this
        record before it commits: progress goes through short transactions
        of its own."""
        self.ensure_one()
        self._update_elsewhere(state='running', date_started=fields.Datetime.now(), progress=0,
                               rows_done=0, error=None)
        if self.kind == 'action':
            return self._perform_action()
        return self._perform_export()

    def _perform_export(self):
        handle, path = tempfile.mkstemp(suffix=os.path.splitext(self.filename)[1] or '.xlsx')
        os.close(handle)
        try:
            rows = self._write_file(path)
            attachment = self._attach_file(path)
        except Exception as error:
            self._update_elsewhere(state='failed', error=str(error) or repr(error),
                                   date_done=fields.Datetime.now())
            raise
        finally:
            os.unlink(path)
        self.env.cr.after('commit', lambda: self._finish_export(attachment.id, rows))
        return '%s rows' % rows

    def _progress(self):
        return Progress(lambda done, total: self._update_elsewhere(
            rows_done=done, rows_total=total,
            progress=min(99.0, 100.0 * done / total) if total else 0))

    def _write_file(self, path):
        """Run the exporter in the language and time zone of the user who
        asked (a job's environment has neither)."""
        progress = self._progress()
        model = self._in_users_language().env[self.res_model]
        if self.method == RECORD_SHEETS:
            return write_xlsx(path, model.browse(self.res_id)._xlsx_sheets(), progress)
        assert self.method.startswith(EXPORTER_PREFIX), self.method
        exporter = getattr(model, self.method)
        return exporter(path, progress=progress, **json.loads(self.arguments or '{}'))

    def _perform_action(self):
        progress = self._progress()
        try:
            summary = self._run_action(progress)
        except Exception as error:
            self._update_elsewhere(state='failed', error=str(error) or repr(error),
                                   date_done=fields.Datetime.now())
            raise
        self.env.cr.after('commit', lambda: self._finish_action(summary, progress.done))
        return summary

    def _run_action(self, progress):
        """Run the ``_background_*`` method as :meth:`_write_file` runs an
        exporter: as the user who asked, in their language."""
        assert self.method.startswith(ACTION_PREFIX), self.method
        model = self._in_users_language().env[self.res_model]
        target = model.browse(self.res_id) if self.res_id else model
        return getattr(target, self.method)(progress=progress, **json.loads(self.arguments or '{}'))

    @api.model
    def _each(self, records, function, progress=None):
        """``function(record)`` for each of ``records``, each in a savepoint
        of its own: a record that fails its check (a UserError, ...) is left
        as it was and reported, the others go on.  Returns the records done
        and the failures as ``(record, message)``."""
        if progress is not None:
            progress.total, progress.every = len(records), max(1, len(records) // 100)
        done, failures = records.browse(), []
        for record in records:
            try:
                with self.env.cr.savepoint():
                    function(record)
                done |= record
            except CHECK_ERRORS as error:
                records.invalidate_cache()  # what the rolled-back savepoint wrote
                failures.append((record, error.name or str(error)))
            if progress is not None:
                progress.step()
        return done, failures

    def _in_users_language(self):
        return self.with_context(lang=self.user_id.lang, tz=self.user_id.tz)

    def _update_elsewhere(self, **values):
        """Write ``values`` (and the heartbeat) in a transaction of their
        own, committed at once, so the user sees them while the job runs."""
        values['date_heartbeat'] = fields.Datetime.now()
        columns = sorted(values)
        with self.pool.cursor() as cr:
            cr.execute('UPDATE gov_export_job SET %s WHERE id = %%s' % ', '.join(
                '"%s" = %%s' % column for column in columns),
                [values[column] for column in columns] + [self.id])

    def _attach_file(self, path):
        """The file as an attachment of this export, copied into the
        filestore in chunks (never held in memory whole)."""
        Attachment = self.env['ir.attachment'].sudo()
        digest = hashlib.sha1()
        with open(path, 'rb') as source:
            for chunk in iter(lambda: source.read(1 << 20), b''):
                digest.update(chunk)
        checksum = digest.hexdigest()
        store_fname = '%s/%s' % (checksum[:2], checksum)
        full_path = Attachment._full_path(store_fname)
        if not os.path.exists(full_path):
            os.makedirs(os.path.dirname(full_path), exist_ok=True)
            shutil.copyfile(path, full_path)
        attachment = Attachment.create({
            'name': self.filename, 'datas_fname': self.filename, 'type': 'binary',
            'store_fname': store_fname, 'mimetype': XLSX_MIMETYPE, 'res_model': self._name,
            'res_id': self.id})
        # ir.attachment's create and write drop both (Odoo computes them
        # from ``datas``, which a file copied in chunks never passes): the
        # size shown beside the download would read 0.
        self.env.cr.execute('UPDATE ir_attachment SET file_size = %s, checksum = %s WHERE id = %s',
                            (os.path.getsize(path), checksum, attachment.id))
        attachment.invalidate_cache(['file_size', 'checksum'])
        return attachment

    def _finish_export(self, attachment_id, rows):
        """After the job's commit: the export is ready; the user is told
        in their inbox, with the download."""
        with self.pool.cursor() as cr:
            export = self.with_env(self.env(cr=cr)).sudo()
            if not export._job_committed():
                return
            export.write({'state': 'done', 'attachment_id': attachment_id, 'progress': 100,
                          'rows_done': rows, 'rows_total': max(rows, export.rows_total),
                          'date_done': fields.Datetime.now()})
            export._in_users_language()._notify_user()

    def _finish_action(self, summary, count):
        """After the job's commit: done; its summary on the job and in the
        user's inbox."""
        with self.pool.cursor() as cr:
            export = self.with_env(self.env(cr=cr)).sudo()
            if not export._job_committed():
                return
            export.write({'state': 'done', 'summary': summary, 'progress': 100, 'rows_done': count,
                          'rows_total': max(count, export.rows_total),
                          'date_done': fields.Datetime.now()})
            export._in_users_language()._notify_user()

    def _job_committed(self):
        """Whether the job's transaction did commit: queue_job marks the
        job done in it.  Odoo runs a cursor's commit handlers also after
        the COMMIT of a transaction that had failed (which PostgreSQL rolls
        back): a serialization failure at queue_job's last write, after
        which queue_job runs the job again.  Done before that, the user
        would read a summary of changes that were not kept."""
        self.env.cr.execute('SELECT state FROM queue_job WHERE uuid = %s', [self.job_uuid])
        row = self.env.cr.fetchone()
        return not row or row[0] == 'done'

    def _notify_user(self):
        if self.kind == 'action':
            body = _('<p>%(name)s: done.</p>%(summary)s') % {
                'name': html_escape(self.name), 'summary': plaintext2html(self.summary or '')}
            self.message_post(body=body, partner_ids=[self.user_id.partner_id.id],
                              subtype='mail.mt_comment', message_type='notification')
            return
        body = _('<p>Your export <a href="%(url)s">%(name)s</a> is ready (%(rows)s rows).</p>') % {
            'url': html_escape(self.download_url), 'name': html_escape(self.filename),
            'rows': self.rows_done}
        self.message_post(body=body, partner_ids=[self.user_id.partner_id.id],
                          subtype='mail.mt_comment', message_type='notification')

    # ------------------------------------------------------------------
    # Failures, restarts and housekeeping
    # ------------------------------------------------------------------

    @api.model
    def _cron_housekeeping(self):
        """Every few minutes: an export cut off by a restart or a killed
        worker (no progress for STALE_AFTER) is run again; files older than
        KEEP_FILES are deleted."""
        self._requeue_stale()
        old = fields.Datetime.to_string(datetime.utcnow() - KEEP_FILES)
        self.sudo().search([('state', 'in', ('done', 'failed')), ('date_done', '<', old)]).unlink()

    @api.model
    def _requeue_stale(self):
        limit = fields.Datetime.to_string(datetime.utcnow() - STALE_AFTER)
        stale = self.sudo().search([('state', '=', 'running'), ('date_heartbeat', '<', limit)])
        Job = self.env['queue.job'].sudo()
        for export in stale:
            _logger.warning("export %s stalled (no progress since %s): running it again",
                            export.id, export.date_heartbeat)
            cut_off = Job.search([('uuid', '=', export.job_uuid),
                                  ('state', 'in', ('enqueued', 'started'))])
            if cut_off:
                cut_off.requeue()
                export.write({'state': 'queued'})
            else:
                export._enqueue()
        return stale

    @api.multi
    def unlink(self):
        self.sudo().mapped('attachment_id').unlink()
        return super(GovExportJob, self).unlink()
