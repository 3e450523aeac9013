# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.1: the suggested department learns from where similar letters were
finally handled, and the clerk sees why; the rules when nothing is alike."""
import datetime

from odoo import fields

from .common import LetterCase

CHARGING = [
    ('紫园小区电动车充电桩损坏',
     '道里区紫园小区的电动自行车充电桩坏了半个月，居民只能把电瓶拎回家充电，很不安全。'),
    ('紫园小区充电桩一直没人修',
     '紫园小区电动车充电桩损坏半个多月了，物业说不归他们管，请有关部门督促维修。'),
    ('小区电动车充电桩坏了没人管',
     '我们小区的电动自行车充电桩坏了很久，电动车只能在楼道里充电，存在火灾隐患。'),
]


class TestLetterRouting(LetterCase):

    def setUp(self):
        super().setUp()
        self.housing = self.env.ref('gov_interaction.dept_housing')
        Rule = self.env['gov.letter.routing.rule']
        Rule.search([]).write({'active': False})
        self.complaints = self.env.ref('gov_letter.category_d')
        Rule.create({'category_id': self.complaints.id, 'department_id': self.env_dept.id})

    def replied(self, title, content, department, days_ago):
        """A letter received ``days_ago`` and finally replied by ``department``."""
        received = datetime.datetime.utcnow() - datetime.timedelta(days=days_ago)
        dates = [fields.Datetime.to_string(received + datetime.timedelta(days=day)) for day in (0, 1, 3)]
        letters = self.Letter.sudo().with_context(gov_letter_no_duplicate_check=True)
        return letters._create_without_query_code({
            'title': title, 'content': content, 'category_id': self.complaints.id,
            'letter_type': 'complaint', 'writer_name': '王先生', 'writer_phone': '13555550%03d' % days_ago,
            'state': 'replied', 'department_id': department.id, 'date_received': dates[0],
            'date_accepted': dates[1], 'date_assigned': dates[1], 'date_replied': dates[2],
            'reply': '<p>已督促物业完成维修。</p>'})

    def complaint(self, title, content):
        return self.new_letter(title=title, content=content, category_id=self.complaints.id,
                               letter_type='complaint')

    def test_5_3_1_routing_learns_where_similar_letters_were_handled(self):
        handled = [self.replied(title, content, self.housing, 20 + index)
                   for index, (title, content) in enumerate(CHARGING)]
        letter = self.complaint('紫园小区电动车充电桩坏了半个月',
                                '道里区紫园小区的电动车充电桩坏了半个月，一直没有人来修，请尽快处理。')
        self.assertEqual(letter._suggestion_by_rules(), self.env_dept)
        clerk_view = letter.sudo(self.clerk)
        self.assertEqual(clerk_view.suggested_department_id, self.housing)
        reason = clerk_view.suggestion_reason
        self.assertIn(self.housing.name, reason)
        self.assertIn(handled[0].number, reason)  # the closest
        # Accepted without a department: the suggestion is taken.
        clerk_view.action_accept()
        self.assertEqual(letter.department_id, self.housing)

    def test_5_3_1_routing_by_the_rules_when_nothing_alike_was_handled(self):
        for index, (title, content) in enumerate(CHARGING):
            self.replied(title, content, self.housing, 20 + index)
        letter = self.complaint('松花江冬泳区缺少救生设施',
                                '松花江边冬泳的人很多，冰窟窿旁边没有救生圈和警示牌，存在安全隐患。')
        clerk_view = letter.sudo(self.clerk)
        self.assertEqual(clerk_view.suggested_department_id, self.env_dept)
        self.assertIn('Routing rule', clerk_view.suggestion_reason)
        # Letters received after this one teach nothing about it (held out).
        later = self.complaint('紫园小区电动车充电桩坏了半个月', '紫园小区电动车充电桩坏了，请尽快维修。')
        later.sudo().write({'date_received': '2020-01-01 00:00:00'})
        self.assertFalse(later._routing_history()[0])
