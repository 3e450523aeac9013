# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo data builders (demo only): plain functions the demo XML calls
through gov.letter._demo_supervision."""
