# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Letters in the JSON API (4.1.4) over real HTTP: attachments on
POST /api/v1/letters, and what the writer reads back (5.3.5 extension,
reply) with the number and query code."""
import base64
import re
import uuid

import requests
from gov_http import call, error_of, new_user, odoo_env, signed_in

PDF = base64.b64encode(b'%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').decode()
PNG = base64.b64encode(b'\x89PNG\r\n\x1a\n' + b'\x00' * 64).decode()


def letters_titled(title):
    with odoo_env() as env:
        return env['gov.letter'].search_count([('title', '=', title)])


def test_4_1_4_api_letter_attachments_checked_nothing_created_on_error(odoo_server):
    offset = odoo_server.log_size()
    session = signed_in(odoo_server, *new_user())
    title = '附件测试 %s' % uuid.uuid4().hex[:8]
    base = {'title': title, 'content': '现场照片见附件。', 'category': 'd', 'writer_phone': '13512345678'}
    cases = [
        ({'attachments': 'photo.jpg'}, 'attachments'),
        ({'attachments': [{'name': 'a.pdf', 'content': PDF}] * 6}, 'attachments'),
        ({'attachments': [{'name': 'a.pdf', 'content': PDF}, {'name': 'virus.exe', 'content': PDF}]},
         'attachments[1]'),
        ({'attachments': [{'name': 'scan.pdf', 'content': '###'}]}, 'attachments[0]'),
        ({'attachments': [{'name': 'fake.pdf', 'content': PNG}]}, 'attachments[0]'),
        ({'attachments': [{'content': PDF}]}, 'attachments[0]'),
    ]
    for extra, key in cases:
        response = call(odoo_server, 'POST', '/letters', session, json=dict(base, **extra))
        fields = error_of(response, 422, 'validation_error')['details']['fields']
        assert list(fields) == [key], fields
    exe = call(odoo_server, 'POST', '/letters?lang=en_US', session, json=dict(
        base, attachments=[{'name': 'virus.exe', 'content': PDF}]))
    assert 'accepted types are PDF, JPG, JPEG, PNG, DOC, DOCX' in \
        exe.json()['error']['details']['fields']['attachments[0]']
    zh = call(odoo_server, 'POST', '/letters', session, json=dict(
        base, attachments=[{'name': 'virus.exe', 'content': PDF}]))
    assert '允许的类型' in zh.json()['error']['details']['fields']['attachments[0]']
    # The size is a setting.
    with odoo_env() as env:
        env['ir.config_parameter'].set_param('gov_letter.attachment_max_mb', '0.00001')
    try:
        big = call(odoo_server, 'POST', '/letters?lang=en_US', session, json=dict(
            base, attachments=[{'name': 'scan.pdf', 'content': PDF}]))
        assert 'larger than' in error_of(big, 422, 'validation_error')['details']['fields']['attachments[0]']
    finally:
        with odoo_env() as env:
            env['ir.config_parameter'].set_param('gov_letter.attachment_max_mb', '10')
    assert letters_titled(title) == 0
    created = call(odoo_server, 'POST', '/letters', session, json=dict(base, attachments=[
        {'name': '现场.pdf', 'content': PDF}, {'name': 'photo.png', 'content': PNG}]))
    assert created.status_code == 201, created.text
    letter = created.json()
    assert letter['attachments'] == ['现场.pdf', 'photo.png']
    with odoo_env() as env:
        record = env['gov.letter'].search([('number', '=', letter['number'])])
        assert sorted(record.attachment_ids.mapped('datas_fname')) == ['photo.png', '现场.pdf']
        assert set(record.attachment_ids.mapped('res_id')) == {record.id}
    assert odoo_server.errors_since(offset) == []


def test_5_3_5_writer_reads_extension_and_reply_with_the_query_code(odoo_server):
    offset = odoo_server.log_size()
    session = signed_in(odoo_server, *new_user())
    created = call(odoo_server, 'POST', '/letters', session, json={
        'title': '老旧小区加装电梯补贴', 'content': '请问老旧小区加装电梯有哪些补贴政策？',
        'category': 'a'}).json()
    number, code = created['number'], created['query_code']
    with odoo_env() as env:
        letter = env['gov.letter'].search([('number', '=', number)])
        letter.department_id = env.ref('gov_interaction.dept_edu')
        letter.sudo(env.ref('gov_interaction.user_clerk')).action_accept()
        deadline = letter.deadline_reply
        extension = letter._extension_deadline(extra_days=10)
        letter.sudo(env.ref('gov_interaction.user_handler_edu'))._request_extension(
            '需要会同财政部门核定补贴标准。', extension)
        letter.sudo(env.ref('gov_interaction.user_supervisor'))._decide_extension(True)
    anonymous = requests.Session()
    data = call(odoo_server, 'POST', '/letters/query', anonymous,
                json={'number': number, 'code': code}).json()
    assert data['extended'] is True
    assert data['extension_reason'] == '需要会同财政部门核定补贴标准。'
    assert data['deadline_reply'] == extension and extension > deadline
    page = anonymous.post(odoo_server.url + '/interaction/letters/query', timeout=30, data={
        'number': number, 'code': code, 'csrf_token': _csrf(anonymous, odoo_server)})
    assert '需要会同财政部门核定补贴标准。' in page.text and extension[:10] in page.text
    # A code in an address (logs, history, Referer) is refused, on the site and in the API.
    leaked = anonymous.get(odoo_server.url + '/interaction/letters/query', timeout=30,
                           params={'number': number, 'code': code})
    assert leaked.status_code == 200 and '请在下面的表单中输入查询码' in leaked.text
    assert '需要会同财政部门核定补贴标准。' not in leaked.text
    refused = call(odoo_server, 'GET', '/letters/query', anonymous,
                   params={'number': number, 'code': code})
    error_of(refused, 405, 'method_not_allowed')
    assert 'POST' in refused.headers['Allow'] and 'GET' not in refused.headers['Allow']
    with odoo_env() as env:
        letter = env['gov.letter'].search([('number', '=', number)])
        letter.reply = '<p>可申请每部电梯最高20万元补贴。</p>'
        letter.sudo(env.ref('gov_interaction.user_handler_edu')).action_submit_reply()
        letter.sudo(env.ref('gov_interaction.user_manager_edu')).action_approve_reply()
    data = call(odoo_server, 'POST', '/letters/query', anonymous,
                json={'number': number, 'code': code}).json()
    assert data['state'] == 'replied' and '最高20万元补贴' in data['reply'] and data['extended']
    assert odoo_server.errors_since(offset) == []


def _csrf(session, server):
    html = session.get(server.url + '/interaction/letters/query', timeout=30).text
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
