# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovLetterQueryCodeWizard(models.TransientModel):
    """Shows a newly issued query code once, to the clerk who reads it out
    to a writer who phoned, wrote or came in (only its hash is kept)."""

    _name = 'gov.letter.query.code.wizard'
    _description = 'Letter Query Code'

    letter_id = fields.Many2one('gov.letter', required=True, ondelete='cascade', readonly=True)
    number = fields.Char(related='letter_id.number', readonly=True)
    query_code = fields.Char(readonly=True)
