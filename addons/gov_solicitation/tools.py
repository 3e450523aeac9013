# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers for the public result pages of solicitations and surveys:
redaction of personal data, chart rows and local times."""
import re

import pytz

from odoo import fields

SHANGHAI = pytz.timezone('Asia/Shanghai')
REDACTED = '***'

# Order matters: an ID number contains what looks like a phone number.
_PATTERNS = [
    re.compile(r'(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])'),  # 居民身份证号
    re.compile(r'(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)'),  # mobile
    re.compile(r'(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)'),  # landline with area code
    re.compile(r'[\w.+-]+@[\w-]+(?:\.[\w-]+)+'),  # email
    re.compile(r'(?<!\d)\d{9,}(?!\d)'),  # any other long number (cards, accounts)
]
# Names people give about themselves: 我叫张三, 我是李四, 姓名：王五, 联系人:赵六.
_NAME_INTRO = re.compile(r'(我叫|我是|本人|姓名[:：]?|联系人[:：]?|署名[:：]?)\s*([\u4e00-\u9fff]{2,3})')


def redact(text, names=()):
    """``text`` without phone numbers, ID numbers, emails, long numbers and
    the names that can be detected: those introduced as such, and ``names``
    (e.g. the author's account name)."""
    if not text:
        return ''
    for pattern in _PATTERNS:
        text = pattern.sub(REDACTED, text)
    text = _NAME_INTRO.sub(lambda match: match.group(1) + REDACTED, text)
    for name in names:
        if name and len(name.strip()) >= 2:
            text = text.replace(name.strip(), REDACTED)
    return text


def chart_rows(pairs, total):
    """[(label, count)] as chart rows with the percentage of ``total``
    (one decimal; 0 when there is nothing to count)."""
    rows = []
    for label, count in pairs:
        percent = round(100.0 * count / total, 1) if total else 0.0
        rows.append({'label': label, 'count': count, 'percent': percent,
                     'percent_text': '%.1f%%' % percent,
                     'value_text': '%s (%.1f%%)' % (count, percent),
                     'width': '%.1f' % (percent * 2.9)})
    return rows


def local_time(value, fmt='%Y-%m-%d %H:%M'):
    """A UTC datetime (Odoo string or datetime) as Asia/Shanghai text."""
    if not value:
        return ''
    if isinstance(value, str):
        value = fields.Datetime.from_string(value)
    return pytz.utc.localize(value).astimezone(SHANGHAI).strftime(fmt)


def local_date(value):
    return local_time(value, '%Y-%m-%d')
