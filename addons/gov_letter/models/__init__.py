from . import gov_letter_category
from . import gov_letter_sla_policy
from . import gov_letter_routing_rule
from . import gov_letter
from . import gov_letter_identity_access
from . import gov_interaction_column
from . import mail_mail
