"""Checks snn-run's LIF trace against the closed-form solution.

v(t) = v_leak + r I (1 - exp(-t / tau)) for the neurons that never reach
threshold; neuron 2 (threshold -60 mV, reset -70 mV) fires with the period
the exact update predicts: the first k with
v_reset + (v_inf - v_reset)(1 - alpha^k) > theta, v_inf = v_leak + r I.
"""
import json
import math
import sys

probes = json.load(open(sys.argv[1]))
spikes = json.load(open(sys.argv[2]))
dt, tau, r, vleak, current = 0.1, 20.0, 2.0, -65.0, 3.0
trace = probes["probes"]["v"]
steps, size = trace["shape"]
data = trace["data"]
worst = 0.0
for k in range(1, steps + 1):
    expected = vleak + r * current * (1 - math.exp(-k * dt / tau))
    for i in (0, 1):
        worst = max(worst, abs(data[(k - 1) * size + i] - expected))
assert worst < 1e-9, "LIF trace deviates by %g mV" % worst

alpha = math.exp(-dt / tau)
vinf, vreset, theta = vleak + r * current, -70.0, -60.0
first = next(k for k in range(1, 100000)
             if vleak + (vinf - vleak) * (1 - alpha ** k) > theta)
period = next(k for k in range(1, 100000)
              if vreset + (vinf - vreset) * (1 - alpha ** k) > theta)
times = [e[0] for e in spikes["outputs"][0]["events"] if e[1] == 2]
expected = list(range(first - 1, steps, period))
assert times == expected, "spike steps %s, expected %s" % (times[:5], expected[:5])
assert all(e[1] == 2 for e in spikes["outputs"][0]["events"])
print("ok: max deviation %.3g mV, %d spikes every %d steps" % (worst, len(times), period))
