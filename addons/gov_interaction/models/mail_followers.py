# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models


class MailFollowers(models.Model):
    """Following a document needs the rights to it.

    Odoo 11 checks them in ``message_subscribe`` (the Follow button, Add
    Followers) but not on ``mail.followers`` itself: through RPC a citizen
    or another department's handler could follow any letter and be sent
    its discussion.  Here, as in the buttons: following oneself needs read
    access to the document, anyone else (or a channel) write access.
    """

    _inherit = 'mail.followers'

    @api.model
    def create(self, vals):
        self._gov_check_follow(vals.get('res_model'), vals.get('res_id'), vals.get('partner_id'),
                               vals.get('channel_id'))
        return super(MailFollowers, self).create(vals)

    @api.multi
    def write(self, vals):
        self._gov_check_document()
        result = super(MailFollowers, self).write(vals)
        self._gov_check_document()
        return result

    @api.multi
    def unlink(self):
        self._gov_check_document()
        return super(MailFollowers, self).unlink()

    def _gov_check_document(self):
        for follower in self.sudo():
            self._gov_check_follow(follower.res_model, follower.res_id, follower.partner_id.id,
                                   follower.channel_id.id)

    @api.model
    def _gov_check_follow(self, res_model, res_id, partner_id, channel_id):
        if self.env.uid == SUPERUSER_ID or res_model not in self.env:
            return
        oneself = partner_id == self.env.user.partner_id.id and not channel_id
        operation = 'read' if oneself else 'write'
        document = self.env[res_model].browse(res_id)
        document.check_access_rights(operation)
        document.check_access_rule(operation)
