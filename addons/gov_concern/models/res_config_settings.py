# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .gov_concern import _param_int

# field: (system parameter, default)
PARAMETERS = {
    'concern_response_days': ('gov_concern.response_days', 2),
    'concern_emergency_publish_hours': ('gov_concern.emergency_publish_hours', 5),
    'concern_emergency_update_hours': ('gov_concern.emergency_update_hours', 24),
    'concern_webhook_timeout': ('gov_concern.webhook_timeout', 5),
    'concern_webhook_retry_seconds': ('gov_concern.webhook_retry_seconds', 120),
    'concern_webhook_max_attempts': ('gov_concern.webhook_max_attempts', 8),
}


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    concern_response_days = fields.Integer(
        'Response Time (working days)',
        help="Working days a department has to give the authoritative response on a hot topic (5.4.2).")
    concern_emergency_publish_hours = fields.Integer(
        'Emergency Statement Time Limit (hours)',
        help="Hours after a major emergency within which its statement is due (5.4.1).")
    concern_emergency_update_hours = fields.Integer(
        'Emergency Update Reminder (hours)',
        help="A published major emergency without a new update for this long gets a reminder (5.4.1).")
    concern_webhook_timeout = fields.Integer(
        'Media Endpoint Timeout (seconds)', help="How long to wait for a media endpoint to answer.")
    concern_webhook_retry_seconds = fields.Integer(
        'First Retry After (seconds)', help="Each further retry waits twice as long.")
    concern_webhook_max_attempts = fields.Integer(
        'Attempts Before Giving Up', help="A delivery is marked failed after this many attempts.")

    @api.model
    def get_values(self):
        values = super(ResConfigSettings, self).get_values()
        for name, (key, default) in PARAMETERS.items():
            values[name] = _param_int(self.env, key, default)
        return values

    @api.multi
    def set_values(self):
        res = super(ResConfigSettings, self).set_values()
        parameters = self.env['ir.config_parameter'].sudo()
        for name, (key, default) in PARAMETERS.items():
            value = self[name]
            parameters.set_param(key, str(value if value and value > 0 else default))
        return res
