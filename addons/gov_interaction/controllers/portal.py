# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class InteractionPortal(CustomerPortal):
    """/my: the citizen's own items from every column (4.1.3).

    /my/account asks what a government site asks of a citizen: name and
    mobile phone, optionally email and address; no company, VAT number,
    country or state (views/account_templates.xml)."""

    MANDATORY_BILLING_FIELDS = ['name', 'phone']
    OPTIONAL_BILLING_FIELDS = ['email', 'street', 'city', 'zipcode']

    def _gov_portal_sections(self):
        partner = request.env.user.partner_id
        sections = []
        for column in request.env['gov.interaction.column'].search([('special', '=', False)]):
            sections.append({'column': column, 'items': column._portal_items(partner)})
        return sections

    def _prepare_portal_layout_values(self):
        values = super(InteractionPortal, self)._prepare_portal_layout_values()
        values['gov_item_count'] = sum(len(s['items']) for s in self._gov_portal_sections())
        return values

    @http.route('/my/interaction', type='http', auth='user', website=True)
    def my_interaction(self, **kwargs):
        values = self._prepare_portal_layout_values()
        values.update({'sections': self._gov_portal_sections(), 'page_name': 'gov_interaction'})
        return request.render('gov_interaction.portal_my_interaction', values)
