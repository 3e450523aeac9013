from . import test_letter
from . import test_letter_extension
from . import test_letter_mail
from . import test_letter_duplicate
from . import test_letter_confidentiality
from . import test_i18n
from . import test_letter_workflow_guard
