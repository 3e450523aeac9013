# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public surface of the 网上调查 column (4.2 d): a survey shows once
published, its results once the staff publish them; a response is reached
by its token only; Odoo's result analysis and the export are for the
department's staff (gov_interaction/tests/public_surface.py)."""
from odoo.addons.gov_interaction.tests import public_surface
from odoo.addons.http_routing.models.ir_http import slug

SURVEY = '<model("survey.survey"):survey>'
API = '/api/v1/surveys/<int:survey_id>'
ROUTES = {
    ('/interaction/surveys/<int:survey_id>/results', 'GET'): 'published',
    ('/api/v1/surveys', 'GET'): 'published',
    (API, 'GET'): 'published',
    (API + '/results', 'GET'): 'published',
    (API + '/responses', 'POST'): 'published',
    ('/survey/start/' + SURVEY, 'ANY'): 'published',
    ('/survey/start/' + SURVEY + '/<string:token>', 'ANY'): 'published',
    ('/survey/fill/' + SURVEY + '/<string:token>', 'ANY'): 'token',
    ('/survey/fill/' + SURVEY + '/<string:token>/<string:prev>', 'ANY'): 'token',
    ('/survey/prefill/' + SURVEY + '/<string:token>', 'ANY'): 'token',
    ('/survey/prefill/' + SURVEY + '/<string:token>/<model("survey.page"):page>', 'ANY'): 'token',
    ('/survey/scores/' + SURVEY + '/<string:token>', 'ANY'): 'token',
    ('/survey/submit/' + SURVEY, 'POST'): 'token',
    ('/survey/print/' + SURVEY, 'ANY'): 'published',
    ('/survey/print/' + SURVEY + '/<string:token>', 'ANY'): 'token',
    ('/survey/results/' + SURVEY, 'ANY'): 'department',
    ('/gov_survey/export/<int:survey_id>', 'ANY'): 'department',
}


class TestPublicSurface(public_surface.PublicSurfaceCase):

    ROUTES = ROUTES

    def new_survey(self, title, stage):
        survey = self.env['survey.survey'].create({
            'title': title, 'gov_column_id': self.env.ref('gov_interaction.column_survey').id,
            'department_id': self.env.ref('gov_interaction.dept_edu').id,
            'stage_id': self.env.ref(stage).id})
        page = self.env['survey.page'].create({'title': 'Page one', 'survey_id': survey.id})
        self.env['survey.question'].create({'page_id': page.id, 'question': 'Your advice',
                                            'type': 'free_text'})
        return survey

    def probes(self):
        draft = self.new_survey('Unpublished survey v-12', 'survey.stage_draft')
        shown = self.new_survey('Open survey of education', 'survey.stage_in_progress')
        question = shown.page_ids.question_ids
        response, errors = shown._gov_submit(self.env.ref('gov_interaction.user_citizen').partner_id,
                                             {str(question.id): 'Answer of citizen a-93'})
        self.assertFalse(errors)
        ids, token = (slug(draft), shown.id), response.token
        self.draft = draft
        probe = public_surface.probe
        survey_routes = [
            ('/survey/start/%s', '/survey/start/' + SURVEY),
            ('/survey/start/%s/phantom', '/survey/start/' + SURVEY + '/<string:token>'),
            ('/survey/fill/%s/x', '/survey/fill/' + SURVEY + '/<string:token>'),
            ('/survey/fill/%s/x/prev', '/survey/fill/' + SURVEY + '/<string:token>/<string:prev>'),
            ('/survey/prefill/%s/x', '/survey/prefill/' + SURVEY + '/<string:token>'),
            ('/survey/prefill/%%s/x/%s' % slug(draft.page_ids),
             '/survey/prefill/' + SURVEY + '/<string:token>/<model("survey.page"):page>'),
            ('/survey/scores/%s/x', '/survey/scores/' + SURVEY + '/<string:token>'),
            ('/survey/print/%s', '/survey/print/' + SURVEY),
            ('/survey/print/%s/x', '/survey/print/' + SURVEY + '/<string:token>'),
        ]
        probes = [probe((route, 'ANY'), url % ids[0], login)
                  for url, route in survey_routes for login in (None, 'citizen')]
        return probes + [
            probe(('/survey/start/' + SURVEY + '/<string:token>', 'ANY'),
                  '/survey/start/%s/phantom' % slug(shown), 'citizen'),
            probe(('/survey/submit/' + SURVEY, 'POST'), '/survey/submit/%s' % ids[0], 'citizen',
                  'POST', {'page_id': str(draft.page_ids.id), 'token': 'x', 'button_submit': 'next'}),
            # Someone else's response: its token is the only way in.
            probe(('/survey/prefill/' + SURVEY + '/<string:token>', 'ANY'),
                  '/survey/prefill/%s/%s' % (slug(shown), token[::-1]), 'citizen2',
                  absent='a-93'),
            probe(('/survey/print/' + SURVEY + '/<string:token>', 'ANY'),
                  '/survey/print/%s/%s' % (slug(shown), token[::-1]), 'citizen2', absent='a-93'),
            probe(('/survey/results/' + SURVEY, 'ANY'), '/survey/results/%s' % slug(shown), 'citizen'),
            probe(('/survey/results/' + SURVEY, 'ANY'), '/survey/results/%s' % slug(shown),
                  'handler_env'),
            probe(('/gov_survey/export/<int:survey_id>', 'ANY'), '/gov_survey/export/%s' % shown.id,
                  'handler_env'),
            probe(('/gov_survey/export/<int:survey_id>', 'ANY'), '/gov_survey/export/%s' % shown.id,
                  'citizen'),
            probe(('/interaction/surveys/<int:survey_id>/results', 'GET'),
                  '/interaction/surveys/%s/results' % shown.id),
            probe(('/interaction/surveys/<int:survey_id>/results', 'GET'),
                  '/interaction/surveys/%s/results' % draft.id, 'citizen'),
            probe(('/api/v1/surveys', 'GET'), '/api/v1/surveys', absent='v-12'),
            probe(('/interaction/<string:slug>', 'ANY'), '/interaction/surveys', absent='v-12'),
            probe((API, 'GET'), '/api/v1/surveys/%s' % draft.id),
            probe((API + '/results', 'GET'), '/api/v1/surveys/%s/results' % shown.id, 'citizen'),
            probe((API + '/responses', 'POST'), '/api/v1/surveys/%s/responses' % draft.id, 'citizen',
                  'POST', {'answers': {str(draft.page_ids.question_ids.id): 'An answer'}}),
        ]

    def check_unchanged(self):
        self.assertFalse(self.env['survey.user_input'].search([('survey_id', '=', self.draft.id)]))
        self.assertFalse(self.env['survey.user_input'].search([('test_entry', '=', True)]))

    def test_public_surface_staff_still_print_a_draft_survey(self):
        draft = self.new_survey('Unpublished survey v-12', 'survey.stage_draft')
        self.authenticate('handler_edu', 'handler_edu')
        self.assertEqual(self.url_open('/interaction').status_code, 200)  # the assets, once
        response = self.url_open('/survey/print/%s' % slug(draft))
        self.assertEqual(response.status_code, 200)
        self.assertIn('v-12', response.get_data(as_text=True))
        self.authenticate('handler_env', 'handler_env')
        for path in ('/survey/print/%s', '/survey/start/%s/phantom'):
            self.assertEqual(self.url_open(path % slug(draft)).status_code, 404, path)

    def test_public_surface_no_unpublished_survey_over_rpc(self):
        """Odoo's survey lets everyone read every survey: not the column's
        unpublished ones (record rules for visitors and citizens)."""
        draft = self.new_survey('Unpublished survey v-12', 'survey.stage_draft')
        shown = self.new_survey('Open survey of education', 'survey.stage_in_progress')
        for survey in (draft, shown):
            self.env['survey.question'].create({
                'page_id': survey.page_ids.id, 'question': 'Choose', 'type': 'simple_choice',
                'labels_ids': [(0, 0, {'value': 'An option'})]})
            survey.invalidate_cache()
        records = lambda survey: [  # noqa: E731
            survey, survey.page_ids, survey.page_ids.question_ids,
            survey.page_ids.question_ids.mapped('labels_ids')]
        for user in (self.env.ref('base.public_user'), self.env.ref('gov_interaction.user_citizen')):
            for record in records(draft):
                self.assertFalse(record.sudo(user).search([('id', 'in', record.ids)]), record)
            for record in records(shown):
                self.assertEqual(record.sudo(user).search([('id', 'in', record.ids)]), record)
        self.authenticate('citizen', 'citizen')
        answer = self.call_kw('survey.survey', 'read', [draft.ids, ['title']])
        self.assertEqual(answer['error']['data']['name'], 'odoo.exceptions.AccessError', answer)
