# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.urls import url_parse

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html_escape

from odoo.addons.gov_interaction.tools import local_time

INTERVIEW_STATES = [
    ('planned', 'Planned'),
    ('announced', 'Announced'),
    ('live', 'Live'),
    ('ended', 'Ended'),
    ('published', 'Transcript Published'),
]
# What the public sees: the preview onwards (5.2.4).
PUBLIC_STATES = ('announced', 'live', 'ended', 'published')
# Citizens ask from the preview until the interview ends.
ASKING_STATES = ('announced', 'live')
DURATION_NORMAL = 60  # minutes; longer needs a reason (5.2.5)
DURATION_MAX = 90  # never longer (5.2.5)
VIDEO_FILE_EXTENSIONS = ('.mp4', '.webm', '.ogg', '.m3u8')


def is_web_url(url):
    """True for an absolute http(s) address with a host."""
    try:
        parsed = url_parse((url or '').strip())
    except ValueError:
        return False
    return parsed.scheme in ('http', 'https') and bool(parsed.host)


def is_site_path(url):
    """True for a path on this site ("/gov_interview/static/..."), not "//host"."""
    url = (url or '').strip()
    return url.startswith('/') and not url.startswith('//') and '\\' not in url


class GovInterview(models.Model):
    """An online interview (在线访谈, 4.3, 5.2): preview, live room,
    questions, transcript."""

    _name = 'gov.interview'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'gov.department.mixin',
                'gov.workflow.mixin']
    _description = 'Online Interview'
    _order = 'date_start desc, id desc'
    # Decided by the buttons only (gov.workflow.mixin): the preview (5.2.4),
    # the live interview and its actual duration (5.2.5), the published
    # transcript (5.2.7).
    _workflow_fields = ('state', 'date_announced', 'date_live', 'date_ended', 'duration_actual',
                        'date_published')

    name = fields.Char('Topic', required=True, track_visibility='onchange')
    department_id = fields.Many2one('gov.department', 'Organiser', required=True, index=True,
                                    ondelete='restrict', track_visibility='onchange')
    summary = fields.Text(help="What the interview is about, shown in the preview.")
    plan_line_id = fields.Many2one('gov.interview.plan.line', 'Planned Interview', index=True,
                                   ondelete='set null')
    guest_ids = fields.One2many('gov.interview.guest', 'interview_id', 'Guests', copy=True)
    date_start = fields.Datetime('Scheduled Start', required=True, index=True,
                                 track_visibility='onchange')
    duration_planned = fields.Integer('Planned Duration (minutes)', required=True, default=60,
                                      track_visibility='onchange')
    duration_reason = fields.Text(
        'Reason for a Longer Interview',
        help="Required when the interview is planned for more than 60 minutes (5.2.5).")
    interview_format = fields.Selection([
        ('video', 'Video'), ('text', 'Image and Text'), ('both', 'Video and Image-Text'),
    ], 'Format', required=True, default='both')
    video_url = fields.Char(
        'Stream / Video Address',
        help="The live stream while live, then the recording: an http(s) address of a "
             "video file or of an embeddable player page.")
    state = fields.Selection(INTERVIEW_STATES, required=True, default='planned', readonly=True,
                             copy=False, index=True, track_visibility='onchange',
                             group_expand='_expand_states')
    featured = fields.Boolean(
        'Important', help="Offered to other government sites for re-posting (5.2.8).")
    date_announced = fields.Datetime('Preview Published', readonly=True, copy=False)
    date_live = fields.Datetime('Started', readonly=True, copy=False)
    date_ended = fields.Datetime('Ended', readonly=True, copy=False)
    duration_actual = fields.Integer('Actual Duration (minutes)', readonly=True, copy=False)
    date_published = fields.Datetime('Transcript Published On', readonly=True, copy=False)
    post_ids = fields.One2many('gov.interview.post', 'interview_id', 'Live Posts', copy=False)
    question_ids = fields.One2many('gov.interview.question', 'interview_id', 'Questions',
                                   copy=False)
    transcript = fields.Html(
        copy=False, sanitize=True,
        help="The image-text record of the interview (实录), built from the live posts and "
             "answers, edited, then published (5.2.7).")
    post_count = fields.Integer(compute='_compute_counts')
    question_count = fields.Integer(compute='_compute_counts')
    pending_question_count = fields.Integer('To Moderate', compute='_compute_counts')
    unanswered_count = fields.Integer('Unanswered', compute='_compute_counts')
    website_url = fields.Char(compute='_compute_website_url')
    video_is_file = fields.Boolean(compute='_compute_website_url')

    @api.model
    def _expand_states(self, states, domain, order):
        return [key for key, _label in self._fields['state'].selection]

    @api.depends('post_ids', 'question_ids.state', 'question_ids.answer')
    def _compute_counts(self):
        for interview in self:
            questions = interview.question_ids
            interview.post_count = len(interview.post_ids)
            interview.question_count = len(questions)
            interview.pending_question_count = len(questions.filtered(lambda q: q.state == 'pending'))
            interview.unanswered_count = len(questions.filtered(
                lambda q: q.state == 'approved' and not q.answer))

    @api.depends('video_url')
    def _compute_website_url(self):
        for interview in self:
            interview.website_url = '/interaction/interviews/%s' % interview.id
            path = url_parse(interview.video_url or '').path.lower()
            interview.video_is_file = path.endswith(VIDEO_FILE_EXTENSIONS)

    # ------------------------------------------------------------------
    # Constraints (5.2.5)
    # ------------------------------------------------------------------

    @api.constrains('duration_planned', 'duration_reason')
    def _check_duration(self):
        for interview in self:
            minutes = interview.duration_planned
            if minutes <= 0:
                raise ValidationError(_("The planned duration must be a positive number of minutes."))
            if minutes > DURATION_MAX:
                raise ValidationError(_(
                    "An interview may last at most %(max)s minutes (5.2.5); %(minutes)s minutes "
                    "is refused.") % {'max': DURATION_MAX, 'minutes': minutes})
            if minutes > DURATION_NORMAL and not (interview.duration_reason or '').strip():
                raise ValidationError(_(
                    "An interview should last at most %(normal)s minutes (5.2.5): give the reason "
                    "for planning %(minutes)s minutes.") % {'normal': DURATION_NORMAL, 'minutes': minutes})

    @api.constrains('video_url')
    def _check_video_url(self):
        for interview in self:
            url = interview.video_url
            if url and not (is_web_url(url) or is_site_path(url)):
                raise ValidationError(_(
                    "The video address must start with http:// or https://, or be a path "
                    "on this site starting with /."))

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    def _state_label(self):
        return dict(self._fields['state']._description_selection(self.env))[self.state]

    @api.multi
    def _require_state(self, *states):
        for interview in self:
            if interview.state not in states:
                raise UserError(_(
                    "The interview \"%(topic)s\" is %(state)s: this is not possible now.") % {
                    'topic': interview.name, 'state': interview._state_label()})

    @api.multi
    def action_announce(self):
        """Publish the preview (5.2.4): before the interview, with its guests."""
        self._require_state('planned')
        now = fields.Datetime.now()
        for interview in self:
            if interview.date_start <= now:
                raise UserError(_("A preview is published in advance: the scheduled start of "
                                  "\"%s\" has already passed.") % interview.name)
            if not interview.guest_ids:
                raise UserError(_("Add the guests of \"%s\" before publishing the preview.")
                                % interview.name)
            interview._transition().write({'state': 'announced', 'date_announced': now})
        return True

    @api.multi
    def action_start(self):
        self._require_state('announced')
        for interview in self:
            interview._transition().write({'state': 'live', 'date_live': fields.Datetime.now()})
            interview._notify_state()
        return True

    @api.multi
    def action_end(self):
        """End the live interview: its actual duration is recorded, and every
        approved question still unanswered gets a public-reply deadline of 7
        working days with an activity for the department (5.2.6)."""
        self._require_state('live')
        now = fields.Datetime.now()
        for interview in self:
            started = fields.Datetime.from_string(interview.date_live or now)
            minutes = int(round((fields.Datetime.from_string(now) - started).total_seconds() / 60.0))
            interview._transition().write({'state': 'ended', 'date_ended': now,
                                           'duration_actual': minutes})
            if minutes > DURATION_MAX:
                interview.message_post(body=_(
                    "The interview lasted %(minutes)s minutes, more than the %(max)s allowed (5.2.5).")
                    % {'minutes': minutes, 'max': DURATION_MAX}, subtype='mail.mt_note')
            interview.question_ids.filtered(
                lambda q: q.state == 'approved' and not q.answer)._set_reply_deadline()
            interview._notify_state()
        return True

    @api.multi
    def action_build_transcript(self):
        """Assemble the transcript (5.2.7) from the video link, the guests,
        the host's posts and the answered questions, in time order; staff
        edit it before publishing."""
        self._require_state('ended', 'published')
        for interview in self:
            interview.transcript = interview._transcript_html()
        return True

    @api.multi
    def _transcript_html(self):
        self.ensure_one()
        parts = ['<h2>%s</h2>' % html_escape(self.name)]
        if self.guest_ids:
            parts.append('<p><strong>%s</strong>%s</p>' % (html_escape(_('Guests: ')), html_escape(
                '、'.join('%s %s' % (guest.title, guest.name) for guest in self.guest_ids))))
        if self.video_url:
            parts.append('<p><strong>%s</strong><a href="%s">%s</a></p>' % (
                html_escape(_('Video: ')), html_escape(self.video_url), html_escape(self.video_url)))
        entries = [(post.date, 'post', post) for post in self.post_ids] + [
            (question.date_answered, 'question', question) for question in self.question_ids
            if question.state == 'approved' and question.answer and question.answered_live]
        for _date, kind, record in sorted(entries, key=lambda entry: (entry[0] or '', entry[2].id)):
            if kind == 'post':
                parts.append('<div class="o_gov_transcript_post"><p>%s</p>%s</div>' % (
                    html_escape(record.body).replace('\n', '<br/>'),
                    ''.join('<p><img src="/web/image/%s" alt="%s" style="max-width:100%%"/></p>' % (
                        image.id, html_escape(image.name or '')) for image in record.image_ids)))
            else:
                parts.append(
                    '<div class="o_gov_transcript_qa"><p><strong>%s</strong>%s</p>'
                    '<p><strong>%s</strong>%s</p></div>' % (
                        html_escape(_('Question from %s: ') % record.author_display),
                        html_escape(record.content),
                        html_escape(_('Answer: ')),
                        html_escape(record.answer).replace('\n', '<br/>')))
        return ''.join(parts)

    @api.multi
    def action_publish(self):
        """Publish the transcript (实录, 5.2.7)."""
        self._require_state('ended')
        for interview in self:
            if not interview.transcript or not interview.transcript.strip() or \
                    interview.transcript.strip() == '<p><br></p>':
                raise UserError(_("Build and check the transcript of \"%s\" before publishing it.")
                                % interview.name)
            interview._transition().write({'state': 'published',
                                           'date_published': fields.Datetime.now()})
            interview._notify_state()
        return True

    @api.multi
    def action_view_questions(self):
        self.ensure_one()
        action = self.env.ref('gov_interview.action_gov_interview_question').read()[0]
        action['domain'] = [('interview_id', '=', self.id)]
        action['context'] = {'default_interview_id': self.id}
        return action

    @api.multi
    def action_open_website(self):
        self.ensure_one()
        return {'type': 'ir.actions.act_url', 'url': self.website_url, 'target': 'self'}

    # ------------------------------------------------------------------
    # Who may host, the public, the live bus
    # ------------------------------------------------------------------

    @api.multi
    def _can_host(self, user=None):
        """Post, moderate and answer: the organiser's handlers and managers,
        the general office."""
        self.ensure_one()
        # has_group() of Odoo 11 checks the environment's user: use the user's own.
        user = (user or self.env.user).sudo((user or self.env.user).id)
        if user._is_public() or user.share:
            return False
        if user.has_group('gov_interaction.group_gov_office'):
            return True
        return user.has_group('gov_interaction.group_gov_handler') and \
            self.department_id in user.gov_visible_department_ids

    @api.multi
    def _require_host(self):
        for interview in self:
            if not interview._can_host():
                raise UserError(_("Only the organiser's staff can host the interview \"%s\".")
                                % interview.name)

    def _is_public(self):
        return self.state in PUBLIC_STATES

    def _bus_channel(self, host=False):
        """Non-string channels: Odoo 11's public /longpolling/send can only
        publish on string channels, so nobody can forge these."""
        return (self._cr.dbname, 'gov.interview.host' if host else 'gov.interview', self.id)

    def _bus_newest(self):
        """The newest bus message id: a page rendered now streams from it."""
        self.env.cr.execute("SELECT coalesce(max(id), 0) FROM bus_bus")
        return self.env.cr.fetchone()[0]

    def _render_snippet(self, template, values):
        # Pushed to every viewer: in the site's language, not the sender's.
        lang = self.env['website'].sudo().search([], limit=1).default_lang_code or 'zh_CN'
        values = {key: value.with_context(lang=lang) if isinstance(value, models.BaseModel) else value
                  for key, value in values.items()}
        html = self.env['ir.qweb'].with_context(lang=lang).render(template, values)
        return html.decode() if isinstance(html, bytes) else html

    @api.multi
    def _notify(self, message, host=False):
        notifications = [(interview._bus_channel(host), dict(message, interview_id=interview.id))
                         for interview in self if interview._is_public() or host]
        if notifications:
            self.env['bus.bus'].sendmany(notifications)

    @api.multi
    def _notify_state(self):
        for interview in self:
            interview._notify({'kind': 'state', 'state': interview.state,
                               'state_label': interview._state_label()})

    @api.model
    def _local_time(self, value, pattern='%Y-%m-%d %H:%M'):
        return local_time(self.env, value, pattern)

    @api.model
    def _year_held_domain(self, year):
        start, end = self.env['gov.interview.plan']._year_bounds(year)
        return [('state', 'in', ('ended', 'published')), ('date_live', '>=', start),
                ('date_live', '<', end)]

    # ------------------------------------------------------------------
    # Public data (website feed, API)
    # ------------------------------------------------------------------

    def _public_summary(self):
        self.ensure_one()
        return {
            'id': self.id,
            'topic': self.name,
            'organiser': self.department_id.sudo().name,
            'state': self.state,
            'state_name': self._state_label(),
            'format': self.interview_format,
            'scheduled_start': self._utc(self.date_start),
            'planned_duration': self.duration_planned,
            'actual_duration': self.duration_actual or None,
            'featured': self.featured,
            'url': self.website_url,
            'guests': [{'name': g.name, 'title': g.title} for g in self.guest_ids],
        }

    def _public_detail(self, base_url=''):
        self.ensure_one()
        data = self._public_summary()
        data.update({
            'summary': self.summary or '',
            'video_url': self.video_url or None,
            'started': self._utc(self.date_live),
            'ended': self._utc(self.date_ended),
            'transcript_url': '%s/transcript' % self.website_url if self.state == 'published' else None,
            'posts': [post._public_data(base_url) for post in self.post_ids.sorted('date')],
            'questions': [question._public_data() for question in self.question_ids.filtered(
                lambda q: q.state == 'approved').sorted('date')],
        })
        return data

    @staticmethod
    def _utc(value):
        return fields.Datetime.from_string(value).isoformat() + 'Z' if value else None
