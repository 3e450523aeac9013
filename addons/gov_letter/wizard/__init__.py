from . import gov_letter_reject_wizard
from . import gov_letter_identity_wizard
from . import gov_letter_extension_wizard
from . import gov_letter_extension_decision_wizard
from . import gov_letter_query_code_wizard
