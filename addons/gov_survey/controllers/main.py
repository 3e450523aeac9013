# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from werkzeug.exceptions import BadRequest, NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.survey.controllers.main import WebsiteSurvey

from ..models.survey_user_input import survey_page_context


def published_survey(survey_id):
    """The survey (sudo) whose results are public, else 404."""
    survey = request.env['survey.survey'].sudo().browse(survey_id).exists()
    if not survey or not survey.gov_column_id or survey.gov_state != 'published':
        raise NotFound()
    return survey


class GovWebsiteSurvey(WebsiteSurvey):
    """Odoo's survey pages with the column's rules: the period and one
    response per citizen account (4.2 d)."""

    def _gov_column(self):
        return request.env['gov.interaction.column']._get('gov_interaction.column_survey')

    def _refused(self, survey, message):
        return request.render('gov_survey.survey_refused', {
            'column': self._gov_column(), 'survey': survey.sudo(), 'message': message})

    @staticmethod
    def _gov_staff_reads(survey):
        """Whether the user is staff whose record rules show ``survey``."""
        if not request.env.user.has_group('base.group_user'):
            return False
        try:
            survey.check_access_rights('read')
            survey.check_access_rule('read')
        except AccessError:
            return False
        return True

    def _gov_check_shown(self, survey):
        """404 for a survey of the column that is not published yet, unless
        for the staff who may read it (print, preview): Odoo's survey pages
        let anyone read any survey."""
        raw = survey.sudo().exists()
        if raw and raw.gov_column_id and raw.gov_state == 'draft' \
                and not self._gov_staff_reads(survey):
            raise NotFound()

    def _check_bad_cases(self, survey, token=None):
        self._gov_check_shown(survey)
        result = super(GovWebsiteSurvey, self)._check_bad_cases(survey, token=token)
        if result is None and survey.sudo().gov_column_id:
            message = survey._gov_refusal()
            if message:
                return self._refused(survey, message)
        return result

    def _as_survey_page(self):
        """Odoo's survey code creates and saves responses as the visitor:
        allowed here, on these pages, and nowhere else (no RPC)."""
        request.context = survey_page_context(request.context)

    @http.route()
    def start_survey(self, survey, token=None, **post):
        self._gov_check_shown(survey)  # also the "phantom" test mode, before Odoo's checks
        gov = survey.sudo().exists() and survey.sudo().gov_column_id
        if gov and token == 'phantom' and not self._gov_staff_reads(survey):
            raise NotFound()  # Odoo's test answers: for the staff who prepare the survey
        self._as_survey_page()
        if gov and not token and not request.env.user._is_public():
            partner = request.env.user.partner_id
            previous = survey._gov_response_of(partner)[:1]
            if previous and survey.sudo().one_response:
                if previous.state == 'done':
                    message = survey._gov_refusal(partner)
                    if message:
                        return self._refused(survey, message)
                else:
                    # Go on with the unfinished response rather than start another.
                    return request.redirect('/survey/fill/%s/%s' % (survey.id, previous.token))
        return super(GovWebsiteSurvey, self).start_survey(survey, token=token, **post)

    @http.route()
    def submit(self, survey, **post):
        self._gov_check_shown(survey)
        self._gov_check_submission(survey, post)
        self._as_survey_page()
        if survey.sudo().gov_column_id:
            message = survey._gov_refusal()
            if message:
                page_id = post.get('page_id', '0')
                questions = request.env['survey.question'].sudo().search(
                    [('page_id', '=', int(page_id) if page_id.isdigit() else 0)], limit=1)
                tag = '%s_%s_%s' % (survey.id, page_id, questions.id)
                return json.dumps({'errors': {tag: message}})
        return super(GovWebsiteSurvey, self).submit(survey, **post)

    def _gov_check_submission(self, survey, post):
        """A posted page that Odoo's submit cannot read (a hand-made or
        truncated form: no page, button or response token) is a 400, and an
        unknown response token a 404, rather than a server error."""
        page_id, token = post.get('page_id'), post.get('token')
        if not (isinstance(page_id, str) and page_id.isdigit() and isinstance(token, str)
                and post.get('button_submit') in ('previous', 'next', 'finish')):
            raise BadRequest()
        if not request.env['survey.user_input'].sudo().search_count(
                [('token', '=', token), ('survey_id', '=', survey.id)]):
            raise NotFound()

    @http.route()
    def prefill(self, survey, token, page=None, **post):
        self._gov_check_shown(survey)
        return super(GovWebsiteSurvey, self).prefill(survey, token, page=page, **post)

    @http.route()
    def get_scores(self, survey, token, page=None, **post):
        self._gov_check_shown(survey)
        return super(GovWebsiteSurvey, self).get_scores(survey, token, page=page, **post)

    @http.route()
    def print_survey(self, survey, token=None, **post):
        self._gov_check_shown(survey)
        return super(GovWebsiteSurvey, self).print_survey(survey, token=token, **post)

    @http.route()
    def survey_reporting(self, survey, token=None, **post):
        """Odoo's result analysis of a column's survey, with every answer:
        for the staff whose record rules show the survey only (4.2 d);
        the public analysis is /interaction/surveys/<id>/results."""
        if survey.sudo().gov_column_id and not self._gov_staff_reads(survey):
            raise NotFound()
        return super(GovWebsiteSurvey, self).survey_reporting(survey, token=token, **post)


class SurveyResults(http.Controller):

    @http.route('/interaction/surveys/<int:survey_id>/results', type='http', auth='public',
                website=True, methods=['GET'])
    def results(self, survey_id, **kwargs):
        survey = published_survey(survey_id)
        return request.render('gov_survey.survey_results', {
            'column': request.env['gov.interaction.column']._get('gov_interaction.column_survey'),
            'survey': survey,
            'data': survey._gov_public_summary(),
            'results': survey._gov_results(),
        })
