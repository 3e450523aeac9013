"""Helpers of the tests against the running server (the ``odoo_server`` and
``page`` fixtures of the root conftest.py), in tests/ and in each addon's
tests/: the test database as superuser, new accounts, the JSON API
(4.1.4), signing in in Chromium, and records the tests make.

What these helpers create is committed to the test database: every test
makes its own.  The root conftest.py puts this folder on ``sys.path``:
``from gov_http import call, error_of``.
"""
import contextlib
import os
import uuid
import zipfile
from datetime import datetime, timedelta
from urllib.parse import urlencode

import requests

import odoo
from odoo import SUPERUSER_ID

API = '/api/v1'
# A letter's personal data (5.3.8): never on a public page, in the API or
# in an export.
LETTER_SECRETS = ('韩冬梅', '13698765432', '0451-87654321', '230103199002023456', 'hdm@example.com',
                  '南岗区花园街21号')


@contextlib.contextmanager
def odoo_env():
    """The test database as superuser, committed on exit, and the servers'
    caches told (translations are cached per process)."""
    registry = odoo.registry(os.environ['GOV_TEST_DB'])
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        yield odoo.api.Environment(cr, SUPERUSER_ID, {})
    registry.signal_changes()


def new_user(groups=('base.group_portal',)):
    """A new account (a citizen by default): (login, password)."""
    login = 'api-%s@example.invalid' % uuid.uuid4().hex[:12]
    password = uuid.uuid4().hex
    with odoo_env() as env:
        env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Citizen %s' % login[4:10], 'login': login, 'email': login, 'password': password,
            'groups_id': [(6, 0, [env.ref(group).id for group in groups])]})
    return login, password


def call(server, method, path, session=None, token=None, **kwargs):
    """A request to the JSON API at ``path`` (under /api/v1), with the
    ``session``'s cookie or the bearer ``token``."""
    headers = kwargs.pop('headers', {})
    if token:
        headers['Authorization'] = 'Bearer ' + token
    return (session or requests).request(method, server.url + API + path, headers=headers, timeout=30,
                                         **kwargs)


def signed_in(server, login, password):
    """A requests session signed in through the API."""
    session = requests.Session()
    response = call(server, 'POST', '/auth/login', session, json={'login': login, 'password': password})
    assert response.status_code == 200, response.text
    return session


def error_of(response, status, code):
    """The API's error object of ``response``, checked to be ``status``
    with ``code`` and a message."""
    assert response.status_code == status, response.text
    assert response.headers['Content-Type'].startswith('application/json')
    error = response.json()['error']
    assert error['code'] == code and error['message'], error
    return error


def submit_login_form(page, login, password):
    """Fill in and submit Odoo's login form, open in ``page``."""
    page.fill('input[name=login]', login)
    page.fill('input[name=password]', password)
    page.click('form.oe_login_form button[type=submit]')


def write_reply_in_form(page, text):
    """In the open letter form of the back office: edit, type ``text`` as
    the reply (its notebook page) and save."""
    page.click('.o_form_button_edit')
    page.click('.o_notebook .nav-tabs a >> text="答复"')
    page.click('.o_field_widget[name=reply] .note-editable')
    page.keyboard.type(text)
    page.click('.o_form_button_save')
    page.wait_for_selector('.o_form_button_edit', state='visible')


def click_list_export(page, action_xmlid):
    """Open the list of the window action ``action_xmlid`` in ``page`` and
    click its Export (XLSX) button (gov_interaction's gov_export_list)."""
    with odoo_env() as env:
        action = env.ref(action_xmlid).id
    page.goto('/web#action=%d&view_type=list' % action)
    page.wait_for_selector('.o_list_view')
    page.click('.o_cp_buttons .o_gov_list_export')


def download_export(page):
    """On the form of a background export (gov.export.job) open in
    ``page``: wait for the job, download its file and return the text of
    its sheets (XLSX: shared or inline strings)."""
    page.wait_for_selector('.o_form_view .o_progressbar')
    button = page.locator('.o_gov_export_download:visible').first
    button.wait_for(timeout=60000)
    with page.expect_download() as download:
        button.click()
    with zipfile.ZipFile(download.value.path()) as xlsx:
        return ''.join(xlsx.read(name).decode() for name in xlsx.namelist()
                       if name.startswith('xl/worksheets/sheet') or name == 'xl/sharedStrings.xml')


def sign_in(page, login, password, redirect=None):
    """Sign ``login`` in on Odoo's login form in Chromium, whoever was
    signed in before; return once the browser has left the form (for
    ``redirect`` if given, else where Odoo sends the user)."""
    form = '/web/login'
    if redirect:
        form += '?' + urlencode({'redirect': redirect})
    # Leave the previous page first: a request of it still in flight after
    # the logout (an avatar, a poll) would open a new session and void the
    # form's CSRF token (400 Bad Request on submit).
    page.goto('about:blank')
    page.goto('/web/session/logout?' + urlencode({'redirect': form}))
    page.wait_for_load_state('networkidle')
    submit_login_form(page, login, password)
    page.wait_for_url(lambda url: '/web/login' not in url)


def make_interview(state='live', department='gov_interaction.dept_edu', **values):
    """A new interview in ``state`` (committed); its id."""
    with odoo_env() as env:
        interview = env['gov.interview'].with_context(lang='en_US').create(dict({
            'name': '测试访谈 %s' % uuid.uuid4().hex[:6],
            'department_id': env.ref(department).id,
            'summary': '访谈简介',
            'date_start': (datetime.utcnow() + timedelta(days=1)).strftime('%Y-%m-%d %H:%M:%S'),
            'video_url': 'https://media.example.gov.cn/live/test.mp4',
            'guest_ids': [(0, 0, {'name': '王建华', 'title': '省教育厅副厅长'})],
        }, **values))
        _advance_interview(interview, state)
        if state == 'published':
            _publish_interview(env, interview)
        return interview.id


def _advance_interview(interview, state):
    steps = ['announced', 'live', 'ended']
    actions = {'announced': interview.action_announce, 'live': interview.action_start,
               'ended': interview.action_end}
    for step in steps[:steps.index(state) + 1] if state in steps else []:
        actions[step]()


def _publish_interview(env, interview):
    interview.action_announce()
    interview.action_start()
    env['gov.interview.post'].create({'interview_id': interview.id, 'speaker': '王建华',
                                      'body': '实录里的发言 & <内容>'})
    interview.action_end()
    interview.action_build_transcript()
    interview.action_publish()


def letter_with_personal_data(env, publish=False, **values):
    """An accepted letter of the education department with the writer's
    personal data (LETTER_SECRETS) in its text: (letter, query code)."""
    vals = {
        'title': '韩冬梅咨询花园街小学学区划分',
        'content': '我是韩冬梅，住南岗区花园街21号，手机13698765432，座机0451-87654321，'
                   '身份证230103199002023456，邮箱hdm@example.com。请问花园街小学的学区范围？',
        'category_id': env.ref('gov_letter.category_b').id,
        'department_id': env.ref('gov_interaction.dept_edu').id,
        'writer_name': '韩冬梅', 'writer_phone': '13698765432', 'writer_email': 'hdm@example.com',
        'writer_id_number': '230103199002023456', 'writer_address': '南岗区花园街21号',
        'publish_wish': publish,
    }
    vals.update(values)
    letter, code = env['gov.letter'].sudo()._intake(vals)
    letter.action_accept()
    return letter, code


def replied_letter(env, publish=False):
    """letter_with_personal_data() with its reply approved: (letter, code)."""
    letter, code = letter_with_personal_data(env, publish)
    letter.write({'reply': '<p>韩冬梅您好：花园街小学学区范围以区教育局公布的划片方案为准。</p>'})
    letter.action_submit_reply()
    letter.action_approve_reply()
    return letter, code
