#!/usr/bin/env python3
"""Counts from a JFR recording of bench/debit-profile.sh (session 17).

  jfr-shares.py alloc <rec.jfr> <requests>      bytes allocated by all threads over the recording
                                                (jdk.ThreadAllocationStatistics, first and last per thread) per request
  jfr-shares.py frames <cpu.json>[,<cpu.json>…] ...  share of request-thread samples (blocking-executor,
                                                event loop) whose stack holds each frame below; one column per group
  (cpu.json: `jfr print --json --stack-depth 300 --events jdk.ExecutionSample rec.jfr`)
  JFR_FRAMES="A.b C.d" counts those frames instead of the debit's below (session 33: the slots answer's).
"""
import collections, json, os, subprocess, sys

FRAMES = ["ToolsApiController.start", "RunService.start", "TransactionOperations.executeWrite", "WalletRunCharges.debit",
          "JobsInTransaction.enqueue", "JobStorage.insertOn", "JobCreationFilters", "JobUtils.assertJobExists",
          "AiRunRepository$Definition$Intercepted.insert", "JobPackTool.analyse", "RunService.analysisJson",
          "ToolSchemas.problems", "ObjectMapper.valueToTree", "SessionAuthenticationFetcher", "UserSnapshots.find",
          "redis.clients", "TenantFilter", "JacksonJsonMapper.readValue", "RoutingInBoundHandler.writeResponse"]
if os.environ.get("JFR_FRAMES"):
    FRAMES = os.environ["JFR_FRAMES"].split()

def alloc(path, requests):
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ThreadAllocationStatistics", path],
                         capture_output=True, text=True, check=True).stdout
    by = collections.defaultdict(list)
    for e in json.loads(out)["recording"]["events"]:
        v = e["values"]
        by[(v.get("thread") or {}).get("javaName") or "?"].append((v["startTime"], v["allocated"]))
    total = sum(max(xs)[1] - min(xs)[1] for xs in by.values())
    print("allocated: %.1f MB, %.1f kB a request" % (total / 1e6, total / requests / 1e3))

def frames(groups):
    results = []
    for group in groups:
        counts, total = collections.Counter(), 0
        for path in group.split(","):
            for e in json.load(open(path))["recording"]["events"]:
                v = e["values"]; st = v.get("stackTrace")
                thread = (v.get("sampledThread") or {}).get("javaName") or ""
                if not st or not ("blocking" in thread or "eventLoop" in thread):
                    continue
                total += 1
                stack = " ".join(f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in st["frames"])
                for frame in FRAMES:
                    if frame in stack:
                        counts[frame] += 1
        results.append((counts, total))
    print("| frame (inclusive) | " + " | ".join("%s (%d samples)" % (g, t) for g, (_, t) in zip(groups, results)) + " |")
    for frame in FRAMES:
        print("| `%s` | " % frame + " | ".join("%.1f %%" % (100.0 * c[frame] / t) for c, t in results) + " |")

if __name__ == "__main__":
    if sys.argv[1] == "alloc":
        alloc(sys.argv[2], int(sys.argv[3]))
    else:
        frames(sys.argv[2:])
