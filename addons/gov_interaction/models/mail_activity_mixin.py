# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class MailActivityMixin(models.AbstractModel):
    _inherit = 'mail.activity.mixin'

    @api.multi
    def activity_schedule(self, act_type_xmlid='', date_deadline=None, summary='', note='', **values):
        """One activity per record: the helper Odoo 12 added to this mixin,
        with its signature, so that our addons share it and drop it when
        ported.  The type is an XML id or ``activity_type_id`` in ``values``;
        the deadline defaults to today."""
        if act_type_xmlid:
            values['activity_type_id'] = self.env.ref(act_type_xmlid).id
        model_id = self.env['ir.model']._get(self._name).id
        activities = self.env['mail.activity']
        for record in self:
            activities |= activities.create(dict(
                values, res_model_id=model_id, res_id=record.id, summary=summary, note=note,
                date_deadline=date_deadline or fields.Date.context_today(record)))
        return activities

    @api.multi
    def activity_feedback(self, act_type_xmlids, feedback=None):
        """Mark the records' activities of these types done: Odoo 12's
        counterpart of :meth:`activity_schedule`, with its signature."""
        types = self.env['mail.activity.type']
        for xmlid in act_type_xmlids:
            types |= self.env.ref(xmlid)
        activities = self.mapped('activity_ids').filtered(lambda a: a.activity_type_id in types)
        return activities.action_feedback(feedback)
