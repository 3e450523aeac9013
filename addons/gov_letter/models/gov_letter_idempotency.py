# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Idempotency keys of letter submissions: the ``Idempotency-Key`` header
of ``POST /api/v1/letters`` and the website form's hidden token (4.1.4,
5.3.1).

A writer who lost the answer to a submission (a server process killed,
PostgreSQL restarted, the network) sends it again with the same key and
gets the same letter back, never a second one.  The first answer is the
only one that shows the query code, and only a salted hash of the code is
kept on the letter; so the key's record keeps the code sealed with the key
itself: the database holds a hash of the key (to find the record) and the
code XOR a SHA-256 of a salt and the key.  Without the key, which only the
client has, the code cannot be read back; the key must therefore be
unguessable (16 to 128 characters; a UUID is fine).  The records are
purged after :data:`KEEP_HOURS` by the daily autovacuum.

Concurrency: the key is unique per writer (a unique index).  A second
request with a key still in use waits at the insert for the first one's
transaction; once that committed, PostgreSQL refuses the second
(serialization failure: under REPEATABLE READ it cannot see the other's
row) and Odoo runs it again, which answers the first letter.
"""
import hashlib
import json
import os
import re
from datetime import datetime, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

KEEP_HOURS = 24
KEY_PATTERN = re.compile(r'^[A-Za-z0-9._:~+/=-]{16,128}\Z')


class KeyInUse(Exception):
    """A submission with the same key is being processed right now."""


class GovLetterIdempotency(models.Model):
    _name = 'gov.letter.idempotency'
    _description = 'Letter Submission Key'
    _log_access = False

    partner_id = fields.Many2one('res.partner', required=True, ondelete='cascade')
    key_digest = fields.Char(required=True)
    request_digest = fields.Char(help="Hash of the API request body; empty for the website form.")
    letter_id = fields.Many2one('gov.letter', ondelete='cascade')
    sealed_code = fields.Char()
    created = fields.Datetime(required=True, default=fields.Datetime.now, index=True)

    _sql_constraints = [
        ('key_unique', 'unique(partner_id, key_digest)', 'This submission key was already used.'),
    ]

    @api.model
    def valid_key(self, key):
        """Whether ``key`` (a header or form value) can be used as a key."""
        return isinstance(key, str) and bool(KEY_PATTERN.match(key))

    @api.model
    def request_digest_of(self, payload):
        """A stable hash of a JSON request body."""
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(',', ':'))
        return hashlib.sha256(text.encode()).hexdigest()

    @api.model
    def _key_digest(self, partner, key):
        return hashlib.sha256(('%s:%s' % (partner.id, key)).encode()).hexdigest()

    @api.model
    def _find(self, partner, key, request_digest=None):
        """The record of ``partner``'s earlier submission with ``key``, or
        an empty recordset.  A different API body under the same key is a
        client error: it would otherwise silently get the first letter."""
        record = self.search([('partner_id', '=', partner.id),
                              ('key_digest', '=', self._key_digest(partner, key))], limit=1)
        if record and request_digest and record.request_digest != request_digest:
            raise ValidationError(_("This Idempotency-Key was already used for a different letter."))
        return record

    @api.model
    def _claim(self, partner, key, request_digest=None):
        """Reserve ``key`` for a new submission by ``partner``, in one
        statement (it is part of every intake).  While another transaction
        holds the key, this waits for it: once it committed, PostgreSQL
        refuses this one (serialization failure) and Odoo runs the request
        again, which then finds the first letter (:meth:`_find`); once it
        rolled back, the key is this one's.  Raises :class:`KeyInUse` for a
        key claimed before in this transaction."""
        self.env.cr.execute("""
            INSERT INTO gov_letter_idempotency (partner_id, key_digest, request_digest, created)
            VALUES (%s, %s, %s, now() AT TIME ZONE 'UTC')
            ON CONFLICT (partner_id, key_digest) DO NOTHING RETURNING id""",
                            (partner.id, self._key_digest(partner, key), request_digest),
                            log_exceptions=False)  # a refusal is retried, not an error
        row = self.env.cr.fetchone()
        if not row:
            raise KeyInUse()
        return self.browse(row[0])

    @api.multi
    def _remember(self, letter, code, key):
        """Tie the key to the letter it created and seal the query code."""
        salt = os.urandom(16).hex()
        self.write({'letter_id': letter.id,
                    'sealed_code': '%s$%s' % (salt, self._xor(code.encode(), salt, key).hex())})

    @api.multi
    def _unseal(self, key):
        """The query code of the first answer (``key`` opens it)."""
        self.ensure_one()
        salt, _sep, sealed = (self.sealed_code or '').partition('$')
        return self._xor(bytes.fromhex(sealed), salt, key).decode() if sealed else None

    @api.model
    def _xor(self, data, salt, key):
        pad = hashlib.sha256(('%s:%s' % (salt, key)).encode()).digest()
        return bytes(a ^ b for a, b in zip(data, pad, strict=False))

    @api.model
    def _gc_expired(self):
        """Forget the keys older than KEEP_HOURS (ir.autovacuum)."""
        limit = fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=KEEP_HOURS))
        self.search([('created', '<', limit)]).unlink()
