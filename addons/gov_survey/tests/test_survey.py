# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Online surveys on Odoo's survey module (clauses 4.2 d, 5.1.1, 5.1.5)."""
from datetime import timedelta

import psycopg2

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger


def _shift(**kwargs):
    return fields.Datetime.to_string(
        fields.Datetime.from_string(fields.Datetime.now()) + timedelta(**kwargs))


class TestSurvey(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.column = self.env.ref('gov_interaction.column_survey')
        self.citizen = self.env.ref('gov_interaction.user_citizen').partner_id
        self.citizen2 = self.env.ref('gov_interaction.user_citizen2').partner_id
        self.survey = self.env['survey.survey'].create({
            'title': '社区养老服务需求调查',
            'gov_column_id': self.column.id,
            'department_id': self.env.ref('gov_interaction.dept_hrss').id,
            'stage_id': self.env.ref('survey.stage_in_progress').id,
            'auth_required': True,
            'date_start': _shift(days=-1),
            'date_end': _shift(days=5),
        })
        page = self.env['survey.page'].create({'title': '需求', 'survey_id': self.survey.id})
        Question = self.env['survey.question']
        self.single = Question.create({
            'page_id': page.id, 'question': '您的年龄段', 'type': 'simple_choice',
            'constr_mandatory': True, 'sequence': 1,
            'labels_ids': self.options(['60岁以下', '60岁及以上'])})
        self.multiple = Question.create({
            'page_id': page.id, 'question': '您需要哪些服务', 'type': 'multiple_choice',
            'constr_mandatory': True, 'sequence': 2,
            'labels_ids': self.options(['助餐', '助浴', '助医'])})
        self.text = Question.create({
            'page_id': page.id, 'question': '其他建议', 'type': 'free_text', 'sequence': 3})

    @staticmethod
    def options(values):
        return [(0, 0, {'value': value, 'sequence': index}) for index, value in enumerate(values)]

    def answer(self, partner, single, multiple, text=None):
        answers = {str(self.single.id): single, str(self.multiple.id): multiple}
        if text is not None:
            answers[str(self.text.id)] = text
        user_input, errors = self.survey._gov_submit(partner, answers)
        self.assertFalse(errors)
        return user_input

    def labels(self, question):
        return question.labels_ids.sorted('sequence').ids

    def end_and_publish(self):
        self.survey.write({'date_start': _shift(days=-10), 'date_end': _shift(minutes=-1),
                           'analysis': '<p>多数老人需要助餐服务。</p>'})
        self.survey.action_publish_results()

    # ------------------------------------------------------------------
    # 4.2 d
    # ------------------------------------------------------------------

    def test_4_2_d_single_multiple_and_free_text_answers(self):
        young, old = self.labels(self.single)
        meal, bath, doctor = self.labels(self.multiple)
        user_input = self.answer(self.citizen, old, [meal, doctor], '希望社区食堂价格实惠')
        self.assertEqual(user_input.state, 'done')
        lines = user_input.user_input_line_ids
        self.assertEqual(lines.filtered(lambda ln: ln.question_id == self.single).value_suggested.id, old)
        self.assertEqual(sorted(lines.filtered(lambda ln: ln.question_id == self.multiple)
                                .mapped('value_suggested').ids), [meal, doctor])
        self.assertEqual(lines.filtered(lambda ln: ln.question_id == self.text).value_free_text,
                         '希望社区食堂价格实惠')

    def test_4_2_d_invalid_answers_are_refused_with_nothing_saved(self):
        _input, errors = self.survey._gov_submit(self.citizen, {
            str(self.single.id): 999999, str(self.multiple.id): [], '123456': 'x'})
        self.assertEqual(set(errors), {str(self.single.id), str(self.multiple.id), '123456'})
        self.assertFalse(self.survey._gov_response_of(self.citizen))

    def test_4_2_d_one_response_per_citizen_account(self):
        young, _old = self.labels(self.single)
        meal = self.labels(self.multiple)[0]
        self.answer(self.citizen, young, [meal])
        self.assertIn('already answered', self.survey._gov_refusal(self.citizen))
        self.assertIsNone(self.survey._gov_refusal(self.citizen2))
        with self.assertRaises(ValidationError):
            self.env['survey.user_input'].create({'survey_id': self.survey.id,
                                                  'partner_id': self.citizen.id})
        with self.assertRaises(psycopg2.IntegrityError), mute_logger('odoo.sql_db'):
            self.env.cr.execute(
                "INSERT INTO survey_user_input (survey_id, partner_id, token, state, type, "
                "date_create, gov_one_response, test_entry) VALUES (%s, %s, 'x', 'done', "
                "'manually', now(), true, false)", (self.survey.id, self.citizen.id))

    def test_4_2_d_answers_only_within_the_period(self):
        self.survey.write({'date_start': _shift(days=1), 'date_end': _shift(days=5)})
        self.assertIn('starts on', self.survey._gov_refusal(self.citizen))
        self.survey.write({'date_start': _shift(days=-5), 'date_end': _shift(minutes=-1)})
        self.assertIn('ended', self.survey._gov_refusal(self.citizen))
        self.assertEqual(self.survey.gov_state, 'ended')

    def test_4_2_d_results_published_after_the_end_with_analysis(self):
        with self.assertRaises(ValidationError):
            self.survey.results_published = True  # still open
        self.survey.write({'date_start': _shift(days=-10), 'date_end': _shift(minutes=-1)})
        with self.assertRaisesRegex(UserError, 'analysis'):
            self.survey.action_publish_results()
        self.end_and_publish()
        self.assertEqual(self.survey.gov_state, 'published')
        self.assertIn('助餐', self.survey._gov_results()['analysis'])

    def test_4_2_d_multiple_choice_counts_each_option(self):
        young, old = self.labels(self.single)
        meal, bath, doctor = self.labels(self.multiple)
        self.answer(self.citizen, old, [meal, bath])
        self.answer(self.citizen2, young, [meal])
        self.end_and_publish()
        results = self.survey._gov_results()
        self.assertEqual(results['participant_count'], 2)
        by_id = {q['id']: q for q in results['questions']}
        options = {o['label']: (o['count'], o['percent']) for o in by_id[self.multiple.id]['options']}
        # Not "助餐+助浴: 1, 助餐: 1": each option on its own, share of respondents.
        self.assertEqual(options, {'助餐': (2, 100.0), '助浴': (1, 50.0), '助医': (0, 0.0)})
        single = {o['label']: o['percent'] for o in by_id[self.single.id]['options']}
        self.assertEqual(single, {'60岁以下': 50.0, '60岁及以上': 50.0})

    def test_4_2_d_free_text_answers_are_redacted(self):
        young = self.labels(self.single)[0]
        meal = self.labels(self.multiple)[0]
        self.answer(self.citizen, young, [meal],
                    '我叫周晓梅，电话13845678901，身份证230103198001011234，邮箱zxm@example.com')
        self.end_and_publish()
        texts = [q for q in self.survey._gov_results()['questions'] if q['id'] == self.text.id][0]['texts']
        self.assertEqual(len(texts), 1)
        for secret in ('周晓梅', '13845678901', '230103198001011234', 'zxm@example.com'):
            self.assertNotIn(secret, texts[0])

    def test_demo_has_a_finished_survey_with_published_analysis(self):
        """The demo database (make run), not a clause: 4.2 d itself is
        proven on this test's own surveys above."""
        finished = self.env.ref('gov_survey.demo_survey_service')
        running = self.env.ref('gov_survey.demo_survey_transit')
        self.assertEqual(finished.gov_state, 'published')
        self.assertGreaterEqual(finished.participant_count, 400)
        self.assertTrue(finished.analysis)
        self.assertEqual(running.gov_state, 'open')
        self.assertGreaterEqual(running.participant_count, 100)

    # ------------------------------------------------------------------
    # 5.1.1: in the 网上调查 column
    # ------------------------------------------------------------------

    def test_5_1_1_surveys_listed_in_the_column(self):
        Survey = self.env['survey.survey']
        in_progress = self.env.ref('survey.stage_in_progress').id
        # Odoo's own surveys outside the column, and the column's drafts, stay out of it.
        other = Survey.create({'title': 'Internal feedback'})
        draft = Survey.create({'title': '尚未发布的调查', 'gov_column_id': self.column.id,
                               'stage_id': self.env.ref('survey.stage_draft').id,
                               'date_start': _shift(days=-1), 'date_end': _shift(days=5)})
        ended = Survey.create({'title': '已结束待分析的调查', 'gov_column_id': self.column.id,
                               'stage_id': in_progress, 'date_start': _shift(days=-10),
                               'date_end': _shift(minutes=-1)})
        published = Survey.create({'title': '已公布结果的调查', 'gov_column_id': self.column.id,
                                   'stage_id': in_progress, 'date_start': _shift(days=-10),
                                   'date_end': _shift(minutes=-1),
                                   'analysis': '<p>结果分析</p>'})
        published.action_publish_results()
        sections = self.column._survey_sections()  # after every survey above exists
        self.assertIn(self.survey, sections['open'])
        self.assertEqual(sections['open'] & (ended | published), Survey)
        self.assertIn(ended, sections['past'])
        self.assertIn(published, sections['past'])
        self.assertNotIn(self.survey, sections['past'])
        listed = sections['open'] | sections['past']
        self.assertNotIn(other, listed)
        self.assertNotIn(draft, listed)
        urls = [item['url'] for item in self.column._latest_items(1000)]
        self.assertIn('/interaction/surveys/%s/results' % published.id, urls)
        self.assertIn(self.survey.gov_start_url, urls)
        self.assertNotIn(draft.gov_start_url, urls)
        self.assertNotIn(other.gov_start_url, urls)
        self.assertNotIn('/interaction/surveys/%s/results' % ended.id, urls)  # no analysis yet
        self.answer(self.citizen, self.labels(self.single)[0], [self.labels(self.multiple)[0]])
        items = self.column._portal_items(self.citizen)
        self.assertIn('社区养老服务需求调查', [item['title'] for item in items])
        self.assertNotIn('社区养老服务需求调查', [item['title'] for item in
                                           self.column._portal_items(self.citizen2)])

    # ------------------------------------------------------------------
    # 5.1.5: charts and tables in the back office
    # ------------------------------------------------------------------

    def test_5_1_5_answer_statistics_graph_and_pivot(self):
        action = self.env.ref('gov_survey.action_gov_survey_answers')
        self.assertIn('pivot', action.view_mode)
        self.assertIn('graph', action.view_mode)
        young, old = self.labels(self.single)
        meal, bath, doctor = self.labels(self.multiple)
        self.answer(self.citizen, old, [meal, bath])
        self.answer(self.citizen2, young, [meal])
        data = self.env['survey.user_input_line'].read_group(
            [('survey_id', '=', self.survey.id), ('answer_type', '=', 'suggestion')],
            ['value_suggested'], ['value_suggested'])
        # One row per option chosen, counted by hand from the two responses.
        counts = {row['value_suggested'][0]: row['value_suggested_count'] for row in data}
        self.assertEqual(counts, {young: 1, old: 1, meal: 2, bath: 1})
        self.assertNotIn(doctor, counts)
