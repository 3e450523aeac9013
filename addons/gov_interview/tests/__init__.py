from . import test_interview
from . import test_plan
from . import test_i18n
