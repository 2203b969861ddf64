"""Font subsets embedded once per character set, not once per PDF.

reportlab embeds in every PDF a subset of each TrueType font it used: it
copies the glyphs of the characters the document printed into a new font
file (makeSubset) and deflates it. For a batch of minutes that is a fifth
of each document's time, and the result is the same file every time: the
minutes share their characters (a subset lists the characters in the order
the document first used them, so documents that print the same text in the
same order get the same subset). Both steps are kept here by the subset's
character list: the same list gives the very same bytes, so the PDF is
unchanged, only made sooner.
"""
from __future__ import annotations

import threading
import zlib
from collections import OrderedDict

from reportlab.pdfbase import pdfdoc

_LIMIT = 64  # subsets kept per font (a few hundred KB each at most)


class _Memo:
    """A small least-recently-used map, safe to share between threads."""

    def __init__(self, limit: int = _LIMIT):
        self._items: OrderedDict = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()

    def get(self, key, make):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
                return value
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._limit:
                self._items.popitem(last=False)
        return value


class _FlateOnce:
    """reportlab's FlateDecode filter (same zlib call, same bytes), remembering
    the deflated font files it has made."""

    pdfname = "FlateDecode"

    def __init__(self):
        self._memo = _Memo()

    def encode(self, text):
        if isinstance(text, str):
            text = text.encode("utf8")
        return self._memo.get(text, lambda: zlib.compress(text))

    def decode(self, encoded):
        return zlib.decompress(encoded)


_FLATE = _FlateOnce()


def cache_subsets(font) -> None:
    """Make the reportlab TTFont *font* reuse its subsets across documents."""
    face = font.face
    if getattr(face, "_dv_cached", False):
        return
    memo = _Memo()
    make_subset = face.makeSubset
    add_objects = face.addSubsetObjects

    def cached_subset(subset):
        return memo.get(tuple(subset), lambda: make_subset(subset))

    def add_subset_objects(doc, fontname, subset):
        ref = add_objects(doc, fontname, subset)
        # the font file stream just made (reportlab names it so): deflated once per subset
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if stream is not None and stream.filters == [pdfdoc.PDFZCompress]:
            stream.filters = [_FLATE]
        return ref

    face.makeSubset = cached_subset
    face.addSubsetObjects = add_subset_objects
    face._dv_cached = True
    _cache_widths(font)


class _Formatted(pdfdoc.PDFObject):
    """An object already written out as PDF (a subset's /Widths array)."""

    def __init__(self, data: bytes):
        self._data = data

    def format(self, document):  # noqa: ARG002 - reportlab's signature
        return self._data


def _cache_widths(font) -> None:
    """Each subset's /Widths array (a number per character, formatted one by
    one by reportlab) written once per subset, its ToUnicode map deflated once."""
    memo = _Memo()
    add_objects = font.addObjects

    def add(doc):
        state = font.state.get(doc)
        names = [font.getSubsetInternalName(n, doc)[1:] for n in range(len(state.subsets))] if state else []
        add_objects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name in names:
            pdf_font = fonts.get(name)
            widths = getattr(pdf_font, "Widths", None)
            if isinstance(widths, pdfdoc.PDFArray):
                seq = tuple(widths.sequence)
                pdf_font.Widths = memo.get(seq, lambda w=widths: _Formatted(w.format(doc)))
            # its ToUnicode map: the same text for the same subset, deflated once
            cmap = doc.idToObject.get(f"toUnicodeCMap:{getattr(pdf_font, 'BaseFont', '')}")
            if cmap is not None and cmap.filters == [pdfdoc.PDFZCompress]:
                cmap.filters = [_FLATE]

    font.addObjects = add
