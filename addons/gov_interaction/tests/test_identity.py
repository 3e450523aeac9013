# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The province's own site, as a citizen and a civil servant meet it (README,
"The public site"): its name, logo and titles, the portal front, the contact
page, no Odoo branding; the citizen's account pages (4.1.3)."""
import base64
import re

from odoo.modules import get_module_resource

from .http_common import HttpTransactionCase

TITLE = re.compile(r'<title>([^<]*)</title>')
# What a citizen must never see of the software or its demo data.
BRANDING = ('yourcompany', 'your logo', 'odoo.com', 'powered by', 'maps.google', 'google 地图',
            'my website', '我的网站', '我们公司')
CLIENT = {'REMOTE_ADDR': '198.51.100.31'}


class IdentityCase(HttpTransactionCase):

    def page(self, path, login=None):
        if login:
            self.authenticate(login, login)
        response = self._open('GET', path, environ_base=CLIENT)
        self.assertEqual(response.status_code, 200, path)
        return response.get_data(as_text=True)

    def title(self, path, login=None):
        return TITLE.search(self.page(path, login)).group(1)

    def assertNoBranding(self, html, where):
        found = [word for word in BRANDING if word in html.lower()]
        self.assertEqual(found, [], where)


class TestIdentity(IdentityCase):

    def test_pages_are_titled_page_channel_province(self):
        expected = {
            '/': '首页 - 互动交流 - 黑龙江省人民政府',
            '/interaction': '互动交流 - 黑龙江省人民政府',
            '/contactus': '联系我们 - 互动交流 - 黑龙江省人民政府',
            '/web/login': '登录 - 互动交流 - 黑龙江省人民政府',
            '/web/signup': '注册 - 互动交流 - 黑龙江省人民政府',
            '/web/reset_password': '重置密码 - 互动交流 - 黑龙江省人民政府',
        }
        self.assertEqual({path: self.title(path) for path in expected}, expected)

    def test_citizen_pages_are_titled_in_chinese(self):
        self.assertEqual(self.title('/my', 'citizen'), '我的账户 - 互动交流 - 黑龙江省人民政府')
        self.assertEqual(self.title('/my/interaction'), '我的互动 - 互动交流 - 黑龙江省人民政府')
        self.assertEqual(self.title('/my/account'), '我的资料 - 互动交流 - 黑龙江省人民政府')

    def test_no_odoo_branding_where_citizens_look(self):
        for path in ('/', '/interaction', '/contactus', '/web/login', '/web/signup',
                     '/web/reset_password', '/interaction/no-such-column'):
            response = self._open('GET', path, environ_base=CLIENT)
            self.assertNoBranding(response.get_data(as_text=True), path)
        for path in ('/my', '/my/account', '/my/interaction'):
            self.assertNoBranding(self.page(path, 'citizen'), path)

    def test_no_odoo_branding_in_the_back_office(self):
        html = self.page('/web', 'clerk')
        self.assertNoBranding(html, '/web')
        self.assertEqual(TITLE.search(html).group(1), '互动交流 - 黑龙江省人民政府')
        self.assertIn('/gov_interaction/static/src/img/favicon.png', html)

    def test_the_site_shows_our_logo_and_favicon(self):
        with open(get_module_resource('gov_interaction', 'static', 'src', 'img', 'logo.png'), 'rb') as f:
            logo = f.read()
        company = self.env.ref('base.main_company')
        self.assertEqual(company.with_context(bin_size=False).logo, base64.b64encode(logo))
        html = self.page('/')
        self.assertIn('/web/binary/company_logo?company=%s' % company.id, html)
        website = self.env.ref('website.default_website')
        favicon = self._open('GET', '/web/image/website/%s/favicon' % website.id)
        self.assertEqual(favicon.headers['Content-Type'], 'image/png')
        # The SVG source is ours, not a state emblem: no star, no Tiananmen.
        with open(get_module_resource('gov_interaction', 'static', 'src', 'img', 'logo.svg')) as f:
            self.assertIn('not a state emblem', f.read())

    def test_home_page_is_the_portal_front_with_the_channel(self):
        html = self.page('/')
        self.assertIn('<h1>黑龙江省人民政府</h1>', html)
        columns = self.env['gov.interaction.column'].search([])
        for column in columns:
            self.assertIn('href="%s"' % column.url, html, column.code)
        self.assertIn('href="/interaction"', html)

    def test_contact_page_shows_the_general_office_without_a_map_service(self):
        html = self.page('/contactus')
        for text in ('哈尔滨市南岗区中山路202号', '150001', '0451-82623456', 'bgt@example.gov.cn',
                     '政务服务便民热线', '12345', '办公时间'):
            self.assertIn(text, html)
        self.assertNotIn('google', html.lower())

    def test_sign_in_offers_only_the_province_provider(self):
        self.assertFalse(self.env.ref('auth_oauth.provider_openerp').enabled)
        self.assertFalse(self.env['auth.oauth.provider'].search([('enabled', '=', True)]))
        self.env['auth.oauth.provider'].create({
            'name': '黑龙江省统一身份认证平台', 'enabled': True, 'client_id': 'gov-portal',
            'body': '省统一身份认证登录',
            'auth_endpoint': 'https://id.example.gov.cn/auth',
            'validation_endpoint': 'https://id.example.gov.cn/userinfo'})
        html = self.page('/web/login')
        self.assertIn('省统一身份认证登录', html)
        self.assertNotIn('Odoo.com', html)
