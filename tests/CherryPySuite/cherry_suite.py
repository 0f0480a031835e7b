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
import shutil
import socket
import subprocess
import sys
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
        "/expires/wrongtype expects a 500 TypeError from tools.expires.secs = Foo(), an object where a number belongs, "
        "which Cherry's typed, literal-only configuration cannot express; and the handler 'force' rewrites its "
        "class's _cp_config at run time, where Cherry's configuration is fixed at start-up",
    'test_session.py::SessionTest::test_7_session_cookies':
        "reads sessions.RamSession.cache, the Python process's own RAM sessions, after each request",
    'test_session.py::SessionTest::test_8_Ram_Cleanup':
        "locks and cleans up a Python RamSession in the test process; it sends no request",
    'test_tools.py::ToolTests::testWarnToolOn':
        "checks that Python's cherrypy.tools.numerify (set up by the Python setup_server) refuses .on; no request",
    'test_tools.py::ToolTests::testDecorator':
        "checks Python's cherrypy.tools.register decorator in the test process; no request",
    'test_tools.py::SessionAuthTest::test_login_screen_returns_bytes':
        "calls Python's cherrypy.lib.cptools.SessionAuth.login_screen in the test process; no server",
    'test_tools.py::TestHooks::test_priorities':
        "sorts Python cherrypy._cprequest.Hook objects in the test process; no server",
    'test_core.py::CoreRequestHandlingTest::testFavicon':
        "reads ../favicon.ico in the test process, which Debian does not ship: fails against CherryPy 18.8 itself "
        "(FileNotFoundError before any request)",
    'test_core.py::ErrorTests::test_start_response_error':
        "a tool appends (2, 3) to Python's response.header_list and the test expects Python's TypeError for the int "
        'key; C# header names are strings by type, so the error cannot be written',
    'test_core.py::TestBinding::test_bind_ephemeral_port':
        "starts and stops CherryPy's own engine on port 0 in the test process; no request reaches the port",
}

# Included tests that fail for a reason outside Cherry that Cherry cannot change: Kestrel (the HTTP server layer)
# answers malformed requests with an empty 400 body, or refuses them before any application code runs, and .NET's
# error texts are not Python's. They run, are expected to fail (strictly: one that starts to pass fails the run, so
# the list stays true), and are counted as failing in the summary, not as deviations.
KESTREL_400 = ('Kestrel answers this malformed request itself with a 400 whose body is empty, before any application '
               "code runs; cheroot's 400 carries a text the test reads (no KestrelServerOptions setting gives it one)")
KNOWN_FAILURES = {
    'test_http.py::HTTPTests::test_malformed_request_line': KESTREL_400 + ": 'Malformed Request-Line'",
    'test_http.py::HTTPTests::test_malformed_header': KESTREL_400 + ": 'Illegal header line.'",
    'test_http.py::HTTPTests::test_garbage_in': KESTREL_400 + ": 'Malformed Request-Line'",
    'test_request_obj.py::RequestObjectTests::testParamErrors':
        KESTREL_400 + " for GET invalid/path/without/leading/slash: 'Invalid path in Request-URI' (the rest of the "
        'test passes, checked with that request left out)',
    'test_request_obj.py::RequestObjectTests::test_CONNECT_method':
        'Kestrel refuses (400) a CONNECT whose Host differs from its authority-form target before Cherry sees it',
    'test_request_obj.py::RequestObjectTests::test_CONNECT_method_invalid_authority':
        KESTREL_400 + ' (the status matches)',
    'test_request_obj.py::RequestObjectTests::test_dangerous_host':
        'Kestrel refuses the RFC 2047 Host =?iso-8859-1?q?foo=0Abar?= with a 400 before Cherry runs',
    'test_static.py::StaticTest::test_null_bytes':
        'Kestrel refuses /static/%00 (a NUL in the request-target) with an empty 400 before any application code runs; '
        "CherryPy's answer is a 404 (Cherry's static tools would refuse the NUL with a 400 too: StaticTests.A_nul_byte_is_refused)",
    'test_core.py::ErrorTests::test_contextmanager':
        "the 404 is right, but its message is .NET's \"Could not find file '...'\", not the OS text \"No such file or "
        'directory\" the test looks for',
}

# CherryPy behaviour that Cherry changes on purpose (docs/conformance.md, "Documented deviations"): the test is
# expected to fail, strictly (an unexpected pass fails the run, so the list stays true).
TRACEBACKS = (
    "Error page tracebacks: the page's traceback is .NET's exception and stack (ArgumentException, "
    "NotImplementedException), not Python's (raise ValueError(), AttributeError: 'str' object..., "
    'NotImplementedError) (docs/conformance.md; ErrorTests.Unhandled_exception_is_500_with_a_traceback_in_Development)'
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
        "for a wrong argument type: the test wants Python's TypeError text \"unsupported operand type(s) for *: 'dict' and "
        "'int'\" from the handler's num * 2; Cherry's typed binding refuses the dict first (\"argument 'num' must be "
        "Int32, ...\"; XmlRpcTests.Errors_are_faults_with_code_1)",
    'test_session.py::SessionTest::test_0_Session':
        'JSON output spacing: /data answers {"aha":"foo"}, not {"aha": "foo"} (JsonTests.JsonOut_writes_application_json); '
        'then Set-Cookie attribute case: path=/, max-age=, not Path=/, Max-Age= (docs/conformance.md; '
        'SessionTests.Ram_session_counts_and_keeps_its_id_with_CherryPys_cookie)',
    'test_session.py::MemcachedSessionTest::test_0_Session': TRACEBACKS,
    'test_static.py::StaticTest::test_config_errors':
        'A tool argument missing: staticdir on without dir stops start-up naming the key, not a 500 TypeError at each '
        'request (docs/conformance.md; ConfigurationTests.Unknown_or_malformed_keys_fail_start_up_naming_key_and_path); '
        'the port leaves /error out',
    'test_tools.py::ToolTests::testHookErrors': TRACEBACKS,
    'test_proxy.py::ProxyTest::testProxy':
        'Proxy tool: whose forwarding headers count: X-Forwarded-For 67.15.36.43, 192.168.0.20 gives the client '
        '192.168.0.20, the nearest address no trusted proxy holds, not the leftmost, which the client writes; two '
        'X-Forwarded-Host entries without X-Forwarded-For give the nearest hop\'s (www.cherrypy.test), not the leftmost '
        '(docs/conformance.md; ProxyTests.The_client_address_is_the_nearest_hop_that_is_not_a_trusted_proxy, '
        'ProxyTests.The_host_is_read_hop_by_hop_with_the_client_address)',
    'test_tools.py::ToolTests::testGuaranteedHooks': TRACEBACKS,
    'test_tools.py::ToolTests::testCombinedTools':
        "gzip output bytes: .NET's gzip header (mtime 0, OS 3) and a flush after each chunk of a streamed body, not "
        "Python's GzipFile stream, which the test compares byte for byte (docs/conformance.md; "
        'ToolboxTests.A_streamed_body_is_compressed_as_a_stream_without_a_length)',
    'test_config.py::ConfigTests::testUnrepr':
        'INI values: Python literals only; the ioconf values that are expressions (os.path.join(...), '
        "response_codes[404], __import__(...), 3+2j, 6*3, %(ones)s + ...) are not in the port's INI, so /repr answers "
        'None for them (docs/conformance.md; ConfigurationTests.Ini_values_must_be_python_literals); neg matches',
    'test_encoding.py::EncodingTests::test_query_string_decoding':
        'Undecodable query string: /reqparams?q=%A3 is a 400 with the same message, not a 404 (the test itself says '
        '"TODO: check whether this shouldn\'t raise 400 Bad Request instead"; docs/conformance.md; '
        'BadInputTests.Undecodable_query_string_is_400)',
    'test_request_obj.py::RequestObjectTests::testErrorHandling':
        "Error page tracebacks: .NET's exception and stack trace, not Python's 'raise ValueError()' (docs/conformance.md; "
        "ErrorTests.Unhandled_exception_is_500_with_a_traceback_in_Development); further on, error_page.404 = "
        "'nonexistent.html' stops start-up instead of failing each request (ConfigurationTests.Unknown_or_malformed_"
        'keys_fail_start_up_naming_key_and_path), so the port leaves that key out',
    'test_core.py::CoreRequestHandlingTest::testCookies':
        'Cookie header with a malformed pair: the pair is skipped and the request served, not a 400 for the whole '
        "request, so /cookies/single?name=Something-With,Comma reaches the handler, which finds no such cookie and "
        "answers 500 (Python's KeyError, a KeyNotFoundException in the port) where the test wants 400 "
        '(docs/conformance.md; ResponseTests.A_malformed_cookie_pair_is_skipped_and_the_request_served)',
    'test_encoding.py::EncodingTests::testGzip':
        "Error page tracebacks: /gzip/noshow is the 500 page without Content-Encoding the test wants, but its traceback "
        "is .NET's, not Python's 'IndexError' (docs/conformance.md; ResponseTests.An_exception_inside_a_collected_"
        'sequence_is_a_500_page); the 406 before it lists "identity, gzip" now that the port turns br off',
}

# Modules of CherryPy's repository that Debian leaves out and a setup_server imports (test_config's ioconf evaluates
# __import__('cherrypy.tutorial').thing2): stand-ins with what the repository's module holds.
MISSING_MODULES = {
    'cherrypy.tutorial': {'thing2': object()},
}

# Servers a module's port needs besides itself, started with the host and stopped with it: name -> (program, the
# environment variable that hands the host its address). test_session's memcached sessions need a memcached.
SERVERS = {
    'test_session': [('memcached', 'CHERRY_SUITE_MEMCACHED')],
}

# Filled from the host's start-up line ("cherry-suite ready Cherry/0.1.0"): the product Cherry names itself with.
_cherry_version = ['Cherry']
_process = [None]
_servers = []


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


def _free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


def _as_user(program):
    """memcached refuses to run as root unless told whom to run as."""
    return ['-u', 'nobody'] if program == 'memcached' and os.geteuid() == 0 else []


def _start_server(program):
    """Starts a server the port needs (memcached) on a free port of 127.0.0.1; returns its host:port."""
    executable = shutil.which(program)
    if executable is None:
        raise RuntimeError('%s is not installed (test.sh installs it)' % program)
    port = _free_port()
    process = subprocess.Popen([executable, '-l', '127.0.0.1', '-p', str(port)] + _as_user(program),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _servers.append(process)
    deadline = time.monotonic() + START_TIMEOUT
    while not _port_answers('127.0.0.1', port):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError('%s did not start on port %s' % (program, port))
        time.sleep(0.05)
    return '127.0.0.1:%d' % port


def _start(self, modulename=None):
    """LocalWSGISupervisor.start: run Cherry's port of the module's setup_server, wait for the port."""
    _stop(self)
    module = _module_name(modulename)
    if not os.path.exists(HOST_EXE):
        raise RuntimeError('the Cherry host is not built: %s (run tests/CherryPySuite/run.sh)' % HOST_EXE)
    if _port_answers(self.host, self.port):
        raise RuntimeError('%s:%s is already taken; cannot start the port of %s' % (self.host, self.port, module))
    env = dict(os.environ, DOTNET_ENVIRONMENT='Production', ASPNETCORE_ENVIRONMENT='Production')
    # The folder of the test module (Python's curdir/localDir): the static fixtures the port serves and the session
    # files it writes are there, where the test reads and writes them.
    test_module = sys.modules.get(modulename or '')
    if test_module is not None and getattr(test_module, '__file__', None):
        env['CHERRY_SUITE_TEST_DIR'] = os.path.dirname(os.path.abspath(test_module.__file__))
    for program, variable in SERVERS.get(module, []):
        env[variable] = _start_server(program)
    process = subprocess.Popen(
        [HOST_EXE, module, str(self.port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
    )
    _process[0] = process
    deadline = time.monotonic() + START_TIMEOUT
    output = b''
    # Read the pipe's bytes as they come (os.read): a buffered readline() would pull several lines into Python's buffer
    # at once, and select() on the descriptor would then wait for bytes already read.
    pending = b''
    started = False
    while not started and time.monotonic() < deadline:
        if process.poll() is not None:
            output += pending + process.stdout.read()
            raise RuntimeError('the Cherry port of %s exited with %s:\n%s'
                               % (module, process.returncode, output.decode(errors='replace')))
        ready, _, _ = select.select([process.stdout], [], [], 0.2)
        if ready:
            pending += os.read(process.stdout.fileno(), 65536)
            while b'\n' in pending and not started:
                line, pending = pending.split(b'\n', 1)
                output += line + b'\n'
                if line.startswith(b'cherry-suite ready '):
                    _cherry_version[0] = line.split()[2].decode()
                    started = True
    if not started:
        _stop(self)
        raise RuntimeError('the Cherry port of %s did not start within %ss:\n%s'
                           % (module, START_TIMEOUT, output.decode(errors='replace')))
    while not _port_answers(self.host, self.port):
        if time.monotonic() > deadline:
            _stop(self)
            raise RuntimeError('the Cherry port of %s does not answer on %s:%s' % (module, self.host, self.port))
        time.sleep(0.05)


def _stop(self=None):
    """LocalWSGISupervisor.stop: end the host (its output is discarded; it logs warnings only) and its servers."""
    process, _process[0] = _process[0], None
    if process is not None:
        _end(process)
        process.stdout.close()
    while _servers:
        _end(_servers.pop())


def _end(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


try:
    import pytest_services  # noqa: F401 (it provides watcher_getter itself)
except ImportError:
    @pytest.fixture(scope='session')
    def watcher_getter(request):
        """pytest-services' watcher_getter, which Debian does not package (test_session's memcached fixture uses it):
        starts a program, waits until ``checker()`` is true, and stops the program when the session ends."""
        started = []

        def getter(name, arguments=None, checker=None, request=None, timeout=START_TIMEOUT, **_):
            executable = shutil.which(name)
            if executable is None:
                pytest.skip('%s is not installed' % name)
            process = subprocess.Popen([executable] + list(arguments or []) + _as_user(name),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            started.append(process)
            deadline = time.monotonic() + timeout
            while checker is not None and not checker():
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError('%s did not start' % name)
                time.sleep(0.05)
            return process

        yield getter
        for process in started:
            _end(process)


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
    from cherrypy.test import helper

    _provide_missing_modules()

    helper.LocalWSGISupervisor.start = _start
    helper.LocalWSGISupervisor.stop = _stop
    brand_error_pages()


def brand_error_pages(version=None):
    """assertErrorPage builds its expected page with cherrypy._cperror.get_error_page: only the branding changes, to
    ``version`` when given (suite_case.py, which starts no host and reads no ready line)."""
    from cherrypy import _cperror
    if version is not None:
        _cherry_version[0] = version
    original = _cperror.get_error_page

    def get_error_page(*args, **kwargs):
        return normalise_branding(original(*args, **kwargs))

    _cperror.get_error_page = get_error_page


def pytest_unconfigure(config):
    _stop()


def _key(item):
    return item.nodeid.rsplit('/', 1)[-1]


def pytest_collection_modifyitems(config, items):
    keep, dropped = [], []
    for item in items:
        key = _key(item)
        if key in EXCLUDED:
            dropped.append(item)
            continue
        if key in DEVIATIONS:
            item.add_marker(pytest.mark.xfail(reason=DEVIATIONS[key], strict=True))
        elif key in KNOWN_FAILURES:
            item.add_marker(pytest.mark.xfail(reason='known failure: ' + KNOWN_FAILURES[key], strict=True))
        keep.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


# Per test module: what each included test came to, and how many were excluded; printed after pytest's summary.
_EMPTY_TALLY = {'in': 0, 'passed': 0, 'deviations': 0, 'upstream xfail': 0, 'skipped': 0, 'failing': 0, 'excluded': 0}
_tallies = {}
_outcomes = {}


def _tally(nodeid):
    return _tallies.setdefault(nodeid.split('::', 1)[0].rsplit('/', 1)[-1][:-3], dict(_EMPTY_TALLY))


def pytest_deselected(items):
    for item in items:
        _tally(item.nodeid)['excluded'] += 1


def pytest_runtest_logreport(report):
    # A test's outcome is its worst phase: a failure in setup or teardown fails it, as pytest counts it.
    if report.failed or _key(report) in KNOWN_FAILURES:
        outcome = 'failing'
    elif hasattr(report, 'wasxfail'):
        outcome = 'deviations' if _key(report) in DEVIATIONS else 'upstream xfail'
    elif report.skipped:
        outcome = 'skipped'
    elif report.when == 'call':
        outcome = 'passed'
    else:
        return
    if _outcomes.get(report.nodeid) != 'failing':
        _outcomes[report.nodeid] = outcome


def pytest_terminal_summary(terminalreporter):
    for nodeid, outcome in _outcomes.items():
        tally = _tally(nodeid)
        tally['in'] += 1
        tally[outcome] += 1
    if not _tallies:
        return
    columns = list(_EMPTY_TALLY)
    write = terminalreporter.write_line
    write('')
    write('| module | ' + ' | '.join(columns) + ' |')
    write('|---|' + '---:|' * len(columns))
    for module in sorted(_tallies):
        write('| %s | %s |' % (module, ' | '.join(str(_tallies[module][c]) for c in columns)))
    total = {c: sum(t[c] for t in _tallies.values()) for c in columns}
    write('| total | %s |' % ' | '.join(str(total[c]) for c in columns))
    counted = total['in'] - total['skipped']
    write('Total: %d of %d included tests pass (%.1f %%; %d skipped by the tests themselves not counted)'
          % (total['passed'], counted, 100.0 * total['passed'] / max(counted, 1), total['skipped']))
