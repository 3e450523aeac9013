"""1. ``import odoo`` fails: ``collections.Mapping`` & co. removed in 3.10.

Odoo 11 imports the abstract base classes from ``collections`` (misc, api,
models, registry, expression, qweb...).  Restore the old aliases.
"""
import collections
import collections.abc

NAMES = (
    'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'Hashable',
    'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container',
    'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping',
    'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence',
    'MutableSequence', 'ByteString',
)

for _name in NAMES:
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))
