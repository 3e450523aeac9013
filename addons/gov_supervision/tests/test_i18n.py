# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.test_i18n import ZhCnTermsMixin


class TestTranslations(ZhCnTermsMixin, TransactionCase):
    _i18n_module = 'gov_supervision'

    def test_zh_cn_translations_are_loaded(self):
        urge = self.env.ref('gov_supervision.mail_activity_type_urge').with_context(lang='zh_CN')
        self.assertEqual(urge.name, '催办')
        supervise = self.env.ref('gov_supervision.mail_activity_type_supervise').with_context(lang='zh_CN')
        self.assertEqual(supervise.name, '督办')
