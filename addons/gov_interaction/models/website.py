# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class Website(models.Model):
    _inherit = 'website'

    @api.multi
    def _gov_title(self, page_title=None):
        """The browser's title of a page: "页面 - 互动交流 - 黑龙江省人民政府"
        (the site's name), in the visitor's language; the channel's own
        page is not named twice."""
        channel = _("Interaction")
        name = self[:1].name or self.env.user.company_id.name
        parts = [page_title if page_title != channel else None, channel, name]
        return ' - '.join(part for part in parts if part)
