from . import gov_calendar_holiday_wizard
