# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public concern (回应关切, clause 5.4): its definition, the fields every
concern shares, create and write, the checks of who may press a button, the
activities and Beijing time.  The concerns add to it in their own files:
publication and the push to the media (5.4.1, 5.4.3), the follow-up timeline
and its reminder (5.4.1), the authoritative response (5.4.2) and the public
representation: website, API and Atom feed (5.4.3)."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.gov_interaction.tools import html_text, local_moment

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
    return html_text(html)


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
    in_my_departments = fields.Boolean(compute='_compute_in_my_departments',
                                       search='_search_in_my_departments')

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

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.multi
    def _local_moment(self, value):
        """A UTC datetime as an aware datetime in the time zone of the
        department's calendar (the national one without a department)."""
        return local_moment(self.env, value, calendar=self[:1].sudo().department_id.calendar_id)

    @api.multi
    def _local(self, value):
        """A UTC datetime string as local (Beijing) time, for people."""
        return self._local_moment(value).strftime('%Y-%m-%d %H:%M') if value else ''

    @api.multi
    def _local_date(self, value=None):
        return self._local_moment(value or fields.Datetime.now()).date()
