"""The safe_eval sandbox on Python 3.11 (compat section 9).

The opcode whitelists were widened only by the 3.11 spellings of what Odoo 11
already allowed on 3.6: everything Odoo's own views, data files and QWeb
templates evaluate must pass, and every construct 3.6 refused must still be
refused.
"""
import glob
import os
import re
import sys
import unittest

from addon_deps import closure
from lxml import etree

import odoo
from odoo.tools.safe_eval import safe_eval

sandbox = sys.modules['odoo.tools.safe_eval']  # odoo.tools exports a function of that name

CONTEXT = {'a': 1, 'b': [1, 2], 'uid': 1, 'active_id': 7, 'x': None,
           'obj': type('Obj', (), {})(), 'kw': {'k': 1}}


class TestRefused(unittest.TestCase):
    """Constructs Odoo 11 refused on Python 3.6 are still refused."""

    def assertRefused(self, expr, mode='eval', message=None):
        # How safe_eval refuses: ValueError (a forbidden opcode, or an error
        # while evaluating), NameError (a forbidden name), SyntaxError.
        with self.assertRaises((ValueError, NameError, SyntaxError)) as caught:
            safe_eval(expr, dict(CONTEXT), mode=mode, nocopy=True)
        if message:
            self.assertRegex(str(caught.exception), message)

    def test_dunder_attribute_access(self):
        self.assertRefused("().__class__.__bases__[0].__subclasses__()", message='forbidden name')
        self.assertRefused("a.__class__", message='forbidden name')
        self.assertRefused("__import__('os').system('true')", message='forbidden name')
        self.assertRefused("f'{a.__class__}'", message='forbidden name')

    def test_frame_and_code_attributes(self):
        self.assertRefused("(x for x in b).gi_frame.f_globals", message='forbidden name')
        self.assertRefused("(lambda: 1).func_globals", message='forbidden name')

    def test_import_statements(self):
        self.assertRefused("import os", mode='exec', message='IMPORT_NAME')
        self.assertRefused("from os import path", mode='exec', message='IMPORT_NAME')

    def test_exec_eval_open_are_not_builtins(self):
        self.assertRefused("exec('a = 2')", message="exec")
        self.assertRefused("eval('1')", message="eval")
        self.assertRefused("open('/etc/passwd').read()", message="open")
        self.assertRefused("compile('1', '', 'eval')", message="compile")

    def test_lambda_with_side_effects(self):
        self.assertRefused("(lambda: setattr(obj, 'x', 1))()", message='setattr')
        self.assertRefused("obj.x = 1", mode='exec', message='STORE_ATTR')
        self.assertRefused("del obj.x", mode='exec', message='DELETE_ATTR')
        self.assertRefused("global a\na = 2", mode='exec', message='STORE_GLOBAL')

    def test_closures(self):
        self.assertRefused("(lambda y: (lambda: y))(1)()", message='forbidden opcode')

    def test_with_class_and_yield_from(self):
        self.assertRefused("with a:\n    pass", mode='exec', message='BEFORE_WITH')
        self.assertRefused("class A:\n    pass", mode='exec', message='LOAD_BUILD_CLASS')
        self.assertRefused("list((yield from b) for _ in b)", message='forbidden opcode|SyntaxError|yield')

    def test_unpacking_forms_refused_on_3_6(self):
        self.assertRefused("{**kw}", message='DICT_UPDATE')
        self.assertRefused("c, *d = b", mode='exec', message='UNPACK_EX')

    def test_new_syntax_stays_out(self):
        self.assertRefused("match b:\n    case [c, d]:\n        pass", mode='exec',
                           message='MATCH_SEQUENCE|GET_LEN')
        self.assertRefused("try:\n    pass\nexcept* ValueError:\n    pass", mode='exec',
                           message='forbidden opcode')


class TestAllowed(unittest.TestCase):
    """What Odoo's own expressions look like still evaluates, with its value."""

    def check(self, expr, expected, mode='eval'):
        self.assertEqual(safe_eval(expr, dict(CONTEXT)), expected)

    def test_domains_contexts_attrs(self):
        self.check("[('state', 'in', ['draft', 'open', 'done']), ('user_id', '=', uid)]",
                   [('state', 'in', ['draft', 'open', 'done']), ('user_id', '=', 1)])
        self.check("{'default_res_id': active_id, 'search_default_mine': 1}",
                   {'default_res_id': 7, 'search_default_mine': 1})
        self.check("{'invisible': [('a', '=', False)], 'readonly': True}",
                   {'invisible': [('a', '=', False)], 'readonly': True})
        self.check("{1, 2, 3}", {1, 2, 3})

    def test_operators_and_calls(self):
        self.check("'%s-%s' % (a, uid)", '1-1')
        self.check("a if x is None else 0", 1)
        self.check("3 not in b and a in b", True)
        self.check("dict(z=a, **kw)", {'z': 1, 'k': 1})
        self.check("sum(v * 2 for v in b) + len([v for v in b if v > 1])", 7)
        self.check("max(b, key=lambda v: -v)", 1)
        self.check("(a + 1) ** 2 // 3 % 2 - -a", 2)

    def test_exec_mode_statements(self):
        ctx = dict(CONTEXT)
        code = ("total = 0\n"
                "for v in b:\n"
                "    if v > 1:\n"
                "        continue\n"
                "    total += v\n"
                "while total < 5:\n"
                "    total += 1\n"
                "try:\n"
                "    int('x')\n"
                "except Exception as e:\n"
                "    total += 10\n"
                "finally:\n"
                "    total += 100\n"
                "assert total == 115\n")
        safe_eval(code, ctx, mode='exec', nocopy=True)
        self.assertEqual(ctx['total'], 115)


QWEB_EXPR_ATTRS = re.compile(r'^t-(if|elif|esc|raw|value|foreach|att|att-.+|options|field)$')
EVAL_ATTRS = ('domain', 'context', 'attrs', 'filter_domain', 'eval', 'options')


def _expressions(xml_path):
    try:
        tree = etree.parse(xml_path)
    except etree.XMLSyntaxError:
        return
    for node in tree.iter(tag=etree.Element):
        for name, value in node.attrib.items():
            if name in EVAL_ATTRS or QWEB_EXPR_ATTRS.match(name):
                yield value


class TestOdooExpressionsCompile(unittest.TestCase):
    def test_every_expression_of_our_dependencies_passes_the_opcode_check(self):
        """Every expression attribute in the XML of the Odoo modules we
        depend on (and ours) passes the 3.11 opcode whitelist."""
        odoo_addons = os.path.dirname(odoo.addons.base.__path__[0])
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        ours = glob.glob(os.path.join(root, 'addons', '*'))
        dirs = [os.path.join(odoo_addons, m) for m in closure([os.path.basename(d) for d in ours])] + ours
        checked, refused = 0, []
        for addon_dir in dirs:
            for xml_path in glob.glob(os.path.join(addon_dir, '**', '*.xml'), recursive=True):
                if os.sep + 'static' + os.sep in xml_path:
                    continue  # client-side (JavaScript) QWeb
                for expr in _expressions(xml_path):
                    try:
                        sandbox.test_expr(expr.strip(), sandbox._SAFE_OPCODES)
                    except (SyntaxError, NameError, TypeError):
                        continue  # %(xmlid)d placeholders, plain strings
                    except ValueError as e:
                        refused.append('%s: %s' % (os.path.relpath(xml_path, odoo_addons), e))
                    checked += 1
        self.assertEqual(refused, [])
        self.assertGreater(checked, 2000)
