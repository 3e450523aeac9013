# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX download of the opinions with their adoption decisions (5.1.5);
the back office's button writes the same file in the background."""
from odoo import http

from odoo.addons.gov_interaction.tools import readable, refused, xlsx_response


class SolicitationExport(http.Controller):

    @http.route('/gov_solicitation/export/<int:solicitation_id>', type='http', auth='user')
    def export_opinions(self, solicitation_id, **kwargs):
        # Read through the user's rights: record rules decide who may export.
        solicitation = readable('gov.solicitation', solicitation_id)
        if not solicitation:
            return refused()
        return xlsx_response('opinions-%s.xlsx' % solicitation.id, solicitation._xlsx_sheets())
