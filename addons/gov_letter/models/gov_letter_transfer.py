# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.6: a department finds the matter outside its remit and asks, within
the transfer deadline, for the letter to go elsewhere; the clerk decides.
5.3.5: a complex matter gets more time, asked by the department and decided
by a supervisor; the writer is told why."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

    date_transfer_requested = fields.Datetime(readonly=True, copy=False)
    date_transfer_decided = fields.Datetime(readonly=True, copy=False)
    transfer_reason = fields.Text(copy=False)
    transfer_department_id = fields.Many2one('gov.department', 'Proposed Department', copy=False,
                                             ondelete='set null')

    # 5.3.5: the extension asked for and its decision; an approved one sets
    # deadline_reply_extended (gov_letter.py).
    extension_state = fields.Selection([
        ('requested', 'Requested'),
        ('approved', 'Approved'),
        ('refused', 'Refused'),
    ], 'Extension', readonly=True, copy=False, track_visibility='onchange')
    extension_reason = fields.Text(readonly=True, copy=False)
    extension_deadline = fields.Datetime('Requested Reply Deadline', readonly=True, copy=False)
    extension_user_id = fields.Many2one('res.users', 'Extension Requested by', readonly=True,
                                        copy=False, ondelete='set null')
    extension_comment = fields.Text('Extension Decision Comment', readonly=True, copy=False)
    date_extension_requested = fields.Datetime(readonly=True, copy=False)
    date_extension_decided = fields.Datetime(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Transfer (5.3.6)
    # ------------------------------------------------------------------

    @api.multi
    def action_request_transfer(self):
        """5.3.6: the department finds the matter outside its remit, within
        the transfer deadline, and proposes where it belongs."""
        self._require_state('accepted')
        self._require_handler()
        now = fields.Datetime.now()
        for letter in self:
            if letter.deadline_transfer and now > letter.deadline_transfer:
                raise UserError(_(
                    "The time to ask for a transfer of letter %(number)s ended on %(deadline)s: "
                    "the department must handle it.") % {
                    'number': letter.number, 'deadline': letter._local(letter.deadline_transfer)})
            if not (letter.transfer_reason or '').strip() or not letter.transfer_department_id:
                raise UserError(_("Give the reason for the transfer and the department proposed "
                                  "for letter %s.") % letter.number)
            if letter.transfer_department_id == letter.department_id:
                raise UserError(_("Propose another department than the current one."))
            letter._transition().write({'state': 'transfer', 'date_transfer_requested': now})
            letter.sudo().activity_feedback(['mail.mail_activity_data_todo'])
            clerk = self.env.ref('gov_interaction.group_gov_clerk').sudo().users[:1]
            letter._schedule_activity('gov_letter.mail_activity_type_transfer',
                                      _('Decide the transfer'), clerk)
        return True

    @api.multi
    def action_decide_transfer(self, department=None):
        """5.3.6: the clerk re-determines the responsible department (the
        proposed one unless another is given); new deadlines."""
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can decide a transfer."))
        self._require_state('transfer')
        now = fields.Datetime.now()
        for letter in self:
            target = department or letter.transfer_department_id
            if not target:
                raise UserError(_("Choose the department that takes over letter %s.") % letter.number)
            # The old department no longer sees the letter: nor its messages.
            previous = letter.department_id.sudo()
            letter.sudo().message_unsubscribe(
                partner_ids=(previous.member_ids | previous.manager_id).mapped('partner_id').ids)
            letter._transition().write({'department_id': target.id, 'state': 'accepted',
                                        'date_transfer_decided': now, 'date_assigned': now})
            # The new department starts on its own deadline: no extension.
            if letter.extension_state or letter.deadline_reply_extended:
                letter.sudo()._transition().write({'deadline_reply_extended': False,
                                                   'extension_state': False})
            letter.sudo().activity_feedback(['gov_letter.mail_activity_type_transfer',
                                             'gov_letter.mail_activity_type_extension'])
            letter._assign_department()
        return True

    @api.multi
    def action_refuse_transfer(self):
        """The clerk keeps the department: it handles the letter."""
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can decide a transfer."))
        self._require_state('transfer')
        self._transition().write({'state': 'accepted',
                                  'date_transfer_decided': fields.Datetime.now()})
        self.sudo().activity_feedback(['gov_letter.mail_activity_type_transfer'])
        return True

    # ------------------------------------------------------------------
    # Extension (5.3.5)
    # ------------------------------------------------------------------

    @api.multi
    def action_request_extension(self):
        """Opens the wizard in which the department asks for more time."""
        self._require_state('accepted', 'review')
        self._require_handler()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Request an Extension'),
            'res_model': 'gov.letter.extension.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_letter_id': self[:1].id},
        }

    @api.multi
    def _extension_deadline(self, extra_days=None, new_date=None):
        """The reply deadline an extension would give: ``extra_days``
        working days after the current deadline, or the end (23:59:59 in
        the department's time zone) of the local date ``new_date``."""
        self.ensure_one()
        calendar = self.department_id.sudo().calendar_id._or_national()
        if new_date:
            schedule = calendar._schedule()
            day = fields.Date.from_string(new_date)
            return fields.Datetime.to_string(schedule.end_of_day(day.toordinal()))
        if not extra_days or extra_days < 1:
            return False
        start = fields.Datetime.from_string(self.deadline_reply or fields.Datetime.now())
        deadline, _missing = calendar._deadline(start, extra_days)
        return fields.Datetime.to_string(deadline)

    @api.multi
    def _request_extension(self, reason, deadline):
        """5.3.5: the handler or the department manager asks for a later
        reply deadline; the supervisors get an Extension activity."""
        self._require_state('accepted', 'review')
        self._require_handler()
        now = fields.Datetime.now()
        supervisors = self.env.ref('gov_interaction.group_gov_supervisor').sudo().users.filtered(
            lambda user: user.active and not user.share)
        for letter in self:
            if letter.extension_state == 'requested':
                raise UserError(_("An extension of letter %s is already waiting for a "
                                  "supervisor.") % letter.number)
            if not (reason or '').strip():
                raise UserError(_("Say why letter %s needs more time: the writer is told.")
                                % letter.number)
            if not deadline or (letter.deadline_reply and deadline <= letter.deadline_reply):
                raise UserError(_("The new reply deadline of letter %(number)s must be later than "
                                  "the current one (%(deadline)s).") % {
                    'number': letter.number,
                    'deadline': letter._local(letter.deadline_reply) if letter.deadline_reply
                    else '-'})
            letter.sudo()._transition().write({
                'extension_state': 'requested', 'extension_reason': reason.strip(),
                'extension_deadline': deadline, 'extension_user_id': self.env.user.id,
                'extension_comment': False, 'date_extension_requested': now,
                'date_extension_decided': False})
            summary = _('Decide the extension to %s') % letter._local(deadline)
            for supervisor in supervisors:
                letter._schedule_activity('gov_letter.mail_activity_type_extension', summary,
                                          supervisor)
        return True

    @api.multi
    def action_decide_extension(self):
        """Opens the wizard in which a supervisor approves or refuses."""
        self._require_group('gov_interaction.group_gov_supervisor',
                            _("Only a supervisor can decide an extension."))
        return {
            'type': 'ir.actions.act_window',
            'name': _('Decide the Extension'),
            'res_model': 'gov.letter.extension.decision.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_letter_id': self[:1].id},
        }

    @api.multi
    def _decide_extension(self, approve, comment=None):
        """5.3.5: a supervisor approves (the reply deadline moves, the writer
        is told why) or refuses with a comment for the department."""
        self._require_group('gov_interaction.group_gov_supervisor',
                            _("Only a supervisor can decide an extension."))
        comment = (comment or '').strip()
        now = fields.Datetime.now()
        for letter in self:
            if letter.extension_state != 'requested':
                raise UserError(_("No extension of letter %s is waiting for a decision.")
                                % letter.number)
            if not approve and not comment:
                raise UserError(_("Say why the extension of letter %s is refused.")
                                % letter.number)
            letter.sudo().activity_feedback(['gov_letter.mail_activity_type_extension'])
            values = {'extension_state': 'approved' if approve else 'refused',
                      'extension_comment': comment or False, 'date_extension_decided': now}
            if approve:
                values['deadline_reply_extended'] = letter.extension_deadline
            letter.sudo()._transition().write(values)
            requester = letter.extension_user_id
            if approve:
                letter.message_post(body=_('Extension approved: the reply is due on %s.')
                                    % letter._local(letter.deadline_reply), subtype='mail.mt_note')
                # The department's reply and review activities follow the new date.
                todo = letter.sudo().activity_ids.filtered(lambda a: a.activity_type_id in (
                    self.env.ref('mail.mail_activity_data_todo')
                    | self.env.ref('gov_letter.mail_activity_type_review')))
                todo.write({'date_deadline': fields.Date.to_string(
                    fields.Datetime.from_string(letter.deadline_reply))})
                letter._mail_writer('gov_letter.mail_template_extension')
            else:
                letter.message_post(body=_('Extension refused: %s') % html_escape(comment),
                                    subtype='mail.mt_note')
                letter._schedule_activity(
                    'mail.mail_activity_data_todo',
                    _('Extension refused: reply by the current deadline'), requester,
                    letter.deadline_reply)
        return True
