"""Hostile input against a served site: the JSON API's every operation (from
its OpenAPI document) and the citizens' HTML forms.

Sends 1 MB strings, NUL characters, invalid UTF-8, lone surrogates, JSON
nested 1,000 deep, wrong types, missing fields, path traversal, SQL and
script strings, wrong content types, and form posts without or with a wrong
CSRF token.  Every request is one the server must refuse; :class:`Tally`
collects what a refusal must not do: answer 5xx, answer an API error outside
the ``{"error": {"code", "message"}}`` shape or (zh_CN being the default) in
a language other than Chinese, or reflect the script string unescaped in a
page.  Used by tests/test_api_fuzz_http.py (``make test``, ``make fuzz``).
"""
import json
import re

import requests

API = '/api/v1'
CJK = re.compile('[\u4e00-\u9fff]')
SCRIPT = '<script>alert("gov-fuzz")</script>'
HOSTILE_STRINGS = [
    'x' * (1024 * 1024),                      # 1 MB
    'a\x00b',                                  # NUL: PostgreSQL refuses it
    "' OR '1'='1' --",
    "1; DROP TABLE gov_letter; --",
    '../../../../etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    '%s%n%x{{7*7}}${7*7}',
    '\u202e\ufeff\U0001f600',
]
WRONG_TYPES = [None, 0, -1, 2 ** 70, 1.5, True, [], ['x'], {}, {'a': 'b'}]
ERROR_CODES = {
    400: ('bad_request', 'invalid_json'), 401: ('unauthorized',), 403: ('forbidden',),
    404: ('not_found',), 405: ('method_not_allowed',), 409: ('conflict',), 413: ('bad_request',),
    414: ('bad_request',), 415: ('unsupported_media_type',), 422: ('validation_error',),
    429: ('rate_limited',), 503: ('unavailable',),
}
RAW_BODIES = [
    ('application/json', b'{"title": "\xff\xfe\xfd"}'),            # invalid UTF-8
    ('application/json', b'\xc3\x28'),
    ('application/json', b'{"title": "\\ud800"}'),                   # lone surrogate
    ('application/json', b'{"title": "a\\u0000b"}'),                 # NUL
    ('application/json', b'[' * 1000 + b']' * 1000),                # nested 1,000 deep
    ('application/json', b'{"a": ' + b'[' * 1000 + b']' * 1000 + b'}'),
    ('application/json', b'{"a": ' + b'{"b": ' * 40 + b'1' + b'}' * 41),
    ('application/json', b'{"a": NaN}'),
    ('application/json', b'{"a": 1e999999}'),
    ('application/json', b'{"a": ' + b'9' * 5000 + b'}'),
    ('application/json', b'{"a": '),
    ('application/json', b'[]'),
    ('application/json', b'"text"'),
    ('application/json', b'null'),
    ('text/plain', b'{}'),
    ('application/x-www-form-urlencoded', b'title=x&content=y'),
    ('multipart/form-data; boundary=x',
     b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'),
]


class Tally:
    """Counts of the requests sent and of what went wrong, with examples."""

    def __init__(self):
        self.requests = 0
        self.server_errors = []
        self.bad_shape = []
        self.not_chinese = []
        self.reflected = []
        self.accepted = []

    def problems(self):
        return self.server_errors + self.bad_shape + self.not_chinese + self.reflected + self.accepted

    def summary(self):
        return {'requests': self.requests, '5xx': len(self.server_errors),
                'not_error_shape': len(self.bad_shape),
                'not_chinese': len(self.not_chinese), 'reflected': len(self.reflected),
                'accepted': len(self.accepted)}

    def check_api(self, label, response, chinese=True):
        """A refused API request: a JSON error of the right shape, in Chinese."""
        self.requests += 1
        where = '%s -> %s %s' % (label, response.status_code, response.text[:200])
        if response.status_code >= 500 and response.status_code != 503:
            self.server_errors.append(where)
        if response.status_code < 400:
            self.accepted.append(where)
            return
        error = _error_of(response)
        if error is None or error['code'] not in ERROR_CODES.get(response.status_code, ()):
            self.bad_shape.append(where)
        elif chinese and not all(CJK.search(text) for text in _messages(error)):
            self.not_chinese.append(where)

    def check_page(self, label, response, status=None):
        """A hostile form post: no 5xx, the script string never unescaped,
        not accepted (a redirect), and answered ``status`` if given."""
        self.requests += 1
        where = '%s -> %s' % (label, response.status_code)
        if response.status_code >= 500:
            self.server_errors.append(where)
        if SCRIPT in response.text:
            self.reflected.append(where)
        if response.status_code in (301, 302, 303) or status not in (None, response.status_code):
            self.accepted.append(where + ' ' + response.headers.get('Location', ''))


def _error_of(response):
    if not response.headers.get('Content-Type', '').startswith('application/json'):
        return None
    try:
        error = response.json().get('error')
    except (ValueError, AttributeError):
        return None
    if not isinstance(error, dict) or not isinstance(error.get('code'), str) \
            or not isinstance(error.get('message'), str):
        return None
    return error


def _messages(error):
    fields = (error.get('details') or {}).get('fields') or {}
    return [error['message']] + [text for text in fields.values() if isinstance(text, str)]


# The API -------------------------------------------------------------------

def operations(document):
    """(method, path template, operation) of every documented operation."""
    for path, item in document['paths'].items():
        for method, operation in item.items():
            if method in ('get', 'post', 'put', 'patch', 'delete'):
                yield method.upper(), path, operation


def _body_schema(document, operation):
    content = (operation.get('requestBody') or {}).get('content') or {}
    schema = content.get('application/json', {}).get('schema')
    while schema and '$ref' in schema:
        schema = document['components']['schemas'][schema['$ref'].rsplit('/', 1)[1]]
    return schema or {}


def _valid_path(path):
    """The path with plausible values (the resources need not exist)."""
    return re.sub(r'\{[^}]+\}', lambda m: '1' if m.group(0).endswith('id}') else 'XJ2026-000001', path)


def _hostile_paths(path):
    """The path with each parameter replaced by hostile text, URL-quoted."""
    if '{' not in path:
        return []
    values = ['..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%00', 'a%00b', '%FF%FE', "1'%20OR%20'1'%3D'1",
              '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '-1', '99999999999999999999', 'x' * 4000]
    return [re.sub(r'\{[^}]+\}', value, path) for value in values]


def _query_params(operation):
    return [parameter['name'] for parameter in operation.get('parameters', [])
            if parameter.get('in') == 'query']


def _bodies(schema, refused):
    """JSON bodies that break ``schema``: each property hostile or mistyped
    (required texts "x", and the ``refused`` extra fields so that a hostile
    but well-formed text is refused too), and required ones missing."""
    defaults = {name: 'x' for name in schema.get('required', [])}
    if defaults:
        yield {}  # (an empty object is what signing out takes)
    yield {'x-gov-fuzz': 1}
    for name in schema.get('properties') or {}:
        for value in HOSTILE_STRINGS + WRONG_TYPES:
            yield dict(defaults, **dict(refused, **{name: value}))


def api_pass(url, document, session=None):
    """Hostile requests to every operation of ``document``, anonymously
    (session None) or with a signed-in ``session``; returns a :class:`Tally`."""
    tally = Tally()
    for method, path, operation in operations(document):
        label = '%s %s' % (method, path)
        # Signing in or out replaces the session: never the citizen's.
        sessionless = operation['operationId'] in ('login', 'logout')
        http = requests.Session() if sessionless or not session else session
        target = url + API + _valid_path(path)
        for hostile in _hostile_paths(path):
            tally.check_api('%s path %s' % (label, hostile[:40]), http.request(
                method, url + API + hostile, json={} if method != 'GET' else None, timeout=60))
        for name in _query_params(operation) + ['lang']:
            for value in HOSTILE_STRINGS[1:] + ['x' * 4000, 'zz_ZZ']:
                response = http.request(method, target, params={name: value, 'lang': 'zh_CN'}
                                        if name != 'lang' else {name: value}, json={}
                                        if method != 'GET' else None, timeout=60)
                if name == 'lang' or response.status_code >= 400:
                    tally.check_api('%s ?%s=%r' % (label, name, value[:40]), response)
                else:
                    tally.requests += 1  # an ignored or valid filter: a 200 is right
        tally.check_api('%s 100 KB query' % label, http.request(
            method, target + '?q=' + 'x' * 100000, timeout=60))
        if method == 'GET':
            continue
        for content_type, raw in RAW_BODIES:
            tally.check_api('%s raw %s %r' % (label, content_type, raw[:30]), http.request(
                method, target, data=raw, headers={'Content-Type': content_type}, timeout=60))
        # A wrong number, code or password is refused without the extra field:
        # then the hostile text reaches the lookup.
        refused = {} if operation['operationId'] in ('login', 'queryLetter', 'rateLetter') \
            else {'x-gov-fuzz': 1}
        for body in _bodies(_body_schema(document, operation), refused):
            tally.check_api('%s body %s' % (label, json.dumps(body)[:80]), http.request(
                method, target, json=body, timeout=60))
    return tally


# The HTML forms --------------------------------------------------------------

CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def csrf_token(http, page_url):
    """The CSRF token of the session's page (Odoo's is per session)."""
    match = CSRF.search(http.get(page_url, timeout=60).text)
    return match and match.group(1)


def form_pass(url, forms, session):
    """Hostile posts to the HTML ``forms`` [(page, action, field names)]
    with a citizen's ``session``: no, a wrong and the right CSRF token; with
    the right one each field in turn hostile, the rest left out (so every
    post is refused); returns a :class:`Tally`."""
    tally = Tally()
    # Odoo's token is per session: one page gives it for every form (some
    # pages, Odoo's survey start, create records when shown).
    token = csrf_token(session, url + forms[0][0])
    assert token, 'no csrf_token on %s' % forms[0][0]
    for _page, action, fields in forms:
        plain = {name: 'x' for name in fields}
        for label, data in (('no token', plain), ('wrong token', dict(plain, csrf_token='x' * 40))):
            tally.check_page('%s %s' % (action, label), session.post(
                url + action, data=data, allow_redirects=False, timeout=60), status=400)
        for name in fields:
            for value in HOSTILE_STRINGS:
                tally.check_page('%s %s=%r' % (action, name, value[:30]), session.post(
                    url + action, data={name: value, 'csrf_token': token}, allow_redirects=False,
                    timeout=60))
            raw = ('csrf_token=%s&%s=%%FF%%FE%%00' % (token, name)).encode()
            tally.check_page('%s %s=invalid UTF-8' % (action, name), session.post(
                url + action, data=raw, allow_redirects=False, timeout=60,
                headers={'Content-Type': 'application/x-www-form-urlencoded'}))
    return tally
