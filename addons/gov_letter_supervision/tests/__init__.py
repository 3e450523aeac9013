# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_letter_supervision
from . import test_i18n
from . import test_letter_rating_guard
from . import test_rating_chatter
from . import test_public_surface
from . import test_letter_statistics_public
