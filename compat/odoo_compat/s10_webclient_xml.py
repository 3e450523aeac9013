"""10. The backend web client does not load: ``/web/webclient/qweb`` calls
``Element.getchildren()``, removed in 3.9 (and the C Element type cannot
be given the method back).

web's ``concat_xml`` is replaced by the same function written with
``list(element)``; the route looks the name up at call time.
"""
import hashlib
import logging
from xml.etree import ElementTree

from ._hooks import when_imported

_logger = logging.getLogger('odoo.addons.web.controllers.main')


def concat_xml(file_list):
    """Concatenate the children of the root of each XML file into one root.

    Returns the serialized root and the sha1 checksum of the files.
    """
    checksum = hashlib.new('sha1')
    if not file_list:
        return '', checksum.hexdigest()
    root = None
    for fname in file_list:
        with open(fname, 'rb') as fp:
            contents = fp.read()
        checksum.update(contents)
        try:
            xml = ElementTree.fromstring(contents)
        except ElementTree.ParseError as e:
            _logger.error("Could not parse file %s: %s", fname, e.msg)
            raise
        if root is None:
            root = ElementTree.Element(xml.tag)
        root.extend(list(xml))
    return ElementTree.tostring(root, 'utf-8'), checksum.hexdigest()


@when_imported('odoo.addons.web.controllers.main')
def _patch(web_main):
    web_main.concat_xml = concat_xml
