"""Mnemonics for labels made by the code (the Designer files carry their own,
tests/gui/test_mnemonics.py): each text gets an Alt+letter that no other
control of its window uses, a plain ASCII letter of the text (Alt+ư cannot be
typed), the first letter of a word when it can."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def mnemonic(text: str) -> str | None:
    """The character after the single '&' of *text* ('&&' is a literal '&'), or None."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1]
            i += 1
        i += 1
    return None


def taken(window: QWidget) -> set[str]:
    """The Alt+letters (lower case) the labels and buttons of *window* already use."""
    found = set()
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        letter = mnemonic(widget.text())
        if letter:
            found.add(letter.lower())
    return found


def _letters(text: str) -> list[tuple[str, int]]:
    """(letter, position) a mnemonic can go on, word-initial ones first, each letter once."""
    initial, other = [], []
    for i, ch in enumerate(text):
        if ch.isascii() and ch.isalnum():
            (initial if i == 0 or not text[i - 1].isalnum() else other).append((ch.lower(), i))
    seen, out = set(), []
    for letter, i in initial + other:
        if letter not in seen:
            seen.add(letter)
            out.append((letter, i))
    return out


def assign(texts: list[str], used: set[str]) -> list[str]:
    """*texts* with an '&' each where a letter is free (most texts served: a
    matching, not first come first served); a text without one stays as it was."""
    options = [_letters(t) if mnemonic(t) is None else [] for t in texts]
    owner: dict[str, int] = {}

    def place(i: int, seen: set[str]) -> bool:
        free = [letter for letter, _pos in options[i] if letter not in used and letter not in seen]
        for letter in free:  # a letter nobody has, before moving another text off its own
            if letter not in owner:
                seen.add(letter)
                owner[letter] = i
                return True
        for letter in free:
            if letter in seen:
                continue
            seen.add(letter)
            if place(owner[letter], seen):
                owner[letter] = i
                return True
        return False

    for i in range(len(texts)):
        place(i, set())
    out = list(texts)
    for letter, i in owner.items():
        pos = dict(options[i])[letter]
        out[i] = texts[i][:pos] + "&" + texts[i][pos:]
    return out


def give(window: QWidget, labels: list[QLabel]) -> None:
    """Give *labels* (made by the code, each with a buddy) mnemonics free in *window*."""
    for label, text in zip(labels, assign([lab.text() for lab in labels], taken(window)), strict=True):
        label.setText(text)
