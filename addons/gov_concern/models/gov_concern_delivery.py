# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Media push (5.4.3): one delivery per channel and published item, sent as a
signed JSON POST after the publication is committed, retried with
exponential back-off by a cron.  Publication only queues: an endpoint that
fails or hangs never blocks or rolls it back."""
import datetime
import hashlib
import hmac
import logging
import threading
import time

import requests

import odoo
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError

from .gov_concern import MANAGER_GROUPS, _param_int

_logger = logging.getLogger(__name__)

USER_AGENT = 'gov-interaction-concern-push/1.0'
MAX_BACKOFF = 12 * 3600
ERROR_LENGTH = 500


def signature(secret, timestamp, body):
    """``sha256=`` and the hex HMAC-SHA256 of ``timestamp.body`` with ``secret``:
    the timestamp is signed too, so a captured request cannot be replayed
    later with a fresh one."""
    message = str(timestamp).encode() + b'.' + body
    return 'sha256=' + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def post(url, secret, event, delivery_id, body, timeout):
    """POST the JSON ``body`` signed with ``secret``: (HTTP status or 0,
    None or the error, in words)."""
    timestamp = int(time.time())
    headers = {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': USER_AGENT,
        'X-Gov-Event': event,
        'X-Gov-Delivery': str(delivery_id),
        'X-Gov-Timestamp': str(timestamp),
        'X-Gov-Signature': signature(secret, timestamp, body),
    }
    try:
        response = requests.post(url, data=body, headers=headers, timeout=timeout, allow_redirects=False)
    except requests.Timeout:
        return 0, _("No answer within %s seconds.") % timeout
    except requests.RequestException as exception:
        return 0, _("Could not connect: %s") % exception
    if 200 <= response.status_code < 300:
        return response.status_code, None
    return response.status_code, _("The endpoint answered HTTP %(code)s: %(text)s") % {
        'code': response.status_code, 'text': (response.text or '')[:200]}


def _send_in_new_cursor(dbname, ids):
    """Send the deliveries ``ids`` from a thread, in its own transaction."""
    try:
        with api.Environment.manage(), odoo.registry(dbname).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env['gov.concern.delivery'].browse(ids)._send(commit=True)
    except Exception:  # the cron sends what is left
        _logger.exception("Media push: immediate delivery failed; the cron retries")


class GovConcernDelivery(models.Model):
    """The delivery log: one row per channel and published item."""

    _name = 'gov.concern.delivery'
    _description = 'Media Delivery'
    _order = 'id desc'
    _rec_name = 'item_key'

    channel_id = fields.Many2one('gov.concern.channel', required=True, index=True,
                                 ondelete='cascade', readonly=True)
    concern_id = fields.Many2one('gov.concern', required=True, index=True,
                                 ondelete='cascade', readonly=True)
    update_id = fields.Many2one('gov.concern.update', ondelete='cascade', readonly=True)
    event = fields.Selection([
        ('statement', 'Statement'),
        ('update', 'Update'),
    ], required=True, readonly=True)
    item_key = fields.Char('Item', required=True, readonly=True)
    payload = fields.Text(readonly=True, help="The JSON body, exactly as sent.")
    state = fields.Selection([
        ('pending', 'Pending'),
        ('done', 'Delivered'),
        ('failed', 'Failed'),
    ], required=True, default='pending', readonly=True, index=True)
    attempts = fields.Integer(readonly=True)
    next_attempt = fields.Datetime(readonly=True, index=True)
    date_done = fields.Datetime('Delivered On', readonly=True)
    last_error = fields.Text(readonly=True)
    response_code = fields.Integer(readonly=True)

    _sql_constraints = [
        ('item_unique', 'unique(channel_id, item_key)',
         'Each item is delivered once per channel.'),
    ]

    @api.model
    def _queue(self, concern, update=None):
        """Queue the statement of ``concern`` (or its ``update``) for every
        active channel; sent right after the commit, else by the cron."""
        channels = self.env['gov.concern.channel'].sudo().search([('active', '=', True)])
        if not channels:
            return self.browse()
        payload = concern._push_payload(update)
        key = 'update-%s' % update.id if update else 'statement-%s' % concern.id
        now = fields.Datetime.now()
        deliveries = self.browse()
        for channel in channels:
            deliveries |= self.create({
                'channel_id': channel.id,
                'concern_id': concern.id,
                'update_id': update.id if update else False,
                'event': 'update' if update else 'statement',
                'item_key': key,
                'payload': payload,
                'next_attempt': now,
            })
        deliveries._send_after_commit()
        return deliveries

    @api.multi
    def _send_after_commit(self):
        ids, dbname = self.ids, self.env.cr.dbname

        def start():
            threading.Thread(target=_send_in_new_cursor, args=(dbname, ids),
                             name='gov_concern.push', daemon=True).start()
        if ids:
            self.env.cr.after('commit', start)

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------

    @api.model
    def _cron_send_due(self, limit=100, time_budget=50):
        """Send the deliveries whose attempt is due, committing each."""
        self._send_due(limit=limit, time_budget=time_budget, commit=True)

    @api.model
    def _send_due(self, limit=100, time_budget=None, commit=False):
        due = self.search([('state', '=', 'pending'), ('next_attempt', '<=', fields.Datetime.now()),
                           ('channel_id.active', '=', True)], order='next_attempt, id', limit=limit)
        return due._send(commit=commit, time_budget=time_budget)

    @api.multi
    def _send(self, commit=False, time_budget=None):
        """Attempt each pending delivery once.  Each row is locked while it
        is sent (another worker skips it), and with ``commit`` its result
        is committed at once."""
        started = time.monotonic()
        sent = self.browse()
        for delivery_id in self.ids:
            if time_budget and time.monotonic() - started > time_budget:
                break
            self.env.cr.execute("""
                SELECT id FROM gov_concern_delivery
                 WHERE id = %s AND state = 'pending'
                   FOR UPDATE SKIP LOCKED""", (delivery_id,))
            if not self.env.cr.fetchone():
                continue
            delivery = self.browse(delivery_id)
            if not delivery.channel_id.active:
                continue  # switched off meanwhile: kept pending for when it is back
            delivery._attempt()
            sent |= delivery
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return sent

    @api.multi
    def _attempt(self):
        self.ensure_one()
        channel = self.channel_id.sudo()
        timeout = _param_int(self.env, 'gov_concern.webhook_timeout', 5)
        code, error = post(channel.url, channel.secret, 'concern.%s' % self.event, self.id,
                           (self.payload or '').encode('utf-8'), timeout)
        self._record_attempt(code, error)

    @api.multi
    def _record_attempt(self, code, error):
        """Delivered, or the next attempt after an exponential back-off, or
        given up after the maximum number of attempts."""
        self.ensure_one()
        attempts = self.attempts + 1
        values = {'attempts': attempts, 'response_code': code or False}
        if not error:
            values.update(state='done', date_done=fields.Datetime.now(), next_attempt=False,
                          last_error=False)
        else:
            values['last_error'] = error[:ERROR_LENGTH]
            if attempts >= _param_int(self.env, 'gov_concern.webhook_max_attempts', 8):
                values.update(state='failed', next_attempt=False)
                _logger.warning("Media push to %s gave up after %s attempts: %s",
                                self.channel_id.name, attempts, error)
            else:
                values['next_attempt'] = fields.Datetime.to_string(
                    datetime.datetime.utcnow() + datetime.timedelta(seconds=self._backoff(attempts)))
        self.write(values)

    @api.model
    def _backoff(self, attempts):
        """Seconds before attempt ``attempts + 1``: base, 2 × base, 4 × base, ..."""
        base = _param_int(self.env, 'gov_concern.webhook_retry_seconds', 120)
        return min(base * 2 ** (attempts - 1), MAX_BACKOFF)

    @api.multi
    def action_retry(self):
        """Try a failed or pending delivery again now (and again later if it fails)."""
        if not any(self.env.user.has_group(group) for group in MANAGER_GROUPS):
            raise UserError(_("Only clerks and supervisors retry deliveries."))
        deliveries = self.sudo().filtered(lambda d: d.state != 'done')
        deliveries.write({'state': 'pending', 'attempts': 0, 'next_attempt': fields.Datetime.now()})
        deliveries._send_after_commit()
        return True
