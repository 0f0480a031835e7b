"""CherryPy's test client bound to a running port of a test module's app, for the lines an xfailed test never reaches.

Cherry.Conformance.Tests' SuiteContinuationTests start the host (Cherry.CherryPySuite MODULE PORT) and run a test's
remaining lines with ``self = case(PORT, PRODUCT)``: a CPWebCase as ``CPWebCase.setup_class`` leaves it, without starting a
server, so that the upstream lines run as written (``self.getPage(url, self.cookies)``, ``self.assertErrorPage``).
"""

import os
import time

# cheroot's webtest asks on the terminal what to do with a failed assertion unless told not to.
os.environ['WEBTEST_INTERACTIVE'] = 'false'

from cherrypy.test import helper  # noqa: E402 (webtest reads the variable above when it asks)

import cherry_suite  # noqa: E402


class SuiteCase(helper.CPWebCase):
    HOST = '127.0.0.1'
    PROTOCOL = 'HTTP/1.1'

    def runTest(self):
        """unittest.TestCase needs a method to name; the lines run outside any test method."""


def case(port, product):
    """The test case for the host on ``port``; error pages are expected to name ``product`` (the host's ready line)."""
    SuiteCase.PORT = port
    cherry_suite.brand_error_pages(product)
    return SuiteCase()


def until(condition, what, timeout=10.0):
    """Waits for the server's own clock (a session's expiry, the cleanup sweep) by polling with a deadline."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError('waited %s s for %s' % (timeout, what))
        time.sleep(0.01)
