"""Print the Odoo modules an addon of ours depends on, comma-separated.

Usage: addon_deps.py ADDON [ADDON...]
Follows ``depends`` recursively through the manifests on the addons path
(ours first, then Odoo's) and prints only Odoo's own modules.
"""
import ast
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OURS = os.path.join(ROOT, 'addons')


def odoo_addons_dir():
    import odoo.addons  # the compat layer is on PYTHONPATH, loaded first
    return os.path.dirname(odoo.addons.__file__)


def manifest(name):
    for base in (OURS, odoo_addons_dir()):
        path = os.path.join(base, name, '__manifest__.py')
        if os.path.isfile(path):
            with open(path, encoding='utf-8') as f:
                return base, ast.literal_eval(f.read())
    raise SystemExit('addon not found: %s' % name)


def closure(names):
    seen, todo = {}, list(names)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen[name], info = manifest(name)
            todo.extend(info.get('depends', []))
    return sorted(name for name, base in seen.items() if base != OURS)


if __name__ == '__main__':
    import odoo_compat  # noqa: F401  (before odoo)
    print(','.join(closure(sys.argv[1:])))
