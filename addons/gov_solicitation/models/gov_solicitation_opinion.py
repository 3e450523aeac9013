# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.gov_interaction.tools import local_date, redact

DECISIONS = [
    ('adopted', 'Adopted'),
    ('partial', 'Partly Adopted'),
    ('rejected', 'Not Adopted'),
    ('duplicate', 'Duplicate'),
]
STAFF = 'gov_interaction.group_gov_handler,gov_interaction.group_gov_clerk,' \
        'gov_interaction.group_gov_supervisor'


class GovSolicitationOpinion(models.Model):
    """A citizen's opinion on a solicitation, classified and decided by the
    staff (5.1.4), published without personal data (4.2 b)."""

    _name = 'gov.solicitation.opinion'
    _inherit = ['mail.thread', 'gov.department.mixin', 'gov.workflow.mixin']
    _description = 'Opinion'
    _order = 'date desc, id desc'
    _rec_name = 'display_title'
    # Stamped by write() when the opinion is first classified or decided and
    # first replied to (4.2 b: published dates of acceptance and feedback).
    _workflow_fields = ('date_accepted', 'date_replied')

    solicitation_id = fields.Many2one('gov.solicitation', required=True, ondelete='cascade',
                                      index=True)
    department_id = fields.Many2one(related='solicitation_id.department_id', store=True,
                                    readonly=True, string='Soliciting Department')
    mode = fields.Selection(related='solicitation_id.mode', store=True, readonly=True)
    partner_id = fields.Many2one('res.partner', 'Citizen Account', required=True, index=True,
                                 ondelete='restrict', groups=STAFF)
    content = fields.Text('Opinion', required=True)
    attachment_id = fields.Many2one('ir.attachment', ondelete='set null')
    channel = fields.Selection([('web', 'Website'), ('api', 'Mobile / API'),
                                ('offline', 'Letter or Symposium')], required=True, default='web')
    date = fields.Datetime('Submitted On', required=True, default=fields.Datetime.now,
                           readonly=True, index=True)
    category_id = fields.Many2one('gov.solicitation.category', 'Classification',
                                  ondelete='set null', index=True,
                                  domain="[('solicitation_id', '=', solicitation_id)]",
                                  track_visibility='onchange')
    decision = fields.Selection(DECISIONS, 'Adoption', index=True, track_visibility='onchange')
    decision_reason = fields.Text('Reason',
                                  help="Why the opinion is not adopted (published with it).")
    reply = fields.Text()
    reply_department_id = fields.Many2one('gov.department', 'Replying Department',
                                          ondelete='set null')
    date_accepted = fields.Datetime('Accepted On', readonly=True, copy=False)
    date_replied = fields.Datetime('Replied On', readonly=True, copy=False)
    display_title = fields.Char('Title', compute='_compute_display_title')
    author_display = fields.Char('Author', compute='_compute_author_display')

    @api.depends('content')
    def _compute_display_title(self):
        for opinion in self:
            text = (opinion.content or '').strip().replace('\n', ' ')
            opinion.display_title = text[:30] + ('…' if len(text) > 30 else '')

    @api.multi
    def _compute_author_display(self):
        """A masked name for lists: the staff decide on the content, not the person."""
        for opinion in self:
            name = opinion.sudo().partner_id.name or ''
            opinion.author_display = (name[:1] + '*' * max(len(name) - 1, 1)) if name else ''

    @api.constrains('decision', 'decision_reason')
    def _check_reason(self):
        for opinion in self:
            if opinion.decision == 'rejected' and not (opinion.decision_reason or '').strip():
                raise ValidationError(_("Give the reason why an opinion is not adopted."))

    @api.model
    def create(self, vals):
        solicitation = self.env['gov.solicitation'].sudo().browse(vals.get('solicitation_id'))
        if solicitation.state != 'open' and not self.env.context.get('gov_solicitation_import'):
            raise ValidationError(_("This solicitation is closed: it no longer accepts opinions."))
        return super(GovSolicitationOpinion, self.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True)).create(vals)

    @api.multi
    def write(self, vals):
        vals = dict(vals)
        now = fields.Datetime.now()
        stamps = {}
        if vals.get('category_id') or vals.get('decision'):
            stamps['date_accepted'] = now
        if (vals.get('reply') or '').strip():
            stamps['date_replied'] = now
        result = super(GovSolicitationOpinion, self).write(vals)
        for name, value in stamps.items():
            pending = self.filtered(lambda o, n=name: not o[n])
            if pending:
                super(GovSolicitationOpinion, pending._transition()).write({name: value})
        if vals.get('reply') and 'reply_department_id' not in vals:
            for opinion in self.filtered(lambda o: not o.reply_department_id):
                opinion.reply_department_id = opinion.solicitation_id.department_id
        return result

    @api.multi
    def _public_data(self, number=None):
        """One row of the published adoption table: no name, no contacts (4.2 b)."""
        self.ensure_one()
        opinion = self.sudo()
        decisions = dict(DECISIONS)
        labels = dict(opinion._fields['decision']._description_selection(self.env))
        names = [opinion.partner_id.name]
        return {
            'id': opinion.id,
            'number': number or opinion.id,
            'content': redact(opinion.content, names),
            'category': opinion.category_id.name or '',
            'decision': opinion.decision or None,
            'decision_name': labels.get(opinion.decision, _('Undecided')) if opinion.decision in decisions
            else _('Undecided'),
            'decision_reason': redact(opinion.decision_reason or '', names),
            'date_submitted': local_date(self.env, opinion.date),
            'date_accepted': local_date(self.env, opinion.date_accepted),
            'date_replied': local_date(self.env, opinion.date_replied),
            'reply_department': opinion.reply_department_id.name or '',
            'reply': redact(opinion.reply or '', names),
        }
