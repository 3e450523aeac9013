# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.test_i18n import ZhCnTermsMixin


class TestTranslations(ZhCnTermsMixin, TransactionCase):
    _i18n_module = 'gov_interview'

    def test_zh_cn_translations_are_loaded(self):
        reply = self.env.ref('gov_interview.mail_activity_type_reply').with_context(lang='zh_CN')
        self.assertEqual(reply.name, '公开答复')
        states = dict(self.env['gov.interview'].with_context(lang='zh_CN')._fields['state']
                      ._description_selection(self.env(context={'lang': 'zh_CN'})))
        self.assertEqual(states['live'], '直播中')
