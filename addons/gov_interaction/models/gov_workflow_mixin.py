# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError
from odoo.http import request

# The value that marks a write made by a workflow method.  A plain object is
# never JSON: a client cannot put it in the context of an RPC call.
_TRANSITION = object()
TRANSITION_KEY = 'gov_workflow_transition'


class GovWorkflowMixin(models.AbstractModel):
    """Workflow fields change only through the model's methods.

    A model lists in ``_workflow_fields`` (each addon extending it adds its
    own) what its buttons decide: the state,
    its dates and deadlines, review, rating and publication decisions.  Its
    methods write them through :meth:`_transition`, after checking the role
    and the state; a direct ``write`` (a form, RPC, an import) that touches
    one of them is refused, so nobody can skip a manager's review (5.3.4) or a
    supervisor's approval of an extension (5.3.5).  Code of the server itself
    (module installation, scheduled jobs, a shell) runs as the superuser
    outside any HTTP request, or while the registry loads, and is trusted.
    """

    _name = 'gov.workflow.mixin'
    _description = 'Workflow Fields Guard'
    _workflow_fields = ()

    @api.multi
    def _transition(self):
        """These records in an environment whose writes may change the
        workflow fields: for the model's own methods only."""
        return self.with_context(**{TRANSITION_KEY: _TRANSITION})

    def _workflow_write_allowed(self):
        if self.env.context.get(TRANSITION_KEY) is _TRANSITION:
            return True
        # The server's own work: outside a request, or loading modules
        # (also when installed from the Apps screen, within a request).
        return self.env.uid == SUPERUSER_ID and (not request or self.pool._init)

    @classmethod
    def _workflow_field_names(cls):
        """``_workflow_fields`` of the model and of every addon extending it."""
        names = set()
        for klass in cls.__mro__:
            names.update(klass.__dict__.get('_workflow_fields', ()))
        return names

    def _check_workflow_values(self, vals, creating=False):
        guarded = sorted(set(vals) & self._workflow_field_names())
        if guarded and creating:
            # A new record may be given what it would get anyway.
            defaults = self.default_get(guarded)
            guarded = [name for name in guarded if vals[name] != defaults.get(name, False)]
        if not guarded or self._workflow_write_allowed():
            return
        labels = ', '.join(self._fields[name].get_description(self.env)['string']
                           for name in guarded)
        raise AccessError(_("%(fields)s of %(model)s change only through the workflow's buttons, "
                            "for the roles allowed to use them.") % {
            'fields': labels, 'model': self.env['ir.model']._get(self._name).name})

    @api.model
    def create(self, vals):
        self._check_workflow_values(vals, creating=True)
        return super(GovWorkflowMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_workflow_values(vals)
        return super(GovWorkflowMixin, self).write(vals)
