# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Automatic redaction of personal data in the public copy of a letter
(5.3.8, 5.3.10): what the writer gave (name, phone, ID number, email,
address) wherever it appears, and anything that looks like a mobile or
landline number, an ID card number or an email address.  A person checks
the result before it is published."""
import re

MASK = '***'

PATTERNS = [
    # Resident ID card: 18 characters (last may be X) or the old 15 digits.
    re.compile(r'(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![0-9A-Za-z])'),
    re.compile(r'(?<!\d)[1-9]\d{14}(?!\d)'),
    # Email addresses.
    re.compile(r'[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'),
    # Mobile numbers, with or without +86 and separators.
    re.compile(r'(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)'),
    # Landlines with an area code: 0451-86661234, (0451)86661234, 045186661234.
    re.compile(r'(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{7,8}(?:-\d{1,5})?(?!\d)'),
    # Seven or eight digits after a word for telephone.
    re.compile(r'(?<=电话)[:：\s]*\d{7,8}(?!\d)|(?<=座机)[:：\s]*\d{7,8}(?!\d)'
               r'|(?i:(?<=tel)[.:：\s]*\d{7,8}(?!\d))'),
]


def _term_variants(term):
    """A term as given, and its digits alone for numbers typed with spaces
    or dashes."""
    term = (term or '').strip()
    if not term:
        return []
    variants = [term]
    digits = re.sub(r'\D', '', term)
    if len(digits) >= 7 and digits != term:
        variants.append(digits)
    return variants


def redact(text, terms=()):
    """``text`` with ``terms`` (the writer's data) and recognisable
    personal data replaced by ``***``."""
    if not text:
        return text or ''
    variants = sorted({v for term in terms for v in _term_variants(term) if len(v) >= 2},
                      key=len, reverse=True)
    for variant in variants:
        text = text.replace(variant, MASK)
    for pattern in PATTERNS:
        text = pattern.sub(MASK, text)
    return text
