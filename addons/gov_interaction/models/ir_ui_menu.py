# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import copy
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.safe_eval import safe_eval

from ..tools.local_time import local_today, utc_day_start

# The context key of a window action whose menu shows counters: the name of
# the deadline field (due today, overdue), or True for a plain count.
COUNTER_KEY = 'gov_counter'


class IrUiMenu(models.Model):
    """Counters on the queues' menus (issue 16): "待办来信（今日到期 2，
    逾期 3）".  A window action asks for them with ``gov_counter`` in its
    context; they are counted for the user, on every load of the menus."""

    _inherit = 'ir.ui.menu'

    @api.model
    def load_menus(self, debug):
        menus = super(IrUiMenu, self).load_menus(debug)
        labels = self._gov_counter_labels(menus)
        if not labels:
            return menus
        menus = copy.deepcopy(menus)  # the cached tree is shared
        stack = [menus]
        while stack:
            node = stack.pop()
            if node.get('id') in labels:
                node['name'] = labels[node['id']]
            stack.extend(node.get('children') or [])
        return menus

    @api.model
    def _gov_counter_labels(self, menus):
        """{menu id: its name with its counters} of the counted menus."""
        actions, stack = {}, [menus]
        while stack:
            node = stack.pop()
            action = node.get('action') or ''
            if action.startswith('ir.actions.act_window,'):
                actions[node['id']] = (node['name'], int(action.split(',')[1]))
            stack.extend(node.get('children') or [])
        windows = self.env['ir.actions.act_window'].sudo().browse(
            {action_id for _name, action_id in actions.values()})
        counted = {window.id: window for window in windows.exists() if COUNTER_KEY in (window.context or '')}
        return {menu_id: self._gov_counter_label(name, counted[action_id])
                for menu_id, (name, action_id) in actions.items() if action_id in counted}

    @api.model
    def _gov_counter_label(self, name, window):
        try:
            values = {'uid': self.env.uid, 'context': {}}
            deadline = safe_eval(window.context, values).get(COUNTER_KEY)
            domain = safe_eval(window.domain or '[]', values)
            counts = self._gov_queue_counts(self.env[window.res_model], domain, deadline)
        except AccessError:
            return name
        if len(counts) == 1:
            return _('%(name)s (%(count)s)') % {'name': name, 'count': counts[0]}
        return _('%(name)s (due today %(today)s, overdue %(overdue)s)') % {
            'name': name, 'today': counts[0], 'overdue': counts[1]}


    @api.model
    def _gov_queue_counts(self, model, domain, deadline):
        """(due today, overdue) of the records of ``domain`` by their
        datetime field ``deadline``; (count,) without one."""
        if not isinstance(deadline, str):
            return (model.search_count(domain),)
        now = fields.Datetime.now()
        tomorrow = fields.Datetime.to_string(
            utc_day_start(self.env, local_today(self.env) + datetime.timedelta(days=1)))
        today = model.search_count(domain + [(deadline, '>=', now), (deadline, '<', tomorrow)])
        overdue = model.search_count(domain + [(deadline, '<', now)])
        return (today, overdue)
