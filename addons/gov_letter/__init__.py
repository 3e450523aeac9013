from . import controllers
from . import models
from . import wizard
from . import demo_generators
