# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os

from odoo.modules import get_module_path
from odoo.tests.common import TransactionCase
from odoo.tools.translate import PoFile, trans_generate


class ZhCnTermsMixin:
    """Every term of ``_i18n_module`` has a zh_CN translation.  Each addon
    of the product mixes this into a TransactionCase of its test_i18n.py."""

    _i18n_module = None

    def _po_translations(self):
        path = os.path.join(get_module_path(self._i18n_module), 'i18n', 'zh_CN.po')
        with open(path, 'rb') as po_file:
            return {entry[3]: entry[4] for entry in PoFile(po_file)}

    def test_every_term_of_ours_has_a_zh_cn_translation(self):
        """Terms are exported from the installed module as Odoo would (code,
        views, data, demo), so a new English string fails here until
        i18n/zh_CN.po translates it (scripts/i18n_export.sh adds it)."""
        translations = self._po_translations()
        module = self._i18n_module
        terms = {row[4] for row in trans_generate(None, [module], self.env.cr)
                 if row[0] == module and row[4].strip()}
        missing = sorted(term for term in terms if not translations.get(term))
        self.assertEqual(missing, [])


class StockCorrectionsMixin:
    """Our corrections of Odoo's own zh_CN terms (``i18n_extra/zh_CN.po`` of
    ``_i18n_module``) are what a citizen reads, also after Odoo's own
    translation files are loaded again over them."""

    _i18n_module = None

    def _corrections(self):
        """[(reference, source, translation)] of the addon's corrections."""
        path = os.path.join(get_module_path(self._i18n_module), 'i18n_extra', 'zh_CN.po')
        with open(path, 'rb') as po_file:
            return [(entry[:3], entry[3], entry[4]) for entry in PoFile(po_file)]

    def _in_effect(self, kind, name, res_id, source):
        Translation = self.env['ir.translation']
        if kind == 'code':
            return Translation._get_source(None, ('code',), 'zh_CN', source)
        if kind == 'selection':
            return Translation._get_source(name, ('selection',), 'zh_CN', source)
        view = self.env.ref(res_id)
        return Translation.search([('name', '=', name), ('res_id', '=', view.id), ('src', '=', source),
                                   ('lang', '=', 'zh_CN')]).value

    def _stale(self):
        return [(name, res_id, source) for kind, name, res_id, source, value in
                ((c[0][0], c[0][1], c[0][2], c[1], c[2]) for c in self._corrections())
                if self._in_effect(kind, name, res_id, source) != value]

    def test_odoo_terms_citizens_read_are_corrected(self):
        self.assertTrue(self._corrections())
        self.assertEqual(self._stale(), [])

    def test_corrections_win_over_odoo_files_loaded_again(self):
        modules = sorted({ref[2].split('.')[0] for ref, _src, _value in self._corrections()
                          if ref[0] not in ('code', 'selection')})
        self.env['ir.translation'].with_context(overwrite=True).load_module_terms(modules, ['zh_CN'])
        self.assertEqual(self._stale(), [])


class TestTranslations(ZhCnTermsMixin, StockCorrectionsMixin, TransactionCase):
    _i18n_module = 'gov_interaction'

    def test_zh_cn_translations_are_loaded(self):
        column = self.env.ref('gov_interaction.column_interview').with_context(lang='zh_CN')
        self.assertEqual(column.name, '在线访谈')
        self.assertIn('七个工作日', column.aim)
