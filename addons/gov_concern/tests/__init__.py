from . import test_concern
from . import test_concern_push
from . import test_i18n
from . import test_public_links
from . import test_chatter_text
from . import test_concern_workflow_guard
from . import test_public_surface
