# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .gov_interview import PUBLIC_STATES


class GovInteractionColumn(models.Model):
    _inherit = 'gov.interaction.column'

    def _latest_items(self, limit=5):
        items = super(GovInteractionColumn, self)._latest_items(limit)
        if self.code != 'interview':
            return items
        interviews = self.env['gov.interview'].sudo().search(
            [('state', 'in', PUBLIC_STATES)], order='date_start desc', limit=limit)
        return items + [{
            'title': interview.name,
            'url': interview.website_url,
            'date': interview._local_time(interview.date_start, '%Y-%m-%d'),
        } for interview in interviews]

    def _portal_items(self, partner):
        items = super(GovInteractionColumn, self)._portal_items(partner)
        if self.code != 'interview':
            return items
        Question = self.env['gov.interview.question']
        questions = Question.sudo().search([('partner_id', '=', partner.id)])
        states = dict(Question._fields['state']._description_selection(self.env))
        return items + [{
            'title': '%s: %s' % (question.interview_id.name, question.content[:40]),
            'url': question.interview_id.website_url,
            'date': fields.Datetime.from_string(question.date).date().isoformat(),
            'state': states[question.state] if not question.answer else Question._answered_label(),
        } for question in questions]
