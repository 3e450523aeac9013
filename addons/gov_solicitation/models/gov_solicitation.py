# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gov_interaction.tools import chart_rows, html_text, local_time

# 5.1.2
MODES = [('routine', 'Routine Solicitation'), ('topic', 'Topic Solicitation'),
         ('special', 'Special Solicitation')]
# 5.1.3
CONTENT_KINDS = [
    ('demands', "People's Demands"),
    ('satisfaction', 'Satisfaction with Government Work'),
    ('opinions', 'Opinions and Suggestions'),
]
# 5.1.4 c: how the opinions are gathered.
FORMS = [
    ('online', 'Online'),
    ('online_meeting', 'Online and Symposium'),
    ('online_mail', 'Online, Letter and Fax'),
]
ATTACHMENT_EXTENSIONS = ('.pdf', '.jpg', '.jpeg', '.png', '.doc', '.docx', '.txt')


class GovSolicitation(models.Model):
    """An opinion solicitation (意见征集, clauses 4.2 a–c and 5.1)."""

    _name = 'gov.solicitation'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'gov.department.mixin',
                'gov.workflow.mixin']
    _description = 'Opinion Solicitation'
    _order = 'date_start desc, id desc'
    # Decided by the buttons only (gov.workflow.mixin): opened, closed with the
    # summary deadline (5.1.4), result published (4.2 a-c, 5.1.4 e).
    _workflow_fields = ('state', 'date_closed', 'summary_deadline', 'date_published')

    name = fields.Char('Topic', required=True, track_visibility='onchange')
    department_id = fields.Many2one('gov.department', 'Soliciting Department', required=True,
                                    index=True, ondelete='restrict', track_visibility='onchange')
    mode = fields.Selection(MODES, required=True, default='routine', track_visibility='onchange')
    content_kind = fields.Selection(CONTENT_KINDS, 'Content', required=True, default='opinions')
    solicitation_form = fields.Selection(FORMS, 'Form', required=True, default='online')
    state = fields.Selection([
        ('draft', 'Draft'),
        ('open', 'Open'),
        ('closed', 'Closed'),
        ('published', 'Result Published'),
    ], required=True, default='draft', readonly=True, copy=False, index=True,
        track_visibility='onchange', group_expand='_expand_states')
    date_start = fields.Datetime('Start', required=True, index=True)
    date_end = fields.Datetime('End', required=True, index=True)
    summary = fields.Text(help="One or two sentences shown in the list.")
    body = fields.Html('Full Text', sanitize=True, help="The full text of the document (4.2 a).")
    explanation = fields.Html(sanitize=True,
                              help="The detailed explanation of the draft (4.2 a).")
    sample = fields.Html('Sample Opinion', sanitize=True,
                         help="Where needed, a sample of how to write an opinion (4.2 a).")
    attachment_ids = fields.Many2many('ir.attachment', 'gov_solicitation_ir_attachment_rel',
                                      'solicitation_id', 'attachment_id', string='Documents')
    category_ids = fields.One2many('gov.solicitation.category', 'solicitation_id', 'Categories',
                                   copy=True)
    opinion_ids = fields.One2many('gov.solicitation.opinion', 'solicitation_id', 'Opinions')
    opinion_count = fields.Integer('Opinions', compute='_compute_counts')
    adopted_count = fields.Integer('Adopted', compute='_compute_counts',
                                   help="Adopted and partly adopted opinions.")
    undecided_count = fields.Integer('Undecided', compute='_compute_counts')
    result = fields.Html(sanitize=True, copy=False,
                         help="How the public took part and how the opinions were handled and "
                              "adopted; published with the statistics (4.2 a, 5.1.4 e).")
    publish_adoption = fields.Boolean(
        'Publish the Adoption Status', default=True, copy=False,
        help="Show the decision on each opinion on the result page. Required for special "
             "solicitations (4.2 c).")
    date_closed = fields.Datetime('Closed On', readonly=True, copy=False)
    date_published = fields.Datetime('Published On', readonly=True, copy=False)
    summary_deadline = fields.Datetime(
        readonly=True, copy=False,
        help="The opinions are sorted and summarised within the set number of working days "
             "after closing.")

    @api.model
    def _expand_states(self, states, domain, order):
        return [key for key, _label in self._fields['state'].selection]

    @api.depends('opinion_ids.decision')
    def _compute_counts(self):
        data = self.env['gov.solicitation.opinion'].sudo().read_group(
            [('solicitation_id', 'in', self.ids)], ['solicitation_id', 'decision'],
            ['solicitation_id', 'decision'], lazy=False)
        counts = {}
        for row in data:
            key = row['solicitation_id'][0]
            counts.setdefault(key, {})[row['decision']] = row['__count']
        for solicitation in self:
            by_decision = counts.get(solicitation.id, {})
            solicitation.opinion_count = sum(by_decision.values())
            solicitation.adopted_count = by_decision.get('adopted', 0) + by_decision.get('partial', 0)
            solicitation.undecided_count = by_decision.get(False, 0) + by_decision.get(None, 0)

    @api.constrains('date_start', 'date_end')
    def _check_period(self):
        for solicitation in self:
            if solicitation.date_end <= solicitation.date_start:
                raise ValidationError(_("The solicitation must end after it starts."))

    @api.constrains('state', 'mode', 'publish_adoption')
    def _check_special_publication(self):
        """4.2 c: a special solicitation is finished only with its adoption
        status published."""
        self.filtered(lambda s: s.state == 'published')._check_adoption_status()

    @api.multi
    def _check_adoption_status(self):
        for solicitation in self.filtered(lambda s: s.mode == 'special'):
            if not solicitation.publish_adoption:
                raise ValidationError(_(
                    "A special solicitation is published with the adoption status of its "
                    "opinions (4.2 c)."))
            if solicitation.undecided_count:
                raise ValidationError(_(
                    "Decide on the adoption of every opinion of the special solicitation "
                    "\"%s\" before publishing its result (4.2 c).") % solicitation.name)

    # ------------------------------------------------------------------
    # Settings
    # ------------------------------------------------------------------

    @api.model
    def _param(self, key, default):
        value = self.env['ir.config_parameter'].sudo().get_param('gov_solicitation.' + key)
        try:
            return float(value) if '.' in str(value) else int(value)
        except (TypeError, ValueError):
            return default

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    def _require_state(self, *states):
        labels = dict(self._fields['state']._description_selection(self.env))
        for solicitation in self:
            if solicitation.state not in states:
                raise UserError(_("The solicitation \"%(name)s\" is %(state)s: this is not "
                                  "possible now.") % {'name': solicitation.name,
                                                      'state': labels[solicitation.state]})

    @api.multi
    def action_open(self):
        self._require_state('draft')
        for solicitation in self:
            if not html_text(solicitation.body) and not solicitation.attachment_ids:
                raise UserError(_("Publish the full text of the document (or attach it) before "
                                  "opening the solicitation (4.2 a)."))
        self._transition().write({'state': 'open'})
        return True

    @api.multi
    def action_close(self):
        """Stop taking opinions; the department gets an activity to sort and
        summarise them within the set number of working days (5.1.4)."""
        self._require_state('open')
        now = fields.Datetime.now()
        days = self._param('summary_days', 5)
        activity_type = self.env.ref('gov_solicitation.mail_activity_type_summarise')
        for solicitation in self:
            department = solicitation.department_id.sudo()
            deadline, _missing = department.calendar_id._deadline(
                fields.Datetime.from_string(now), days)
            solicitation._transition().write({
                'state': 'closed', 'date_closed': now,
                'summary_deadline': fields.Datetime.to_string(deadline)})
            user = department._managers_upwards()[:1] or department.member_ids[:1]
            if not user:
                continue
            solicitation.sudo().activity_schedule(
                activity_type_id=activity_type.id, user_id=user.id,
                summary=solicitation.with_context(lang=user.lang)._summary_text(days),
                # The activity date is the local day of the working-day deadline.
                date_deadline=local_time(self.env, deadline, '%Y-%m-%d'))
        return True

    def _summary_text(self, days):
        return _('Sort and summarise the opinions within %s working days') % days

    @api.multi
    def action_publish(self):
        """Publish the result (4.2 a–c, 5.1.4)."""
        self._require_state('closed')
        for solicitation in self:
            if not html_text(solicitation.result):
                raise UserError(_("Write the result of the solicitation \"%s\" before publishing "
                                  "it (5.1.4 e).") % solicitation.name)
        self._check_adoption_status()
        self._transition().write({'state': 'published', 'date_published': fields.Datetime.now()})
        activity_type = self.env.ref('gov_solicitation.mail_activity_type_summarise')
        self.sudo().mapped('activity_ids').filtered(
            lambda a: a.activity_type_id == activity_type).action_feedback()
        return True

    @api.multi
    def action_reopen(self):
        """Back to open, e.g. when the period is extended."""
        self._require_state('closed')
        self._transition().write({'state': 'open', 'date_closed': False,
                                  'summary_deadline': False})
        return True

    @api.model
    def _cron_close_ended(self):
        """Close the open solicitations whose period has ended."""
        ended = self.search([('state', '=', 'open'), ('date_end', '<=', fields.Datetime.now())])
        ended.action_close()
        return True

    @api.multi
    def action_view_opinions(self):
        self.ensure_one()
        action = self.env.ref('gov_solicitation.action_gov_solicitation_opinion').read()[0]
        action['domain'] = [('solicitation_id', '=', self.id)]
        action['context'] = {'default_solicitation_id': self.id,
                             'search_default_group_category': 1}
        return action

    # ------------------------------------------------------------------
    # Opinions from citizens (website and API)
    # ------------------------------------------------------------------

    @api.multi
    def _accepts_opinions(self):
        self.ensure_one()
        now = fields.Datetime.now()
        return self.state == 'open' and self.date_start <= now <= self.date_end

    @api.multi
    def _submit_opinion(self, partner, content, upload=None, channel='web'):
        """Check and record a citizen's opinion.

        :param upload: (filename, bytes) or None
        :return: (opinion or empty recordset, {field: message})
        """
        self.ensure_one()
        Opinion = self.env['gov.solicitation.opinion'].sudo()
        if not self._accepts_opinions():
            return Opinion, {'solicitation': _(
                "This solicitation is closed: it no longer accepts opinions.")}
        errors = {}
        content = content.strip() if isinstance(content, str) else content
        max_chars = self._param('opinion_max_chars', 2000)
        if not content:
            errors['content'] = _("Write your opinion.")
        elif not isinstance(content, str):
            errors['content'] = _("Must be text.")
        elif len(content) > max_chars:
            errors['content'] = _("At most %s characters.") % max_chars
        if upload and upload[0]:
            filename, data = upload
            max_mb = self._param('attachment_max_mb', 10)
            if not filename.lower().endswith(ATTACHMENT_EXTENSIONS):
                errors['attachment'] = _("Only PDF, JPG, PNG, Word and text files are accepted.")
            elif len(data) > max_mb * 1024 * 1024:
                errors['attachment'] = _("The attachment is larger than %s MB.") % max_mb
        if not errors:
            limit = self._param('rate_limit_count', 5)
            minutes = self._param('rate_limit_minutes', 10)
            since = fields.Datetime.to_string(
                fields.Datetime.from_string(fields.Datetime.now()) - timedelta(minutes=minutes))
            recent = Opinion.search_count([('partner_id', '=', partner.id), ('date', '>=', since)])
            if recent >= limit:
                errors['content'] = _(
                    "You have sent %(count)s opinions in the last %(minutes)s minutes; please "
                    "wait a little before sending another.") % {'count': recent, 'minutes': minutes}
        if errors:
            return Opinion, errors
        vals = {'solicitation_id': self.id, 'partner_id': partner.id, 'content': content,
                'channel': channel}
        opinion = Opinion.create(vals)
        if upload and upload[0]:
            attachment = self.env['ir.attachment'].sudo().create({
                'name': upload[0], 'datas_fname': upload[0],
                'datas': base64.b64encode(upload[1]),
                'res_model': 'gov.solicitation.opinion', 'res_id': opinion.id})
            opinion.attachment_id = attachment
        return opinion, {}

    # ------------------------------------------------------------------
    # Public data (pages and API): never who wrote an opinion
    # ------------------------------------------------------------------

    @api.multi
    def _public_summary(self):
        self.ensure_one()
        record = self.sudo()
        selection = lambda name: dict(record._fields[name]._description_selection(self.env))  # noqa: E731
        return {
            'id': record.id,
            'title': record.name,
            'url': '/interaction/solicitations/%s' % record.id,
            'state': record.state,
            'state_name': selection('state')[record.state],
            'mode': record.mode,
            'mode_name': selection('mode')[record.mode],
            'content_kind': record.content_kind,
            'content_kind_name': selection('content_kind')[record.content_kind],
            'form': record.solicitation_form,
            'form_name': selection('solicitation_form')[record.solicitation_form],
            'department': record.department_id.name,
            'date_start': local_time(self.env, record.date_start),
            'date_end': local_time(self.env, record.date_end),
            'accepts_opinions': record._accepts_opinions(),
            'summary': record.summary or '',
            'opinion_count': record.opinion_count,
        }

    @api.multi
    def _public_detail(self):
        self.ensure_one()
        record = self.sudo()
        data = record._public_summary()
        data.update({
            'body': record.body or '',
            'explanation': record.explanation or '',
            'sample': record.sample or '',
            'attachments': [{'name': a.datas_fname or a.name,
                             'url': '/interaction/solicitations/%s/documents/%s' % (record.id, a.id)}
                            for a in record.attachment_ids],
        })
        if record.state == 'published':
            data['result'] = record._public_result()
        return data

    @api.multi
    def _public_statistics(self):
        """Counts for the result page and its charts (5.1.5)."""
        self.ensure_one()
        record = self.sudo()
        Opinion = self.env['gov.solicitation.opinion'].sudo()
        total = record.opinion_count
        decisions = Opinion._fields['decision']._description_selection(self.env)
        by_decision = dict.fromkeys([key for key, _label in decisions], 0)
        for row in Opinion.read_group([('solicitation_id', '=', record.id)], ['decision'],
                                      ['decision']):
            if row['decision']:
                by_decision[row['decision']] = row['decision_count']
        by_category = []
        for category in record.category_ids:
            by_category.append((category.name, Opinion.search_count(
                [('solicitation_id', '=', record.id), ('category_id', '=', category.id)])))
        unclassified = Opinion.search_count([('solicitation_id', '=', record.id),
                                             ('category_id', '=', False)])
        if unclassified:
            by_category.append((_('Unclassified'), unclassified))
        return {
            'opinion_count': total,
            'adopted_count': record.adopted_count,
            'participant_count': record._participant_count(),
            'by_decision': chart_rows([(label, by_decision[key]) for key, label in decisions], total),
            'by_category': chart_rows(by_category, total),
        }

    @api.multi
    def _participant_count(self):
        self.ensure_one()
        self.env.cr.execute("SELECT COUNT(DISTINCT partner_id) FROM gov_solicitation_opinion "
                            "WHERE solicitation_id = %s", (self.id,))
        return self.env.cr.fetchone()[0]

    @api.multi
    def _public_result(self):
        self.ensure_one()
        record = self.sudo()
        result = dict(record._public_statistics(), result=record.result or '',
                      date_published=local_time(self.env, record.date_published),
                      publish_adoption=record.publish_adoption)
        return result

    @api.multi
    def _public_opinions(self, offset=0, limit=None):
        """The published opinions: adoption status and reply, no personal data (4.2 b)."""
        self.ensure_one()
        if self.sudo().state != 'published' or not self.sudo().publish_adoption:
            return []
        opinions = self.env['gov.solicitation.opinion'].sudo().search(
            [('solicitation_id', '=', self.id)], order='date, id', offset=offset, limit=limit)
        return [opinion._public_data(offset + index + 1) for index, opinion in enumerate(opinions)]

