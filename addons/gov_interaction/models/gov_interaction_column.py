# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class GovInteractionColumn(models.Model):
    """A column of the 互动交流 channel (4.1.1), with its purpose, aim and
    how to use it (4.1.2)."""

    _name = 'gov.interaction.column'
    _inherit = 'gov.process.cache.mixin'  # _requires_unified_login
    _description = 'Interaction Column'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical key used by the features and the API.")
    slug = fields.Char('URL Path', required=True, help="The column's page is /interaction/<path>.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    icon = fields.Char(default='fa-comments', help="Font Awesome icon class.")
    purpose = fields.Html(translate=True, sanitize=True, help="Why the column exists (开设宗旨).")
    aim = fields.Html(translate=True, sanitize=True, help="What it is meant to achieve (目的).")
    usage = fields.Html('How to Use', translate=True, sanitize=True, help="How citizens use it (使用方式).")
    special = fields.Boolean(
        'Special Channel',
        help="A channel run by its own system, such as petitions (网上信访) or "
             "discipline reports (纪检举报): linked from the channel page.")
    unified_login = fields.Boolean(
        'Requires the Unified Login', default=True,
        help="Submitting in this column needs the site's single citizen account "
             "(4.1.3). Only special channels may be exempt.")
    external_url = fields.Char('External Address', help="Where a special channel lives.")
    url = fields.Char(compute='_compute_url')
    feed_model = fields.Char(
        'Fed By', readonly=True,
        help="The model whose records the column lists (a gov.column.feed), set by the "
             "feature that provides them; none for a special channel.")

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'Another column already has this code.'),
        ('slug_unique', 'unique(slug)', 'Another column already has this URL path.'),
        ('exempt_only_special', 'CHECK(unified_login OR special)',
         'Only special channels may be exempt from the unified login.'),
    ]

    @api.depends('slug', 'special', 'external_url')
    def _compute_url(self):
        for column in self:
            column.url = column.external_url if column.special and column.external_url \
                else '/interaction/%s' % column.slug

    @api.model
    def _get(self, xmlid):
        """The column of external id ``xmlid``, as superuser (its pages are
        public), by the id the process caches: env.ref() would ask the
        database whether it still exists at every page."""
        return self.sudo().browse(self.env['ir.model.data'].xmlid_to_res_id(
            xmlid, raise_if_not_found=True))

    @tools.ormcache('self.id')
    def _requires_unified_login(self):
        """unified_login, read once per process (every submission checks
        it); a change of a column clears it in every process."""
        return self.sudo().with_context(prefetch_fields=False).unified_login

    def _feed(self):
        """The model feeding the column, or the empty feed while the
        feature that provides it is not installed."""
        self.ensure_one()
        if self.feed_model and self.feed_model in self.env:
            return self.env[self.feed_model]
        return self.env['gov.column.feed']

    def _latest_items(self, limit=5):
        """The column's newest public items as dicts (title, url, date)."""
        return self._feed()._column_latest_items(self, limit)

    def _portal_items(self, partner):
        """The items ``partner`` submitted in this column, as dicts (title,
        url, date, state), for /my."""
        return self._feed()._column_portal_items(self, partner)
