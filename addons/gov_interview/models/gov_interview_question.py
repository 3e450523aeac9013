# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .gov_interview import ASKING_STATES

QUESTION_MIN = 5
QUESTION_MAX = 500
REPLY_WORKING_DAYS = 7  # 5.2.6
IDENTITY_GROUPS = 'gov_interaction.group_gov_handler,gov_interaction.group_gov_clerk,' \
                  'gov_interaction.group_gov_supervisor'


class GovInterviewQuestion(models.Model):
    """A netizen's question (网友提问): moderated before it shows, answered
    live or publicly within 7 working days after the interview (5.2.6)."""

    _name = 'gov.interview.question'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'gov.department.mixin', 'gov.workflow.mixin']
    _description = 'Interview Question'
    _order = 'date desc, id desc'
    _rec_name = 'content'
    # Decided by the buttons only (gov.workflow.mixin): moderation (shown or
    # not), who answered when and whether live, the 7-working-day deadline
    # of the public reply (5.2.6).
    _workflow_fields = ('state', 'answered_live', 'date_answered', 'answered_by_id',
                        'reply_deadline', 'deadline_schedule_missing')

    interview_id = fields.Many2one('gov.interview', required=True, ondelete='cascade', index=True)
    department_id = fields.Many2one(related='interview_id.department_id', store=True, readonly=True,
                                    index=True)
    interview_state = fields.Selection(related='interview_id.state', readonly=True)
    partner_id = fields.Many2one('res.partner', 'Asked By', required=True, ondelete='restrict',
                                 index=True, groups=IDENTITY_GROUPS)
    author_display = fields.Char('Netizen', compute='_compute_author_display', compute_sudo=True)
    content = fields.Text('Question', required=True)
    channel = fields.Selection([('web', 'Website'), ('api', 'Mobile / API')], required=True,
                               default='web')
    date = fields.Datetime('Asked On', required=True, default=fields.Datetime.now, index=True)
    state = fields.Selection([
        ('pending', 'To Moderate'),
        ('approved', 'Shown'),
        ('rejected', 'Not Shown'),
    ], required=True, default='pending', index=True, track_visibility='onchange')
    answer = fields.Text(track_visibility='onchange')
    answered_live = fields.Boolean(readonly=True)
    date_answered = fields.Datetime('Answered On', readonly=True, index=True)
    answered_by_id = fields.Many2one('res.users', readonly=True)
    reply_deadline = fields.Datetime(
        'Public Reply Deadline', readonly=True, index=True,
        help="Seven working days after the interview for a question not answered live (5.2.6).")
    deadline_schedule_missing = fields.Boolean(readonly=True)
    overdue = fields.Boolean(compute='_compute_overdue', search='_search_overdue')

    @api.depends('partner_id.name')
    def _compute_author_display(self):
        # Never a full name on public pages: 网友 周**.
        for question in self:
            name = (question.partner_id.name or '').strip()
            question.author_display = _('Netizen %s') % ((name[:1] + '**') if name else '***')

    @api.depends('reply_deadline', 'answer')
    def _compute_overdue(self):
        now = fields.Datetime.now()
        for question in self:
            question.overdue = bool(question.reply_deadline and not question.answer
                                    and question.state == 'approved' and question.reply_deadline < now)

    @api.model
    def _search_overdue(self, operator, value):
        # Normalized: Odoo 11 inserts a search method's domain as it is.
        domain = ['&', '&', '&', ('state', '=', 'approved'), ('answer', '=', False),
                  ('reply_deadline', '!=', False), ('reply_deadline', '<', fields.Datetime.now())]
        if (operator == '=') == bool(value):
            return domain
        return [('id', 'not in', self.search(domain).ids)]

    # ------------------------------------------------------------------
    # Asking
    # ------------------------------------------------------------------

    @api.model
    def _rate_limit(self):
        params = self.env['ir.config_parameter'].sudo()
        count = int(params.get_param('gov_interview.question_rate_count', '5') or 5)
        minutes = int(params.get_param('gov_interview.question_rate_minutes', '10') or 10)
        return count, minutes

    @api.model
    def _submission_values(self, interview, partner, content, channel='web'):
        """(vals, errors) for a question typed by ``partner``; errors are
        field -> message, in the request's language."""
        errors = {}
        content = (content or '').strip() if isinstance(content, str) else content
        if not isinstance(content, str) or not content:
            errors['content'] = _("Type your question.")
        elif len(content) < QUESTION_MIN:
            errors['content'] = _("The question is too short: at least %s characters.") % QUESTION_MIN
        elif len(content) > QUESTION_MAX:
            errors['content'] = _("The question is too long: at most %(max)s characters (now %(n)s).") % {
                'max': QUESTION_MAX, 'n': len(content)}
        if interview.state not in ASKING_STATES:
            errors['interview'] = _("Questions are taken from the preview until the interview ends.")
        if not errors:
            count, minutes = self._rate_limit()
            since = fields.Datetime.to_string(fields.Datetime.from_string(fields.Datetime.now())
                                              - timedelta(minutes=minutes))
            Question = self.sudo()
            recent = Question.search([('partner_id', '=', partner.id), ('date', '>=', since)])
            if len(recent) >= count:
                errors['content'] = _(
                    "You have asked %(count)s questions in the last %(minutes)s minutes; "
                    "please wait a little before asking again.") % {'count': count, 'minutes': minutes}
            elif recent.filtered(lambda q: q.interview_id == interview and q.content == content):
                errors['content'] = _("You have already asked this question.")
        vals = {'interview_id': interview.id, 'partner_id': partner.id, 'content': content,
                'channel': channel}
        return vals, errors

    @api.model
    def create(self, vals):
        question = super(GovInterviewQuestion, self.with_context(mail_create_nosubscribe=True)).create(vals)
        if not self.env.context.get('gov_interview_import'):
            question._push_to_hosts()
        return question

    # ------------------------------------------------------------------
    # Moderation and answers
    # ------------------------------------------------------------------

    @api.multi
    def action_approve(self):
        self.mapped('interview_id')._require_host()
        for question in self:
            question._transition().write({'state': 'approved'})
            if question.interview_id.state in ('ended', 'published') and not question.answer:
                question._set_reply_deadline()
        self._push()
        return True

    @api.multi
    def action_reject(self):
        self.mapped('interview_id')._require_host()
        self._transition().write({'state': 'rejected'})
        for question in self:
            question.interview_id._notify({'kind': 'remove', 'item': 'question', 'id': question.id})
        self.sudo().activity_feedback(['gov_interview.mail_activity_type_reply'])
        self._push_to_hosts()
        return True

    @api.multi
    def _give_answer(self, answer):
        """Answer and show the question: live while the interview is live,
        otherwise the public follow-up reply (5.2.6)."""
        self.mapped('interview_id')._require_host()
        answer = (answer or '').strip()
        if not answer:
            raise UserError(_("Type the answer first."))
        for question in self:
            live = question.interview_id.state == 'live'
            question._transition().write({
                'answer': answer, 'state': 'approved', 'answered_live': live,
                'date_answered': fields.Datetime.now(), 'answered_by_id': self.env.user.id})
            question.sudo().activity_feedback(['gov_interview.mail_activity_type_reply'])
        self._push()
        return True

    @api.multi
    def action_publish_answer(self):
        for question in self:
            question._give_answer(question.answer)
        return True

    @api.multi
    def _set_reply_deadline(self):
        """Seven working days after the interview ended (5.2.6), with an
        activity for the organiser."""
        activity_type = self.env.ref('gov_interview.mail_activity_type_reply')
        for question in self:
            interview = question.interview_id
            start = fields.Datetime.from_string(interview.date_ended or fields.Datetime.now())
            calendar = interview.department_id.sudo().calendar_id
            deadline, missing = calendar._deadline(start, REPLY_WORKING_DAYS)
            question.sudo()._transition().write({
                'reply_deadline': fields.Datetime.to_string(deadline),
                'deadline_schedule_missing': bool(missing)})
            department = interview.department_id.sudo()
            user = (department.member_ids - department.manager_id)[:1] or department.manager_id or \
                department._managers_upwards()[:1]
            if user:
                question.sudo().activity_schedule(
                    activity_type_id=activity_type.id, user_id=user.id,
                    summary=_('Reply publicly within 7 working days'),
                    date_deadline=interview._local_time(question.reply_deadline, '%Y-%m-%d'))

    # ------------------------------------------------------------------
    # Live updates
    # ------------------------------------------------------------------

    def _push(self):
        for question in self:
            interview = question.interview_id
            if question.state == 'approved':
                interview._notify({'kind': 'question', 'id': question.id, 'html': interview._render_snippet(
                    'gov_interview.room_question', {'question': question.sudo()})})
        self._push_to_hosts()

    def _push_to_hosts(self):
        for question in self:
            interview = question.interview_id
            interview._notify({'kind': 'moderation', 'id': question.id, 'state': question.state,
                               'html': interview._render_snippet(
                                   'gov_interview.room_moderation_item', {'question': question.sudo()})},
                              host=True)

    def _public_data(self):
        self.ensure_one()
        interview = self.interview_id
        return {
            'id': self.id,
            'author': self.author_display,
            'question': self.content,
            'asked': interview._utc(self.date),
            'answer': self.answer or None,
            'answered_live': self.answered_live,
            'answered': interview._utc(self.date_answered),
            'reply_deadline': interview._utc(self.reply_deadline),
        }

    @api.model
    def _answered_label(self):
        return _('Answered')
