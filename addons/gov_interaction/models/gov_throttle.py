# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import api, fields, models

# scope: (setting of its limit, default limit); one window for all.
SCOPES = {
    'login': ('gov_interaction.login_max_per_account', 5),
    'login_address': ('gov_interaction.login_max_per_address', 30),
    'letter_query': ('gov_interaction.query_max_per_letter', 10),
    'letter_query_address': ('gov_interaction.query_max_per_address', 100),
}
WINDOW_PARAM, WINDOW_MINUTES = 'gov_interaction.throttle_window_minutes', 15


class GovThrottle(models.Model):
    """Failed attempts (sign-in, query codes) in a sliding window, by
    account or letter and by client address, kept in PostgreSQL: every
    worker and every server on the database counts the same attempts, and
    a restart forgets nothing.  Written on a cursor of its own, so that the
    failed request's rollback keeps the count."""

    _name = 'gov.throttle'
    _description = 'Failed Attempt'
    _log_access = False
    _order = 'failed_at desc, id desc'

    scope = fields.Char(required=True, readonly=True)
    key = fields.Char(required=True, readonly=True)
    failed_at = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS gov_throttle_scope_key_failed_at
            ON gov_throttle (scope, key, failed_at DESC)
        """)

    @api.model
    def _limits(self, scope):
        """(max failures, window in seconds) of ``scope``: settings."""
        params = self.env['ir.config_parameter'].sudo()
        param, default = SCOPES[scope]
        limit = int(params.get_param(param, default) or default)
        minutes = int(params.get_param(WINDOW_PARAM, WINDOW_MINUTES) or WINDOW_MINUTES)
        return limit, minutes * 60

    @staticmethod
    def _clean(keys):
        return [(scope, (key or '').strip().lower()) for scope, key in keys if key]

    @api.model
    def retry_after(self, keys):
        """Seconds to wait before another attempt on any of ``keys``
        (``[(scope, key)]``); 0 if allowed now.  Read on a cursor of its own:
        the caller's snapshot may predate other workers' failures."""
        wait = 0
        with self.pool.cursor() as cr:
            for scope, key in self._clean(keys):
                limit, window = self._limits(scope)
                cr.execute("""
                    SELECT EXTRACT(EPOCH FROM failed_at + %(window)s * interval '1 second'
                                              - (now() at time zone 'UTC'))
                      FROM gov_throttle
                     WHERE scope = %(scope)s AND key = %(key)s
                       AND failed_at > (now() at time zone 'UTC') - %(window)s * interval '1 second'
                     ORDER BY failed_at DESC OFFSET %(offset)s LIMIT 1
                """, {'scope': scope, 'key': key, 'window': window, 'offset': limit - 1})
                row = cr.fetchone()
                if row:
                    wait = max(wait, int(math.ceil(row[0])))
        return wait

    @api.model
    def failed(self, keys):
        """Count a failure on each of ``keys``, whatever becomes of the
        current transaction; forget what left the window."""
        keys = self._clean(keys)
        with self.pool.cursor() as cr:
            for scope, key in keys:
                _limit, window = self._limits(scope)
                cr.execute("""
                    DELETE FROM gov_throttle WHERE scope = %s AND key = %s
                       AND failed_at <= (now() at time zone 'UTC') - %s * interval '1 second';
                    INSERT INTO gov_throttle (scope, key, failed_at)
                    VALUES (%s, %s, now() at time zone 'UTC')
                """, (scope, key, window, scope, key))

    @api.model
    def record(self, keys, success):
        """The outcome of an attempt on ``keys`` (the account or letter
        first, then the address): a success forgets the failures of the
        first key, not those of the address; a failure counts on each."""
        if not success:
            self.failed(keys)
            return
        with self.pool.cursor() as cr:
            for scope, key in self._clean(keys[:1]):
                cr.execute("DELETE FROM gov_throttle WHERE scope = %s AND key = %s", (scope, key))
