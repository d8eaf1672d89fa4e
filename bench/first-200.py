#!/usr/bin/env python3
"""Waits for a starting node's first 200 of /health and prints the milliseconds since its start.

  first-200.py <port> <started, ns since the epoch (date +%s%N)> <pid> [timeout s, default 120]

One process that asks every 20 ms over a plain socket. bench/startup.sh and bench/run used to start
a curl and a sleep every 20 / 50 ms instead: counted on a slow 2-core machine (session 30), a curl that
finds the port closed costs 29 ms of CPU and a sleep 7 ms, so that loop took 0.4-0.7 of a core from
the start it timed. Exits 1 when the process <pid> has gone, 2 on the timeout.
"""
import socket
import sys
import time

port, started, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
deadline = time.monotonic() + (float(sys.argv[4]) if len(sys.argv) > 4 else 120.0)
request = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def status():
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request)
        head = b""
        while b"\r\n" not in head:
            chunk = s.recv(256)
            if not chunk:
                break
            head += chunk
        parts = head.split(b" ", 2)
        return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


while time.monotonic() < deadline:
    try:
        if status() == 200:
            print((time.time_ns() - started) // 1_000_000)
            sys.exit(0)
    except OSError:
        pass
    try:
        with open("/proc/%d/stat" % pid) as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                sys.exit(1)  # exited, not yet reaped by the script that started it
    except FileNotFoundError:
        sys.exit(1)
    time.sleep(0.02)
sys.exit(2)
