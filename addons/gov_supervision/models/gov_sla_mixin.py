# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import logging

from psycopg2 import sql

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import split_every

from odoo.addons.gov_interaction.tools import local_time

_logger = logging.getLogger(__name__)

SLA_LEVELS = [
    ('normal', 'Normal'),
    ('warning', 'Warning'),
    ('due', 'Due Today'),
    ('overdue', 'Overdue'),
]
# Records per call of a follow-up (the model's hook, an automated action).
FOLLOW_UP_BATCH = 1000
# Room left on each page of a table with service levels: the SLA job's
# UPDATE writes the new version of a row on its page (HOT, no index
# entries) even when every row of the page changes level in one run.
SLA_FILLFACTOR = 45


def _domain_fields(domain):
    return {leaf[0].split('.')[0] for leaf in domain if isinstance(leaf, (list, tuple))}


class GovSlaMixin(models.AbstractModel):
    """Service level of a record with a working-day deadline (5.3.7).

    A model opts in by inheriting this mixin and setting:

    - ``_sla_deadline_field``: its stored Datetime (or Date) deadline;
    - ``_sla_open_domain``: the records still to be answered; the others
      carry no level;
    - ``_sla_done_field``: when a record was answered (on-time counting of
      the notices, 通报), optional;
    - ``_sla_department_field``: its responsible department (the calendar
      of the department gives the working days; the notices group by it);
    - ``_sla_follow_up_levels``: the levels its hook acts on (all by
      default).

    ``sla_level`` is stored and recomputed for all records of every such
    model by the SLA job, one SQL UPDATE per model that writes the rows
    whose level changes only (:meth:`_sla_sweep`), and for the records a
    write touches (:meth:`_sla_update`).  The records whose level changed
    go to the model's hook :meth:`_sla_on_level_change` (the product's own
    follow-ups, e.g. :meth:`_sla_urge` (催办) on "warning" and
    :meth:`_sla_supervise` (督办) on "overdue"), then to the automated
    actions of trigger "On Service Level Change" an administrator may add
    (base.automation).  The hourly job is this model's
    :meth:`_cron_sla_update`.
    """

    _name = 'gov.sla.mixin'
    _description = 'Service Level Tracking'
    # Set by the SLA job only, with SQL (_sla_update): never by a user
    # (5.3.7: urging and supervision follow the level).  Guarded on the
    # models that also inherit gov.workflow.mixin, which collects the
    # _workflow_fields of every class; this mixin must NOT _inherit it
    # (gov.letter already does: Python could not order the bases).
    _workflow_fields = ('sla_level', 'sla_level_date')

    _sla_deadline_field = 'date_deadline'
    _sla_open_domain = []
    _sla_done_field = None
    _sla_department_field = 'department_id'
    # The levels on which the model's hook (_sla_on_level_change) acts: the
    # job brings back the ids of those only (and of every level when an
    # automated action "On Service Level Change" watches the model).
    _sla_follow_up_levels = tuple(key for key, _label in SLA_LEVELS)

    # No index: the job rewrites the level of every open record as time
    # passes, and an indexed column would make each of those writes add an
    # entry to every index of the table (no HOT update).
    sla_level = fields.Selection(
        SLA_LEVELS, 'Service Level', readonly=True, copy=False,
        group_expand='_expand_sla_levels',
        help="Normal; Warning: due within the warning days (working days); Due Today; Overdue. "
             "Empty once the record is answered.")
    sla_level_date = fields.Datetime('Service Level Since', readonly=True, copy=False)
    sla_supervision_count = fields.Integer('Supervisions', compute='_compute_sla_supervision_count')

    @api.model_cr
    def init(self):
        """Room on every page of the table (fillfactor) for the new version
        of each of its rows: the SLA job's UPDATE then stays on the page
        (HOT) even when it changes every row (the first run over new
        rows).  Pages written before keep their fill."""
        super(GovSlaMixin, self).init()
        if self._abstract or not self._auto:
            return
        option = 'fillfactor=%d' % SLA_FILLFACTOR
        self.env.cr.execute("SELECT reloptions FROM pg_class WHERE oid = %s::regclass",
                            ['"%s"' % self._table])
        row = self.env.cr.fetchone()
        if row and option not in (row[0] or []):
            self.env.cr.execute(sql.SQL('ALTER TABLE {} SET (fillfactor = {})').format(
                sql.Identifier(self._table), sql.Literal(SLA_FILLFACTOR)))

    @api.model
    def _expand_sla_levels(self, levels, domain, order):
        return [key for key, _label in SLA_LEVELS]

    @api.multi
    def _compute_sla_supervision_count(self):
        groups = self.env['gov.supervision'].sudo().read_group(
            [('res_model', '=', self._name), ('res_id', 'in', self.ids)], ['res_id'], ['res_id'])
        counts = {group['res_id']: group['res_id_count'] for group in groups}
        for record in self:
            record.sla_supervision_count = counts.get(record.id, 0)

    # ------------------------------------------------------------------
    # Level computation: set-based
    # ------------------------------------------------------------------

    @api.model
    def _sla_warning_days(self):
        return int(self.env['ir.config_parameter'].sudo().get_param(
            'gov_supervision.warning_days', '2') or 0)

    @api.model
    def _sla_thresholds(self, now=None):
        """Per calendar: (start of today, end of today, end of the last
        warning day), naive UTC, and the same as local dates; computed once
        per run in Python on the working-day engine, used by the SQL."""
        now = now or datetime.datetime.utcnow()
        days = self._sla_warning_days()
        result = {}
        # Every calendar (a handful): departments may use any of them.
        calendars = self.env['gov.calendar'].sudo().with_context(active_test=False).search(
            [('id', '!=', 0)])
        for calendar in calendars:
            schedule = calendar._schedule()
            today = schedule.day_of(now)
            warn = schedule.nth_after(today, days)
            result[calendar.id] = (
                schedule.end_of_day(today - 1), schedule.end_of_day(today), schedule.end_of_day(warn),
                datetime.date.fromordinal(today), datetime.date.fromordinal(warn))
        return result

    @api.model
    def _sla_update(self, ids=None, now=None, thresholds=None):
        """Recompute ``sla_level`` of this model's records (all, or ``ids``)
        in one UPDATE; returns {level: [ids]} of those whose level changed
        (level None: no longer open)."""
        return self._sla_write_levels(ids=ids, now=now, thresholds=thresholds)[1]

    @api.model
    def _sla_sweep(self, now=None, thresholds=None):
        """The SLA job on this model: one UPDATE (:meth:`_sla_write_levels`),
        which brings back the ids of the levels with follow-ups only
        (:meth:`_sla_levels_to_follow`), then their follow-ups.  Returns
        {level: count} of the records whose level changed."""
        counts, changed = self._sla_write_levels(now=now, thresholds=thresholds,
                                                 id_levels=self._sla_levels_to_follow())
        self._sla_follow_up(changed)
        return counts

    @api.model
    def _sla_levels_to_follow(self):
        """The levels whose records have follow-ups: those of the model's
        hook (``_sla_follow_up_levels``), every level when an automated
        action "On Service Level Change" watches the model, none when the
        context says ``gov_sla_no_follow_up``."""
        if self.env.context.get('gov_sla_no_follow_up'):
            return ()
        if self._sla_automation_ids():
            return tuple(key for key, _label in SLA_LEVELS)
        return tuple(self._sla_follow_up_levels)

    @api.model
    def _sla_write_levels(self, ids=None, now=None, thresholds=None, id_levels=None):
        """One UPDATE of the levels of this model's records (all, or
        ``ids``) that change, and only of those: an hourly run after the
        first writes few rows.  The level is computed in the same scan of
        the table (the open domain on the row itself, the thresholds of its
        department's calendar joined from a few rows); the row keeps its
        page (a HOT update: ``sla_level`` carries no index, the table
        leaves room, see :meth:`init`).

        Returns ({level: count}, {level: [ids]}): the ids of the levels in
        ``id_levels`` only (all levels, None included, by default), so
        that a run over a million records does not carry their ids back."""
        now = now or datetime.datetime.utcnow()
        thresholds = thresholds or self._sla_thresholds(now)
        if not thresholds or (ids is not None and not ids):
            return {}, {}
        table = self._table
        deadline = '"%s"' % self._fields[self._sla_deadline_field].name
        if self._fields[self._sla_deadline_field].type == 'date':
            # Dates are local days: compare with the local today / warning day.
            level_sql = """CASE WHEN {open} THEN CASE
                WHEN r.{d} IS NULL THEN 'normal'
                WHEN r.{d} < t.today THEN 'overdue'
                WHEN r.{d} = t.today THEN 'due'
                WHEN r.{d} <= t.warn_day THEN 'warning'
                ELSE 'normal' END END"""
        else:
            level_sql = """CASE WHEN {open} THEN CASE
                WHEN r.{d} IS NULL THEN 'normal'
                WHEN r.{d} < %(now)s THEN 'overdue'
                WHEN r.{d} <= t.day_end THEN 'due'
                WHEN r.{d} <= t.warn_end THEN 'warning'
                ELSE 'normal' END END"""
        level_sql = level_sql.format(open=self._sla_open_sql(), d=deadline)
        dept = self._sla_department_field if self._sla_department_field in self._fields else None
        values_sql = ', '.join(
            self.env.cr.mogrify('(%s, %s::timestamp, %s::timestamp, %s::date, %s::date)',
                                (calendar_id, day[1], day[2], day[3], day[4])).decode()
            for calendar_id, day in thresholds.items())
        sql = """
            WITH thresholds(calendar_id, day_end, warn_end, today, warn_day) AS (VALUES {values}),
            limits AS (
                SELECT d.id AS department_id, t.day_end, t.warn_end, t.today, t.warn_day
                  FROM gov_department d
                  LEFT JOIN thresholds t ON t.calendar_id = COALESCE(d.calendar_id, %(national)s)
                 UNION ALL
                SELECT 0, t.day_end, t.warn_end, t.today, t.warn_day
                  FROM (VALUES (%(national)s)) n(calendar_id)
                  LEFT JOIN thresholds t ON t.calendar_id = n.calendar_id
            ),
            changed AS (
                UPDATE "{table}" r SET sla_level = {level}, sla_level_date = %(now)s
                  FROM limits t
                 WHERE t.department_id = {department}
                   AND r.sla_level IS DISTINCT FROM {level} {id_filter}
             RETURNING r.id, r.sla_level AS level
            )
            SELECT level, count(*),
                   array_agg(id ORDER BY id) FILTER (WHERE %(all)s OR level = ANY(%(id_levels)s))
              FROM changed GROUP BY level
        """.format(values=values_sql, table=table, level=level_sql,
                   department='COALESCE(r."%s", 0)' % dept if dept else '0',
                   id_filter='AND r.id IN %(ids)s' if ids is not None else '')
        self.env.cr.execute(sql, {
            'now': now, 'national': self.env['gov.calendar'].sudo()._get_national().id,
            'ids': tuple(ids or ()), 'all': id_levels is None, 'id_levels': list(id_levels or ())})
        counts, changed = {}, {}
        for level, count, level_ids in self.env.cr.fetchall():
            counts[level] = count
            if level_ids:
                changed[level] = level_ids
        if counts:
            self.invalidate_cache(['sla_level', 'sla_level_date'], ids if ids is not None else None)
        return counts, changed

    @api.model
    def _sla_open_sql(self):
        """The open domain as an SQL condition on the row ``r`` of the
        UPDATE (its parameters inlined)."""
        query = self.with_context(active_test=False)._where_calc(list(self._sla_open_domain))
        from_clause, where_clause, where_params = query.get_sql()
        where_sql = self.env.cr.mogrify(where_clause or 'TRUE', where_params).decode()
        table = '"%s"' % self._table
        if from_clause == table:
            # The domain names the table's own columns only: on the row itself.
            open_sql = where_sql.replace(table + '.', 'r.')
        else:
            # Joins (a domain through a many2one): the row among the open ones.
            open_sql = 'EXISTS (SELECT 1 FROM {f} WHERE ({w}) AND {t}.id = r.id)'.format(
                f=from_clause, w=where_sql, t=table)
        # The statement carries its own %(name)s parameters.
        return '(%s)' % open_sql.replace('%', '%%')

    @api.model
    def _sla_models(self):
        """Names of the concrete models that inherit this mixin."""
        names, todo = set(), ['gov.sla.mixin']
        while todo:
            for child in self.env.registry[todo.pop()]._inherit_children:
                if child not in names:
                    names.add(child)
                    todo.append(child)
        return sorted(name for name in names
                      if not self.env[name]._abstract and self.env[name]._auto)

    @api.model
    def _cron_sla_update(self):
        """The SLA job: every model, one UPDATE each, then the follow-ups
        of the records whose level changed."""
        now = datetime.datetime.utcnow()
        thresholds = self._sla_thresholds(now)
        for name in self._sla_models():
            counts = self.env[name].sudo()._sla_sweep(now=now, thresholds=thresholds)
            _logger.info('SLA levels of %s: %s changed', name, counts)
        return True

    @api.model
    def _sla_follow_up(self, changed):
        """The records whose level changed ({level: ids}, as returned by
        :meth:`_sla_update`): the model's hook per new level, then the
        administrator's automated actions "On Service Level Change" (their
        filter decides which levels they act on)."""
        ids = [i for level, group in changed.items() if level for i in group]
        if not ids or self.env.context.get('gov_sla_no_follow_up'):
            return
        # In batches: the records of a batch are read together (prefetch),
        # never the hundreds of thousands a first run may change at once.
        for level, group in sorted(changed.items(), key=lambda item: item[0] or ''):
            if level:
                for batch in split_every(FOLLOW_UP_BATCH, group):
                    self.sudo().browse(batch)._sla_on_level_change(level)
        # exists(): the cache may outlive a rule created in a transaction rolled back.
        automations = self.env['base.automation'].sudo().with_context(__action_done={}).browse(
            self._sla_automation_ids()).exists()
        for automation in automations:
            for batch in split_every(FOLLOW_UP_BATCH, ids):
                automation._process(automation._filter_post(self.sudo().browse(batch)))

    @api.model
    @tools.ormcache()
    def _sla_automation_ids(self):
        """The ids of the automated actions "On Service Level Change" of
        this model, cached: they are looked for at every new record (the
        cache is cleared when an automated action changes)."""
        return tuple(self.env['base.automation'].sudo().search([
            ('model_name', '=', self._name), ('trigger', '=', 'on_sla_change')]).ids)

    @api.multi
    def _sla_on_level_change(self, level):
        """Hook: ``self`` (as superuser) just moved to service level
        ``level`` ('normal', 'warning', 'due' or 'overdue').  Each model
        decides its follow-ups (5.3.7: 催办, 督办); none by default."""
        return True

    @api.multi
    def _sla_refresh(self):
        if self.ids:
            self._sla_follow_up(self.sudo()._sla_update(ids=self.ids))

    def _sla_watched_fields(self):
        """Fields whose change may change the level: the deadline, what it
        is computed from, the open domain's fields, the department."""
        deadline = self._fields[self._sla_deadline_field]
        depends = {name.split('.')[0] for name in (deadline.depends or ())}
        return ({deadline.name, self._sla_department_field} | depends
                | _domain_fields(self._sla_open_domain))

    @api.model
    def create(self, vals):
        """The level of the new record, computed after the INSERT, unless
        the creator knew it (``sla_level`` in ``vals``); its follow-ups
        either way."""
        record = super(GovSlaMixin, self).create(vals)
        if vals.get('sla_level'):
            record._sla_follow_up({vals['sla_level']: record.ids})
        else:
            record._sla_refresh()
        return record

    @api.multi
    def write(self, vals):
        result = super(GovSlaMixin, self).write(vals)
        if self._sla_watched_fields() & set(vals):
            self._sla_refresh()
        return result

    # ------------------------------------------------------------------
    # Follow-ups, called by the models' _sla_on_level_change (and by any
    # automated action an administrator adds: ``records._sla_urge()``)
    # ------------------------------------------------------------------

    @api.multi
    def _sla_department(self):
        self.ensure_one()
        if self._sla_department_field in self._fields:
            return self[self._sla_department_field].sudo()
        return self.env['gov.department']

    @api.multi
    def _sla_responsible_user(self):
        """Who is urged: the user with an open activity on the record, else
        the manager of its department.  Models may override."""
        self.ensure_one()
        activities = self.sudo().activity_ids if 'activity_ids' in self._fields else []
        for activity in activities:
            if activity.activity_type_id != self.env.ref('gov_supervision.mail_activity_type_urge'):
                return activity.user_id
        if 'user_id' in self._fields and self.user_id:
            return self.user_id
        return self._sla_department()._managers_upwards()[:1]

    @api.multi
    def _sla_deadline_text(self):
        self.ensure_one()
        value = self[self._sla_deadline_field]
        if not value:
            return ''
        if self._fields[self._sla_deadline_field].type == 'date':
            return value
        # In the time zone of the calendar the deadline was counted on.
        return local_time(self.env, value, calendar=self._sla_department().calendar_id)

    @api.multi
    def _sla_urge(self):
        """催办: a reminder activity and a message to the responsible user."""
        activity_type = self.env.ref('gov_supervision.mail_activity_type_urge')
        levels = dict(self._fields['sla_level']._description_selection(self.env))
        for record in self.sudo():
            user = record._sla_responsible_user()
            if not user:
                continue
            summary = _('Reminder: %(level)s, deadline %(deadline)s') % {
                'level': levels.get(record.sla_level, ''), 'deadline': record._sla_deadline_text()}
            existing = record.activity_ids.filtered(
                lambda a, u=user: a.activity_type_id == activity_type and a.user_id == u)
            if existing:
                existing.write({'summary': summary})
            else:
                record.activity_schedule_sla(activity_type, summary, user)
            record.message_post(
                body=_('<p>Reminder (催办) to %(user)s: %(summary)s.</p>') % {
                    'user': user.name, 'summary': summary},
                subtype='mail.mt_note', partner_ids=[(4, user.partner_id.id)])
        return True

    @api.multi
    def activity_schedule_sla(self, activity_type, summary, user, date_deadline=None):
        self.ensure_one()
        return self.sudo().activity_schedule(
            activity_type_id=activity_type.id, date_deadline=date_deadline, summary=summary,
            user_id=user.id)

    @api.multi
    def _sla_supervise(self, reason=None, supervisor=None):
        """督办: a supervision record per record (unless one is open), with
        activities for the supervisor and the department manager, who must
        respond.  Returns the supervisions."""
        Supervision = self.env['gov.supervision'].sudo()
        supervisions = Supervision
        for record in self:
            existing = Supervision.search([('res_model', '=', record._name),
                                           ('res_id', '=', record.id),
                                           ('state', '=', 'open')], limit=1)
            if existing:
                supervisions |= existing
                continue
            supervisions |= Supervision.create({
                'res_model': record._name,
                'res_id': record.id,
                'department_id': record._sla_department().id,
                'supervisor_id': (supervisor or Supervision._default_supervisor()).id,
                'reason': reason or _('Overdue: deadline %s') % record._sla_deadline_text(),
            })
        return supervisions

    @api.multi
    def action_sla_supervise(self):
        """The supervisor's button: supervise this record now."""
        self.ensure_one()
        user = self.env.user
        if not user.has_group('gov_interaction.group_gov_supervisor'):
            raise UserError(_("Only a supervisor can supervise."))
        supervision = self._sla_supervise(
            reason=_('Supervised by %s') % user.name, supervisor=user)
        return supervision.get_formview_action()

    @api.multi
    def action_sla_supervisions(self):
        self.ensure_one()
        action = self.env.ref('gov_supervision.action_gov_supervision').read()[0]
        action['domain'] = [('res_model', '=', self._name), ('res_id', '=', self.id)]
        action['context'] = {}
        return action
