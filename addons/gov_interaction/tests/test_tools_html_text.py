# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase
from odoo.tools import html_sanitize

from ..tools import html_text


class TestHtmlText(TransactionCase):
    """The words of an HTML field (tools/html_text.py)."""

    def test_blank_markup_is_no_text_and_no_traceback(self):
        # What the sanitizer leaves of an emptied editor: a bare newline,
        # on which Odoo 11's html2plaintext raises AttributeError.
        for html in (None, False, '', '   ', html_sanitize('<div>\n</div>'), '<p><br></p>',
                     '<p>&nbsp;</p>', '<div></div>'):
            self.assertEqual(html_text(html), '', repr(html))

    def test_words_kept_markup_dropped(self):
        self.assertEqual(html_text('<p>路灯已<b>修复</b>。</p>\n'), '路灯已*修复*。')
        self.assertEqual(html_text('  plain words  '), 'plain words')
