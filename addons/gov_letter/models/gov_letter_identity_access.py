# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GovLetterIdentityAccess(models.Model):
    """Who saw the identity of which letter's writer, when and how (5.3.10).
    Written by the system only: Show Identity, and every read, export or
    search of the raw identity fields by those who may (administrators)."""

    _name = 'gov.letter.identity.access'
    _description = 'Letter Writer Identity Access'
    _order = 'date desc, id desc'
    _rec_name = 'letter_id'

    letter_id = fields.Many2one('gov.letter', ondelete='cascade', index=True,
                                help="Empty for a search over all letters.")
    user_id = fields.Many2one('res.users', required=True, ondelete='restrict', index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    operation = fields.Selection([
        ('show', 'Show Identity'),
        ('read', 'Read'),
        ('export', 'Export'),
        ('search', 'Search, Group or Sort'),
    ], required=True, default='show')
    field_names = fields.Char('Fields', help="The identity fields used (never their values).")

    @api.model
    def _log(self, letter_ids, user_id, operation, field_names):
        """One line per letter (``None`` for a search), in one statement:
        an export of many letters stays fast."""
        self.env.cr.execute("""
            INSERT INTO gov_letter_identity_access
                   (letter_id, user_id, date, operation, field_names,
                    create_uid, create_date, write_uid, write_date)
            SELECT unnest(%s::int[]), %s, now() at time zone 'UTC', %s, %s,
                   %s, now() at time zone 'UTC', %s, now() at time zone 'UTC'
        """, (list(letter_ids), user_id, operation, field_names, user_id, user_id))
