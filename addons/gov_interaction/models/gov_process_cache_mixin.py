# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class GovProcessCacheMixin(models.AbstractModel):
    """Records that methods cache in the process (ormcache, the registry
    cache): any change of them clears it, after the change, here and in
    every other worker once committed (Odoo's cache signalling)."""

    _name = 'gov.process.cache.mixin'
    _description = 'Cached in the Process'

    @api.model
    def create(self, vals):
        record = super().create(vals)
        self.clear_caches()
        return record

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        self.clear_caches()
        return res

    @api.multi
    def unlink(self):
        res = super().unlink()
        self.clear_caches()
        return res
