# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.test_i18n import ZhCnTermsMixin


class TestTranslations(ZhCnTermsMixin, TransactionCase):
    _i18n_module = 'gov_letter_publication'

    def test_zh_cn_translations_are_loaded(self):
        check = self.env.ref('gov_letter_publication.mail_activity_type_check').with_context(lang='zh_CN')
        self.assertEqual(check.name, '审核公开件')
