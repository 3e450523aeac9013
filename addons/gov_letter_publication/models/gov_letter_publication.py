# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gov_interaction.tools import html_text, local_time, redact


class GovLetterPublication(models.Model):
    """The public copy of a letter (5.3.8): kept apart from the original,
    its title, content and reply are redacted automatically and then
    checked by a person; only a checked copy of a replied letter whose
    writer agreed and whose publication the government decided is shown."""

    _name = 'gov.letter.publication'
    _description = 'Published Letter'
    _inherit = ['mail.thread', 'gov.department.mixin', 'gov.workflow.mixin']
    _order = 'date_replied desc, id desc'
    _rec_name = 'title'
    # Checked or not: by action_check / action_uncheck only (gov.workflow.mixin).
    _workflow_fields = ('letter_id', 'state', 'checked_by_id', 'date_checked')

    letter_id = fields.Many2one('gov.letter', required=True, ondelete='cascade', index=True,
                                readonly=True)
    number = fields.Char(related='letter_id.number', store=True, readonly=True, index=True)
    title = fields.Char('Public Title', required=True, track_visibility='onchange')
    content = fields.Text('Public Content')
    reply = fields.Text('Public Reply', required=True)
    department_id = fields.Many2one('gov.department', 'Replying Unit', related='letter_id.department_id',
                                    store=True, readonly=True, index=True)
    category_id = fields.Many2one('gov.letter.category', related='letter_id.category_id',
                                  store=True, readonly=True, index=True)
    date_written = fields.Datetime('Written On', related='letter_id.date_received', store=True,
                                   readonly=True)
    date_replied = fields.Datetime('Replied On', related='letter_id.date_replied', store=True,
                                   readonly=True, index=True)
    state = fields.Selection([
        ('draft', 'To Check'),
        ('checked', 'Checked'),
    ], required=True, default='draft', readonly=True, copy=False, index=True,
        track_visibility='onchange')
    checked_by_id = fields.Many2one('res.users', readonly=True, copy=False)
    date_checked = fields.Datetime('Checked On', readonly=True, copy=False)
    website_published = fields.Boolean(
        'On the Website', compute='_compute_website_published', store=True, index=True,
        help="Checked, the letter replied, the writer agrees and the government decided to "
             "publish (5.3.8, 5.3.9).")

    _sql_constraints = [
        ('letter_unique', 'unique(letter_id)', 'A letter has one public copy.'),
    ]

    @api.depends('state', 'letter_id.state', 'letter_id.publish_wish', 'letter_id.publish_reply')
    def _compute_website_published(self):
        for copy in self:
            letter = copy.letter_id
            copy.website_published = copy.state == 'checked' and letter.state == 'replied' and \
                letter.publish_wish and letter.publish_reply

    @api.model
    def _redacted_values(self, letter):
        """Title, content and reply of ``letter`` with the writer's data
        and recognisable personal data masked."""
        raw = letter.sudo()
        terms = [raw.writer_name, raw.writer_phone, raw.writer_id_number, raw.writer_email,
                 raw.writer_address, raw.partner_id.name, raw.partner_id.phone,
                 raw.partner_id.mobile, raw.partner_id.email]
        return {
            'title': redact(raw.title, terms),
            'content': redact(raw.content, terms),
            'reply': redact(html_text(raw.reply), terms),
        }

    @api.multi
    def action_redact_again(self):
        """Start over from the original letter (the copy must be checked again)."""
        for copy in self:
            copy._transition().write(dict(self._redacted_values(copy.letter_id), state='draft',
                                          checked_by_id=False, date_checked=False))
        return True

    @api.multi
    def write(self, vals):
        # Any edit of a checked text needs a new check.
        self._check_workflow_values(vals)
        if {'title', 'content', 'reply'} & set(vals) and 'state' not in vals:
            vals = dict(vals, state='draft', checked_by_id=False, date_checked=False)
        return super(GovLetterPublication, self._transition()).write(vals)

    @api.multi
    def _require_checker(self):
        user = self.env.user
        for copy in self:
            if user.has_group('gov_interaction.group_gov_clerk') or \
                    user.has_group('gov_interaction.group_gov_admin'):
                continue
            if user in copy.department_id._managers_upwards():
                continue
            raise UserError(_("Only a clerk or the manager of the replying unit checks the "
                              "public copy of letter %s.") % copy.number)

    @api.multi
    def action_check(self):
        """A person checked that nothing personal is left: it may show."""
        self._require_checker()
        activity_type = self.env.ref('gov_letter_publication.mail_activity_type_check')
        for copy in self:
            if not (copy.title or '').strip() or not (copy.reply or '').strip():
                raise UserError(_("The public copy of letter %s needs a title and a reply.")
                                % copy.number)
            copy._transition().write({'state': 'checked', 'checked_by_id': self.env.user.id,
                        'date_checked': fields.Datetime.now()})
            copy.letter_id.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type).action_feedback()
        return True

    @api.multi
    def action_uncheck(self):
        self._require_checker()
        self._transition().write({'state': 'draft', 'checked_by_id': False,
                                  'date_checked': False})
        return True

    @api.multi
    def _website_data(self):
        """What the public pages and the API show: nothing else."""
        self.ensure_one()
        copy = self.sudo()
        return {
            'number': copy.number,
            'title': copy.title,
            'content': copy.content or '',
            'reply': copy.reply,
            'department': copy.department_id.name or '',
            'department_id': copy.department_id.id or None,
            'category': copy.category_id.name or '',
            'category_id': copy.category_id.id or None,
            'date_written': copy.date_written,
            'date_replied': copy.date_replied,
            'url': '/interaction/letters/%s' % copy.number,
            'written_local': local_time(self.env, copy.date_written),
            'replied_local': local_time(self.env, copy.date_replied),
        }

    @api.model
    def _website_search(self, keyword=None, department_id=None, category_id=None):
        """The domain of the published copies matching the public search."""
        domain = [('website_published', '=', True)]
        keyword = (keyword or '').strip()
        if keyword:
            domain += ['|', '|', ('title', 'ilike', keyword), ('content', 'ilike', keyword),
                       ('reply', 'ilike', keyword)]
        if department_id:
            domain.append(('department_id', '=', department_id))
        if category_id:
            domain.append(('category_id', '=', category_id))
        return domain
