# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import secrets

from werkzeug.urls import url_parse

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .gov_concern import _param_int
from .gov_concern_delivery import post


def _new_secret(*_args):
    # Also the field's default, called with the model.
    return secrets.token_hex(32)


class GovConcernChannel(models.Model):
    """A media endpoint (a newspaper's or broadcaster's system, a new-media
    account's back end) that receives each published statement and update
    as a signed JSON POST (5.4.3)."""

    _name = 'gov.concern.channel'
    _description = 'Media Channel'
    _order = 'name, id'

    name = fields.Char(required=True)
    url = fields.Char('Endpoint URL', required=True, help="HTTPS address that receives the JSON POST.")
    secret = fields.Char(
        required=True, copy=False, default=_new_secret, groups='gov_interaction.group_gov_admin',
        help="Shared with the medium: each request carries X-Gov-Signature, the HMAC-SHA256 "
             "of the timestamp, a dot and the body with this secret.")
    active = fields.Boolean(default=True)
    note = fields.Text(help="Who runs the endpoint and whom to call when it fails.")
    last_test = fields.Char(readonly=True, copy=False,
                            help="The result of the last Send Test (a signed \"ping\" event).")
    delivery_ids = fields.One2many('gov.concern.delivery', 'channel_id', 'Deliveries')
    pending_count = fields.Integer('Pending', compute='_compute_counts')
    failed_count = fields.Integer('Failed', compute='_compute_counts')
    done_count = fields.Integer('Delivered', compute='_compute_counts')

    @api.multi
    def _compute_counts(self):
        groups = self.env['gov.concern.delivery'].read_group(
            [('channel_id', 'in', self.ids)], ['channel_id', 'state'], ['channel_id', 'state'], lazy=False)
        counts = {(g['channel_id'][0], g['state']): g['__count'] for g in groups}
        for channel in self:
            channel.pending_count = counts.get((channel.id, 'pending'), 0)
            channel.failed_count = counts.get((channel.id, 'failed'), 0)
            channel.done_count = counts.get((channel.id, 'done'), 0)

    @api.constrains('url')
    def _check_url(self):
        for channel in self:
            parsed = url_parse((channel.url or '').strip())
            if parsed.scheme not in ('http', 'https') or not parsed.host:
                raise ValidationError(_("The endpoint must be an http:// or https:// address."))

    @api.multi
    def action_new_secret(self):
        self.write({'secret': _new_secret()})
        return True

    @api.multi
    def action_send_test(self):
        """POST a signed ``ping`` event now, so that the medium can check
        its endpoint and signature verification; the result is kept."""
        timeout = _param_int(self.env, 'gov_concern.webhook_timeout', 5)
        for channel in self:
            body = json.dumps({'event': 'ping', 'channel': channel.name}, ensure_ascii=False).encode('utf-8')
            code, error = post(channel.url, channel.secret, 'ping', 0, body, timeout)
            moment = self.env['gov.concern']._local(fields.Datetime.now())
            result = error or _("Delivered (HTTP %s).") % code
            channel.last_test = '%s %s' % (moment, result)
        return True

    @api.multi
    def action_view_deliveries(self):
        self.ensure_one()
        action = self.env.ref('gov_concern.action_gov_concern_delivery').read()[0]
        action['domain'] = [('channel_id', '=', self.id)]
        return action
