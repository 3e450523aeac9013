"""5. With ``--workers > 0`` every worker dies in a loop:
prefork calls ``resource.setrlimit(RLIMIT_CPU, (float, hard))`` and 3.10+
rejects floats.

``odoo.service.server`` gets a ``resource`` whose ``setrlimit`` rounds the
limits to whole numbers; the process-wide ``resource`` module is untouched.
"""
import resource

from ._hooks import module_with, when_imported


def _setrlimit(res, limits):
    soft, hard = limits
    return resource.setrlimit(res, (int(soft), int(hard)))


@when_imported('odoo.service.server')
def _patch(server):
    server.resource = module_with(resource, setrlimit=_setrlimit)
