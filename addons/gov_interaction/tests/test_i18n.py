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


class TestTranslations(ZhCnTermsMixin, TransactionCase):
    _i18n_module = 'gov_interaction'

    def test_zh_cn_translations_are_loaded(self):
        column = self.env.ref('gov_interaction.column_interview').with_context(lang='zh_CN')
        self.assertEqual(column.name, '在线访谈')
        self.assertIn('七个工作日', column.aim)
