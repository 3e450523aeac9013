# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_survey
from . import test_i18n
from . import test_survey_access
from . import test_export_formulas
from . import test_public_surface
from . import test_survey_department_access
