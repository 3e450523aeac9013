# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrCron(models.Model):
    """Scheduled jobs work in their user's language: their reminders, levels
    and chatter lines ("催办：已逾期") were half English, Odoo giving a job
    no language at all."""

    _inherit = 'ir.cron'

    @api.model
    def _callback(self, cron_name, server_action_id, job_id):
        cron = self
        if not self.env.context.get('lang') and self.env.user.lang:
            cron = self.with_context(lang=self.env.user.lang)
        return super(IrCron, cron)._callback(cron_name, server_action_id, job_id)
