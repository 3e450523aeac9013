"""7. Every QWeb render is a 500: QWeb builds ``ast.arguments`` by hand
without the ``posonlyargs`` field, mandatory since 3.8.

``qweb.py`` calls its own module-level ``arguments`` alias; give it one
that fills ``posonlyargs`` with the empty list Python 3.6 implied.
"""
import ast

from ._hooks import when_imported


def arguments(args, vararg, kwonlyargs, kw_defaults, kwarg, defaults):
    return ast.arguments(posonlyargs=[], args=args, vararg=vararg,
                         kwonlyargs=kwonlyargs, kw_defaults=kw_defaults,
                         kwarg=kwarg, defaults=defaults)


@when_imported('odoo.addons.base.ir.ir_qweb.qweb')
def _patch(qweb):
    qweb.arguments = arguments
