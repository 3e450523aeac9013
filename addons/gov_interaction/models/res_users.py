# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import SUPERUSER_ID, api, fields, models
from odoo.http import request

_logger = logging.getLogger(__name__)

# The platform's roles as the API names them (4.1.4), by group.
ROLE_GROUPS = [
    ('citizen', 'gov_interaction.group_gov_citizen'),
    ('handler', 'gov_interaction.group_gov_handler'),
    ('dept_manager', 'gov_interaction.group_gov_dept_manager'),
    ('clerk', 'gov_interaction.group_gov_clerk'),
    ('supervisor', 'gov_interaction.group_gov_supervisor'),
    ('office', 'gov_interaction.group_gov_office'),
    ('admin', 'gov_interaction.group_gov_admin'),
]


class ResUsers(models.Model):
    _inherit = 'res.users'

    gov_department_ids = fields.Many2many(
        'gov.department', 'gov_department_res_users_rel', 'user_id', 'department_id', 'Departments')
    gov_visible_department_ids = fields.Many2many(
        'gov.department', string='Visible Departments', compute='_compute_gov_visible_department_ids',
        help="Departments whose records this user works: its own, and every "
             "sub-department of a department it manages.")

    @classmethod
    def _login(cls, db, login, password):
        """Every sign-in path (the website's and back office's forms,
        /web/session/authenticate, the API, XML-RPC) comes here: failures
        are counted in PostgreSQL by account and by client address
        (gov.throttle), and past the limit the password is not even tried.
        XML-RPC calls carry no address here: they count by account."""
        keys = cls._gov_login_keys(login)
        with cls.pool.cursor() as cr:
            Throttle = api.Environment(cr, SUPERUSER_ID, {})['gov.throttle']
            if Throttle.retry_after(keys):
                _logger.warning("Sign-in refused for %r: too many failures", login)
                return False
            uid = super(ResUsers, cls)._login(db, login, password)
            # A right password awaiting its second factor is neither
            # (res_users_security.py): the code's failures count instead.
            if uid or not cls._gov_second_factor_pending(login):
                Throttle.record(keys, bool(uid))
        return uid

    @staticmethod
    def _gov_login_keys(login):
        """The throttle's keys of a sign-in: the account, then the address."""
        address = request.httprequest.remote_addr if request else None
        return [('login', login), ('login_address', address)]

    @api.depends('gov_department_ids')
    def _compute_gov_visible_department_ids(self):
        Department = self.env['gov.department'].sudo()
        for user in self:
            managed = Department.search([('manager_id', '=', user.id)])
            subtree = Department.search([('id', 'child_of', managed.ids)]) if managed else Department
            user.gov_visible_department_ids = user.sudo().gov_department_ids | managed | subtree

    @api.model
    def _gov_demo_localize(self, lang_code='zh_CN', tz='Asia/Shanghai'):
        """Demo data: everyone, the website and new partners speak Chinese in
        China's time zone.  Does nothing if the language was not loaded."""
        lang = self.env['res.lang'].search([('code', '=', lang_code)])
        if not lang:
            return
        values = {'lang': lang_code, 'tz': tz}
        # Demo data only: every user and partner, on purpose.
        # pylint: disable=no-search-all
        self.with_context(active_test=False).search([]).write(values)
        self.env['res.partner'].with_context(active_test=False).search([]).write(values)
        for website in self.env['website'].search([]):
            website.write({'language_ids': [(4, lang.id)], 'default_lang_id': lang.id})
        self.env['ir.default'].set('res.partner', 'lang', lang_code)

    @api.model
    def _auth_oauth_validate(self, provider, access_token):
        # OpenID Connect providers (the province's unified identity platform)
        # name the subject 'sub'; Odoo 11's OAuth sign-in expects 'user_id'.
        validation = super(ResUsers, self)._auth_oauth_validate(provider, access_token)
        if not validation.get('user_id') and validation.get('sub'):
            validation['user_id'] = validation['sub']
        return validation

    @api.multi
    def _gov_role_codes(self):
        """The user's roles, implied ones included, e.g. ['citizen']."""
        self.ensure_one()
        groups = self.sudo().groups_id
        return [code for code, xmlid in ROLE_GROUPS if self.env.ref(xmlid) in groups]

    @api.multi
    def write(self, vals):
        result = super(ResUsers, self).write(vals)
        if 'gov_department_ids' in vals:
            self.env['ir.rule'].clear_caches()
        return result
