# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class GovColumnFeed(models.AbstractModel):
    """What a model that feeds a column of the channel (4.1.1) answers: its
    newest public items, and the items a citizen sent (/my, 4.1.3).  A
    column names its model in ``feed_model``, set by the feature's data."""

    _name = 'gov.column.feed'
    _description = 'Column Feed'

    @api.model
    def _column_latest_items(self, column, limit=5):
        """The newest public items of ``column`` as dicts: title, url and
        date (the local day, ISO)."""
        return []

    @api.model
    def _column_portal_items(self, column, partner):
        """The items ``partner`` sent in ``column`` as dicts: title, url,
        date and state."""
        return []
