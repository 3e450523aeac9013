from . import test_letter
from . import test_i18n
