"""Self time of two perf profiles, grouped by where each symbol lives (bench/profile.sh --compare)."""
import collections
import re
import subprocess
import sys

GROUPS = [
    (lambda s: s.startswith("Cherry_Runtime"), "Cherry.Runtime"),
    (lambda s: s.startswith("CherryBench"), "CherryBench (generated + app)"),
    (lambda s: "Routing" in s, "AspNetCore.Routing"),
    (lambda s: s.startswith("Microsoft_AspNetCore_Server_Kestrel"), "Kestrel"),
    (lambda s: s.startswith(("Microsoft_AspNetCore_Http", "Microsoft_AspNetCore_Hosting")), "AspNetCore.Http/Hosting"),
    (lambda s: s.startswith("Microsoft_Extensions"), "Microsoft.Extensions"),
    (lambda s: s.startswith(("Rhp", "RhNew", "RhBulk", "WKS", "SVR")), "GC, allocation, runtime helpers"),
    (lambda s: s.startswith("S_P_CoreLib_System_Threading"), "CoreLib threading"),
    (lambda s: s.startswith("S_P_CoreLib"), "CoreLib other"),
    (lambda s: s.startswith("System_"), "System.* libraries"),
]


def grouped(data):
    report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "sym", "--stdio"],
                            capture_output=True, text=True, check=True).stdout
    totals = collections.Counter()
    for line in report.splitlines():
        match = re.match(r"\s+([\d.]+)%\s+\[(.)\]\s+(\S+)", line)
        if not match:
            continue
        percent, kind, symbol = float(match.group(1)), match.group(2), match.group(3)
        group = "kernel" if kind == "k" else next((name for test, name in GROUPS if test(symbol)), "other native (libc, ...)")
        totals[group] += percent
    return totals


first, second = grouped(sys.argv[1]), grouped(sys.argv[2])
for group in sorted(set(first) | set(second), key=lambda g: -first[g]):
    print(f"{group:34s} {first[group]:6.1f}% {second[group]:6.1f}%")
