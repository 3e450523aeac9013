# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Solicitations feed the 意见征集 column (4.1.1, 5.1.1): the published
ones are its items; a citizen's opinions are its items under /my (4.1.3)."""
from odoo import _, api, models

from odoo.addons.gov_interaction.tools import local_date


class GovSolicitation(models.Model):
    _name = 'gov.solicitation'
    _inherit = ['gov.solicitation', 'gov.column.feed']

    @api.model
    def _column_latest_items(self, column, limit=5):
        items = super(GovSolicitation, self)._column_latest_items(column, limit)
        solicitations = self.sudo().search([('state', '!=', 'draft')], limit=limit)
        return items + [{
            'title': solicitation.name,
            'url': '/interaction/solicitations/%s' % solicitation.id,
            'date': local_date(self.env, solicitation.date_start),
        } for solicitation in solicitations]

    @api.model
    def _column_portal_items(self, column, partner):
        items = super(GovSolicitation, self)._column_portal_items(column, partner)
        opinions = self.env['gov.solicitation.opinion'].sudo().search(
            [('partner_id', '=', partner.id)])
        decisions = dict(opinions._fields['decision']._description_selection(self.env))
        return items + [{
            'title': '%s: %s' % (opinion.solicitation_id.name, opinion.display_title),
            'url': '/interaction/solicitations/%s' % opinion.solicitation_id.id,
            'date': local_date(self.env, opinion.date),
            'state': decisions.get(opinion.decision)
            if opinion.solicitation_id.state == 'published' and opinion.decision
            else _('Received'),
        } for opinion in opinions]
