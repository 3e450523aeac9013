# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The letter (咨询投诉, clauses 4.4 and 5.3): its definition, the fields every
concern shares, the deadlines (5.3.3, 5.3.6), create and write, and the
checks of who may press a button.  The concerns add to it in their own files:
confidentiality (5.3.10), intake (5.3.1), routing (5.3.1, 5.3.2), transfer and
extension (5.3.5, 5.3.6), reply (5.3.4) and the writer's notices (5.3.9)."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.base.ir.ir_sequence import _select_nextval
from odoo.addons.gov_interaction.tools import local_time

LETTER_TYPES = [
    ('consultation', 'Consultation'),
    ('suggestion', 'Suggestion'),
    ('complaint', 'Complaint'),
    ('report', 'Report'),
]
# Still waiting for its reply: the states the service levels (5.3.7) and the
# open-letter counts follow.  The one list; import it, never copy it.
OPEN_STATES = ('new', 'accepted', 'transfer', 'review')


class GovLetter(models.Model):
    """A consultation or complaint letter (咨询投诉, clauses 4.4 and 5.3)."""

    _name = 'gov.letter'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'portal.mixin', 'gov.department.mixin',
                'gov.workflow.mixin']
    _description = 'Letter'
    _order = 'date_received desc, id desc'
    _rec_name = 'number'
    # Decided by the buttons only (gov.workflow.mixin): 5.3.2, 5.3.4 to 5.3.6.
    _workflow_fields = (
        'number', 'state', 'date_received', 'date_accepted', 'date_assigned',
        'date_transfer_requested', 'date_transfer_decided', 'date_replied', 'reject_reason',
        'reject_note', 'is_possible_duplicate', 'duplicate_match_ids', 'extension_state',
        'extension_reason', 'extension_deadline', 'extension_user_id', 'extension_comment',
        'date_extension_requested', 'date_extension_decided', 'deadline_reply_extended',
        'sla_policy_id', 'deadline_reply', 'deadline_transfer', 'deadline_schedule_missing',
    )

    number = fields.Char(readonly=True, copy=False, index=True, default='/')
    department_id = fields.Many2one('gov.department', 'Responsible Department', index=True,
                                    ondelete='restrict', track_visibility='onchange')
    title = fields.Char(required=True, track_visibility='onchange')
    content = fields.Text(required=True)
    category_id = fields.Many2one('gov.letter.category', required=True, ondelete='restrict',
                                  track_visibility='onchange')
    letter_type = fields.Selection(LETTER_TYPES, 'Type', required=True, default='consultation',
                                   track_visibility='onchange')
    channel = fields.Selection([
        ('web', 'Website'), ('api', 'Mobile / API'), ('phone', 'Phone'), ('mail', 'Mail'),
        ('visit', 'Visit'),
    ], required=True, default='web')
    state = fields.Selection([
        ('new', 'To Accept'),
        ('accepted', 'Accepted'),
        ('transfer', 'Transfer Requested'),
        ('review', 'To Review'),
        ('replied', 'Replied'),
        ('rejected', 'Not Accepted'),
    ], required=True, default='new', readonly=True, copy=False, index=True,
        track_visibility='onchange', group_expand='_expand_states')
    publish_wish = fields.Boolean('Writer Agrees to Publication')
    publish_reply = fields.Boolean(
        'Publish the Reply', copy=False, track_visibility='onchange',
        help="Shown in the column once replied.  Only if the writer agrees and the result suits "
             "publication; otherwise the reply goes to the writer only (5.3.9).")
    in_my_departments = fields.Boolean(compute='_compute_in_my_departments',
                                       search='_search_in_my_departments')

    date_received = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True,
                                    copy=False, index=True)
    date_accepted = fields.Datetime(readonly=True, copy=False)
    date_assigned = fields.Datetime(
        readonly=True, copy=False,
        help="When the responsible department was last determined (acceptance or transfer).")

    sla_policy_id = fields.Many2one('gov.letter.sla.policy', 'Service Level Policy',
                                    compute='_compute_deadlines', store=True)
    deadline_reply = fields.Datetime('Reply Deadline', compute='_compute_deadlines', store=True)
    deadline_transfer = fields.Datetime('Transfer Request Deadline', compute='_compute_deadlines',
                                        store=True)
    deadline_schedule_missing = fields.Boolean(
        compute='_compute_deadlines', store=True,
        help="A deadline reaches into a year without a holiday schedule: counted on weekends only.")
    # 5.3.5: set by an approved extension (gov_letter_transfer.py).
    deadline_reply_extended = fields.Datetime(
        'Extended Reply Deadline', readonly=True, copy=False,
        help="Set when a supervisor approves an extension; replaces the computed reply deadline.")

    _sql_constraints = [
        ('number_unique', 'unique(number)', 'The letter number must be unique.'),
    ]

    @api.model
    def _expand_states(self, states, domain, order):
        # The kanban shows every stage, in the order letters move through them.
        return [key for key, _label in self._fields['state'].selection]

    # ------------------------------------------------------------------
    # Computed fields
    # ------------------------------------------------------------------

    @api.depends('date_assigned', 'department_id', 'category_id', 'letter_type',
                 'deadline_reply_extended')
    def _compute_deadlines(self):
        Policy = self.env['gov.letter.sla.policy'].sudo()
        for letter in self:
            policy = Policy._find(letter.category_id, letter.letter_type)
            letter.sla_policy_id = policy
            if not letter.date_assigned:
                letter.deadline_reply = letter.deadline_transfer = False
                letter.deadline_schedule_missing = False
                continue
            calendar = letter.department_id.sudo().calendar_id
            start = fields.Datetime.from_string(letter.date_assigned)
            reply, missing_reply = calendar._deadline(start, policy.reply_days if policy else 5)
            transfer, missing_transfer = calendar._deadline(
                start, policy.transfer_days if policy else 2)
            letter.deadline_reply = letter.deadline_reply_extended or \
                fields.Datetime.to_string(reply)
            letter.deadline_transfer = fields.Datetime.to_string(transfer)
            letter.deadline_schedule_missing = bool(missing_reply or missing_transfer)

    @api.multi
    def _compute_in_my_departments(self):
        departments = self.env.user.gov_visible_department_ids
        for letter in self:
            letter.in_my_departments = letter.department_id in departments

    @api.model
    def _search_in_my_departments(self, operator, value):
        ids = self.env.user.gov_visible_department_ids.ids
        positive = (operator == '=') == bool(value)
        return [('department_id', 'in' if positive else 'not in', ids)]

    # ------------------------------------------------------------------
    # Create and write
    # ------------------------------------------------------------------

    @api.model
    def create(self, vals):  # pylint: disable=method-required-super
        """A new letter; the writer is mailed a query code (5.3.1).  The
        super() call is in :meth:`_create_without_query_code`."""
        return self._create_with_query_code(vals)[0]

    @api.model
    def _create_without_query_code(self, vals, system_values=None):
        """Every letter is created here, in one INSERT: create() and
        :meth:`_intake` pass the digest of a new query code in
        ``system_values`` (values the system decides, set after the
        workflow check), the demo data none.  The earlier letters it may
        repeat (5.3.2 c) are found first and stored with it.  Extend this
        method for what every new letter needs."""
        vals = dict(vals)
        vals.update(self._pop_entry(vals))
        self._check_workflow_values(vals, creating=True)
        vals.update(system_values or {})
        vals['date_received'] = vals.get('date_received') or fields.Datetime.now()
        if vals.get('number', '/') == '/':
            vals['number'] = self._next_number(vals['date_received'])
        matches = []
        if not self.env.context.get('gov_letter_no_duplicate_check'):
            matches = self._duplicate_matches(vals)
            vals['is_possible_duplicate'] = bool(matches)
        computed = self._computed_creation_values(vals)
        vals.update(computed)
        # No chatter at creation: no "created" message, no tracking of the
        # initial values, no follower (the receipt's note says it arrived).
        letter = super(GovLetter, self._transition().with_context(  # pylint: disable=super-method-mismatch
            tracking_disable=True, recompute=False)).create(vals)
        for name in computed:  # in the INSERT already
            self.env.remove_todo(self._fields[name], letter)
        letter.recompute()
        letter._store_duplicate_matches(matches)
        letter = letter.with_env(self.env)
        # and cached as the row has them (the create's read left them out
        # while they were to compute), for the caller (computed fields are
        # cached per context): reading the letter reads no row again
        letter._cache.update(letter._convert_to_cache(computed, validate=False))
        return letter

    @api.model
    def _next_number(self, received):
        """5.3.1: the next letter number (XJ2026-000123) of the year the
        letter was ``received`` in (UTC), Beijing time: a letter of 00:30 on
        New Year's Day is the new year's (``ir_sequence_date`` in the
        context pins the day, as for any sequence).

        Two statements where the year's range exists: the range and the
        sequence's format in one row, then its nextval.  Odoo's
        next_by_id() (a search and two whole rows through the ORM, at every
        letter) creates the range of a new year, or numbers from a sequence
        changed to a kind this does not know."""
        sequence_id = self.env['ir.model.data'].xmlid_to_res_id('gov_letter.seq_gov_letter')
        day = self.env.context.get('ir_sequence_date') or fields.Date.to_string(
            self.env['gov.calendar'].local_day(received))
        Sequence = self.env['ir.sequence'].sudo().with_context(ir_sequence_date=day)
        if not sequence_id:
            return Sequence.next_by_code('gov.letter') or '/'
        self.env.cr.execute("""
            SELECT r.id, r.date_from, s.prefix, s.suffix, s.padding
              FROM ir_sequence s JOIN ir_sequence_date_range r ON r.sequence_id = s.id
             WHERE s.id = %s AND s.active AND s.use_date_range AND s.implementation = 'standard'
               AND r.date_from <= %s AND r.date_to >= %s
             ORDER BY r.date_from LIMIT 1""", (sequence_id, day, day))
        row = self.env.cr.fetchone()
        if not row:
            return Sequence.browse(sequence_id).next_by_id()
        range_id, date_from, prefix, suffix, padding = row
        number = _select_nextval(self.env.cr, 'ir_sequence_%03d_%03d' % (sequence_id, range_id))
        sequence = Sequence.with_context(ir_sequence_date_range=str(date_from)).browse(sequence_id)
        # the values just read, as the ORM would read them: its format is Odoo's
        sequence._cache.update({'prefix': prefix, 'suffix': suffix, 'padding': padding})
        return sequence.get_next_char(number)

    @api.model
    def _computed_creation_values(self, vals):
        """The stored computed fields of a new letter of ``vals`` whose
        values are known without computing them, to go into the INSERT:
        the ORM would otherwise compute each after it, and write it with an
        UPDATE per method.  Received, not yet assigned (5.3.1): no
        deadline, no activity; the service level policy of its category and
        type.  Any other is computed as usual; an addon that adds a stored
        computed field may add its value here."""
        if vals.get('date_assigned'):
            return {}
        letter_type = vals.get('letter_type') or self.default_get(['letter_type']).get('letter_type')
        policy = self.env['gov.letter.sla.policy'].sudo()._find(
            self.env['gov.letter.category'].browse(vals.get('category_id')), letter_type)
        values = {'sla_policy_id': policy.id, 'deadline_reply': False, 'deadline_transfer': False,
                  'deadline_schedule_missing': False}
        if not vals.get('activity_ids'):
            values['activity_date_deadline'] = False
        return values

    @api.multi
    def write(self, vals):
        vals = dict(vals)
        identity = self._pop_entry(vals)
        self._check_publication_values(vals)
        result = super(GovLetter, self).write(vals)
        if identity:
            super(GovLetter, self.sudo()).write(identity)
        return result

    @api.multi
    def _check_publication_values(self, vals):
        """5.3.8, 5.3.9: whether the writer agrees is the writer's word; the
        government's decision to publish the reply is the department
        manager's, at review or once replied."""
        if self._workflow_write_allowed():
            return
        if 'publish_wish' in vals:
            raise AccessError(_("Only the writer says whether the letter may be published."))
        if 'publish_reply' in vals:
            self._require_state('review', 'replied')
            self._require_manager()

    @api.constrains('publish_reply', 'publish_wish')
    def _check_publish_reply(self):
        if any(letter.publish_reply and not letter.publish_wish for letter in self):
            raise ValidationError(_("A reply is published only if the writer agrees."))

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _require_group(self, xmlid, message):
        if not self.env.user.has_group(xmlid):
            raise UserError(message)

    @api.multi
    def _require_state(self, *states):
        for letter in self:
            if letter.state not in states:
                raise UserError(_(
                    "Letter %(number)s is not in a state that allows this (it is %(state)s).") % {
                    'number': letter.number,
                    'state': dict(letter._fields['state']._description_selection(
                        letter.env))[letter.state]})

    @api.multi
    def _require_handler(self):
        user = self.env.user
        for letter in self:
            if user.has_group('gov_interaction.group_gov_admin'):
                continue
            if not user.has_group('gov_interaction.group_gov_handler') or \
                    letter.department_id not in user.gov_visible_department_ids:
                raise UserError(_("Only a handler of the responsible department can do this "
                                  "for letter %s.") % letter.number)

    @api.multi
    def _require_manager(self):
        user = self.env.user
        for letter in self:
            if user.has_group('gov_interaction.group_gov_admin'):
                continue
            if user not in letter.department_id._managers_upwards():
                raise UserError(_("Only the manager of the responsible department can review the "
                                  "reply of letter %s.") % letter.number)

    @api.multi
    def _department_manager(self):
        self.ensure_one()
        return self.department_id._managers_upwards()[:1]

    @api.multi
    def _schedule_activity(self, xmlid, summary, user, deadline=None):
        if user:
            self.sudo().activity_schedule(
                xmlid, summary=summary, user_id=user.id, date_deadline=fields.Date.to_string(
                    fields.Datetime.from_string(deadline or fields.Datetime.now())))

    @api.multi
    def _local(self, value):
        """A UTC datetime string as local time for messages, in the time
        zone of the department's calendar (the national one without)."""
        self.ensure_one()
        return local_time(self.env, value, calendar=self.sudo().department_id.calendar_id)
