# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Staff two-factor sign-in in Chromium (GB/T 22239-2019, 8.1.4.1 d): the
demo's `secadmin` signs in with its password and its authenticator code
(README, "Demo logins"), in Chinese; the other roles with their password."""
import pyotp
from gov_http import sign_in

DEMO_KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'


def test_8_1_4_1_d_staff_signs_in_with_password_and_code(page, odoo_server):
    offset = odoo_server.log_size()
    sign_in(page, 'secadmin', 'secadmin')
    page.wait_for_url(lambda url: '/auth_totp/login' in url)
    assert '身份验证器' in page.inner_text('label[for=confirmation_code]')
    assert page.locator('input[name=remember_device]').count() == 0
    page.fill('input[name=confirmation_code]', '000000')
    page.click('form.oe_login_form button[type=submit]')
    page.wait_for_selector('.alert-danger')
    assert '验证码' in page.inner_text('.alert-danger')
    page.fill('input[name=confirmation_code]', pyotp.TOTP(DEMO_KEY).now())
    page.click('form.oe_login_form button[type=submit]')
    page.wait_for_selector('.o_web_client .o_main_navbar, .o_web_client .o_main')
    assert '/web' in page.url
    assert odoo_server.errors_since(offset) == []


def test_8_1_4_1_d_demo_roles_sign_in_with_their_password(page, odoo_server):
    sign_in(page, 'clerk', 'clerk')
    assert '/auth_totp' not in page.url and '/gov/staff' not in page.url
