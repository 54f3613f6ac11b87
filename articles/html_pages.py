"""Pure: a saved HTML page -> a parsed article. No Django.

The page is read as a reader sees it: its visible text, one line per block (a paragraph, a heading,
a list item, a caption), which the layout reader (articles/layout.py) then reads exactly as it reads
a page saved as text; so an HTML page and the same page pasted as text give the same article. The
markup adds what a reader does not see: the page's URL (`og:url`, the canonical link), its site name
(`og:site_name`, `application-name`, the JSON-LD publisher), its publication date
(`article:published_time`, JSON-LD `datePublished`, `<time datetime>`), authors, section, language
and type (JSON-LD `OpinionNewsArticle`). A date the reader sees in the article's header wins over the
markup's (it is the outlet's local date); the markup's first-publication date wins over a visible
"Updated" date. When the visible text holds no article, trafilatura extracts it.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

from archive.common.dates import DateStatement, partial_date
from articles.bylines import ACCOUNT_NAME, DESKS, ORGANISATION, is_name_like, joined_names
from articles.cleaning import canonical_text
from articles.layout import is_prose, opens_with_dateline, parse_text, read_page, type_of_label
from articles.limits import DEFAULT_LIMITS, ImportLimits
from articles.outlets import EMPTY_INDEX, Clue, OutletClue, OutletIndex, identify
from articles.parsed import ParsedArticle, ParseError, Removal

BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 "
    "h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul caption "
    "center menu legend option select label".split()
)
SKIPPED_TAGS = frozenset("head script style noscript template svg iframe object embed canvas video audio map".split())
ARTICLE_TYPES = {"OpinionNewsArticle": "opinion", "AnalysisNewsArticle": "analysis",
                 "BackgroundNewsArticle": "analysis", "ReviewNewsArticle": "opinion"}  # fmt: skip
ARTICLE_KINDS = frozenset({"BlogPosting", "Report", "LiveBlogPosting", "Article"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Text only screen readers get (visually hidden by the site's CSS): not what a reader sees.
_SCREEN_READER_ONLY = re.compile(r"\b(?:screen-reader-text|sr-only|visually-hidden|visuallyhidden|a11y-hidden)\b")


@dataclasses.dataclass(frozen=True)
class PageMarkup:
    """What the markup says about the article, beside its visible text."""

    title: str = ""
    site_name: str = ""
    url: str = ""
    published: str = ""  # as written in the markup
    published_from: str = ""  # which tag said it
    authors: str = ""
    section: str = ""
    description: str = ""
    language: str = ""
    article_type: str = ""


def parse_html(
    html: str, *, what: str, limits: ImportLimits = DEFAULT_LIMITS, outlets: OutletIndex = EMPTY_INDEX
) -> ParsedArticle:
    """The article on an HTML page, read from its visible text and its markup."""
    root = _document(html, what=what)
    markup = read_markup(root)
    title_tag = _title_tag(root)
    site_heading = _site_heading(root, title_tag)
    if site_heading and not markup.site_name:
        markup = dataclasses.replace(markup, site_name=site_heading)  # a blog's name in its <h1>
    headline = visible_headline(root, outlets, site=site_heading) or _without_outlet_name(
        _without_site_name(markup.title, markup.site_name), outlets
    )
    visible = visible_text(root)
    standfirst = _standfirst_lines(visible, markup.description)
    headline = _without_kicker(headline, visible.lines)
    if headline:
        markup = dataclasses.replace(markup, title=headline)
    lines = "\n".join(visible.lines)
    extra_dates = []
    if markup.published:
        date = partial_date(markup.published)
        if date is not None and date.date is not None:
            phrase = f"{markup.published_from}: {markup.published}"[:300]
            extra_dates.append((1.5, DateStatement(date, None, phrase)))
    site_clues = _site_clues(markup)
    try:
        parsed = read_page(visible.lines, visible.block_starts, known_title=markup.title, outlets=outlets,
                           extra_dates=extra_dates, furniture=visible.furniture, site_clues=site_clues,
                           paragraphs=visible.paragraphs, headings=visible.headings)  # fmt: skip
    except ParseError:
        parsed = _extracted(html, markup, what=what, outlets=outlets, extra_dates=extra_dates)
    if standfirst:
        parsed = dataclasses.replace(parsed, summary=standfirst[0])
    headings = frozenset(canonical_text(visible.lines[index]) for index in visible.headings)
    titled = _title_tag_clues(title_tag, outlets)
    if titled:
        parsed = dataclasses.replace(parsed, outlet_clues=(*parsed.outlet_clues, *titled))
    return _with_markup(parsed, markup, lines, outlets, headings=headings)


def _standfirst_lines(visible: VisibleText, description: str) -> list[str]:
    """The standfirst: a line in an element whose class says so (`hero__standfirst`, `c-article-summary`) that
    is the page's description too, or is a heading above the article's first paragraph (Press TV's
    `<h2 class="news-summary">`). Other lines so marked go back to the layout to read."""
    wanted = canonical_text(description).rstrip(".… ")
    first_paragraph = min((i for i in visible.paragraphs if i not in visible.furniture), default=len(visible.lines))
    found = []
    for index, rule in list(visible.furniture.items()):
        if rule != "standfirst":
            continue
        line = canonical_text(visible.lines[index])
        described = bool(wanted) and len(wanted) >= 40 and _opens_with_nearly(line, wanted)
        heading = index in visible.headings and index < first_paragraph and len(line.split()) >= MIN_STANDFIRST_WORDS
        if (described or heading) and not _the_articles_lead(visible, index):
            found.append(visible.lines[index])
        else:
            del visible.furniture[index]
    return found


MIN_STANDFIRST_WORDS = 8  # a heading so marked that is a sentence, not a label (`Summary`)
DESCRIPTION_LIKENESS = 0.9  # share of words a shown standfirst and an edited description have in common


def _opens_with_nearly(line: str, description: str) -> bool:
    """The line opens with the description, or with the same words edited a little (`(IRICA)` added, a `the`
    dropped): the description is often written apart from the standfirst it repeats."""
    if line.startswith(description):
        return True
    wanted, words = description.split(), line.split()
    opening = words[: len(wanted) + max(3, len(wanted) // 10)]
    matcher = difflib.SequenceMatcher(None, wanted, opening, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) >= DESCRIPTION_LIKENESS * len(wanted)


def _the_articles_lead(visible: VisibleText, index: int) -> bool:
    """An agency's lead opening with its dateline (IRNA's `Isfahan, IRNA – ...`) is the article's first paragraph,
    however marked, unless the article under it opens with its own dateline (the Tehran Times' deck)."""
    if not opens_with_dateline(visible.lines[index]):
        return False
    below = (line for line in range(index + 1, len(visible.lines)) if line in visible.paragraphs)
    first = next((line for line in below if line not in visible.furniture), None)
    return first is None or not opens_with_dateline(visible.lines[first])


def _document(html: str, *, what: str) -> Any:
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as exc:
        raise ParseError(f"{what}: not readable as HTML ({exc})") from exc
    return root


# Elements whose text is furniture whatever it says, and the rule recorded for it.
FURNITURE_ELEMENTS = {
    "figcaption": "photo_caption", "caption": "photo_caption", "nav": "site_chrome", "aside": "related_links",
    "footer": "page_footer", "button": "page_control", "form": "page_control", "label": "page_control",
    "select": "page_control", "option": "page_control",
}  # fmt: skip
# Class names that say what an element holds, as sites name them (trafilatura reads the same hints).
FURNITURE_CLASSES = (
    (re.compile(r"caption|(?:^|[-_\s])(?:chart|graphic|infographic|datawrapper)", re.I), "photo_caption"),
    (re.compile(r"pull-?quote|pull_quote", re.I), "pull_quote"),  # WordPress's `wp-block-pullquote`
    (re.compile(r"callout-card|fact-?box|info-?box", re.I), "key_points"),  # Ghost's `kg-callout-card`: a fact box
    (
        re.compile(r"(?:^|[-_\s])(?:share|sharing|social)(?:$|[-_\s]|bar|buttons?|tools|links|icons)", re.I),
        "share_prompt",
    ),
    (
        re.compile(
            r"newsletter|promo|subscribe|signup|sign-up|paywall|membership|community-box|donat(?:e|ion)|"
            r"support-(?:us|box)|appeal",
            re.I,
        ),
        "call_to_action",
    ),
    (re.compile(r"(?:^|[-_\s])(?:ad|ads|advert|advertisement|sponsor\w*)(?:$|[-_\s])", re.I), "advertisement"),
    (re.compile(r"(?:^|[-_\s])(?:comments?|comment-list|commentlist|disqus\w*)(?:$|[-_\s])", re.I), "reader_comments"),
    (
        re.compile(
            r"(?:^|[-_\s])(?:related|recommended|more-stories|read-more|also-read|read-also|see-also|bookmark-card|"
            r"link-card)(?:$|[-_\s])",  # Ghost's `kg-bookmark-card`: a link to another post set in the text
            re.I,
        ),
        "related_links",
    ),
    (
        re.compile(
            r"key-?points|keypoints|key-?takeaways|synopsis|highlights|tl-?dr|in-?short|at-?a-?glance|summary-?box",
            re.I,
        ),
        "key_points",
    ),
    # believed only of the page's description shown as a line (see _standfirst_lines): a first paragraph in
    # an `article-lead` is the article's
    (
        re.compile(
            r"standfirst|strapline|(?:^|[-_])(?:summary|subtitle|sub-title|desc|description|dek|deck|excerpt|"
            r"teaser-text|in-brief|lead)(?:$|[-_\s])",
            re.I,
        ),
        "standfirst",
    ),
)


# Class names that also name the article's own parts: `author_share` holds the byline and the date
# beside the share buttons (Radio Pakistan's `date-share` the date), so its name says nothing about the text in it.
_ARTICLE_PART_CLASS = re.compile(
    r"author|byline|dateline|pub_?time|publish|timestamp|headline|article_?meta|contributors?\b|"
    r"(?:^|[-_\s])date(?:$|[-_\s])",
    re.I,
)


def _names_the_authors(element: Any) -> bool:
    """An aside that is the article's own box of authors (Crisis Group's `c-publication__contributors`)."""
    return bool(_AUTHORS_BOX.search(element.get("class") or ""))


_AUTHORS_BOX = re.compile(r"(?:^|[-_\s])(?:authors?|contributors?|byline)(?:$|[-_\s])", re.I)


def _is_link_list(element: Any) -> bool:
    """A block that is only links to other stories; in an element whose class names a part of the article
    (`article-header__authors`) the links are the authors' pages."""
    return _is_a_link(element) and not _ARTICLE_PART_CLASS.search(element.get("class") or "")


def _class_rule(classes: str, *, inside: str = "") -> str:
    """The rule an element's class names; a standfirst's class inside furniture (a related story's
    `post-card-excerpt` in an aside) is that furniture's excerpt, not the article's standfirst."""
    classes = " ".join(name for name in classes.split() if not name.lower().startswith(("no-", "no_", "not-")))
    if _ARTICLE_PART_CLASS.search(classes):
        return ""
    rule = next((rule for pattern, rule in FURNITURE_CLASSES if pattern.search(classes)), "")
    return inside if rule == "standfirst" and inside else rule


_CONSENT_BANNER = re.compile(r"cookie|consent|onetrust|gdpr|didomi|cookiebot|(?:^|[-_\s])(?:qc-)?cmp(?:$|[-_\s])", re.I)


def _consent_rule(element: Any) -> str:
    """A consent manager's banner, named so in its class or id (`onetrust-banner-sdk`), whatever its words."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return "cookie_notice" if _CONSENT_BANNER.search(names) else ""


_TAG_PAGE = re.compile(r"/(?:tag|tags|topic|topics)/[^/?#]+/?(?:[?#]|$)", re.I)
MAX_FURNITURE_WORDS = 80  # a class name says "share" or "related": believed of a short element only


def _holds_the_headline(element: Any) -> bool:
    """An element around the page's <h1> (the Kathmandu Post's `subscribe--wrapperx` around its headline, byline and
    dates): the article's header, whatever its class says."""
    return element.tag != "h1" and next(element.iter("h1"), None) is not None


def _holds_no_prose(element: Any) -> bool:
    """Whether an element is short enough for its class name to say what it is: a wrapper whose class
    mentions sharing or promotion may hold the whole article."""
    return len(element.text_content().split()) <= MAX_FURNITURE_WORDS


_PAYWALLED = re.compile(r"(?:^|\s)paywall(?:$|\s)", re.I)


def _behind_the_wall(element: Any) -> bool:
    """A paragraph of the article that its site marks as behind the paywall (Bloomberg's `<p class="paywall">`),
    not the paywall's own box."""
    return (
        element.tag == "p"
        and bool(_PAYWALLED.search(element.get("class") or ""))
        and is_prose(" ".join(element.text_content().split()))
    )


MAX_TABLE_CELL_WORDS = 25  # a table of figures, however long; a page laid out in a table holds paragraphs


def _is_data_table(element: Any) -> bool:
    """A table of figures set in the article (a caption or header cells, short), not a page laid out in a table."""
    headed = element.find(".//caption") is not None or element.find(".//th") is not None
    cells = [" ".join(cell.text_content().split()) for cell in element.iter("td", "th")]
    rows = [row for row in element.iter("tr") if len(row.findall("td")) >= 2]
    # no header, but every row a label and its figures (Business Recorder's `BID | Rs 277.76`)
    figures = len(rows) >= 2 and all(
        any(re.search(r"\d", cell.text_content()) for cell in row.findall("td")) for row in rows
    )
    short = all(len(cell.split()) <= MAX_FIGURE_CELL_WORDS for cell in cells)
    return (headed or (figures and short)) and all(len(cell.split()) <= MAX_TABLE_CELL_WORDS for cell in cells)


MAX_FIGURE_CELL_WORDS = 6


def _is_modification_time(element: Any) -> bool:
    """A <time> the markup says is when the page was modified (WordPress themes print it beside the
    publication date, `<time class="updated">`), not when it was published."""
    classes = (element.get("class") or "").lower().split()
    return element.get("itemprop") == "dateModified" or ("updated" in classes and "published" not in classes)


def _is_publication_time(element: Any) -> bool:
    classes = (element.get("class") or "").lower().split()
    return element.get("itemprop") == "datePublished" or "published" in classes


_CONTROL_TAGS = frozenset({"br", "button", "label", "select", "option"})
CONTAINER_TAGS = frozenset("ul ol aside nav section footer header article main figure form table".split())


@dataclasses.dataclass
class VisibleText:
    """A page's visible lines, which of them open a container, and which are furniture by element."""

    lines: list[str] = dataclasses.field(default_factory=list)
    block_starts: set[int] = dataclasses.field(default_factory=set)
    furniture: dict[int, str] = dataclasses.field(default_factory=dict)
    paragraphs: set[int] = dataclasses.field(default_factory=set)  # lines that are a whole `<p>`, not set in bold
    headings: set[int] = dataclasses.field(default_factory=set)  # lines that are a whole `<h2>` to `<h6>`


def _a_plain_paragraph(element: Any, line: str) -> bool:
    """A `<p>` read whole as one line, not set in bold as a subheading (`<p><strong>Why now?</strong></p>`)."""
    if line != " ".join(element.text_content().split()):
        return False
    bold = [child for child in element if child.tag in ("strong", "b", "h2", "h3", "h4")]
    return not (len(bold) == 1 and " ".join(bold[0].text_content().split()) == line)


def visible_text(root: Any) -> VisibleText:
    """The page's visible text, one line per block, white space collapsed."""
    found = VisibleText()
    pending: list[str] = []
    state = {"opens": True, "rule": ""}
    # a modification date is set apart only beside a publication date (tagDiv marks its one date `updated`)
    dated_twice = any(_is_publication_time(time) for time in root.iter("time"))

    def flush(rule: str) -> None:
        text = " ".join("".join(pending).split())
        pending.clear()
        if text:
            if state["opens"]:
                found.block_starts.add(len(found.lines))
            if rule:
                found.furniture[len(found.lines)] = rule
            found.lines.append(text)
            state["opens"] = False

    def walk(element: Any, rule: str) -> None:
        if not isinstance(element.tag, str):  # a comment or a processing instruction: only its tail is text
            if element.tail:
                pending.append(element.tail)
            return
        tag = element.tag
        if (
            tag in SKIPPED_TAGS
            or element.get("hidden") is not None
            or _HIDDEN_STYLE.search(element.get("style") or "")
            or _SCREEN_READER_ONLY.search(element.get("class") or "")
        ):
            if element.tail:
                pending.append(element.tail)
            return
        inner_rule = (
            (FURNITURE_ELEMENTS.get(tag) if not (tag == "aside" and _names_the_authors(element)) else "")
            or ("date_line" if tag == "time" and dated_twice and _is_modification_time(element) else "")
            or ("data_table" if tag == "table" and _is_data_table(element) else "")
            or (
                _class_rule(element.get("class") or "", inside=rule) or _consent_rule(element)
                if _holds_no_prose(element) and not _behind_the_wall(element) and not _holds_the_headline(element)
                else ""
            )
            or ("photo_caption" if tag in BLOCK_TAGS and _is_caption_under_image(element) else "")
            or ("related_links" if tag in LINK_BLOCK_TAGS and _is_link_list(element) else "")
            # a link to a tag's page (Medium's `/tag/public-transit` chips): its blocks are the post's tags; a link
            # in a paragraph's words is no block and takes the paragraph's rule
            or ("tag_list" if tag == "a" and _TAG_PAGE.search(element.get("href") or "") else "")
            or rule
        )
        # a button, or a modification date, is a line of its own, never glued to the text around it
        block = tag in BLOCK_TAGS or tag in _CONTROL_TAGS or (tag == "time" and inner_rule == "date_line")
        if not block and pending and _a_sibling_item(element):
            pending.append(" | ")  # NDTV's `<span class="pst-by_ul">` items: section, agency, date, set apart
        if block:
            flush(rule)
            if tag in CONTAINER_TAGS:
                state["opens"] = True
        if element.text and tag:
            glued = pending and pending[-1][-1:].islower() and element.text[:1].isupper()
            if glued and not block and element.get("class"):
                pending.append(" ")  # two styled parts of a card: `<span>Zoe Ashford</span><span>Senior Fellow`
            pending.append(element.text)
        for child in element:
            walk(child, inner_rule)
        if tag == "time" and not block and element.tail is None:
            pending.append(" ")  # Iran International's `<time>15:20 GMT+1</time><span>4 hours ago</span>`, apart
        if block:
            line = len(found.lines)
            flush(inner_rule)
            if tag == "p" and len(found.lines) > line and _a_plain_paragraph(element, found.lines[line]):
                found.paragraphs.add(line)
            elif tag in _SUBHEADING_TAGS and len(found.lines) == line + 1:
                found.headings.add(line)
            if tag in CONTAINER_TAGS:
                state["opens"] = True
        if element.tail:
            pending.append(element.tail)

    body = root.find("body")
    walk(body if body is not None else root, "")
    flush("")
    return found


LINK_BLOCK_TAGS = frozenset({"p", "div", "li", "span"})
_SUBHEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
MIN_LINK_WORDS = 3


# The folder of an author's page on a site: /author/sajjad-haider/, NPR's /people/..., USA Today's /staff/...
_PROFILE_FOLDER = r"/(?:people|person|authors?|staff|profiles?|journalists?|writers?|columnists?|bio|experts?)/"
_PROFILE_LINK = re.compile(_PROFILE_FOLDER, re.I)


def _a_sibling_item(element: Any) -> bool:
    """An inline element after one of the same tag and class: items of a row shown apart (`India News`, `Press
    Trust of India`, `Updated: ...`), which copying would run together."""
    previous = element.getprevious()
    classes = element.get("class")
    return (
        bool(classes)
        and previous is not None
        and previous.tag == element.tag
        and previous.get("class") == classes
        and bool((previous.tail or "").strip()) is False
        and bool(previous.text_content().strip())
    )


def _is_a_link(element: Any) -> bool:
    """A block whose words are all a link's: a teaser for another story (jusText reads link density the
    same way). A byline's linked name is too short to count."""
    text = " ".join(_shown_text(element).split())  # not Al Jazeera's `list 1 of 3`, read only by screen readers
    if len(text.split()) < MIN_LINK_WORDS or len(text.split()) > MAX_FURNITURE_WORDS:
        return False
    if any(ancestor.tag == "header" for ancestor in element.iterancestors()):
        return False  # a site's title in its header links home
    links = [link.get("href") or "" for link in element.iter("a")]
    if links and all(_PROFILE_LINK.search(href) for href in links):
        return False  # links to the authors' pages: a byline (NPR's /people/..., USA Today's /staff/...)
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return linked >= 0.95 * len(text)


def _shown_text(element: Any) -> str:
    """An element's text as a reader sees it: without what only screen readers get."""
    return _text_leaving_out(element, lambda child: bool(_SCREEN_READER_ONLY.search(child.get("class") or "")))


def _text_leaving_out(element: Any, left_out: Callable[[Any], bool]) -> str:
    """An element's text without the elements `left_out` names, at any depth; the text around them stays."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not left_out(child):
            parts.append(_text_leaving_out(child, left_out))
        parts.append(child.tail or "")
    return "".join(parts)


def _is_caption_under_image(element: Any) -> bool:
    """A block of nothing but italics right under an image (Blogger's and many blogs' captions)."""
    children = [child for child in element if isinstance(child.tag, str)]
    if (element.text or "").strip() or len(children) != 1 or children[0].tag not in {"i", "em", "small"}:
        return False
    if (children[0].tail or "").strip():
        return False
    previous = element.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    return (
        previous is not None
        and (previous.tag == "img" or next(previous.iter("img"), None) is not None)
        and not previous.text_content().strip()
    )


def visible_lines(root: Any) -> list[str]:
    return visible_text(root).lines


def read_markup(root: Any) -> PageMarkup:
    meta: dict[str, str] = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content:
            meta.setdefault(key, content)
    article = _json_ld_article(root)
    canonical = next((link.get("href") or "" for link in root.iter("link") if link.get("rel") == "canonical"), "")
    time_element = next((element for element in root.iter("time") if element.get("datetime")), None)
    published_sources = [
        ("article:published_time", meta.get("article:published_time")),
        ("JSON-LD datePublished", article.get("datePublished")),
        ("datePublished", meta.get("datepublished")),
        ("pubdate", meta.get("pubdate") or meta.get("publishdate") or meta.get("parsely-pub-date")),
        ("dc.date", meta.get("dc.date") or meta.get("dcterms.date") or meta.get("date")),
        ("<time datetime>", time_element.get("datetime") if time_element is not None else None),
    ]
    published_from, published = next(((name, value) for name, value in published_sources if value), ("", ""))
    title = meta.get("og:title") or _text(article.get("headline")) or meta.get("twitter:title") or _title_tag(root)
    site_name = (
        meta.get("og:site_name")
        or _name(article.get("publisher"))
        or meta.get("application-name")
        or meta.get("apple-mobile-web-app-title")
        or ""
    )
    url = meta.get("og:url") or canonical or _text(article.get("url"))
    site_name = site_name or _site_after_headline(_title_tag(root), meta.get("og:title", ""), url)
    authors = _name(article.get("author")) or meta.get("author") or meta.get("parsely-author") or ""
    if not authors and not meta.get("article:author", "").startswith("http"):
        authors = meta.get("article:author", "")
    authors = authors or _author_from_link(root)
    types = article.get("@type")
    types = types if isinstance(types, list) else [types]
    article_type = next((ARTICLE_TYPES[name] for name in types if isinstance(name, str) and name in ARTICLE_TYPES), "")
    return PageMarkup(
        title=" ".join(str(title or "").split()),
        site_name=" ".join(site_name.split()),
        url=url if url.startswith(("http://", "https://")) else "",
        published=str(published or "").strip(),
        published_from=published_from,
        authors=" ".join(authors.split()),
        section=meta.get("article:section") or _text(article.get("articleSection")),
        description=meta.get("og:description") or meta.get("description") or _text(article.get("description")),
        language=(root.get("lang") or meta.get("og:locale") or "").replace("_", "-").strip(),
        article_type=article_type,
    )


_AUTHOR_LINK = re.compile(_PROFILE_FOLDER + r"(?P<slug>[\w.-]+)/?$")
_SLUG_NAME = re.compile(r"[a-z]+(?:-[a-z]+){1,3}")


def _author_from_link(root: Any) -> str:
    """The authors a byline links to (`/author/sajjad-haider/` -> Sajjad Haider), when the markup names none:
    the first such link in an element whose class says byline or author, or marked `rel="author"`, and the
    links beside it in the same element (CFR: two names, nothing between them)."""
    for link in root.iter("a"):
        if _author_slug(link) is None:
            continue
        holder = " ".join(str(element.get("class") or "") for element in (link, *link.iterancestors()))
        if link.get("rel") == "author" or re.search(r"author|byline", holder, re.I):
            parent = link.getparent()
            beside = (
                [other for other in parent.iter("a") if _author_slug(other) is not None] if parent is not None else []
            )
            return ", ".join(dict.fromkeys(_author_slug(other) or "" for other in beside or [link]))  # an avatar too
    return ""


def _author_slug(link: Any) -> str | None:
    """The name a profile link stands for: its slug's words (`/author/sajjad-haider/`), or, where the slug is a
    login (WordPress's `/author/rcastellano/`), the link's own text when that is a name (`Renee Castellano`)."""
    match = _AUTHOR_LINK.search((link.get("href") or "").split("?")[0])
    if match is None:
        return None
    if _SLUG_NAME.fullmatch(match["slug"]):
        return " ".join(part.capitalize() for part in match["slug"].split("-"))
    text = " ".join(link.text_content().split())
    return text if 2 <= len(text.split()) <= 4 and is_name_like(text) else None


def _site_after_headline(title_tag: str, headline: str, url: str) -> str:
    """The site's name after the headline in the <title> (`Headline | The Aga Khan University`), when the
    page's domain confirms it (aku.edu: its initials)."""
    title_tag, headline = " ".join(title_tag.split()), " ".join(headline.split())
    if not headline or not title_tag.startswith(headline):
        return ""
    match = re.match(r"^[|–—-]\s*(?P<site>[^|–—]{2,60})$", title_tag[len(headline) :].strip())
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/")[0].split(".")[0].casefold()
    if match is None or not host:
        return ""
    words = [word for word in re.findall(r"[^\W\d_]+", match["site"]) if word.casefold() != "the"]
    initials = "".join(word[0] for word in words).casefold()
    return match["site"].strip() if host in {initials, "".join(words).casefold()} else ""


def _without_kicker(title: str, lines: list[str]) -> str:
    """A markup title that joins the page's kicker to its headline with a colon (DER SPIEGEL's og:title
    `Germany's Spending Plans: Merz's Debt U-Turn ...`, shown as a label above the headline): the
    headline alone, when the page shows the two without the colon."""
    kicker, colon, headline = title.partition(": ")
    if colon and headline and f"{kicker} {headline}" in lines and title not in lines:
        return headline
    return title


def _site_heading(root: Any, title: str) -> str:
    """The first <h1> when the page's <title> names it as the site (Blogger's `Blog Name: Post title`)."""
    first = next((element for element in root.iter("h1")), None)
    text = " ".join(first.text_content().split()) if first is not None else ""
    rest = _without_site_name(title, text) if text and title else title
    a_site = rest != title and len(text.split()) <= 5 and len(rest.split()) > len(text.split()) + 2
    in_the_article = first is not None and any(ancestor.tag == "article" for ancestor in first.iterancestors())
    return text if a_site and not in_the_article else ""  # The Caravan's `Down the manhole: <its deck> | The Caravan`


def visible_headline(root: Any, outlets: OutletIndex, *, site: str = "") -> str:
    """The page's headline as a reader sees it: its first <h1> of three words or more outside menus,
    asides, footers and consent banners (Euronews's `We value your privacy`) that is not the outlet's name (an
    h1 is sometimes the logo). The markup's og:title may be written for search engines and differ from it."""
    for element in root.iter("h1"):
        ancestors = [element, *element.iterancestors()]
        if any(ancestor.tag in {"nav", "aside", "footer"} or _consent_rule(ancestor) for ancestor in ancestors):
            continue
        text = _headline_text(element)
        if len(text.split()) >= 3 and outlets.named(text) is None and text != site and not _is_site_title(element):
            return text
    return ""


# A kicker printed inside the <h1>, above the headline (The Economist's `Mesopotamia’s rivers`).
_KICKER_CLASS = re.compile(r"kicker|eyebrow|fly-?title|rubric|subheadline|overline|headline-?label", re.I)


def _headline_text(heading: Any) -> str:
    """An <h1>'s text without a kicker set in it as a part of its own."""
    parts = [child for child in heading if isinstance(child.tag, str)]
    kickers = [part for part in parts if _KICKER_CLASS.search(part.get("class") or "")]
    # the words outside the kicker, in elements of their own or as the heading's own text around it
    rest = " ".join(_text_leaving_out(heading, lambda child: child in kickers).split()) if kickers else ""
    return rest or " ".join(heading.text_content().split())


_SITE_TITLE_CLASS = re.compile(r"nav|logo|brand|site-?title|masthead", re.I)


def _is_site_title(heading: Any) -> bool:
    """An <h1> that is the site's name: styled as its logo or navigation bar, or only a link to its home
    page (Substack's `<h1 class="navbar-title"><a href="https://x.substack.com/">Pitch & Power</a></h1>`)."""
    if _SITE_TITLE_CLASS.search(heading.get("class") or ""):
        return True
    links = list(heading.iter("a"))
    home = len(links) == 1 and urlsplit(links[0].get("href") or "").path in {"", "/"}
    return home and " ".join(links[0].text_content().split()) == " ".join(heading.text_content().split())


def _without_site_name(title: str, site_name: str) -> str:
    """A markup title without the site's own name before or after it (`Headline – Site`, `Site: Headline`)."""
    if not site_name:
        return title
    name = re.escape(" ".join(site_name.split()))
    stripped = re.sub(rf"\s*[|–—:-]\s*{name}\s*$|^\s*{name}\s*[|–—:-]\s*", "", title, flags=re.I)
    return stripped.strip() or title


_TITLE_PARTS = re.compile(r"\s*(?:::|\s[|–—-]\s)\s*")


def _without_outlet_name(title: str, outlets: OutletIndex) -> str:
    """A markup title without a known outlet's name set before or after it (`MENA :: Egypt, Greece review ...`)."""
    parts = _TITLE_PARTS.split(title)
    if len(parts) < 2:
        return title
    if outlets.named(parts[0]) is not None:
        return title[len(_TITLE_PARTS.match(title, len(parts[0])).group(0)) + len(parts[0]) :].strip() or title
    if outlets.named(parts[-1]) is not None:
        return title[: title.rindex(parts[-1])].rstrip(" :|–—-") or title
    return title


def _title_tag(root: Any) -> str:
    title = root.find(".//title")
    return title.text_content() if title is not None else ""


def _json_ld_article(root: Any) -> dict[str, Any]:
    """The first JSON-LD object that describes an article (NewsArticle, BlogPosting, Report ...)."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for item in _json_ld_items(data):
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(name, str) and (name.endswith("Article") or name in ARTICLE_KINDS) for name in names):
                return item
    return {}


def _json_ld_items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_items(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_ld_items(data["@graph"])


def _name(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list):
        return ", ".join(name for name in (_name(item) for item in value) if name)
    return ""


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").strip() if not isinstance(value, dict) else ""


def _extracted(
    html: str, markup: PageMarkup, *, what: str, outlets: OutletIndex, extra_dates: list[Any]
) -> ParsedArticle:
    """The article as trafilatura extracts it, for pages whose visible text the layout cannot read."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        raise ParseError(f"{what}: no article text found in the HTML")
    if document.date and not extra_dates:
        date = partial_date(document.date)
        if date is not None and date.date is not None:
            extra_dates.append((1.5, DateStatement(date, None, f"htmldate: {document.date}")))
    return parse_text(
        document.text, known_title=markup.title or document.title or "", outlets=outlets, extra_dates=extra_dates
    )


def _title_tag_clues(title: str, outlets: OutletIndex) -> list[OutletClue]:
    """A known outlet named after the last bar of the <title> (`Issue Brief on “...” | Institute of Strategic Studies
    Islamabad`), whatever the headline before it: the site's own name."""
    *before, last = title.rsplit(" | ", 1) if " | " in title else ("",)
    known = outlets.named(last.strip()) if before and last.strip() else None
    return [OutletClue(Clue.TITLE_SUFFIX, known.name, title)] if known is not None else []


def _site_clues(markup: PageMarkup) -> list[OutletClue]:
    """The site's name its markup gives (`og:site_name`), as a clue to the outlet."""
    return [OutletClue(Clue.SITE_NAME, markup.site_name, f"site name: {markup.site_name}")] if markup.site_name else []


def _with_markup(
    parsed: ParsedArticle,
    markup: PageMarkup,
    lines: str,
    outlets: OutletIndex,
    *,
    headings: frozenset[str] = frozenset(),
) -> ParsedArticle:
    changes: dict[str, Any] = {}
    if markup.site_name:
        changes["outlet_clues"] = (*parsed.outlet_clues, *_site_clues(markup))
    if markup.url and not parsed.url:
        changes["url"] = markup.url
    names = _author_names(markup.authors)
    if markup.authors and _names_a_person(markup.authors, markup.site_name, outlets) and not parsed.byline:
        changes["byline"] = markup.authors[:500]  # the visible byline was missing, or was not the author
    elif parsed.byline and (
        _more_authors(parsed.byline, names)  # USA Today links each name
        or (
            _people(names, outlets)
            # two linked names with nothing between them (`Negar Mahmoodi Arash Pakzad`), or a button or a
            # role the page's text gave for the byline (`Available Downloads`)
            and (_names_run_together(parsed.byline, names) or not _shares_a_name(parsed.byline, markup.authors))
        )
    ):
        changes["byline"] = joined_names(names)[:500]
    if markup.description and not parsed.summary and _visible(markup.description, lines):
        changes["summary"] = markup.description
        changes.update(_without_lead(parsed, markup.description, headings))
    if markup.section and not parsed.section:
        changes["section"] = markup.section[:200]
    if markup.language and not parsed.language:
        changes["language"] = markup.language[:12]
    if parsed.article_type == "news":
        changes["article_type"] = markup.article_type or type_of_label(markup.section) or "news"
    identified = identify(changes.get("outlet_clues", parsed.outlet_clues), outlets)
    changes.update(identified=identified, outlet=identified.name if identified else "")
    return dataclasses.replace(parsed, **changes)


def _without_lead(parsed: ParsedArticle, standfirst: str, headings: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The body without its first paragraph when that is the standfirst the markup describes the page with
    (IRNA prints its lead above the dateline; a magazine sets its deck as a heading): kept once, as the summary."""
    first, _, rest = parsed.body.partition("\n\n")
    if not rest or canonical_text(first) != canonical_text(standfirst):
        return {}
    set_as_heading = canonical_text(first) in headings
    if not set_as_heading and (opens_with_dateline(first) or not opens_with_dateline(rest)):
        return {}  # the description is the lead itself (`ISLAMABAD: Textile exports ...`), which stays
    shift = len(first) + 2
    removals = [dataclasses.replace(r, body_offset=max(0, r.body_offset - shift)) for r in parsed.removals]
    at = next((i for i, removal in enumerate(parsed.removals) if removal.body_offset > 0), len(removals))
    removals.insert(at, Removal("standfirst", first, body_offset=0))
    return {"body": rest, "removals": tuple(removals)}


def _author_names(authors: str) -> list[str]:
    """The markup's authors (`A, B`), one name each."""
    return [" ".join(name.split()) for name in authors.split(", ") if name.strip()]


def _shaped_like_a_name(name: str) -> bool:
    """Two to four capitalised words."""
    return 1 < len(name.split()) <= 4 and all(word[:1].isupper() for word in name.split())


def _people(names: list[str], outlets: OutletIndex) -> bool:
    """Markup authors that are all people's names: no desk, no outlet or organisation (a Wix site's
    account, `Heritage Post Nepal`)."""
    return bool(names) and all(
        _shaped_like_a_name(name)
        and not DESKS.match(name)
        and not ORGANISATION.search(name)
        and outlets.named(name) is None
        for name in names
    )


def _names_run_together(byline: str, names: list[str]) -> bool:
    """The byline is the markup's names and nothing else, but not separated as a list would be."""
    squeezed = "".join(byline.split()).casefold()
    return len(names) > 1 and squeezed == "".join("".join(names).split()).casefold()


def _more_authors(byline: str, names: list[str]) -> bool:
    """The markup lists the visible byline's authors and more (a visible byline that kept only the first
    of several linked names)."""
    if not all(_shaped_like_a_name(name) for name in names):
        return False  # `Dana Whitcomb, opinion contributor`: a name and a role
    listed = {name.casefold() for name in names}
    shown = {" ".join(name.split()).casefold() for name in re.split(r",\s*|\s+and\s+", byline) if name.strip()}
    return len(listed) > len(shown) and shown <= listed


def _names_a_person(authors: str, site_name: str, outlets: OutletIndex) -> bool:
    """Markup authors that are people or an agency (`AFP` on the Express Tribune), not the site (`Dawn`,
    `DAWN.COM`) or a URL."""
    known = outlets.named(authors)
    agency = known is not None and known.kind == "agency" and known != outlets.named(site_name)
    account = bool(ACCOUNT_NAME.match(authors.strip()))  # Squarespace's `Guest User`
    label = bool(type_of_label(authors))  # the Express Tribune's `Editorial`: what the piece is, not who wrote it
    initials = "".join(word[0] for word in site_name.split() if word[:1].isupper())
    return (
        not authors.startswith("http")
        and authors != site_name
        and not (len(initials) >= 2 and authors.strip() == initials)  # `HRCP` on the Human Rights Commission's site
        and (known is None or agency)
        and not account
        and not label
    )


def _shares_a_name(byline: str, authors: str) -> bool:
    words = {word.casefold() for word in re.findall(r"[^\W\d_]{3,}", byline)}
    return bool(words & {word.casefold() for word in re.findall(r"[^\W\d_]{3,}", authors)})


def _visible(text: str, lines: str) -> bool:
    """Whether the page shows this text as one of its lines (a description is often only markup)."""
    return " ".join(text.split()).casefold() in {line.casefold() for line in lines.split("\n")}
