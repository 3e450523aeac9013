# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX export of a survey's results (5.1.5): the statistics per question
and every response, without who answered."""
from odoo import _, api, models

from odoo.addons.gov_interaction.tools import Cell, Row, local_time


def _answers(user_input, questions):
    """The answers of ``user_input``, one text per question."""
    by_question = {}
    for line in user_input.user_input_line_ids.filtered(lambda ln: not ln.skipped):
        value = line.value_suggested.value or line.value_free_text or \
            line.value_text or (line.value_number if line.answer_type == 'number' else '')
        by_question.setdefault(line.question_id.id, []).append(str(value))
    return ['; '.join(by_question.get(question.id, [])) for question in questions]


class SurveySurvey(models.Model):
    _inherit = 'survey.survey'  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    def action_export_results_xlsx(self):
        """5.1.5: the results, written in the background."""
        self.ensure_one()
        return self.env['gov.export.job']._start_record(self, 'survey-%s.xlsx' % self.id)

    @api.multi
    def _xlsx_sheets(self):
        self.ensure_one()
        return [self._xlsx_statistics_sheet(), self._xlsx_responses_sheet()]

    @api.multi
    def _xlsx_statistics_sheet(self):
        """Per question: the count and percentage of each option, the number
        of written answers."""
        results = self._gov_results()
        rows = [[_('Participants'), results['participant_count']], []]
        for question in results['questions']:
            rows.append(Row([question['title'], _('Count'), _('Percent')], 'header'))
            rows += [[option['label'], option['count'], Cell(option['percent'] / 100.0, 'percent')]
                     for option in question.get('options', [])]
            if 'texts' in question:
                rows.append([_('Written answers'), question['answered']])
            rows.append([])
        return (_('Statistics'), [self.title], rows, {
            'widths': [50, 12, 12], 'header_style': 'header', 'freeze': None})

    @api.multi
    def _xlsx_responses_sheet(self):
        """Every completed response, one a row, without who answered."""
        questions = self._gov_questions()
        inputs = self.env['survey.user_input'].sudo().search(
            [('survey_id', '=', self.id), ('state', '=', 'done'), ('test_entry', '=', False)],
            order='date_create, id')
        rows = ([number, local_time(self.env, user_input.date_create)] + _answers(user_input, questions)
                for number, user_input in enumerate(inputs, start=1))
        return (_('Responses'), [_('No.'), _('Answered On')] + questions.mapped('question'), rows, {
            'widths': [17, 17] + [30] * len(questions), 'header_style': 'header', 'freeze': None})
