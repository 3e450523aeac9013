# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.1 and 5.3.2: the clerk accepts a letter and determines the
responsible department (suggested from where similar letters were handled,
or by the routing rules), or does not accept
it for one of the reasons a) to e), a duplicate among them (c)."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Clause 5.3.2: the reasons a letter is not accepted.
REJECT_REASONS = [
    ('a', 'Subject to litigation, arbitration or administrative reconsideration'),
    ('b', 'Unclear content or missing information'),
    ('c', 'Already being handled or concluded'),
    ('d', 'Internal administrative matter'),
    ('e', 'Otherwise outside the scope of the column'),
]


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

    suggested_department_id = fields.Many2one(
        'gov.department', compute='_compute_suggested_department',
        help="Where similar earlier letters were finally handled, else from the routing rules "
             "(category and keywords); taken when the letter is accepted without a department.")
    suggestion_reason = fields.Char('Why Suggested', compute='_compute_suggested_department')
    reject_reason = fields.Selection(REJECT_REASONS, readonly=True, copy=False,
                                     track_visibility='onchange')
    reject_note = fields.Text(readonly=True, copy=False)
    reject_reason_label = fields.Char('Reason Not Accepted', compute='_compute_reject_reason_label')
    duplicate_of_id = fields.Many2one('gov.letter', copy=False, ondelete='set null')

    @api.depends('state', 'category_id', 'title', 'content')
    def _compute_suggested_department(self):
        for letter in self:
            if letter.state == 'new':
                letter.suggested_department_id, letter.suggestion_reason = letter._suggestion()

    @api.depends('reject_reason')
    def _compute_reject_reason_label(self):
        # In the language of the environment: the writer's, in mail templates.
        labels = dict(self._fields['reject_reason']._description_selection(self.env))
        for letter in self:
            letter.reject_reason_label = labels.get(letter.reject_reason, '')

    @api.multi
    def _suggest_department(self):
        return self._suggestion()[0]

    @api.multi
    def _suggestion(self):
        """(department, why): where similar earlier letters were finally
        handled (:meth:`_routing_history`), else the first routing rule that
        matches."""
        self.ensure_one()
        department, reason = self._routing_history()
        if department:
            return department, reason
        rule = self.env['gov.letter.routing.rule'].sudo()._route_rule(self)
        return rule.department_id, rule and rule._reason() or ''

    @api.multi
    def _suggestion_by_rules(self):
        """The department the routing rules alone suggest (the baseline of
        bench/bench_routing_accuracy.py)."""
        self.ensure_one()
        return self.env['gov.letter.routing.rule'].sudo()._route(self)

    @api.onchange('category_id', 'title', 'content')
    def _onchange_suggest_department(self):
        if not self.department_id and self.category_id:
            self.department_id = self._suggest_department()

    @api.multi
    def action_accept(self):
        """5.3.1: the clerk accepts the letter and determines the
        responsible department (suggested by the routing rules)."""
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can accept a letter."))
        self._require_state('new')
        now = fields.Datetime.now()
        for letter in self:
            if not letter.department_id:
                letter.department_id = letter._suggest_department()
            if not letter.department_id:
                raise UserError(_("Choose the responsible department of letter %s before "
                                  "accepting it.") % letter.number)
            letter._transition().write({'state': 'accepted', 'date_accepted': now,
                                        'date_assigned': now})
            letter._assign_department()
            letter._mail_writer('gov_letter.mail_template_accepted')
        return True

    @api.multi
    def _assign_department(self):
        for letter in self:
            department = letter.department_id.sudo()
            members = department.member_ids | department.manager_id
            letter.sudo().message_subscribe(partner_ids=members.mapped('partner_id').ids)
            handler = (department.member_ids - department.manager_id)[:1] or letter._department_manager()
            letter._schedule_activity('mail.mail_activity_data_todo', _('Reply to the letter'),
                                      handler, letter.deadline_reply)

    @api.multi
    def action_reject(self):
        """5.3.2: opens the wizard that asks for the reason."""
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can decide not to accept a letter."))
        self._require_state('new')
        return {
            'type': 'ir.actions.act_window',
            'name': _('Do Not Accept'),
            'res_model': 'gov.letter.reject.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_letter_id': self[:1].id},
        }

    @api.multi
    def _reject(self, reason, note=None):
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can decide not to accept a letter."))
        self._require_state('new')
        labels = dict(self._fields['reject_reason']._description_selection(self.env))
        if reason not in labels:
            raise UserError(_("Give the reason why the letter is not accepted (5.3.2 a to e)."))
        for letter in self:
            letter._transition().write({'state': 'rejected', 'reject_reason': reason,
                                        'reject_note': note})
            letter._mail_writer('gov_letter.mail_template_rejected')
        return True

    @api.multi
    def action_mark_duplicate(self):
        """A letter about a matter already handled: closed with reason c."""
        for letter in self:
            if not letter.duplicate_of_id or letter.duplicate_of_id == letter:
                raise UserError(_("Choose the original letter that %s duplicates.") % letter.number)
            letter._reject('c', _('Duplicate of letter %s.') % letter.duplicate_of_id.number)
        return True
