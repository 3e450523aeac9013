# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GovDepartment(models.Model):
    """A government or one of its departments, in the province's hierarchy."""

    _name = 'gov.department'
    _description = 'Government Department'
    _inherit = ['mail.thread']
    _parent_store = True
    _parent_order = 'sequence, name'
    _order = 'parent_left'

    # Proper names, kept as the government writes them (not UI terms).
    name = fields.Char(required=True, track_visibility='onchange')
    complete_name = fields.Char(compute='_compute_complete_name', store=True)
    code = fields.Char(required=True, help="Unique administrative code, e.g. 230000-EDU.")
    sequence = fields.Integer(default=10)
    parent_id = fields.Many2one('gov.department', index=True, ondelete='restrict',
                                track_visibility='onchange')
    child_ids = fields.One2many('gov.department', 'parent_id', 'Sub-departments')
    parent_left = fields.Integer(index=True)
    parent_right = fields.Integer(index=True)
    level = fields.Selection([
        ('province', 'Province'),
        ('city', 'City'),
        ('county', 'County'),
        ('department', 'Department'),
    ], required=True, default='department')
    active = fields.Boolean(default=True)
    manager_id = fields.Many2one('res.users', domain=[('share', '=', False)],
                                 track_visibility='onchange')
    member_ids = fields.Many2many('res.users', 'gov_department_res_users_rel', 'department_id', 'user_id',
                                  'Members', domain=[('share', '=', False)])
    member_count = fields.Integer(compute='_compute_member_count')
    phone = fields.Char('Public Phone', help="Contact phone shown to citizens.")
    calendar_id = fields.Many2one(
        'gov.calendar', 'Working-Day Calendar', required=True, ondelete='restrict',
        default=lambda self: self.env['gov.calendar']._get_national())
    description = fields.Text('Remit', help="What this department is responsible for.")

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'Another department already has this code.'),
    ]

    @api.depends('name', 'parent_id.complete_name')
    def _compute_complete_name(self):
        for department in self:
            if department.parent_id:
                department.complete_name = '%s / %s' % (department.parent_id.complete_name, department.name)
            else:
                department.complete_name = department.name

    @api.depends('member_ids')
    def _compute_member_count(self):
        for department in self:
            department.member_count = len(department.member_ids)

    @api.constrains('parent_id')
    def _check_hierarchy(self):
        if not self._check_recursion():
            raise ValidationError(_('A department cannot be its own parent.'))

    def _managers_upwards(self):
        """Managers of this department and of its ancestors, nearest first
        (empty for no department)."""
        managers, department = self.env['res.users'], self.sudo()
        while department:
            managers |= department.manager_id
            department = department.parent_id
        return managers

    def name_get(self):
        return [(department.id, department.complete_name or department.name) for department in self]

    @api.model
    def create(self, vals):
        department = super(GovDepartment, self).create(vals)
        self._clear_rule_cache(vals)
        return department

    @api.multi
    def write(self, vals):
        result = super(GovDepartment, self).write(vals)
        self._clear_rule_cache(vals)
        return result

    def _clear_rule_cache(self, vals):
        # Record rules read the departments a user may see; they are cached.
        if {'member_ids', 'manager_id', 'parent_id', 'active'} & set(vals):
            self.env['ir.rule'].clear_caches()
