# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Categories of a solicitation belong to its department (found by the
access matrix, tests/test_access_matrix.py)."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestSolicitationCategoryAccess(TransactionCase):

    def test_only_the_soliciting_departments_handlers_change_its_categories(self):
        solicitation = self.env['gov.solicitation'].create({
            'name': '课后服务意见征集', 'department_id': self.env.ref('gov_interaction.dept_edu').id,
            'date_start': '2026-01-01 00:00:00', 'date_end': '2026-02-01 00:00:00'})
        category = self.env['gov.solicitation.category'].create({
            'name': '收费', 'solicitation_id': solicitation.id})
        other = self.env.ref('gov_interaction.user_handler_env')
        with self.assertRaises(AccessError):
            category.sudo(other).write({'name': '改'})
        with self.assertRaises(AccessError):
            category.sudo(other).unlink()
        with self.assertRaises(AccessError):
            self.env['gov.solicitation.category'].sudo(other).create({
                'name': '加', 'solicitation_id': solicitation.id})
        category.sudo(self.env.ref('gov_interaction.user_handler_edu')).write({'name': '收费标准'})
        self.assertEqual(category.name, '收费标准')
