# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.1: a citizen's letter comes in (website form, API, or a clerk's
entry): the submission and its attachments are checked (4.4), the writer
gets a query code, and letters that may repeat an earlier one are flagged
(5.3.2 c)."""
import base64
import binascii
import hashlib
import hmac
import os
import re
import secrets

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .gov_letter import LETTER_TYPES
from .gov_letter_duplicate import is_same_matter, signature, signature_similarity

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
STAFF_GROUPS = 'gov_interaction.group_gov_clerk,gov_interaction.group_gov_supervisor'
# 5.3.2 c): possible originals kept per letter, and looked at per criterion, at most.
DUPLICATE_LIMIT = 20
# 5.3.2 c): besides the writer's, the earlier letters judged are those whose
# titles are nearest the new one's (at most DUPLICATE_LIMIT, pg_trgm's
# distance on a GiST index) and at least this similar (pg_trgm, 0 to 1).
DUPLICATE_RETRIEVAL = 0.1
# What duplicates are compared on, as indexed (GovLetter.init).
DUPLICATE_PHONE = "regexp_replace(coalesce(writer_phone, ''), '[^0-9]', '', 'g')"
DUPLICATE_INDEXES = (
    # Until 11.0.1.1.0 the whole text was indexed (GIN): costly to keep up at
    # every letter, and a poor guide to a reworded Chinese letter.
    "DROP INDEX IF EXISTS gov_letter_duplicate_text_index",
    "CREATE INDEX IF NOT EXISTS gov_letter_duplicate_title_index ON gov_letter USING gist "
    "(title gist_trgm_ops)",
    # The planner estimates the titles' % by comparing the new title with
    # every title sampled by ANALYZE, at every intake: 10 samples, not 100,
    # plan it 4 times faster.  Titles are nearly all distinct; more samples
    # would tell the planner nothing.
    "ALTER TABLE gov_letter ALTER COLUMN title SET STATISTICS 10",
    "CREATE INDEX IF NOT EXISTS gov_letter_duplicate_partner_index ON gov_letter "
    "(partner_id, date_received)",
    "CREATE INDEX IF NOT EXISTS gov_letter_duplicate_phone_index ON gov_letter "
    "(regexp_replace(coalesce(writer_phone, ''), '[^0-9]', '', 'g'), date_received)",
    "CREATE INDEX IF NOT EXISTS gov_letter_duplicate_id_number_index ON gov_letter "
    "(upper(writer_id_number), date_received)",
)


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

    query_code_digest = fields.Char(readonly=True, copy=False, groups='base.group_system')
    attachment_ids = fields.Many2many('ir.attachment', 'gov_letter_ir_attachment_rel',
                                      'letter_id', 'attachment_id', string='Attachments')
    # 5.3.2 c): flagged at intake, decided by the clerk (Close as Duplicate).
    duplicate_match_ids = fields.One2many(
        'gov.letter.duplicate', 'letter_id', 'Possible Originals', readonly=True, copy=False,
        groups=STAFF_GROUPS,
        help="Earlier letters about the same matter (similar subject and content, from this "
             "writer or another), found when this letter arrived; the most similar first.")
    duplicate_candidate_ids = fields.Many2many(
        'gov.letter', string='Possible Original Letters', compute='_compute_duplicate_candidate_ids',
        search='_search_duplicate_candidate_ids', groups=STAFF_GROUPS)
    is_possible_duplicate = fields.Boolean('Possible Duplicate', readonly=True, copy=False,
                                           index=True)

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

    @api.model_cr
    def init(self):
        """The indexes of the duplicate search (5.3.2 c), one per
        criterion (DUPLICATE_PHONE): the title by trigrams (nearest first),
        the others with the time of receipt (the latest first)."""
        for statement in DUPLICATE_INDEXES:
            self.env.cr.execute(statement)
        return super(GovLetter, self).init()

    # ------------------------------------------------------------------
    # The submission (website form or API)
    # ------------------------------------------------------------------

    @api.model
    def _intake(self, vals, files=None):
        """Create a letter from a citizen's submission and its ``files``, a
        list of (name, data), checked here for the website form and the API
        alike; returns the letter and its query code, shown to the writer
        this once.  A file refused raises ValidationError: nothing is kept."""
        attachments = self._intake_attachments(files or [])
        if attachments:
            vals = dict(vals, attachment_ids=[(6, 0, attachments.ids)])
        letter, code = self._create_with_query_code(vals)
        if attachments:
            attachments.write({'res_model': self._name, 'res_id': letter.id})
        if 'attachment_ids' not in vals:  # none: the API's answer need not ask
            letter._cache['attachment_ids'] = ()
        return letter, code

    @api.model
    def _create_with_query_code(self, vals):
        """A new letter with a new query code, whose digest goes into the
        letter's INSERT, and the acknowledgement of receipt with the code
        queued for the writer (5.3.1, ``gov.letter.receipt``: rendered by
        the mail queue); returns the letter and the code."""
        code, digest = self._new_query_code()
        letter = self._create_without_query_code(vals, {'query_code_digest': digest})
        self.env['gov.letter.receipt']._queue(letter, code)
        return letter, code

    @api.model
    def _intake_attachments(self, files):
        """The writer's ``files`` [(name, data)] as attachments, once they
        pass :meth:`_files_errors` (else ValidationError, none created)."""
        errors = self._files_errors(files)
        if errors:
            raise ValidationError(next(iter(errors.values())))
        attachments = self.env['ir.attachment'].sudo()
        for name, data in files:
            attachments |= attachments.create({'name': name, 'datas_fname': name,
                                               'datas': base64.b64encode(data)})
        return attachments

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
            known = partner.read(['name', 'email'])[0]  # not the whole row of a partner
            vals['partner_id'] = partner.id
            vals.setdefault('writer_name', known['name'])
            if known['email']:
                vals.setdefault('writer_email', known['email'])
        return vals, errors

    # ------------------------------------------------------------------
    # Attachments (4.4): types, size and count are settings
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
    def _files_errors(self, files, unreadable=None):
        """The one check of a writer's files [(name, data)], for the website
        form and the API alike: how many, and each one's type, size and
        content; the errors by field (``attachments``, ``attachments[i]``).
        ``unreadable``: {index: why} for the files (data None) that the
        caller could not read."""
        _extensions, _max_mb, max_count = self._attachment_rules()
        if len(files) > max_count:
            return {'attachments': _("At most %s files.") % max_count}
        errors, unreadable = {}, unreadable or {}
        for index, (name, data) in enumerate(files):
            error = unreadable.get(index) or self._attachment_error(name, len(data), data)
            if error:
                errors['attachments[%d]' % index] = error
        return errors

    @api.model
    def _decode_attachments(self, items):
        """API attachments ``[{"name", "content" (base64)}]``: returns the
        files [(name, data)] for :meth:`_intake` and the errors by field
        (:meth:`_files_errors`); nothing is created."""
        if items is None:
            return [], {}
        if not isinstance(items, list):
            return [], {'attachments': _("Must be a list of files.")}
        files, unreadable = [], {}
        for index, item in enumerate(items):
            file, error = self._decode_attachment(item)
            files.append(file)
            if error:
                unreadable[index] = error
        return files, self._files_errors(files, unreadable)

    @api.model
    def _decode_attachment(self, item):
        """One API attachment: ((name, data), None), or ((name, None), why not)."""
        name = item.get('name') if isinstance(item, dict) else None
        content = item.get('content') if isinstance(item, dict) else None
        if not isinstance(name, str) or not name.strip() or len(name) > 200 or \
                not isinstance(content, str):
            return (name, None), _("Each file needs a name (at most 200 characters) and its "
                                   "content in base64.")
        try:
            return (name.strip(), base64.b64decode(content, validate=True)), None
        except (binascii.Error, ValueError):
            return (name, None), _("The content of %s is not valid base64.") % name

    @api.constrains('attachment_ids')
    def _check_attachments(self):
        for letter in self:
            for attachment in letter.sudo().attachment_ids:
                error = self._attachment_error(attachment.datas_fname or attachment.name,
                                               attachment.file_size or 0)
                if error:
                    raise ValidationError(error)

    # ------------------------------------------------------------------
    # Query codes: the writer's key to the letter without an account
    # ------------------------------------------------------------------

    @api.model
    def _new_query_code(self):
        """A new 8-character query code and the value stored for it: only
        its salted hash."""
        code = ''.join(secrets.choice(QUERY_CODE_ALPHABET) for _i in range(QUERY_CODE_LENGTH))
        salt = os.urandom(16).hex()
        return code, '%s$%s' % (salt, hashlib.sha256((salt + code).encode()).hexdigest())

    @api.multi
    def _generate_query_code(self):
        """A new query code for this letter, replacing the previous one."""
        self.ensure_one()
        code, digest = self._new_query_code()
        self.sudo().write({'query_code_digest': digest})
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

    # ------------------------------------------------------------------
    # Possible duplicates (5.3.2 c)
    # ------------------------------------------------------------------

    @api.depends('duplicate_match_ids.candidate_id')
    def _compute_duplicate_candidate_ids(self):
        for letter in self:
            letter.duplicate_candidate_ids = letter.duplicate_match_ids.mapped('candidate_id')

    def _search_duplicate_candidate_ids(self, operator, value):
        return [('duplicate_match_ids.candidate_id', operator, value)]

    @api.model
    def _duplicate_settings(self):
        """(window in days, similarity threshold): settings
        gov_letter.duplicate_window_days and gov_letter.duplicate_similarity
        (0 to 1, of :func:`signature_similarity`)."""
        params = self.env['ir.config_parameter'].sudo()
        days = int(params.get_param('gov_letter.duplicate_window_days', '90') or 90)
        threshold = float(self.env.context.get('gov_letter_duplicate_similarity') or params.get_param(
            'gov_letter.duplicate_similarity', '0.25') or 0.25)
        return days, threshold

    @api.model
    def _duplicate_candidates(self, values, exclude_id, days):
        """5.3.2 c): the earlier letters within the window that a letter of
        ``values`` (title, content, date_received, partner_id, writer_phone,
        writer_id_number) may repeat, received within ``days`` before it, to
        be judged by :meth:`_duplicate_matches`: rows (id, title, content,
        type, same writer).

        One query, a branch per criterion, each read from its index
        (:meth:`init`) and cut at DUPLICATE_LIMIT: the same writer's
        (account, phone or ID number), latest first, and those whose titles
        are nearest the new one's (pg_trgm, at least DUPLICATE_RETRIEVAL
        alike).  No other letter is read, however many the window holds."""
        params = {'id': exclude_id, 'days': days,
                  'received': fields.Datetime.from_string(values['date_received']),
                  'partner': values.get('partner_id') or None,
                  'title': (values.get('title') or '').strip(),
                  'phone': re.sub(r'[^0-9]', '', values.get('writer_phone') or ''),
                  'id_number': (values.get('writer_id_number') or '').strip().upper()}
        latest = 'date_received DESC, id DESC'
        conditions = [('title %% %(title)s', 'title <-> %(title)s', False, params['title']),
                      ('partner_id = %(partner)s', latest, True, params['partner']),
                      (DUPLICATE_PHONE + ' = %(phone)s', latest, True, params['phone']),
                      ('upper(writer_id_number) = %(id_number)s', latest, True, params['id_number'])]
        branches = ' UNION ALL '.join("""
            (SELECT id, {writer} AS writer FROM gov_letter
              WHERE {condition} AND id != %(id)s AND date_received <= %(received)s
                AND date_received >= %(received)s - make_interval(days => %(days)s)
              ORDER BY {order} LIMIT {limit})""".format(
            condition=condition, order=order, writer=writer,
            limit=DUPLICATE_LIMIT) for condition, order, writer, value in conditions if value)
        if not branches:  # a blank title, no writer: nothing to compare
            return []
        self._set_title_retrieval()
        self.env.cr.execute("""
            SELECT letter.id, letter.title, letter.content, letter.letter_type, bool_or(candidate.writer)
              FROM ({branches}) AS candidate JOIN gov_letter letter ON letter.id = candidate.id
             GROUP BY letter.id""".format(branches=branches), params)
        return self.env.cr.fetchall()

    @api.model
    def _set_title_retrieval(self):
        """The % operator of pg_trgm (on the titles' index) from now on in
        this transaction: similarity() >= DUPLICATE_RETRIEVAL."""
        self.env.cr.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, true)",
                            (repr(DUPLICATE_RETRIEVAL),))

    @api.model
    def _duplicate_matches(self, values, exclude_id=0):
        """5.3.2 c): the earlier letters about the same matter as a letter
        of ``values`` (:meth:`_duplicate_candidates`, judged by
        :func:`is_same_matter`), the most similar first: values of
        gov.letter.duplicate."""
        days, threshold = self._duplicate_settings()
        new = (values.get('title') or '', values.get('content') or '')
        matches = []
        question = (values.get('letter_type') or 'consultation') == 'consultation'
        signed = signature(new)
        for candidate_id, title, content, letter_type, same_writer in self._duplicate_candidates(
                values, exclude_id, days):
            earlier = (title or '', content or '')
            similarity = signature_similarity(signed, signature(earlier))
            questions = question and letter_type == 'consultation'
            if is_same_matter(new, earlier, similarity, threshold, same_writer, questions):
                matches.append({'candidate_id': candidate_id, 'same_writer': same_writer,
                                'similarity': int(round(similarity * 100))})
        matches.sort(key=lambda match: (-match['similarity'], -match['candidate_id']))
        return matches[:DUPLICATE_LIMIT]

    @api.multi
    def _store_duplicate_matches(self, matches):
        """Store the possible originals ``matches`` of this letter (the
        system's finding: no user writes them), up to DUPLICATE_LIMIT rows,
        in one INSERT: it is part of every intake."""
        self.ensure_one()
        if not matches:
            return
        rows = [(self.id, match['candidate_id'], match['similarity'], match['same_writer'])
                for match in matches]
        self.env.cr.execute("""
            INSERT INTO gov_letter_duplicate (letter_id, candidate_id, similarity, same_writer)
            SELECT * FROM unnest(%s::int[], %s::int[], %s::int[], %s::bool[])
        """, [list(column) for column in zip(*rows, strict=True)])
        self.invalidate_cache(['duplicate_match_ids', 'duplicate_candidate_ids'], self.ids)

    @api.multi
    def _detect_duplicates(self):
        """Look again for the earlier letters these may repeat (as
        :meth:`_duplicate_matches`; new letters are looked at on creation)."""
        for letter in self.sudo():
            matches = self._duplicate_matches({
                'title': letter.title, 'content': letter.content, 'letter_type': letter.letter_type,
                'date_received': letter.date_received, 'partner_id': letter.partner_id.id,
                'writer_phone': letter.writer_phone, 'writer_id_number': letter.writer_id_number,
            }, exclude_id=letter.id)
            letter.duplicate_match_ids.unlink()
            letter._store_duplicate_matches(matches)
            if matches or letter.is_possible_duplicate:
                letter._transition().write({'is_possible_duplicate': bool(matches)})
