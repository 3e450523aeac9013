# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Interviews feed the 在线访谈 column (4.1.1, 4.3): the public ones are its
items; a citizen's questions are its items under /my (4.1.3)."""
from odoo import api, fields, models

from .gov_interview import PUBLIC_STATES


class GovInterview(models.Model):
    _name = 'gov.interview'
    _inherit = ['gov.interview', 'gov.column.feed']

    @api.model
    def _column_latest_items(self, column, limit=5):
        items = super(GovInterview, self)._column_latest_items(column, limit)
        interviews = self.sudo().search(
            [('state', 'in', PUBLIC_STATES)], order='date_start desc', limit=limit)
        return items + [{
            'title': interview.name,
            'url': interview.website_url,
            'date': interview._local_time(interview.date_start, '%Y-%m-%d'),
        } for interview in interviews]

    @api.model
    def _column_portal_items(self, column, partner):
        items = super(GovInterview, self)._column_portal_items(column, partner)
        Question = self.env['gov.interview.question']
        questions = Question.sudo().search([('partner_id', '=', partner.id)])
        states = dict(Question._fields['state']._description_selection(self.env))
        return items + [{
            'title': '%s: %s' % (question.interview_id.name, question.content[:40]),
            'url': question.interview_id.website_url,
            'date': fields.Datetime.from_string(question.date).date().isoformat(),
            'state': states[question.state] if not question.answer else Question._answered_label(),
        } for question in questions]
