"""pytest plugin: CherryPy's own test suite, unmodified, against Cherry's ports of its apps.

Load it with ``pytest -p cherry_suite`` (this folder on PYTHONPATH) and run the test files from Debian's install
path (``/usr/lib/python3/dist-packages/cherrypy/test``). It changes only how the server starts:
``helper.LocalWSGISupervisor.start(module)`` launches the C# host (Cherry.CherryPySuite) with that module's port
on 127.0.0.1:54583 and waits until it answers; ``stop()`` ends it. Python's ``setup_server`` still runs, in this
process, but its tree is not served.

It also deselects the tests that inspect the Python process rather than HTTP (EXCLUDED), marks the tests of CherryPy
bugs Cherry fixes on purpose as expected failures (DEVIATIONS), and replaces CherryPy's branding in expected values
(normalise_branding). docs/cherrypy-suite.md lists all three.
"""

import os
import select
import socket
import subprocess
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
HOST_EXE = os.environ.get(
    'CHERRY_SUITE_HOST',
    os.path.join(HERE, 'bin', 'Release', 'net10.0', 'Cherry.CherryPySuite'),
)
START_TIMEOUT = float(os.environ.get('CHERRY_SUITE_START_TIMEOUT', '60'))

# cheroot's webtest asks on the terminal what to do with a failed assertion unless told not to.
os.environ.setdefault('WEBTEST_INTERACTIVE', 'false')

# Tests that inspect the Python process (cherrypy.engine, Python's tree or config objects, log records, WSGI
# specifics), not what goes over HTTP: deselected, each with its reason. Keyed by "file::Class::test".
EXCLUDED = {
    'test_objectmapping.py::ObjectMappingTest::testTreeMounting':
        "checks Python's cherrypy.tree.mount/Application API (assertRaises ValueError, TypeError) in the test "
        'process; its one HTTP request only re-fetches what the Python call mounted',
    'test_params.py::ParamsTest::test_syntax':
        'mounts a second app at / from the test body (cherrypy.tree.mount in the test process) whose /resource '
        "answers differently from setup_server's; the port serves setup_server's app",
    'test_config.py::VariableSubstitutionTests::test_config':
        "no HTTP: parses an INI text with cherrypy.config.update in the test process and reads Python's config back",
    'test_config.py::CallablesInConfigTest::test_call_with_literal_dict':
        "no HTTP: evaluates dict(**{...}) in an INI text with Python's config parser in the test process",
    'test_config.py::CallablesInConfigTest::test_call_with_kwargs':
        "no HTTP: evaluates dict(..., **cherrypy._test_dict) with Python's config parser in the test process",
    'test_caching.py::CacheTest::testExpiresTool':
        "fails against CherryPy 18.8 itself here: Debian does not ship the test folder's static/ files, so "
        "/expires/index.html is a 404 where the test expects 200 (and its handler 'force' rewrites its class's "
        '_cp_config at run time)',
}

# CherryPy behaviour that Cherry changes on purpose (docs/conformance.md, "Documented deviations"): the test is
# expected to fail, strictly (an unexpected pass fails the run, so the list stays true).
DIGEST_ALGORITHMS = (
    'Digest algorithms: Cherry challenges with MD5 and SHA-256 (two WWW-Authenticate headers, MD5 first), the test '
    'asserts exactly one (docs/conformance.md; AuthTests.Digest_challenges_with_md5_and_sha256)'
)
DEVIATIONS = {
    'test_params.py::ParamsTest::test_error':
        "Enum, number, GUID, date parameters: a bad int is a 400 naming the parameter, not Python's \"invalid "
        "literal for int()\" (docs/conformance.md; DispatchTests.Typed_binding_failures_are_400_with_the_parameter_"
        'named); the test then changes cherrypy.config in the test process, which no separate server can follow',
    'test_json.py::JsonTest::test_json_output':
        'JSON output spacing: System.Text.Json writes ["a","b",42], not Python\'s ["a", "b", 42] '
        '(docs/conformance.md; JsonTests.JsonOut_writes_application_json)',
    'test_xmlrpc.py::XmlRpcTest::testXmlRpc':
        'XML-RPC endpoint, GET to a method: GET /xmlrpc/foo is a 405 with Allow: POST, not the page '
        '(docs/conformance.md; XmlRpcTests.Other_methods_are_405_with_allow_post); later in the test, XML-RPC fault '
        "for a wrong argument type (\"argument 'num' must be Int32, ...\"; XmlRpcTests.Errors_are_faults_with_code_1)",
    'test_auth_digest.py::DigestAuthTest::test_ascii_user': DIGEST_ALGORITHMS,
    'test_auth_digest.py::DigestAuthTest::test_unicode_user': DIGEST_ALGORITHMS,
    'test_auth_digest.py::DigestAuthTest::test_wrong_realm': DIGEST_ALGORITHMS,
    'test_config.py::ConfigTests::testUnrepr':
        'INI values: Python literals only; the ioconf values that are expressions (os.path.join(...), '
        "response_codes[404], __import__(...), 3+2j, 6*3, %(ones)s + ...) are not in the port's INI, so /repr answers "
        'None for them (docs/conformance.md; ConfigurationTests.Ini_values_must_be_python_literals); neg matches',
    'test_encoding.py::EncodingTests::test_query_string_decoding':
        'Undecodable query string: /reqparams?q=%A3 is a 400 with the same message, not a 404 (docs/conformance.md; '
        'BadInputTests.Undecodable_query_string_is_400)',
    'test_encoding.py::EncodingTests::testGzip':
        'Accept-Encoding: deflate / br: the 406 for "*;q=0" lists "identity, gzip, br", not "identity, gzip" '
        '(docs/conformance.md; ToolboxTests.Refusing_identity_and_every_offered_coding_is_406)',
}

# The files CherryPy's tests read from their own folder, which Debian does not ship (static/dirback.jpg, ...): the same
# folder the host serves them from. A test module whose global names that folder is pointed here instead.
FIXTURES = os.path.join(HERE, 'Fixtures')
FIXTURE_DIR_GLOBALS = {
    'test_config': 'localDir',
}

# Modules of CherryPy's repository that Debian leaves out and a setup_server imports (test_config's ioconf evaluates
# __import__('cherrypy.tutorial').thing2): stand-ins with what the repository's module holds.
MISSING_MODULES = {
    'cherrypy.tutorial': {'thing2': object()},
}

# Filled from the host's start-up line ("cherry-suite ready Cherry/0.1.0"): the product Cherry names itself with.
_cherry_version = ['Cherry']
_process = [None]


def normalise_branding(text):
    """CherryPy's error page names CherryPy and its version (with a link); Cherry's names Cherry and its version."""
    import cherrypy
    cherrypy_brand = '<a href="http://www.cherrypy.dev">CherryPy %s</a>' % cherrypy.__version__
    if isinstance(text, bytes):
        return text.replace(cherrypy_brand.encode(), _cherry_version[0].encode())
    return text.replace(cherrypy_brand, _cherry_version[0])


def _module_name(modulename):
    return (modulename or '').rsplit('.', 1)[-1]


def _port_answers(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _start(self, modulename=None):
    """LocalWSGISupervisor.start: run Cherry's port of the module's setup_server, wait for the port."""
    _stop(self)
    module = _module_name(modulename)
    if not os.path.exists(HOST_EXE):
        raise RuntimeError('the Cherry host is not built: %s (run tests/CherryPySuite/run.sh)' % HOST_EXE)
    if _port_answers(self.host, self.port):
        raise RuntimeError('%s:%s is already taken; cannot start the port of %s' % (self.host, self.port, module))
    process = subprocess.Popen(
        [HOST_EXE, module, str(self.port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env=dict(os.environ, DOTNET_ENVIRONMENT='Production', ASPNETCORE_ENVIRONMENT='Production'),
    )
    _process[0] = process
    deadline = time.monotonic() + START_TIMEOUT
    output = b''
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output += process.stdout.read()
            raise RuntimeError('the Cherry port of %s exited with %s:\n%s'
                               % (module, process.returncode, output.decode(errors='replace')))
        ready, _, _ = select.select([process.stdout], [], [], 0.2)
        if ready:
            line = process.stdout.readline()
            output += line
            if line.startswith(b'cherry-suite ready '):
                _cherry_version[0] = line.split()[2].decode()
                break
    else:
        _stop(self)
        raise RuntimeError('the Cherry port of %s did not start within %ss:\n%s'
                           % (module, START_TIMEOUT, output.decode(errors='replace')))
    while not _port_answers(self.host, self.port):
        if time.monotonic() > deadline:
            _stop(self)
            raise RuntimeError('the Cherry port of %s does not answer on %s:%s' % (module, self.host, self.port))
        time.sleep(0.05)


def _stop(self=None):
    """LocalWSGISupervisor.stop: end the host (its output is discarded; it logs warnings only)."""
    process, _process[0] = _process[0], None
    if process is None:
        return
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    process.stdout.close()


def _provide_missing_modules():
    import importlib
    import sys
    import types
    for name, attributes in MISSING_MODULES.items():
        try:
            importlib.import_module(name)
        except ImportError:
            module = types.ModuleType(name)
            module.__dict__.update(attributes)
            sys.modules[name] = module
            parent, _, child = name.rpartition('.')
            setattr(sys.modules[parent], child, module)


def pytest_configure(config):
    import cherrypy
    from cherrypy import _cperror
    from cherrypy.test import helper

    _provide_missing_modules()

    helper.LocalWSGISupervisor.start = _start
    helper.LocalWSGISupervisor.stop = _stop

    # assertErrorPage builds its expected page with cherrypy._cperror.get_error_page: only the branding changes.
    original = _cperror.get_error_page

    def get_error_page(*args, **kwargs):
        return normalise_branding(original(*args, **kwargs))

    _cperror.get_error_page = get_error_page
    cherrypy._cperror.get_error_page = get_error_page


def pytest_unconfigure(config):
    _stop()


def _key(item):
    return item.nodeid.rsplit('/', 1)[-1]


def pytest_collection_modifyitems(config, items):
    keep, dropped = [], []
    for item in items:
        module = getattr(item, 'module', None)
        name = FIXTURE_DIR_GLOBALS.get(_module_name(getattr(module, '__name__', None)))
        if name:
            setattr(module, name, FIXTURES)
        key = _key(item)
        if key in EXCLUDED:
            dropped.append(item)
            continue
        if key in DEVIATIONS:
            item.add_marker(pytest.mark.xfail(reason=DEVIATIONS[key], strict=True))
        keep.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
