# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class GovLetterRoutingRule(models.Model):
    """Suggests the responsible department of a letter when the clerk
    accepts it: the first rule (by sequence) whose category matches and one
    of whose keywords appears in the title or content."""

    _name = 'gov.letter.routing.rule'
    _description = 'Letter Routing Rule'
    _order = 'sequence, id'

    sequence = fields.Integer(default=10)
    category_id = fields.Many2one('gov.letter.category', ondelete='cascade',
                                  help="Empty: every category.")
    keywords = fields.Char(help="Comma separated; empty: every letter of the category.")
    department_id = fields.Many2one('gov.department', required=True, ondelete='cascade')
    active = fields.Boolean(default=True)

    @api.multi
    def _keyword_list(self):
        self.ensure_one()
        text = (self.keywords or '').replace('，', ',')
        return [word.strip() for word in text.split(',') if word.strip()]

    @api.multi
    def _matches(self, letter):
        self.ensure_one()
        if self.category_id and self.category_id != letter.category_id:
            return False
        words = self._keyword_list()
        if not words:
            return True
        text = '%s\n%s' % (letter.title or '', letter.content or '')
        return any(word in text for word in words)

    @api.model
    def _route(self, letter):
        return self._route_rule(letter).department_id

    @api.model
    def _route_rule(self, letter):
        """The first active rule that matches ``letter`` (or none)."""
        for rule in self.search([('active', '=', True)]):
            if rule._matches(letter):
                return rule
        return self.browse()

    @api.multi
    def _reason(self):
        """Why this rule suggested its department, for the clerk."""
        self.ensure_one()
        values = {'category': self.category_id.name, 'keywords': self.keywords}
        if self.category_id and self.keywords:
            return _("Routing rule: category %(category)s, keywords %(keywords)s.") % values
        if self.category_id:
            return _("Routing rule: category %(category)s.") % values
        if self.keywords:
            return _("Routing rule: keywords %(keywords)s.") % values
        return _("Routing rule for every letter.")
