from . import controllers
from . import models
from . import wizard
from .api import read_api_bodies_as_json
from .models.ir_http_outage import guard_database_outages
from .models.ir_http_security import harden_session_cookie
from .models.ir_http_session import store_sessions_in_postgresql
from .models.mail_template_cache import cache_compiled_templates


def post_load():
    """The manifest's post_load hook: patches of odoo.http and of
    mail.template's rendering, each guarded and idempotent, each documented
    where it is defined."""
    harden_session_cookie()
    store_sessions_in_postgresql()
    guard_database_outages()
    read_api_bodies_as_json()
    cache_compiled_templates()
