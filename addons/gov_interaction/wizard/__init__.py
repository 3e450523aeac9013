from . import gov_calendar_holiday_wizard
from . import gov_api_token_wizard
from . import mail_compose_message
