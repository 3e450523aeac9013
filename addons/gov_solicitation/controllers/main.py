# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import functools

from werkzeug.exceptions import NotFound
from werkzeug.urls import url_encode

from odoo import http
from odoo.http import request

from odoo.addons.gov_interaction.tools import local_time

OPINIONS_PER_PAGE = 50


def public_solicitation(solicitation_id):
    """The solicitation (sudo) if the public may see it: never a draft."""
    solicitation = request.env['gov.solicitation'].sudo().browse(solicitation_id).exists()
    if not solicitation or solicitation.state == 'draft':
        raise NotFound()
    return solicitation


class SolicitationWebsite(http.Controller):
    """The public pages of the 意见征集 column (4.2 a–c, 5.1.1, 5.1.4, 5.1.5).
    The list is the column page /interaction/solicitations."""

    def _column(self):
        return request.env['gov.interaction.column']._get('gov_interaction.column_solicitation')

    def _render(self, solicitation, page=1, values=None, errors=None, sent=False):
        total = len(solicitation.opinion_ids) if solicitation.state == 'published' else 0
        url = '/interaction/solicitations/%s' % solicitation.id
        pager = request.website.pager(url=url, total=total, page=page, step=OPINIONS_PER_PAGE)
        return request.render('gov_solicitation.solicitation_page', {
            'column': self._column(),
            'solicitation': solicitation,
            'data': solicitation._public_summary(),
            'result': solicitation._public_result() if solicitation.state == 'published' else None,
            'opinions': solicitation._public_opinions(pager['offset'], OPINIONS_PER_PAGE),
            'pager': pager,
            'values': values or {},
            'errors': errors or {},
            'sent': sent,
            'local_time': functools.partial(local_time, request.env),
            'login_url': '/web/login?%s' % url_encode({'redirect': url + '#opinion'}),
        })

    @http.route(['/interaction/solicitations/<int:solicitation_id>',
                 '/interaction/solicitations/<int:solicitation_id>/page/<int:page>'],
                type='http', auth='public', website=True, methods=['GET'])
    def solicitation_page(self, solicitation_id, page=1, sent=None, **kwargs):
        solicitation = public_solicitation(solicitation_id)
        return self._render(solicitation, page=page, sent=bool(sent))

    @http.route('/interaction/solicitations/<int:solicitation_id>/opinion', type='http',
                auth='public', website=True, methods=['POST'])
    def submit_opinion(self, solicitation_id, content=None, **post):
        solicitation = public_solicitation(solicitation_id)
        if request.env.user._is_public():
            return request.redirect('/web/login?%s' % url_encode(
                {'redirect': '/interaction/solicitations/%s' % solicitation.id}))
        upload = request.httprequest.files.get('attachment')
        file_data = (upload.filename, upload.read()) if upload and upload.filename else None
        opinion, errors = solicitation._submit_opinion(request.env.user.partner_id, content,
                                                       file_data, channel='web')
        if errors:
            # Nothing typed is lost: the page comes back with the text.
            return self._render(solicitation, values={'content': content or ''}, errors=errors)
        return request.redirect('/interaction/solicitations/%s?sent=1#opinion' % solicitation.id)

    @http.route('/interaction/solicitations/<int:solicitation_id>/documents/<int:attachment_id>',
                type='http', auth='public', website=True, methods=['GET'])
    def document(self, solicitation_id, attachment_id, **kwargs):
        solicitation = public_solicitation(solicitation_id)
        attachment = solicitation.attachment_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment:
            raise NotFound()
        name = attachment.datas_fname or attachment.name
        return request.make_response(base64.b64decode(attachment.datas or b''), headers=[
            ('Content-Type', attachment.mimetype or 'application/octet-stream'),
            ('Content-Disposition', http.content_disposition(name)),
            ('X-Content-Type-Options', 'nosniff'),
        ])
