"""Post-import hooks: run a patch right after a named module is executed.

Odoo modules are patched where they are defined, just after Python runs
them and before anything else can bind their names, so no installed file
is edited and nothing is imported earlier than Odoo itself would.
"""
import importlib.abc
import importlib.machinery
import sys
import types

_HOOKS = {}


class _PatchingLoader(importlib.abc.Loader):
    """Delegates to the real loader, then applies the registered patches."""

    def __init__(self, loader, name):
        self._loader = loader
        self._name = name

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        for patch in _HOOKS.get(self._name, ()):
            patch(module)

    def __getattr__(self, attr):  # get_source, get_filename, is_package...
        return getattr(self._loader, attr)


class _PostImportFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname not in _HOOKS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _PatchingLoader(spec.loader, fullname)
        return spec


_FINDER = _PostImportFinder()


def when_imported(name):
    """Decorator: call the function with module ``name`` once it is loaded.

    If the module is already loaded the patch is applied at once.
    """
    def register(patch):
        _HOOKS.setdefault(name, []).append(patch)
        if name in sys.modules:
            patch(sys.modules[name])
        if _FINDER not in sys.meta_path:
            sys.meta_path.insert(0, _FINDER)
        return patch
    return register


def module_with(module, **overrides):
    """A copy of ``module`` with some attributes replaced.

    Assigned to one Odoo module's global name (``server.resource = ...``) it
    changes what that module sees, and only that module.
    """
    shim = types.ModuleType(module.__name__, module.__doc__)
    shim.__dict__.update(
        {k: v for k, v in vars(module).items() if not k.startswith('__')})
    shim.__dict__.update(overrides)
    return shim
