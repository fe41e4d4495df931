"""``python tests/measure_child.py REPORT.json ARGS...``: run the CLI with ARGS in a child and write its
exit code, CPU seconds and peak memory to REPORT.json.

A small launcher of its own, because on Linux a child's peak memory counts the memory of the
process it was forked from: measured straight from pytest, the figure would include pytest's.
"""
import json
import os
import subprocess
import sys
import time

report, args = sys.argv[1], sys.argv[2:]
started = time.monotonic()
proc = subprocess.Popen([sys.executable, "-m", "kehoach_desktop", *args])
_, status, usage = os.wait4(proc.pid, 0)
with open(report, "w", encoding="utf-8") as out:
    json.dump({"code": os.waitstatus_to_exitcode(status), "cpu": usage.ru_utime + usage.ru_stime,
               "peak_mb": usage.ru_maxrss / 1024, "wall": time.monotonic() - started}, out)
