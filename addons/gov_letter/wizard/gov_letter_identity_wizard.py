# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovLetterIdentityWizard(models.TransientModel):
    """Shows a writer's identity once, after the read was logged."""

    _name = 'gov.letter.identity.wizard'
    _description = 'Letter Writer Identity'

    letter_id = fields.Many2one('gov.letter', required=True, ondelete='cascade', readonly=True)
    writer_name = fields.Char(readonly=True)
    writer_phone = fields.Char(readonly=True)
    writer_id_number = fields.Char('Writer ID Number', readonly=True)
    writer_email = fields.Char(readonly=True)
    writer_address = fields.Char(readonly=True)
