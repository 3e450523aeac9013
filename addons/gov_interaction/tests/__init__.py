from . import test_departments
from . import test_roles
from . import test_channel
from . import test_i18n
from . import test_api
from . import test_working_days
from . import test_throttle
from . import test_rpc_errors
