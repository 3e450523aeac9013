# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The citizen's account pages (4.1.3; README, "The public site"): why an
account, back to the page the visitor came from, the login as the form
says (user name, mobile number or email), no company and no country list;
Odoo's own terms a citizen reads, corrected in zh_CN."""
import re

from werkzeug.urls import url_encode

from .test_identity import CLIENT, IdentityCase

LETTER_FORM = '/interaction/letters/new'


class TestCitizenAccount(IdentityCase):

    def setUp(self):
        super().setUp()
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.forget_failures()
        self.addCleanup(self.forget_failures)

    def forget_failures(self):
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM gov_throttle WHERE key IN %s",
                       (('citizen', CLIENT['REMOTE_ADDR'], 'nobody-13900000000'),))

    def csrf_token(self, path='/web/login'):
        html = self._open('GET', path, environ_base=CLIENT).get_data(as_text=True)
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    def post_form(self, path, data):
        data = dict(data, csrf_token=self.csrf_token(path.split('?')[0]))
        return self._open('POST', path, data=data, environ_base=CLIENT)

    def test_4_1_3_my_account_has_no_company_and_no_country_list(self):
        html = self.page('/my/account', 'citizen')
        for name in ('company_name', 'vat', 'country_id', 'state_id'):
            self.assertNotIn('name="%s"' % name, html)
        for text in ('台湾', '香港', '澳门', 'Taiwan'):
            self.assertNotIn(text, html)
        self.assertIn('手机号码', html)

    def test_4_1_3_my_account_saves_name_and_mobile_only(self):
        self.authenticate('citizen', 'citizen')
        response = self.post_form('/my/account', {
            'name': '周晓梅', 'phone': '13800000009', 'email': '', 'street': '中山路1号',
            'city': '哈尔滨市', 'zipcode': '150001'})
        self.assertEqual(response.status_code, 302, response.get_data(as_text=True)[:2000])
        partner = self.citizen.partner_id
        partner.invalidate_cache()
        self.assertEqual((partner.phone, partner.city, partner.company_name),
                         ('13800000009', '哈尔滨市', False))
        refused = self.post_form('/my/account', {'name': '周晓梅', 'phone': '', 'company_name': 'X'})
        self.assertEqual(refused.status_code, 200)
        self.assertIn('请填写必填项。', refused.get_data(as_text=True))

    def test_4_1_3_login_field_says_what_it_accepts(self):
        html = self.page('/web/login')
        self.assertIn('<label for="login" class="control-label">用户名 / 手机号 / 邮箱</label>', html)
        self.assertIn('用户名 / 手机号 / 邮箱', self.page('/web/signup'))

    def test_4_1_3_sign_in_with_user_name_mobile_number_or_email(self):
        self.citizen.partner_id.write({'mobile': '13800000001', 'email': 'Zhou.XM@example.com'})
        Users = self.env['res.users']
        for login in ('citizen', '13800000001', 'zhou.xm@example.com'):
            uid = Users.authenticate(self.cr.dbname, login, 'citizen', None)
            self.assertEqual(uid, self.citizen.id, login)
        # A wildcard is no email address; a number two accounts share signs nobody in.
        self.assertFalse(Users.authenticate(self.cr.dbname, '%@example.com', 'citizen', None))
        self.env.ref('gov_interaction.user_citizen2').partner_id.mobile = '13800000001'
        self.assertFalse(Users.authenticate(self.cr.dbname, '13800000001', 'citizen', None))

    def test_4_1_3_sign_up_with_a_mobile_number_keeps_it_out_of_the_email(self):
        response = self.post_form('/web/signup', {
            'login': '13900000000', 'name': '孙丽', 'password': 'Secret-2026',
            'confirm_password': 'Secret-2026', 'redirect': LETTER_FORM})
        user = self.env['res.users'].search([('login', '=', '13900000000')])
        self.assertEqual((user.phone, user.email), ('13900000000', False))
        self.assertIn(LETTER_FORM, response.headers.get('Location') or response.get_data(as_text=True))

    def test_4_1_3_the_letter_form_explains_and_offers_sign_in_or_sign_up(self):
        response = self._open('GET', LETTER_FORM, environ_base=CLIENT)
        self.assertEqual(response.status_code, 302)
        login_url = response.headers['Location']
        self.assertIn('/web/login?' + url_encode({'redirect': LETTER_FORM}), login_url)
        html = self.page(login_url[login_url.index('/web/login'):])
        self.assertIn('请先登录', html)
        self.assertIn('登录后将自动回到您刚才打开的页面。', html)
        link = re.search(r'<a [^>]*o_gov_sign_up_link[^>]*>', html).group(0)
        signup = re.search(r'href="(/web/signup\?[^"]*)"', link).group(1)
        self.assertIn('redirect=%2Finteraction%2Fletters%2Fnew', signup)
        signup_page = self.page(signup.replace('&amp;', '&'))
        self.assertIn('为什么需要注册账号？', signup_page)
        self.assertIn('注册完成后将自动回到您刚才打开的页面。', signup_page)
        self.assertIn('name="redirect" value="%s"' % LETTER_FORM, signup_page)

    def test_4_1_3_sign_up_returns_to_the_letter_form(self):
        response = self.post_form('/web/signup?' + url_encode({'redirect': LETTER_FORM}), {
            'login': 'new-citizen@example.com', 'name': '赵小兰', 'password': 'Secret-2026',
            'confirm_password': 'Secret-2026', 'redirect': LETTER_FORM})
        self.assertIn(response.status_code, (200, 302, 303))
        target = response.headers.get('Location') or re.search(
            r"window.location = '([^']*)'", response.get_data(as_text=True)).group(1)
        self.assertTrue(target.endswith(LETTER_FORM), target)
        form = self._open('GET', LETTER_FORM, environ_base=CLIENT)
        self.assertEqual(form.status_code, 200)

    def test_4_1_3_stock_terms_a_citizen_reads_are_corrected(self):
        html = self.page('/my', 'citizen')
        self.assertIn('>修改</a>', html)
        self.assertNotIn('找零', html)
        self.assertIn('退出登录', html)
