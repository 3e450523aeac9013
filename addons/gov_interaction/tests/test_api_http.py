# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The JSON API's framework (4.1.4) and the single citizen account (4.1.3)
over real HTTP, against the prefork server behind nginx: sign-in and
session, tokens, error answers, the sign-in rate limit.  The whole channel
over the API (every addon's column, the merged OpenAPI document):
tests/test_api_channel_http.py.

What these tests create is committed to the test database: every test uses
its own logins.
"""
import re
import uuid
import xmlrpc.client

import requests
from gov_http import call, error_of, new_user, odoo_env, signed_in

CJK = re.compile('[\u4e00-\u9fff]')


def test_4_1_4_api_login_session_and_me(odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    session = requests.Session()
    error_of(call(odoo_server, 'GET', '/me', session), 401, 'unauthorized')

    wrong = call(odoo_server, 'POST', '/auth/login', session, json={'login': login, 'password': 'nope'})
    error = error_of(wrong, 401, 'unauthorized')
    assert CJK.search(error['message']), "zh_CN by default"
    english = call(odoo_server, 'POST', '/auth/login?lang=en_US', json={'login': login, 'password': 'nope'})
    assert error_of(english, 401, 'unauthorized')['message'] == 'Wrong login or password.'

    before = session.cookies.get('session_id')
    response = call(odoo_server, 'POST', '/auth/login', session, json={'login': login, 'password': password})
    assert response.status_code == 200, response.text
    profile = response.json()
    assert profile['login'] == login and profile['email'] == login and profile['roles'] == ['citizen']
    assert response.headers['Cache-Control'] == 'no-store'
    assert session.cookies.get('session_id') not in (None, before), "a new session id at sign-in"

    me = call(odoo_server, 'GET', '/me', session)
    assert me.status_code == 200 and me.json() == profile
    assert me.headers['Cache-Control'] == 'no-store'

    logout = call(odoo_server, 'POST', '/auth/logout', session, json={})
    assert logout.status_code == 204 and not logout.content
    error_of(call(odoo_server, 'GET', '/me', session), 401, 'unauthorized')
    assert odoo_server.errors_since(offset) == []


def test_4_1_4_api_token_create_use_revoke(odoo_server):
    offset = odoo_server.log_size()
    login, password = new_user()
    session = signed_in(odoo_server, login, password)

    created = call(odoo_server, 'POST', '/tokens', session, json={'name': 'WeChat', 'expires': '2099-12-31'})
    assert created.status_code == 201, created.text
    data = created.json()
    token = data['token']
    assert token.startswith('gov_') and data['hint'] == token[:8]
    assert data['expires'] == '2099-12-31T23:59:59Z', "a date means its end, UTC"

    # The token alone (no cookie) is the user; it is never shown again.
    me = call(odoo_server, 'GET', '/me', token=token)
    assert me.status_code == 200 and me.json()['login'] == login
    assert me.headers['Cache-Control'] == 'no-store'
    listed = call(odoo_server, 'GET', '/tokens', token=token)
    assert listed.status_code == 200
    assert [item['id'] for item in listed.json()['items']] == [data['id']]
    assert token not in listed.text and 'token' not in listed.json()['items'][0]

    # Someone else's token is not found; a token cannot mint tokens.
    other_login, other_password = new_user()
    other = call(odoo_server, 'POST', '/tokens', signed_in(odoo_server, other_login, other_password),
                 json={'name': 'other'}).json()
    error_of(call(odoo_server, 'DELETE', '/tokens/%d' % other['id'], token=token), 404, 'not_found')
    assert call(odoo_server, 'GET', '/me', token=other['token']).status_code == 200
    error_of(call(odoo_server, 'POST', '/tokens', token=token, json={'name': 'more'}), 403, 'forbidden')

    revoked = call(odoo_server, 'DELETE', '/tokens/%d' % data['id'], token=token)
    assert revoked.status_code == 204
    error_of(call(odoo_server, 'GET', '/me', token=token), 401, 'unauthorized')
    error_of(call(odoo_server, 'DELETE', '/tokens/%d' % data['id'], session), 404, 'not_found')
    assert call(odoo_server, 'GET', '/tokens', session).json()['items'] == []

    # Expired tokens are refused too (aged in the database: the API refuses a past expiry).
    expiring = call(odoo_server, 'POST', '/tokens', session, json={'name': 'old'}).json()
    assert call(odoo_server, 'GET', '/me', token=expiring['token']).status_code == 200
    with odoo_env() as env:
        env.cr.execute("UPDATE gov_api_token SET expires = '2001-01-01' WHERE id = %s", (expiring['id'],))
    error_of(call(odoo_server, 'GET', '/me', token=expiring['token']), 401, 'unauthorized')
    assert odoo_server.errors_since(offset) == []


def test_4_1_4_api_errors_are_json_with_codes(odoo_server):
    offset = odoo_server.log_size()
    error_of(call(odoo_server, 'GET', '/no/such/path'), 404, 'not_found')
    error_of(call(odoo_server, 'POST', '/no/such/path', data='x'), 404, 'not_found')
    error_of(call(odoo_server, 'GET', '/tokens/abc'), 404, 'not_found')

    json_type = {'Content-Type': 'application/json'}
    for body in ('{"login": ', '["admin"]', b'\xff'):
        error_of(call(odoo_server, 'POST', '/auth/login', data=body, headers=json_type), 400, 'invalid_json')
    # A cross-site form cannot send JSON: no session cookie is used without it.
    error_of(call(odoo_server, 'POST', '/auth/login', data={'login': 'admin', 'password': 'admin'}),
             415, 'unsupported_media_type')
    error_of(call(odoo_server, 'POST', '/auth/logout', data='{}', headers={'Content-Type': 'text/plain'}),
             415, 'unsupported_media_type')

    wrong_method = call(odoo_server, 'PUT', '/channel', json={})
    error_of(wrong_method, 405, 'method_not_allowed')
    assert 'GET' in wrong_method.headers['Allow']

    unauthorized = call(odoo_server, 'GET', '/tokens')
    error_of(unauthorized, 401, 'unauthorized')
    assert unauthorized.headers['WWW-Authenticate'] == 'Bearer'
    error_of(call(odoo_server, 'GET', '/me', token='gov_not-a-token'), 401, 'unauthorized')
    error_of(call(odoo_server, 'GET', '/me', headers={'Authorization': 'Basic YWRtaW46YWRtaW4='}),
             401, 'unauthorized')

    login, password = new_user()
    session = signed_in(odoo_server, login, password)
    token = call(odoo_server, 'POST', '/tokens', session, json={'name': 'phone'}).json()['token']
    error_of(call(odoo_server, 'POST', '/tokens', token=token, json={'name': 'x'}), 403, 'forbidden')
    error_of(call(odoo_server, 'DELETE', '/tokens/99999999999999999999', session), 404, 'not_found')
    invalid = error_of(call(odoo_server, 'GET', '/columns/letter?limit=0'), 422, 'validation_error')
    assert list(invalid['details']['fields']) == ['limit']
    assert odoo_server.errors_since(offset) == [], "client errors are not server errors"

    # An internal error (here a column the ORM expects is missing) is logged
    # with its traceback and answered without any internals.
    with odoo_env() as env:
        env.cr.execute('ALTER TABLE gov_interaction_column RENAME COLUMN icon TO icon_hidden_by_test')
    try:
        response = call(odoo_server, 'GET', '/channel')
    finally:
        with odoo_env() as env:
            env.cr.execute('ALTER TABLE gov_interaction_column RENAME COLUMN icon_hidden_by_test TO icon')
    error = error_of(response, 500, 'internal_error')
    assert set(error) == {'code', 'message'}
    for internal in ('icon', 'gov_interaction_column', 'psycopg2', 'Traceback', 'SELECT'):
        assert internal not in response.text
    logged = odoo_server.errors_since(offset)
    assert any('API internal error on GET /api/v1/channel' in line for line in logged), logged
    assert call(odoo_server, 'GET', '/channel').status_code == 200


def test_4_1_4_api_login_rate_limited(odoo_server):
    """Five failures for one login block it, on every sign-in path and
    whichever worker answers: the counts live in PostgreSQL (gov.throttle)."""
    login, password = new_user()
    statuses = []
    for _attempt in range(11):
        response = call(odoo_server, 'POST', '/auth/login', json={'login': login, 'password': 'guess'})
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    assert statuses == [401] * 5 + [429], statuses
    error = error_of(response, 429, 'rate_limited')
    assert 0 < error['details']['retry_after'] <= 15 * 60
    assert response.headers['Retry-After'] == str(error['details']['retry_after'])
    # Now even the right password opens no session, by any path.
    web = requests.post(odoo_server.url + '/web/session/authenticate', timeout=30, json={
        'jsonrpc': '2.0', 'params': {'db': odoo_server.db, 'login': login, 'password': password}})
    assert 'error' in web.json() or not web.json()['result'].get('uid'), web.text
    rpc = xmlrpc.client.ServerProxy(odoo_server.url + '/xmlrpc/2/common')
    assert not rpc.authenticate(odoo_server.db, login, password, {})
    form = requests.Session()
    page = form.get(odoo_server.url + '/web/login', timeout=30).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    answer = form.post(odoo_server.url + '/web/login', timeout=30, allow_redirects=False, data={
        'login': login, 'password': password, 'csrf_token': token, 'db': odoo_server.db})
    assert answer.status_code == 200 and 'oe_login_form' in answer.text  # the form again, no session


def test_4_1_4_every_sign_in_path_counts_failures_in_one_place(odoo_server):
    """Failures on the back office's form, /web/session/authenticate and
    XML-RPC add up with the API's."""
    login, password = new_user()
    requests.post(odoo_server.url + '/web/session/authenticate', timeout=30, json={
        'jsonrpc': '2.0', 'params': {'db': odoo_server.db, 'login': login, 'password': 'guess'}})
    rpc = xmlrpc.client.ServerProxy(odoo_server.url + '/xmlrpc/2/common')
    for _attempt in range(2):
        assert not rpc.authenticate(odoo_server.db, login, 'guess', {})
    form = requests.Session()
    for _attempt in range(2):
        page = form.get(odoo_server.url + '/web/login', timeout=30).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        form.post(odoo_server.url + '/web/login', timeout=30, data={
            'login': login, 'password': 'guess', 'csrf_token': token, 'db': odoo_server.db})
    response = call(odoo_server, 'POST', '/auth/login', json={'login': login, 'password': password})
    error_of(response, 429, 'rate_limited')


def test_4_1_3_same_citizen_account_on_site_and_api(odoo_server):
    """One citizen account: signed in on the site, the API knows it; signed
    in through the API, the site does."""
    login, password = new_user()
    site = requests.Session()
    form = site.get(odoo_server.url + '/web/login', timeout=30)
    csrf_token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    signed = site.post(odoo_server.url + '/web/login', timeout=30,
                       data={'login': login, 'password': password, 'csrf_token': csrf_token})
    # Odoo 11 answers a successful sign-in with a page that redirects in JavaScript.
    assert 'window.location' in signed.text, signed.text[:500]
    through_site = call(odoo_server, 'GET', '/me', site)
    assert through_site.status_code == 200 and through_site.json()['login'] == login

    through_api = signed_in(odoo_server, login, password)
    assert call(odoo_server, 'GET', '/me', through_api).json() == through_site.json()
    portal = through_api.get(odoo_server.url + '/my', timeout=30, allow_redirects=False)
    assert portal.status_code == 200, portal.headers.get('Location')
    assert login in portal.text or 'Citizen %s' % login[4:10] in portal.text


def test_api_validation_error_changes_nothing(odoo_server):
    """The handler creates the token, then the model refuses its expiry: the
    whole transaction is rolled back, not committed with the error."""
    offset = odoo_server.log_size()
    login, password = new_user()
    session = signed_in(odoo_server, login, password)
    name = 'probe-%s' % uuid.uuid4().hex
    refused = call(odoo_server, 'POST', '/tokens', session, json={'name': name, 'expires': '2001-01-01'})
    error = error_of(refused, 422, 'validation_error')
    assert error['message'] != 'validation_error'
    invalid = call(odoo_server, 'POST', '/tokens', session,
                   json={'name': name, 'expires': 'soon', 'scope': 'all'})
    assert set(error_of(invalid, 422, 'validation_error')['details']['fields']) == {'expires', 'scope'}
    with odoo_env() as env:
        assert not env['gov.api.token'].with_context(active_test=False).search([('name', '=', name)])
    assert call(odoo_server, 'GET', '/tokens', session).json()['items'] == []
    assert odoo_server.errors_since(offset) == []
