#!/usr/bin/python3
"""CherryPy 18.8 (Debian's python3-cherrypy3) answering every scenario of bench/run.sh with the same handlers
as the C# servers. Usage: /usr/bin/python3 cherrypy_bench.py PORT   (BENCH_STATIC_DIR holds the 1 MB file)"""
import os
import sys
import tempfile

import cherrypy
from cherrypy.lib import auth_basic


class Root:
    @cherrypy.expose
    @cherrypy.tools.response_headers(headers=[('Content-Type', 'text/plain')])
    def plaintext(self):
        return 'Hello, World!'

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def json(self):
        return {'text': 'Hello, World!'}


class Chain:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def index(self):
        return {'text': 'Hello, World!'}


class Counter:
    @cherrypy.expose
    def index(self):
        count = cherrypy.session.get('count', 0) + 1
        cherrypy.session['count'] = count
        return 'count %d' % count


class Leaf:
    @cherrypy.expose
    def leaf(self):
        return 'deep leaf'


def deep():
    """/deep/n/.../n/leaf: 20 segments, one object per level."""
    node = Leaf()
    for _ in range(18):
        parent = type('Level', (), {})()
        parent.n = node
        node = parent
    return node


def large():
    """/large/s{S}/h{H}: 100 sections of 10 exposed handlers."""
    root = type('Large', (), {})()
    for s in range(100):
        section = type('Section', (), {})()
        for h in range(10):
            def handler(text='large %d.%d' % (s, h)):
                return text
            handler.exposed = True
            setattr(section, 'h%d' % h, handler)
        setattr(root, 's%d' % s, section)
    return root


def main():
    port = int(sys.argv[1])
    root = Root()
    root.deep = deep()
    root.large = large()
    root.chain = Chain()
    root.session = Counter()
    cherrypy.config.update({
        'server.socket_host': '127.0.0.1',
        'server.socket_port': port,
        'engine.autoreload.on': False,
        'log.screen': False,
        'environment': 'production',
    })
    cherrypy.tree.mount(root, '', {
        '/chain': {
            'tools.auth_basic.on': True,
            'tools.auth_basic.realm': 'bench',
            'tools.auth_basic.checkpassword': auth_basic.checkpassword_dict({'bench': 'bench'}),
            'tools.caching.on': True,
            'tools.caching.delay': 3600,
        },
        '/session': {'tools.sessions.on': True, 'tools.sessions.name': 'sid'},
        '/static': {
            'tools.staticdir.on': True,
            'tools.staticdir.dir': os.environ.get('BENCH_STATIC_DIR', tempfile.gettempdir()),
        },
    })
    cherrypy.engine.signals.subscribe()
    cherrypy.engine.start()
    cherrypy.engine.block()


if __name__ == '__main__':
    main()
