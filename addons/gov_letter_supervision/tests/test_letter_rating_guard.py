# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The writer's satisfaction with the reply (5.3.4) is the writer's: no
member of staff writes a rating, a comment or a reopening around the
writer's pages."""
from odoo.exceptions import AccessError

from odoo.addons.gov_letter.tests.common import LetterCase


class TestLetterRatingGuard(LetterCase):

    def test_5_3_4_staff_cannot_write_the_writers_rating(self):
        letter = self.accepted()
        letter.sudo(self.handler_edu).write({'reply': '<p>Bring the household register.</p>'})
        letter.sudo(self.handler_edu).action_submit_reply()
        letter.sudo(self.manager_edu).action_approve_reply()
        for user in (self.handler_edu, self.manager_edu, self.clerk, self.supervisor):
            for values in ({'rating': 'satisfied'}, {'rating_comment': 'Very good'},
                           {'reopen_count': 1}):
                with self.assertRaises(AccessError, msg='%s wrote %s' % (user.login, values)):
                    letter.sudo(user).write(values)
        self.assertFalse(letter.rating)
        # The writer's own path still works.
        letter._rate('satisfied', 'Clear answer')
        self.assertEqual(letter.rating, 'satisfied')
