#!/usr/bin/env python3
"""A/B: servers resident together pinned to core 0, wrk -t1 -c64 on core 1 loads them in turn (order turning each pair).
Usage: ab.py PATH PAIRS SECONDS name=binary[:ENV=VAL] ...   prints req/s per run and median ratio of each to the first."""
import os, socket, subprocess, sys, time, re, statistics, random
path, pairs, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
servers = []
for spec in sys.argv[4:]:
    name, rest = spec.split('=', 1)
    parts = rest.split(':')
    binary, env = parts[0], dict(p.split('=', 1) for p in parts[1:])
    s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()
    proc = subprocess.Popen(['taskset', '-c', '0', binary, '--urls', f'http://127.0.0.1:{port}'], env={**os.environ, **env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    servers.append((name, port, proc))
time.sleep(2)
def cpu(pid):
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return int(fields[11]), int(fields[12])  # utime, stime in ticks
TICK = os.sysconf('SC_CLK_TCK')
def load(port, secs, pid=None):
    before = cpu(pid) if pid else None
    out = subprocess.run(['taskset', '-c', '1', 'wrk', '-t1', '-c64', f'-d{secs}s', f'http://127.0.0.1:{port}{path}'], capture_output=True, text=True).stdout
    m = re.search(r'Requests/sec:\s+([\d.]+)', out)
    rps = float(m.group(1)) if m else 0.0
    if pid:
        after = cpu(pid)
        total = rps * secs
        return rps, (after[0] - before[0]) / TICK / total * 1e6, (after[1] - before[1]) / TICK / total * 1e6
    return rps
try:
    for name, port, _ in servers:
        load(port, 3)
    results = {name: [] for name, _, _ in servers}
    usr = {name: [] for name, _, _ in servers}
    sys_ = {name: [] for name, _, _ in servers}
    for p in range(pairs):
        order = servers[p % len(servers):] + servers[:p % len(servers)]
        for name, port, proc in order:
            rps, u, k = load(port, seconds, proc.pid)
            results[name].append(rps); usr[name].append(u); sys_[name].append(k)
        print(f'pair {p+1}: ' + '  '.join(f'{n} {results[n][-1]:.0f} ({usr[n][-1]:.1f}+{sys_[n][-1]:.1f} us/req)' for n, _, _ in servers), flush=True)
    for name, _, _ in servers:
        print(f'{name}: median user {statistics.median(usr[name]):.2f} us/req, kernel {statistics.median(sys_[name]):.2f} us/req, req/s {statistics.median(results[name]):.0f}')
    base = servers[0][0]
    random.seed(1)
    for name, _, _ in servers[1:]:
        ratios = [a / b for a, b in zip(results[name], results[base])]
        med = statistics.median(ratios)
        boots = sorted(statistics.median(random.choices(ratios, k=len(ratios))) for _ in range(10000))
        print(f'{name}/{base}: median {med:.3f} (95% {boots[250]:.3f}-{boots[9749]:.3f}) ratios ' + ' '.join(f'{r:.2f}' for r in ratios))
finally:
    for _, _, proc in servers:
        proc.terminate()
