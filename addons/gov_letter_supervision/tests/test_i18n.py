# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.test_i18n import ZhCnTermsMixin


class TestTranslations(ZhCnTermsMixin, TransactionCase):
    _i18n_module = 'gov_letter_supervision'

    def test_zh_cn_translations_are_loaded(self):
        labels = dict(self.env['gov.letter'].with_context(lang='zh_CN')._fields['rating']
                      ._description_selection(self.env(context={'lang': 'zh_CN'})))
        self.assertEqual(labels['basic'], '基本满意')
