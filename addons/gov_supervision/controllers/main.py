# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.gov_interaction.tools import xlsx_response


class SupervisionExport(http.Controller):

    @http.route('/gov_supervision/notice/<int:notice_id>/xlsx', type='http', auth='user')
    def notice_xlsx(self, notice_id, **kwargs):
        # Read with the user's rights: access rules decide who may export.
        # A notice the user may not read answers as one that does not exist.
        notice = request.env['gov.supervision.notice'].browse(notice_id).exists()
        try:
            notice.check_access_rights('read')
            notice.check_access_rule('read')
        except AccessError:
            notice = None
        if not notice:
            raise NotFound()
        return xlsx_response('%s.xlsx' % notice.name, notice._xlsx_sheets())
