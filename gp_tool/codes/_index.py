"""In-memory search index over one code list, built once when the list is loaded.

The type-ahead search runs on every keystroke, so it must stay in single-digit milliseconds over the
17,000 ICPC-2/ICPC-2B texts and 20,000 ICD-10 texts. A Python loop over every text costs 1.5-4 ms per
query word before any ranking, so the index avoids per-text Python work at query time:

* Texts are normalised once (casefold, punctuation to spaces) in one pass over all texts joined together,
  and encoded as UTF-8 bytes: byte operations (``translate``, ``split``, ``find``) run in C, and UTF-8 keeps
  substring matches exact for æ, ø and å.
* An inverted index maps each distinct word (a sorted vocabulary of about 8,000 words for ICD-10) to the
  texts that contain it. A word-prefix query is a ``bisect`` range in the vocabulary and a C-level union of
  the postings. Substring matches search the short joined vocabulary, not the texts.
* Rows are reordered by normalised code, so a row number compares like its code and a code-prefix query
  is a ``bisect`` range of row numbers.

Scores are small integers so ordering is exact and deterministic (see ``Score``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Final

__all__ = ["MIN_SUBSTRING", "Score", "SearchIndex", "code_key", "text_parts"]


class Score:
    """Points per matched query word; a hit's score is the sum over the words of the query.

    Code matches outrank any text match because a GP typing "L0" or "M54" means a code. A whole word
    outranks the start of a word, which outranks a match inside a word ("rygg" in "Korsrygg"); a match
    on the first word of the text gets a small bonus because Norwegian texts name the body part or the
    disease first ("Angstlidelse", "Ryggsyndrom ...").
    """

    CODE_EXACT: Final = 100
    CODE_PREFIX: Final = 90
    WORD_EXACT: Final = 50
    WORD_PREFIX: Final = 40
    FIRST_WORD_BONUS: Final = 5
    SUBSTRING: Final = 20
    #: Subtracted when an ICPC-2 code is reached through an ICPC-2B synonym, so that on equal terms the
    #: code's own text is shown rather than a synonym.
    VIA_SYNONYM_PENALTY: Final = 1


#: One- and two-letter fragments occur inside almost every word; only word starts count for them.
MIN_SUBSTRING: Final = 3

# Non-ASCII punctuation in the texts (and in typed queries): a space, like ASCII punctuation.
_PUNCTUATION: Final = frozenset("«»–—‘’“”…·\u00a0")
# ASCII letters and digits stay, every other ASCII byte becomes a space, bytes >= 0x80 (the parts of
# multi-byte UTF-8 letters such as æ, ø, å, é) stay. Newline stays: it separates texts during the build.
_KEEP: Final = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789\n") | frozenset(range(0x80, 0x100))
_TABLE: Final = bytes(c if c in _KEEP else 0x20 for c in range(256))
_ASCII: Final = bytes(range(0x80))
_CODE_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def normalise(text: str) -> bytes:
    """Casefold, encode as UTF-8 and turn punctuation into spaces; used for texts and queries alike.

    Equivalent to ``text.casefold()`` followed by the punctuation rule, but done on bytes: ASCII is
    lowered in C, and only the few distinct non-ASCII characters (Å, Ø, É, «, ...) are handled one by
    one. On the 1.3 MB of ICD-10 text that is about three times faster than ``str.casefold``, and the
    load time of a list is what a GP waits for on the first keystroke.
    """
    data = text.encode("utf-8").lower()
    others = data.translate(None, _ASCII)
    if others:
        # Only whole multi-byte sequences remain, so this decodes; UTF-8 is self-synchronising, so
        # replacing one character's bytes never touches another character.
        for char in set(others.decode("utf-8")):
            if char in _PUNCTUATION:
                data = data.replace(char.encode("utf-8"), b" ")
            else:
                folded = char.casefold()
                if folded != char:
                    data = data.replace(char.encode("utf-8"), folded.encode("utf-8"))
    return data.translate(_TABLE)


def text_parts(term: str) -> list[bytes]:
    """The normalised words of one query term ("symptomer/plager" gives two words, both required)."""
    return normalise(term).split()


def code_key(term: str) -> str:
    """The form in which a query term is compared with codes: upper case, letters and digits only.

    Dropping the dot lets "M54.5" match ICD-10 M545 and "L03.00" match ICPC-2B L03.0002.
    """
    return "".join(ch for ch in term.upper() if ch in _CODE_CHARS)


class SearchIndex:
    """Word and code index over the rows of one code list. Immutable once built; safe to share."""

    __slots__ = ("_first", "_postings", "_row_keys", "_vocab", "_vocab_blob", "_vocab_starts")

    def __init__(self, row_keys: Sequence[str], row_texts: Sequence[str]) -> None:
        """Index rows whose normalised codes ``row_keys`` are sorted ascending.

        ``row_texts`` holds one searchable text per row (several texts joined by newline is not allowed;
        join them with a space). The first word of each text earns the first-word bonus.
        """
        self._row_keys: tuple[str, ...] = tuple(row_keys)
        if any(a > b for a, b in zip(self._row_keys, self._row_keys[1:], strict=False)):
            raise ValueError("rows must be sorted by code key")
        lines = normalise("\n".join(row_texts)).split(b"\n")
        if len(lines) != len(row_texts):
            raise ValueError("a text contains a line break")
        # The one per-word Python loop of the module (~180,000 words for ICD-10). It is written for speed:
        # a plain dict with .get beats defaultdict and setdefault, and a word repeated within a text is
        # not deduplicated here because the query side unions postings into dicts anyway.
        postings: dict[bytes, list[int]] = {}
        first: dict[bytes, list[int]] = {}
        for row, line in enumerate(lines):
            words = line.split()
            if not words:
                continue
            rows = first.get(words[0])
            if rows is None:
                first[words[0]] = [row]
            else:
                rows.append(row)
            for word in words:
                rows = postings.get(word)
                if rows is None:
                    postings[word] = [row]
                else:
                    rows.append(row)
        self._vocab: tuple[bytes, ...] = tuple(sorted(postings))
        self._postings: tuple[list[int], ...] = tuple(postings[w] for w in self._vocab)
        self._first = first
        # Vocabulary joined by newlines for substring search, with each word's start offset.
        self._vocab_blob = b"\n".join(self._vocab) + b"\n"
        starts = [0]
        for word in self._vocab:
            starts.append(starts[-1] + len(word) + 1)
        self._vocab_starts: tuple[int, ...] = tuple(starts)

    def __len__(self) -> int:
        return len(self._row_keys)

    # ------------------------------------------------------------------ matching one query word

    def _substring_words(self, part: bytes, skip_lo: int, skip_hi: int) -> Iterable[int]:
        """Indexes of vocabulary words containing ``part`` other than those in the prefix range."""
        blob, starts = self._vocab_blob, self._vocab_starts
        found: list[int] = []
        pos = blob.find(part)
        while pos >= 0:
            word = bisect_right(starts, pos) - 1
            if not skip_lo <= word < skip_hi:
                found.append(word)
            pos = blob.find(part, starts[word + 1])
        return found

    def text_scores(self, part: bytes) -> dict[int, int]:
        """Rows whose text matches one normalised query word, with that word's score."""
        vocab = self._vocab
        lo = bisect_left(vocab, part)
        hi = bisect_left(vocab, part + b"\xff", lo)  # 0xFF never occurs in UTF-8
        scores: dict[int, int] = {}
        if len(part) >= MIN_SUBSTRING:
            inside = self._substring_words(part, lo, hi)
            scores = dict.fromkeys(chain.from_iterable(self._postings[w] for w in inside), Score.SUBSTRING)
        if lo == hi:
            return scores
        scores.update(dict.fromkeys(chain.from_iterable(self._postings[lo:hi]), Score.WORD_PREFIX))
        if vocab[lo] == part:
            scores.update(dict.fromkeys(self._postings[lo], Score.WORD_EXACT))
        first = self._first
        for word in vocab[lo:hi]:
            for row in first.get(word, ()):
                scores[row] += Score.FIRST_WORD_BONUS
        return scores

    def code_scores(self, key: str) -> dict[int, int]:
        """Rows whose normalised code starts with ``key`` (see :func:`code_key`)."""
        if not key:
            return {}
        keys = self._row_keys
        lo = bisect_left(keys, key)
        hi = bisect_left(keys, key + "\uffff", lo)
        scores = dict.fromkeys(range(lo, hi), Score.CODE_PREFIX)
        if lo < hi and keys[lo] == key:
            scores[lo] = Score.CODE_EXACT
        return scores

    # ------------------------------------------------------------------ whole queries

    def search(self, terms: Sequence[str], *, min_code_key: int = 1) -> dict[int, int]:
        """Rows matching every term, with the summed score.

        A term matches a row through its code (prefix) or through its text (every word of the term must
        match); the better of the two counts. ``min_code_key`` skips code matching for shorter terms,
        which the ICPC-2B list uses when its parents are searched too (a three-character key matches
        the parent code itself, and better).
        """
        total: dict[int, int] | None = None
        for term in terms:
            key = code_key(term)
            scores = self.code_scores(key) if len(key) >= min_code_key else {}
            text: dict[int, int] | None = None
            for part in text_parts(term):
                found = self.text_scores(part)
                if text is None:
                    text = found
                else:
                    text = {row: min(s, found[row]) for row, s in text.items() if row in found}
                if not text:
                    break
            if text:
                if scores:
                    for row, s in text.items():
                        if s > scores.get(row, 0):
                            scores[row] = s
                else:
                    scores = text
            if not scores:
                return {}
            if total is None:
                total = scores
            else:
                if len(scores) < len(total):
                    total, scores = scores, total
                total = {row: s + scores[row] for row, s in total.items() if row in scores}
                if not total:
                    return {}
        return total or {}
