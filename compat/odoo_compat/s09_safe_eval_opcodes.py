"""9. Every domain, context and attrs expression raises "forbidden opcode(s)".

``odoo.tools.safe_eval`` checks the bytecode of an expression against
whitelists written for Python 3.6; 3.8-3.11 compile the same source to other
opcodes.  This is a sandbox change, so each opcode added below is the 3.11
spelling of something Odoo 11 already allowed on 3.6, in the same whitelist.
Nothing else: imports, attribute stores, closures, ``with``, ``{**d}``,
``a, *b = c`` and pattern matching stay refused; so do dunder names, which
are checked by name, not by opcode (tests/test_compat_safe_eval.py).

Two small widenings cannot be avoided because 3.11 uses one opcode for an
allowed and a refused construct:
- ``'%s-%s' % (a, b)`` compiles to FORMAT_VALUE/BUILD_STRING, so f-strings
  pass too.  They call ``format(value, spec)`` only, no more than ``%`` does.
- BINARY_OP covers every binary operator, so ``a @ b`` passes (3.6 refused
  BINARY_MATRIX_MULTIPLY); no object in the evaluation context defines it.
- LIST_EXTEND/SET_UPDATE/DICT_MERGE build literals and ``f(**kw)``, and
  also allow ``[*a]``, ``{*a}`` and ``f(**a, **b)``: unpacking of values the
  expression can already read.
"""
from opcode import opmap

from ._hooks import when_imported

# 3.11 opcode -> the 3.6 opcode(s) it stands for.
CONST_OPCODES = {
    'RESUME': 'start of every code object (no-op)',
    'NOP': 'no-op kept for line numbers',
    'COPY': 'DUP_TOP, DUP_TOP_TWO',
    'SWAP': 'ROT_TWO, ROT_THREE, ROT_FOUR',
    'LIST_EXTEND': 'BUILD_LIST of constants ([1, 2, 3])',
    'SET_UPDATE': 'BUILD_SET of constants ({1, 2, 3})',
}
EXPR_OPCODES = {
    'BINARY_OP': 'BINARY_* and INPLACE_* arithmetic',
    'IS_OP': "COMPARE_OP 'is' / 'is not'",
    'CONTAINS_OP': "COMPARE_OP 'in' / 'not in'",
    'FORMAT_VALUE': "BINARY_MODULO of a str by a tuple ('%s' % (a,))",
    'BUILD_STRING': "BINARY_MODULO of a str by a tuple ('%s' % (a,))",
    'LIST_TO_TUPLE': 'BUILD_TUPLE of more than 30 items',
}
SAFE_OPCODES = {
    'PUSH_NULL': 'CALL_FUNCTION (calling convention)',
    'PRECALL': 'CALL_FUNCTION, CALL_METHOD',
    'CALL': 'CALL_FUNCTION, CALL_FUNCTION_KW, CALL_METHOD',
    'KW_NAMES': 'CALL_FUNCTION_KW',
    'DICT_MERGE': 'CALL_FUNCTION_EX with **kwargs',
    'JUMP_BACKWARD': 'JUMP_ABSOLUTE (loops)',
    'JUMP_BACKWARD_NO_INTERRUPT': 'JUMP_ABSOLUTE',
    'POP_JUMP_FORWARD_IF_FALSE': 'POP_JUMP_IF_FALSE',
    'POP_JUMP_FORWARD_IF_TRUE': 'POP_JUMP_IF_TRUE',
    'POP_JUMP_BACKWARD_IF_FALSE': 'POP_JUMP_IF_FALSE',
    'POP_JUMP_BACKWARD_IF_TRUE': 'POP_JUMP_IF_TRUE',
    'POP_JUMP_FORWARD_IF_NONE': "COMPARE_OP 'is' + POP_JUMP_IF_FALSE",
    'POP_JUMP_FORWARD_IF_NOT_NONE': "COMPARE_OP 'is not' + POP_JUMP_IF_FALSE",
    'POP_JUMP_BACKWARD_IF_NONE': "COMPARE_OP 'is' + POP_JUMP_IF_FALSE",
    'POP_JUMP_BACKWARD_IF_NOT_NONE': "COMPARE_OP 'is not' + POP_JUMP_IF_FALSE",
    'RETURN_GENERATOR': 'generator expressions (YIELD_VALUE)',
    'PUSH_EXC_INFO': 'SETUP_EXCEPT (try/except in server actions)',
    'CHECK_EXC_MATCH': "COMPARE_OP 'exception match'",
    'RERAISE': 'END_FINALLY',
    'LOAD_ASSERTION_ERROR': 'LOAD_GLOBAL AssertionError (assert)',
}


def _codes(names):
    return {opmap[name] for name in names if name in opmap}


@when_imported('odoo.tools.safe_eval')
def _patch(safe_eval):
    # In place: ir_qweb binds _SAFE_OPCODES by name at its own import.
    const = _codes(CONST_OPCODES)
    expr = const | _codes(EXPR_OPCODES)
    safe_eval._CONST_OPCODES.update(const)
    safe_eval._EXPR_OPCODES.update(expr)
    safe_eval._SAFE_OPCODES.update(expr | _codes(SAFE_OPCODES))
