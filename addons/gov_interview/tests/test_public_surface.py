# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public surface of the 在线访谈 column (4.3, 5.2): an interview shows
from its preview on, a question once approved, a plan once approved; only
the organiser's staff host (gov_interaction/tests/public_surface.py)."""
from odoo.addons.gov_interaction.tests import public_surface

ROUTES = {
    ('/interaction/interviews', 'ANY'): 'published',
    ('/interaction/interviews/archive', 'ANY'): 'published',
    ('/interaction/interviews/plans', 'ANY'): 'published',
    ('/interaction/interviews/feed.atom', 'ANY'): 'published',
    ('/interaction/interviews/<int:interview_id>', 'ANY'): 'published',
    ('/interaction/interviews/<int:interview_id>/ask', 'POST'): 'published',
    ('/interaction/interviews/<int:interview_id>/embed', 'ANY'): 'published',
    ('/interaction/interviews/<int:interview_id>/transcript', 'ANY'): 'published',
    ('/interaction/interviews/<int:interview_id>/host/post', 'POST'): 'department',
    ('/interaction/interviews/<int:interview_id>/host/question/<int:question_id>', 'POST'): 'department',
    ('/longpolling/gov_interview/<int:interview_id>/events', 'ANY'): 'published',
    ('/gov_interview/compliance.xlsx', 'ANY'): 'role',
    ('/api/v1/interviews', 'GET'): 'published',
    ('/api/v1/interviews/<int:interview_id>', 'GET'): 'published',
    ('/api/v1/interviews/<int:interview_id>/questions', 'POST'): 'published',
}
ROOM = '/interaction/interviews/<int:interview_id>'
HOST_POST = ROOM + '/host/post'
HOST_QUESTION = ROOM + '/host/question/<int:question_id>'


class TestPublicSurface(public_surface.PublicSurfaceCase):

    ROUTES = ROUTES

    def probes(self):
        Interview = self.env['gov.interview']
        edu = self.env.ref('gov_interaction.dept_edu')
        planned = Interview.search([('state', '=', 'planned')], limit=1)
        planned.name = 'Unpublished interview plan-3k'
        ended = Interview.search([('state', '=', 'ended')], limit=1)
        live = Interview.search([('state', '=', 'live'), ('department_id', '=', edu.id)], limit=1)
        other = Interview.search([('state', '=', 'published')], limit=1)
        pending = self.env['gov.interview.question'].sudo().create({
            'interview_id': live.id, 'content': 'Pending question of citizen q-77',
            'partner_id': self.env.ref('gov_interaction.user_citizen').partner_id.id})
        plan = self.env['gov.interview.plan'].create({'department_id': edu.id, 'year': 2041})
        self.env['gov.interview.plan.line'].create({'plan_id': plan.id, 'topic': 'Draft plan p-5'})
        name, room = planned.name, '/interaction/interviews/%s' % planned.id
        question_url = '/interaction/interviews/%s/host/question/%s'
        probe = public_surface.probe
        return [
            probe(('/interaction/interviews', 'ANY'), '/interaction/interviews', absent=name),
            probe(('/interaction/interviews/archive', 'ANY'), '/interaction/interviews/archive',
                  absent=name),
            probe(('/interaction/interviews/plans', 'ANY'), '/interaction/interviews/plans?year=2041',
                  absent='Draft plan p-5'),
            probe(('/interaction/interviews/feed.atom', 'ANY'), '/interaction/interviews/feed.atom',
                  absent=name),
            probe((ROOM, 'ANY'), room),
            probe((ROOM, 'ANY'), room, 'citizen'),
            probe((ROOM, 'ANY'), '/interaction/interviews/%s' % live.id, 'citizen2',
                  absent='q-77'),
            probe((ROOM + '/ask', 'POST'), room + '/ask', 'citizen', 'POST',
                  {'content': 'When will the new school open?'}),
            probe((ROOM + '/embed', 'ANY'), room + '/embed'),
            probe((ROOM + '/transcript', 'ANY'), room + '/transcript'),
            probe((ROOM + '/transcript', 'ANY'), '/interaction/interviews/%s/transcript' % ended.id),
            probe((HOST_POST, 'POST'), '/interaction/interviews/%s/host/post' % live.id, 'handler_env',
                  'POST', {'body': 'A post from another department'}),
            probe((HOST_POST, 'POST'), '/interaction/interviews/%s/host/post' % live.id, 'citizen',
                  'POST', {'body': 'A post from a citizen'}),
            probe((HOST_QUESTION, 'POST'), question_url % (live.id, pending.id), 'handler_env',
                  'POST', {'action': 'approve'}),
            probe((HOST_QUESTION, 'POST'), question_url % (other.id, pending.id), 'handler_edu',
                  'POST', {'action': 'approve'}),
            probe(('/longpolling/gov_interview/<int:interview_id>/events', 'ANY'),
                  '/longpolling/gov_interview/%s/events' % planned.id),
            probe(('/gov_interview/compliance.xlsx', 'ANY'), '/gov_interview/compliance.xlsx',
                  'citizen', status=403),
            probe(('/api/v1/interviews', 'GET'), '/api/v1/interviews?limit=100', absent=name),
            probe(('/api/v1/interviews/<int:interview_id>', 'GET'), '/api/v1/interviews/%s' % planned.id),
            probe(('/api/v1/interviews/<int:interview_id>', 'GET'), '/api/v1/interviews/%s' % live.id,
                  'citizen2', absent='q-77'),
            probe(('/api/v1/interviews/<int:interview_id>/questions', 'POST'),
                  '/api/v1/interviews/%s/questions' % planned.id, 'citizen', 'POST',
                  {'content': 'When will the new school open?'}),
        ]

    def check_unchanged(self):
        """The refused host requests changed nothing."""
        self.assertFalse(self.env['gov.interview.post'].search([('body', 'like', 'A post from')]))
        self.assertEqual(self.env['gov.interview.question'].search(
            [('content', '=', 'Pending question of citizen q-77')]).state, 'pending')
