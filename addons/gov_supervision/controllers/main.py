# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request

from ..xlsx import xlsx_bytes

XLSX_MIMETYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


def xlsx_download(filename, data):
    return request.make_response(data, headers=[
        ('Content-Type', XLSX_MIMETYPE),
        ('Content-Disposition', content_disposition(filename)),
        ('Cache-Control', 'no-store'),
    ])


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
        return xlsx_download('%s.xlsx' % notice.name, xlsx_bytes(notice._xlsx_sheets()))
