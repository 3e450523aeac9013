# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gov_interaction.tools import local_today, utc_year_bounds

PLAN_STATES = [
    ('draft', 'Draft'),
    ('submitted', 'Submitted'),
    ('approved', 'Approved'),
    ('returned', 'Returned'),
]
# Days before 31 December on which the cron reminds whoever has not submitted.
REMINDER_DAYS = (30, 7, 1)


class GovInterviewPlan(models.Model):
    """The yearly interview plan of a government or department (5.2.3):
    due by 31 December of the year before, approved by the general office."""

    _name = 'gov.interview.plan'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'gov.department.mixin',
                'gov.workflow.mixin']
    _description = 'Interview Plan'
    _order = 'year desc, department_id'
    # Decided by the buttons only (gov.workflow.mixin): submitted, approved or
    # returned by the general office, late against 31 December (5.2.3).
    _workflow_fields = ('state', 'date_submitted', 'date_approved', 'approved_by_id', 'late')

    name = fields.Char(compute='_compute_name', store=True)
    department_id = fields.Many2one('gov.department', required=True, index=True,
                                    ondelete='restrict', track_visibility='onchange')
    year = fields.Integer(required=True, default=lambda self: fields.Date.from_string(
        fields.Date.context_today(self)).year + 1, track_visibility='onchange')
    state = fields.Selection(PLAN_STATES, required=True, default='draft', readonly=True,
                             copy=False, index=True, track_visibility='onchange')
    line_ids = fields.One2many('gov.interview.plan.line', 'plan_id', 'Planned Interviews',
                               copy=True)
    line_count = fields.Integer('Planned', compute='_compute_line_count')
    date_due = fields.Date('Due Date', compute='_compute_date_due', store=True,
                           help="31 December of the year before the plan's year (5.2.3).")
    date_submitted = fields.Datetime(readonly=True, copy=False)
    date_approved = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one('res.users', readonly=True, copy=False)
    return_reason = fields.Text(copy=False, track_visibility='onchange')
    late = fields.Boolean(
        readonly=True, copy=False, index=True,
        help="Submitted after its due date, or still not submitted when it passed "
             "(set when submitted and by the daily reminder job).")
    note = fields.Text()

    _sql_constraints = [
        ('department_year_unique', 'unique(department_id, year)',
         'This government or department already has a plan for that year.'),
    ]

    @api.depends('department_id.name', 'year')
    def _compute_name(self):
        for plan in self:
            plan.name = _('%(year)s interview plan of %(department)s') % {
                'year': plan.year, 'department': plan.department_id.name or ''}

    @api.depends('line_ids')
    def _compute_line_count(self):
        for plan in self:
            plan.line_count = len(plan.line_ids)

    @api.depends('year')
    def _compute_date_due(self):
        for plan in self:
            plan.date_due = fields.Date.to_string(date(plan.year - 1, 12, 31)) if plan.year else False

    @api.constrains('year')
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(_("The plan's year must be between 2000 and 2100."))

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    def _today(self):
        return local_today(self.env)

    @api.multi
    def action_submit(self):
        for plan in self:
            if plan.state not in ('draft', 'returned'):
                raise UserError(_("Only a draft or returned plan can be submitted."))
            if not plan.line_ids:
                raise UserError(_("Add the planned interviews before submitting the plan."))
            late = plan._today() > fields.Date.from_string(plan.date_due)
            plan._transition().write({'state': 'submitted', 'date_submitted': fields.Datetime.now(),
                                      'late': late or plan.late})
            plan.sudo().activity_feedback(['gov_interview.mail_activity_type_plan_due'])
            office_user = self.env.ref('gov_interaction.group_gov_office').sudo().users.filtered(
                lambda u: not u.has_group('gov_interaction.group_gov_admin'))[:1]
            plan._schedule_activity('gov_interview.mail_activity_type_plan_review',
                                    _('Approve the interview plan'), office_user)
        return True

    def _require_office(self):
        if not self.env.user.has_group('gov_interaction.group_gov_office'):
            raise UserError(_("Only the government's general office approves interview plans."))

    @api.multi
    def action_approve(self):
        self._require_office()
        for plan in self:
            if plan.state != 'submitted':
                raise UserError(_("Only a submitted plan can be approved."))
            plan._transition().write({'state': 'approved', 'date_approved': fields.Datetime.now(),
                                      'approved_by_id': self.env.user.id})
            plan.sudo().activity_feedback(['gov_interview.mail_activity_type_plan_review'])
        return True

    @api.multi
    def action_return(self):
        self._require_office()
        for plan in self:
            if plan.state != 'submitted':
                raise UserError(_("Only a submitted plan can be returned."))
            if not (plan.return_reason or '').strip():
                raise UserError(_("Say why the plan is returned."))
            plan._transition().write({'state': 'returned'})
            plan.sudo().activity_feedback(['gov_interview.mail_activity_type_plan_review'])
            plan._schedule_activity('gov_interview.mail_activity_type_plan_due',
                                    _('Revise the interview plan'), plan._responsible(),
                                    plan.date_due)
        return True

    @api.multi
    def action_reset_draft(self):
        for plan in self:
            if plan.state != 'returned':
                raise UserError(_("Only a returned plan goes back to draft."))
            plan._transition().write({'state': 'draft'})
        return True

    # ------------------------------------------------------------------
    # Reminders (5.2.3)
    # ------------------------------------------------------------------

    @api.model
    def _planning_departments(self):
        """Who draws up a plan: city and county governments and the
        provincial departments (5.2.3)."""
        Department = self.env['gov.department'].sudo()
        return Department.search([('level', 'in', ('city', 'county'))]) | Department.search(
            [('level', '=', 'department'), ('parent_id.level', '=', 'province')])

    @api.multi
    def _responsible(self):
        self.ensure_one()
        department = self.department_id.sudo()
        return department.manager_id or department.member_ids[:1] or \
            department._managers_upwards()[:1] or self.create_uid

    @api.model
    def _cron_plan_reminders(self, today=None):
        """From 30 days before 31 December: a draft plan for next year for
        everyone who plans, with a To Do for its manager; reminders 7 and 1
        days before; after the due date, every plan not submitted is flagged
        late and its manager told."""
        today = today or self._today()
        year = today.year + 1
        due = date(today.year, 12, 31)
        days_left = (due - today).days
        plans = self.sudo().search([('year', 'in', (today.year, year))])
        # Flag last year's late plans: the due date (31 December) has passed.
        for plan in plans.filtered(lambda p: p.year == today.year and not p.late
                                   and p.state in ('draft', 'returned') and not p.date_submitted):
            plan._transition().write({'late': True})
            plan.message_post(body=_('The plan was not submitted by its due date %s.') % plan.date_due,
                              subtype='mail.mt_note')
        if days_left > REMINDER_DAYS[0]:
            return True
        existing = {plan.department_id.id: plan for plan in plans if plan.year == year}
        for department in self._planning_departments():
            plan = existing.get(department.id)
            if not plan:
                plan = self.sudo().create({'department_id': department.id, 'year': year})
            if plan.state not in ('draft', 'returned'):
                continue
            if days_left in REMINDER_DAYS or not plan.activity_ids:
                plan._schedule_activity(
                    'gov_interview.mail_activity_type_plan_due',
                    _('Submit the %(year)s interview plan by %(due)s') % {
                        'year': year, 'due': fields.Date.to_string(due)},
                    plan._responsible(), fields.Date.to_string(due))
        return True

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.multi
    def _schedule_activity(self, xmlid, summary, user, deadline=None):
        if user:
            self.sudo().activity_schedule(xmlid, date_deadline=deadline, summary=summary, user_id=user.id)

    @api.model
    def _year_bounds(self, year):
        """The local (Beijing) year as UTC naive datetime strings [start, end)."""
        start, end = utc_year_bounds(self.env, year)
        return fields.Datetime.to_string(start), fields.Datetime.to_string(end)
