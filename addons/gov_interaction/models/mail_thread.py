# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class MailThread(models.AbstractModel):
    """The creation line of the chatter in one language.  Made without a
    language in the context (a scheduled job, data loading), Odoo's
    "%s created" took the user's language and the document's name none:
    "Survey 创建".  Odoo already tracks such changes in the user's language."""

    _inherit = 'mail.thread'

    @api.model
    def create(self, values):
        context = self.env.context
        if context.get('lang') or context.get('mail_create_nolog') or context.get('tracking_disable'):
            return super(MailThread, self).create(values)
        thread = super(MailThread, self.with_context(mail_create_nolog=True)).create(values)
        doc_name = self.env['ir.model'].with_context(lang=self.env.user.lang)._get(self._name).name
        thread.message_post(body=_('%s created') % doc_name)
        return thread.with_env(self.env)
