"""Print the untranslated msgids of a .po as a JSON object (msgid -> "")."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from po_merge import parse  # noqa: E402

with open(sys.argv[1], encoding='utf-8') as f:
    todo = {msgid: '' for _c, msgid, msgstr, _i, _s in parse(f.read()) if msgid and not msgstr}
print(json.dumps(todo, ensure_ascii=False, indent=0))
