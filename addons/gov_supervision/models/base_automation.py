# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class BaseAutomation(models.Model):
    """A trigger for service-level changes: the SLA job moves levels with
    one SQL statement (no ORM write, so no 'On Update' rule would see it)
    and then runs these rules on the records whose level changed."""

    _inherit = 'base.automation'

    trigger = fields.Selection(selection_add=[('on_sla_change', 'On Service Level Change')])
