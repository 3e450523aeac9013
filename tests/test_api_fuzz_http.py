"""Hostile input (issue 12, proof 3): the JSON API fuzzed against its own
OpenAPI document, anonymously and as a citizen, and hostile requests to the
API and the citizens' HTML forms.

schemathesis (``--checks all``) lives in its own virtualenv (var/fuzz-venv,
requirements/fuzz.txt: its pins clash with Odoo 11's) and runs as a
subprocess; tests/schemathesis.toml holds its settings.  ``make test`` runs
a bounded pass (GOV_FUZZ_EXAMPLES, default 2 examples per operation);
``make fuzz`` (scripts/fuzz.sh) a long one that prints the counts.
"""
import json
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

import requests
from gov_http import new_user, odoo_env, signed_in
from hostile_input import CJK, Tally, api_pass, form_pass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMATHESIS = os.path.join(ROOT, 'var', 'fuzz-venv', 'bin', 'schemathesis')
CONFIG = os.path.join(ROOT, 'tests', 'schemathesis.toml')
REPORTS = os.path.join(ROOT, 'var', 'fuzz')
EXAMPLES = int(os.environ.get('GOV_FUZZ_EXAMPLES', '2'))
FULL = os.environ.get('GOV_FUZZ_FULL') == '1'  # make fuzz: also the anonymous hostile pass
# Where the hostile citizen's refused requests must leave no row: (table,
# column naming the citizen's partner or user; None: rows without a writer,
# which anonymous requests could make).
GUARDED = (('gov_letter', 'partner_id'), ('gov_letter', None), ('gov_solicitation_opinion', 'partner_id'),
           ('gov_interview_question', 'partner_id'), ('survey_user_input', 'partner_id'),
           ('gov_api_token', 'user_id'))


def config_file():
    """tests/schemathesis.toml; for the bounded run with fewer unexpected
    methods per operation (the coverage phase sends each one)."""
    if FULL:
        return CONFIG
    path = os.path.join(REPORTS, 'schemathesis-bounded.toml')
    with open(CONFIG, encoding='utf-8') as source, open(path, 'w', encoding='utf-8') as target:
        target.write(source.read() + '\n[phases.coverage]\nunexpected-methods = ["TRACE", "PUT"]\n')
    return path


def schemathesis(server, name, session_id=None):
    """Run schemathesis against the served document; (exit code, output,
    HAR entries).  The citizen's run leaves out sign-in and sign-out, which
    would end its session (they run anonymously)."""
    os.makedirs(REPORTS, exist_ok=True)
    har = os.path.join(REPORTS, name + '.har')
    command = [SCHEMATHESIS, '--config-file', config_file(), 'run', server.url + '/api/v1/openapi.json',
               '--checks', 'all', '--max-examples', str(EXAMPLES), '--workers', '1', '--no-color',
               '--seed', os.environ.get('GOV_FUZZ_SEED', '12'), '--report', 'har', '--report-har-path', har]
    if session_id:
        command += ['--exclude-operation-id', 'login', '--exclude-operation-id', 'logout']
    elif not FULL:
        command += ['--include-tag', 'auth']  # bounded: the rest is public, run as the citizen too
    env = dict(os.environ, GOV_FUZZ_SESSION=session_id or '')
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=3600,
                            cwd=REPORTS)  # its .hypothesis and .schemathesis caches go there
    with open(os.path.join(REPORTS, name + '.txt'), 'w', encoding='utf-8') as f:
        f.write(result.stdout + result.stderr)
    with open(har, encoding='utf-8') as f:
        entries = json.load(f)['log']['entries']
    return result.returncode, result.stdout + result.stderr, entries


def failures_of(output):
    """The failures schemathesis counted (its summary line)."""
    match = re.search(r'=+ (\d+) failures?', output)
    errors = re.search(r'(\d+) errors?', output.splitlines()[-1] if output.strip() else '')
    return (int(match.group(1)) if match else 0) + (int(errors.group(1)) if errors else 0)


def har_tally(entries):
    """The schemathesis traffic judged like hostile requests: no 5xx, every
    API error in the documented shape, and in Chinese where nothing asked
    for English."""
    tally = Tally()
    for entry in entries:
        request, answer = entry['request'], entry['response']
        tally.requests += 1
        status = answer['status']
        label = '%s %s -> %s' % (request['method'], request['url'][:120], status)
        if status >= 500:
            tally.server_errors.append(label)
        if status < 400 or '/api/v1/' not in request['url']:
            continue
        text = answer['content'].get('text', '')
        try:
            error = json.loads(text)['error']
            assert isinstance(error['code'], str) and isinstance(error['message'], str)
        except (ValueError, KeyError, TypeError, AssertionError):
            tally.bad_shape.append(label + ' ' + text[:100])
            continue
        headers = {h['name'].lower(): h['value'] for h in request['headers']}
        if 'lang=' not in request['url'] and 'accept-language' not in headers \
                and not CJK.search(error['message']):
            tally.not_chinese.append(label + ' ' + error['message'])
    return tally


def row_counts(login):
    """The rows of the guarded tables that belong to ``login`` (or to no one)."""
    with odoo_env() as env:
        user = env['res.users'].search([('login', '=', login)])
        owners = {'partner_id': user.partner_id.id, 'user_id': user.id}
        counts = {}
        for table, column in GUARDED:
            where = '%s = %%s' % column if column else 'partner_id IS NULL'
            env.cr.execute('SELECT count(*) FROM %s WHERE %s' % (table, where),  # noqa: S608 (constants)
                           (owners.get(column),))
            counts[table, column] = env.cr.fetchone()[0]
        return counts


def closed_targets():
    """Pages and form actions where every post is refused: a closed
    solicitation, an ended interview, an ended survey."""
    with odoo_env() as env:
        solicitation = env['gov.solicitation'].search([('state', 'in', ('closed', 'published'))], limit=1)
        interview = env['gov.interview'].search([('state', 'in', ('ended', 'published'))], limit=1)
        survey = env['survey.survey'].search([('gov_state', 'in', ('ended', 'published'))], limit=1)
        start = survey._gov_public_summary()['url']
        return [
            ('/interaction/letters/new', '/interaction/letters/new',
             ['title', 'content', 'category', 'letter_type', 'writer_phone', 'writer_address']),
            ('/interaction/letters/query', '/interaction/letters/query', ['number', 'code']),
            ('/interaction/letters/query', '/interaction/letters/rate',
             ['number', 'code', 'rating', 'comment']),
            ('/interaction/solicitations/%d' % solicitation.id,
             '/interaction/solicitations/%d/opinion' % solicitation.id, ['content']),
            ('/interaction/interviews/%d' % interview.id, '/interaction/interviews/%d/ask' % interview.id,
             ['content']),
            (start, start.replace('/survey/start/', '/survey/submit/'), ['token', 'page_id']),
        ]


def report(name, tally, failures=0):
    """One line of counts, for the log of ``make fuzz``."""
    counts = dict(tally.summary(), contract_failures=failures)
    return '%-24s %s' % (name, ', '.join('%s %s' % item for item in counts.items()))


def hostile_passes(server, login, citizen):
    """The hostile requests (as ``citizen``, signed in as ``login``; for
    make fuzz anonymously too) and whether the guarded rows stayed as they were."""
    document = requests.get(server.url + '/api/v1/openapi.json', timeout=60).json()
    before = row_counts(login)
    passes = {'hostile API citizen': api_pass(server.url, document, citizen),
              'hostile forms citizen': form_pass(server.url, closed_targets(), citizen)}
    if FULL:
        passes['hostile API anonymous'] = api_pass(server.url, document)
    return passes, row_counts(login) == before


def test_api_hostile_input_contract_and_forms(odoo_server):
    """0 5xx, 0 schemathesis failures (--checks all), every API error in the
    {"error": ...} shape with a Chinese message, nothing reflected, and the
    database unchanged by the refused hostile requests.  schemathesis (as
    one citizen) and the hostile requests (as another) run side by side."""
    offset = odoo_server.log_size()
    # Signed in first: the runs' failed sign-ins soon throttle the address.
    fuzzer, (login, password) = signed_in(odoo_server, *new_user()), new_user()
    hostile = signed_in(odoo_server, login, password)
    with ThreadPoolExecutor(3) as pool:
        anonymous = pool.submit(schemathesis, odoo_server, 'anonymous')
        signed = pool.submit(schemathesis, odoo_server, 'citizen', fuzzer.cookies['session_id'])
        passes, unchanged = pool.submit(hostile_passes, odoo_server, login, hostile).result()
        runs = {'schemathesis anonymous': anonymous.result(), 'schemathesis citizen': signed.result()}
    lines, problems = [], []
    for name, (code, output, entries) in runs.items():
        tally, failures = har_tally(entries), failures_of(output)
        lines.append(report(name, tally, failures))
        problems += tally.problems() + ([output[-4000:]] if code or failures else [])
    for name, tally in passes.items():
        lines.append(report(name, tally))
        problems += tally.problems()
    print('\n' + '\n'.join(lines))
    assert not problems, problems[:10]
    assert unchanged, "refused hostile requests changed the database"
    assert not odoo_server.errors_since(offset)


def test_api_hostile_input_answers(odoo_server):
    """The answer to each kind of hostile input, as documented: 400 for
    what is not UTF-8 JSON of a sane depth and for an unknown lang, 422 for
    text PostgreSQL cannot store, 405 with Allow (TRACE too), and the
    front's own 400 and 414 as the API's JSON error."""
    url = odoo_server.url + '/api/v1'
    query = url + '/letters/query'

    def error(response, status, code):
        assert response.status_code == status, response.text
        body = response.json()['error']
        assert body['code'] == code and CJK.search(body['message']), body
        return body

    deep = error(requests.post(query, data=b'[' * 1000 + b']' * 1000, timeout=30,
                               headers={'Content-Type': 'application/json'}), 400, 'invalid_json')
    assert deep['message'] == '请求内容的嵌套层级过深。'
    error(requests.post(query, data=b'{"number": "\xff"}', timeout=30,
                        headers={'Content-Type': 'application/json'}), 400, 'invalid_json')
    nul = error(requests.post(query, json={'number': 'XJ\x00', 'code': 'x'}, timeout=30),
                422, 'validation_error')
    assert list(nul['details']['fields']) == ['number'], nul
    surrogate = error(requests.post(query, data=b'{"number": "\\ud800", "code": "x"}', timeout=30,
                                    headers={'Content-Type': 'application/json'}), 422, 'validation_error')
    assert list(surrogate['details']['fields']) == ['number'], surrogate
    error(requests.get(url + '/solicitations', params={'q': 'a\x00'}, timeout=30), 422, 'validation_error')
    lang = error(requests.get(url + '/channel?lang=fr_FR', timeout=30), 400, 'bad_request')
    assert 'zh_CN' in lang['details']['fields']['lang']
    for method in ('GET', 'TRACE'):
        refused = requests.request(method, url + '/letters', timeout=30)
        error(refused, 405, 'method_not_allowed')
        assert refused.headers['Allow'] == 'POST', refused.headers
    error(requests.get(url + '/columns/a%00b', timeout=30), 400, 'bad_request')
    error(requests.get(url + '/channel?q=' + 'x' * 100000, timeout=30), 414, 'bad_request')
