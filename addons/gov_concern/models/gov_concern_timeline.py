# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.4.1: follow-up updates as things develop, the timeline of the
statement; a published emergency without news for a while gets a reminder."""
import datetime

from odoo import _, api, fields, models

from .gov_concern import _param_int


class GovConcern(models.Model):
    _inherit = 'gov.concern'  # pylint: disable=consider-merging-classes-inherited

    update_ids = fields.One2many('gov.concern.update', 'concern_id', 'Timeline')
    update_count = fields.Integer('Updates', compute='_compute_updates')
    date_last_update = fields.Datetime('Last Update', compute='_compute_updates')

    @api.depends('update_ids.state', 'update_ids.date')
    def _compute_updates(self):
        for concern in self:
            published = concern.update_ids.filtered(lambda u: u.state == 'published')
            concern.update_count = len(published)
            concern.date_last_update = max(published.mapped('date')) if published else False

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
