# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models, tools
from odoo.modules import get_module_resource


class IrTranslation(models.Model):
    _inherit = 'ir.translation'

    @api.model
    def load_module_terms(self, modules, langs):
        """After any module's translations, ours of Odoo's own terms."""
        result = super(IrTranslation, self).load_module_terms(modules, langs)
        self._gov_load_corrections(modules, langs)
        return result

    @api.model
    def _gov_load_corrections(self, modules, langs):
        """Each of our addons corrects the stock terms a citizen reads
        (e.g. portal's "Change", 找零 in Odoo's zh_CN, is 修改) in its
        ``i18n_extra/<lang>.po``: loaded again, overwriting, after every
        translation load (an install, an update, a language added), so
        Odoo's own files never win."""
        installed = self.env['ir.module.module'].sudo().search(
            [('state', 'in', ('installed', 'to upgrade')), ('name', '=like', 'gov\\_%')])
        names = sorted(set(installed.mapped('name')) | {name for name in modules if name.startswith('gov_')})
        context = dict(self.env.context, overwrite=True)
        for name in names:
            for lang in langs:
                path = get_module_resource(name, 'i18n_extra', '%s.po' % lang)
                if path:
                    tools.trans_load(self.env.cr, path, lang, verbose=False, module_name=name,
                                     context=context)
