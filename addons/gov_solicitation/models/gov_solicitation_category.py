# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GovSolicitationCategory(models.Model):
    """A class of opinions, defined by the staff for one solicitation (5.1.4)."""

    _name = 'gov.solicitation.category'
    _description = 'Opinion Category'
    _order = 'sequence, id'

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    solicitation_id = fields.Many2one('gov.solicitation', required=True, ondelete='cascade',
                                      index=True)
    opinion_count = fields.Integer('Opinions', compute='_compute_opinion_count')

    _sql_constraints = [
        ('name_unique', 'unique(solicitation_id, name)',
         'This solicitation already has a category with this name.'),
    ]

    @api.multi
    def _compute_opinion_count(self):
        data = self.env['gov.solicitation.opinion'].sudo().read_group(
            [('category_id', 'in', self.ids)], ['category_id'], ['category_id'])
        counts = {row['category_id'][0]: row['category_id_count'] for row in data}
        for category in self:
            category.opinion_count = counts.get(category.id, 0)
