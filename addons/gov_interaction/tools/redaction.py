# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Automatic redaction of personal data in what the public sees (4.2 b,
5.3.8, 5.3.10): published letters, opinions, survey answers.

In this order: the data the caller knows (the writer's name, phone, ID
number, email, address, account name), with the digits of a number typed
with spaces or dashes; then anything that looks like an ID card number, an
email address, a mobile or landline number, or another long number (bank
card, account); then the names people give about themselves (我叫张三).
A person checks a letter's public copy before it is published."""
import re

REDACTED = '***'

# Order matters: an ID number contains what looks like a phone number, an
# email address may start with one.
PATTERNS = [
    # Resident ID card: 18 characters (the last may be X), or the old 15 digits.
    re.compile(r'(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])'),
    re.compile(r'(?<!\d)[1-9]\d{14}(?!\d)'),
    # Email addresses.
    re.compile(r'[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+'),
    # Mobile numbers, with or without +86 and separators.
    re.compile(r'(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)'),
    # Landlines with an area code: 0451-86661234, (0451)86661234, 045186661234.
    re.compile(r'(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{7,8}(?:-\d{1,5})?(?!\d)'),
    # Seven or eight digits after a word for telephone.
    re.compile(r'(?<=电话)[:：\s]*\d{7,8}(?!\d)|(?<=座机)[:：\s]*\d{7,8}(?!\d)'
               r'|(?i:(?<=tel)[.:：\s]*\d{7,8}(?!\d))'),
    # Any other long number (bank cards, accounts).
    re.compile(r'(?<!\d)\d{9,}(?!\d)'),
]
# Names people give about themselves: 我叫张三, 我是李四, 姓名：王五, 联系人:赵六.
NAME_INTRO = re.compile(r'(我叫|我是|本人|姓名[:：]?|联系人[:：]?|署名[:：]?)\s*([\u4e00-\u9fff]{2,3})')


def redact(text, terms=()):
    """``text`` with ``terms`` (what the caller knows of the person: name,
    phone, ID number, email, address) and recognisable personal data
    replaced by ``***``."""
    if not text:
        return ''
    for variant in _variants(terms):
        text = text.replace(variant, REDACTED)
    for pattern in PATTERNS:
        text = pattern.sub(REDACTED, text)
    return NAME_INTRO.sub(lambda match: match.group(1) + REDACTED, text)


def _variants(terms):
    """The terms as given and, for numbers typed with spaces or dashes,
    their digits alone; longest first, so that a term containing another
    is replaced whole."""
    variants = set()
    for term in terms:
        term = (term or '').strip()
        digits = re.sub(r'\D', '', term)
        variants.add(term)
        if len(digits) >= 7 and digits != term:
            variants.add(digits)
    return sorted((variant for variant in variants if len(variant) >= 2),
                  key=lambda variant: (-len(variant), variant))
