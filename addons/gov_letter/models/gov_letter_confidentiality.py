# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.10: the writer's identity is confidential.  The raw identity fields
are for the system only; clerks, supervisors and (except for reports) the
handlers of the responsible department see it masked, and in full through
"Show Identity", which is logged.  No unlogged path: searching, grouping,
sorting, reading and exporting by identity are refused or logged."""
import re
import threading

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.http import request

# 5.3.10: the raw identity only for the system; staff read it through
# "Show Identity" (_read_identity), which logs who, when and which letter.
IDENTITY_GROUPS = 'base.group_system'
IDENTITY_FIELDS = ['partner_id', 'writer_name', 'writer_phone', 'writer_id_number',
                   'writer_email', 'writer_address']
# What a clerk types when entering a letter on behalf of a writer.
ENTRY_FIELDS = {'entry_' + name: name for name in IDENTITY_FIELDS if name != 'partner_id'}


def _mask(text, keep_start=1, keep_end=0):
    text = text or ''
    if len(text) <= keep_start + keep_end:
        return text[:1] + '*' * max(len(text) - 1, 0)
    middle = '*' * (len(text) - keep_start - keep_end)
    return text[:keep_start] + middle + (text[len(text) - keep_end:] if keep_end else '')


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

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
    can_see_identity = fields.Boolean(compute='_compute_writer_display')
    writer_display = fields.Char('Writer', compute='_compute_writer_display')

    # ------------------------------------------------------------------
    # Who may see the writer, masked or in full
    # ------------------------------------------------------------------

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
