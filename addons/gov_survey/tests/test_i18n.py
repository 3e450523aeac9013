# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.test_i18n import StockCorrectionsMixin, ZhCnTermsMixin


class TestTranslations(ZhCnTermsMixin, StockCorrectionsMixin, TransactionCase):
    _i18n_module = 'gov_survey'

    def test_zh_cn_translations_are_loaded(self):
        fields = self.env['survey.survey'].with_context(lang='zh_CN').fields_get(['analysis'])
        self.assertEqual(fields['analysis']['string'], '书面分析')
