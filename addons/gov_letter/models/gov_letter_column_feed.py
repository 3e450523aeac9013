# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The 咨询投诉 column (4.1.1) is fed by letters: a writer finds its
letters under /my (4.1.3).  The column's public items are the published
letters, which gov_letter_publication provides (5.3.8): a letter itself is
never listed."""
from odoo import api, fields, models


class GovLetter(models.Model):
    _name = 'gov.letter'
    _inherit = ['gov.letter', 'gov.column.feed']

    @api.model
    def _column_portal_items(self, column, partner):
        items = super(GovLetter, self)._column_portal_items(column, partner)
        letters = self.sudo().search([('partner_id', '=', partner.id)])
        states = dict(self._fields['state']._description_selection(self.env))
        return items + [{
            'title': '%s %s' % (letter.number, letter.title),
            'url': '/interaction/letters/query?number=%s' % letter.number,
            'date': fields.Datetime.from_string(letter.date_received).date().isoformat(),
            'state': states[letter.state],
        } for letter in letters]
