from . import controllers
from . import models
from . import wizard
from .models.ir_http_security import harden_session_cookie  # noqa: F401  (post_load)
