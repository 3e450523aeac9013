# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase

ROLES = {
    'group_gov_citizen': 'citizen',
    'group_gov_clerk': 'clerk',
    'group_gov_handler': 'handler_edu',
    'group_gov_dept_manager': 'manager_edu',
    'group_gov_supervisor': 'supervisor',
    'group_gov_office': 'office',
    'group_gov_admin': 'admin',
}


class TestRoles(TransactionCase):
    def user(self, login):
        return self.env['res.users'].search([('login', '=', login)])

    def test_roles_are_groups_of_one_category_with_a_demo_user_each(self):
        category = self.env.ref('gov_interaction.module_category_gov_interaction')
        for xmlid, login in ROLES.items():
            group = self.env.ref('gov_interaction.' + xmlid)
            self.assertEqual(group.category_id, category)
            self.assertIn(group, self.user(login).groups_id, login)

    def test_every_portal_user_is_a_citizen(self):
        portal_user = self.env['res.users'].create({
            'name': '新用户', 'login': 'new_citizen@example.com',
            'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})
        self.assertTrue(portal_user.has_group('gov_interaction.group_gov_citizen'))
        self.assertFalse(portal_user.has_group('gov_interaction.group_gov_handler'))

    def test_role_inclusions(self):
        self.assertTrue(self.user('manager_edu').has_group('gov_interaction.group_gov_handler'))
        office = self.user('office')
        self.assertTrue(office.has_group('gov_interaction.group_gov_supervisor'))
        self.assertTrue(office.has_group('gov_interaction.group_gov_clerk'))
        self.assertFalse(self.user('clerk').has_group('gov_interaction.group_gov_supervisor'))

    def test_handler_sees_its_department_manager_also_sub_departments(self):
        edu = self.env.ref('gov_interaction.dept_edu')
        env_dept = self.env.ref('gov_interaction.dept_env')
        monitor = self.env.ref('gov_interaction.dept_env_monitor')
        self.assertEqual(self.user('handler_edu').gov_visible_department_ids, edu)
        self.assertEqual(self.user('handler_env').gov_visible_department_ids, env_dept)
        self.assertEqual(self.user('manager_env').gov_visible_department_ids, env_dept | monitor)

    def test_visibility_follows_membership_changes(self):
        handler = self.user('handler_edu')
        housing = self.env.ref('gov_interaction.dept_housing')
        housing.member_ids = [(4, handler.id)]
        handler.invalidate_cache()
        self.assertIn(housing, handler.gov_visible_department_ids)

    def test_only_administrators_edit_departments_and_columns(self):
        edu = self.env.ref('gov_interaction.dept_edu')
        column = self.env.ref('gov_interaction.column_letter')
        for login in ('handler_edu', 'manager_edu', 'clerk', 'supervisor', 'office', 'citizen'):
            with self.assertRaises(AccessError, msg=login):
                edu.sudo(self.user(login)).write({'phone': '0451-0'})
            with self.assertRaises(AccessError, msg=login):
                column.sudo(self.user(login)).write({'name': 'x'})
            self.assertTrue(edu.sudo(self.user(login)).read(['name']))
        edu.sudo(self.user('admin')).write({'phone': '0451-82643200'})
        self.assertEqual(edu.phone, '0451-82643200')

    def test_api_tokens_are_private_to_their_owner(self):
        citizen, citizen2 = self.user('citizen'), self.user('citizen2')
        token, _secret = self.env['gov.api.token'].sudo(citizen).generate('手机')
        self.assertFalse(self.env['gov.api.token'].sudo(citizen2).search([('id', '=', token.id)]))
        self.assertTrue(self.env['gov.api.token'].sudo(self.user('admin')).search([('id', '=', token.id)]))

    def test_every_department_model_has_the_department_rules(self):
        """Each model owned by a department (gov.department.mixin) restricts
        handlers to their departments and opens everything to clerks,
        supervisors and the general office."""
        handler = self.env.ref('gov_interaction.group_gov_handler')
        all_seeing = {self.env.ref('gov_interaction.' + g)
                      for g in ('group_gov_clerk', 'group_gov_supervisor', 'group_gov_office')}
        owned = [name for name in self.env.registry['gov.department.mixin']._inherit_children
                 if not self.env[name]._abstract]
        for name in owned:
            rules = self.env['ir.rule'].search([('model_id.model', '=', name)])
            self.assertTrue(rules.filtered(lambda r: handler in r.groups
                                           and 'gov_visible_department_ids' in r.domain_force), name)
            open_rules = rules.filtered(lambda r: r.domain_force == "[(1, '=', 1)]")
            self.assertTrue(all(open_rules.filtered(lambda r, g=g: g in r.groups) for g in all_seeing), name)
