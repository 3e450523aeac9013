# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public statistics of letters (4.2 b, 5.1.5): the counters of the
last twelve months per month, per replying unit and in all, the same as
the back office's statistics, and the rates computed from them."""
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tools import local_today


class TestLetterStatisticsPublic(TransactionCase):

    def setUp(self):
        super().setUp()
        self.Statistics = self.env['gov.letter.statistics']

    def back_office(self, domain):
        rows = self.Statistics.read_group(domain, ['received_count', 'replied_count', 'on_time_count'], [])
        return rows[0]['received_count'] or 0, rows[0]['replied_count'] or 0, rows[0]['on_time_count'] or 0

    def test_4_2_b_public_statistics_match_the_back_office(self):
        summary = self.Statistics._public_summary()
        domain = [('month', '>=', summary['since'])]
        total = summary['total']
        self.assertEqual((total['received'], total['replied'], total['on_time']), self.back_office(domain))
        self.assertEqual(sum(row['received'] for row in summary['months']), total['received'])
        self.assertEqual(sum(row['received'] for row in summary['units']), total['received'])
        self.assertLessEqual(len(summary['months']), 12)
        self.assertEqual(summary['months'][-1]['label'], local_today(self.env).strftime('%Y-%m'))
        edu = self.env.ref('gov_interaction.dept_edu')
        unit = next(row for row in summary['units'] if row['label'] == edu.name)
        self.assertEqual((unit['received'], unit['replied'], unit['on_time']),
                         self.back_office(domain + [('department_id', '=', edu.id)]))

    def test_5_1_5_rates_are_shares_of_replies_and_ratings(self):
        total = self.Statistics._public_summary()['total']
        self.assertGreater(total['replied'], 0)
        self.assertAlmostEqual(total['on_time_rate'], round(100.0 * total['on_time'] / total['replied'], 1))
        rated = total['satisfied'] + total['basic'] + total['unsatisfied']
        if rated:
            self.assertAlmostEqual(total['satisfaction_rate'],
                                   round(100.0 * (total['satisfied'] + total['basic']) / rated, 1))
        self.assertGreater(total['reply_days'], 0)

    def test_4_2_b_a_month_without_letters_shows_none_not_zero_division(self):
        summary = self.Statistics._public_summary(months=1)
        self.env.cr.execute("UPDATE gov_letter SET date_received = date_received - interval '3 years'")
        empty = self.Statistics._public_summary(months=1)
        self.assertEqual(empty['total']['received'], 0)
        self.assertIsNone(empty['total']['on_time_rate'])
        self.assertEqual(empty['months'], [])
        self.assertGreaterEqual(summary['total']['received'], 0)
