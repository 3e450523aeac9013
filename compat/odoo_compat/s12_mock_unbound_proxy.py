"""12. (Test tooling, not Odoo.)  A test that patches ``odoo.http.request``
(or a module's ``request``) outside a request fails in setUp with
``RuntimeError: object unbound``: 44 tests of the OCA addons password_security,
auth_totp and auth_totp_password_security.

``mock.patch`` (mock >= 4, and ``unittest.mock`` since 3.8) asks
``hasattr(original, '__func__')`` to tell coroutines apart.  Werkzeug 0.16's
unbound LocalProxy answers with RuntimeError, which ``hasattr`` does not
catch.  The probe is made to read such a proxy as "not a coroutine", which
it is not; nothing else in either mock module changes.
"""
from ._hooks import when_imported


def _tolerate_unbound(is_async_obj):
    def _is_async_obj(obj):
        try:
            return is_async_obj(obj)
        except RuntimeError:  # an unbound werkzeug LocalProxy
            return False
    _is_async_obj.__wrapped__ = is_async_obj
    return _is_async_obj


def _patch(module):
    original = getattr(module, '_is_async_obj', None)
    if original is not None and not hasattr(original, '__wrapped__'):
        module._is_async_obj = _tolerate_unbound(original)


when_imported('mock.mock')(_patch)
when_imported('unittest.mock')(_patch)
