"""pytest plugin: ``pytest -p odoo_compat.pytest_plugin``.

Plugins named with ``-p`` are imported before those registered by entry
points, so this loads the compatibility layer before pytest-odoo runs
``import odoo``.
"""
import odoo_compat  # noqa: F401
