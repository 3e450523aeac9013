# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deterministic demo responses (demo only)."""
import random
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.gov_interaction.tools import demo_citizens


class SurveySurvey(models.Model):
    _inherit = 'survey.survey'

    @api.model
    def _demo_generate_responses(self, survey_id, count, texts, seed=1):
        """``count`` completed responses from distinct demo citizens; choices
        weighted towards the first options; free text from ``texts``."""
        survey = self.sudo().browse(survey_id)
        rng = random.Random(seed)
        citizens = demo_citizens(self.env, count)
        start = fields.Datetime.from_string(survey.date_start)
        end = min(fields.Datetime.from_string(survey.date_end),
                  fields.Datetime.from_string(fields.Datetime.now()))
        span = max(int((end - start).total_seconds()), 3600)
        UserInput = self.env['survey.user_input'].sudo().with_context(tracking_disable=True)
        questions = survey._gov_questions()
        for index in range(count):
            lines = []
            for question in questions:
                labels = question.labels_ids
                weights = [len(labels) + 1 - position for position in range(len(labels))]
                if question.type == 'simple_choice':
                    lines.append({'answer_type': 'suggestion',
                                  'value_suggested': rng.choices(labels.ids, weights)[0]})
                elif question.type == 'multiple_choice':
                    chosen = {rng.choices(labels.ids, weights)[0] for _i in range(rng.randint(1, 3))}
                    lines += [{'answer_type': 'suggestion', 'value_suggested': label_id}
                              for label_id in sorted(chosen)]
                elif question.type == 'free_text':
                    if rng.random() < 0.35:
                        text = rng.choice(texts)
                        if index % 17 == 0:
                            text += '我叫%s，电话1390451%04d。' % (citizens[index].name, index)
                        lines.append({'answer_type': 'free_text', 'value_free_text': text})
                    else:
                        lines.append({'skipped': True})
                for line in lines:
                    line.setdefault('question_id', question.id)
            created = start + timedelta(seconds=rng.randint(0, span))
            UserInput.create({
                'survey_id': survey.id, 'partner_id': citizens[index].id, 'state': 'done',
                'date_create': fields.Datetime.to_string(created),
                'user_input_line_ids': [(0, 0, dict(line, survey_id=survey.id)) for line in lines],
            })
        return True
