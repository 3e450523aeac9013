# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: the service levels of interview questions (5.2.6 with 5.3.7)
moved to the bridge gov_interview_supervision.  A new auto_install addon is
installed only with one of its dependencies, not by an update: without
this, a database that has gov_supervision would lose the urging and
supervision of late public replies when gov_interview is updated."""
from odoo import SUPERUSER_ID, api

BRIDGE = 'gov_interview_supervision'


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Module = env['ir.module.module']
    if not Module.search([('name', '=', 'gov_supervision'), ('state', '=', 'installed')]):
        return
    bridge = Module.search([('name', '=', BRIDGE)])
    if not bridge:
        Module.update_list()
        bridge = Module.search([('name', '=', BRIDGE)])
    # Marked "to install": the loader installs it in this same run.
    bridge.filtered(lambda module: module.state == 'uninstalled').button_install()
