"""Branin-Hoo on [-5,10] x [0,15] (global minimum 0.397887): the objective of scripts/demo.sh.
Usage: branin.py X1 X2 -> prints the value as its last line, as `tunebook optimize` expects."""
import math
import sys

x1, x2 = float(sys.argv[1]), float(sys.argv[2])
b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
print((x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10)
