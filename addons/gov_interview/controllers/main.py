# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json
from xml.sax.saxutils import escape

from werkzeug.exceptions import NotFound
from werkzeug.urls import url_parse

from odoo import _, fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from ..models.gov_interview import ASKING_STATES, PUBLIC_STATES
from ..models.gov_interview_post import IMAGE_EXTENSIONS, IMAGE_MAX_MB, IMAGES_PER_POST

ARCHIVE_PAGE_SIZE = 20


def json_answer(data, status=200):
    return http.Response(json.dumps(data, ensure_ascii=False), status=status, headers=[
        ('Content-Type', 'application/json; charset=utf-8'), ('Cache-Control', 'no-store')])


def wants_json():
    return request.httprequest.headers.get('X-Requested-With') == 'fetch'


def public_base_url():
    """The site's configured address (``web.base.url``), for the absolute
    links of public pages, feeds and the API.  Never the request's Host or
    X-Forwarded-Host: any client sets those, and a feed or page built on them
    would link to the client's site (and a shared cache would serve that to
    everyone)."""
    return request.env['ir.config_parameter'].sudo().get_param('web.base.url', '').rstrip('/')


class InterviewWebsite(http.Controller):
    """The public pages of the 在线访谈 column (4.3, 5.2.4-5.2.8)."""

    def _column(self):
        return request.env['gov.interaction.column']._get('gov_interaction.column_interview')

    def _interview(self, interview_id, states=PUBLIC_STATES):
        if not 0 < interview_id < 2 ** 31:
            raise NotFound()
        interview = request.env['gov.interview'].sudo().browse(interview_id).exists()
        if not interview or interview.state not in states:
            raise NotFound()
        return interview

    @http.route('/interaction/interviews', type='http', auth='public', website=True)
    def index(self, **kwargs):
        Interview = request.env['gov.interview'].sudo()
        return request.render('gov_interview.interview_index', {
            'column': self._column(),
            'live': Interview.search([('state', '=', 'live')], order='date_start'),
            'previews': Interview.search([('state', '=', 'announced')], order='date_start'),
            'transcripts': Interview.search([('state', '=', 'published')], order='date_start desc', limit=6),
            'page_title': self._column().name,
        })

    @http.route('/interaction/interviews/archive', type='http', auth='public', website=True)
    def archive(self, page=1, **kwargs):
        """回顾: every past interview, with its video and transcript."""
        try:
            page = max(int(page), 1)
        except ValueError:
            page = 1
        Interview = request.env['gov.interview'].sudo()
        domain = [('state', 'in', ('ended', 'published'))]
        total = Interview.search_count(domain)
        interviews = Interview.search(domain, order='date_start desc', limit=ARCHIVE_PAGE_SIZE,
                                      offset=(page - 1) * ARCHIVE_PAGE_SIZE)
        return request.render('gov_interview.interview_archive', {
            'column': self._column(), 'interviews': interviews, 'page': page,
            'has_next': total > page * ARCHIVE_PAGE_SIZE, 'page_title': _('Review'),
        })

    @http.route('/interaction/interviews/plans', type='http', auth='public', website=True)
    def plans(self, year=None, **kwargs):
        """The approved interview plans of a year (4.3)."""
        Plan = request.env['gov.interview.plan'].sudo()
        try:
            year = int(year) if year else fields.Date.from_string(fields.Date.today()).year
        except ValueError:
            raise NotFound()
        plans = Plan.search([('state', '=', 'approved'), ('year', '=', year)])
        return request.render('gov_interview.interview_plans', {
            'column': self._column(), 'plans': plans, 'year': year, 'page_title': _('Interview Plans'),
        })

    def _room_values(self, interview, values=None, errors=None, notice=None):
        user = request.env.user
        can_host = interview._can_host(user)
        questions = interview.question_ids.filtered(lambda q: q.state == 'approved').sorted(
            'date', reverse=True)
        return {
            'column': self._column(),
            'interview': interview,
            'page_title': interview.name,
            'posts': interview.post_ids.sorted(lambda p: (p.date, p.id), reverse=True),
            'questions': questions,
            'can_ask': interview.state in ASKING_STATES,
            'signed_in': not user._is_public(),
            'can_host': can_host,
            'pending': interview.question_ids.filtered(lambda q: q.state == 'pending').sorted('date')
            if can_host else interview.question_ids.browse(),
            'values': values or {},
            'errors': errors or {},
            'notice': notice,
        }

    @http.route('/interaction/interviews/<int:interview_id>', type='http', auth='public', website=True)
    def interview(self, interview_id, **kwargs):
        """Preview, live room and review of one interview (4.3)."""
        interview = self._interview(interview_id)
        return request.render('gov_interview.interview_page', self._room_values(interview))

    @http.route('/interaction/interviews/<int:interview_id>/ask', type='http', auth='public',
                website=True, methods=['POST'])
    def ask(self, interview_id, content=None, **kwargs):
        """A signed-in citizen asks; the question shows after moderation."""
        interview = self._interview(interview_id)
        user = request.env.user
        if user._is_public():
            message = _("Please sign in to ask a question.")
            if wants_json():
                return json_answer({'errors': {'content': message}}, status=401)
            return request.redirect('/web/login?redirect=%s' % interview.website_url)
        Question = request.env['gov.interview.question'].sudo()
        vals, errors = Question._submission_values(interview, user.partner_id, content)
        if not errors:
            Question.create(vals)
            notice = _("Your question was received; it will be shown once a moderator approves it.")
            if wants_json():
                return json_answer({'ok': True, 'message': notice})
            return request.render('gov_interview.interview_page', self._room_values(
                interview, notice=notice))
        if wants_json():
            return json_answer({'errors': errors}, status=422)
        # Nothing typed is lost: the page comes back with the question.
        return request.render('gov_interview.interview_page', self._room_values(
            interview, values={'content': content or ''}, errors=errors))

    # ------------------------------------------------------------------
    # The host's console in the live room
    # ------------------------------------------------------------------

    def _hosted(self, interview_id):
        interview = self._interview(interview_id)
        if not interview._can_host(request.env.user):
            raise NotFound()
        return interview

    @http.route('/interaction/interviews/<int:interview_id>/host/post', type='http', auth='user',
                methods=['POST'])
    def host_post(self, interview_id, body=None, speaker=None, **kwargs):
        interview = self._hosted(interview_id)
        files = [upload for upload in request.httprequest.files.getlist('images') if upload.filename]
        error = None
        if interview.state != 'live':
            error = _("Posts are published while the interview is live.")
        elif not (body or '').strip():
            error = _("Type the text of the post.")
        elif len(files) > IMAGES_PER_POST:
            error = _("A post has at most %s pictures.") % IMAGES_PER_POST
        datas = []
        for upload in files if not error else []:
            data = upload.read(IMAGE_MAX_MB * 1024 * 1024 + 1)
            if not upload.filename.lower().endswith(IMAGE_EXTENSIONS) or \
                    not (upload.mimetype or '').startswith('image/'):
                error = _("%s is not a picture: only JPG, PNG, GIF and WebP are accepted.") % upload.filename
            elif len(data) > IMAGE_MAX_MB * 1024 * 1024:
                error = _("The picture %(name)s is larger than %(size)s MB.") % {
                    'name': upload.filename, 'size': IMAGE_MAX_MB}
            datas.append((upload.filename, data))
        if error:
            return json_answer({'error': error}, status=422)
        try:
            attachments = request.env['ir.attachment'].sudo()
            for name, data in datas:
                attachments |= attachments.create({
                    'name': name, 'datas_fname': name, 'datas': base64.b64encode(data), 'public': True})
            post = request.env['gov.interview.post'].sudo().create({
                'interview_id': interview.id, 'body': body.strip(),
                'speaker': (speaker or '').strip()[:64] or False,
                'author_id': request.env.user.id, 'image_ids': [(6, 0, attachments.ids)]})
        except (UserError, ValidationError) as exception:
            request.env.cr.rollback()
            return json_answer({'error': exception.name}, status=422)
        return json_answer({'ok': True, 'id': post.id})

    @http.route('/interaction/interviews/<int:interview_id>/host/question/<int:question_id>',
                type='http', auth='user', methods=['POST'])
    def host_question(self, interview_id, question_id, action=None, answer=None, **kwargs):
        interview = self._hosted(interview_id)
        question = request.env['gov.interview.question'].sudo().browse(question_id).exists()
        if not question or question.interview_id != interview:
            raise NotFound()
        try:
            if action == 'approve':
                question.action_approve()
            elif action == 'reject':
                question.action_reject()
            elif action == 'answer':
                question._give_answer(answer)
            else:
                return json_answer({'error': _("Unknown action.")}, status=400)
        except (UserError, ValidationError) as exception:
            request.env.cr.rollback()
            return json_answer({'error': exception.name}, status=422)
        return json_answer({'ok': True, 'state': question.state})

    # ------------------------------------------------------------------
    # Transcript (5.2.7) and re-posting (5.2.8)
    # ------------------------------------------------------------------

    @http.route('/interaction/interviews/<int:interview_id>/transcript', type='http', auth='public',
                website=True)
    def transcript(self, interview_id, **kwargs):
        interview = self._interview(interview_id, states=('published',))
        return request.render('gov_interview.interview_transcript', {
            'column': self._column(), 'interview': interview,
            'page_title': _('Transcript: %s') % interview.name,
            'followups': interview.question_ids.filtered(
                lambda q: q.state == 'approved' and q.answer and not q.answered_live),
        })

    @http.route('/interaction/interviews/<int:interview_id>/embed', type='http', auth='public',
                website=True, sitemap=False)
    def embed(self, interview_id, **kwargs):
        """A minimal summary page that other government sites frame (5.2.8)."""
        interview = self._interview(interview_id)
        response = request.render('gov_interview.interview_embed', {
            'interview': interview, 'base_url': public_base_url()})
        ancestors = request.env['ir.config_parameter'].sudo().get_param(
            'gov_interview.embed_frame_ancestors', '') or ''
        allowed = ' '.join(part for part in ancestors.replace(',', ' ').split()
                           if part.startswith('https://') or part == '*')
        response.headers['Content-Security-Policy'] = "frame-ancestors 'self' %s" % allowed
        response.headers.pop('X-Frame-Options', None)
        return response

    @http.route('/interaction/interviews/feed.atom', type='http', auth='public', website=True,
                sitemap=False)
    def feed(self, **kwargs):
        """Atom feed of published interviews (5.2.8), newest first.

        The body depends on the data and the configuration only, never on
        the request: links on the configured base URL, the website of that
        address (not the one the Host header picks), Chinese as the feed
        declares (not the visitor's language).  So it stays publicly
        cacheable: a shared cache may serve one copy to everyone."""
        base = public_base_url()
        env = request.env(context=dict(request.env.context, lang='zh_CN'))
        Website = env['website'].sudo()
        website = Website.browse(Website._get_current_website_id(url_parse(base).host or None))
        interviews = env['gov.interview'].sudo().search(
            [('state', '=', 'published')], order='date_published desc', limit=50)
        updated = interviews[:1].date_published or fields.Datetime.now()
        entries = []
        for interview in interviews:
            link = '%s%s' % (base, interview.website_url)
            guests = '、'.join('%s %s' % (g.title, g.name) for g in interview.guest_ids)
            entries.append(
                '<entry><title>%(title)s</title><id>%(id)s</id>'
                '<link rel="alternate" type="text/html" href="%(link)s"/>'
                '<link rel="related" type="text/html" href="%(link)s/transcript"/>'
                '<link rel="enclosure" href="%(embed)s"/>'
                '%(video)s<updated>%(updated)s</updated><published>%(published)s</published>'
                '<author><name>%(author)s</name></author>'
                '<summary type="text">%(summary)s</summary>'
                '<content type="html">%(content)s</content></entry>' % {
                    'title': escape(interview.name), 'id': escape(link), 'link': escape(link),
                    'embed': escape(link + '/embed'),
                    'video': '<link rel="related" type="video/mp4" href="%s"/>' % escape(interview.video_url)
                    if interview.video_url else '',
                    'updated': self._atom_date(interview.date_published),
                    'published': self._atom_date(interview.date_live or interview.date_start),
                    'author': escape(interview.department_id.name),
                    'summary': escape('%s %s' % (guests, interview.summary or '')),
                    'content': escape(interview.transcript or ''),
                })
        body = ('<?xml version="1.0" encoding="utf-8"?>'
                '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">'
                '<title>%(title)s</title><id>%(self)s</id>'
                '<link rel="self" type="application/atom+xml" href="%(self)s"/>'
                '<link rel="alternate" type="text/html" href="%(column)s"/>'
                '<updated>%(updated)s</updated>%(entries)s</feed>') % {
            'title': escape('%s - %s' % (
                env.ref('gov_interaction.column_interview').sudo().name, website.name)),
            'self': escape(base + '/interaction/interviews/feed.atom'),
            'column': escape(base + '/interaction/interviews'),
            'updated': self._atom_date(updated), 'entries': ''.join(entries)}
        # Public caching is safe: nothing above comes from the request.
        return request.make_response(body, headers=[
            ('Content-Type', 'application/atom+xml; charset=utf-8'),
            ('Cache-Control', 'public, max-age=300')])

    @staticmethod
    def _atom_date(value):
        return fields.Datetime.from_string(value).strftime('%Y-%m-%dT%H:%M:%SZ')
