# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import gov_letter
from . import gov_letter_statistics
from . import gov_letter_statistics_public
from . import gov_department
from . import gov_calendar
from . import res_users
