# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger


class TestDepartments(TransactionCase):
    def setUp(self):
        super(TestDepartments, self).setUp()
        self.Department = self.env['gov.department']
        self.province = self.Department.create({
            'name': '测试省人民政府', 'code': 'T-000', 'level': 'province'})
        self.city = self.Department.create({
            'name': '测试市人民政府', 'code': 'T-100', 'level': 'city', 'parent_id': self.province.id})

    def test_hierarchy_and_complete_name(self):
        bureau = self.Department.create({
            'name': '测试市教育局', 'code': 'T-100-JY', 'parent_id': self.city.id})
        self.assertEqual(bureau.complete_name, '测试省人民政府 / 测试市人民政府 / 测试市教育局')
        self.assertEqual(bureau.name_get()[0][1], bureau.complete_name)
        self.assertIn(bureau, self.Department.search([('id', 'child_of', self.province.id)]))

    def test_no_cycles(self):
        with self.assertRaises(ValidationError):
            self.province.parent_id = self.city

    def test_code_is_unique(self):
        with mute_logger('odoo.sql_db'), self.assertRaises(IntegrityError):
            self.Department.create({'name': '重复', 'code': 'T-000'})

    def test_default_calendar_is_national(self):
        self.assertEqual(self.city.calendar_id, self.env.ref('gov_interaction.calendar_national'))

    def test_demo_province_has_a_dozen_departments(self):
        province = self.env.ref('gov_interaction.dept_province')
        departments = self.Department.search([('id', 'child_of', province.id), ('level', '=', 'department')])
        self.assertGreaterEqual(len(departments), 12)
        self.assertEqual(set(self.Department.search([]).mapped('level')),
                         {'province', 'city', 'county', 'department'})
