# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Online interviews in the JSON API (4.1.4); documented in this addon's
static/api/openapi.json, merged into the served document."""
from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.api import (
    API_ROOT,
    ApiError,
    Payload,
    api_route,
    json_response,
    query_int,
    record_id,
)

from ..models.gov_interview import PUBLIC_STATES
from .main import public_base_url


def public_interview(interview_id):
    interview = request.env['gov.interview'].sudo().browse(record_id(interview_id)).exists()
    if not interview or interview.state not in PUBLIC_STATES:
        raise ApiError('not_found', _("There is no such interview."))
    return interview


class InterviewApi(http.Controller):

    @api_route(API_ROOT + '/interviews', auth='public')
    def interviews(self):
        """Public interviews, newest first; ``state`` filters (announced =
        previews, live, ended, published = with transcript)."""
        state = request.httprequest.args.get('state')
        if state is not None and state not in PUBLIC_STATES:  # an empty one too
            raise ApiError('validation_error', details={'fields': {
                'state': _("Must be one of: %s.") % ', '.join(PUBLIC_STATES)}})
        limit = query_int('limit', 20, 1, 100)
        offset = query_int('offset', 0, 0, 100000)
        Interview = request.env['gov.interview'].sudo()
        domain = [('state', '=', state)] if state else [('state', 'in', PUBLIC_STATES)]
        interviews = Interview.search(domain, order='date_start desc, id desc', limit=limit, offset=offset)
        return {'total': Interview.search_count(domain),
                'items': [interview._public_summary() for interview in interviews]}

    @api_route(API_ROOT + '/interviews/<int:interview_id>', auth='public')
    def interview(self, interview_id):
        """One interview with its guests, posts and shown questions with answers."""
        # Picture links on the configured address, never the request's Host.
        return public_interview(interview_id)._public_detail(public_base_url())

    @api_route(API_ROOT + '/interviews/<int:interview_id>/questions', methods=['POST'])
    def ask(self, interview_id, payload):
        """A signed-in citizen asks; shown after moderation."""
        interview = public_interview(interview_id)
        data = Payload(payload, ('content',))
        content = data.string('content', required=True)
        data.validate()
        Question = request.env['gov.interview.question'].sudo()
        vals, errors = Question._submission_values(interview, request.env.user.partner_id, content,
                                                   channel='api')
        if 'interview' in errors:
            raise ApiError('conflict', errors['interview'])
        if errors:
            raise ApiError('validation_error', details={'fields': errors})
        question = Question.create(vals)
        return json_response(dict(question._public_data(), state=question.state), status=201)
