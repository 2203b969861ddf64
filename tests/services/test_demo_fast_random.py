"""The demo's random generator draws random.Random's very numbers (a seed
gives the same demo as before it was made faster)."""
from __future__ import annotations

import random

import pytest

from dvdesktop.services.demo.fast_random import SeededRandom, Weights


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


@pytest.mark.parametrize("seed", [1, "supervision-3"])
def test_pick_draws_what_choices_draws(seed):
    """pick(Weights(pairs)): the value choices(values, weights)[0] gives, from the same number."""
    pairs = [("thanh", 80), ("khong_thanh", 12), ("dung", 3), ("chuyen", 5)]
    fractional = [(v, w + 0.25) for v, w in pairs[:3]]
    a, b = random.Random(seed), SeededRandom(seed)
    for i in range(5000):
        chosen = pairs if i % 2 else fractional
        expected = a.choices([p[0] for p in chosen], weights=[p[1] for p in chosen])[0]
        assert b.pick(Weights(chosen)) == expected, (seed, i)
    assert a.random() == b.random()  # no number more, none less


def test_weights_refuse_what_choices_refuses():
    for pairs in ([], [("a", 0), ("b", 0)], [("a", float("inf"))]):
        with pytest.raises(ValueError):
            Weights(pairs)
