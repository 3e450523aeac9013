from . import test_working_days
