# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the writer is told and sees: mails to the writer only (5.3.9,
5.3.10), never naming the writer in the chatter, and the letter as the
writer reads it with the query code or the account (5.3.1, 5.3.5)."""
from odoo import _, api, fields, models

from odoo.addons.gov_interaction.tools import html_text

# What mail.template.generate_email renders by default.
TEMPLATE_FIELDS = ('subject', 'body_html', 'email_from', 'email_to', 'partner_to', 'email_cc',
                   'reply_to', 'scheduled_date')


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    def _writer_recipient(self):
        """Values addressing a mail to the writer only: the account, else
        the email address given; None when the writer gave neither."""
        self.ensure_one()
        raw = self.sudo()
        if raw.partner_id:
            return {'recipient_ids': [(4, raw.partner_id.id)]}
        if raw.writer_email:
            return {'email_to': raw.writer_email}
        return None

    @api.multi
    def _mail_writer(self, template_xmlid, **context):
        """Tell the writer (and only the writer: 5.3.9, 5.3.10) with a mail
        template, in the writer's language; ``context`` reaches the template
        as ``ctx`` (the query code exists only there, never stored).  The
        chatter records that it was done, never to whom nor the text."""
        context.setdefault('base_url', self.env['ir.config_parameter'].sudo().get_param(
            'web.base.url', ''))
        template = self.env.ref(template_xmlid).sudo().with_context(**context)
        for letter in self:
            recipient = letter._writer_recipient()
            if recipient is None:
                continue
            recipient['body'] = ''  # the message in the thread: no text
            recipient['gov_carries_secret'] = 'query_code' in context
            mail = letter._send_template_mail(template, recipient)
            letter.message_post(body=_('The writer was notified: %s') % mail.subject,
                                subtype='mail.mt_note')

    @api.multi
    def _send_template_mail(self, template, email_values):
        """``template.send_mail(self.id, email_values=email_values)``,
        rendering only the template's fields that are set: Odoo compiles
        and renders each of them, empty or not, and an empty one gives
        nothing.  Queued: the mail queue sends it."""
        self.ensure_one()
        if template.attachment_ids or template.report_template:
            return self.env['mail.mail'].sudo().browse(template.send_mail(
                self.id, email_values=email_values))
        values = template.generate_email(self.id, fields=[
            name for name in TEMPLATE_FIELDS if template[name]])
        values['recipient_ids'] = [(4, pid) for pid in values.get('partner_ids', [])]
        values.update(email_values)
        values.pop('attachment_ids', None)
        values.pop('attachments', None)
        if not values.get('email_from'):
            values.pop('email_from', None)
        return self.env['mail.mail'].sudo().create(values)

    @api.multi
    def _notify_writer(self, subject, body):
        """Tell the writer a message composed by the caller (prefer
        :meth:`_mail_writer` with a template)."""
        for letter in self:
            recipient = letter._writer_recipient()
            if recipient is None:
                continue
            values = dict(recipient, subject=subject, body_html=body, model=letter._name,
                          res_id=letter.id, auto_delete=True)
            self.env['mail.mail'].sudo().create(values)
            letter.message_post(body=_('The writer was notified: %s') % subject,
                                subtype='mail.mt_note')

    @api.multi
    def _public_data(self):
        """What the writer (with the query code or the account) sees: no
        identity, no internal notes."""
        self.ensure_one()
        letter = self.sudo()
        states = dict(letter._fields['state']._description_selection(self.env))
        reasons = dict(letter._fields['reject_reason']._description_selection(self.env))
        extended = letter.extension_state == 'approved'
        return {
            'number': letter.number,
            'title': letter.title,
            'category': letter.category_id.name,
            'state': letter.state,
            'state_name': states[letter.state],
            'date_received': letter.date_received,
            'deadline_reply': letter.deadline_reply or None,
            'date_replied': letter.date_replied or None,
            'reply': html_text(letter.reply) if letter.state == 'replied' else None,
            'reject_reason': reasons.get(letter.reject_reason) if letter.state == 'rejected' else None,
            'reject_note': letter.reject_note if letter.state == 'rejected' else None,
            # 5.3.5: an approved extension and why; the deadline above is the new one.
            'extended': extended,
            'extension_reason': letter.extension_reason if extended else None,
            'date_extended': letter.date_extension_decided if extended else None,
            'attachments': [attachment.datas_fname or attachment.name
                            for attachment in letter.attachment_ids.sorted('id')],
        }

    @api.multi
    def _public_timeline(self):
        """5.3.1 to 5.3.6 as the writer follows them on the lookup page: the
        public steps (received, accepted, transferred, extended and why,
        replied or not accepted), oldest first, in local time; who handled
        it and the internal notes never show."""
        self.ensure_one()
        letter = self.sudo()
        unit = letter.department_id.name or ''
        transferred = bool(letter.date_transfer_decided) and letter.state != 'transfer'
        steps = [
            (letter.date_received, _('Letter received'), ''),
            (letter.date_accepted, _('Letter accepted'), '' if transferred else unit),
            (transferred and letter.date_transfer_decided, _('Transferred'), unit),
            (letter.extension_state == 'approved' and letter.date_extension_decided,
             _('Reply deadline extended'), letter.extension_reason),
            (letter.state == 'replied' and letter.date_replied, _('Replied'), unit),
        ]
        if letter.state == 'rejected':
            reasons = dict(letter._fields['reject_reason']._description_selection(self.env))
            steps.append((letter.write_date, _('Not accepted'), reasons.get(letter.reject_reason)))
        return [{'date': letter._local(date), 'step': step, 'detail': detail or ''}
                for date, step, detail in steps if date]

    @api.multi
    def _expected_reply_deadline(self):
        """The reply's deadline; before acceptance the latest it will be
        (5.3.3): accepted by the next working day, then the policy's days."""
        self.ensure_one()
        letter = self.sudo()
        if letter.deadline_reply:
            return letter.deadline_reply
        days = (letter.sla_policy_id.reply_days if letter.sla_policy_id else 5) + 1
        deadline, _missing = letter.department_id.calendar_id._deadline(
            fields.Datetime.from_string(letter.date_received), days)
        return fields.Datetime.to_string(deadline)

    @api.multi
    def _public_page_values(self):
        """What the lookup page shows of these letters (one, or none)."""
        if not self:
            return {'letter': None, 'letter_unit': None, 'timeline': None}
        return {'letter': self._public_data(), 'letter_unit': self.sudo().department_id.name,
                'timeline': self._public_timeline()}

    def get_share_url(self):
        # portal.mixin would add the writer's sign-up or login parameters.
        self.ensure_one()
        return '/interaction/letters/query'

    @api.multi
    def _compute_portal_url(self):
        for letter in self:
            letter.portal_url = '/interaction/letters/query'
