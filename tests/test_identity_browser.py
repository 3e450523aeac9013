"""The province's own site in Chromium (README, "The public site"): an
anonymous visitor who opens the letter form is told why an account is
needed, signs up or signs in, and comes back to the form (4.1.3); the site
and the back office carry the province's name and logo, not Odoo's."""
import uuid

from gov_http import new_user, sign_in, submit_login_form

PHONE = {'width': 375, 'height': 812}
LETTER_FORM = '/interaction/letters/new'


def _to_letter_form_anonymously(page):
    page.goto('about:blank')
    page.goto('/web/session/logout?redirect=/')
    page.goto('/interaction')
    page.click('.o_gov_column_card[data-column="letter"]')
    page.click('a[href="%s"]' % LETTER_FORM)
    page.wait_for_selector('.o_gov_sign_in_why')


def test_4_1_3_anonymous_visitor_signs_up_and_returns_to_the_letter_form(page, odoo_server):
    offset = odoo_server.log_size()
    page.set_viewport_size(PHONE)
    _to_letter_form_anonymously(page)
    why = page.inner_text('.o_gov_sign_in_why')
    assert '请先登录' in why and '登录后将自动回到您刚才打开的页面' in why
    assert page.inner_text('label[for=login]') == '用户名 / 手机号 / 邮箱'
    page.click('.o_gov_sign_up_link')
    page.wait_for_selector('.o_gov_sign_up_why')
    assert '为什么需要注册账号' in page.inner_text('.o_gov_sign_up_why')
    assert '注册完成后将自动回到您刚才打开的页面' in page.inner_text('.o_gov_sign_up_back')
    mobile = '139%08d' % (uuid.uuid4().int % 10 ** 8)
    page.fill('input[name=login]', mobile)
    page.fill('input[name=name]', '孙丽')
    page.fill('input[name=password]', 'Secret-2026')
    page.fill('input[name=confirm_password]', 'Secret-2026')
    page.click('form.oe_signup_form button[type=submit]')
    page.wait_for_selector('.o_gov_letter_form form')
    assert page.url.endswith(LETTER_FORM)
    assert '孙丽' in page.text_content('header')
    assert page.title().endswith(' - 互动交流 - 黑龙江省人民政府')
    # The same account signs in again with its mobile number.
    sign_in(page, mobile, 'Secret-2026', redirect='/my')
    assert '孙丽' in page.text_content('header')
    assert odoo_server.errors_since(offset) == []


def test_4_1_3_anonymous_visitor_signs_in_and_returns_to_the_letter_form(page, odoo_server):
    login, password = new_user()
    _to_letter_form_anonymously(page)
    submit_login_form(page, login, password)
    page.wait_for_selector('.o_gov_letter_form form')
    assert page.url.endswith(LETTER_FORM)


def test_site_and_back_office_carry_the_province_identity(page, odoo_server):
    page.goto('/')
    assert page.title() == '首页 - 互动交流 - 黑龙江省人民政府'
    assert page.inner_text('.o_gov_brand_name') == '黑龙江省人民政府'
    logo = page.eval_on_selector('.o_gov_brand_logo', 'img => [img.complete, img.naturalWidth]')
    assert logo[0] and logo[1] > 0
    body = page.inner_text('body')
    assert 'Powered by' not in body and 'YourCompany' not in body
    sign_in(page, 'clerk', 'clerk', redirect='/web')
    page.wait_for_selector('.o_gov_backoffice_brand img')
    assert page.locator('.o_sub_menu_footer').count() == 0
    page.wait_for_function("() => document.title.endsWith('互动交流 - 黑龙江省人民政府')")
    assert 'Odoo' not in page.title()
