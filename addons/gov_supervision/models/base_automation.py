# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class BaseAutomation(models.Model):
    """A trigger for service-level changes: the SLA job moves levels with
    one SQL statement (no ORM write, so no 'On Update' rule would see it)
    and then runs these rules on the records whose level changed."""

    _name = 'base.automation'
    # The models' caches of these rules (gov.sla.mixin._sla_automation_ids).
    _inherit = ['base.automation', 'gov.process.cache.mixin']

    trigger = fields.Selection(selection_add=[('on_sla_change', 'On Service Level Change')])
