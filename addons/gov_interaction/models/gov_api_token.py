# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import secrets

from odoo import api, fields, models

TOKEN_PREFIX = 'gov_'


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
        self.write({'active': False})

    @api.model
    def _authenticate(self, token):
        """The user a valid token belongs to, or an empty recordset."""
        if not token or not token.startswith(TOKEN_PREFIX):
            return self.env['res.users']
        now = fields.Datetime.now()
        record = self.sudo().search([('token_digest', '=', _digest(token))], limit=1)
        if not record or (record.expires and record.expires < now) or not record.user_id.active:
            return self.env['res.users']
        record.last_used = now
        return record.user_id
