# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gov_interaction.tools import local_today, utc_day_start


class GovSupervisionNotice(models.Model):
    """通报 (5.3.7): for a period, each department's on-time rate and the
    items it answered late or not at all, over every model with service
    levels.  Generated monthly by a job (or by a supervisor's button, in
    the background), published to the departments, exported to XLSX."""

    _name = 'gov.supervision.notice'
    _description = 'Supervision Notice'
    _inherit = ['mail.thread', 'gov.workflow.mixin']
    _order = 'date_from desc, id desc'
    # Published by action_publish only, once generated (5.3.7).
    _workflow_fields = ('state',)

    name = fields.Char(required=True, track_visibility='onchange')
    date_from = fields.Date('From', required=True)
    date_to = fields.Date('To', required=True)
    state = fields.Selection([('draft', 'Draft'), ('published', 'Published')], required=True,
                             default='draft', readonly=True, copy=False,
                             track_visibility='onchange')
    line_ids = fields.One2many('gov.supervision.notice.line', 'notice_id', 'Departments',
                               readonly=True)
    total_count = fields.Integer('Due', compute='_compute_totals', store=True)
    on_time_count = fields.Integer('On Time', compute='_compute_totals', store=True)
    overdue_count = fields.Integer('Late or Unanswered', compute='_compute_totals', store=True)
    on_time_rate = fields.Float('On-Time Rate (%)', compute='_compute_totals', store=True,
                                digits=(5, 1))
    note = fields.Text('Comment')

    _sql_constraints = [
        ('period_check', 'CHECK(date_from <= date_to)', 'The period must end after it starts.'),
    ]

    @api.depends('line_ids.total_count', 'line_ids.on_time_count', 'line_ids.overdue_count')
    def _compute_totals(self):
        for notice in self:
            notice.total_count = sum(notice.line_ids.mapped('total_count'))
            notice.on_time_count = sum(notice.line_ids.mapped('on_time_count'))
            notice.overdue_count = sum(notice.line_ids.mapped('overdue_count'))
            decided = notice.on_time_count + notice.overdue_count
            notice.on_time_rate = 100.0 * notice.on_time_count / decided if decided else 0.0

    @api.multi
    def action_generate(self):
        """(Re)compute the lines in the background (a gov.export.job): a
        notice covers every department and every model with service
        levels; the user watches its progress."""
        self.ensure_one()
        self._check_draft()
        self.check_access_rights('write')
        self.check_access_rule('write')
        return self.env['gov.export.job']._start_action(
            _('Generate %s') % self.name, self._name, '_background_generate', res_id=self.id)

    @api.multi
    def _background_generate(self, progress=None):
        """The job of :meth:`action_generate`: the lines, and what they say."""
        self.ensure_one()
        self._generate(progress)
        return _('%(lines)s lines over %(departments)s departments: on-time rate %(rate).1f%%, '
                 '%(late)s late or unanswered.') % {
            'lines': len(self.line_ids), 'departments': len(self.line_ids.mapped('department_id')),
            'rate': self.on_time_rate, 'late': self.overdue_count}

    @api.multi
    def _check_draft(self):
        if any(notice.state != 'draft' for notice in self):
            raise UserError(_("A published notice is not recomputed."))

    @api.multi
    def _generate(self, progress=None):
        """(Re)compute the lines from the items due in the period, one line
        per model and department, counted in ``progress`` if given."""
        Line = self.env['gov.supervision.notice.line']
        self._check_draft()
        for notice in self:
            notice.line_ids.unlink()
            counts = notice._line_counts()
            if progress is not None:
                progress.total += len(counts)
                progress.every = max(1, progress.total // 100)
            for count in counts:
                Line.create(dict(notice._line_values(*count), notice_id=notice.id))
                if progress is not None:
                    progress.step()
        return True

    @api.multi
    def _line_counts(self):
        """Per model and department: items whose deadline falls in the
        period; on time if answered by the deadline, late if answered after
        it or still unanswered after it.  ``(model, department id, due, on
        time, late, ids of the late ones)``, one SQL query per model."""
        self.ensure_one()
        Mixin = self.env['gov.sla.mixin']
        start = fields.Date.from_string(self.date_from)
        end = fields.Date.from_string(self.date_to) + datetime.timedelta(days=1)
        now = datetime.datetime.utcnow()
        counts = []
        for name in Mixin._sla_models():
            Model = self.env[name].sudo()
            if not Model._sla_done_field or Model._sla_department_field not in Model._fields:
                continue
            deadline = Model._fields[Model._sla_deadline_field]
            d, done, dept = (deadline.name, Model._sla_done_field, Model._sla_department_field)
            if deadline.type == 'date':
                bounds, now_value = (start, end), now.date()
                on_time = 'r."{done}" IS NOT NULL AND r."{done}"::date <= r."{d}"'
                late = '(r."{done}" IS NULL AND r."{d}" < %(now)s) OR r."{done}"::date > r."{d}"'
            else:
                bounds, now_value = (utc_day_start(self.env, start), utc_day_start(self.env, end)), now
                on_time = 'r."{done}" IS NOT NULL AND r."{done}" <= r."{d}"'
                late = '(r."{done}" IS NULL AND r."{d}" < %(now)s) OR r."{done}" > r."{d}"'
            on_time, late = (on_time.format(d=d, done=done), late.format(d=d, done=done))
            self.env.cr.execute("""
                SELECT r."{dept}", count(*),
                       count(*) FILTER (WHERE {on_time}),
                       count(*) FILTER (WHERE {late}),
                       array_agg(r.id ORDER BY r."{d}") FILTER (WHERE {late})
                  FROM "{table}" r
                 WHERE r."{d}" >= %(start)s AND r."{d}" < %(end)s AND r."{dept}" IS NOT NULL
              GROUP BY r."{dept}"
            """.format(dept=dept, d=d, table=Model._table, on_time=on_time, late=late),
                {'start': bounds[0], 'end': bounds[1], 'now': now_value})
            counts.extend((name,) + row for row in self.env.cr.fetchall())
        return counts

    @api.multi
    def _line_values(self, name, department_id, total, on_time_count, late_count, late_ids):
        """A line's values, with its first 200 late items named."""
        late_records = self.env[name].sudo().browse(late_ids or [])
        return {
            'department_id': department_id,
            'res_model': name,
            'total_count': total,
            'on_time_count': on_time_count,
            'overdue_count': late_count,
            'overdue_items': '\n'.join(
                '%s (%s)' % (record.display_name, record._sla_deadline_text())
                for record in late_records[:200]),
        }

    @api.multi
    def action_publish(self):
        """Published to the departments concerned: their managers follow it."""
        for notice in self:
            if not notice.line_ids:
                raise UserError(_("Generate the notice before publishing it."))
            managers = self.env['res.users']
            for department in notice.line_ids.mapped('department_id'):
                managers |= department._managers_upwards()[:1]
            notice.message_subscribe(partner_ids=managers.mapped('partner_id').ids)
            notice._transition().write({'state': 'published'})
            notice.message_post(
                body=_('<p>Notice %(name)s published: on-time rate %(rate).1f%%, %(late)s late '
                       'or unanswered.</p>') % {
                    'name': notice.name, 'rate': notice.on_time_rate, 'late': notice.overdue_count},
                subtype='mail.mt_comment', message_type='notification')
        return True

    @api.multi
    def action_export_xlsx(self):
        self.ensure_one()
        return self.env['gov.export.job']._start_record(self, '%s.xlsx' % self.name)

    @api.multi
    def _xlsx_sheets(self):
        self.ensure_one()
        headers = [_('Department'), _('Kind'), _('Due'), _('On Time'), _('Late or Unanswered'),
                   _('On-Time Rate (%)'), _('Late Items')]
        rows = ((line.department_id.complete_name, line.model_label, line.total_count,
                 line.on_time_count, line.overdue_count, round(line.on_time_rate, 1),
                 (line.overdue_items or '').replace('\n', '; '))
                for line in self.line_ids)
        return [(self.name, headers, rows)]

    @api.model
    def _cron_generate_monthly(self, today=None):
        """On the job's run in a new month: last month's notice, if absent."""
        today = today or local_today(self.env)
        first = today.replace(day=1) - relativedelta(months=1)
        last = today.replace(day=1) - datetime.timedelta(days=1)
        if self.search_count([('date_from', '=', first), ('date_to', '=', last)]):
            return self.browse()
        notice = self.create({
            'name': _('Notice %s') % first.strftime('%Y-%m'),
            'date_from': first, 'date_to': last,
        })
        notice._generate()
        return notice
