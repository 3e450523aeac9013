# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_sla
from . import test_i18n
from . import test_export_formulas
from . import test_supervision_workflow_guard
from . import test_public_surface
