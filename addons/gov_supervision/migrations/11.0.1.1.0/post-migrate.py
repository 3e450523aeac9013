# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: the hourly SLA job runs on the mixin's own model
(gov.sla.mixin), no longer on gov.supervision; its record is noupdate, so
an update would leave it where it was."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref('gov_supervision.ir_cron_gov_sla_update', raise_if_not_found=False)
    if cron:
        cron.model_id = env['ir.model']._get('gov.sla.mixin')
