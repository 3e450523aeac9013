# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Online surveys in the JSON API (4.1.4); documented in this addon's
static/api/openapi.json."""
from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.api import (
    API_ROOT,
    ApiError,
    Payload,
    api_route,
    json_response,
    record_id,
)


def _survey(survey_id):
    survey = request.env['survey.survey'].sudo().browse(record_id(survey_id)).exists()
    if not survey or not survey.gov_column_id or survey.gov_state == 'draft':
        raise ApiError('not_found')
    return survey


class SurveyApi(http.Controller):

    @api_route(API_ROOT + '/surveys', auth='public')
    def list_surveys(self):
        column = request.env['gov.interaction.column']._get('gov_interaction.column_survey')
        return {'items': [survey._gov_public_summary() for survey in column._gov_surveys()]}

    @api_route(API_ROOT + '/surveys/<int:survey_id>', auth='public')
    def get_survey(self, survey_id):
        survey = _survey(survey_id)
        data = survey._gov_public_summary()
        user = request.env.user
        data['answered'] = None if user._is_public() else bool(
            survey._gov_response_of(user.partner_id).filtered(lambda i: i.state == 'done'))
        data['questions'] = [{
            'id': question.id,
            'title': question.question,
            'type': question.type,
            'required': question.constr_mandatory,
            'options': [{'id': label.id, 'label': label.value} for label in question.labels_ids],
        } for question in survey._gov_questions()]
        return data

    @api_route(API_ROOT + '/surveys/<int:survey_id>/responses', methods=['POST'])
    def answer_survey(self, survey_id, payload):
        survey = _survey(survey_id)
        data = Payload(payload, ('answers',))
        answers = payload.get('answers')
        if not isinstance(answers, dict):
            data.errors['answers'] = _("Give the answers as an object: question id to answer.")
        data.validate()
        message = survey._gov_refusal(request.env.user.partner_id)
        if message:
            raise ApiError('validation_error', message)
        user_input, errors = survey._gov_submit(request.env.user.partner_id, answers)
        if errors:
            raise ApiError('validation_error', details={'fields': errors})
        return json_response({'id': user_input.id, 'survey_id': survey.id}, status=201)

    @api_route(API_ROOT + '/surveys/<int:survey_id>/results', auth='public')
    def survey_results(self, survey_id):
        survey = _survey(survey_id)
        if survey.gov_state != 'published':
            raise ApiError('not_found', _("The results of this survey are not published."))
        return dict(survey._gov_public_summary(), **survey._gov_results())
