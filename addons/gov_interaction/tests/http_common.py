# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""HTTP requests in tests without a server: Odoo's WSGI application (with
proxy_mode, as behind nginx) called in process by werkzeug's test client,
inside the test's transaction, so the requests see what the test created
and everything is rolled back at the end (as Odoo 12's HttpCase does);
and what an XLSX file's worksheets hold."""
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from unittest.mock import patch

from werkzeug.test import Client
from werkzeug.wrappers import BaseResponse

import odoo
from odoo import api
from odoo.service import security, wsgi_server
from odoo.sql_db import TestCursor
from odoo.tests.common import TransactionCase, get_db_name

SHEET = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
# Citizen texts a spreadsheet would take for a formula or a link.
FORMULA_LIKE = ('=HYPERLINK("http://evil.example","x")', '+1+1', '@SUM(A1)', '-2+3',
                'http://evil.example/login')


def xlsx_cells(data):
    """The cells of every worksheet of the XLSX file ``data``, as
    ``(formulas, hyperlinks, texts)``: the number of formula (<f>) and
    hyperlink elements, and the set of the cells' strings (shared or inline)."""
    with zipfile.ZipFile(io.BytesIO(data)) as xlsx:
        names = xlsx.namelist()
        shared = []
        if 'xl/sharedStrings.xml' in names:
            shared = [''.join(item.itertext()) for item in
                      ET.fromstring(xlsx.read('xl/sharedStrings.xml')).iter(SHEET + 'si')]
        formulas, hyperlinks, texts = 0, 0, set()
        for name in names:
            if not re.match(r'xl/worksheets/sheet\d+\.xml$', name):
                continue
            sheet = ET.fromstring(xlsx.read(name))
            formulas += len(list(sheet.iter(SHEET + 'f')))
            hyperlinks += len(list(sheet.iter(SHEET + 'hyperlink')))
            for cell in sheet.iter(SHEET + 'c'):
                if cell.get('t') == 's':
                    texts.add(shared[int(cell.find(SHEET + 'v').text)])
                elif cell.get('t') == 'inlineStr':
                    texts.add(''.join(cell.find(SHEET + 'is').itertext()))
    return formulas, hyperlinks, texts


class HttpTransactionCase(TransactionCase):

    def setUp(self):
        registry = odoo.registry(get_db_name())
        registry.enter_test_mode()  # the requests' cursor is the test's
        self.addCleanup(registry.leave_test_mode)
        super().setUp()
        # url_open's commit() must only ever be the test cursor's simulated one.
        assert isinstance(self.cr, TestCursor), 'the test does not run on the test cursor'
        dbfilter = patch.dict(odoo.tools.config.options, {'dbfilter': '^%s$' % self.cr.dbname})
        dbfilter.start()
        self.addCleanup(dbfilter.stop)
        store = odoo.http.root.session_store
        self.session = store.new()
        self.session.db = self.cr.dbname
        store.save(self.session)
        self.addCleanup(store.delete, self.session)
        self.client = Client(wsgi_server.application, BaseResponse, use_cookies=False)

    def authenticate(self, login, password):
        """Sign the test's session in as ``login``."""
        uid = self.registry['res.users'].authenticate(self.cr.dbname, login, password, None)
        self.assertTrue(uid, 'cannot sign in as %s' % login)
        env = api.Environment(self.cr, uid, {})
        session = self.session
        session.uid, session.login = uid, login
        session.session_token = security.compute_session_token(session, env)
        session.context = dict(env['res.users'].context_get(), uid=uid)
        session._fix_lang(session.context)
        odoo.http.root.session_store.save(session)

    def _open(self, method, path, host='127.0.0.1', headers=None, cookies=None, **kwargs):
        """A request of the test's session (and ``cookies``, a dict),
        seeing what the test wrote."""
        # Odoo 11's test cursor keeps a single savepoint, to which a request
        # closing or rolling back its cursor returns: move it past what the
        # test wrote.  Not a real commit: the transaction is rolled back at
        # the end of the test.
        self.cr.commit()  # pylint: disable=invalid-commit
        cookies = dict(cookies or {}, session_id=self.session.sid)
        headers = dict(headers or {}, Cookie='; '.join('%s=%s' % item for item in cookies.items()))
        return self.client.open(path, method=method, base_url='http://%s/' % host,
                                headers=headers, **kwargs)

    def url_open(self, path, host='127.0.0.1', headers=None):
        """GET ``path`` as a client naming ``host`` in its Host header."""
        return self._open('GET', path, host, headers)

    def json_rpc(self, path, params):
        """POST a JSON-RPC call; the decoded answer ({"result"} or {"error"})."""
        response = self._open('POST', path, headers={'Content-Type': 'application/json'},
                              data=json.dumps({'jsonrpc': '2.0', 'method': 'call', 'id': 1,
                                               'params': params}))
        return json.loads(response.get_data())

    def call_kw(self, model, method, args, kwargs=None):
        return self.json_rpc('/web/dataset/call_kw', {
            'model': model, 'method': method, 'args': args, 'kwargs': kwargs or {}})
