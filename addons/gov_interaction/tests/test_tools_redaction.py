# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one redactor of what the public sees (4.2 b, 5.3.8, 5.3.10): each
kind of personal data, the caller's terms and names people give."""
from unittest import TestCase

from ..tools import redact


class TestToolsRedaction(TestCase):

    def test_4_2_b_resident_id_numbers_18_and_15_digits(self):
        self.assertEqual(redact('身份证230102199001011234。'), '身份证***。')
        self.assertEqual(redact('身份证23010219900101123X。'), '身份证***。')
        self.assertEqual(redact('旧身份证230102900101123，'), '旧身份证***，')

    def test_4_2_b_mobile_numbers_with_86_and_spaces(self):
        for mobile in ('13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678',
                       '+8613812345678', '86-13812345678'):
            self.assertEqual(redact('手机%s，' % mobile), '手机***，', mobile)

    def test_4_2_b_landlines_with_area_code_and_in_parentheses(self):
        for landline in ('0451-86201234', '045186201234', '(0451)86201234', '(0451) 86201234',
                         '010-12345678-801'):
            self.assertEqual(redact('座机%s。' % landline), '座机***。', landline)
        self.assertEqual(redact('电话：86661234'), '电话***')
        self.assertEqual(redact('Tel. 86661234'), 'Tel***')

    def test_4_2_b_email_addresses_keep_the_words_around_them(self):
        self.assertEqual(redact('邮箱li.jg+gov@mail.example.com。'), '邮箱***。')

    def test_4_2_b_other_long_numbers(self):
        self.assertEqual(redact('银行卡6222021234567890123'), '银行卡***')

    def test_5_3_8_terms_and_their_digit_variants(self):
        text = '我家在安静街15号，电话139 1234 5678，也可打139-1234-5678或13912345678。'
        redacted = redact(text, ['安静街15号', '139 1234 5678', ' ', None, '王'])
        self.assertEqual(redacted, '我家在***，电话***，也可打***或***。')
        # The longer term first: a name inside an address does not split it.
        self.assertEqual(redact('刘建华路1号的刘建华', ['刘建华', '刘建华路1号']), '***的***')

    def test_4_2_b_names_introduced_as_such(self):
        self.assertEqual(redact('我叫张三，建议增加公交线路。'), '我叫***，建议增加公交线路。')
        self.assertEqual(redact('联系人：赵六'), '联系人：***')
        self.assertEqual(redact('张伟建议增加公交线路', ['张伟']), '***建议增加公交线路')

    def test_plain_text_is_kept(self):
        for text in ('学费一万二千元，2026年12月', '第3条第2款', '2026-03-01 16:30'):
            self.assertEqual(redact(text), text)
        self.assertEqual(redact(None), '')
        self.assertEqual(redact(''), '')
