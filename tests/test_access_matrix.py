"""The access matrix (README "Security"): every model of our addons and
the Odoo models a citizen reaches, for every role, create/read/write/unlink
on a record of the role's own department, of a sub-department and of
another department, as declared in access_matrix.csv, checked against real
records as the roles' demo users, through the ORM and through JSON-RPC
(/web/dataset/call_kw in the test's transaction, nothing committed).

A cell of the table lists the scopes where the operation succeeds
(``own+sub``, ``none``), or ``yes``/``no`` for a model without scopes, or
``n/a`` (access_matrix.SPECS says why).  Through JSON-RPC a visitor is
refused everything (call_kw needs a session); everyone else gets what the
ORM gives.  After a deliberate change of rights, regenerate the table with
GOV_ACCESS_MATRIX_WRITE=1 and review its diff.
"""
import contextlib
import copy
import csv
import functools
import itertools
import json
import os
import time
from unittest.mock import patch

import access_matrix as am
import psycopg2
import pytest
from werkzeug.test import Client
from werkzeug.wrappers import BaseResponse

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service import security, wsgi_server

TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'access_matrix.csv')
HEADER = ['model', 'role'] + list(am.OPERATIONS)
REFUSALS = {'odoo.exceptions.AccessError', 'odoo.exceptions.UserError', 'odoo.exceptions.Warning',
            'odoo.http.SessionExpiredException'}
# A constraint that may not read what it checks: "(Document type: …, Operation: read)".
ACCESS_IN_CONSTRAINT = ('单据类型', 'Document type')
STILL_REFERENCED = '[object with reference:'
# Fixtures are made without chatter: fast, and what is checked is unchanged.
QUIET = {'tracking_disable': True, 'mail_create_nolog': True, 'mail_notrack': True}
WRITE = os.environ.get('GOV_ACCESS_MATRIX_WRITE') == '1'
OBSERVED, COUNTS = {}, {'orm': 0, 'rpc': 0}


@functools.lru_cache()
def read_table():
    with open(TABLE, newline='', encoding='utf-8') as f:
        return {(row['model'], row['role']): row for row in csv.DictReader(f)}


def scopes_of(model, op):
    spec = am.SPECS[model]
    if op == 'create' and not spec.get('scoped_create', True):
        return ('all',)
    if spec.get('scopes'):
        return spec['scopes']
    return am.SCOPES if spec.get('dept') or spec.get('owner') else ('all',)


def cell_text(outcomes):
    """The table's text for ``{scope: 'yes'/'no'}``."""
    if list(outcomes) == ['all']:
        return outcomes['all']
    return '+'.join(s for s in outcomes if outcomes[s] == 'yes') or 'none'


def cell_expects(text, scope):
    return 'yes' if text == 'yes' or (text not in ('no', 'none') and scope in text.split('+')) else 'no'


class Matrix:
    """The demo database in one transaction: fixtures made as the superuser,
    cells run as the roles' users, each in a savepoint rolled back."""

    def __init__(self, env):
        self.env, self.cr = env, env.cr
        self.counter = itertools.count(1)
        self.cache = {}
        self.users = {role: env.ref('base.public_user') if login is None else
                      env['res.users'].search([('login', '=', login)]) for role, login in am.ROLES.items()}
        self.other_owner = env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Matrix citizen', 'login': am.OTHER_OWNER,
            'groups_id': [(6, 0, [env.ref('base.group_portal').id])]})
        self.client = Client(wsgi_server.application, BaseResponse, use_cookies=False)
        self.sessions = {role: self._session(user if role != 'anonymous' else None)
                         for role, user in self.users.items()}

    # -- fixtures --------------------------------------------------------
    def department(self, scope, role):
        xmlid = am.OWN_DEPARTMENT.get(role, 'dept_office') if scope == 'own' else \
            am.DEPARTMENTS.get(scope, 'dept_edu')
        return self.env.ref('gov_interaction.' + xmlid)

    def owner(self, scope, role):
        return self.users[role] if scope == 'own' else self.other_owner

    def disposable_user(self, scope, role):
        """The role's user (own), or a new citizen nothing refers to."""
        if scope == 'own':
            return self.users[role]
        with self.cr.savepoint():
            return self.env['res.users'].with_context(no_reset_password=True, **QUIET).create({
                'name': 'Matrix citizen', 'login': 'matrix-%d@example.invalid' % next(self.counter),
                'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})

    def partner(self, n):
        key = ('partner', n)
        if key not in self.cache:
            self.cache[key] = self.env['res.partner'].create({'name': 'Matrix follower %d' % n}).id
        return self.cache[key]

    def one(self, model):
        return self.record(model, 'all', 'admin').id

    def statistics(self, scope, role):
        letter = self.record('gov.letter', scope, role)
        return self.env['gov.letter.statistics'].browse(letter.id)

    def values(self, model, scope, role):
        """Values of a new ``model`` record in ``scope`` for ``role``."""
        spec = am.SPECS[model]
        vals = spec['vals'](self, next(self.counter))
        dept, owner = spec.get('dept'), spec.get('owner')
        if dept == 'department_id':
            vals['department_id'] = self.department(scope, role).id
        elif dept and spec.get('fresh_parent'):
            vals[dept[0]] = self.disposable(dept[1], scope, role).id
        elif dept:
            vals[dept[0]] = self.record(dept[1], scope, role).id
        if owner and owner[0] != 'id':
            user = self.owner(scope, role)
            vals[owner[0]] = user.partner_id.id if owner[1] == 'partner' else user.id
        return vals

    def record(self, model, scope, role):
        spec = am.SPECS[model]
        if spec.get('make'):
            return spec['make'](self, scope, role)
        key = (model, self.department(scope, role).id,
               self.owner(scope, role).id if spec.get('owner') else None)
        if key not in self.cache:
            with self.cr.savepoint():
                vals = dict(self.values(model, scope, role), **am.SPECS[model].get('fixture', {}))
                self.cache[key] = self.env[model].with_context(**QUIET).create(vals).id
        return self.env[model].browse(self.cache[key])

    def disposable(self, model, scope, role):
        """A record of ``scope`` nothing refers to, for an unlink."""
        spec = am.SPECS[model]
        if spec.get('unlink_make') or spec.get('make'):
            return (spec.get('unlink_make') or spec['make'])(self, scope, role)
        with self.cr.savepoint():
            vals = dict(self.values(model, scope, role), **spec.get('fixture', {}))
            return self.env[model].with_context(**QUIET).create(vals)

    # -- cells -----------------------------------------------------------
    @contextlib.contextmanager
    def savepoint(self):
        self.cr.execute('SAVEPOINT matrix_cell')
        # A request's commit moves the test cursor's savepoint: keep it after ours.
        self.cr.execute('SAVEPOINT test_cursor')
        try:
            yield
        finally:
            self.cr.execute('ROLLBACK TO SAVEPOINT matrix_cell')
            self.cr.execute('RELEASE SAVEPOINT matrix_cell')
            self.env.clear()
            # A base.automation written and rolled back: no registry to rebuild.
            self.env.registry.registry_invalidated = False  # noqa

    def arguments(self, model, op, scope, role):
        """(record id or None, values) of the cell."""
        spec = am.SPECS[model]
        if op == 'create':
            return None, self.values(model, scope, role)
        if op == 'unlink':
            return self.disposable(model, scope, role).id, None
        record = self.record(model, scope, role)
        if op == 'read':
            return record.id, [spec.get('read', next(iter(self._write_vals(spec))))]
        if op == 'write':
            return record.id, self._write_vals(spec)
        return record.id, None

    def _write_vals(self, spec):
        write = spec['write']
        return write(self) if callable(write) else dict(write)

    def orm(self, model, op, role, res_id, args):
        records = self.env[model].sudo(self.users[role])
        args = copy.deepcopy(args)  # Odoo's create adds to the values it is given
        calls = {'create': lambda: records.create(args), 'read': lambda: records.browse(res_id).read(args),
                 'write': lambda: records.browse(res_id).write(args),
                 'unlink': lambda: records.browse(res_id).unlink()}
        # As in a request: the workflow guard trusts no caller then.
        with self.savepoint(), patch('odoo.addons.gov_interaction.models.gov_workflow_mixin.request', True):
            try:
                calls[op]()
                return 'yes'
            except (AccessError, UserError):
                return 'no'
            except psycopg2.IntegrityError:  # still referenced: the database keeps it
                return 'no'
            except ValidationError as error:
                if isinstance(error.__context__, AccessError):  # a constraint may not read
                    return 'no'
                return 'error ValidationError: %s' % (error,)
            except Exception as error:  # pylint: disable=broad-except
                return 'error %s: %s' % (type(error).__name__, error)

    def rpc(self, model, op, role, res_id, args):
        positional = {'create': [args], 'read': [[res_id], args], 'write': [[res_id], args],
                      'unlink': [[res_id]]}[op]
        with self.savepoint():
            answer = self._call_kw(role, model, op, positional)
        if 'result' in answer:
            return 'yes'
        data = answer['error'].get('data', {})
        if data.get('name') in REFUSALS:
            return 'no'
        if data.get('name') == 'odoo.exceptions.ValidationError' and (
                any(mark in data['message'] for mark in ACCESS_IN_CONSTRAINT + (STILL_REFERENCED,))):
            return 'no'
        debug = data.get('debug', '')[-1500:] if os.environ.get('GOV_ACCESS_MATRIX_DEBUG') else ''
        return 'error %s: %s %s' % (data.get('name'), data.get('message'), debug)

    # -- JSON-RPC --------------------------------------------------------
    def _session(self, user):
        store = odoo.http.root.session_store
        session = store.new()
        session.db = self.cr.dbname
        if user:
            env = api.Environment(self.cr, user.id, {})
            session.uid, session.login = user.id, user.login
            session.session_token = security.compute_session_token(session, env)
            session.context = dict(env['res.users'].context_get(), uid=user.id)
            session._fix_lang(session.context)
        store.save(session)
        return session

    def _call_kw(self, role, model, method, args):
        response = self.client.open(
            '/web/dataset/call_kw', method='POST', base_url='http://127.0.0.1/',
            headers={'Content-Type': 'application/json',
                     'Cookie': 'session_id=%s' % self.sessions[role].sid},
            data=json.dumps({'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
                'model': model, 'method': method, 'args': args, 'kwargs': {}}}))
        return json.loads(response.get_data())

    def close(self):
        for session in self.sessions.values():
            odoo.http.root.session_store.delete(session)


@pytest.fixture(scope='module')
def matrix(request):
    db = os.environ.get('GOV_TEST_DB') or odoo.tools.config['db_name']
    registry = odoo.registry(db)
    registry.enter_test_mode()  # one cursor for the test and its requests
    started = time.time()
    options = patch.dict(odoo.tools.config.options, {'dbfilter': '^%s$' % db})
    try:
        with options, api.Environment.manage():
            matrix = Matrix(api.Environment(registry.cursor(), SUPERUSER_ID, {}))
            yield matrix
            matrix.close()
    finally:
        registry.leave_test_mode()  # the transaction is rolled back
    if WRITE:
        _write_table()
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin('terminalreporter'), plugins.get_plugin('capturemanager')
    if reporter and capture:
        with capture.global_and_fixture_disabled():
            reporter.write_line('access matrix: %d cells through the ORM, %d through JSON-RPC, %.1fs' % (
                COUNTS['orm'], COUNTS['rpc'], time.time() - started))


def _write_table():
    with open(TABLE, 'w', newline='', encoding='utf-8') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(HEADER)
        for model in sorted(am.SPECS):
            for role in am.ROLES:
                row = OBSERVED.get((model, role))
                if row:
                    writer.writerow([model, role] + [row[op] for op in am.OPERATIONS])


def test_every_model_of_our_addons_is_in_the_table(matrix):
    """A model added to an addon without a row in the matrix fails here."""
    ours = set()
    for model in matrix.env['ir.model'].search([]):
        modules = set((model.modules or '').replace(' ', '').split(','))
        if modules & set(am.OUR_ADDONS) and not matrix.env[model.model]._abstract:
            ours.add(model.model)
    assert ours - set(am.SPECS) - set(am.NOT_CHECKED) == set()
    assert set(am.NOT_CHECKED) <= ours
    table = read_table()
    assert {model for model, _role in table} == set(am.SPECS)
    assert set(table) == {(model, role) for model in am.SPECS for role in am.ROLES}


@pytest.mark.parametrize('model,role', [(model, role) for model in am.SPECS for role in am.ROLES],
                         ids=['%s-%s' % (model, role) for model in am.SPECS for role in am.ROLES])
def test_access_matrix(matrix, model, role):
    declared = {} if WRITE else read_table()[(model, role)]
    na = am.SPECS[model].get('na', {})
    observed, differences = {}, []
    for op in am.OPERATIONS:
        if (role, op) in na or ('*', op) in na:
            observed[op] = 'n/a'
            if not WRITE and declared[op] != 'n/a':
                differences.append('%s: not checked (%s), table: %s' % (op, na.get((role, op)), declared[op]))
            continue
        if not WRITE and declared[op] == 'n/a':
            differences.append('%s: n/a in the table without a reason in access_matrix.SPECS' % op)
        outcomes = {}
        for scope in scopes_of(model, op):
            res_id, args = matrix.arguments(model, op, scope, role)
            outcomes[scope] = orm = matrix.orm(model, op, role, res_id, args)
            rpc = matrix.rpc(model, op, role, res_id, args)
            COUNTS['orm'] += 1
            COUNTS['rpc'] += 1
            expected = orm if WRITE else cell_expects(declared[op], scope)
            if orm != expected:
                differences.append('%s %s ORM: %s, table: %s' % (op, scope, orm, expected))
            if rpc != (expected if role != 'anonymous' else 'no'):
                differences.append('%s %s JSON-RPC: %s, table: %s' % (op, scope, rpc, expected))
        observed[op] = cell_text(outcomes)
    OBSERVED[(model, role)] = observed
    assert not differences, '\n'.join(differences)
