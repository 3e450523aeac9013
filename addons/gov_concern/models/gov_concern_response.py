# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.4.2: the competent department is asked for the authoritative response,
due in working days (a setting) on its calendar; it writes the statement,
and whoever asked gets an activity to publish it."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .gov_concern import _param_int, _text


class GovConcern(models.Model):
    _inherit = 'gov.concern'  # pylint: disable=consider-merging-classes-inherited

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
