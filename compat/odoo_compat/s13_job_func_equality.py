"""13. Two tests of OCA queue_job 11.0 (test_queue_job: ``test_new_job``,
``test_read``) fail with ``<bound method ...testing_method of
test.queue.job()> != <bound method ...testing_method of test.queue.job()>``.

Python 3.8 compares bound methods by the identity of their ``__self__``
(bpo-1617161); 3.6 compared them with ``==``.  A job's ``func`` is a bound
method of a recordset made anew at each read, so two reads of one job's
function were equal on 3.6 and are not on 3.8+.  ``Job.func`` is returned
wrapped in an object that compares as 3.6 did (equal ``__self__``, same
``__func__``) and is otherwise the bound method: called, its attributes
read (``__name__``, ``__doc__``, ``retry_pattern``, ``related_action``).
"""
from ._hooks import when_imported


class _JobFunc:
    """A bound method that compares as bound methods did in Python 3.6."""

    __slots__ = ('_method',)

    def __init__(self, method):
        self._method = method

    def __call__(self, *args, **kwargs):
        return self._method(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._method, name)

    @property
    def __doc__(self):
        return self._method.__doc__

    def __eq__(self, other):
        other = getattr(other, '_method', other)
        return getattr(other, '__func__', None) is self._method.__func__ and \
            getattr(other, '__self__', None) == self._method.__self__

    def __ne__(self, other):
        return not self == other

    __hash__ = None  # as a recordset: mutable, not hashable by value

    def __repr__(self):
        return repr(self._method)


@when_imported('odoo.addons.queue_job.job')
def _patch(module):
    func = module.Job.func
    if isinstance(func, property) and not hasattr(func.fget, '__wrapped__'):
        def wrapped_func(job):
            return _JobFunc(func.fget(job))
        wrapped_func.__wrapped__ = func.fget
        module.Job.func = property(wrapped_func)
