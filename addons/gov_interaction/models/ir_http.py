# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import werkzeug.exceptions

from odoo import models

from ..controllers import api


class IrHttp(models.AbstractModel):
    _inherit = 'ir.http'

    @classmethod
    def _dispatch(cls):
        # Under /api/ an unknown path or method is a JSON error, not the
        # website's language redirects and HTML 404 page.
        if api.is_api_request():
            try:
                cls._find_handler()
            except werkzeug.exceptions.HTTPException as error:
                return cls._handle_exception(error)
        return super(IrHttp, cls)._dispatch()

    @classmethod
    def _handle_exception(cls, exception):
        if api.is_api_request():
            return api.error_response(exception)
        return super(IrHttp, cls)._handle_exception(exception)
