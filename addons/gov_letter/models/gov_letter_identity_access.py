# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovLetterIdentityAccess(models.Model):
    """Who saw the identity of which letter's writer, and when (5.3.10).
    Written by the system only (gov.letter.action_show_identity)."""

    _name = 'gov.letter.identity.access'
    _description = 'Letter Writer Identity Access'
    _order = 'date desc, id desc'
    _rec_name = 'letter_id'

    letter_id = fields.Many2one('gov.letter', required=True, ondelete='cascade', index=True)
    user_id = fields.Many2one('res.users', required=True, ondelete='restrict', index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
