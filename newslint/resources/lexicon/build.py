"""Build the lexicon's compact form from installed packages, and cache it.

Sources (all PyPI dependencies, read from their installed files; nothing is copied into
newslint):

  wordfreq     `large_en.msgpack.gz`: English word frequencies from news, books, subtitles,
               Wikipedia and the web. Words down to a Zipf frequency of 2.5 (about 3 in a
               billion) are in the dictionary. Frequencies rank suggestions. The rarer ones,
               down to wordfreq's floor of Zipf 1.0, are kept apart: not words of the
               dictionary (the web's typos are among them), but how often the web writes a word
               the dictionary lacks (letup, bureaux) weighs it against a slip.
  symspellpy   `frequency_dictionary_en_82_765.txt`: Google Books counts of the words in SCOWL
               (82,765 words, British and American). It fills in real words that are rare on
               the web, and it is the "clean" list: a word on it is never taken for a misspelling.
  pyspellchecker  `resources/en.json.gz`: a larger English word list (about 160,000 words, SCOWL's
               bigger sizes among them: testier, smattered, denouncer, endorsee). Its words
               the dictionary lacks are kept apart too: a word a dictionary lists is no slip for
               the speller, but too rare to be offered as a correction or to stop a name from
               being a name for the other rules.
  codespell    `data/dictionary.txt`: tens of thousands of real-world misspellings with their
               corrections ("recieve->receive"). Taken out of the dictionary (the web has them).
  breame       British <-> American spelling tables; with codespell's en-GB -> en-US list and
               the transformations of dialects.py, they make the dialect pairs.

Loading all of that takes about a second, so the result is stored once as four `marshal` files
(the words; the misspellings and dialect pairs that only some runs need; the web's rare words
and the larger list's, both read only when a word is unknown) in the cache
folder, keyed by the source files' sizes and time stamps:
$NEWSLINT_CACHE_DIR, else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint. A read-only or
missing cache folder only costs the rebuild. Nothing is ever downloaded.

Every install, and every change of a source file, makes a new build; writing one deletes the
builds not among the few used last (loading a build marks it used), so the folder holds a
handful of builds, not one per install ever made.
"""
from __future__ import annotations

import gzip
import hashlib
import marshal
import os
import re
import tempfile
import time
from array import array
from functools import lru_cache
from importlib.util import find_spec
from itertools import accumulate
from pathlib import Path
from typing import Any

FORMAT = 8
DATA = Path(__file__).resolve().parent / "data"
# Zipf 2.5 == 10**-6.5: wordfreq's centibel bucket 650. Rarer web "words" are mostly noise.
MAX_CENTIBELS = 650
RARE_CENTIBELS = 700  # frequency given to SCOWL words that wordfreq does not rank
_WORD = re.compile(r"^[^\W\d_]+(?:'[^\W\d_]+)*$")


def cache_dir() -> Path:
    env = os.environ.get("NEWSLINT_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newslint"


def _package_file(package: str, *parts: str) -> Path:
    spec = find_spec(package)  # a top-level package: locates it without importing it
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the package '{package}' is not installed (pip install newslint pulls it in)")
    return Path(list(spec.submodule_search_locations)[0], *parts)


def _sources() -> list[Path]:
    here = Path(__file__).resolve().parent
    return [
        _package_file("wordfreq", "data", "large_en.msgpack.gz"),
        _package_file("symspellpy", "frequency_dictionary_en_82_765.txt"),
        _package_file("spellchecker", "resources", "en.json.gz"),
        _package_file("codespell_lib", "data", "dictionary.txt"),
        _package_file("codespell_lib", "data", "dictionary_rare.txt"),
        _package_file("codespell_lib", "data", "dictionary_en-GB_to_en-US.txt"),
        _package_file("breame", "data", "spelling_constants.py"),
        *sorted(DATA.glob("*.yaml")), here / "build.py", here / "dialects.py",
    ]


@lru_cache(maxsize=1)
def cache_key() -> str:
    return build_key(str(FORMAT), _sources())


def build_key(salt: str, sources: list[Path]) -> str:
    """Changes whenever a source file does (path, size and time stamp: cheap to compute, and
    computed once a run)."""
    h = hashlib.sha256(salt.encode())
    for path in sources:
        try:
            st = path.stat()
            h.update(f"{path}:{st.st_size}:{st.st_mtime_ns};".encode())
        except OSError:
            h.update(f"{path}:missing;".encode())
    return h.hexdigest()[:16]


def read_build(path: Path) -> Any:
    """A build from the cache, marked used; None if it is missing or unreadable (build it again)."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    _mark_used(path)
    return data


def load(part: str) -> tuple:
    """One part of the lexicon from the cache (built and cached first if need be):
    "words" -> (centibels, words_data); "extra" -> (misspellings, gb_to_us, shared, american_too);
    "rare" -> (the rarer words, sorted and joined by newlines; where each starts, as uint32
    bytes; their centibels above MAX_CENTIBELS, as bytes); "listed" -> (the larger list's words
    the others lack, joined and located the same way)."""
    key = cache_key()
    data = read_build(cache_dir() / f"lexicon-{key}-{part}.marshal")
    if data is not None:
        return data
    parts = _unstored.get(key) or build()
    stored = [_store(cache_dir() / f"lexicon-{key}-{name}.marshal", data) for name, data in parts.items()]
    if not all(stored):
        _unstored[key] = parts  # the other part, asked for later in this run, is not built again
    else:
        prune(cache_dir(), "lexicon", key)
    return parts[part]


KEEP_OTHER_BUILDS = 2  # besides this install's: other installs on the machine keep theirs
# ... and those used within the last ACTIVE seconds, up to KEEP_ACTIVE_BUILDS: installs at work side by
# side (a venv, a pre-commit env, several checkouts) would otherwise delete each other's builds on
# every run, and each run would rebuild its own (seconds)
KEEP_ACTIVE_BUILDS = 8
ACTIVE = 86400.0
STALE_TEMPORARY = 3600.0  # seconds: a temporary file this old was left by a writer that died


def prune(directory: Path, prefix: str, current: str, keep: int = KEEP_OTHER_BUILDS) -> None:
    """Delete the builds `<prefix>-<key>[-<part>].marshal` in `directory` other than `current`,
    the `keep` used last and those used within the last day (up to KEEP_ACTIVE_BUILDS), and
    stale temporary files. Safe beside other processes: a file is read whole (an open one
    survives its deletion), written by an atomic rename, and a process whose build was deleted
    builds it again."""
    builds: dict[str, list[Path]] = {}
    for path in directory.glob(f"{prefix}-*.marshal"):
        builds.setdefault(path.name[len(prefix) + 1:-len(".marshal")].split("-", 1)[0], []).append(path)
    others = sorted((key for key in builds if key != current),
                    key=lambda key: max(_modified(p) for p in builds[key]), reverse=True)
    now = time.time()
    stale, active = now - STALE_TEMPORARY, now - ACTIVE
    kept = max(keep, min(KEEP_ACTIVE_BUILDS, sum(max(map(_modified, builds[key])) >= active for key in others)))
    doomed = [path for key in others[kept:] for path in builds[key]]
    doomed += [path for path in directory.glob(f".{prefix}-*") if _modified(path) < stale]
    for path in doomed:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # not ours to delete (another user's, a read-only folder): it stays


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _mark_used(path: Path) -> None:
    """The build's time stamp is when it was last used: prune keeps the builds used last."""
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache


# parts this process built but could not cache (a read-only home): built once a run, not per part
_unstored: dict[str, dict[str, tuple]] = {}


def _store(path: Path, data: tuple) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
        with os.fdopen(fd, "wb") as out:
            out.write(marshal.dumps(data))
        os.replace(tmp, path)
        return True
    except OSError:
        return False  # a read-only home: rebuild next run


def build() -> dict[str, tuple]:
    import yaml

    centibels, rare = _wordfreq()
    web = {**rare, **centibels}  # how often the web writes each word (before SCOWL's are added)
    clean = _symspell()
    words_data = yaml.safe_load((DATA / "words.yaml").read_text(encoding="utf-8"))
    extra = set(words_data.get("extra_words") or ())
    for word in list(clean) + sorted(extra):
        centibels.setdefault(word, RARE_CENTIBELS)
    # a word the project lists is a word, whatever codespell says ("combatting", British doubling)
    misspellings = {wrong: right for wrong, right in _codespell().items() if wrong not in clean and wrong not in extra}
    for wrong in misspellings:
        centibels.pop(wrong, None)
    dialect_data = yaml.safe_load((DATA / "dialects.yaml").read_text(encoding="utf-8"))
    from .dialects import derive_pairs
    gb_to_us = derive_pairs(centibels, clean, _listed_pairs(dialect_data), set(dialect_data["not_pairs"]))
    # a spelling of either dialect is not a misspelling (codespell lists "cancelations")
    for spelling in set(gb_to_us) | set(gb_to_us.values()):
        misspellings.pop(spelling, None)
    rare_words = sorted(w for w in rare if w not in centibels and w not in misspellings)
    listed = sorted(w for w in _larger_list() if w not in centibels and w not in misspellings)
    american_too = sorted({gb for gb, us in gb_to_us.items() if _american_too(gb, us, web)}
                          | set(dialect_data.get("american_too") or ()))
    return {"words": (centibels, words_data),
            "extra": (misspellings, gb_to_us, sorted(dialect_data["shared"]), american_too),
            "rare": (*_sorted_store(rare_words), bytes(rare[w] - MAX_CENTIBELS for w in rare_words)),
            "listed": _sorted_store(listed)}


def _sorted_store(words: list[str]) -> tuple[str, bytes]:
    """Sorted words joined by newlines, and where each starts (uint32 bytes): searched by
    bisection, so loading costs two byte strings, not a set of tens of thousands of entries."""
    starts = array("I", accumulate((len(w) + 1 for w in words[:-1]), initial=0))
    return "\n".join(words), starts.tobytes()


# an American form less than half as common as the British one (10**0.3 = 2): Americans write both
AMERICAN_TOO_CENTIBELS = 30


def _american_too(gb: str, us: str, web: dict[str, int]) -> bool:
    """Whether the British form of a pair is a usual American spelling too: English at large,
    which American text dominates, writes its American counterpart less than half as often.
    The spelling tables pair gauge/gage, dialogue/dialog, buses/busses, cancellation/cancelation,
    but American copy writes the first of each; colour/color, travelled/traveled stay British."""
    return gb in web and (us not in web or web[us] - web[gb] > AMERICAN_TOO_CENTIBELS)


def _wordfreq() -> tuple[dict[str, int], dict[str, int]]:
    """word -> centibels (frequency 10**(-cB/100)), wordfreq's own bucketed format: the words
    down to MAX_CENTIBELS, and the rarer lower-case ones."""
    import msgpack
    path = _package_file("wordfreq", "data", "large_en.msgpack.gz")
    with gzip.open(path) as f:
        buckets = msgpack.load(f, raw=False, strict_map_key=False)
    out: dict[str, int] = {}
    rare: dict[str, int] = {}
    match = _WORD.match
    for cb, words in enumerate(buckets[1:]):  # buckets[0] is the header
        into = out if cb <= MAX_CENTIBELS + 1 else rare
        for word in words:
            if match(word) and word not in out and (into is out or word.islower()):
                into.setdefault(word, cb)
    return out, rare


def _symspell() -> set[str]:
    path = _package_file("symspellpy", "frequency_dictionary_en_82_765.txt")
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            word = line.split(" ", 1)[0]
            if _WORD.match(word):
                words.add(word)
    return words


def _larger_list() -> list[str]:
    """pyspellchecker's English words (lower case, with its frequencies, which are not the web's)."""
    import json
    with gzip.open(_package_file("spellchecker", "resources", "en.json.gz")) as f:
        return [word for word in json.load(f) if _WORD.match(word)]


def _codespell() -> dict[str, str]:
    """misspelling -> 'correction' or 'one, other': codespell's main list and its list of rare
    words that are mostly misspellings ("withing"); build() drops the SCOWL words among them."""
    out: dict[str, str] = {}
    for name in ("dictionary.txt", "dictionary_rare.txt"):
        path = _package_file("codespell_lib", "data", name)
        for line in path.read_text(encoding="utf-8").splitlines():
            wrong, _, right = line.partition("->")
            if _WORD.match(wrong) and wrong.islower() and len(wrong) >= 3:
                out.setdefault(wrong, right.rstrip(",").strip())
    return out


def _listed_pairs(dialect_data: dict) -> dict[str, str]:
    pairs: dict[str, str] = {}
    try:
        from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS
        pairs.update({k: v for k, v in BRITISH_ENGLISH_SPELLINGS.items() if k != v})
    except ImportError:
        pass
    path = _package_file("codespell_lib", "data", "dictionary_en-GB_to_en-US.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        gb, _, us = line.partition("->")
        if gb and us and "," not in us:
            pairs.setdefault(gb.strip(), us.strip())
    pairs.update(dialect_data.get("pairs") or {})
    for word in dialect_data.get("different_words") or ():
        pairs.pop(word, None)
    return pairs
