# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import base_automation
from . import gov_sla_mixin
from . import gov_supervision
from . import gov_supervision_notice
from . import gov_supervision_notice_line
from . import gov_department
from . import res_config_settings
