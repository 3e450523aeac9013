"""8. QWeb templates fail to compile with "identifier field can't represent
'None' constant" and "AST node line range (2, 1) is not valid".

QWeb writes ``None``/``True``/``False`` as ``ast.Name`` (a constant since
3.8) and copies ``lineno`` onto hand-built nodes whose inherited
``end_lineno`` is then before it.  Both are repaired where QWeb finishes its
tree: the ``ast.fix_missing_locations`` call just before ``compile()``.
"""
import ast

from ._hooks import module_with, when_imported

_CONSTANTS = {'None': None, 'True': True, 'False': False}


class _Repair(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id in _CONSTANTS:
            return ast.copy_location(ast.Constant(value=_CONSTANTS[node.id]), node)
        return node


def _fix_line_ranges(tree):
    for node in ast.walk(tree):
        if getattr(node, 'end_lineno', None) is None or not hasattr(node, 'lineno'):
            continue
        if node.end_lineno < node.lineno:
            node.end_lineno = node.lineno
        if (node.end_lineno == node.lineno
                and node.end_col_offset is not None
                and node.end_col_offset < node.col_offset):
            node.end_col_offset = node.col_offset


def fix_missing_locations(tree):
    tree = _Repair().visit(tree)
    ast.fix_missing_locations(tree)
    _fix_line_ranges(tree)
    return tree


@when_imported('odoo.addons.base.ir.ir_qweb.qweb')
def _patch(qweb):
    qweb.ast = module_with(ast, fix_missing_locations=fix_missing_locations)
