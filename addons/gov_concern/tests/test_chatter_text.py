# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A published update's headline (5.4.1) reaches the concern's chatter as
text, never as markup staff's browsers would render."""
from .test_concern import ConcernCase

HEADLINE = '<img src=x onerror=alert(1)> 管道已修复 & 恢复供水'


class TestChatterText(ConcernCase):

    def test_5_4_1_update_headline_enters_the_chatter_as_text(self):
        concern = self.new_concern()
        concern.action_publish()
        self.new_update(concern, title=HEADLINE).action_publish()
        bodies = ' '.join(concern.sudo().message_ids.mapped('body'))
        self.assertNotIn('<img', bodies)
        self.assertIn('&lt;img src=x onerror=alert(1)&gt; 管道已修复 &amp; 恢复供水', bodies)
