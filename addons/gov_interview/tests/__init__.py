from . import test_interview
from . import test_plan
from . import test_i18n
from . import test_public_links
from . import test_export_formulas
from . import test_interview_workflow_guard
from . import test_public_surface
from . import test_bus_pool
