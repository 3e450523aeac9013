# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.test_i18n import ZhCnTermsMixin


class TestTranslations(ZhCnTermsMixin, TransactionCase):
    _i18n_module = 'gov_concern'

    def test_zh_cn_translations_are_loaded(self):
        concern = self.env.ref('gov_concern.concern_flood').with_context(lang='zh_CN')
        kinds = dict(concern._fields['kind']._description_selection(concern.env))
        self.assertEqual(kinds['emergency'], '重大突发事件')
        self.assertEqual(kinds['hot_topic'], '社会热点')
        response = self.env.ref('gov_concern.mail_activity_type_response').with_context(lang='zh_CN')
        self.assertEqual(response.name, '权威回应')
