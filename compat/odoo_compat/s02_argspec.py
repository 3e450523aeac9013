"""2. ``import odoo`` fails: ``inspect.getargspec``/``formatargspec`` removed in 3.11.

Used by odoo.api (method decorators), odoo.http (route signatures),
odoo.tools.cache (ormcache keys) and website.  Rebuilt on
``getfullargspec`` with the 3.6 semantics: a function with keyword-only
arguments or annotations raises ValueError, as it did then.
"""
import collections
import inspect

ArgSpec = collections.namedtuple('ArgSpec', 'args varargs keywords defaults')


def getargspec(func):
    spec = inspect.getfullargspec(func)
    if spec.kwonlyargs or spec.annotations:
        raise ValueError("Function has keyword-only parameters or annotations"
                         ", use inspect.signature() API which can support them")
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def formatargspec(args, varargs=None, varkw=None, defaults=None):
    """The positional subset of the 3.6 function, all Odoo 11 ever passes."""
    specs = []
    first_default = len(args) - len(defaults) if defaults else len(args)
    for i, arg in enumerate(args):
        spec = arg
        if i >= first_default:
            spec += '=' + repr(defaults[i - first_default])
        specs.append(spec)
    if varargs is not None:
        specs.append('*' + varargs)
    if varkw is not None:
        specs.append('**' + varkw)
    return '(' + ', '.join(specs) + ')'


if not hasattr(inspect, 'getargspec'):
    inspect.getargspec = getargspec
if not hasattr(inspect, 'formatargspec'):
    inspect.formatargspec = formatargspec
