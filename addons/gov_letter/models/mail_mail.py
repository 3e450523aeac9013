# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class MailMail(models.Model):
    """Mails that carry a letter's query code (5.3.1): the code is kept
    only as a salted hash on the letter, so its mail must not keep it
    either.  Deleted once sent; a failed one keeps its recipient, subject
    and failure reason for the clerks, but not its text."""

    _inherit = 'mail.mail'

    gov_carries_secret = fields.Boolean('Carries a Query Code', readonly=True, copy=False)

    @api.multi
    def write(self, vals):
        secret = self.filtered('gov_carries_secret') if vals.get('state') == 'exception' \
            else self.browse()
        if secret:
            super(MailMail, secret).write(dict(vals, body_html=_(
                "<p>This mail carried the query code of a letter and could not be sent: its text "
                "was deleted. Issue a new query code from the letter (New Query Code) and give it "
                "to the writer.</p>")))
        return super(MailMail, self - secret).write(vals)

    @api.multi
    def _postprocess_sent_message(self, mail_sent=True):
        result = super(MailMail, self)._postprocess_sent_message(mail_sent=mail_sent)
        if mail_sent:
            self.exists().filtered('gov_carries_secret').sudo().unlink()
        return result

    @api.model
    def process_email_queue(self, ids=None):
        """The mail queue's job: first the receipts of letters just
        received (5.3.1, ``gov.letter.receipt``), then the sending."""
        if ids is None:
            self.env['gov.letter.receipt']._mail_pending()
        return super(MailMail, self).process_email_queue(ids=ids)
