# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    gov_interview_minimum_per_year = fields.Integer(
        'Interviews per Government and Year', default=12,
        config_parameter='gov_interview.minimum_per_year',
        help="Each level of government holds at least this many online interviews a year (5.2.2).")
