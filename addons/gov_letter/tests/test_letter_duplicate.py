# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.2 c): letters that may repeat an earlier one are flagged at intake;
the clerk closes them as duplicates."""
from .common import LetterCase

SMELL = ('我住在香坊区红旗大街的一个老小区，楼下新开的烧烤店油烟直接排进居民楼道，'
         '每天从傍晚持续到凌晨两点，多次找店主协商无果。')


class TestLetterDuplicate(LetterCase):

    def setUp(self):
        super().setUp()
        self.params = self.env['ir.config_parameter'].sudo()
        self.params.set_param('gov_letter.duplicate_window_days', '90')
        self.params.set_param('gov_letter.duplicate_similarity', '0.6')

    def intake(self, **values):
        vals = {'title': '楼下烧烤店油烟扰民', 'content': SMELL,
                'category_id': self.env.ref('gov_letter.category_d').id, 'letter_type': 'complaint'}
        vals.update(values)
        return self.Letter.sudo(self.clerk)._intake(vals)[0]

    def test_5_3_2_duplicate_same_writer_flagged(self):
        first = self.intake(writer_phone='139 0000 0077', title='路灯不亮',
                            content='小区门口路灯坏了一个月。')
        self.assertFalse(first.is_possible_duplicate)
        # Same phone (written differently), other text.
        second = self.intake(writer_phone='13900000077', title='垃圾清运', content='垃圾三天没有清运。')
        self.assertTrue(second.is_possible_duplicate)
        self.assertEqual(second.duplicate_candidate_ids, first)
        # Same ID number; same account.
        third = self.intake(writer_id_number='23010219900101002x', title='物业费', content='物业费上涨。')
        fourth = self.intake(writer_id_number='23010219900101002X', title='供暖', content='暖气不热。')
        self.assertEqual(fourth.duplicate_candidate_ids, third)
        mine = self.new_letter()
        again = self.new_letter(title='Bus line 12', content='Bus line 12 is always late.')
        self.assertIn(mine, again.duplicate_candidate_ids)
        # Someone else about something else: nothing.
        other = self.intake(writer_phone='13700000001', title='公积金提取',
                            content='异地购房如何提取公积金？')
        self.assertFalse(other.is_possible_duplicate)
        self.assertFalse(other.duplicate_candidate_ids)

    def test_5_3_2_duplicate_similar_text_flagged_with_settings(self):
        original = self.intake(writer_phone='13600000001')
        # Another writer, nearly the same words.
        copy = self.intake(writer_phone='13600000002',
                           content=SMELL.replace('协商无果。', '协商都没有结果，请尽快处理。'))
        self.assertTrue(copy.is_possible_duplicate)
        self.assertEqual(copy.duplicate_candidate_ids, original)
        # The threshold is a setting.
        self.params.set_param('gov_letter.duplicate_similarity', '0.99')
        strict = self.intake(writer_phone='13600000003', title='烧烤店油烟扰民',
                             content='楼下烧烤店油烟排进居民楼道，协商无果。')
        self.assertFalse(strict.is_possible_duplicate)
        # So is the window: letters older than it are not compared.
        self.params.set_param('gov_letter.duplicate_similarity', '0.6')
        original.sudo().write({'date_received': '2020-01-01 00:00:00'})
        late = self.intake(writer_phone='13600000004')
        self.assertNotIn(original, late.duplicate_candidate_ids)
        self.params.set_param('gov_letter.duplicate_window_days', '10000')
        later = self.intake(writer_phone='13600000005')
        self.assertIn(original, later.duplicate_candidate_ids)

    def test_5_3_2_duplicate_closed_by_the_clerk_and_found_by_filter(self):
        original = self.intake(writer_phone='13600000011')
        copy = self.intake(writer_phone='13600000011')
        Letter = self.Letter.sudo(self.clerk)
        flagged = Letter.search([('is_possible_duplicate', '=', True), ('state', '=', 'new')])
        self.assertIn(copy, flagged)
        self.assertNotIn(original, flagged)
        # The clerk sees the candidates and closes the copy with reason c.
        self.assertEqual(copy.sudo(self.clerk).duplicate_candidate_ids, original)
        copy.sudo(self.clerk).write({'duplicate_of_id': original.id})
        copy.sudo(self.clerk).action_mark_duplicate()
        self.assertEqual(copy.state, 'rejected')
        self.assertEqual(copy.reject_reason, 'c')
        # Handlers do not get the candidate list (other departments' letters).
        self.assertNotIn('duplicate_candidate_ids', self.Letter.sudo(self.handler_edu).fields_get())
        view = self.Letter.sudo(self.clerk).fields_view_get(view_type='search')
        self.assertIn('possible_duplicates', view['arch'])
