"""The benchmark functions of bench/, identical to org.tunebook.bench.Functions.

Each function is a dict: name, space (list of dimensions) and f(params: dict) -> float, minimum.
A dimension is a dict with keys name, kind ("real", "int", "cat"), and low/high/log or choices.
"""
import math

def _real(name, low, high, log=False):
    return {"name": name, "kind": "real", "low": low, "high": high, "log": log}

def _int(name, low, high):
    return {"name": name, "kind": "int", "low": low, "high": high, "log": False}

def _cat(name, choices):
    return {"name": name, "kind": "cat", "choices": list(choices)}

def branin_xy(x1, x2):
    a, b, c, r, s, t = 1.0, 5.1 / (4 * math.pi ** 2), 5 / math.pi, 6.0, 10.0, 1 / (8 * math.pi)
    u = x2 - b * x1 * x1 + c * x1 - r
    return a * u * u + s * (1 - t) * math.cos(x1) + s

_H_ALPHA = [1.0, 1.2, 3.0, 3.2]
_H_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
_H_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]

def hartmann6_vec(x):
    total = 0.0
    for i in range(4):
        inner = sum(_H_A[i][j] * (x[j] - _H_P[i][j] * 1e-4) ** 2 for j in range(6))
        total += _H_ALPHA[i] * math.exp(-inner)
    return -total

def rosenbrock_vec(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))

def ackley_vec(x):
    d = len(x)
    sq = sum(v * v for v in x)
    cs = sum(math.cos(2 * math.pi * v) for v in x)
    return -20 * math.exp(-0.2 * math.sqrt(sq / d)) - math.exp(cs / d) + 20 + math.e

MIXED_LEVELS = {"a": 0.5, "b": 0.0, "c": 1.0, "d": 2.0}

def mixed_fn(x, lr, units, act):
    return (x - 1) ** 2 + (math.log10(lr) + 2) ** 2 + ((units - 7) / 5.0) ** 2 + MIXED_LEVELS[act]

def _vec(p, n):
    return [float(p["x%d" % (i + 1)]) for i in range(n)]

FUNCTIONS = {
    "branin": {"space": [_real("x1", -5, 10), _real("x2", 0, 15)],
               "f": lambda p: branin_xy(float(p["x1"]), float(p["x2"])), "minimum": 0.39788735772973816},
    "hartmann6": {"space": [_real("x%d" % i, 0, 1) for i in range(1, 7)],
                  "f": lambda p: hartmann6_vec(_vec(p, 6)), "minimum": -3.3223680114155147},
    "rosenbrock4": {"space": [_real("x%d" % i, -5, 10) for i in range(1, 5)],
                    "f": lambda p: rosenbrock_vec(_vec(p, 4)), "minimum": 0.0},
    "ackley5": {"space": [_real("x%d" % i, -32.768, 32.768) for i in range(1, 6)],
                "f": lambda p: ackley_vec(_vec(p, 5)), "minimum": 0.0},
    "mixed": {"space": [_real("x", -5, 5), _real("lr", 1e-4, 1, log=True), _int("units", 1, 20), _cat("act", "abcd")],
              "f": lambda p: mixed_fn(float(p["x"]), float(p["lr"]), int(p["units"]), p["act"]), "minimum": 0.0},
}
for _name, _fn in FUNCTIONS.items():
    _fn["name"] = _name

def get(name):
    return FUNCTIONS[name]
