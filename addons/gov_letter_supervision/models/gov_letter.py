# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from odoo.addons.gov_letter.models.gov_letter import OPEN_STATES

from ..demo_generators.demo_data import build_demo

RATINGS = [
    ('satisfied', 'Satisfied'),
    ('basic', 'Basically Satisfied'),
    ('unsatisfied', 'Unsatisfied'),
]


class GovLetter(models.Model):
    """Letters with service levels (5.3.7) and the writer's satisfaction."""

    _name = 'gov.letter'
    _inherit = ['gov.letter', 'gov.sla.mixin']

    _sla_deadline_field = 'deadline_reply'
    _sla_open_domain = [('state', 'in', OPEN_STATES)]
    _sla_done_field = 'date_replied'
    _sla_department_field = 'department_id'
    _sla_follow_up_levels = ('warning', 'due', 'overdue')
    # The writer's rating and a reopening: through _rate and _reopen only.
    _workflow_fields = ('rating', 'rating_comment', 'date_rated', 'reopen_count', 'date_reopened')

    reply_working_days = fields.Integer(
        'Working Days to Reply', compute='_compute_reply_stats', store=True, group_operator='avg',
        help="Working days from receipt to the reply.")
    replied_on_time = fields.Boolean('Replied on Time', compute='_compute_reply_stats', store=True)
    rating = fields.Selection(RATINGS, 'Satisfaction', readonly=True, copy=False,
                              track_visibility='onchange')
    rating_comment = fields.Text('Satisfaction Comment', readonly=True, copy=False)
    date_rated = fields.Datetime('Rated On', readonly=True, copy=False)
    reopen_count = fields.Integer('Reopened', readonly=True, copy=False)
    date_reopened = fields.Datetime('Reopened On', readonly=True, copy=False)

    @api.depends('date_received', 'date_replied', 'deadline_reply', 'department_id')
    def _compute_reply_stats(self):
        for letter in self:
            if not letter.date_replied:
                letter.reply_working_days = 0
                letter.replied_on_time = False
                continue
            calendar = letter.department_id.sudo().calendar_id
            letter.reply_working_days = calendar.working_days_between(
                letter.date_received, letter.date_replied)
            letter.replied_on_time = bool(letter.deadline_reply) and \
                letter.date_replied <= letter.deadline_reply

    @api.model
    def _computed_creation_values(self, vals):
        """Not yet replied: no reply statistics.  Open with no deadline yet:
        the service level is 'normal' (as :meth:`_sla_write_levels` would
        compute it), so the INSERT carries it and the level is not
        recomputed after it."""
        values = super(GovLetter, self)._computed_creation_values(vals)
        if values and not vals.get('date_replied'):
            values.update(reply_working_days=0, replied_on_time=False)
        if values and vals.get('state', 'new') in OPEN_STATES:
            values.update(sla_level='normal', sla_level_date=fields.Datetime.now())
        return values

    # ------------------------------------------------------------------
    # Service levels
    # ------------------------------------------------------------------

    @api.multi
    def _sla_responsible_user(self):
        """The handler with the open task of the letter, else the manager."""
        self.ensure_one()
        user = super(GovLetter, self)._sla_responsible_user()
        return user or self._department_manager()

    @api.multi
    def _sla_on_level_change(self, level):
        """5.3.7: the handler is reminded (催办) when the reply is near or
        due; an overdue letter is reminded and supervised (督办)."""
        if level in ('warning', 'due', 'overdue'):
            self._sla_urge()
        if level == 'overdue':
            self._sla_supervise()
        return super(GovLetter, self)._sla_on_level_change(level)

    # ------------------------------------------------------------------
    # Satisfaction
    # ------------------------------------------------------------------

    @api.multi
    def _reopen_deadline(self):
        """The last moment an unsatisfied writer may reopen the letter:
        the reopen window (working days) after the reply."""
        self.ensure_one()
        letter = self.sudo()
        if not letter.date_replied:
            return None
        days = int(self.env['ir.config_parameter'].sudo().get_param(
            'gov_letter_supervision.reopen_days', '10') or 0)
        deadline, _missing = letter.department_id.calendar_id._deadline(
            fields.Datetime.from_string(letter.date_replied), days)
        return deadline

    @api.multi
    def _can_reopen(self, now=None):
        self.ensure_one()
        letter = self.sudo()
        now = now or datetime.datetime.utcnow()
        deadline = letter._reopen_deadline()
        return letter.state == 'replied' and not letter.reopen_count and \
            bool(deadline) and now <= deadline

    @api.multi
    def _rate(self, rating, comment=None, reopen=False):
        """The writer rates the reply (满意 / 基本满意 / 不满意); an
        unsatisfied writer may reopen the letter once within the window.
        Callers check that the caller is the writer."""
        self.ensure_one()
        letter = self.sudo()
        labels = dict(self._fields['rating']._description_selection(self.env))
        if letter.state != 'replied':
            raise UserError(_("Only a replied letter can be rated."))
        if letter.rating:
            raise UserError(_("You already rated this reply."))
        if rating not in labels:
            raise UserError(_("Choose satisfied, basically satisfied or unsatisfied."))
        comment = (comment or '').strip()[:2000]
        if reopen and rating != 'unsatisfied':
            raise UserError(_("Only an unsatisfied writer can ask to handle the letter again."))
        if reopen and not letter._can_reopen():
            raise UserError(_("This letter can no longer be reopened: a letter is reopened once, "
                              "within %s working days of the reply.") % self.env[
                'ir.config_parameter'].sudo().get_param('gov_letter_supervision.reopen_days', '10'))
        letter._transition().write({'rating': rating, 'rating_comment': comment or False,
                                    'date_rated': fields.Datetime.now()})
        letter.message_post(body=_('<p>The writer rated the reply: %s.</p>') % html_escape(
            labels[rating]), subtype='mail.mt_note')
        if reopen:
            letter._reopen()
        return True

    @api.multi
    def _reopen(self):
        """Back to the department, with new deadlines; the writer rates the
        new reply."""
        now = fields.Datetime.now()
        for letter in self.sudo():
            previous = dict(letter._fields['rating']._description_selection(self.env)).get(
                letter.rating, '')
            letter._transition().write({'state': 'accepted', 'date_assigned': now,
                                        'date_reopened': now,
                                        'reopen_count': letter.reopen_count + 1,
                                        'rating': False, 'date_rated': False})
            letter.message_post(body=_(
                '<p>Reopened at the writer\'s request (%(rating)s): %(comment)s</p>') % {
                # The comment is the writer's text: into the chatter's HTML as text.
                'rating': html_escape(previous), 'comment': html_escape(letter.rating_comment or '')},
                subtype='mail.mt_note')
            letter._assign_department()
            letter._notify_writer(
                _('Your letter %s is handled again') % letter.number,
                _('<p>Your letter %(number)s is handled again by %(department)s; you will get '
                  'a new reply.</p>') % {'number': letter.number,
                                         'department': letter.department_id.name})
        return True

    @api.multi
    def _public_data(self):
        data = super(GovLetter, self)._public_data()
        letter = self.sudo()
        labels = dict(self._fields['rating']._description_selection(self.env))
        data.update({
            'rating': letter.rating or None,
            'rating_name': labels.get(letter.rating) if letter.rating else None,
            'rating_comment': letter.rating_comment or None,
            'can_rate': letter.state == 'replied' and not letter.rating,
            'can_reopen': letter._can_reopen() if letter.state == 'replied' else False,
        })
        return data

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------

    @api.model
    def _demo_supervision(self):
        """Letters at every service level, supervisions in every state and
        ratings, dated relative to today so the boards look like a working
        office whenever the demo is built."""
        build_demo(self.env)
