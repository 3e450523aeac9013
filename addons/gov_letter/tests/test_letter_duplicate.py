# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.2 c): letters that may repeat an earlier one are flagged at intake;
the clerk closes them as duplicates."""
import logging

from ..demo_generators.gov_letter_duplicate_pairs import PAIRS
from .common import LetterCase

_logger = logging.getLogger(__name__)

SMELL = ('我住在呼兰区学院路的一个老小区，楼下新开的洗车店把污水直接排到人行道上，'
         '冬天结成一大片冰，每天都有老人滑倒，多次找店主协商无果。')


class TestLetterDuplicate(LetterCase):

    def setUp(self):
        super().setUp()
        self.params = self.env['ir.config_parameter'].sudo()
        self.params.set_param('gov_letter.duplicate_window_days', '90')
        self.params.set_param('gov_letter.duplicate_similarity', '0.25')

    def intake(self, **values):
        vals = {'title': '楼下洗车店污水结冰', 'content': SMELL,
                'category_id': self.env.ref('gov_letter.category_d').id, 'letter_type': 'complaint'}
        vals.update(values)
        return self.Letter.sudo(self.clerk)._intake(vals)[0]

    def test_5_3_2_duplicate_same_writer_other_matter_not_flagged(self):
        """Having written before does not make a letter a duplicate: the
        writer's letters on other matters are not listed."""
        first = self.intake(writer_phone='139 0000 0077', title='呼兰区利民路井盖丢失',
                            content='呼兰区利民路公交站旁的井盖丢了一个星期，只用树枝围着，晚上很危险。')
        self.assertFalse(first.is_possible_duplicate)
        # Same phone (written differently), same ID number, same account: other matters.
        second = self.intake(writer_phone='13900000077', title='孩子转学手续咨询',
                             content='孩子要从牡丹江转学到哈尔滨读初二，转学需要办理哪些手续？')
        third = self.intake(writer_id_number='23010219900101002x', title='呼兰区利民路井盖丢失',
                            content='呼兰区利民路公交站旁的井盖丢了一个星期，只用树枝围着，晚上很危险。')
        fourth = self.intake(writer_id_number='23010219900101002X', title='驾驶证到期换证咨询',
                             content='驾驶证下个月到期，人在外地工作，可以在工作地换证吗？')
        mine = self.new_letter()
        again = self.new_letter(title='Bus line 12', content='Bus line 12 is always late.')
        for earlier, later in ((first, second), (third, fourth), (mine, again)):
            self.assertNotIn(earlier, later.duplicate_candidate_ids, later.title)
        self.assertFalse(again.is_possible_duplicate)

    def test_5_3_2_duplicate_same_writer_same_matter_flagged(self):
        """The writer's own letter on the same matter, in other words, and
        by any of account, phone or ID number."""
        first = self.intake(writer_phone='139 0000 0078')
        again = self.intake(writer_phone='13900000078', title='学院路洗车店污水问题仍未解决',
                            content='楼下洗车店的污水还是直接往人行道上排，结的冰越来越厚，'
                                    '跟店主说了好几次都不管用，我们住在呼兰区学院路。')
        self.assertTrue(again.is_possible_duplicate)
        match = again.duplicate_match_ids
        self.assertEqual((match.candidate_id, match.same_writer), (first, True))
        self.assertTrue(25 <= match.similarity < 100, match.similarity)
        by_id = self.intake(writer_id_number='23010219900101003x')
        again_by_id = self.intake(writer_id_number='23010219900101003X', title='洗车店污水结冰')
        self.assertIn(by_id, again_by_id.duplicate_candidate_ids)
        self.assertTrue(again_by_id.duplicate_match_ids.filtered(
            lambda line: line.candidate_id == by_id).same_writer)

    def test_5_3_2_duplicate_other_place_is_another_matter(self):
        """Another writer, the same words about another city: not the same
        matter; about the same place: it is, the most similar first."""
        original = self.intake(writer_phone='13600000021', title='万家超市销售过期牛奶',
                               content='在黑河市爱辉区万家超市买的牛奶过期了五天，超市只同意退货，不愿意赔偿。')
        elsewhere = self.intake(writer_phone='13600000022', title='百佳超市销售过期牛奶',
                                content='在大庆市萨尔图区百佳超市买的牛奶过期了五天，超市只同意退货，不愿意赔偿。')
        self.assertNotIn(original, elsewhere.duplicate_candidate_ids)
        close = self.intake(writer_phone='13600000023', title='万家超市卖过期牛奶',
                            content='爱辉区万家超市卖给我过期五天的牛奶，超市只给退货，不愿意赔偿。')
        self.assertIn(original, close.duplicate_candidate_ids)
        self.assertFalse(close.duplicate_match_ids.filtered(
            lambda line: line.candidate_id == original).same_writer)
        similarities = close.duplicate_match_ids.mapped('similarity')
        self.assertEqual(similarities, sorted(similarities, reverse=True))

    def test_5_3_2_duplicate_nothing_to_compare(self):
        """A letter entered with a blank title and no writer is not compared."""
        letter = self.Letter.sudo().create({
            'title': ' ', 'content': SMELL, 'category_id': self.env.ref('gov_letter.category_d').id})
        self.assertFalse(letter.is_possible_duplicate)

    def test_5_3_2_duplicate_precision_recall(self):
        """The labelled pairs (gov_letter_duplicate_pairs, also in the
        demo): each earlier letter received, then the later one; a pair is
        found when the earlier letter is among the later one's possible
        originals.  Precision and recall at least 90%."""
        found = {True: 0, False: 0}
        for index, (duplicate, same_writer, earlier, later) in enumerate(PAIRS):
            phone = '1374510%04d' % (2 * index)
            first = self.intake(writer_phone=phone, title=earlier[0], content=earlier[1])
            second = self.intake(writer_phone=phone if same_writer else '1374510%04d' % (2 * index + 1),
                                 title=later[0], content=later[1])
            if first in second.duplicate_candidate_ids:
                found[duplicate] += 1
        duplicates = sum(1 for pair in PAIRS if pair[0])
        precision = found[True] / ((found[True] + found[False]) or 1)
        recall = found[True] / duplicates
        _logger.info('5.3.2 c) duplicates on %d labelled pairs (%d duplicates): precision %.1f%%, '
                     'recall %.1f%%', len(PAIRS), duplicates, 100 * precision, 100 * recall)
        self.assertGreaterEqual(len(PAIRS), 40)
        self.assertGreaterEqual(precision, 0.9)
        self.assertGreaterEqual(recall, 0.9)

    def test_5_3_2_duplicate_similar_text_flagged_with_settings(self):
        original = self.intake(writer_phone='13600000001')
        # Another writer, nearly the same words.
        copy = self.intake(writer_phone='13600000002',
                           content=SMELL.replace('协商无果。', '协商都没有结果，请尽快处理。'))
        self.assertTrue(copy.is_possible_duplicate)
        self.assertEqual(copy.duplicate_candidate_ids, original)
        # The threshold is a setting.
        self.params.set_param('gov_letter.duplicate_similarity', '0.99')
        strict = self.intake(writer_phone='13600000003', title='洗车店污水结冰',
                             content='楼下洗车店污水排到人行道上结冰，协商无果。')
        self.assertFalse(strict.is_possible_duplicate)
        # So is the window: letters older than it are not compared.
        self.params.set_param('gov_letter.duplicate_similarity', '0.25')
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
