# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovLetterCategory(models.Model):
    """What a letter is about: the matters of clause 5.3.1 a-f."""

    _name = 'gov.letter.category'
    _description = 'Letter Category'
    _order = 'sequence, code'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Item of clause 5.3.1, e.g. 'a'.")
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The code of a letter category must be unique.'),
    ]
