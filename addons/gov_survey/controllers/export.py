# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX export of a survey's results (5.1.5): the statistics per question
and every response, without who answered."""
from odoo import _, http
from odoo.http import request

from odoo.addons.gov_solicitation.controllers.export import readable, refused, xlsx_response
from odoo.addons.gov_solicitation.tools import local_time


class SurveyExport(http.Controller):

    @http.route('/gov_survey/export/<int:survey_id>', type='http', auth='user')
    def export_results(self, survey_id, **kwargs):
        survey = readable('survey.survey', survey_id)
        if not survey:
            return refused()
        results = survey._gov_results()
        questions = survey._gov_questions()
        inputs = request.env['survey.user_input'].sudo().search(
            [('survey_id', '=', survey.id), ('state', '=', 'done'), ('test_entry', '=', False)],
            order='date_create, id')

        def write(workbook):
            bold = workbook.add_format({'bold': True, 'bg_color': '#DDEBF7', 'border': 1})
            percent = workbook.add_format({'num_format': '0.0%'})
            sheet = workbook.add_worksheet(_('Statistics'))
            sheet.set_column(0, 0, 50)
            sheet.set_column(1, 2, 12)
            sheet.write_row(0, 0, [survey.title], bold)
            sheet.write_row(1, 0, [_('Participants'), results['participant_count']])
            row = 3
            for question in results['questions']:
                sheet.write_row(row, 0, [question['title'], _('Count'), _('Percent')], bold)
                row += 1
                for option in question.get('options', []):
                    sheet.write(row, 0, option['label'])
                    sheet.write(row, 1, option['count'])
                    sheet.write(row, 2, option['percent'] / 100.0, percent)
                    row += 1
                if 'texts' in question:
                    sheet.write_row(row, 0, [_('Written answers'), question['answered']])
                    row += 1
                row += 1
            answers = workbook.add_worksheet(_('Responses'))
            answers.write_row(0, 0, [_('No.'), _('Answered On')] + questions.mapped('question'), bold)
            answers.set_column(0, 1, 17)
            answers.set_column(2, 1 + len(questions), 30)
            for number, user_input in enumerate(inputs, start=1):
                by_question = {}
                for line in user_input.user_input_line_ids.filtered(lambda ln: not ln.skipped):
                    value = line.value_suggested.value or line.value_free_text or \
                        line.value_text or (line.value_number if line.answer_type == 'number' else '')
                    by_question.setdefault(line.question_id.id, []).append(str(value))
                answers.write_row(number, 0, [number, local_time(user_input.date_create)] + [
                    '; '.join(by_question.get(question.id, [])) for question in questions])

        return xlsx_response(write, 'survey-%s.xlsx' % survey.id)
