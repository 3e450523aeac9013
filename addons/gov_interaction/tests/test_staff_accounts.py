# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Staff accounts (GB/T 22239-2019, 8.1.4.1 身份鉴别): a password policy,
two-factor sign-in and an inactivity timeout for every back-office user,
none of which gets in the way of citizens."""
import json
import re
from datetime import datetime, timedelta

import pyotp

import odoo
from odoo import fields

from odoo.addons.password_security.exceptions import PassError

from .http_common import HttpTransactionCase

STRONG = 'Gov-Staff-2026!x'
CLIENT = {'REMOTE_ADDR': '198.51.100.20'}   # Odoo's sign-in reads it (a test address)
SECRET = pyotp.random_base32(32)


class StaffAccountsCase(HttpTransactionCase):

    def setUp(self):
        super().setUp()
        Users = self.env['res.users'].with_context(no_reset_password=True)
        self.staff = Users.create({
            'name': 'Staff Test', 'login': 'staff_test', 'password': 'staff_test',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id,
                                  self.env.ref('gov_interaction.group_gov_clerk').id])]})
        self.citizen = Users.create({
            'name': 'Citizen Test', 'login': 'citizen_test', 'password': 'citizen_test',
            'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})
        self.set_mfa_required(False)
        self.forget_failures()
        self.addCleanup(self.forget_failures)

    def forget_failures(self):
        # The sign-in throttle commits on its own cursor, outside the test.
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM gov_throttle WHERE key IN %s",
                       (('staff_test', 'citizen_test', CLIENT['REMOTE_ADDR']),))

    def set_mfa_required(self, required):
        self.env['ir.config_parameter'].sudo().set_param(
            'gov_interaction.staff_mfa_required', '1' if required else '0')

    def enable_mfa(self, user):
        user.write({'authenticator_ids': [(0, 0, {'name': 'phone', 'secret_key': SECRET})],
                    'mfa_enabled': True})

    def stored_session(self):
        return odoo.http.root.session_store.get(self.session.sid)

    def csrf_token(self):
        page = self._open('GET', '/web/login', environ_base=CLIENT).get_data(as_text=True)
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def post_form(self, path, data):
        data = dict(data, csrf_token=self.csrf_token())
        return self._open('POST', path, data=data, environ_base=CLIENT)

    @staticmethod
    def target(response):
        """Where ``response`` sends the browser: its Location, or the
        script Odoo's redirect_with_hash answers with (keeps the #hash)."""
        if response.status_code in (301, 302, 303):
            return response.headers['Location']
        found = re.search(r"window.location = '([^']*)'", response.get_data(as_text=True))
        return found.group(1) if found else None

    def api_login(self, body):
        response = self._open('POST', '/api/v1/auth/login?lang=en_US', data=json.dumps(body),
                              headers={'Content-Type': 'application/json'}, environ_base=CLIENT)
        return response.status_code, json.loads(response.get_data() or b'{}')


class TestPasswordPolicy(StaffAccountsCase):

    def test_8_1_4_1_a_company_policy_is_set(self):
        company = self.env.ref('base.main_company')
        self.assertGreaterEqual(company.password_length, 12)
        for rule in ('password_lower', 'password_upper', 'password_numeric', 'password_special'):
            self.assertGreaterEqual(company[rule], 1, rule)
        self.assertTrue(0 < company.password_expiration <= 90)
        self.assertGreaterEqual(company.password_history, 5)

    def test_8_1_4_1_a_weak_staff_password_is_refused_with_a_clear_message(self):
        for weak in ('staff_test1', 'short1A!', 'alllowercase-and-1', 'NoDigitsHere!!'):
            with self.assertRaises(PassError) as refused:
                self.staff.with_context(lang='en_US').write({'password': weak})
            self.assertIn('needs at least 12 characters, at least 1 lowercase', refused.exception.name)
        self.staff.write({'password': STRONG})
        self.assertTrue(self.registry['res.users']._login(self.cr.dbname, 'staff_test', STRONG))

    def test_8_1_4_1_a_refusal_in_chinese_for_zh_cn(self):
        if not self.env['res.lang'].search([('code', '=', 'zh_CN')]):
            self.skipTest('zh_CN is not loaded')
        with self.assertRaises(PassError) as refused:
            self.staff.with_context(lang='zh_CN').write({'password': 'weak'})
        message = refused.exception.name
        self.assertTrue(message.startswith('密码强度不足'), message)
        self.assertIn('至少 12 个字符、至少 1 个小写字母', message)
        self.assertNotIn('characters', message)

    def test_8_1_4_1_a_recent_passwords_cannot_be_reused(self):
        self.staff.write({'password': STRONG})
        self.staff.write({'password': STRONG + 'y'})
        with self.assertRaises(PassError):
            self.staff.write({'password': STRONG})

    def test_8_1_4_1_a_staff_passwords_expire(self):
        self.assertFalse(self.staff._password_has_expired())
        old = fields.Datetime.to_string(datetime.now() - timedelta(days=91))
        self.staff.write({'password_write_date': old})
        self.assertTrue(self.staff._password_has_expired())

    def test_citizens_and_module_data_are_not_held_to_the_staff_policy(self):
        self.citizen.write({'password': 'simple'})
        old = fields.Datetime.to_string(datetime.now() - timedelta(days=400))
        self.citizen.write({'password_write_date': old})
        self.assertFalse(self.citizen._password_has_expired())
        # The demo accounts' passwords (module data) predate the policy.
        self.staff.with_context(install_mode=True).write({'password': 'staff_test'})


class TestTwoFactorSignIn(StaffAccountsCase):

    def test_8_1_4_1_d_staff_with_mfa_needs_the_code(self):
        self.enable_mfa(self.staff)
        response = self.post_form('/web/login', {'login': 'staff_test', 'password': 'staff_test'})
        self.assertIn('/auth_totp/login', self.target(response))
        self.assertFalse(self.stored_session().uid, 'the password alone signs nobody in')
        wrong = self.post_form('/auth_totp/login', {'confirmation_code': '000000'})
        self.assertIn('/auth_totp/login', self.target(wrong))
        self.assertFalse(self.stored_session().uid)
        right = self.post_form('/auth_totp/login', {'confirmation_code': pyotp.TOTP(SECRET).now()})
        self.assertEqual(self.stored_session().uid, self.staff.id)
        self.assertEqual(self.target(right), '/web')

    def test_8_1_4_1_d_code_page_has_no_remember_this_device(self):
        self.enable_mfa(self.staff)
        self.post_form('/web/login', {'login': 'staff_test', 'password': 'staff_test'})
        page = self._open('GET', '/auth_totp/login', environ_base=CLIENT).get_data(as_text=True)
        self.assertIn('name="confirmation_code"', page)
        self.assertNotIn('remember_device', page)

    def test_authenticator_wizard_shows_a_qr_code(self):
        # The back office's own way to add an app (auth_totp's wizard).
        Wizard = self.env['res.users.authenticator.create'].sudo(self.staff)
        wizard = Wizard.with_context(uid=self.staff.id).create({
            'name': 'phone', 'confirmation_code': '000000'})
        self.assertIn('/report/barcode/?type=QR', wizard.qr_code_tag)
        wizard.confirmation_code = pyotp.TOTP(wizard.secret_key).now()
        wizard.action_create()
        self.assertEqual(self.staff.authenticator_ids.name, 'phone')

    def test_8_1_4_1_d_code_without_the_password_signs_nobody_in(self):
        self.enable_mfa(self.staff)
        self.post_form('/web/login', {'login': 'staff_test', 'password': 'wrong'})
        self.post_form('/auth_totp/login', {'confirmation_code': pyotp.TOTP(SECRET).now()})
        self.assertFalse(self.stored_session().uid)
        uid = self.registry['res.users']._login(self.cr.dbname, 'staff_test', None)
        self.assertFalse(uid, 'no password, no pending sign-in: refused')

    def test_8_1_4_1_d_required_mfa_sends_staff_to_set_it_up(self):
        self.set_mfa_required(True)
        response = self.post_form('/web/login', {'login': 'staff_test', 'password': 'staff_test'})
        self.assertIn('/gov/staff/mfa_setup', self.target(response))
        self.assertFalse(self.stored_session().uid)
        page = self._open('GET', '/gov/staff/mfa_setup', environ_base=CLIENT).get_data(as_text=True)
        self.assertIn('data:image/png;base64,', page)
        secret = self.stored_session()['gov_mfa_setup_secret']
        self.assertIn(secret[:4], page)
        self.post_form('/gov/staff/mfa_setup', {'confirmation_code': '123456'})
        self.assertFalse(self.stored_session().uid)
        done = self.post_form('/gov/staff/mfa_setup', {'confirmation_code': pyotp.TOTP(secret).now()})
        self.assertEqual(self.target(done), '/web')
        self.assertEqual(self.stored_session().uid, self.staff.id)
        self.staff.invalidate_cache()
        self.assertTrue(self.staff.mfa_enabled)
        self.assertEqual(self.staff.authenticator_ids.secret_key, secret)

    def test_8_1_4_1_d_required_mfa_leaves_citizens_alone(self):
        self.set_mfa_required(True)
        response = self.post_form('/web/login', {'login': 'citizen_test', 'password': 'citizen_test'})
        self.assertEqual(self.stored_session().uid, self.citizen.id)
        self.assertNotIn('mfa', self.target(response) or '')
        status, body = self.api_login({'login': 'citizen_test', 'password': 'citizen_test'})
        self.assertEqual((status, body.get('login')), (200, 'citizen_test'))

    def test_8_1_4_1_d_api_sign_in_of_staff_needs_the_code(self):
        self.enable_mfa(self.staff)
        status, body = self.api_login({'login': 'staff_test', 'password': 'staff_test'})
        self.assertEqual(status, 401)
        self.assertEqual(body['error']['details'], {'second_factor': 'totp'})
        status, body = self.api_login({'login': 'staff_test', 'password': 'staff_test', 'code': '000000'})
        self.assertEqual(status, 401)
        self.assertIn('code is wrong', body['error']['message'])
        status, body = self.api_login({'login': 'staff_test', 'password': 'staff_test',
                                       'code': pyotp.TOTP(SECRET).now()})
        self.assertEqual((status, body.get('login')), (200, 'staff_test'))
        status, body = self.api_login({'login': 'staff_test', 'password': 'wrong',
                                       'code': pyotp.TOTP(SECRET).now()})
        self.assertEqual(status, 401)
        self.assertEqual(body['error']['message'], 'Wrong login or password.')

    def test_8_1_4_1_d_json_rpc_sign_in_does_not_skip_the_code(self):
        self.enable_mfa(self.staff)
        body = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'db': self.cr.dbname, 'login': 'staff_test', 'password': 'staff_test'}}
        response = self._open('POST', '/web/session/authenticate', data=json.dumps(body),
                              headers={'Content-Type': 'application/json'}, environ_base=CLIENT)
        answer = json.loads(response.get_data())
        self.assertIn('result', answer)
        self.assertFalse(answer['result']['uid'])
        self.assertFalse(self.stored_session().uid)

    def test_8_1_4_1_d_api_refuses_staff_without_mfa_when_required(self):
        self.set_mfa_required(True)
        status, body = self.api_login({'login': 'staff_test', 'password': 'staff_test'})
        self.assertEqual(status, 403, body)
        self.assertIn('authenticator', body['error']['message'])


class TestInactivityTimeout(StaffAccountsCase):

    def age_session(self, seconds):
        """As if the session had not been used for ``seconds``."""
        store = odoo.http.root.session_store
        with store._cursor() as cr:
            cr.execute("UPDATE gov_http_session SET write_date = write_date - %s * interval '1 second' "
                       "WHERE sid = %s", (seconds, self.session.sid))

    def test_8_1_4_1_b_timeout_is_30_minutes(self):
        delay = self.env['ir.config_parameter']._auth_timeout_get_parameter_delay()
        self.assertTrue(0 < delay <= 1800, delay)

    def test_8_1_4_1_b_idle_staff_session_expires(self):
        self.authenticate('staff_test', 'staff_test')
        fresh = self.call_kw('res.users', 'context_get', [])
        self.assertIn('result', fresh)
        self.age_session(1801)
        stale = self.call_kw('res.users', 'context_get', [])
        self.assertEqual(stale['error']['data']['name'], 'odoo.http.SessionExpiredException')
        self.assertFalse(self.stored_session().uid)

    def test_idle_citizen_session_is_kept(self):
        self.authenticate('citizen_test', 'citizen_test')
        self.age_session(3 * 24 * 3600)
        answer = self.call_kw('res.users', 'context_get', [])
        self.assertIn('result', answer)
        self.assertEqual(self.stored_session().uid, self.citizen.id)
