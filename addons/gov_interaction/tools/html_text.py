# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The words of an HTML field as plain text, stripped.  Odoo 11's
html2plaintext raises AttributeError on markup without an element, which
is what the sanitizer leaves of an "empty" editor field such as
``<div>\\n</div>`` (a bare newline): a reply, statement or analysis made of
whitespace would otherwise end in a traceback instead of "write it"."""
from odoo.tools import html2plaintext


def html_text(html):
    """Plain text of ``html`` ('' for none, blank or element-less markup)."""
    if not html or not html.strip() or '<' not in html:
        return (html or '').strip()
    return html2plaintext(html).strip()
