from . import api
from . import elder_mode
from . import main
from . import portal
from . import staff_login
