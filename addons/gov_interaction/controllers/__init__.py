from . import api
from . import main
from . import portal
