# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class MailComposeMessage(models.TransientModel):
    """The composer's modes in the user's language: Odoo lists them in
    English only (a function's list, which no translation reaches).  The
    survey's Share wizard inherits them."""

    _inherit = 'mail.compose.message'

    composition_mode = fields.Selection(selection='_get_composition_mode_selection')

    @api.model
    def _get_composition_mode_selection(self):
        return [('comment', _('Post on a document')),
                ('mass_mail', _('Email Mass Mailing')),
                ('mass_post', _('Post on Multiple Documents'))]
