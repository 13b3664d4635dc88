"""Checks the mean rate of every population of a kind lies in [lo, hi] Hz."""
import json
import sys

activity = json.load(open(sys.argv[1]))
kind, lo, hi = sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
rates = [n["mean_rate_hz"] for n in activity["nodes"] if n["kind"] == kind]
assert rates, "no population of kind %s" % kind
for rate in rates:
    assert lo <= rate <= hi, "rate %.2f Hz outside [%g, %g]" % (rate, lo, hi)
print("rates ok: " + ", ".join("%.2f Hz" % r for r in rates))
