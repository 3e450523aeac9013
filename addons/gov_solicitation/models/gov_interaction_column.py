# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models

from ..tools import local_date


class GovInteractionColumn(models.Model):
    _inherit = 'gov.interaction.column'

    def _latest_items(self, limit=5):
        items = super(GovInteractionColumn, self)._latest_items(limit)
        if self.code != 'solicitation':
            return items
        solicitations = self.env['gov.solicitation'].sudo().search(
            [('state', '!=', 'draft')], limit=limit)
        return items + [{
            'title': solicitation.name,
            'url': '/interaction/solicitations/%s' % solicitation.id,
            'date': local_date(solicitation.date_start),
        } for solicitation in solicitations]

    def _portal_items(self, partner):
        items = super(GovInteractionColumn, self)._portal_items(partner)
        if self.code != 'solicitation':
            return items
        opinions = self.env['gov.solicitation.opinion'].sudo().search(
            [('partner_id', '=', partner.id)])
        decisions = dict(opinions._fields['decision']._description_selection(self.env))
        result = []
        for opinion in opinions:
            published = opinion.solicitation_id.state == 'published'
            result.append({
                'title': '%s: %s' % (opinion.solicitation_id.name, opinion.display_title),
                'url': '/interaction/solicitations/%s' % opinion.solicitation_id.id,
                'date': local_date(opinion.date),
                'state': decisions.get(opinion.decision) if published and opinion.decision
                else _('Received'),
            })
        return items + result

    def _solicitation_sections(self):
        """The column page's lists: open solicitations first, then past ones."""
        Solicitation = self.env['gov.solicitation'].sudo()
        return {
            'open': Solicitation.search([('state', '=', 'open')], order='date_end, id'),
            'past': Solicitation.search([('state', 'in', ('closed', 'published'))],
                                        order='date_end desc, id desc', limit=50),
        }
