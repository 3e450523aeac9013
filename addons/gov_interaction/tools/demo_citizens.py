# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo citizens (demo data only): the partners who write the demo
opinions and answer the demo surveys."""
import random

SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'
GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟',
         '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '晓东', '雪梅', '志刚', '海燕']


def demo_citizens(env, count=80):
    """``count`` demo citizens (partners), the same on every call."""
    Partner = env['res.partner'].sudo()
    partners = Partner.search([('email', '=like', 'demo-citizen-%@example.invalid')], order='id')
    rng = random.Random(7)
    for index in range(len(partners), count):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        partners |= Partner.create({
            'name': name, 'email': 'demo-citizen-%03d@example.invalid' % index})
    return partners[:count]
