# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

MINIMUM_KEY = 'gov_interview.minimum_per_year'


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    gov_interview_minimum_per_year = fields.Integer(
        'Interviews per Government and Year', default=12,
        help="Each level of government holds at least this many online interviews a year (5.2.2).")

    @api.model
    def get_values(self):
        values = super(ResConfigSettings, self).get_values()
        values['gov_interview_minimum_per_year'] = int(
            self.env['ir.config_parameter'].sudo().get_param(MINIMUM_KEY, '12') or 12)
        return values

    @api.multi
    def set_values(self):
        result = super(ResConfigSettings, self).set_values()
        self.env['ir.config_parameter'].sudo().set_param(
            MINIMUM_KEY, str(max(self.gov_interview_minimum_per_year, 1)))
        return result
