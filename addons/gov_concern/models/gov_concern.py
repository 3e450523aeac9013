# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import json

from lxml import etree

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext

ATOM_NS = 'http://www.w3.org/2005/Atom'
FEED_ENTRIES = 50
KINDS = [
    ('emergency', 'Major Emergency'),
    ('hot_topic', 'Hot Topic'),
]
PUBLIC_STATES = ('published', 'closed')
# Who manages concerns: clerks and supervisors (the general office is both).
MANAGER_GROUPS = ('gov_interaction.group_gov_clerk', 'gov_interaction.group_gov_supervisor')
# What the responding department writes (the statement, its updates through
# the timeline, following the record); everything else is the managers'.
DEPARTMENT_FIELDS = {'statement', 'update_ids', 'message_follower_ids'}
# Fixed once published: what the public and the media were told it is.
PUBLISHED_FIELDS = {'statement', 'kind', 'date_event'}
SUMMARY_LENGTH = 160


def _param_int(env, key, default, minimum=1):
    """A whole-number system parameter, ``default`` when unset or not valid."""
    value = env['ir.config_parameter'].sudo().get_param(key)
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number >= minimum else default


def _iso_utc(value):
    """An Odoo UTC datetime string as ISO 8601 with Z, or None."""
    return fields.Datetime.from_string(value).isoformat() + 'Z' if value else None


def _text(html):
    return html2plaintext(html or '').strip()


def _summary(html):
    text = ' '.join(_text(html).split())
    return text if len(text) <= SUMMARY_LENGTH else text[:SUMMARY_LENGTH - 1] + '…'


class GovConcern(models.Model):
    """A response to a public concern (回应关切, clause 5.4): the responding
    body's authoritative statement on a major emergency (5.4.1) or a hot
    topic (5.4.2), its timeline of follow-up updates, pushed to the media
    when published (5.4.3)."""

    _name = 'gov.concern'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'gov.department.mixin',
                'gov.workflow.mixin']
    _description = 'Public Concern'
    _order = 'date_published desc, id desc'
    _rec_name = 'title'
    # Decided by the buttons only (gov.workflow.mixin): publication, how late
    # it came (5.4.1) and closing; the request for the authoritative response,
    # its deadline and its answer (5.4.2).
    _workflow_fields = (
        'state', 'date_published', 'date_closed', 'publish_minutes', 'published_late',
        'response_state', 'date_response_requested', 'response_requested_by',
        'response_deadline', 'response_schedule_missing', 'date_responded',
    )

    title = fields.Char(required=True, track_visibility='onchange')
    kind = fields.Selection(KINDS, required=True, default='hot_topic', index=True,
                            track_visibility='onchange')
    region = fields.Char(help="Where it happens or whom it concerns, e.g. 哈尔滨市宾县.")
    department_id = fields.Many2one(
        'gov.department', 'Responding Body', index=True, ondelete='restrict',
        track_visibility='onchange',
        help="The government or department that gives the authoritative response.")
    statement = fields.Html(
        'Authoritative Statement', sanitize=True,
        help="Published as it is; once published it is not changed: corrections "
             "and new facts are follow-up updates.")
    summary = fields.Char(compute='_compute_summary')
    state = fields.Selection([
        ('draft', 'Draft'),
        ('published', 'Published'),
        ('closed', 'Closed'),
    ], required=True, default='draft', readonly=True, copy=False, index=True,
        track_visibility='onchange', group_expand='_expand_states')
    date_event = fields.Datetime(
        'Occurred On', track_visibility='onchange',
        help="When the emergency happened or became known: the statement is due "
             "within the publication time limit after it (5.4.1).")
    date_published = fields.Datetime(readonly=True, copy=False, index=True)
    date_closed = fields.Datetime(readonly=True, copy=False)
    update_ids = fields.One2many('gov.concern.update', 'concern_id', 'Timeline')
    update_count = fields.Integer('Updates', compute='_compute_updates')
    date_last_update = fields.Datetime('Last Update', compute='_compute_updates')
    url = fields.Char('Public Address', compute='_compute_url')

    # 5.4.1: published promptly.
    publish_due = fields.Datetime(
        'Publish By', compute='_compute_publish_due', store=True,
        help="Major emergencies: the time the event occurred plus the publication time limit (a setting).")
    publish_minutes = fields.Integer(
        'Minutes to Publication', readonly=True, copy=False,
        help="From the event to the publication of the statement.")
    published_late = fields.Boolean(readonly=True, copy=False)

    # 5.4.2: the competent department is asked for the authoritative response.
    response_state = fields.Selection([
        ('none', 'Not Requested'),
        ('requested', 'Requested'),
        ('responded', 'Responded'),
    ], 'Response', required=True, default='none', readonly=True, copy=False, index=True,
        track_visibility='onchange')
    date_response_requested = fields.Datetime('Response Requested On', readonly=True, copy=False)
    response_requested_by = fields.Many2one('res.users', readonly=True, copy=False)
    response_deadline = fields.Datetime(readonly=True, copy=False, track_visibility='onchange')
    response_schedule_missing = fields.Boolean(
        readonly=True, copy=False,
        help="The deadline reaches into a year without a holiday schedule: counted on weekends only.")
    date_responded = fields.Datetime('Responded On', readonly=True, copy=False)
    response_overdue = fields.Boolean(compute='_compute_response_overdue',
                                      search='_search_response_overdue')
    in_my_departments = fields.Boolean(compute='_compute_in_my_departments',
                                       search='_search_in_my_departments')

    # 5.4.3: what was pushed to the media.
    delivery_ids = fields.One2many('gov.concern.delivery', 'concern_id', 'Media Deliveries',
                                   groups=','.join(MANAGER_GROUPS))

    @api.model
    def _expand_states(self, states, domain, order):
        return [key for key, _label in self._fields['state'].selection]

    # ------------------------------------------------------------------
    # Computed fields
    # ------------------------------------------------------------------

    @api.depends('statement')
    def _compute_summary(self):
        for concern in self:
            concern.summary = _summary(concern.statement)

    @api.depends('update_ids.state', 'update_ids.date')
    def _compute_updates(self):
        for concern in self:
            published = concern.update_ids.filtered(lambda u: u.state == 'published')
            concern.update_count = len(published)
            concern.date_last_update = max(published.mapped('date')) if published else False

    @api.multi
    def _compute_url(self):
        for concern in self:
            concern.url = '/interaction/concerns/%s' % concern.id if concern.id else False

    @api.depends('kind', 'date_event')
    def _compute_publish_due(self):
        hours = _param_int(self.env, 'gov_concern.emergency_publish_hours', 5)
        for concern in self:
            if concern.kind == 'emergency' and concern.date_event:
                event = fields.Datetime.from_string(concern.date_event)
                concern.publish_due = fields.Datetime.to_string(event + datetime.timedelta(hours=hours))
            else:
                concern.publish_due = False

    @api.depends('response_state', 'response_deadline')
    def _compute_response_overdue(self):
        # Not stored: it depends on the clock (a stored flag would never refresh).
        now = fields.Datetime.now()
        for concern in self:
            concern.response_overdue = concern.response_state == 'requested' and \
                bool(concern.response_deadline) and concern.response_deadline < now

    @api.model
    def _search_response_overdue(self, operator, value):
        now = fields.Datetime.now()
        if (operator == '=') == bool(value):
            return ['&', ('response_state', '=', 'requested'), ('response_deadline', '<', now)]
        return ['|', ('response_state', '!=', 'requested'),
                '|', ('response_deadline', '=', False), ('response_deadline', '>=', now)]

    @api.multi
    def _compute_in_my_departments(self):
        departments = self.env.user.gov_visible_department_ids
        for concern in self:
            concern.in_my_departments = concern.department_id in departments

    @api.model
    def _search_in_my_departments(self, operator, value):
        ids = self.env.user.gov_visible_department_ids.ids
        positive = (operator == '=') == bool(value)
        return [('department_id', 'in' if positive else 'not in', ids)]

    @api.constrains('kind', 'date_event')
    def _check_date_event(self):
        now = fields.Datetime.now()
        for concern in self:
            if concern.date_event and concern.date_event > now:
                raise ValidationError(_("The emergency cannot have occurred in the future."))

    # ------------------------------------------------------------------
    # Who may do what
    # ------------------------------------------------------------------

    def _is_manager(self, user=None):
        """Clerks, supervisors and the general office manage concerns."""
        user = user or self.env.user
        return user.id == SUPERUSER_ID or any(user.has_group(group) for group in MANAGER_GROUPS)

    @api.multi
    def _require_manager(self, message):
        if not self._is_manager():
            raise UserError(message)

    @api.multi
    def _require_department_user(self):
        """A user of the responding department (or a manager of concerns)."""
        user = self.env.user
        for concern in self:
            if self._is_manager(user):
                continue
            if not user.has_group('gov_interaction.group_gov_handler') or \
                    concern.department_id not in user.gov_visible_department_ids:
                raise UserError(_("Only the responding department can respond to “%s”.") % concern.title)

    @api.multi
    def _require_publisher(self):
        """Clerks and supervisors publish; so does the manager of the
        responding body, which speaks for itself (5.4.1: promptly)."""
        user = self.env.user
        for concern in self:
            if self._is_manager(user) or user.has_group('gov_interaction.group_gov_admin'):
                continue
            if user not in concern.department_id._managers_upwards():
                raise UserError(_("Only a clerk, a supervisor or the manager of the responding "
                                  "body can publish for “%s”.") % concern.title)

    @api.multi
    def _require_state(self, *states):
        labels = dict(self._fields['state']._description_selection(self.env))
        for concern in self:
            if concern.state not in states:
                raise UserError(_("“%(title)s” is %(state)s: this cannot be done now.") % {
                    'title': concern.title, 'state': labels[concern.state]})

    @api.model
    def create(self, vals):
        if not self._is_manager():
            raise AccessError(_("Only clerks and supervisors create public concerns."))
        concern = super(GovConcern, self).create(vals)
        if concern.kind == 'emergency':
            concern._schedule_publication()
        return concern

    @api.multi
    def write(self, vals):
        if PUBLISHED_FIELDS & set(vals) and any(concern.state in PUBLIC_STATES for concern in self):
            raise UserError(_("A published statement is not changed: publish a follow-up "
                              "update with the correction or the new facts."))
        if self.env.uid != SUPERUSER_ID and not self._is_manager() and set(vals) - DEPARTMENT_FIELDS:
            raise AccessError(_("The responding department writes the statement; the other "
                                "fields are managed by clerks and supervisors."))
        moved = self.browse()
        if 'department_id' in vals:
            moved = self.filtered(lambda c: c.response_state == 'requested'
                                  and c.department_id.id != vals['department_id'])
            for concern in moved:
                # The old department no longer answers, nor follows.
                manager, members = concern._department_users()
                concern.sudo().message_unsubscribe(partner_ids=(manager | members).mapped('partner_id').ids)
        result = super(GovConcern, self).write(vals)
        if moved:
            moved.sudo().activity_feedback(['gov_concern.mail_activity_type_response'])
            moved.sudo()._transition().write({'response_state': 'none'})
            moved.action_request_response()
        return result

    @api.multi
    def unlink(self):
        if any(concern.state != 'draft' for concern in self):
            raise UserError(_("A published concern stays on record: close it instead."))
        return super(GovConcern, self).unlink()

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------

    @api.multi
    def _schedule_activity(self, xmlid, summary, user, deadline=None, note=None):
        if not user:
            return
        for concern in self:
            concern.sudo().activity_schedule(
                xmlid, summary=summary, note=note, user_id=user.id,
                date_deadline=fields.Date.to_string(concern._local_date(deadline)))

    @api.multi
    def _department_users(self):
        """The manager (nearest upwards) and the members of the responding body."""
        self.ensure_one()
        department = self.department_id.sudo()
        return department._managers_upwards()[:1], department.member_ids

    @api.multi
    def _schedule_publication(self):
        """5.4.1: the statement on a major emergency is due at once."""
        for concern in self:
            manager, members = concern._department_users()
            concern._schedule_activity(
                'gov_concern.mail_activity_type_publish', _('Publish the statement'),
                manager or members[:1] or self.env.user, concern.publish_due)

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    @api.multi
    def action_request_response(self):
        """5.4.2: ask the competent department for the authoritative
        response, due in working days (a setting) on its calendar."""
        self._require_manager(_("Only clerks and supervisors ask departments for a response."))
        self._require_state('draft', 'published')
        days = _param_int(self.env, 'gov_concern.response_days', 2)
        now = fields.Datetime.now()
        for concern in self:
            if not concern.department_id:
                raise UserError(_("Choose the responding body of “%s” first.") % concern.title)
            if concern.response_state == 'requested':
                raise UserError(_("A response to “%s” is already requested.") % concern.title)
            calendar = concern.department_id.sudo().calendar_id
            deadline, missing = calendar._deadline(fields.Datetime.from_string(now), days)
            concern.sudo()._transition().write({
                'response_state': 'requested',
                'date_response_requested': now,
                'response_requested_by': self.env.uid,
                'response_deadline': fields.Datetime.to_string(deadline),
                'response_schedule_missing': bool(missing),
                'date_responded': False,
            })
            manager, members = concern._department_users()
            concern.sudo().message_subscribe(partner_ids=(manager | members).mapped('partner_id').ids)
            summary = _('Give the authoritative response by %s') % concern._local(concern.response_deadline)
            concern._schedule_activity('gov_concern.mail_activity_type_response', summary,
                                       manager or members[:1], concern.response_deadline)
            concern.message_post(
                body=_('%(department)s is asked for the authoritative response, due %(deadline)s.') % {
                    'department': concern.department_id.sudo().name,
                    'deadline': concern._local(concern.response_deadline)},
                subtype='mail.mt_comment', message_type='notification')
        return True

    @api.multi
    def action_submit_response(self):
        """5.4.2: the department has written the statement (its response)."""
        self._require_department_user()
        for concern in self:
            if concern.response_state != 'requested':
                raise UserError(_("No response to “%s” is requested.") % concern.title)
            if not _text(concern.statement):
                raise UserError(_("Write the statement of “%s” first.") % concern.title)
            concern.sudo()._transition().write({'response_state': 'responded',
                                                'date_responded': fields.Datetime.now()})
            concern.sudo().activity_feedback(['gov_concern.mail_activity_type_response'])
            if concern.state == 'draft':
                concern._schedule_activity(
                    'gov_concern.mail_activity_type_publish', _('Publish the response'),
                    concern.sudo().response_requested_by)
        return True

    @api.multi
    def action_publish(self):
        """Publish the statement (5.4.1) and push it to the media (5.4.3)."""
        self._require_state('draft')
        self._require_publisher()
        now = fields.Datetime.now()
        for concern in self:
            missing = []
            if not concern.department_id:
                missing.append(_('the responding body'))
            if not _text(concern.statement):
                missing.append(_('the statement'))
            if concern.kind == 'emergency' and not concern.date_event:
                missing.append(_('when the emergency occurred'))
            if missing:
                raise UserError(_("“%(title)s” cannot be published without %(missing)s.") % {
                    'title': concern.title, 'missing': ', '.join(missing)})
            values = {'state': 'published', 'date_published': now}
            if concern.kind == 'emergency':
                event = fields.Datetime.from_string(concern.date_event)
                delay = fields.Datetime.from_string(now) - event
                values['publish_minutes'] = int(delay.total_seconds() // 60)
                values['published_late'] = bool(concern.publish_due) and now > concern.publish_due
            concern.sudo()._transition().write(values)
            concern.sudo().activity_feedback(['gov_concern.mail_activity_type_publish'])
            self.env['gov.concern.delivery'].sudo()._queue(concern)
        return True

    @api.multi
    def action_close(self):
        self._require_manager(_("Only clerks and supervisors close a concern."))
        self._require_state('published')
        self.sudo()._transition().write({'state': 'closed', 'date_closed': fields.Datetime.now()})
        self.sudo().activity_feedback(['gov_concern.mail_activity_type_response',
                                       'gov_concern.mail_activity_type_publish',
                                       'gov_concern.mail_activity_type_update'])
        return True

    @api.model
    def _cron_remind_updates(self):
        """5.4.1: a published emergency with no news for a while (a setting,
        24 hours by default) gets an activity for the responding body: publish
        how things develop, or have the concern closed."""
        hours = _param_int(self.env, 'gov_concern.emergency_update_hours', 24)
        limit = fields.Datetime.to_string(datetime.datetime.utcnow() - datetime.timedelta(hours=hours))
        reminder = self.env.ref('gov_concern.mail_activity_type_update')
        concerns = self.sudo().search([('state', '=', 'published'), ('kind', '=', 'emergency'),
                                       ('date_published', '<=', limit)])
        reminded = self.browse()
        for concern in concerns:
            published = concern.update_ids.filtered(lambda u: u.state == 'published')
            if max([concern.date_published] + published.mapped('date_published')) > limit:
                continue
            if concern.activity_ids.filtered(lambda a: a.activity_type_id == reminder):
                continue
            manager, members = concern._department_users()
            concern._schedule_activity(
                'gov_concern.mail_activity_type_update',
                _('No update for %s hours: publish how things develop, or have the concern closed')
                % hours, manager or members[:1] or concern.create_uid)
            reminded |= concern
        return reminded

    @api.multi
    def action_reopen(self):
        self._require_manager(_("Only clerks and supervisors reopen a concern."))
        self._require_state('closed')
        self.sudo()._transition().write({'state': 'published', 'date_closed': False})
        return True

    # ------------------------------------------------------------------
    # Public representation (website, API, media push)
    # ------------------------------------------------------------------

    @api.model
    def _public_domain(self, kind=None):
        domain = [('state', 'in', PUBLIC_STATES)]
        if kind:
            domain.append(('kind', '=', kind))
        return domain

    @api.multi
    def _public_updates(self):
        """The published updates, newest first."""
        self.ensure_one()
        return self.sudo().update_ids.filtered(lambda u: u.state == 'published').sorted(
            key=lambda u: (u.date, u.id), reverse=True)

    @api.multi
    def _public_data(self, timeline=False):
        """What anyone may read about a published concern: never internal
        notes, requests or who wrote it."""
        self.ensure_one()
        concern = self.sudo()
        kinds = dict(concern._fields['kind']._description_selection(self.env))
        states = dict(concern._fields['state']._description_selection(self.env))
        data = {
            'id': concern.id,
            'title': concern.title,
            'kind': concern.kind,
            'kind_name': kinds[concern.kind],
            'region': concern.region or None,
            'responding_body': concern.department_id.name or None,
            'state': concern.state,
            'state_name': states[concern.state],
            'date_event': _iso_utc(concern.date_event) if concern.kind == 'emergency' else None,
            'date_published': _iso_utc(concern.date_published),
            'date_closed': _iso_utc(concern.date_closed),
            'date_last_update': _iso_utc(concern.date_last_update),
            'update_count': concern.update_count,
            'summary': concern.summary,
            'url': concern._absolute_url(),
        }
        if timeline:
            data['statement'] = {'html': concern.statement or '', 'text': _text(concern.statement)}
            data['timeline'] = [update._public_data() for update in concern._public_updates()]
        return data

    @api.multi
    def _absolute_url(self, anchor=None):
        self.ensure_one()
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url', '').rstrip('/')
        return '%s%s%s' % (base, self.url, '#' + anchor if anchor else '')

    @api.multi
    def _push_payload(self, update=None):
        """The JSON body pushed to media channels for the statement or an
        update, in Chinese (the media's language)."""
        self.ensure_one()
        concern = self.with_context(lang='zh_CN')
        data = {
            'event': 'concern.update' if update else 'concern.statement',
            'concern': concern._public_data(),
        }
        if update:
            data['update'] = update.with_context(lang='zh_CN')._public_data()
        else:
            data['statement'] = {'html': self.sudo().statement or '', 'text': _text(self.sudo().statement)}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @api.model
    def _atom_feed(self, limit=FEED_ENTRIES):
        """The Atom feed (RFC 4287) of published statements and updates,
        newest publication first, for media and other sites to follow (5.4.3)."""
        Concern = self.sudo().with_context(lang='zh_CN')
        env = Concern.env
        concerns = Concern.search(Concern._public_domain(), order='date_published desc', limit=limit)
        updates = env['gov.concern.update'].search(
            [('state', '=', 'published'), ('concern_id.state', 'in', PUBLIC_STATES)],
            order='date_published desc, id desc', limit=limit)
        entries = sorted(
            [(concern.date_published, concern, None) for concern in concerns]
            + [(update.date_published, update.concern_id, update) for update in updates],
            key=lambda entry: entry[0], reverse=True)[:limit]
        base = env['ir.config_parameter'].get_param('web.base.url', '').rstrip('/')
        column = env.ref('gov_interaction.column_concern')

        def add(parent, tag, text=None, **attributes):
            element = etree.SubElement(parent, '{%s}%s' % (ATOM_NS, tag), attributes)
            if text is not None:
                element.text = text
            return element

        feed = etree.Element('{%s}feed' % ATOM_NS, nsmap={None: ATOM_NS})
        feed.set('{http://www.w3.org/XML/1998/namespace}lang', 'zh-CN')
        add(feed, 'id', base + '/interaction/concerns')
        add(feed, 'title', '%s · %s' % (column.name, env.user.company_id.name))
        add(feed, 'updated', _iso_utc(entries[0][0] if entries else fields.Datetime.now()))
        add(feed, 'link', rel='self', type='application/atom+xml',
            href=base + '/interaction/concerns/feed.atom')
        add(feed, 'link', rel='alternate', type='text/html', href=base + '/interaction/concerns')
        add(add(feed, 'author'), 'name', env.user.company_id.name)
        kinds = dict(Concern._fields['kind']._description_selection(env))
        for published, concern, update in entries:
            entry = add(feed, 'entry')
            url = concern._absolute_url('update-%s' % update.id if update else None)
            add(entry, 'id', url)
            add(entry, 'title', '%s：%s' % (concern.title, update.title) if update else concern.title)
            add(entry, 'published', _iso_utc(published))
            add(entry, 'updated', _iso_utc(published))
            add(entry, 'link', rel='alternate', type='text/html', href=url)
            add(add(entry, 'author'), 'name', concern.department_id.name or env.user.company_id.name)
            add(entry, 'category', term=concern.kind, label=kinds[concern.kind])
            html = update.body if update else concern.statement
            add(entry, 'summary', _summary(html))
            add(entry, 'content', html or '', type='html')
        return etree.tostring(feed, xml_declaration=True, encoding='utf-8')

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.multi
    def _local_moment(self, value):
        local = fields.Datetime.context_timestamp(
            self.with_context(tz='Asia/Shanghai'), fields.Datetime.from_string(value))
        return local

    @api.multi
    def _local(self, value):
        """A UTC datetime string as Beijing time, for people."""
        return self._local_moment(value).strftime('%Y-%m-%d %H:%M') if value else ''

    @api.multi
    def _local_date(self, value=None):
        return self._local_moment(value or fields.Datetime.now()).date()
