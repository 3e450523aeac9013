from . import gov_calendar
from . import gov_calendar_year
from . import gov_calendar_day
from . import gov_department_mixin
from . import gov_department
from . import res_users
from . import gov_interaction_column
from . import gov_api_token
