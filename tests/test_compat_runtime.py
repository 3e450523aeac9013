"""One test per compatibility section (compat/odoo_compat): the symptom the
section prevents does not happen on Python 3.11."""
import base64
import collections
import inspect
import os
import resource
import sys
import tempfile
import threading
import unittest
from xml.etree import ElementTree

import yaml

import odoo
from odoo.tests.common import TransactionCase


class TestPythonAliases(unittest.TestCase):
    def test_1_collections_abc_aliases(self):
        from collections import Iterable, Mapping, MutableSet  # noqa: F401
        self.assertIs(collections.Mapping, collections.abc.Mapping)

    def test_2_getargspec_keeps_3_6_semantics(self):
        spec = inspect.getargspec(lambda a, b=1, *c, **d: 0)
        self.assertEqual(tuple(spec), (['a', 'b'], 'c', 'd', (1,)))
        self.assertEqual(inspect.formatargspec(*spec), '(a, b=1, *c, **d)')
        with self.assertRaises(ValueError):
            inspect.getargspec(lambda a, *, b: 0)

    def test_2_ormcache_builds_its_key_function(self):
        cache = odoo.tools.ormcache('x')
        cache(lambda self, x, y=2: x)
        self.assertEqual(cache.key(None, 5), (5,))

    def test_3_thread_isalive(self):
        thread = threading.Thread(target=lambda: None)
        self.assertFalse(thread.isAlive())

    def test_4_base64_string_aliases(self):
        self.assertEqual(base64.decodestring(base64.encodestring(b'x' * 100)), b'x' * 100)

    def test_5_prefork_cpu_limit_accepts_floats(self):
        server_resource = odoo.service.server.resource
        soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        server_resource.setrlimit(resource.RLIMIT_CPU, (float(soft), hard))  # a no-op change
        self.assertEqual(resource.getrlimit(resource.RLIMIT_CPU), (soft, hard))
        with self.assertRaises(TypeError):  # the process-wide module is untouched
            resource.setrlimit(resource.RLIMIT_CPU, (float(soft), hard))

    def test_6_yaml_data_files_load(self):
        from odoo.tools import yaml_tag
        yaml_import = sys.modules['odoo.tools.yaml_import']  # the package exports a function of that name
        yaml_tag.add_constructors()
        nodes = yaml_import.yaml.load('- !python {model: res.partner}: |\n    pass\n')
        self.assertEqual(len(nodes), 1)
        with self.assertRaises(TypeError):  # the global yaml.load still needs a Loader
            yaml.load('a: 1')


class TestQWebAndWebClient(TransactionCase):
    def test_7_8_qweb_templates_compile_and_render(self):
        view = self.env['ir.ui.view'].create({
            'name': 'compat qweb', 'type': 'qweb',
            'arch': '<t t-name="compat"><t t-foreach="items" t-as="i"><b t-esc="i"/></t>'
                    '<t t-if="missing is None and not flag">none</t>'
                    '<t t-set="v" t-value="{\'k\': 1}"/><i t-att-title="v[\'k\']">x</i></t>',
        })
        html = self.env['ir.qweb'].render(view.id, {'items': [1, 2], 'missing': None, 'flag': False})
        self.assertEqual(html.decode(), '<b>1</b><b>2</b>none<i title="1">x</i>')

    def test_10_webclient_templates_concatenate(self):
        from odoo.addons.web.controllers.main import concat_xml
        paths = []
        for body in ('<templates><t t-name="a"/></templates>',
                     '<templates><t t-name="b"/><t t-name="c"/></templates>'):
            with tempfile.NamedTemporaryFile('w', suffix='.xml', delete=False) as f:
                f.write(body)
            paths.append(f.name)
        try:
            content, checksum = concat_xml(paths)
        finally:
            for path in paths:
                os.unlink(path)
        root = ElementTree.fromstring(content)
        self.assertEqual([t.get('t-name') for t in root], ['a', 'b', 'c'])
        self.assertEqual(len(checksum), 40)

    def test_11_addons_with_missing_dependencies_are_hidden(self):
        from odoo.modules import module
        available = module.get_modules()
        self.assertIn('website', available)
        for glue in ('sale_crm', 'website_crm_partner_assign', 'survey_crm'):
            self.assertNotIn(glue, available)
            self.assertFalse(self.env['ir.module.module'].search([('name', '=', glue)]))
            self.assertIsNone(odoo.http.module_manifest(os.path.join(
                os.path.dirname(odoo.addons.base.__path__[0]), glue)))
        self.assertFalse(self.env['ir.module.module'].search([('state', 'in', ('to install', 'to upgrade'))]))

    def test_12_mock_patches_an_unbound_werkzeug_proxy(self):
        from unittest import mock as stdlib_mock

        import mock
        for module in (stdlib_mock, mock):
            with module.patch('odoo.http.request') as fake:
                self.assertIsInstance(fake, module.MagicMock)
                self.assertIs(odoo.http.request, fake)
        # Still unbound outside a request.
        self.assertRaises(RuntimeError, getattr, odoo.http.request, 'session')

    def test_13_job_functions_compare_as_in_python_3_6(self):
        from odoo.addons.queue_job.job import Job
        partners = self.env['res.partner']
        job = Job(partners.browse(self.env.user.partner_id.id).exists)
        self.assertEqual(job.func, job.func)
        self.assertEqual(job.func, job.recordset.sudo(job.user_id).exists)
        self.assertNotEqual(job.func, partners.browse().exists)
        self.assertNotEqual(job.func, job.recordset.sudo(job.user_id).unlink)
        self.assertEqual(job.func.__name__, 'exists')
        self.assertEqual(job.func(), job.recordset)
