# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import survey_survey
from . import survey_survey_export
from . import survey_user_input
from . import survey_user_input_line
from . import gov_interaction_column
from . import survey_survey_column_feed
