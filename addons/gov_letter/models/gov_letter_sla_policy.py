# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools

from .gov_letter import LETTER_TYPES


class GovLetterSlaPolicy(models.Model):
    """Working days for the reply (5.3.3) and for a transfer request (5.3.6),
    by category and/or letter type; the most specific match wins."""

    _name = 'gov.letter.sla.policy'
    _inherit = 'gov.process.cache.mixin'  # _find_id
    _description = 'Letter Service Level Policy'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one('gov.letter.category', ondelete='cascade',
                                  help="Empty: every category.")
    letter_type = fields.Selection(LETTER_TYPES, help="Empty: every type.")
    reply_days = fields.Integer('Reply (working days)', default=5, required=True,
                                help="Working days from acceptance to the reply (5.3.3).")
    transfer_days = fields.Integer('Transfer request (working days)', default=2, required=True,
                                   help="Working days from assignment within which the department "
                                        "may ask for a transfer (5.3.6).")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('days_positive', 'check(reply_days >= 0 and transfer_days >= 0)',
         'Working days cannot be negative.'),
    ]

    @api.model
    def _find(self, category, letter_type):
        """The policy for a category and a type: one that names both beats
        one that names the category, which beats one that names the type,
        which beats the default (neither); ties go to the sequence."""
        return self.browse(self._find_id(category.id, letter_type or False))

    @api.model
    @tools.ormcache('category_id', 'letter_type')
    def _find_id(self, category_id, letter_type):
        """:meth:`_find` by ids, kept until a policy changes (every letter
        received asks, 5.3.1)."""
        best, best_score = False, -1
        for policy in self.sudo().search([('active', '=', True)]):
            if policy.category_id and policy.category_id.id != category_id:
                continue
            if policy.letter_type and policy.letter_type != letter_type:
                continue
            score = 2 * bool(policy.category_id) + bool(policy.letter_type)
            if score > best_score:
                best, best_score = policy.id, score
        return best
