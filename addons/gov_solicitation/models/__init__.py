# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import gov_solicitation
from . import gov_solicitation_export
from . import gov_solicitation_category
from . import gov_solicitation_opinion
from . import gov_interaction_column
from . import gov_solicitation_column_feed
