# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import secrets
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

TOKEN_PREFIX = 'gov_'
# Recording every use would write on every API call.
LAST_USED_PRECISION = timedelta(minutes=1)


def _digest(token):
    return hashlib.sha256(token.encode('utf-8')).hexdigest()


class GovApiToken(models.Model):
    """A revocable personal access token for the JSON API (4.1.4).

    Only a SHA-256 digest is stored; the token itself is shown once.
    """

    _name = 'gov.api.token'
    _description = 'Personal API Token'
    _order = 'create_date desc'

    name = fields.Char('Label', required=True, help="Where the token is used, e.g. the WeChat mini-program.")
    user_id = fields.Many2one('res.users', required=True, ondelete='cascade', index=True,
                              default=lambda self: self.env.user, readonly=True)
    token_digest = fields.Char(required=True, readonly=True, index=True, copy=False)
    hint = fields.Char('Token Start', readonly=True, help="The first characters, to recognise the token.")
    last_used = fields.Datetime(readonly=True)
    expires = fields.Datetime('Expires On', help="Empty: until revoked.")
    active = fields.Boolean(default=True, help="Revoked tokens are archived.")

    _sql_constraints = [
        ('digest_unique', 'unique(token_digest)', 'Token collision.'),
    ]

    @api.constrains('expires')
    def _check_expires(self):
        now = fields.Datetime.now()
        if any(token.expires and token.expires <= now for token in self):
            raise ValidationError(_("The expiry date must be in the future."))

    @api.multi
    def write(self, vals):
        # The owner, digest and usage identify the credential: users may only
        # rename and revoke, and a revoked token stays revoked.
        if not self.env.user._is_superuser() and (set(vals) - {'name', 'active'} or vals.get('active')):
            raise AccessError(_("A token can only be renamed or revoked."))
        return super(GovApiToken, self).write(vals)

    @api.model
    def generate(self, name, expires=False):
        """Create a token for the current user; returns (record, token)."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        record = self.create({
            'name': name, 'expires': expires,
            'token_digest': _digest(token), 'hint': token[:len(TOKEN_PREFIX) + 4],
        })
        return record, token

    @api.multi
    def revoke(self):
        return self.write({'active': False})

    @api.model
    def _authenticate(self, token):
        """The user a valid token belongs to, or an empty recordset."""
        if not token or not token.startswith(TOKEN_PREFIX):
            return self.env['res.users']
        now = fields.Datetime.now()
        record = self.sudo().search([('token_digest', '=', _digest(token))], limit=1)
        if not record or (record.expires and record.expires < now) or not record.user_id.active:
            return self.env['res.users']
        recently = fields.Datetime.to_string(fields.Datetime.from_string(now) - LAST_USED_PRECISION)
        if not record.last_used or record.last_used < recently:
            record.last_used = now
        return record.user_id
