from . import main
from . import bus
from . import api
from . import compliance
