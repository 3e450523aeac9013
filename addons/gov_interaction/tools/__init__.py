# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The features' shared toolbox, each piece once: the XLSX writer and its
download (xlsx, export), redaction of personal data (redaction), local time
in the calendar's time zone (local_time), result chart rows (charts), the
plain text of HTML fields (html_text) and the demo citizens (demo_citizens)."""
from .charts import chart_rows
from .demo_citizens import demo_citizens
from .html_text import html_text
from .export import readable, refused, xlsx_file_response, xlsx_response
from .local_time import (
    local_date,
    local_moment,
    local_time,
    local_today,
    local_tz,
    utc_day_start,
    utc_of_local,
    utc_year_bounds,
)
from .redaction import REDACTED, redact
from .xlsx import STYLES, TEXT_ONLY, XLSX_MIMETYPE, Cell, Progress, Row, write_xlsx, xlsx_bytes
