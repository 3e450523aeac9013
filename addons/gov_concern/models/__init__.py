from . import gov_concern
from . import gov_concern_update
from . import gov_concern_channel
from . import gov_concern_delivery
from . import gov_interaction_column
from . import res_config_settings
