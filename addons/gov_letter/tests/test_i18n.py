# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.test_i18n import ZhCnTermsMixin


class TestTranslations(ZhCnTermsMixin, TransactionCase):
    _i18n_module = 'gov_letter'

    def test_zh_cn_translations_are_loaded(self):
        category = self.env.ref('gov_letter.category_d').with_context(lang='zh_CN')
        self.assertEqual(category.name, '民生与公共利益')
        review = self.env.ref('gov_letter.mail_activity_type_review').with_context(lang='zh_CN')
        self.assertEqual(review.name, '审核')
