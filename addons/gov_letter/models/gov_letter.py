# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
import hashlib
import hmac
import os
import re
import secrets
import threading

import psycopg2

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools import html2plaintext, html_escape

from . import gov_letter_demo

LETTER_TYPES = [
    ('consultation', 'Consultation'),
    ('suggestion', 'Suggestion'),
    ('complaint', 'Complaint'),
    ('report', 'Report'),
]
# Clause 5.3.2: the reasons a letter is not accepted.
REJECT_REASONS = [
    ('a', 'Subject to litigation, arbitration or administrative reconsideration'),
    ('b', 'Unclear content or missing information'),
    ('c', 'Already being handled or concluded'),
    ('d', 'Internal administrative matter'),
    ('e', 'Otherwise outside the scope of the column'),
]
# Query codes: no 0/O, 1/I/L to read them out on the phone.
QUERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
QUERY_CODE_LENGTH = 8
ATTACHMENT_EXTENSIONS = ('.pdf', '.jpg', '.jpeg', '.png', '.doc', '.docx')
# What the first bytes of a file of these types are.
FILE_SIGNATURES = [
    (('.pdf',), b'%PDF-'),
    (('.jpg', '.jpeg'), b'\xff\xd8\xff'),
    (('.png',), b'\x89PNG\r\n\x1a\n'),
    (('.docx',), b'PK\x03\x04'),
    (('.doc',), b'\xd0\xcf\x11\xe0'),
]
# 5.3.10: the raw identity only for the system; staff read it through
# "Show Identity" (_read_identity), which logs who, when and which letter.
IDENTITY_GROUPS = 'base.group_system'
IDENTITY_FIELDS = ['partner_id', 'writer_name', 'writer_phone', 'writer_id_number',
                   'writer_email', 'writer_address']
# What a clerk types when entering a letter on behalf of a writer.
ENTRY_FIELDS = {'entry_' + name: name for name in IDENTITY_FIELDS if name != 'partner_id'}
STAFF_GROUPS = 'gov_interaction.group_gov_clerk,gov_interaction.group_gov_supervisor'


def _mask(text, keep_start=1, keep_end=0):
    text = text or ''
    if len(text) <= keep_start + keep_end:
        return text[:1] + '*' * max(len(text) - 1, 0)
    middle = '*' * (len(text) - keep_start - keep_end)
    return text[:keep_start] + middle + (text[len(text) - keep_end:] if keep_end else '')


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
        'reject_note', 'is_possible_duplicate', 'duplicate_candidate_ids', 'extension_state',
        'extension_reason', 'extension_deadline', 'extension_user_id', 'extension_comment',
        'date_extension_requested', 'date_extension_decided', 'deadline_reply_extended',
        'sla_policy_id', 'deadline_reply', 'deadline_transfer', 'deadline_schedule_missing',
    )

    number = fields.Char(readonly=True, copy=False, index=True, default='/')
    department_id = fields.Many2one('gov.department', 'Responsible Department', index=True,
                                    ondelete='restrict', track_visibility='onchange')
    query_code_digest = fields.Char(readonly=True, copy=False, groups='base.group_system')
    title = fields.Char(required=True, track_visibility='onchange')
    content = fields.Text(required=True)
    attachment_ids = fields.Many2many('ir.attachment', 'gov_letter_ir_attachment_rel',
                                      'letter_id', 'attachment_id', string='Attachments')
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

    # The writer: confidential (5.3.10), never tracked in the chatter.
    partner_id = fields.Many2one('res.partner', 'Citizen Account', ondelete='restrict',
                                 index=True, groups=IDENTITY_GROUPS)
    writer_name = fields.Char(groups=IDENTITY_GROUPS)
    writer_phone = fields.Char(groups=IDENTITY_GROUPS)
    writer_id_number = fields.Char('Writer ID Number', groups=IDENTITY_GROUPS)
    writer_email = fields.Char(groups=IDENTITY_GROUPS)
    writer_address = fields.Char(groups=IDENTITY_GROUPS)
    # Write-only: always read empty; create/write store them as the identity.
    entry_writer_name = fields.Char('Writer Name', compute='_compute_entry', readonly=False,
                                    groups='gov_interaction.group_gov_clerk')
    entry_writer_phone = fields.Char('Writer Phone', compute='_compute_entry', readonly=False,
                                     groups='gov_interaction.group_gov_clerk')
    entry_writer_id_number = fields.Char('Writer ID Number', compute='_compute_entry', readonly=False,
                                         groups='gov_interaction.group_gov_clerk')
    entry_writer_email = fields.Char('Writer Email', compute='_compute_entry', readonly=False,
                                     groups='gov_interaction.group_gov_clerk')
    entry_writer_address = fields.Char('Writer Address', compute='_compute_entry', readonly=False,
                                       groups='gov_interaction.group_gov_clerk')
    publish_wish = fields.Boolean('Writer Agrees to Publication')
    publish_reply = fields.Boolean(
        'Publish the Reply', copy=False, track_visibility='onchange',
        help="Shown in the column once replied.  Only if the writer agrees and the result suits "
             "publication; otherwise the reply goes to the writer only (5.3.9).")
    suggested_department_id = fields.Many2one(
        'gov.department', compute='_compute_suggested_department',
        help="From the routing rules (category and keywords); taken when the letter is accepted "
             "without a department.")
    reject_reason_label = fields.Char('Reason Not Accepted', compute='_compute_reject_reason_label')
    can_see_identity = fields.Boolean(compute='_compute_writer_display')
    writer_display = fields.Char('Writer', compute='_compute_writer_display')
    in_my_departments = fields.Boolean(compute='_compute_in_my_departments',
                                       search='_search_in_my_departments')

    date_received = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True,
                                    copy=False, index=True)
    date_accepted = fields.Datetime(readonly=True, copy=False)
    date_assigned = fields.Datetime(
        readonly=True, copy=False,
        help="When the responsible department was last determined (acceptance or transfer).")
    date_transfer_requested = fields.Datetime(readonly=True, copy=False)
    date_transfer_decided = fields.Datetime(readonly=True, copy=False)
    date_replied = fields.Datetime(readonly=True, copy=False)

    reject_reason = fields.Selection(REJECT_REASONS, readonly=True, copy=False,
                                     track_visibility='onchange')
    reject_note = fields.Text(readonly=True, copy=False)
    duplicate_of_id = fields.Many2one('gov.letter', copy=False, ondelete='set null')
    # 5.3.2 c): flagged at intake, decided by the clerk (Close as Duplicate).
    duplicate_candidate_ids = fields.Many2many(
        'gov.letter', 'gov_letter_duplicate_candidate_rel', 'letter_id', 'candidate_id',
        'Possible Originals', readonly=True, copy=False, groups=STAFF_GROUPS,
        help="Earlier letters of the same writer (account, phone or ID number) or with very "
             "similar text, found when this letter arrived.")
    is_possible_duplicate = fields.Boolean('Possible Duplicate', readonly=True, copy=False,
                                           index=True)
    transfer_reason = fields.Text(copy=False)
    transfer_department_id = fields.Many2one('gov.department', 'Proposed Department', copy=False,
                                             ondelete='set null')
    reply = fields.Html(copy=False)
    review_comment = fields.Text(copy=False)
    complex_note = fields.Text(
        'Progress Note', copy=False,
        help="For a complex matter: why it takes longer, told to the writer (5.3.5).")

    # 5.3.5: a complex matter gets more time, asked by the department and
    # decided by a supervisor; the writer is told why.
    extension_state = fields.Selection([
        ('requested', 'Requested'),
        ('approved', 'Approved'),
        ('refused', 'Refused'),
    ], 'Extension', readonly=True, copy=False, track_visibility='onchange')
    extension_reason = fields.Text(readonly=True, copy=False)
    extension_deadline = fields.Datetime('Requested Reply Deadline', readonly=True, copy=False)
    extension_user_id = fields.Many2one('res.users', 'Extension Requested by', readonly=True,
                                        copy=False, ondelete='set null')
    extension_comment = fields.Text('Extension Decision Comment', readonly=True, copy=False)
    date_extension_requested = fields.Datetime(readonly=True, copy=False)
    date_extension_decided = fields.Datetime(readonly=True, copy=False)
    deadline_reply_extended = fields.Datetime(
        'Extended Reply Deadline', readonly=True, copy=False,
        help="Set when a supervisor approves an extension; replaces the computed reply deadline.")

    sla_policy_id = fields.Many2one('gov.letter.sla.policy', 'Service Level Policy',
                                    compute='_compute_deadlines', store=True)
    deadline_reply = fields.Datetime('Reply Deadline', compute='_compute_deadlines', store=True)
    deadline_transfer = fields.Datetime('Transfer Request Deadline', compute='_compute_deadlines',
                                        store=True)
    deadline_schedule_missing = fields.Boolean(
        compute='_compute_deadlines', store=True,
        help="A deadline reaches into a year without a holiday schedule: counted on weekends only.")

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

    @api.depends('letter_type', 'department_id')
    def _compute_writer_display(self):
        for letter in self:
            letter.can_see_identity = letter._can_see_identity()
            if not letter.can_see_identity:
                letter.writer_display = _('Anonymous')
                continue
            raw = letter.sudo()
            parts = [_mask(raw.writer_name or raw.partner_id.name or '')]
            if raw.writer_phone:
                parts.append(_mask(raw.writer_phone, 3, 4))
            letter.writer_display = ' '.join(part for part in parts if part) or _('Anonymous')

    @api.model_cr_context
    def _auto_init(self):
        # Duplicate detection compares texts with pg_trgm's similarity().
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except psycopg2.Error as error:
            raise UserError(_(
                "The letters need the PostgreSQL extension pg_trgm to detect duplicates, and it "
                "could not be created (%s). Install the PostgreSQL contrib package, or have a "
                "database superuser run CREATE EXTENSION pg_trgm; in this database.")
                % error.pgerror) from error
        return super(GovLetter, self)._auto_init()

    def _compute_entry(self):
        for letter in self:
            for name in ENTRY_FIELDS:
                letter[name] = False

    def _pop_entry(self, vals):
        """The identity typed into the entry fields, removed from ``vals``."""
        entries = [name for name in ENTRY_FIELDS if name in vals]
        if not entries:
            return {}
        self.check_field_access_rights('write', entries)
        return {ENTRY_FIELDS[name]: vals.pop(name) for name in entries if vals.get(name)}

    @api.depends('state', 'category_id', 'title', 'content')
    def _compute_suggested_department(self):
        for letter in self:
            if letter.state == 'new':
                letter.suggested_department_id = letter._suggest_department()

    @api.depends('reject_reason')
    def _compute_reject_reason_label(self):
        # In the language of the environment: the writer's, in mail templates.
        labels = dict(self._fields['reject_reason']._description_selection(self.env))
        for letter in self:
            letter.reject_reason_label = labels.get(letter.reject_reason, '')

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

    @api.multi
    def _can_see_identity(self, user=None):
        """5.3.10: clerks and supervisors; the handlers of the responsible
        department too, except for reports (举报)."""
        self.ensure_one()
        user = user or self.env.user
        if user.has_group('gov_interaction.group_gov_clerk') or \
                user.has_group('gov_interaction.group_gov_supervisor'):
            return True
        if self.letter_type == 'report':
            return False
        return bool(self.department_id) and \
            self.department_id in user.gov_visible_department_ids and \
            user.has_group('gov_interaction.group_gov_handler')

    # ------------------------------------------------------------------
    # Confidentiality of the raw identity (5.3.10): no unlogged path
    # ------------------------------------------------------------------

    def _acting_uid(self):
        """Who signed in for the current call: the HTTP request's user, or
        the XML-RPC caller; None for the server's own work (install, jobs)."""
        if request:
            return request.uid
        return getattr(threading.current_thread(), 'uid', None)

    def _guard_field_use(self, names, operation):
        """5.3.10: searching, grouping or sorting by a field the user may not
        read tells its values without a log line: refused.  Whoever may read
        the raw identity (the administrators) is logged when using it."""
        names = {name for name in names if name in self._fields}
        if self.env.uid != SUPERUSER_ID:
            hidden = sorted(name for name in names if self._fields[name].groups and
                            not self.user_has_groups(self._fields[name].groups))
            if hidden:
                raise AccessError(_("Letters cannot be searched, grouped or sorted by the "
                                    "writer's identity or other fields you may not read: open "
                                    "the letter and use Show Identity (5.3.10)."))
        self._log_identity_use(operation, names)

    @api.multi
    def _log_identity_use(self, operation, names):
        """One line of the identity log per letter (one for a search) when
        the signed-in user itself reads, exports or searches raw identity;
        the system's own reads for others (masked display, mails) are not."""
        used = sorted(set(names) & set(IDENTITY_FIELDS))
        if used and self._acting_uid() == self.env.uid:
            self.env['gov.letter.identity.access']._log(self.ids or [None], self.env.uid,
                                                         operation, ', '.join(used))

    @api.model
    def _where_calc(self, domain, active_test=True):
        # Record rules are computed as superuser for the signed-in user and
        # pass (and are not logged: _acting_uid differs).
        names = [leaf[0].split('.')[0] for leaf in domain or []
                 if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str)]
        self.browse()._guard_field_use(names, 'search')
        return super(GovLetter, self)._where_calc(domain, active_test)

    @api.model
    def _generate_order_by_inner(self, alias, order_spec, query, reverse_direction=False,
                                 seen=None):
        if alias == self._table:
            names = [part.strip().split(' ')[0] for part in (order_spec or '').split(',')]
            self.browse()._guard_field_use(names, 'search')
        return super(GovLetter, self)._generate_order_by_inner(
            alias, order_spec, query, reverse_direction=reverse_direction, seen=seen)

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(GovLetter, self).read(fields, load=load)
        self.browse([row['id'] for row in result])._log_identity_use(
            'read', {name for row in result for name in row})
        return result

    @api.multi
    def _export_rows(self, fields, batch_invalidate=True):
        # Exports read through the cache, which sudo code (writer_display)
        # may have filled: check the fields, also when reached through a
        # relation from another model (identity log, duplicates).
        names = {path[0] for path in fields if path and path[0] not in ('id', '.id')}
        self.check_field_access_rights('read', sorted(names))
        self._log_identity_use('export', names)
        return super(GovLetter, self)._export_rows(fields, batch_invalidate)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        specs = ([groupby] if isinstance(groupby, str) else list(groupby or [])) + \
            list(fields or []) + (orderby or '').split(',')
        names = {re.split(r'[:(\s]', spec.strip())[0] for spec in specs if isinstance(spec, str)}
        names |= {re.sub(r'.*\(|\).*', '', spec) for spec in specs if isinstance(spec, str)}
        self.browse()._guard_field_use(names, 'search')
        return super(GovLetter, self).read_group(domain, fields, groupby, offset=offset,
                                                 limit=limit, orderby=orderby, lazy=lazy)

    @api.multi
    def message_get_default_recipients(self, res_model=None, res_ids=None):
        # mail.thread would offer the writer's account to any composer.
        records = self.env[res_model].browse(res_ids) if res_model and res_ids else self
        return {record.id: {'partner_ids': [], 'email_to': False, 'email_cc': False}
                for record in records}

    def get_share_url(self):
        # portal.mixin would add the writer's sign-up or login parameters.
        self.ensure_one()
        return '/interaction/letters/query'

    @api.multi
    def _compute_portal_url(self):
        for letter in self:
            letter.portal_url = '/interaction/letters/query'

    # ------------------------------------------------------------------
    # Intake (5.3.1)
    # ------------------------------------------------------------------

    @api.model
    def _attachment_rules(self):
        """(allowed extensions, max size in MB, max count): settings."""
        params = self.env['ir.config_parameter'].sudo()
        types = params.get_param('gov_letter.attachment_types') or ','.join(
            ext.lstrip('.') for ext in ATTACHMENT_EXTENSIONS)
        extensions = tuple('.' + ext.strip().lower().lstrip('.')
                           for ext in types.split(',') if ext.strip())
        max_mb = float(params.get_param('gov_letter.attachment_max_mb', '10') or 10)
        max_count = int(params.get_param('gov_letter.attachment_max_count', '5') or 5)
        return extensions, max_mb, max_count

    @api.model
    def _attachment_error(self, name, size, data=None):
        """Why an attachment ``name`` of ``size`` bytes is refused, or None;
        with its ``data``, a PDF or image must also look like one."""
        extensions, max_mb, _max_count = self._attachment_rules()
        lower = (name or '').lower()
        if not lower.endswith(extensions):
            return _("The attachment %(name)s is not allowed: accepted types are %(types)s.") % {
                'name': name, 'types': ', '.join(ext.lstrip('.').upper() for ext in extensions)}
        if size > max_mb * 1024 * 1024:
            return _("The attachment %(name)s is larger than %(size)s MB.") % {
                'name': name, 'size': max_mb}
        if data is not None:
            for suffixes, magic in FILE_SIGNATURES:
                if lower.endswith(suffixes) and not data.startswith(magic):
                    return _("The attachment %s is not the kind of file its name says.") % name
        return None

    @api.model
    def _decode_attachments(self, items):
        """API attachments ``[{"name", "content" (base64)}]``: returns the
        ir.attachment values and the errors by field (nothing is created)."""
        errors, values = {}, []
        if items is None:
            return values, errors
        _extensions, _max_mb, max_count = self._attachment_rules()
        if not isinstance(items, list):
            return values, {'attachments': _("Must be a list of files.")}
        if len(items) > max_count:
            return values, {'attachments': _("At most %s files.") % max_count}
        for index, item in enumerate(items):
            key = 'attachments[%d]' % index
            name = item.get('name') if isinstance(item, dict) else None
            content = item.get('content') if isinstance(item, dict) else None
            if not isinstance(name, str) or not name.strip() or len(name) > 200 or \
                    not isinstance(content, str):
                errors[key] = _("Each file needs a name (at most 200 characters) and its "
                                "content in base64.")
                continue
            try:
                data = base64.b64decode(content, validate=True)
            except (binascii.Error, ValueError):
                errors[key] = _("The content of %s is not valid base64.") % name
                continue
            error = self._attachment_error(name.strip(), len(data), data)
            if error:
                errors[key] = error
                continue
            values.append({'name': name.strip(), 'datas_fname': name.strip(),
                           'datas': base64.b64encode(data)})
        return values, errors

    @api.constrains('attachment_ids')
    def _check_attachments(self):
        for letter in self:
            for attachment in letter.sudo().attachment_ids:
                error = self._attachment_error(attachment.datas_fname or attachment.name,
                                               attachment.file_size or 0)
                if error:
                    raise ValidationError(error)

    @api.model
    def create(self, vals):
        vals = dict(vals)
        vals.update(self._pop_entry(vals))
        self._check_workflow_values(vals, creating=True)
        if vals.get('number', '/') == '/':
            vals['number'] = self.env['ir.sequence'].sudo().next_by_code('gov.letter') or '/'
        letter = super(GovLetter, self._transition().with_context(
            mail_create_nosubscribe=True)).create(vals)
        letter = letter.with_env(self.env)
        if not self.env.context.get('gov_letter_no_duplicate_check'):
            letter._detect_duplicates()
        if not self.env.context.get('gov_letter_no_query_code'):
            letter._mail_writer('gov_letter.mail_template_received',
                                query_code=letter._generate_query_code())
        return letter

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

    @api.model
    def _intake(self, vals):
        """Create a letter from a citizen's submission; returns the letter
        and its query code, shown to the writer this once."""
        letter = self.with_context(gov_letter_no_query_code=True).create(vals)
        code = letter._generate_query_code()
        letter._mail_writer('gov_letter.mail_template_received', query_code=code)
        return letter, code

    @api.multi
    def _detect_duplicates(self):
        """5.3.2 c): flag the earlier letters this one may repeat: same
        writer (account, phone or ID number) within the window, or a text
        at least as similar as the threshold (pg_trgm).  Settings:
        gov_letter.duplicate_window_days, gov_letter.duplicate_similarity."""
        params = self.env['ir.config_parameter'].sudo()
        days = int(params.get_param('gov_letter.duplicate_window_days', '90') or 90)
        threshold = float(self.env.context.get('gov_letter_duplicate_similarity') or params.get_param(
            'gov_letter.duplicate_similarity', '0.6') or 0.6)
        for letter in self.sudo():
            received = fields.Datetime.from_string(letter.date_received)
            self.env.cr.execute("""
                SELECT id FROM gov_letter
                 WHERE id != %(id)s AND date_received <= %(received)s
                   AND date_received >= %(received)s - make_interval(days => %(days)s)
                   AND ((%(partner)s IS NOT NULL AND partner_id = %(partner)s)
                        OR (%(phone)s != ''
                            AND regexp_replace(coalesce(writer_phone, ''), '[^0-9]', '', 'g') = %(phone)s)
                        OR (%(id_number)s != '' AND upper(writer_id_number) = %(id_number)s)
                        OR similarity(coalesce(title, '') || ' ' || coalesce(content, ''), %(text)s)
                           >= %(threshold)s)
                 ORDER BY date_received DESC, id DESC
                 LIMIT 20""", {
                'id': letter.id, 'received': received, 'days': days,
                'partner': letter.partner_id.id or None,
                'phone': re.sub(r'[^0-9]', '', letter.writer_phone or ''),
                'id_number': (letter.writer_id_number or '').strip().upper(),
                'text': '%s %s' % (letter.title or '', letter.content or ''),
                'threshold': threshold})
            ids = [row[0] for row in self.env.cr.fetchall()]
            if ids or letter.is_possible_duplicate:
                letter._transition().write({'duplicate_candidate_ids': [(6, 0, ids)],
                                            'is_possible_duplicate': bool(ids)})

    @api.model
    def _demo_generate(self, count=300):
        """Demo data: a few hundred letters in every state (gov_letter_demo)."""
        gov_letter_demo.generate(self.env, count)
        return True

    @api.multi
    def _generate_query_code(self):
        """A new 8-character query code; only its salted hash is stored."""
        self.ensure_one()
        code = ''.join(secrets.choice(QUERY_CODE_ALPHABET) for _i in range(QUERY_CODE_LENGTH))
        salt = os.urandom(16).hex()
        digest = hashlib.sha256((salt + code).encode()).hexdigest()
        self.sudo().write({'query_code_digest': '%s$%s' % (salt, digest)})
        return code

    @api.multi
    def action_new_query_code(self):
        """Clerks issue a new query code for a writer who phoned, wrote or
        came in, or lost the code; it is shown once, to be read out."""
        self.ensure_one()
        if not self.env.user.has_group('gov_interaction.group_gov_clerk'):
            raise AccessError(_("Only clerks issue query codes."))
        code = self._generate_query_code()
        self.message_post(body=_("A new query code was issued; the previous one no longer works."),
                          subtype='mail.mt_note')
        wizard = self.env['gov.letter.query.code.wizard'].create({'letter_id': self.id, 'query_code': code})
        return {
            'type': 'ir.actions.act_window',
            'name': _('Query Code'),
            'res_model': 'gov.letter.query.code.wizard',
            'res_id': wizard.id,
            'view_mode': 'form',
            'target': 'new',
        }

    @api.multi
    def _check_query_code(self, code):
        self.ensure_one()
        stored = self.sudo().query_code_digest or ''
        if '$' not in stored or not code:
            return False
        salt, digest = stored.split('$', 1)
        candidate = hashlib.sha256((salt + code.strip().upper()).encode()).hexdigest()
        return hmac.compare_digest(candidate, digest)

    @api.model
    def _find_by_query(self, number, code):
        letter = self.sudo().search([('number', '=', (number or '').strip().upper())], limit=1)
        return letter if letter and letter._check_query_code(code) else self.browse()

    @api.constrains('publish_reply', 'publish_wish')
    def _check_publish_reply(self):
        if any(letter.publish_reply and not letter.publish_wish for letter in self):
            raise ValidationError(_("A reply is published only if the writer agrees."))

    @api.model
    def _submission_values(self, data, partner=None, channel='web'):
        """Check a citizen's submission (website form or API): returns the
        values to create the letter with and a dict of errors by field."""
        errors, vals = {}, {'channel': channel}
        limits = {'title': 200, 'content': 20000, 'writer_name': 64, 'writer_phone': 32,
                  'writer_email': 120, 'writer_address': 200, 'writer_id_number': 32}
        for name, limit in limits.items():
            value = data.get(name)
            value = value.strip() if isinstance(value, str) else value
            if value is not None and not isinstance(value, str):  # {} and 0 too
                errors[name] = _("Must be text.")
            elif value and len(value) > limit:
                errors[name] = _("At most %s characters.") % limit
            elif value:
                vals[name] = value
        for name in ('title', 'content'):
            if name not in vals and name not in errors:
                errors[name] = _("This field is required.")
        if not vals.get('writer_phone') and not vals.get('writer_email') and not partner:
            errors['writer_phone'] = _("Give a phone number or an email address to receive the reply.")
        if vals.get('writer_email') and '@' not in vals['writer_email']:
            errors['writer_email'] = _("This is not an email address.")
        category = self.env['gov.letter.category'].sudo().search(
            [('code', '=', str(data.get('category') or ''))], limit=1)
        if not category:
            errors['category'] = _("Choose one of the categories.")
        vals['category_id'] = category.id
        letter_type = data.get('letter_type')
        letter_type = 'consultation' if letter_type in (None, '') else letter_type
        if not isinstance(letter_type, str) or letter_type not in dict(LETTER_TYPES):
            errors['letter_type'] = _("Choose one of the letter types.")
        vals['letter_type'] = letter_type
        vals['publish_wish'] = data.get('publish_wish') in (True, 'on', '1', 'true', 1)
        if partner:
            vals['partner_id'] = partner.id
            vals.setdefault('writer_name', partner.name)
            if partner.email:
                vals.setdefault('writer_email', partner.email)
        return vals, errors

    @api.multi
    def _public_data(self):
        """What the writer (with the query code or the account) sees: no
        identity, no internal notes."""
        self.ensure_one()
        letter = self.sudo()
        states = dict(letter._fields['state']._description_selection(self.env))
        reasons = dict(letter._fields['reject_reason']._description_selection(self.env))
        extended = letter.extension_state == 'approved'
        return {
            'number': letter.number,
            'title': letter.title,
            'category': letter.category_id.name,
            'state': letter.state,
            'state_name': states[letter.state],
            'date_received': letter.date_received,
            'deadline_reply': letter.deadline_reply or None,
            'date_replied': letter.date_replied or None,
            'reply': html2plaintext(letter.reply or '') if letter.state == 'replied' else None,
            'reject_reason': reasons.get(letter.reject_reason) if letter.state == 'rejected' else None,
            'reject_note': letter.reject_note if letter.state == 'rejected' else None,
            # 5.3.5: an approved extension and why; the deadline above is the new one.
            'extended': extended,
            'extension_reason': letter.extension_reason if extended else None,
            'date_extended': letter.date_extension_decided if extended else None,
            'attachments': [attachment.datas_fname or attachment.name
                            for attachment in letter.attachment_ids.sorted('id')],
        }

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
    def _writer_recipient(self):
        """Values addressing a mail to the writer only: the account, else
        the email address given; None when the writer gave neither."""
        self.ensure_one()
        raw = self.sudo()
        if raw.partner_id:
            return {'recipient_ids': [(4, raw.partner_id.id)]}
        if raw.writer_email:
            return {'email_to': raw.writer_email}
        return None

    @api.multi
    def _mail_writer(self, template_xmlid, **context):
        """Tell the writer (and only the writer: 5.3.9, 5.3.10) with a mail
        template, in the writer's language; ``context`` reaches the template
        as ``ctx`` (the query code exists only there, never stored).  The
        chatter records that it was done, never to whom nor the text."""
        context.setdefault('base_url', self.env['ir.config_parameter'].sudo().get_param(
            'web.base.url', ''))
        template = self.env.ref(template_xmlid).sudo().with_context(**context)
        for letter in self:
            recipient = letter._writer_recipient()
            if recipient is None:
                continue
            recipient['body'] = ''  # the message in the thread: no text
            recipient['gov_carries_secret'] = 'query_code' in context
            mail = self.env['mail.mail'].sudo().browse(template.send_mail(
                letter.id, email_values=recipient))
            letter.message_post(body=_('The writer was notified: %s') % mail.subject,
                                subtype='mail.mt_note')

    @api.multi
    def _notify_writer(self, subject, body):
        """Tell the writer a message composed by the caller (prefer
        :meth:`_mail_writer` with a template)."""
        for letter in self:
            recipient = letter._writer_recipient()
            if recipient is None:
                continue
            values = dict(recipient, subject=subject, body_html=body, model=letter._name,
                          res_id=letter.id, auto_delete=True)
            self.env['mail.mail'].sudo().create(values)
            letter.message_post(body=_('The writer was notified: %s') % subject,
                                subtype='mail.mt_note')

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    @api.multi
    def _suggest_department(self):
        self.ensure_one()
        return self.env['gov.letter.routing.rule'].sudo()._route(self)

    @api.onchange('category_id', 'title', 'content')
    def _onchange_suggest_department(self):
        if not self.department_id and self.category_id:
            self.department_id = self._suggest_department()

    @api.multi
    def action_accept(self):
        """5.3.1: the clerk accepts the letter and determines the
        responsible department (suggested by the routing rules)."""
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can accept a letter."))
        self._require_state('new')
        now = fields.Datetime.now()
        for letter in self:
            if not letter.department_id:
                letter.department_id = letter._suggest_department()
            if not letter.department_id:
                raise UserError(_("Choose the responsible department of letter %s before "
                                  "accepting it.") % letter.number)
            letter._transition().write({'state': 'accepted', 'date_accepted': now,
                                        'date_assigned': now})
            letter._assign_department()
            letter._mail_writer('gov_letter.mail_template_accepted')
        return True

    @api.multi
    def _assign_department(self):
        for letter in self:
            department = letter.department_id.sudo()
            members = department.member_ids | department.manager_id
            letter.sudo().message_subscribe(partner_ids=members.mapped('partner_id').ids)
            handler = (department.member_ids - department.manager_id)[:1] or letter._department_manager()
            letter._schedule_activity('mail.mail_activity_data_todo', _('Reply to the letter'),
                                      handler, letter.deadline_reply)

    @api.multi
    def action_reject(self):
        """5.3.2: opens the wizard that asks for the reason."""
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can decide not to accept a letter."))
        self._require_state('new')
        return {
            'type': 'ir.actions.act_window',
            'name': _('Do Not Accept'),
            'res_model': 'gov.letter.reject.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_letter_id': self[:1].id},
        }

    @api.multi
    def _reject(self, reason, note=None):
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can decide not to accept a letter."))
        self._require_state('new')
        labels = dict(self._fields['reject_reason']._description_selection(self.env))
        if reason not in labels:
            raise UserError(_("Give the reason why the letter is not accepted (5.3.2 a to e)."))
        for letter in self:
            letter._transition().write({'state': 'rejected', 'reject_reason': reason,
                                        'reject_note': note})
            letter._mail_writer('gov_letter.mail_template_rejected')
        return True

    @api.multi
    def action_mark_duplicate(self):
        """A letter about a matter already handled: closed with reason c."""
        for letter in self:
            if not letter.duplicate_of_id or letter.duplicate_of_id == letter:
                raise UserError(_("Choose the original letter that %s duplicates.") % letter.number)
            letter._reject('c', _('Duplicate of letter %s.') % letter.duplicate_of_id.number)
        return True

    @api.multi
    def action_request_transfer(self):
        """5.3.6: the department finds the matter outside its remit, within
        the transfer deadline, and proposes where it belongs."""
        self._require_state('accepted')
        self._require_handler()
        now = fields.Datetime.now()
        for letter in self:
            if letter.deadline_transfer and now > letter.deadline_transfer:
                raise UserError(_(
                    "The time to ask for a transfer of letter %(number)s ended on %(deadline)s: "
                    "the department must handle it.") % {
                    'number': letter.number, 'deadline': letter._local(letter.deadline_transfer)})
            if not (letter.transfer_reason or '').strip() or not letter.transfer_department_id:
                raise UserError(_("Give the reason for the transfer and the department proposed "
                                  "for letter %s.") % letter.number)
            if letter.transfer_department_id == letter.department_id:
                raise UserError(_("Propose another department than the current one."))
            letter._transition().write({'state': 'transfer', 'date_transfer_requested': now})
            letter.sudo().activity_feedback(['mail.mail_activity_data_todo'])
            clerk = self.env.ref('gov_interaction.group_gov_clerk').sudo().users[:1]
            letter._schedule_activity('gov_letter.mail_activity_type_transfer',
                                      _('Decide the transfer'), clerk)
        return True

    @api.multi
    def action_decide_transfer(self, department=None):
        """5.3.6: the clerk re-determines the responsible department (the
        proposed one unless another is given); new deadlines."""
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can decide a transfer."))
        self._require_state('transfer')
        now = fields.Datetime.now()
        for letter in self:
            target = department or letter.transfer_department_id
            if not target:
                raise UserError(_("Choose the department that takes over letter %s.") % letter.number)
            # The old department no longer sees the letter: nor its messages.
            previous = letter.department_id.sudo()
            letter.sudo().message_unsubscribe(
                partner_ids=(previous.member_ids | previous.manager_id).mapped('partner_id').ids)
            letter._transition().write({'department_id': target.id, 'state': 'accepted',
                                        'date_transfer_decided': now, 'date_assigned': now})
            # The new department starts on its own deadline: no extension.
            if letter.extension_state or letter.deadline_reply_extended:
                letter.sudo()._transition().write({'deadline_reply_extended': False,
                                                   'extension_state': False})
            letter.sudo().activity_feedback(['gov_letter.mail_activity_type_transfer',
                                             'gov_letter.mail_activity_type_extension'])
            letter._assign_department()
        return True

    @api.multi
    def action_refuse_transfer(self):
        """The clerk keeps the department: it handles the letter."""
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can decide a transfer."))
        self._require_state('transfer')
        self._transition().write({'state': 'accepted',
                                  'date_transfer_decided': fields.Datetime.now()})
        self.sudo().activity_feedback(['gov_letter.mail_activity_type_transfer'])
        return True

    @api.multi
    def action_submit_reply(self):
        self._require_state('accepted')
        self._require_handler()
        for letter in self:
            if not html2plaintext(letter.reply or '').strip():
                raise UserError(_("Write the reply to letter %s first.") % letter.number)
            letter._transition().write({'state': 'review'})
            letter.sudo().activity_feedback(['mail.mail_activity_data_todo'])
            letter._schedule_activity('gov_letter.mail_activity_type_review',
                                      _('Review the reply'), letter._department_manager(),
                                      letter.deadline_reply)
        return True

    @api.multi
    def action_approve_reply(self):
        """5.3.4: the department manager approves the reply; the writer gets
        it (only the writer when not suitable for publication, 5.3.9)."""
        self._require_state('review')
        self._require_manager()
        now = fields.Datetime.now()
        for letter in self:
            letter._transition().write({'state': 'replied', 'date_replied': now})
            letter.sudo().activity_feedback(['gov_letter.mail_activity_type_review'])
            letter._mail_writer('gov_letter.mail_template_replied')
        return True

    @api.multi
    def action_return_reply(self):
        self._require_state('review')
        self._require_manager()
        for letter in self:
            if not (letter.review_comment or '').strip():
                raise UserError(_("Say why the reply to letter %s is returned.") % letter.number)
            letter._transition().write({'state': 'accepted'})
            letter.sudo().activity_feedback(['gov_letter.mail_activity_type_review'])
            letter.message_post(body=_('Reply returned: %s') % html_escape(letter.review_comment),
                                subtype='mail.mt_note')
            handler = (letter.department_id.sudo().member_ids
                       - letter.department_id.sudo().manager_id)[:1]
            letter._schedule_activity('mail.mail_activity_data_todo', _('Revise the reply'),
                                      handler or self.env.user, letter.deadline_reply)
        return True

    @api.multi
    def action_inform_writer(self):
        """5.3.5: a complex matter takes longer; tell the writer why."""
        self._require_state('accepted', 'transfer', 'review')
        self._require_handler()
        for letter in self:
            if not (letter.complex_note or '').strip():
                raise UserError(_("Write the progress note for the writer first."))
            letter._mail_writer('gov_letter.mail_template_progress')
        return True

    # ------------------------------------------------------------------
    # Extension (5.3.5)
    # ------------------------------------------------------------------

    @api.multi
    def action_request_extension(self):
        """Opens the wizard in which the department asks for more time."""
        self._require_state('accepted', 'review')
        self._require_handler()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Request an Extension'),
            'res_model': 'gov.letter.extension.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_letter_id': self[:1].id},
        }

    @api.multi
    def _extension_deadline(self, extra_days=None, new_date=None):
        """The reply deadline an extension would give: ``extra_days``
        working days after the current deadline, or the end (23:59:59 in
        the department's time zone) of the local date ``new_date``."""
        self.ensure_one()
        calendar = self.department_id.sudo().calendar_id._or_national()
        if new_date:
            schedule = calendar._schedule()
            day = fields.Date.from_string(new_date)
            return fields.Datetime.to_string(schedule.end_of_day(day.toordinal()))
        if not extra_days or extra_days < 1:
            return False
        start = fields.Datetime.from_string(self.deadline_reply or fields.Datetime.now())
        deadline, _missing = calendar._deadline(start, extra_days)
        return fields.Datetime.to_string(deadline)

    @api.multi
    def _request_extension(self, reason, deadline):
        """5.3.5: the handler or the department manager asks for a later
        reply deadline; the supervisors get an Extension activity."""
        self._require_state('accepted', 'review')
        self._require_handler()
        now = fields.Datetime.now()
        supervisors = self.env.ref('gov_interaction.group_gov_supervisor').sudo().users.filtered(
            lambda user: user.active and not user.share)
        for letter in self:
            if letter.extension_state == 'requested':
                raise UserError(_("An extension of letter %s is already waiting for a "
                                  "supervisor.") % letter.number)
            if not (reason or '').strip():
                raise UserError(_("Say why letter %s needs more time: the writer is told.")
                                % letter.number)
            if not deadline or (letter.deadline_reply and deadline <= letter.deadline_reply):
                raise UserError(_("The new reply deadline of letter %(number)s must be later than "
                                  "the current one (%(deadline)s).") % {
                    'number': letter.number,
                    'deadline': letter._local(letter.deadline_reply) if letter.deadline_reply
                    else '-'})
            letter.sudo()._transition().write({
                'extension_state': 'requested', 'extension_reason': reason.strip(),
                'extension_deadline': deadline, 'extension_user_id': self.env.user.id,
                'extension_comment': False, 'date_extension_requested': now,
                'date_extension_decided': False})
            summary = _('Decide the extension to %s') % letter._local(deadline)
            for supervisor in supervisors:
                letter._schedule_activity('gov_letter.mail_activity_type_extension', summary,
                                          supervisor)
        return True

    @api.multi
    def action_decide_extension(self):
        """Opens the wizard in which a supervisor approves or refuses."""
        self._require_group('gov_interaction.group_gov_supervisor',
                            _("Only a supervisor can decide an extension."))
        return {
            'type': 'ir.actions.act_window',
            'name': _('Decide the Extension'),
            'res_model': 'gov.letter.extension.decision.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_letter_id': self[:1].id},
        }

    @api.multi
    def _decide_extension(self, approve, comment=None):
        """5.3.5: a supervisor approves (the reply deadline moves, the writer
        is told why) or refuses with a comment for the department."""
        self._require_group('gov_interaction.group_gov_supervisor',
                            _("Only a supervisor can decide an extension."))
        comment = (comment or '').strip()
        now = fields.Datetime.now()
        for letter in self:
            if letter.extension_state != 'requested':
                raise UserError(_("No extension of letter %s is waiting for a decision.")
                                % letter.number)
            if not approve and not comment:
                raise UserError(_("Say why the extension of letter %s is refused.")
                                % letter.number)
            letter.sudo().activity_feedback(['gov_letter.mail_activity_type_extension'])
            values = {'extension_state': 'approved' if approve else 'refused',
                      'extension_comment': comment or False, 'date_extension_decided': now}
            if approve:
                values['deadline_reply_extended'] = letter.extension_deadline
            letter.sudo()._transition().write(values)
            requester = letter.extension_user_id
            if approve:
                letter.message_post(body=_('Extension approved: the reply is due on %s.')
                                    % letter._local(letter.deadline_reply), subtype='mail.mt_note')
                # The department's reply and review activities follow the new date.
                todo = letter.sudo().activity_ids.filtered(lambda a: a.activity_type_id in (
                    self.env.ref('mail.mail_activity_data_todo')
                    | self.env.ref('gov_letter.mail_activity_type_review')))
                todo.write({'date_deadline': fields.Date.to_string(
                    fields.Datetime.from_string(letter.deadline_reply))})
                letter._mail_writer('gov_letter.mail_template_extension')
            else:
                letter.message_post(body=_('Extension refused: %s') % html_escape(comment),
                                    subtype='mail.mt_note')
                letter._schedule_activity(
                    'mail.mail_activity_data_todo',
                    _('Extension refused: reply by the current deadline'), requester,
                    letter.deadline_reply)
        return True

    # ------------------------------------------------------------------
    # Confidentiality (5.3.10)
    # ------------------------------------------------------------------

    @api.multi
    def _read_identity(self):
        """The writer's identity for who may see it; every read is logged."""
        self.ensure_one()
        if not self._can_see_identity():
            raise UserError(_("You are not allowed to see who wrote letter %s.") % self.number)
        self.env['gov.letter.identity.access'].sudo().create({
            'letter_id': self.id, 'user_id': self.env.user.id})
        raw = self.sudo()
        return {
            'writer_name': raw.writer_name or raw.partner_id.name or '',
            'writer_phone': raw.writer_phone or raw.partner_id.phone or '',
            'writer_id_number': raw.writer_id_number or '',
            'writer_email': raw.writer_email or raw.partner_id.email or '',
            'writer_address': raw.writer_address or '',
        }

    @api.multi
    def action_show_identity(self):
        identity = self._read_identity()
        wizard = self.env['gov.letter.identity.wizard'].create(dict(identity, letter_id=self.id))
        return {
            'type': 'ir.actions.act_window',
            'name': _('Writer Identity'),
            'res_model': 'gov.letter.identity.wizard',
            'res_id': wizard.id,
            'view_mode': 'form',
            'target': 'new',
        }

    @api.multi
    def _local(self, value):
        """A UTC datetime string as local time for messages."""
        self.ensure_one()
        local = fields.Datetime.context_timestamp(
            self.with_context(tz='Asia/Shanghai'), fields.Datetime.from_string(value))
        return local.strftime('%Y-%m-%d %H:%M')
