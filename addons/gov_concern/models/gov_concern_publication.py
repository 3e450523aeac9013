# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.4.1: the statement on a major emergency is due within the publication
time limit after the event (a setting, 5 hours by default): an activity asks
for it, and how late it came is kept.  Publishing the statement pushes it to
the media (5.4.3); a published concern is closed, and may be reopened."""
import datetime
import json

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .gov_concern import MANAGER_GROUPS, _param_int, _text


class GovConcern(models.Model):
    _inherit = 'gov.concern'  # pylint: disable=consider-merging-classes-inherited

    # 5.4.1: published promptly.
    publish_due = fields.Datetime(
        'Publish By', compute='_compute_publish_due', store=True,
        help="Major emergencies: the time the event occurred plus the publication time limit (a setting).")
    publish_minutes = fields.Integer(
        'Minutes to Publication', readonly=True, copy=False,
        help="From the event to the publication of the statement.")
    published_late = fields.Boolean(readonly=True, copy=False)

    # 5.4.3: what was pushed to the media.
    delivery_ids = fields.One2many('gov.concern.delivery', 'concern_id', 'Media Deliveries',
                                   groups=','.join(MANAGER_GROUPS))

    @api.depends('kind', 'date_event')
    def _compute_publish_due(self):
        hours = _param_int(self.env, 'gov_concern.emergency_publish_hours', 5)
        for concern in self:
            if concern.kind == 'emergency' and concern.date_event:
                event = fields.Datetime.from_string(concern.date_event)
                concern.publish_due = fields.Datetime.to_string(event + datetime.timedelta(hours=hours))
            else:
                concern.publish_due = False

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

    @api.multi
    def action_reopen(self):
        self._require_manager(_("Only clerks and supervisors reopen a concern."))
        self._require_state('closed')
        self.sudo()._transition().write({'state': 'published', 'date_closed': False})
        return True

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
