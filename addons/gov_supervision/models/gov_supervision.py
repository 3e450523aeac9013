# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape


class GovSupervision(models.Model):
    """督办 (5.3.7): a supervisor follows up a late item of any model; the
    manager of the responsible department must respond in writing within
    the response deadline (working days), and the supervisor closes it."""

    _name = 'gov.supervision'
    _description = 'Supervision'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'gov.department.mixin', 'gov.sla.mixin',
                'gov.workflow.mixin']
    _order = 'create_date desc, id desc'
    # Decided by the buttons only (gov.workflow.mixin), 5.3.7: what is
    # supervised and by whom, the response deadline, the manager's response
    # and the supervisor's closing or return.  Whoever may create a
    # supervision names its document and supervisor (_CREATE_FIELDS); nobody
    # changes them afterwards.
    _workflow_fields = ('name', 'res_model', 'res_id', 'supervisor_id', 'deadline_response',
                        'state', 'date_responded', 'date_closed')
    _CREATE_FIELDS = ('res_model', 'res_id', 'supervisor_id')

    _sla_deadline_field = 'deadline_response'
    _sla_open_domain = [('state', '=', 'open')]
    _sla_follow_up_levels = ('due', 'overdue')
    _sla_done_field = 'date_responded'

    name = fields.Char('Reference', readonly=True, copy=False, default='/')
    res_model = fields.Char('Document Model', required=True, readonly=True, index=True)
    res_id = fields.Integer('Document ID', required=True, readonly=True, index=True)
    res_name = fields.Char('Document', compute='_compute_res_name')
    department_id = fields.Many2one('gov.department', 'Responsible Department', required=True,
                                    index=True, ondelete='restrict', track_visibility='onchange')
    supervisor_id = fields.Many2one('res.users', required=True, index=True,
                                    default=lambda self: self.env.user,
                                    track_visibility='onchange')
    manager_id = fields.Many2one('res.users', 'Department Manager', index=True,
                                 track_visibility='onchange',
                                 help="Responds to the supervision; by default the manager of the "
                                      "department or of its nearest parent.")
    reason = fields.Text('Instruction', required=True,
                         help="What the supervisor asks the department to do.")
    response = fields.Text(help="The department's written response, required to respond.")
    date_responded = fields.Datetime('Responded On', readonly=True, copy=False)
    deadline_response = fields.Datetime('Response Deadline', readonly=True, copy=False)
    date_closed = fields.Datetime('Closed On', readonly=True, copy=False)
    state = fields.Selection([
        ('open', 'Awaiting Response'),
        ('responded', 'Responded'),
        ('closed', 'Closed'),
    ], required=True, default='open', readonly=True, copy=False, index=True,
        track_visibility='onchange', group_expand='_expand_states')

    @api.model
    def _expand_states(self, states, domain, order):
        return [key for key, _label in self._fields['state'].selection]

    @api.depends('res_model', 'res_id')
    def _compute_res_name(self):
        for supervision in self:
            if supervision.res_model in self.env and supervision.res_id:
                record = self.env[supervision.res_model].sudo().browse(supervision.res_id).exists()
                supervision.res_name = record.display_name if record else False

    @api.model
    def _default_supervisor(self):
        """The supervisor for automatic supervisions: a member of the
        supervisor group who is not also general office or administrator."""
        group = self.env.ref('gov_interaction.group_gov_supervisor').sudo()
        others = self.env.ref('gov_interaction.group_gov_office').sudo().users
        users = group.users.filtered(lambda u: u.active and u not in others).sorted('id')
        return users[:1] or group.users.sorted('id')[:1] or self.env.user

    @api.model
    def create(self, vals):
        vals = dict(vals)
        self._check_workflow_values(
            {key: value for key, value in vals.items() if key not in self._CREATE_FIELDS},
            creating=True)
        if vals.get('name', '/') == '/':
            vals['name'] = self.env['ir.sequence'].sudo().next_by_code('gov.supervision') or '/'
        department = self.env['gov.department'].sudo().browse(vals.get('department_id'))
        if not vals.get('manager_id') and department:
            vals['manager_id'] = department._managers_upwards()[:1].id
        if not vals.get('deadline_response'):
            days = int(self.env['ir.config_parameter'].sudo().get_param(
                'gov_supervision.response_days', '3') or 3)
            deadline, _missing = department.calendar_id._deadline(
                fields.Datetime.from_string(fields.Datetime.now()), days)
            vals['deadline_response'] = fields.Datetime.to_string(deadline)
        supervision = super(GovSupervision, self._transition().with_context(
            mail_create_nosubscribe=True)).create(vals)
        supervision = supervision.with_env(self.env)
        supervision._start()
        return supervision

    @api.multi
    def _start(self):
        urge = self.env.ref('gov_supervision.mail_activity_type_supervise')
        for supervision in self.sudo():
            partners = (supervision.supervisor_id | supervision.manager_id).mapped('partner_id')
            supervision.message_subscribe(partner_ids=partners.ids)
            deadline = fields.Datetime.from_string(supervision.deadline_response).date()
            if supervision.manager_id:
                supervision.activity_schedule_sla(
                    urge, _('Respond to supervision %s') % supervision.name,
                    supervision.manager_id, fields.Date.to_string(deadline))
            supervision.activity_schedule_sla(
                urge, _('Follow supervision %s') % supervision.name,
                supervision.supervisor_id, fields.Date.to_string(deadline))
            document = supervision._document()
            if document and hasattr(document, 'message_post'):
                document.message_post(
                    body=_('<p>Supervised (督办) by %(supervisor)s: %(reason)s</p>') % {
                        'supervisor': html_escape(supervision.supervisor_id.name),
                        'reason': html_escape(supervision.reason)},
                    subtype='mail.mt_note', partner_ids=[(4, p) for p in partners.ids])

    @api.multi
    def _document(self):
        self.ensure_one()
        if self.res_model not in self.env:
            return None
        return self.env[self.res_model].sudo().browse(self.res_id).exists()

    @api.multi
    def _close_my_activities(self, users):
        activity_type = self.env.ref('gov_supervision.mail_activity_type_supervise')
        self.sudo().mapped('activity_ids').filtered(
            lambda a: a.activity_type_id == activity_type and a.user_id in users).action_feedback()

    @api.multi
    def action_respond(self):
        """The department manager's written response (required)."""
        user = self.env.user
        for supervision in self:
            if supervision.state != 'open':
                raise UserError(_("Supervision %s is not awaiting a response.") % supervision.name)
            allowed = supervision.department_id._managers_upwards() | supervision.manager_id
            if user not in allowed and not user.has_group('gov_interaction.group_gov_admin'):
                raise UserError(_("Only the manager of the responsible department responds to "
                                  "supervision %s.") % supervision.name)
            if not (supervision.response or '').strip():
                raise UserError(_("Write the response to supervision %s first.") % supervision.name)
            supervision._transition().write({'state': 'responded',
                                             'date_responded': fields.Datetime.now()})
            supervision._close_my_activities(allowed)
        return True

    @api.multi
    def _require_supervisor(self):
        if not self.env.user.has_group('gov_interaction.group_gov_supervisor'):
            raise UserError(_("Only a supervisor can do this."))

    @api.multi
    def action_close(self):
        self._require_supervisor()
        for supervision in self:
            if supervision.state != 'responded':
                raise UserError(_("Supervision %s can be closed once the department has "
                                  "responded.") % supervision.name)
            supervision._transition().write({'state': 'closed',
                                             'date_closed': fields.Datetime.now()})
            supervision._close_my_activities(supervision.supervisor_id | self.env.user)
        return True

    @api.multi
    def action_return(self):
        """The response is not enough: the department must respond again."""
        self._require_supervisor()
        for supervision in self:
            if supervision.state != 'responded':
                raise UserError(_("Only a response can be returned."))
            supervision._transition().write({'state': 'open', 'date_responded': False})
            supervision.message_post(body=_('Response returned, respond again.'),
                                     subtype='mail.mt_note')
            if supervision.manager_id:
                supervision.activity_schedule_sla(
                    self.env.ref('gov_supervision.mail_activity_type_supervise'),
                    _('Respond again to supervision %s') % supervision.name,
                    supervision.manager_id)
        return True

    @api.multi
    def action_open_document(self):
        self.ensure_one()
        document = self._document()
        if not document:
            raise UserError(_("The supervised document no longer exists."))
        return {
            'type': 'ir.actions.act_window',
            'res_model': self.res_model,
            'res_id': self.res_id,
            'view_mode': 'form',
            'target': 'current',
        }

    @api.multi
    def _sla_responsible_user(self):
        self.ensure_one()
        return self.manager_id or super(GovSupervision, self)._sla_responsible_user()

    @api.multi
    def _sla_on_level_change(self, level):
        """5.3.7: a response due today or late reminds the department
        manager (催办)."""
        if level in ('due', 'overdue'):
            self._sla_urge()
        return super(GovSupervision, self)._sla_on_level_change(level)
