"""3. Server shutdown crashes: ``Thread.isAlive()`` removed in 3.9.

``odoo.service.server`` waits for request threads with ``thread.isAlive()``.
"""
import threading

if not hasattr(threading.Thread, 'isAlive'):
    threading.Thread.isAlive = threading.Thread.is_alive
