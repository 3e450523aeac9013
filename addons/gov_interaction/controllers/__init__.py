from . import api
from . import main
from . import portal
from . import staff_login
