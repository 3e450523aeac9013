# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A published update's headline (5.4.1) reaches the concern's chatter as
text, never as markup staff's browsers would render."""
from odoo.tests.common import TransactionCase

HEADLINE = '<img src=x onerror=alert(1)> 管道已修复 & 恢复供水'


class TestChatterText(TransactionCase):

    def test_5_4_1_update_headline_enters_the_chatter_as_text(self):
        clerk = self.env.ref('gov_interaction.user_clerk')
        concern = self.env['gov.concern'].sudo(clerk).create({
            'title': '道里区部分区域临时停水', 'kind': 'hot_topic', 'region': '哈尔滨市',
            'department_id': self.env.ref('gov_interaction.dept_env').id,
            'statement': '<p>18时前恢复供水。</p>'})
        concern.action_publish()
        self.env['gov.concern.update'].sudo(clerk).create({
            'concern_id': concern.id, 'title': HEADLINE, 'body': '<p>已恢复供水。</p>'}).action_publish()
        bodies = ' '.join(concern.sudo().message_ids.mapped('body'))
        self.assertNotIn('<img', bodies)
        self.assertIn('&lt;img src=x onerror=alert(1)&gt; 管道已修复 &amp; 恢复供水', bodies)
