# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The writer's satisfaction comment (5.3.4) reaches the letter's
chatter as the text the writer typed, never as markup staff's browsers
would render."""
from odoo.addons.gov_letter.tests.common import LetterCase

COMMENT = '<img src=x onerror=alert(1)> 没有解决 & 请重办'


class TestRatingChatter(LetterCase):

    def test_5_3_4_rating_comment_enters_the_chatter_as_text(self):
        letter = self.accepted()
        letter.sudo(self.handler_edu).write({'reply': '<p>Bring the household register.</p>'})
        letter.sudo(self.handler_edu).action_submit_reply()
        letter.sudo(self.manager_edu).action_approve_reply()
        letter._rate('unsatisfied', COMMENT, reopen=True)
        self.assertEqual(letter.state, 'accepted')
        bodies = ' '.join(letter.sudo().message_ids.mapped('body'))
        self.assertNotIn('<img', bodies)
        self.assertIn('&lt;img src=x onerror=alert(1)&gt; 没有解决 &amp; 请重办', bodies)
