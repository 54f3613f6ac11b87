"""Pure text to text: normalisation, hashes, boilerplate line rules, repeated paragraphs. No Django.

The boilerplate rules are line classifiers. A rule matches a whole line (one paragraph of a
saved page) and only a short one (`max_words`), so a real sentence that merely contains the
same words is never removed. Each rule has a name, recorded with every removal it makes, and a
description shown to curators. See docs/importing.md "How the importer reads a saved page".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from archive.common.sentences import split_sentences

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})


def normalise_text(text: str) -> str:
    """NFC, Unix line breaks, no trailing spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    text = _LINE_BREAKS.sub("\n", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _EXTRA_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def canonical_text(text: str) -> str:
    """What two copies of the same text share: case, white space and typographic quotes aside."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).casefold().split())


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: two files with the same words and layout hash the same."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def text_hash(title: str, body: str) -> str:
    """SHA-256 of the canonical title and body: exact duplicates whatever their page furniture."""
    return hashlib.sha256(f"{canonical_text(title)}\n{canonical_text(body)}".encode()).hexdigest()


@dataclass(frozen=True)
class LineRule:
    name: str
    description: str
    pattern: re.Pattern[str]
    max_words: int
    takes_list: bool = False  # also removes the bulleted link list that follows the line

    def matches(self, line: str) -> bool:
        return len(line.split()) <= self.max_words and bool(self.pattern.search(line.strip()))


def _rule(name: str, description: str, pattern: str, max_words: int, *, takes_list: bool = False) -> LineRule:
    return LineRule(name, description, re.compile(pattern, re.IGNORECASE), max_words, takes_list)


_SOCIAL = r"facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email|e-mail|messenger|viber|threads"

BOILERPLATE_RULES: tuple[LineRule, ...] = (
    _rule(
        "consent_control",
        "Buttons and links of consent banners (Accept all, Information and Settings, Privacy policy)",
        r"^(accept( all( cookies)?)?|reject( all)?|decline|agree|i agree|got it|allow( all)?|"
        r"information and settings|(cookie|privacy|consent) (settings|preferences|policy|notice)|"
        r"manage (cookies|preferences|consent|options)|customi[sz]e( settings)?|more information|privacy policy)"
        r"[.!]?$",
        5,
    ),
    _rule(
        "cookie_notice",
        "Cookie and consent banners: a short line about cookies and their use or consent",
        r"\bcookies?\b.*\b(use|using|consent|accept|agree|website|site|browsing|experience|policy|settings)\b"
        r"|\b(consent|accept|agree)\b.*\bcookies?\b",
        60,
    ),
    _rule(
        "share_prompt",
        "Share and social buttons (Share:, Share this article, Tweet, Print)",
        rf"^((click to |tap to )?share( this( article| story| post| page)?| via| on ({_SOCIAL}))?|"
        rf"tweet( this)?|print( this( article| page)?)?|copy link|({_SOCIAL})|follow us( on ({_SOCIAL}))?)[\s:.!]*$",
        6,
    ),
    _rule(
        "related_links",
        "Link lists to other stories (Also Read:, Read also:, Related News, You may also like) and their items",
        r"^(also read|read also|read more|see also|more on this|related (news|articles?|stories|posts|coverage|content"
        r"|reading|topics)|recommended( for you| stories| articles| reading)?|you (may|might) also like|more from\b"
        r"|more stories|most (read|popular|viewed)|trending( now| stories)?|don'?t miss|editor'?s picks?|top stories)"
        r"\b\s*[:.!-]?|^related\s*[:.]?$",
        25,
        takes_list=True,
    ),
    _rule(
        "comment_form",
        "Comment sections and forms (Leave a Reply, Your email address will not be published)",
        r"^(leave a (reply|comment)|post (a )?comment|add (a )?comment|cancel reply|comments?( \(\d+\))?[:.]?$|"
        r"\d+ comments?$|your email address will not be published|required fields are marked|"
        r"save my name,? email|(name|email|website|comment) ?\*$|notify me of (follow-up comments|new posts)|"
        r"you must be logged in to post a comment)",
        30,
    ),
    _rule(
        "messenger_invite",
        "Invitations to messenger groups, channels and newsletters (Join ... WhatsApp group)",
        r"\bjoin\b.*\b(whatsapp|telegram|signal|viber)\b|\b(whatsapp|telegram)\b.*\b(group|channel|community)\b|"
        r"\b(follow|subscribe)\b.*\b(whatsapp|telegram|google news|newsletter|channel)\b|"
        r"^(subscribe|sign up)( (to|for) (our|the) newsletter)?[.!]?$",
        20,
    ),
    _rule(
        "site_chrome",
        "Navigation and page furniture (Exit mobile version, Skip to content, Advertisement, copyright lines)",
        r"^(exit mobile version|skip to (main )?content|toggle (navigation|menu)|main menu|menu|search|home|"
        r"advertisement|advertisements|sponsored( content)?|ad|loading\.*|back to top|scroll to top|close|"
        r"next article|previous article|next post|previous post|print this page|"
        r"all rights reserved\.?.*|(copyright\s*)?(©|\(c\)).*|copyright\s+\d{4}\b.*)$",
        12,
    ),
)
_RULES_BY_NAME = {rule.name: rule for rule in BOILERPLATE_RULES}
_LIST_ITEM = re.compile(r"^\s*([-*•·▪►»]|\d+[.)])\s+\S")
_OUTLET_IN_BOILERPLATE = [
    re.compile(
        r"\bjoin\s+(?:the\s+|our\s+)?(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)\s+(?:on\s+)?(?:whatsapp|telegram)",
        re.IGNORECASE,
    ),
    re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*(?:\d{4})?\s*)?(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)"
               r"\s*(?:\.|,|$|all rights)", re.IGNORECASE),
]  # fmt: skip


def boilerplate_rule(name: str) -> LineRule:
    return _RULES_BY_NAME[name]


def classify_line(line: str) -> LineRule | None:
    """The first boilerplate rule that matches this line, if any."""
    for rule in BOILERPLATE_RULES:
        if rule.matches(line):
            return rule
    return None


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def outlet_named_in(line: str) -> str:
    """The outlet a boilerplate line names, as in `Join NewsTrack Whatsapp group` or `© 2024 Dawn`."""
    for pattern in _OUTLET_IN_BOILERPLATE:
        match = pattern.search(line)
        if match:
            outlet = match["outlet"].strip(" .-")
            if outlet.lower() not in {"our", "us", "the", "my", "group", "channel"} and outlet[:1].isupper():
                return outlet
    return ""


# --- Words and repeated paragraphs ---------------------------------------------

_STOPWORDS = frozenset(
    "a about after against all also an and any are as at be been before between both but by can could did do "
    "does during each for from had has have he her here him his how i if in including into is it its it's may "
    "might more most my no not of on one or other our over said says say she should since so some such than "
    "that the their them then there these they this those through to two under up us was we were what when "
    "where which while who whom whose will with would you your".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A deliberately light suffix stripper: attacks/attacked/attacking -> attack."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> list[str]:
    """Lower-case stems of the words that carry meaning, in text order."""
    return [stem(word) for word in _WORD.findall(text.casefold()) if word not in _STOPWORDS]


# A trailing paragraph restates earlier ones when, on average, at least half of each of its
# sentences' content words already stood in one earlier sentence, and no sentence falls below
# 35 %. Tuned on the seeds: seed 004's closing restatement scores 0.55 (weakest sentence 0.45);
# every other paragraph of the seeds scores at most 0.42 with its weakest sentence at 0.24.
RESTATEMENT_MEAN = 0.5
RESTATEMENT_MIN = 0.35


def repeated_paragraphs(paragraphs: Sequence[str]) -> dict[int, str]:
    """Index -> rule name for paragraphs that repeat earlier ones.

    `repeated_paragraph`: the same text (ignoring case, spacing and quote styles) stood earlier.
    `restated_paragraph`: one of the closing paragraphs says again, in other words, what the
    earlier ones said, as pages that end with a summary of themselves do.
    """
    found: dict[int, str] = {}
    seen: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        key = canonical_text(paragraph)
        if key in seen:
            found[index] = "repeated_paragraph"
        seen.add(key)
    for index in range(len(paragraphs) - 1, 0, -1):
        if index in found:
            continue
        if not _restates(paragraphs[index], [p for i, p in enumerate(paragraphs[:index]) if i not in found]):
            break
        found[index] = "restated_paragraph"
    return found


def _restates(paragraph: str, earlier: Sequence[str]) -> bool:
    earlier_sentences = [set(content_stems(s)) for p in earlier for s in split_sentences(p)]
    scores = []
    for sentence in split_sentences(paragraph):
        words = set(content_stems(sentence))
        if len(words) < 4:
            continue
        scores.append(max((len(words & other) / len(words) for other in earlier_sentences), default=0.0))
    if len(scores) < 2:
        return False
    return sum(scores) / len(scores) >= RESTATEMENT_MEAN and min(scores) >= RESTATEMENT_MIN
