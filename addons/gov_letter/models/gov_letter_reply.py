# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.4: the handler writes the reply, the department manager approves it
(the writer gets it) or returns it with a comment.  5.3.5: for a complex
matter, the writer is told why it takes longer."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from odoo.addons.gov_interaction.tools import html_text


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

    date_replied = fields.Datetime(readonly=True, copy=False)
    reply = fields.Html(copy=False)
    review_comment = fields.Text(copy=False)
    complex_note = fields.Text(
        'Progress Note', copy=False,
        help="For a complex matter: why it takes longer, told to the writer (5.3.5).")

    @api.multi
    def action_submit_reply(self):
        self._require_state('accepted')
        self._require_handler()
        for letter in self:
            if not html_text(letter.reply):
                raise UserError(_("Write the reply to letter %s first.") % letter.number)
            letter._transition().write({'state': 'review'})
            letter.sudo().activity_feedback(['mail.mail_activity_data_todo'])
            letter._schedule_activity('gov_letter.mail_activity_type_review',
                                      _('Review the reply'), letter._department_manager(),
                                      letter.deadline_reply)
        return True

    @api.multi
    def action_approve_reply(self):
        """5.3.4: the department manager approves the reply; the writer gets
        it (only the writer when not suitable for publication, 5.3.9)."""
        self._require_state('review')
        self._require_manager()
        now = fields.Datetime.now()
        for letter in self:
            letter._transition().write({'state': 'replied', 'date_replied': now})
            letter.sudo().activity_feedback(['gov_letter.mail_activity_type_review'])
            letter._mail_writer('gov_letter.mail_template_replied')
        return True

    @api.multi
    def action_return_reply(self):
        self._require_state('review')
        self._require_manager()
        for letter in self:
            if not (letter.review_comment or '').strip():
                raise UserError(_("Say why the reply to letter %s is returned.") % letter.number)
            letter._transition().write({'state': 'accepted'})
            letter.sudo().activity_feedback(['gov_letter.mail_activity_type_review'])
            letter.message_post(body=_('Reply returned: %s') % html_escape(letter.review_comment),
                                subtype='mail.mt_note')
            handler = (letter.department_id.sudo().member_ids
                       - letter.department_id.sudo().manager_id)[:1]
            letter._schedule_activity('mail.mail_activity_data_todo', _('Revise the reply'),
                                      handler or self.env.user, letter.deadline_reply)
        return True

    @api.multi
    def action_inform_writer(self):
        """5.3.5: a complex matter takes longer; tell the writer why."""
        self._require_state('accepted', 'transfer', 'review')
        self._require_handler()
        for letter in self:
            if not (letter.complex_note or '').strip():
                raise UserError(_("Write the progress note for the writer first."))
            letter._mail_writer('gov_letter.mail_template_progress')
        return True
