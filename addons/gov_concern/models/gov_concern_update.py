# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from .gov_concern import _iso_utc, _text

LOCKED_FIELDS = {'concern_id', 'date', 'title', 'body'}


class GovConcernUpdate(models.Model):
    """A follow-up update on a public concern as things develop (5.4.1),
    shown in its timeline, newest first, and pushed to the media (5.4.3)."""

    _name = 'gov.concern.update'
    _inherit = ['gov.workflow.mixin']
    _description = 'Public Concern Update'
    _order = 'date desc, id desc'
    _rec_name = 'title'
    # Published by action_publish only (gov.workflow.mixin): in the timeline
    # and pushed to the media (5.4.1, 5.4.3).
    _workflow_fields = ('state', 'date_published')

    concern_id = fields.Many2one('gov.concern', required=True, index=True,
                                 ondelete='cascade')
    date = fields.Datetime(required=True, default=fields.Datetime.now,
                           help="When the development happened; the timeline is ordered by it.")
    title = fields.Char('Headline', required=True)
    body = fields.Html(required=True, sanitize=True)
    state = fields.Selection([
        ('draft', 'Draft'),
        ('published', 'Published'),
    ], required=True, default='draft', readonly=True, copy=False, index=True)
    date_published = fields.Datetime(readonly=True, copy=False)

    @api.model
    def create(self, vals):
        concern = self.env['gov.concern'].browse(vals.get('concern_id'))
        if concern.exists() and concern.state == 'closed':
            raise UserError(_("“%s” is closed: reopen it to add an update.") % concern.title)
        if concern.exists():
            concern._require_department_user()
        return super(GovConcernUpdate, self).create(vals)

    @api.multi
    def write(self, vals):
        if LOCKED_FIELDS & set(vals) and any(update.state == 'published' for update in self):
            raise UserError(_("A published update is not changed: publish another update."))
        return super(GovConcernUpdate, self).write(vals)

    @api.multi
    def unlink(self):
        if any(update.state == 'published' for update in self):
            raise UserError(_("A published update stays in the timeline."))
        return super(GovConcernUpdate, self).unlink()

    @api.multi
    def action_publish(self):
        """Publish the update in the timeline and push it to the media."""
        now = fields.Datetime.now()
        for update in self:
            concern = update.concern_id
            if update.state != 'draft':
                raise UserError(_("The update “%s” is already published.") % update.title)
            if concern.state != 'published':
                raise UserError(_("Updates are published while the concern is published: "
                                  "publish the statement of “%s” first, or reopen it.") % concern.title)
            concern._require_publisher()
            if not _text(update.body):
                raise UserError(_("Write the update “%s” first.") % update.title)
            if update.date > now:
                raise UserError(_("The update “%s” is dated in the future.") % update.title)
            update.sudo()._transition().write({'state': 'published', 'date_published': now})
            # The headline is plain text: into the chatter's HTML escaped.
            concern.message_post(body=_('Update published: %s') % html_escape(update.title),
                                 subtype='mail.mt_note')
            concern.sudo().activity_feedback(['gov_concern.mail_activity_type_update'])
            self.env['gov.concern.delivery'].sudo()._queue(concern, update)
        return True

    @api.multi
    def _public_data(self):
        self.ensure_one()
        update = self.sudo()
        return {
            'id': update.id,
            'title': update.title,
            'date': _iso_utc(update.date),
            'html': update.body or '',
            'text': _text(update.body),
            'url': update.concern_id._absolute_url('update-%s' % update.id),
        }
