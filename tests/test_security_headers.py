"""Transport and browser hardening over real HTTP: the security headers and
the session cookie, through nginx and directly on Odoo's port; the interview
embed keeps its own frame-ancestors; the website and the back office still
work in Chromium under the Content-Security-Policy."""
import requests
from gov_http import make_interview, new_user, sign_in

PAGES = ('/interaction', '/web/login')
CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
)
SECURITY_HEADERS = ('Content-Security-Policy', 'X-Frame-Options', 'X-Content-Type-Options',
                    'Referrer-Policy')
SESSION_MAX_AGE = str(7 * 24 * 60 * 60)


def _bases(server):
    """Through nginx, and straight to Odoo's HTTP workers."""
    return {'nginx': server.url, 'odoo': 'http://127.0.0.1:%d' % server.http_port}


def _get(url, **kwargs):
    response = requests.get(url, timeout=120, allow_redirects=False, **kwargs)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _values(response, name):
    """Every value of header ``name`` as sent (requests joins repeats)."""
    return response.raw.headers.getlist(name)


def _session_cookie(response):
    cookies = [c for c in _values(response, 'Set-Cookie') if c.startswith('session_id=')]
    assert len(cookies) == 1, _values(response, 'Set-Cookie')
    attributes = {}
    for part in cookies[0].split(';')[1:]:
        name, _sep, value = part.strip().partition('=')
        attributes[name.lower()] = value
    return attributes


def _assert_hardened(response, where):
    for name in SECURITY_HEADERS:
        assert len(_values(response, name)) == 1, (where, name, _values(response, name))
    csp = response.headers['Content-Security-Policy']
    directives = [d.strip() for d in csp.split(';')]
    for directive in CSP_DIRECTIVES:
        assert directive in directives, (where, directive, csp)
    # Odoo's own /web/login says DENY, stricter, and is left alone.
    assert response.headers['X-Frame-Options'] == ('DENY' if '/web/login' in where else 'SAMEORIGIN'), where
    assert response.headers['X-Content-Type-Options'] == 'nosniff', where
    assert response.headers['Referrer-Policy'] in ('strict-origin-when-cross-origin', 'same-origin'), where


def test_security_headers_and_session_cookie_on_public_pages(odoo_server):
    offset = odoo_server.log_size()
    for via, base in _bases(odoo_server).items():
        for path in PAGES:
            where = '%s %s' % (via, path)
            response = _get(base + path)
            _assert_hardened(response, where)
            assert 'Strict-Transport-Security' not in response.headers, where
            cookie = _session_cookie(response)
            assert 'httponly' in cookie, (where, cookie)
            assert cookie.get('samesite') == 'Lax', (where, cookie)
            assert cookie.get('max-age') == SESSION_MAX_AGE, (where, cookie)
            assert 'secure' not in cookie, (where, cookie)
    assert not odoo_server.errors_since(offset)


def test_security_headers_hsts_and_secure_cookie_only_under_tls(odoo_server):
    direct = _bases(odoo_server)['odoo']
    behind_tls = {'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': '127.0.0.1:%d' % odoo_server.http_port}
    for path in PAGES:
        response = _get(direct + path, headers=behind_tls)
        _assert_hardened(response, 'odoo ' + path)
        assert response.headers['Strict-Transport-Security'].startswith('max-age='), path
        assert int(response.headers['Strict-Transport-Security'].split('=')[1].split(';')[0]) >= 15552000
        cookie = _session_cookie(response)
        assert 'secure' in cookie and cookie.get('samesite') == 'Lax' and 'httponly' in cookie, cookie
        # nginx speaks plain HTTP here and tells Odoo so: a client's own
        # X-Forwarded-Proto is not believed.
        forged = _get(odoo_server.url + path, headers={'X-Forwarded-Proto': 'https'})
        assert 'Strict-Transport-Security' not in forged.headers, path
        assert 'secure' not in _session_cookie(forged), path


def test_security_headers_nginx_covers_what_odoo_does_not_decorate(odoo_server):
    """Static files bypass Odoo's request dispatch: nginx adds the same
    headers, with the same policy as Odoo's."""
    static = _get(odoo_server.url + '/web/static/src/img/favicon.ico')
    _assert_hardened(static, 'nginx static')
    login = _get(_bases(odoo_server)['odoo'] + '/web/login')
    assert static.headers['Content-Security-Policy'] == login.headers['Content-Security-Policy']


def test_5_2_8_embed_keeps_its_own_frame_ancestors(odoo_server):
    interview_id = make_interview('published')
    for via, base in _bases(odoo_server).items():
        embed = _get(base + '/interaction/interviews/%s/embed' % interview_id)
        policies = _values(embed, 'Content-Security-Policy')
        assert len(policies) == 1 and policies[0].startswith("frame-ancestors 'self' "), (via, policies)
        assert 'default-src' not in policies[0], (via, policies)
        assert 'X-Frame-Options' not in embed.headers, via
        assert embed.headers['X-Content-Type-Options'] == 'nosniff', via


def test_security_policy_lets_the_website_and_back_office_work(page, odoo_server):
    """No CSP violation in Chromium on the site, the live room (video file
    and player page) and the back office."""
    offset = odoo_server.log_size()
    violations, errors = [], []
    page.on('console', lambda message: violations.append(message.text)
            if 'Content Security Policy' in message.text else None)
    page.on('pageerror', lambda error: errors.append(str(error)))
    file_room = make_interview('live', video_url='https://media.example.invalid/live/room.mp4')
    player_room = make_interview('live', video_url='https://player.example.invalid/live/room')

    page.goto('/interaction')
    page.wait_for_selector('.o_gov_channel')
    for interview_id, element in ((file_room, 'video'), (player_room, 'iframe')):
        page.goto('/interaction/interviews/%s' % interview_id)
        page.wait_for_selector('.o_gov_interview_room .o_gov_room_video %s' % element, state='attached')
        page.wait_for_load_state('load')

    login, password = new_user(groups=('base.group_user', 'gov_interaction.group_gov_clerk'))
    sign_in(page, login, password)
    page.goto('/web#action=gov_letter.action_gov_letter')
    page.wait_for_selector('.o_kanban_view')  # the web client's QWeb needs 'unsafe-eval'
    page.click('.o_cp_switch_list')
    page.wait_for_selector('.o_list_view')
    assert not violations, violations
    assert not errors, errors
    assert not odoo_server.errors_since(offset)
