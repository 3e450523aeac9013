from . import test_concern
from . import test_concern_push
from . import test_i18n
