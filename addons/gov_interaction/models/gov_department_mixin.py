# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovDepartmentMixin(models.AbstractModel):
    """The responsible department of a record, and the access rules that go
    with it.

    Every model of the product that belongs to a department inherits this and
    gets the two standard record rules in security/gov_interaction_rules.xml
    (tests/test_roles.py checks that none is forgotten):

    - handlers and department managers: ``department_id`` in
      ``user.gov_visible_department_ids`` (their own departments, plus the
      sub-departments of those they manage);
    - clerks, supervisors, general office: every record.
    """

    _name = 'gov.department.mixin'
    _description = 'Owned by a Department'

    department_id = fields.Many2one('gov.department', index=True, ondelete='restrict',
                                    track_visibility='onchange')
