# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The login a citizen types: the user name, or the mobile number or email
address of the account (the sign-in form says so), and sign-up by mobile
number or email (views/account_templates.xml)."""
import re

from odoo import SUPERUSER_ID, api, models
from odoo.tools import single_email_re

MOBILE = re.compile(r'^1\d{10}$')


def _like_escape(text):
    return text.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_')


class ResUsers(models.Model):
    _inherit = 'res.users'  # pylint: disable=consider-merging-classes-inherited

    @classmethod
    def _login(cls, db, login, password):
        """Every sign-in path resolves a mobile number or an email address
        to its account's login first, so the throttle counts one account
        under one name."""
        return super(ResUsers, cls)._login(db, cls._gov_resolve_login(login), password)

    @classmethod
    def _gov_resolve_login(cls, login):
        """The login of the one active account whose login, email or mobile
        number is ``login``; ``login`` itself when none or several match."""
        if not login or not isinstance(login, str):
            return login
        with cls.pool.cursor() as cr:
            Users = api.Environment(cr, SUPERUSER_ID, {})[cls._name]
            if Users.search_count([('login', '=', login)]):
                return login
            users = Users.search(['|', '|', ('email', '=ilike', _like_escape(login)),
                                  ('mobile', '=', login), ('phone', '=', login)], limit=2)
        return users.login if len(users) == 1 else login

    @api.model
    def _signup_create_user(self, values):
        """A login that is a mobile number is the account's phone, not its
        email (auth_signup would take any login for an email address)."""
        login = values.get('login') or ''
        if values.get('email') == login and not single_email_re.match(login):
            values = dict(values, email=False)
            if MOBILE.match(login):
                values['phone'] = login
        return super(ResUsers, self)._signup_create_user(values)
