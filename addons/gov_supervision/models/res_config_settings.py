# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    gov_sla_warning_days = fields.Integer(
        'Warning Days', config_parameter='gov_supervision.warning_days', default=2,
        help="An open item turns to Warning this many working days before its deadline.")
    gov_supervision_response_days = fields.Integer(
        'Supervision Response Days', config_parameter='gov_supervision.response_days', default=3,
        help="Working days a department has to respond to a supervision (督办).")
