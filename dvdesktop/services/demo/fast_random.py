"""random.Random with its most used methods in fewer steps, same numbers.

The province demo draws some three million random numbers; random.Random's
randint() goes through randrange() and _randbelow(), choice() and choices()
through checks made for every call. The methods below take the same bits
from the same generator in the same order (Python's own algorithm, written
out for the common case), so a seed gives the very same demo; any other
case is left to random.Random.
"""
from __future__ import annotations

import random
from bisect import bisect as _bisect
from itertools import accumulate as _accumulate
from math import isfinite as _isfinite


class Weights:
    """(value, weight) pairs summed once for SeededRandom.pick: the draw of
    choices(values, weights)[0] without making both lists at every draw."""

    __slots__ = ("values", "cum", "total", "last")

    def __init__(self, pairs):
        self.values = [p[0] for p in pairs]
        self.cum = list(_accumulate(p[1] for p in pairs))
        self.total = self.cum[-1] + 0.0 if self.cum else 0.0
        if not self.total > 0.0 or not _isfinite(self.total):
            raise ValueError(f"weights to draw from: {pairs!r}")
        self.last = len(self.values) - 1


class SeededRandom(random.Random):
    def pick(self, weights: Weights):
        """choices(weights.values, weights=…)[0]: the same number drawn, the same value."""
        return weights.values[_bisect(weights.cum, self.random() * weights.total, 0, weights.last)]

    def randint(self, a, b):
        if type(a) is not int or type(b) is not int or b < a:
            return super().randint(a, b)
        n = b - a + 1  # randrange(a, b + 1): a + _randbelow(n)
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return a + r

    def choice(self, seq):
        n = len(seq)
        if not n:
            return super().choice(seq)  # its IndexError
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return seq[r]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        if k != 1 or (weights is None) == (cum_weights is None):
            return super().choices(population, weights, cum_weights=cum_weights, k=k)
        if cum_weights is None:
            cum_weights = list(_accumulate(weights))
        n = len(population)
        total = cum_weights[-1] + 0.0 if cum_weights else 0.0
        if len(cum_weights) != n or not total > 0.0 or not _isfinite(total):
            return super().choices(population, cum_weights=cum_weights, k=k)  # its errors
        return [population[_bisect(cum_weights, self.random() * total, 0, n - 1)]]
