# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Staff accounts (GB/T 22239-2019, 8.1.4.1 身份鉴别, level 3): a password
policy, two-factor sign-in and an inactivity timeout for every back-office
user; citizens (portal users) keep a password sign-in.

The OCA addons do the work: password_security (rules, expiry, history),
auth_totp (authenticator apps, the code step) and auth_session_timeout.
Here they are limited to staff and completed:

- auth_totp 11.0 finishes the code step by signing in again with the
  password it expects in the session; this Odoo 11 keeps a session token
  there instead.  The session now remembers that the password was right
  (``PENDING``, for a few minutes), and the sign-in after a valid code
  resumes from it.
- With ``gov_interaction.staff_mfa_required`` on (the default), a staff
  user without an authenticator is not signed in but sent to set one up.
"""
import time

import pyotp

from odoo import _, api, http, models
from odoo.exceptions import AccessDenied
from odoo.http import request

from odoo.addons.auth_totp.exceptions import MfaLoginNeeded
from odoo.addons.password_security.exceptions import PassError

from .ir_http_session import PostgresSessionStore

MFA_REQUIRED_PARAM = 'gov_interaction.staff_mfa_required'
PENDING = 'gov_second_factor'   # session key: {'uid', 'login', 'at', 'setup'}
PENDING_SECONDS = 300


class MfaSetupNeeded(AccessDenied):
    """The password is right, but the staff user has no authenticator yet."""


class ResUsers(models.Model):
    # Apart from res_users.py on purpose: one concern a file.
    _inherit = 'res.users'  # pylint: disable=consider-merging-classes-inherited

    # Password policy: staff only ------------------------------------------

    @api.multi
    def _gov_policy_users(self):
        """The users the password policy holds: staff.  Not citizens, and
        not the passwords a module's data sets (the demo accounts)."""
        if self.env.context.get('install_mode'):
            return self.browse()
        return self.filtered(lambda user: not user.share)

    @api.multi
    def _check_password(self, password):
        staff = self._gov_policy_users()
        return super(ResUsers, staff)._check_password(password) if staff else True

    @api.multi
    def _check_password_history(self, password):
        try:
            return super(ResUsers, self)._check_password_history(password)
        except PassError:
            count = self[:1].company_id.password_history
            raise PassError(_("This password is one of your last %d; choose a new one.") % count)

    @api.multi
    def _password_has_expired(self):
        return bool(self._gov_policy_users()) and super(ResUsers, self)._password_has_expired()

    @api.multi
    def _validate_pass_reset(self):
        staff = self._gov_policy_users()
        return super(ResUsers, staff)._validate_pass_reset() if staff else True

    @api.multi
    def password_match_message(self):
        """What a staff password needs, in the user's language."""
        self.ensure_one()
        company = self.company_id
        rules = [
            (company.password_length, _("at least %d characters")),
            (company.password_lower, _("at least %d lowercase letters")),
            (company.password_upper, _("at least %d uppercase letters")),
            (company.password_numeric, _("at least %d digits")),
            (company.password_special, _("at least %d special characters (such as ! @ # _)")),
        ]
        parts = [text % count for count, text in rules if count]
        if not parts:
            return ""
        # Odoo exports no term as short as a separator: Chinese lists take 、.
        lang = self.env.lang or self.env.user.lang or ''   # as _() picks it
        separator = '、' if lang.startswith('zh') else ', '
        return _("The password is too weak: it needs %s.") % separator.join(parts)

    # Two-factor sign-in ---------------------------------------------------

    @api.model
    def _gov_mfa_required(self):
        """Whether staff must sign in with a code (setting, on by default)."""
        value = self.env['ir.config_parameter'].sudo().get_param(MFA_REQUIRED_PARAM, '1')
        return value.strip().lower() not in ('0', 'false', 'no', 'off', '')

    @api.model
    def check_credentials(self, password):
        """After the password: the code step (auth_totp), or its setup for
        staff who have none while it is required.  Either way the session
        remembers that the password was right."""
        try:
            result = super(ResUsers, self).check_credentials(password)
        except MfaLoginNeeded:
            self._gov_remember_password_step(setup=False)
            raise
        user = self.env.user
        if not user.share and not user.mfa_enabled and self._gov_mfa_required():
            self._gov_remember_password_step(setup=True)
            raise MfaSetupNeeded()
        return result

    @api.model
    def _gov_remember_password_step(self, setup):
        if request:
            request.session[PENDING] = {'uid': self.env.uid, 'login': self.env.user.login,
                                        'at': time.time(), 'setup': setup}

    @classmethod
    def _gov_second_factor_pending(cls, login=None):
        """The session's right-password step (a dict), if recent and, when
        ``login`` is given, for that login; else None."""
        pending = request.session.get(PENDING) if request else None
        if not pending or time.time() - pending.get('at', 0) > PENDING_SECONDS:
            return None
        if login is not None and (login or '').strip().lower() != pending['login'].lower():
            return None
        return pending

    @classmethod
    def _login(cls, db, login, password):
        """Without a password: resume a sign-in whose password was right
        and whose code was then accepted (auth_totp's code step, our setup
        page, the API), once."""
        if password:
            if request:
                request.session.pop(PENDING, None)
            return super(ResUsers, cls)._login(db, login, password)
        pending = cls._gov_second_factor_pending(login)
        if not pending or request.session.get('mfa_login_active') != pending['uid']:
            return False
        request.session.pop(PENDING)
        return pending['uid']

    @api.model
    def _gov_accept_code(self, code):
        """Check the code of the pending sign-in: True, and the session
        may resume it; False otherwise (counted by gov.throttle)."""
        pending = self._gov_second_factor_pending()
        user = self.sudo().browse(pending['uid']) if pending and not pending['setup'] else None
        keys = self._gov_login_keys(pending['login'] if pending else None)
        Throttle = self.env['gov.throttle'].sudo()
        if Throttle.retry_after(keys):
            return False
        if user and code and user.validate_mfa_confirmation_code(code):
            request.session['mfa_login_active'] = user.id
            return True
        Throttle.failed(keys)
        return False

    @api.model
    def _gov_pair_authenticator(self, secret, code, name):
        """The setup step: keep the authenticator app of ``secret`` if
        ``code`` is its current code, turn two-factor sign-in on and let the
        session resume the sign-in.  False if the code is wrong (counted)."""
        pending = self._gov_second_factor_pending()
        keys = self._gov_login_keys(pending['login'] if pending else None)
        Throttle = self.env['gov.throttle'].sudo()
        if not pending or Throttle.retry_after(keys) or not pyotp.TOTP(secret).verify(code or ''):
            Throttle.failed(keys)
            return False
        user = self.sudo().browse(pending['uid'])
        user.write({'authenticator_ids': [(0, 0, {'name': name, 'secret_key': secret})],
                    'mfa_enabled': True})
        request.session['mfa_login_active'] = user.id
        return True

    # Inactivity timeout: staff only ----------------------------------------

    @api.model_cr_context
    def _auth_timeout_check(self):
        """auth_session_timeout, for staff sessions only: a visitor's or a
        citizen's session keeps the cookie's lifetime."""
        # share's own definition, cached in the process (share would read
        # the user's whole row, twice per page: the request's ORM cache is
        # cleared between the website's sign-in check and Odoo's)
        if not self or not self.has_group('base.group_user'):
            return None
        store = http.root.session_store
        if not request or not isinstance(store, PostgresSessionStore):
            return super(ResUsers, self)._auth_timeout_check()
        return self._auth_timeout_check_stored(store, request.session)

    def _auth_timeout_check_stored(self, store, session):
        """auth_session_timeout's check on sessions kept in PostgreSQL
        (models/ir_http_session.py): the last use is the session's row, not
        a file's modification time."""
        deadline = self._auth_timeout_deadline_calculate()
        last_used = store.last_used(session.sid)
        if deadline is not False and last_used is not None and last_used < deadline:
            if self._auth_timeout_session_terminate(session):
                raise http.SessionExpiredException("Session expired")
        if request.httprequest.path not in self._auth_timeout_get_ignored_urls():
            store.touch(session.sid)
        return None
