# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.test_i18n import ZhCnTermsMixin


class TestTranslations(ZhCnTermsMixin, TransactionCase):
    _i18n_module = 'gov_interview_supervision'

    def test_zh_cn_translations_are_loaded(self):
        view = self.env.ref('gov_interview_supervision.gov_interview_question_view_search')
        arch = self.env['gov.interview.question'].with_context(lang='zh_CN').fields_view_get(
            view.inherit_id.id, 'search')['arch']
        self.assertIn('即将到期或已逾期', arch)
        self.assertIn('办理时效', arch)
