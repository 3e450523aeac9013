# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import werkzeug.exceptions

from odoo import _, models
from odoo.http import request

from ..api import is_api_request


class IrHttp(models.AbstractModel):
    """Hostile form input on the site: a value that PostgreSQL cannot store
    is refused before any controller reads it (the API answers its own JSON
    errors, see the api package)."""
    _inherit = 'ir.http'  # pylint: disable=consider-merging-classes-inherited

    @classmethod
    def _postprocess_args(cls, arguments, rule):
        """A form or query value with a NUL character: a 400 page (the
        site's error page), instead of a database error (500)."""
        if not is_api_request() and any(
                isinstance(value, str) and '\x00' in value for value in request.params.values()):
            return cls._handle_exception(werkzeug.exceptions.BadRequest(
                _("The form contains a NUL character, which cannot be stored; remove it and send again.")))
        return super(IrHttp, cls)._postprocess_args(arguments, rule)
