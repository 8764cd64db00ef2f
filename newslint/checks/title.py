"""title: the same person given two different roles ("Treasury Secretary Janet Yellen" ...
"Commerce Secretary Yellen").

A role is the run of capitalised words before a name that ends in a head noun from the YAML
(Secretary, Minister, President...), with an "of ..." after it ("Secretary of State"). Two roles
agree when one is the other with more words in front ("Foreign Minister", "Chinese Foreign
Minister"), leaving out the `aspects` that name one post from two sides ("Senate Minority Leader" is
the "Senate Democratic Leader"); roles with different heads are held together ("General", "President") unless the YAML
makes them exclusive ("Mr" and "Mrs", "Sergeant" and "Inspector"), and a role modifier from the
article model ("Deputy", "Vice", "Assistant") makes another role of the same head. People are told
apart by first name (the article's own full names count: "Bethan Hughes" and "Dafydd Hughes" make
"Ms Hughes" and "Mr Hughes" two people); a surname shared by two first names is left alone.
Roles in lower case count when set beside a name ("The council's chief executive, Bethan Rhys,",
"Mrs Marsh, the school's chair of governors,", a sentence opening "Council leader Bethan Rhys
said"); courtesy titles and offices are compared each on their own, so "Mrs Marsh" written often
does not stand for the office.
Abbreviated heads are their full word ("Sen." is "Senator", "Lt Col" is "Lieutenant Colonel"), a
modifier may be joined to its head ("Vice-Chancellor" is a "Chancellor" with "Vice"), a middle
initial is inside the name ("Raymond J. Ortiz"), and an acronym names a body, not a role ("Deputy
FBI Director"). The role a person is given most is
the one kept; two exclusive heads each written twice are two people ("Ms. Kim", "Mr. Kim"). A
stated change ("former", "then-", "was promoted to", "who was Commerce Secretary") or a family tie
("her husband Mr Porter") is not a contradiction, and that mention is compared with none (the
others still are; the change may follow a relative clause: "Sgt Lucy Hamer, who led the inquiry,
has since been promoted"); "was" alone ("Hughes was sworn in", "Mr Carver said she was relieved") states
none.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.errors import OptionError
from ..core.options import Option
from ..document.model import Document
from ..document.people import acronym, bare, capitalised, people
from ..document.tokens import Token
from ..document.tokens import strip_possessive as bare_word
from .shared.article_model import COURTESY_SEX, article, same_name_groups, words
from .shared.check import Check
from .shared.page import FUNCTION_WORDS

# capitalised only because they open a sentence ("But Mr Kennedy", "Why Sen. Flake"): never part of a role
# words no name holds, though a Title Case headline capitalises them ("Attorney General On Challenging")
_NOT_IN_NAMES = frozenset(["his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "on", "of", "in",
                           "at", "to", "for", "with", "by", "and", "or", "but", "is", "are", "was", "were", "has",
                           "have", "had", "this", "that", "these", "those"])
_NOT_MODIFIERS = FUNCTION_WORDS | {"new", "then", "why", "yet", "now", "meanwhile", "nor", "under", "for", "from",
                                   "over", "without", "against", "during", "despite", "among", "behind", "unlike",
                                   "since", "until", "like", "thanks",
                                   # a link's prompt run into the name: "More:Read Sen. Martha McSally's testimony"
                                   "read", "watch", "see", "listen", "click", "more", "related"}


# titles of courtesy, not offices: told apart from offices, and never a given name ("Mrs Marsh, the chair")
COURTESY_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr")
_GENDERED_PRONOUN = re.compile(r"\b(?:(?P<he>[Hh]e|[Hh]im|[Hh]is|[Hh]imself)|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
MIN_COUNTRY_STEM = 4
_DEMONYM_ENDINGS = ("ish", "ian", "an", "ese", "i", "ic")


# a role stated as past right before it: "former Vice President", "ex-Governor", "then-Senator"
_PAST_WORDS = frozenset(["former", "ex", "then"])
_PAST_ROLE = re.compile(rf"\b(?:{'|'.join(sorted(_PAST_WORDS))})[ -]\Z", re.IGNORECASE)


def _stated_past(doc: Document, role: "Role", words: tuple[str, ...]) -> bool:
    """Whether `role` is `words` stated as past: "former Vice President", "Former Vice President"."""
    if role.words == words:
        return bool(_PAST_ROLE.search(doc.view, max(0, role.start - 8), role.start))
    return role.words[1:] == words and role.words[0] in _PAST_WORDS


@dataclass(frozen=True)
class Role:
    surname: str
    first: str | None
    words: tuple[str, ...]  # the role, lower case, abbreviations left out
    start: int              # the role's span
    end: int
    sentence: tuple[int, int]

    head: str               # the head noun: roles with different heads may be held together

    def agrees(self, other: "Role", exclusive: dict[str, set[str]], aspects: frozenset[str] = frozenset(),
               ranks: dict[str, set[str]] | None = None) -> bool:
        if self.head != other.head:  # "General Musharraf" and "President Musharraf": both held,
            # and "chief executive" is the "Chief Executive Officer" shortened
            short, long = sorted((self.words, other.words), key=len)
            return other.head not in exclusive.get(self.head, ()) or long[:len(short)] == short  # not "Mr" and "Mrs"
        # "Senate Minority Leader" is the "Senate Democratic Leader": one post seen from two sides
        mine, theirs = (tuple(w for w in r.words if w not in aspects) for r in (self, other))
        if ("of" in mine) != ("of" in theirs):
            # "Foreign Minister" is the "Minister of Foreign Affairs", its words in another order (a
            # role is read one word past "of", so only "Affairs" shows that the post's name ends
            # there: the "Minister of Foreign Trade" is another post)
            long_form, plain = (mine, theirs) if "of" in mine else (theirs, mine)
            whole = tuple(w for w in long_form if w != "of")
            if "affairs" in whole and all(any(_same_word(word, longer) for longer in whole) for word in plain) \
                    and not words()["role_modifiers"] & (set(whole) - set(plain)):
                return True
            # "Secretary Kerry" is the "Secretary of State", shortened
            mine, theirs = (w[:w.index("of")] if "of" in w else w for w in (mine, theirs))
        short, long = sorted((mine, theirs), key=len)
        # "Chinese Foreign Minister" is the "Foreign Minister", and the "Polish Foreign Minister" the
        # "Polish Minister" (words left out of the longer, in any order: the "council deputy leader" is
        # the "deputy council leader"; a word may be clipped: "Fed"); a "Deputy Chief Constable" is
        # not the "Chief Constable", nor a "Chief Superintendent" a "Superintendent" (a rank)
        if not all(any(_same_word(word, longer) for longer in long) for word in short):
            return False
        extra = set(long) - set(short)
        return not words()["role_modifiers"] & extra and \
            not any(self.head in (ranks or {}).get(word, ()) for word in extra)


class TitleConsistency(Check):
    NAME = "title"
    DESCRIPTION = "Flags a person given two different roles in one article."
    OPTIONS = {
        "heads": Option("strings", help="nouns that end a role: Secretary, Minister, President..."),
        "change_cues": Option("strings", [], "words that state a change of role"),
        "past_cues": Option("strings", [], "words that state a change before a role: 'who was Commerce Secretary'"),
        "abbreviations": Option("mapping", {}, "short forms of heads and modifiers: Sen -> Senator, Lt -> Lieutenant"),
        "exclusive": Option("mapping_of_lists", {}, "heads one person cannot hold together: Mr -> [Mrs, Ms]"),
        "aspects": Option("strings", [], "modifiers that name one post from another side and are left out when two "
                          "roles are compared: Minority, Democratic ('Senate Minority Leader' is 'Senate Democratic "
                          "Leader')"),
        "ranks": Option("mapping_of_lists", {}, "modifiers that make another rank of these heads: Chief -> "
                        "[Superintendent] ('Chief Superintendent' is not 'Superintendent')"),
    }
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "name", "other", "line")

    @classmethod
    def validate_options(cls, options: dict) -> None:
        if not options["heads"]:
            raise OptionError("a title rule needs 'heads'")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        self.full = dict(self.options["abbreviations"])
        self.heads = set(self.options["heads"]) | {a for a, word in self.full.items() if word in self.options["heads"]}
        self.change = {w.lower() for w in self.options["change_cues"]}
        self.past = {w.lower() for w in self.options["past_cues"]}
        self.aspects = frozenset(w.lower() for w in self.options["aspects"])
        self.ranks = {modifier.lower(): set(heads) for modifier, heads in self.options["ranks"].items()}
        self.exclusive: dict[str, set[str]] = {}
        for head, others in self.options["exclusive"].items():  # both ways
            for other in others:
                self.exclusive.setdefault(head, set()).add(other)
                self.exclusive.setdefault(other, set()).add(head)
        # two exclusive offices joined as one person's: "chairman and chief executive", either way round
        self.joined = {(a, b): re.compile(rf"\b(?:{_office(a)} (?:and|&) {_WORDS_OF_A_POST}{_office(b)}|"
                                          rf"{_office(b)} (?:and|&) {_WORDS_OF_A_POST}{_office(a)})\b", re.IGNORECASE)
                       for a, others in self.exclusive.items() for b in others
                       if a not in COURTESY_TITLES and b not in COURTESY_TITLES}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        # a quotation gives the speaker's titles ("I apologize to Dr. Carson"), not the article's
        roles = [r for r in (*self._roles(doc), *self._appositive_roles(doc)) if not doc.in_quote(r.start, r.end)]
        firsts: dict[str, set[str]] = {}
        for r in roles:
            if r.first:
                firsts.setdefault(r.surname, set()).add(r.first)
        # "Environment Minister Sarah Quayle", "Det Sgt Osei": no given name "Environment" or "Det"
        role_words = {w for r in roles for w in r.words} | {short.lower() for short in self.full}
        for surname, given in article(doc).given.items():  # "Councillor Bethan Hughes", "Dafydd Hughes, 61,"
            firsts.setdefault(surname, set()).update(g for g in given if g.lower() not in role_words)
        # a family name written first, as Korean and Chinese names are, of two people ("Kim Jong Un",
        # "Kim Yo Jong"): "Mr. Kim" and "Ms. Kim" may be either
        full_names = {(run.given, run.surname) for run in article(doc).runs if run.given}
        family_first = Counter(given for given, _ in full_names)  # two people, not one named twice
        groups: dict[tuple[str, str | None], list[Role]] = {}
        for r in roles:
            known = firsts.get(r.surname, set())
            if r.first is None and (len(same_name_groups(list(known))) > 1 or family_first[r.surname] > 1):
                continue  # two people share the surname: "Commerce Secretary Smith" is ambiguous
            groups.setdefault((r.surname, r.first or next(iter(known), None)), []).append(r)
        for (surname, first), group in groups.items():
            # a role stated as changed ("former", "Mrs Hughes, a retired nurse") is compared with none
            unchanged = [r for r in group if not self._changed(doc, r)]
            # courtesy titles and offices are told apart each on their own: "Mrs Marsh" said often
            # does not hide that the "Head teacher Gillian Marsh" became the "chair of governors"
            for courtesy in (True, False):
                kind = [r for r in unchanged if (r.head in COURTESY_TITLES) == courtesy]
                yield from self._contradictions(doc, surname, first, group, kind)

    def _contradictions(self, doc: Document, surname: str, first: str | None, group: list[Role],
                        unchanged: list[Role]) -> Iterator[Diagnostic]:
        """The roles of one person, of one kind, that contradict the role kept (the usual one)."""
        if not unchanged:
            return
        heads = Counter(r.head for r in unchanged)
        written = Counter(r.words for r in unchanged)
        # the usual role is the one to keep: "Ms." seven times, "Mr" once flags the "Mr"; of one
        # head, the words written most ("House Speaker" six times, a caption's "President Trump
        # Speaker" once)
        head = max(unchanged, key=lambda r: (heads[r.head], -r.start)).head
        anchor = max((r for r in unchanged if r.head == head), key=lambda r: (written[r.words], -r.start))
        if any(_stated_past(doc, r, anchor.words) for r in group if r not in unchanged):
            return  # the role kept is stated as past elsewhere ("former Vice President Joe Biden"
            # ... "deals with Sen. Biden or Vice President Biden ... President Biden's plan")
        for r in unchanged:
            if r is anchor or r.agrees(anchor, self.exclusive, self.aspects, self.ranks):
                continue
            if r.head != anchor.head and heads[r.head] > 1 and heads[anchor.head] > 1:
                continue  # "Ms. Kim" twice and "Mr. Kim" twice: two people, not a slip
            if r.head in self.exclusive.get(anchor.head, ()) and (
                    _family_named(doc.view, surname) or _pronoun_agrees(doc, r, anchor)
                    or self._held_together(doc, surname, r.head, anchor.head)):
                continue  # "the Rigsbys" ... "Mr. Rigsby" ... "Mrs. Rigsby": a couple; "Mrs. Clinton,
                # for all her reservations," is no slip for the "Mr. Clinton" who "said he"
            other = doc.view[anchor.start:anchor.end]
            name = f"{first} {surname}" if first else surname
            yield self.report(doc, r.start, r.end, suggestions=[other],
                              related=[(anchor.start, anchor.end, f"{name} is {other} here")],
                              name=name, other=other, line=doc.line_of(anchor.start))

    def _held_together(self, doc: Document, surname: str, head: str, other: str) -> bool:
        """Whether a sentence naming the person joins the two offices as theirs ("chairman and
        chief executive Jamie Dimon"; not "the chief executive and the chairman", two people, nor
        "Mr and Mrs Jones", two people of one name)."""
        joined = self.joined.get((head, other))
        if joined is None:
            return False
        view = doc.view
        for m in joined.finditer(view):
            s, e = doc.sentence_at(m.start())
            if m.end() <= e and surname in view[s:e]:
                return True
        return False

    def _changed(self, doc: Document, r: Role) -> bool:
        """A change cue in or just before the role, or just after the name ("former",
        "then-", "who was promoted to"), or a past cue before another role ("who was Commerce
        Secretary")."""
        s, e = r.sentence
        before = [w.strip(",.;:()\"“”'’").lower() for w in doc.view[s:r.start].replace("-", " ").split()[-3:]]
        role = doc.view[r.start:r.end].replace("-", " ").lower().split()
        rest = doc.view[r.end:e]
        after = [w.strip(",.;:()\"“”'’") for w in rest.replace("-", " ").split()[:6]]
        clause = _RELATIVE_AFTER_NAME.match(rest)
        if clause:  # "Sgt Lucy Hamer, who led the inquiry, has since been promoted": the verb after the clause
            after += [w.strip(",.;:()\"“”'’") for w in rest[clause.end():].replace("-", " ").split()[:4]]
        past_before = self.past & set(before[-1:]) or (
            len(before) > 1 and before[-2] in self.past and before[-1] in ("a", "an", "the", "then"))
        after_cues = {w.lower() for w in after} - _CUES_BEFORE_ONLY
        if self.change & {*before, *role, *after_cues} or past_before:
            return True  # "former Commerce Secretary", "who was Gov. Ruiz", "was the Mayor" (not "was for")
        return any(w.lower() in self.past and self.heads & set(after[n + 1:n + 5]) for n, w in enumerate(after))

    def _roles(self, doc: Document) -> Iterator[Role]:
        tokens = doc.tokens
        view = doc.view
        persons = people(doc).persons  # no role's modifier: "President Trump Speaker Nancy Pelosi" in a caption
        sentences = doc.sentences
        si = 0
        for i, tok in enumerate(tokens):
            head = self._head(tok.text)
            if head is None:
                continue
            while si + 1 < len(sentences) and sentences[si][1] <= tok.start:
                si += 1
            # modifiers before the head: "U.S. Treasury", "Prime", "Chinese Foreign"
            j = i
            while j > 0 and _next_to(view, tokens[j - 1], tokens[j]) and \
                    (capitalised(tokens[j - 1]) or tokens[j - 1].kind == "abbreviation" or acronym(tokens[j - 1])) and \
                    not tokens[j - 1].text.endswith(("’s", "'s", "’", "'")) and \
                    tokens[j - 1].text.lower() not in _NOT_MODIFIERS and tokens[j - 1].text not in persons:
                j -= 1
                if j > 1 and tokens[j - 1].text == "of" and capitalised(tokens[j - 2]) and j < i \
                        and _next_to(view, tokens[j - 2], tokens[j - 1]) and _next_to(view, tokens[j - 1], tokens[j]):
                    j -= 1  # "House of Representatives Speaker": a body's name with "of" in it
            k = i + 1
            # "of State", "of Defence"
            if k + 1 < len(tokens) and tokens[k].text == "of" and capitalised(tokens[k + 1]) \
                    and _next_to(view, tokens[i], tokens[k]):
                k += 2
                if k < len(tokens) and tokens[k].text == "Affairs" and _next_to(view, tokens[k - 1], tokens[k]):
                    k += 1  # "of Foreign Affairs": the post's whole name
            role_end = tokens[k - 1].end
            # the name: one to three capitalised words right after the role
            name: list[Token] = []
            while k < len(tokens) and len(name) < 3:
                if name and _middle_initial(view, tokens, k):  # "Raymond J. Ortiz": the initial is left out
                    k += 1
                    continue
                if not (capitalised(tokens[k]) and tokens[k].text not in self.heads and
                        _next_to(view, tokens[k - 1], tokens[k], dotted=k == i + 1 or _initial(tokens[k - 1]))):
                    break
                name.append(tokens[k])
                k += 1
            if not name or any(t.text.lower() in _NOT_IN_NAMES for t in name):
                continue  # "President Trump Continues His Attacks On": a headline in Title Case, no name
            full = self.full
            if tok.text in full:  # "NSA Director Gen. Keith Alexander": a post, then a rank; the rank is the role
                j = max([j] + [m + 1 for m in range(j, i)
                               if tokens[m].text in self.heads and tokens[m].text not in full])
            # "Deputy FBI Director" is the "Deputy Director": an acronym names the body, not the role
            words = tuple(part for t in tokens[j:i + 1]
                          if t.kind != "abbreviation" and not acronym(t) and t.text != "of"
                          for part in full.get(t.text, t.text).lower().split("-")) + \
                tuple(t.text.lower() for t in tokens[i + 1:k] if t.end <= role_end)
            yield Role(bare(name[-1]), bare(name[-2]) if len(name) > 1 else None, words,
                       tokens[j].start, role_end, sentences[si], head)

    def _head(self, text: str) -> str | None:
        """The head noun a word ends a role with: "Sen." is "Senator", and "Vice-Chancellor" a
        "Chancellor" with a role modifier joined on."""
        if text in self.heads:
            return self.full.get(text, text)
        modifiers, _, last = text.rpartition("-")
        if last in self.heads and modifiers and all(m.lower() in words()["role_modifiers"]
                                                    for m in modifiers.split("-")):
            return self.full.get(last, last)
        return None

    def _role_words(self, found: list[str]) -> list[str]:
        """The words of a role in lower case, read back from its head until a function word or a
        verb ("and deputy council leader" is the "deputy council leader", "praised chief executive"
        the "chief executive"); a word after "to" or a modal is a verb ("not to indict officer
        Darren Wilson") unless it is a role's ("wrote to deputy mayor Fiona Brathwaite")."""
        if found[-1] in FUNCTION_WORDS:
            return []
        role = found[-1:]
        for word in reversed(found[:-1]):
            if word in _BEFORE_A_VERB and len(role) > 1 and role[0] not in words()["role_modifiers"] \
                    and role[0].capitalize() not in self.heads:
                del role[0]
            if word in FUNCTION_WORDS or word in _SPEECH_BEFORE_ROLE or word.endswith("ed"):
                break
            role.insert(0, word)
        return role

    def _appositive_roles(self, doc: Document) -> Iterator[Role]:
        """A role in lower case set beside a name: "Maria Lopez, the district's superintendent,"
        is the Superintendent ("Assistant Superintendent Lopez" is another role); so is "the
        district's superintendent, Maria Lopez," before it, and "Mrs Lopez, the chair of
        governors," after a courtesy title (the head of a role with "of" is the word before it);
        and a sentence may open on the role: "Council leader Bethan Rhys said", or hold it before the
        name: "and deputy council leader Fiona Brathwaite", "Larder Scotland chairwoman Alison
        McKechnie" (one name, one role: the first pattern that reads it)."""
        view = doc.view
        named: set[int] = set()
        persons = people(doc).persons
        for pattern in (*_APPOSED_ROLES, _ROLE_BEFORE_NAME):
            for m in pattern.finditer(view):
                if pattern is _SURNAME_APPOSED and bare_word(m.group("surname")) not in persons:
                    continue  # "Paris, the capital,": no one
                role = m.group("role").split()
                if pattern is _APPOSED_ROLE_OF:
                    role = self._role_words(role)  # "Tom Reed, who is leader of the Council"
                elif pattern is _ROLE_BEFORE_NAME:
                    kept = self._role_words(role)
                    opener = m.group("opener")
                    # "Deputy general Rod Rosenstein": the sentence's first word is the role's too
                    role = [opener, *kept] if opener and kept == role and opener.lower() not in FUNCTION_WORDS \
                        else kept
                if not role or role[0] == "of":  # "the rank of Chief Constable"
                    continue
                role[0] = role[0].lower()
                head = (role[:role.index("of")] if "of" in role else role)[-1].capitalize()
                if head not in self.heads or m.start("surname") in named:
                    continue
                named.add(m.start("surname"))
                start = m.end("role") - len(" ".join(role))
                yield Role(bare_word(m.group("surname")), m.group("first") or None,
                           tuple(part for word in role for part in word.split("-")), start,
                           m.end("role"), doc.sentence_at(start), head)


# up to two words of a post between "and" and its head, no determiner: "chairman and chief executive"
_WORDS_OF_A_POST = r"(?:(?!(?:the|a|an|his|her|its|their)\b)[a-z]+ ){0,2}"


def _office(head: str) -> str:
    """A head as a lower-case post is written: "Chairman", "chairman", "chairmen"."""
    return re.escape(head.lower()) + r"\w*"


# change cues that state a change only before a role: "the new chief", not "Abara said the new footage"
_CUES_BEFORE_ONLY = frozenset(["new", "newly"])
# a relative clause between commas right after a role's name: "Sgt Lucy Hamer, who led the inquiry, has ..."
_RELATIVE_AFTER_NAME = re.compile(r"(?: [A-Z][\w’'.-]*){1,3}, (?:who|whose) [^,;:]{1,80},")
# "Maria Lopez, the district's superintendent,": a full name, then its role between commas
_COURTESY = rf"(?:{'|'.join(COURTESY_TITLES)})"
_APPOSED_ROLE = re.compile(rf"(?!{_COURTESY}\b)(?P<first>[A-Z][a-z]+) (?P<surname>[A-Z][\w’'-]+), "
                           r"(?:the|a|an) (?:[a-z-]+['’]s )?(?P<role>(?:[a-z-]+ ){0,2}[a-z]+)[,.]")
# "Anjali Nair, chief executive of Southvale Hospitals,": no article before a role of a body
_APPOSED_ROLE_OF = re.compile(rf"(?!{_COURTESY}\b)(?P<first>[A-Z][a-z]+) (?P<surname>[A-Z][\w’'-]+), "
                              r"(?P<role>(?:[a-z-]+ ){0,2}[a-z]+) of (?:the )?[A-Z]")
# "The council's chief executive, Bethan Rhys,", "Larder Scotland's chief executive, Alison McKechnie,", "The
# leader of Carrowdale Borough Council, Cllr Fiona Brathwaite,": the role, then the full name between commas
_ROLE_APPOSED = re.compile(r"(?:^|(?<=[.!?] )|(?<=\n))"
                           r"(?:(?:The|the) (?:[a-z-]+['’]s )?|(?:[A-Z][\w&-]* ){0,3}[A-Z][\w&-]*['’]s? )"
                           r"(?P<role>(?:[a-z-]+ ){0,2}[a-z]+)"
                           r"(?: of (?:the )?[A-Z][\w’'&-]*(?: (?:[A-Z][\w’'&-]*|of|and|for))*)?, "
                           rf"(?:(?:{_COURTESY}|Cllr|Councillor|Prof|Professor|Sir|Dame)\.? )?"
                           r"(?P<first>[A-Z][a-z]+) (?P<surname>[A-Z][\w’'-]+)[,.]")
# "Mrs Marsh, the school's chair of governors,": a courtesy title and a surname, then the role
_TITLED_APPOSED = re.compile(rf"\b{_COURTESY}\.? (?P<surname>[A-Z][\w’'-]+), (?:the|a|an) (?:[a-z-]+['’]s )?"
                             r"(?P<role>(?:[a-z-]+ ){0,3}[a-z]+)(?P<first>)[,.]")
# "Whitcombe, the company's chief operating officer,": a sentence opening on a surname the cast knows as a
# person's, then its role
_SURNAME_APPOSED = re.compile(r"(?:^|(?<=[.!?] )|(?<=\n))(?P<surname>[A-Z][\w’'-]+), (?:the|a|an) (?:[a-z-]+['’]s )?"
                              r"(?P<role>(?:[a-z-]+ ){0,3}[a-z]+)(?P<first>)[,.]")
# "Council leader Bethan Rhys said": a sentence opening on a role in lower case after its first word
_OPENING_ROLE = re.compile(r"(?:^|(?<=[.!?] )|(?<=\n))(?P<role>[A-Z][a-z]+(?: [a-z]+){1,2}) (?P<first>[A-Z][a-z]+) "
                           r"(?P<surname>[A-Z][\w’'-]+)(?:,| (?:said|says|told|added)\b)")
_APPOSED_ROLES = (_APPOSED_ROLE, _APPOSED_ROLE_OF, _ROLE_APPOSED, _TITLED_APPOSED, _SURNAME_APPOSED, _OPENING_ROLE)
# "and deputy council leader Fiona Brathwaite": up to three words in lower case right before a full name
# (not a third name: "chairwoman Mary Ann Kerr"); _role_words keeps those of the role
_ROLE_BEFORE_NAME = re.compile(r"(?:(?:^|(?<=[.!?] )|(?<=\n))(?P<opener>[A-Z][a-z]+) )?"
                               r"(?<![\w-])(?P<role>(?:[a-z-]+ ){0,2}[a-z-]+) (?P<first>[A-Z][a-z]+) "
                               r"(?P<surname>[A-Z][\w’'-]+)\b(?![ -][A-Z])")
# verbs that may stand right before a role: "said chief executive Helen Darby"
_SPEECH_BEFORE_ROLE = frozenset(["said", "says", "told", "tells", "asks", "adds", "warns", "thinks", "wrote",
                                 "writes", "spoke", "speaks"])
# words after which the next word is a verb, unless it is a role's: "not to indict officer Darren Wilson"
_BEFORE_A_VERB = frozenset(["to", "will", "would", "could", "can", "should", "may", "might", "must", "did", "not"])


def _pronoun_agrees(doc: Document, r: Role, anchor: Role) -> bool:
    """Whether the first he or she (his, her...) after a courtesy title, in its sentence, is the
    title's, where the title the article gives more often is the other sex's: the title is then
    as meant (Mrs and Miss, both "she", are no pair it can tell apart)."""
    sex = COURTESY_SEX.get(r.head)
    if sex is None or COURTESY_SEX.get(anchor.head) in (None, sex):
        return False
    pronoun = _GENDERED_PRONOUN.search(doc.view, r.end, r.sentence[1])
    return pronoun is not None and (pronoun.group("he") is not None) == (sex == "he")


def _family_named(view: str, surname: str) -> bool:
    """Whether the article writes the surname in the plural ("the Rigsbys", "the Joneses"): a
    family, whose members may each be "Mr" or "Mrs"."""
    return re.search(rf"\b{re.escape(surname)}e?s\b", view) is not None


def _same_word(short: str, full: str) -> bool:
    """A role's word, or its clipped form: "Fed Chairman" is the "Federal Reserve Chairman"; a
    country's name or its adjective: the "Turkey President" is the "Turkish President"."""
    return short == full or (len(short) >= 3 and full.startswith(short)) or _country_and_adjective(short, full)


def _country_and_adjective(a: str, b: str) -> bool:
    """"turkey" and "turkish", "mexico" and "mexican", "britain" and "british": one stem (all but
    the name's last three letters at most), and the other word ends as adjectives of countries do."""
    name, adjective = sorted((a, b), key=len)
    stem = len(name) - min(3, len(name) - MIN_COUNTRY_STEM)
    return stem >= MIN_COUNTRY_STEM and adjective[:stem] == name[:stem] and adjective.endswith(_DEMONYM_ENDINGS)


def _initial(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()


def _middle_initial(view: str, tokens: list[Token], k: int) -> bool:
    """An initial between a given name and a surname: "Raymond J. Ortiz"."""
    return _initial(tokens[k]) and k + 1 < len(tokens) and capitalised(tokens[k + 1]) and \
        view[tokens[k - 1].end:tokens[k].start] == " " and view[tokens[k].end:tokens[k + 1].start] == ". "


def _next_to(view: str, a, b, dotted: bool = False) -> bool:
    """One space between; with `dotted`, a full stop may come first: "Mr. Porter"."""
    gap = view[a.end:b.start]
    return gap == " " or (dotted and gap == ". ")


