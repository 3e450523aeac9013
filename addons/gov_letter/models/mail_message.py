# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailMessage(models.Model):
    _inherit = 'mail.message'

    @api.multi
    def _notify(self, force_send=False, send_after_commit=True, user_signature=True):
        """A letter just received (5.3.1) has no follower: the note that
        its writer was sent the receipt has no one to notify, and Odoo
        would look for them."""
        if self.env.context.get('gov_letter_unfollowed'):
            return True
        return super(MailMessage, self)._notify(
            force_send=force_send, send_after_commit=send_after_commit,
            user_signature=user_signature)
