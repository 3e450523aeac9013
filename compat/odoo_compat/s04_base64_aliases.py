"""4. Module install, menu icons, uploads, reports fail:
``base64.encodestring``/``decodestring`` removed in 3.9.

Their replacements ``encodebytes``/``decodebytes`` behave identically.
"""
import base64

if not hasattr(base64, 'encodestring'):
    base64.encodestring = base64.encodebytes
if not hasattr(base64, 'decodestring'):
    base64.decodestring = base64.decodebytes
