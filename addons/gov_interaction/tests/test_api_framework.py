# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The JSON API framework's pieces (4.1.4), without a request where they
need none and with a stand-in where they read one: JSON depth, text that
PostgreSQL cannot store, record ids, numbers in the query, languages, the
error answer and the post_load hook.  Over HTTP: test_api_http.py and
tests/test_api_fuzz_http.py."""
import json
from contextlib import contextmanager
from types import SimpleNamespace
from unittest.mock import patch

from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from odoo import http
from odoo.tests.common import TransactionCase

from .. import api
from ..api import errors


def nested(levels, leaf='x'):
    """``leaf`` inside ``levels`` lists."""
    for _level in range(levels):
        leaf = [leaf]
    return leaf


@contextmanager
def fake_request(lang='en_US', args=None):
    """odoo.http.request, as far as the pieces read it, without a database
    (translations too: the source texts answer)."""
    fake = SimpleNamespace(
        _cr=None, _failed=None, uid=None, endpoint=None, context={'lang': lang},
        env=SimpleNamespace(lang=None, cr=None, uid=None),
        httprequest=SimpleNamespace(method='GET', path='/api/v1/x', args=args or {}))
    http._request_stack.push(fake)
    try:
        yield fake
    finally:
        http._request_stack.pop()


class TestApiFramework(TransactionCase):

    def assert_api_error(self, code, function, *args):
        with self.assertRaises(api.ApiError) as caught:
            function(*args)
        self.assertEqual(caught.exception.code, code)
        return caught.exception

    def test_4_1_4_json_depth_limit(self):
        """A value under a field counts from 1; the leaf at MAX_JSON_DEPTH
        passes, one level more is invalid_json, in lists, objects and keys."""
        depth = api.MAX_JSON_DEPTH
        api.check_strings({'a': nested(depth - 1)})
        self.assert_api_error('invalid_json', api.check_strings, {'a': nested(depth)})
        deep_object = 'x'
        for _level in range(depth):
            deep_object = {'k': deep_object}
        self.assert_api_error('invalid_json', api.check_strings, {'a': deep_object})
        error = self.assert_api_error('invalid_json', api.parse_json, b'[' * 100000 + b']' * 100000)
        self.assertEqual(error.message, "The request body is nested too deeply.")

    def test_4_1_4_body_that_is_not_json_is_invalid_json(self):
        for data in (b'{"a": NaN}', b'{"a": Infinity}', b'{"a": ', b'\xff', b'{"a": "\xc3\x28"}'):
            self.assert_api_error('invalid_json', api.parse_json, data)
        self.assertEqual(api.parse_json('{"名": "值"}'.encode()), {'名': '值'})

    def test_4_1_4_nul_and_surrogates_are_refused_anywhere(self):
        """In a value, a nested value or a key: a validation_error that names
        the top-level field, and the other fields' errors with it."""
        for value in ('a\x00b', ['ok', {'b': 'x\x00'}], {'k\x00': 1}, '\ud800', [{'b': ['\udfff']}]):
            error = self.assert_api_error('validation_error', api.check_strings, {'a': value, 'ok': 'fine'})
            self.assertEqual(list(error.details['fields']), ['a'], value)
        error = self.assert_api_error('validation_error', api.check_strings, {'\x00': 1, 'b': 'y\x00'})
        self.assertEqual(set(error.details['fields']), {'\x00', 'b'})
        api.check_strings({'a': ['文字', {'b': '\U0001f600'}], 'n': None, 'm': 1.5})
        self.assertEqual(api.string_error('name', 'fine'), {})

    def test_4_1_4_record_id_bounds(self):
        """Ids PostgreSQL's integer can hold; any other is not_found, not an
        SQL error."""
        for value in (1, api.MAX_RECORD_ID):
            self.assertEqual(api.record_id(value), value)
        for value in (0, -1, api.MAX_RECORD_ID + 1, 2 ** 63, 10 ** 20):
            self.assert_api_error('not_found', api.record_id, value)

    def test_4_1_4_query_int_bounds(self):
        def query_int(text=None):
            with fake_request(args={} if text is None else {'limit': text}):
                return api.query_int('limit', 10, 1, 50)

        self.assertEqual(query_int(), 10)
        self.assertEqual([query_int(text) for text in ('1', '50', '07')], [1, 50, 7])
        for text in ('0', '51', '-1', '1.5', 'ten', '', '9' * 30):
            error = self.assert_api_error('validation_error', query_int, text)
            self.assertEqual(error.details, {'fields': {
                'limit': "Must be a whole number from 1 to 50."}}, text)

    def test_4_1_4_lang_matching(self):
        """Case and separator do not matter; an exact code beats a language
        prefix; an unknown language matches nothing (zh_CN is the default)."""
        installed = ['zh_CN', 'en_US']
        cases = {'zh-CN': 'zh_CN', 'zh_cn': 'zh_CN', ' ZH ': 'zh_CN', 'zh-TW': 'zh_CN', 'zh-Hans': 'zh_CN',
                 'en': 'en_US', 'en-GB': 'en_US', 'EN_us': 'en_US', 'fr': None, 'fr-FR': None, '*': None}
        for value, code in cases.items():
            self.assertEqual(api.match_lang(value, installed), code, value)
        self.assertEqual(api.match_lang('zh-TW', ['zh_CN', 'zh_TW']), 'zh_TW')
        self.assertEqual(api.DEFAULT_LANG, 'zh_CN')

    def test_4_1_4_every_error_code_has_a_status_and_message(self):
        for code, status in api.ERROR_STATUS.items():
            self.assertEqual(api.ApiError(code).status, status)
            with fake_request():
                self.assertTrue(errors._default_message(code), code)
        with self.assertRaises(AssertionError):
            api.ApiError('teapot')

    def error_answer(self, exception, lang='en_US'):
        """error_response(exception) as (status, headers, body)."""
        with fake_request(lang) as fake, patch.object(errors, 'set_request_lang'):  # needs the database
            response = api.error_response(exception)
        self.assertIs(fake._failed, exception, "the transaction is marked failed")
        return response.status_code, response.headers, json.loads(response.get_data())

    def test_4_1_4_error_answer_shape(self):
        status, headers, body = self.error_answer(api.ApiError('unauthorized'))
        self.assertEqual((status, list(body), list(body['error'])), (401, ['error'], ['code', 'message']))
        self.assertEqual(body['error'], {'code': 'unauthorized', 'message': "Please sign in first."})
        self.assertEqual(headers['WWW-Authenticate'], 'Bearer')
        self.assertEqual(headers['Content-Language'], 'en-US')
        self.assertEqual(headers['Content-Type'], 'application/json; charset=utf-8')
        self.assertNotIn('Cache-Control', headers, "anonymous answers may be cached")
        limited = api.ApiError('rate_limited', "Wait.", {'retry_after': 5}, {'Retry-After': '5'})
        status, headers, body = self.error_answer(limited)
        self.assertEqual((status, headers['Retry-After']), (429, '5'))
        self.assertEqual(body['error'], {'code': 'rate_limited', 'message': "Wait.",
                                         'details': {'retry_after': 5}})

    def test_4_1_4_internal_error_is_logged_not_shown(self):
        with self.assertLogs(errors.__name__, 'ERROR') as logged:
            status, _headers, body = self.error_answer(KeyError('secret column'))
        self.assertEqual((status, set(body['error'])), (500, {'code', 'message'}))
        self.assertEqual(body['error']['code'], 'internal_error')
        self.assertNotIn('secret', json.dumps(body))
        self.assertIn('API internal error on GET /api/v1/x', logged.output[0])

    def test_4_1_4_unavailable_message_without_the_database(self):
        """The 503 text is in the code (the translations are in the
        database): in the request's language, else in zh_CN."""
        for lang, expected in (('en_US', 'en_US'), ('zh_CN', 'zh_CN'), ('fr_FR', 'zh_CN')):
            _status, _headers, body = self.error_answer(api.ApiError('unavailable'), lang)
            self.assertEqual(body['error']['message'], api.UNAVAILABLE_MESSAGES[expected])

    def test_4_1_4_post_load_reads_api_bodies_as_plain_json(self):
        """The manifest's post_load hook is in place (once), and a JSON body
        is JSON-RPC only outside /api/."""
        patched = http.Root.get_request
        self.assertTrue(getattr(patched, '_gov_api_json', False), "post_load did not run")
        api.read_api_bodies_as_json()
        self.assertIs(http.Root.get_request, patched, "the hook is idempotent")
        for path, kind in (('/api/v1/letters', http.HttpRequest), ('/api', http.HttpRequest),
                           ('/web/dataset/call_kw', http.JsonRequest)):
            httprequest = EnvironBuilder(path=path, method='POST', data='{"params": {}}',
                                         content_type='application/json').get_request(Request)
            httprequest.session = SimpleNamespace(db=None, uid=None, context={})
            self.assertIsInstance(http.root.get_request(httprequest), kind, path)
