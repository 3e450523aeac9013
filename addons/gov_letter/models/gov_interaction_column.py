# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovInteractionColumn(models.Model):
    _inherit = 'gov.interaction.column'

    def _latest_items(self, limit=5):
        items = super(GovInteractionColumn, self)._latest_items(limit)
        if self.code != 'letter':
            return items
        # Published replies only (5.3.9), never who wrote (5.3.10).
        letters = self.env['gov.letter'].sudo().search(
            [('state', '=', 'replied'), ('publish_reply', '=', True)],
            order='date_replied desc, id desc', limit=limit)
        return items + [{
            'title': letter.title,
            'url': '/interaction/letters/%s' % letter.number,
            'date': fields.Datetime.from_string(letter.date_replied).date().isoformat(),
        } for letter in letters]

    def _portal_items(self, partner):
        items = super(GovInteractionColumn, self)._portal_items(partner)
        if self.code != 'letter':
            return items
        letters = self.env['gov.letter'].sudo().search([('partner_id', '=', partner.id)])
        states = dict(self.env['gov.letter']._fields['state']._description_selection(self.env))
        return items + [{
            'title': '%s %s' % (letter.number, letter.title),
            'url': '/interaction/letters/query?number=%s' % letter.number,
            'date': fields.Datetime.from_string(letter.date_received).date().isoformat(),
            'state': states[letter.state],
        } for letter in letters]
