# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Mail templates compiled once per source (post_load hook).

Symptom prevented: Odoo 11 compiles a mail template's Jinja source again
at each rendering of each of its fields, and that compilation is most of
the time of a rendering; every letter received mails a receipt (5.3.1),
so intake spent more time compiling than storing the letter.  Here each
source is compiled once per process (the most recent COMPILED_SOURCES
kept); an edited template is a new source, compiled anew.  A compiled
template keeps no state between renderings and still runs in the sandbox
environment: what a rendering gives is unchanged.
"""
import functools

COMPILED_SOURCES = 256


def cache_compiled_templates():
    """Compile each source once in the two Jinja environments of
    mail.template (guarded: applied once per process)."""
    from odoo.addons.mail.models import mail_template
    for env in (mail_template.mako_template_env, mail_template.mako_safe_template_env):
        if 'from_string' in vars(env):
            continue
        env.from_string = _compiled_once(env.from_string)


def _compiled_once(plain):
    """``plain`` (an environment's from_string) with a cache for the plain
    call, a source alone; other calls go through unchanged."""
    compiled = functools.lru_cache(maxsize=COMPILED_SOURCES)(plain)

    def from_string(source, globals=None, template_class=None):  # noqa: A002 (Jinja's name)
        if globals is None and template_class is None and isinstance(source, str):
            return compiled(source)
        return plain(source, globals, template_class)
    return from_string
