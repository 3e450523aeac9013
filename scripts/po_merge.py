"""Merge a .pot into a language's .po: keep existing translations, add new
terms untranslated, drop obsolete ones.  Usage: po_merge.py POT PO

Entries are kept exactly as Odoo exported them (its "#: model:..." and
"#: code:..." references tell Odoo what each term translates), only the
msgstr is filled in from the existing .po.
"""
import ast
import os
import re
import sys

HEADER_LANGUAGE = re.compile(r'^"Language: .*\\n"$', re.M)


def _unquote(lines):
    return ''.join(ast.literal_eval(line.split(' ', 1)[1] if line.startswith('msg') else line)
                   for line in lines)


def _quote(text):
    return '"%s"' % text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t')


def parse(text):
    """[(block_lines, msgid, msgstr)] for each entry, header included."""
    entries = []
    for block in re.split(r'\n\s*\n', text.strip()):
        lines = block.splitlines()
        i_id = next(i for i, line in enumerate(lines) if line.startswith('msgid '))
        i_str = next(i for i, line in enumerate(lines) if line.startswith('msgstr '))
        entries.append((lines[:i_id], _unquote(lines[i_id:i_str]), _unquote(lines[i_str:]),
                        lines[i_id:i_str], lines[i_str:]))
    return entries


def merge(pot_path, po_path, language=None):
    with open(pot_path, encoding='utf-8') as f:
        template = parse(f.read())
    translations = {}
    header_str = None
    if os.path.exists(po_path):
        with open(po_path, encoding='utf-8') as f:
            for _comments, msgid, msgstr, _idl, strl in parse(f.read()):
                if msgid:
                    translations[msgid] = msgstr
                else:
                    header_str = strl
    language = language or os.path.splitext(os.path.basename(po_path))[0]
    out, missing = [], 0
    for comments, msgid, _msgstr, id_lines, str_lines in template:
        if not msgid:  # header: keep ours, or the template's with the language set
            str_lines = header_str or [HEADER_LANGUAGE.sub('"Language: %s\\n"' % language, line)
                                       for line in str_lines]
        else:
            translated = translations.get(msgid, '')
            missing += not translated
            str_lines = ['msgstr ' + _quote(translated)]
        out.append('\n'.join(comments + id_lines + str_lines))
    with open(po_path, 'w', encoding='utf-8') as f:
        f.write('\n\n'.join(out) + '\n')
    print('%s: %d terms, %d untranslated' % (os.path.basename(po_path), len(template) - 1, missing))
    return missing


if __name__ == '__main__':
    merge(sys.argv[1], sys.argv[2])
