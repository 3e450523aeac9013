# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gov_interaction.tools import chart_rows, html_text, local_time, redact
from odoo.addons.http_routing.models.ir_http import slug

CHOICE_TYPES = ('simple_choice', 'multiple_choice')
TEXT_TYPES = ('free_text', 'textbox')
FREE_TEXT_SHOWN = 200  # answers listed on the public page per question


class SurveySurvey(models.Model):
    """Odoo's survey as an online survey of the 网上调查 column (4.2 d)."""

    _name = 'survey.survey'
    _inherit = ['survey.survey', 'gov.department.mixin']

    department_id = fields.Many2one('gov.department', index=True,
                                    ondelete='restrict', track_visibility='onchange')
    gov_column_id = fields.Many2one(
        'gov.interaction.column', 'Interaction Column', domain=[('code', '=', 'survey')],
        ondelete='set null',
        help="Surveys of the 网上调查 column are listed on the site and follow its rules: "
             "sign-in, period, one response per account, published results.")
    date_start = fields.Datetime('Start')
    date_end = fields.Datetime('End')
    one_response = fields.Boolean('One Response per Account', default=True)
    # Not tracked ("Publish the Results: true" in the chatter): publishing
    # closes the survey's stage and says so in Chinese (write, below).
    results_published = fields.Boolean(
        'Publish the Results', copy=False,
        help="After the end date, the result analysis is shown at a public address (4.2 d).")
    analysis = fields.Html('Written Analysis', sanitize=True, copy=False,
                           help="The staff's analysis of the results, published with them.")
    participant_count = fields.Integer('Participants', compute='_compute_participant_count')
    gov_state = fields.Selection([
        ('draft', 'Not Published'), ('upcoming', 'Upcoming'), ('open', 'Open'),
        ('ended', 'Ended'), ('published', 'Results Published'),
    ], 'Survey Status', compute='_compute_gov_state')
    gov_start_url = fields.Char('Survey Address', compute='_compute_gov_urls')
    gov_results_url = fields.Char('Results Address', compute='_compute_gov_urls')

    @api.constrains('date_start', 'date_end')
    def _check_period(self):
        for survey in self:
            if survey.date_start and survey.date_end and survey.date_end <= survey.date_start:
                raise ValidationError(_("The survey must end after it starts."))

    @api.constrains('results_published', 'date_end')
    def _check_results_after_end(self):
        """Results are published only after the survey ends (4.2 d)."""
        now = fields.Datetime.now()
        for survey in self:
            if survey.results_published and (not survey.date_end or survey.date_end > now):
                raise ValidationError(_("The results of a survey are published only after its "
                                        "end date."))

    @api.multi
    def write(self, vals):
        """Published results close the survey: its stage no longer says
        进行中 beside 结果已公布."""
        publishing = vals.get('results_published') and self.filtered(lambda s: not s.results_published)
        if publishing and 'stage_id' not in vals:
            closed = self.env.ref('survey.stage_closed', raise_if_not_found=False)
            vals = dict(vals, stage_id=closed.id) if closed else vals
        result = super(SurveySurvey, self).write(vals)
        for survey in publishing or ():
            survey.message_post(body=_('<p>The results of the survey were published.</p>'),
                                subtype='mail.mt_note')
        return result

    @api.multi
    def _compute_participant_count(self):
        data = self.env['survey.user_input'].sudo().read_group(
            [('survey_id', 'in', self.ids), ('state', '=', 'done'), ('test_entry', '=', False)],
            ['survey_id'], ['survey_id'])
        counts = {row['survey_id'][0]: row['survey_id_count'] for row in data}
        for survey in self:
            survey.participant_count = counts.get(survey.id, 0)

    @api.depends('stage_id', 'gov_column_id', 'results_published', 'date_start', 'date_end')
    def _compute_gov_state(self):
        now = fields.Datetime.now()
        draft = self.env.ref('survey.stage_draft', raise_if_not_found=False)
        for survey in self:
            if survey.stage_id == draft or not survey.gov_column_id:
                survey.gov_state = 'draft'
            elif survey.results_published:
                survey.gov_state = 'published'
            elif survey.date_end and survey.date_end <= now or survey.stage_id.closed:
                survey.gov_state = 'ended'
            elif survey.date_start and survey.date_start > now:
                survey.gov_state = 'upcoming'
            else:
                survey.gov_state = 'open'

    @api.multi
    def _compute_gov_urls(self):
        for survey in self:
            survey.gov_start_url = '/survey/start/%s' % slug(survey) if survey.id else False
            survey.gov_results_url = '/interaction/surveys/%s/results' % survey.id

    @api.multi
    def action_publish_results(self):
        for survey in self:
            if not html_text(survey.analysis):
                raise UserError(_("Write the analysis of the results of \"%s\" before publishing "
                                  "them.") % survey.title)
        self.write({'results_published': True})
        return True

    # ------------------------------------------------------------------
    # Taking part
    # ------------------------------------------------------------------

    @api.multi
    def _gov_refusal(self, partner=None):
        """Why ``partner`` cannot answer this survey now (a message), or None."""
        self.ensure_one()
        survey = self.sudo()
        state = survey.gov_state
        if state == 'draft':
            return _("This survey is not published.")
        if state == 'upcoming':
            return _("This survey starts on %s (Beijing time).") % local_time(self.env, survey.date_start)
        if state in ('ended', 'published'):
            return _("This survey has ended: it no longer accepts answers.")
        if partner and survey.one_response and survey._gov_response_of(partner).filtered(
                lambda i: i.state == 'done'):
            return _("You have already answered this survey: each account answers once.")
        return None

    @api.multi
    def _gov_response_of(self, partner):
        self.ensure_one()
        return self.env['survey.user_input'].sudo().search(
            [('survey_id', '=', self.id), ('partner_id', '=', partner.id),
             ('test_entry', '=', False)], order='id desc')

    @api.multi
    def _gov_questions(self):
        self.ensure_one()
        return self.sudo().page_ids.sorted(lambda p: (p.sequence, p.id)).mapped(
            lambda page: page.question_ids.sorted(lambda q: (q.sequence, q.id)))

    @api.multi
    def _gov_submit(self, partner, answers):
        """Record a complete response from the API: ``answers`` maps question
        ids (as strings) to a label id (single choice), a list of label ids
        (multiple choice) or a text.  Returns (user_input, {question: error})."""
        self.ensure_one()
        survey = self.sudo()
        errors = {}
        lines = []
        questions = survey._gov_questions()
        known = {str(question.id) for question in questions}
        for key in answers:
            if str(key) not in known:
                errors[str(key)] = _("Unknown question.")
        for question in questions:
            value = answers.get(str(question.id))
            empty = value in (None, '', []) or (isinstance(value, str) and not value.strip())
            if empty:
                if question.constr_mandatory:
                    errors[str(question.id)] = question.constr_error_msg or _(
                        "This question requires an answer.")
                else:
                    lines.append({'question_id': question.id, 'skipped': True})
                continue
            label_ids = set(question.labels_ids.ids)
            if question.type == 'simple_choice':
                if not isinstance(value, int) or value not in label_ids:
                    errors[str(question.id)] = _("Choose one of the options.")
                    continue
                lines.append({'question_id': question.id, 'answer_type': 'suggestion',
                              'value_suggested': value})
            elif question.type == 'multiple_choice':
                if not isinstance(value, list) or not value or \
                        any(not isinstance(item, int) or item not in label_ids for item in value):
                    errors[str(question.id)] = _("Choose one or more of the options.")
                    continue
                for item in sorted(set(value)):
                    lines.append({'question_id': question.id, 'answer_type': 'suggestion',
                                  'value_suggested': item})
            elif question.type in TEXT_TYPES:
                limit = question.validation_length_max if question.validation_required and \
                    question.validation_length_max else 2000
                if not isinstance(value, str):
                    errors[str(question.id)] = _("Must be text.")
                elif len(value) > limit:
                    errors[str(question.id)] = _("At most %s characters.") % limit
                else:
                    field = 'value_free_text' if question.type == 'free_text' else 'value_text'
                    lines.append({'question_id': question.id, 'answer_type': question.type == 'free_text'
                                  and 'free_text' or 'text', field: value.strip()})
            else:
                errors[str(question.id)] = _("This question can be answered on the website only.")
        if errors:
            return self.env['survey.user_input'], errors
        user_input = self.env['survey.user_input'].sudo().create({
            'survey_id': survey.id, 'partner_id': partner.id, 'state': 'done', 'type': 'manually',
            'user_input_line_ids': [(0, 0, dict(line, survey_id=survey.id)) for line in lines]})
        return user_input, {}

    # ------------------------------------------------------------------
    # Published analysis (4.2 d, 5.1.5)
    # ------------------------------------------------------------------

    @api.multi
    def _gov_public_summary(self):
        self.ensure_one()
        survey = self.sudo()
        states = dict(survey._fields['gov_state']._description_selection(self.env))
        return {
            'id': survey.id,
            'title': survey.title,
            'department': survey.department_id.name or '',
            'state': survey.gov_state,
            'state_name': states[survey.gov_state],
            'date_start': local_time(self.env, survey.date_start),
            'date_end': local_time(self.env, survey.date_end),
            'url': survey.gov_start_url,
            'results_url': survey.gov_results_url if survey.gov_state == 'published' else None,
            'participant_count': survey.participant_count if survey.gov_state == 'published' else None,
        }

    @api.multi
    def _gov_results(self):
        """Per question: counts and percentages (a multiple-choice question
        counts each option: the share of respondents who chose it), or the
        free-text answers with personal data redacted."""
        self.ensure_one()
        survey = self.sudo()
        inputs = self.env['survey.user_input'].sudo().search(
            [('survey_id', '=', survey.id), ('state', '=', 'done'), ('test_entry', '=', False)])
        Line = self.env['survey.user_input_line'].sudo()
        questions = []
        # Grouped reads and plain SQL: no record loaded per answer (ten times faster
        # on hundreds of responses than going through the ORM records).
        for question in survey._gov_questions():
            domain = [('question_id', '=', question.id), ('user_input_id', 'in', inputs.ids),
                      ('skipped', '=', False)]
            cr = self.env.cr
            cr.execute("""SELECT COUNT(DISTINCT user_input_id) FROM survey_user_input_line
                          WHERE question_id = %s AND NOT COALESCE(skipped, FALSE)
                          AND user_input_id = ANY(%s)""", (question.id, inputs.ids))
            answered = cr.fetchone()[0]
            item = {'id': question.id, 'title': question.question, 'type': question.type,
                    'answered': answered}
            if question.type in CHOICE_TYPES:
                counts = {row['value_suggested'][0]: row['value_suggested_count']
                          for row in Line.read_group(domain + [('answer_type', '=', 'suggestion')],
                                                     ['value_suggested'], ['value_suggested'])
                          if row['value_suggested']}
                item['options'] = chart_rows(
                    [(label.value, counts.get(label.id, 0)) for label in question.labels_ids],
                    answered)
            elif question.type in TEXT_TYPES:
                cr.execute("""
                    SELECT COALESCE(line.value_free_text, line.value_text, ''), partner.name
                    FROM survey_user_input_line line
                    JOIN survey_user_input answer ON answer.id = line.user_input_id
                    LEFT JOIN res_partner partner ON partner.id = answer.partner_id
                    WHERE line.question_id = %s AND NOT COALESCE(line.skipped, FALSE)
                    AND line.user_input_id = ANY(%s)
                    ORDER BY line.id LIMIT %s""", (question.id, inputs.ids, FREE_TEXT_SHOWN))
                item['texts'] = [redact(text, [author]) for text, author in cr.fetchall()]
            elif question.type == 'numerical_box':
                values = [row['value_number'] for row in Line.search_read(domain, ['value_number'])]
                item['average'] = round(sum(values) / len(values), 2) if values else None
            questions.append(item)
        return {'participant_count': len(inputs), 'questions': questions,
                'analysis': survey.analysis or ''}
