"""The demo's random generator draws random.Random's very numbers (a seed
gives the same demo as before it was made faster)."""
from __future__ import annotations

import random

import pytest

from dvdesktop.services.demo.fast_random import SeededRandom


@pytest.mark.parametrize("seed", [1, 5, "uid-province-1", "supervision-3"])
def test_same_numbers_as_random_random(seed):
    a, b = random.Random(seed), SeededRandom(seed)
    for i in range(20000):
        m = i % 7
        if m == 0:
            x, y = a.randint(-5, i % 37), b.randint(-5, i % 37)
        elif m == 1:
            seq = list(range(i % 13 + 1))
            x, y = a.choice(seq), b.choice(seq)
        elif m == 2:
            pop = "abcdefg"[: i % 7 + 1]
            w = [j + 0.5 for j in range(len(pop))]
            x, y = a.choices(pop, weights=w), b.choices(pop, weights=w)
        elif m == 3:
            x, y = a.choices("abcd", cum_weights=[1, 3, 3, 10]), b.choices("abcd", cum_weights=[1, 3, 3, 10])
        elif m == 4:
            x, y = a.randint(10**12, 10**12 + i), b.randint(10**12, 10**12 + i)
        elif m == 5:
            x, y = a.choices("xyz", k=3), b.choices("xyz", k=3)
        else:
            x, y = (a.sample(range(50), 3), a.uniform(1, 2)), (b.sample(range(50), 3), b.uniform(1, 2))
        assert x == y, (seed, i)


def test_same_errors_as_random_random():
    r = SeededRandom(1)
    with pytest.raises(IndexError):
        r.choice([])
    with pytest.raises(ValueError):
        r.randint(3, 1)
    with pytest.raises(ValueError):
        r.choices("ab", weights=[0, 0])
    with pytest.raises(ValueError):
        r.choices("ab", cum_weights=[1])
