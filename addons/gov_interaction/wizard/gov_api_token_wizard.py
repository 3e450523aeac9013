# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class GovApiTokenWizard(models.TransientModel):
    """Creates a personal API token for oneself (Preferences) and shows it once."""

    _name = 'gov.api.token.wizard'
    _description = 'New Personal API Token'

    name = fields.Char('Label', required=True, help="Where the token is used, e.g. the WeChat mini-program.")
    expires = fields.Datetime('Expires On', help="Empty: until revoked.")
    token = fields.Char(readonly=True)

    @api.multi
    def action_generate(self):
        self.ensure_one()
        record, token = self.env['gov.api.token'].generate(self.name, self.expires)
        # The token goes to a new, unsaved wizard through the context, so it
        # is never stored in clear, not even in this transient table.
        return {
            'type': 'ir.actions.act_window',
            'name': _("Your New API Token"),
            'res_model': self._name,
            'view_mode': 'form',
            'views': [(self.env.ref('gov_interaction.gov_api_token_wizard_view_form_token').id, 'form')],
            'target': 'new',
            'context': {
                'default_name': record.name, 'default_expires': record.expires, 'default_token': token},
        }
