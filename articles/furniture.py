"""Pure: page furniture, recognised by its kind. No Django.

Saved pages carry, around and inside the article, lines nobody would call part of it: menus, share
bars, calls to follow or download, "click here" teasers, tag lists, comment sections and their
rules, copyright lines, "Published in Dawn, January 18th, 2024" footers, photo captions. Each kind
is a rule with a name (recorded with every removal it makes) and a description shown to curators.

A rule recognises a line by its shape: it matches a whole line, and only a short one (`max_words`),
so a real sentence that merely contains the same words is never removed. Where a line stands also
counts, and that is the layout's business (articles/layout.py): lines above the article's header
are the page's header, lines after its end are the page's footer, whatever they say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LineRule:
    name: str
    description: str
    pattern: re.Pattern[str]
    max_words: int
    takes_list: bool = False  # also removes the list of links that follows the line
    ends_article: bool = False  # below the article's first paragraph, nothing after it is the article
    # Words (in lower case) one of which every line the rule takes contains: a cheap test before a pattern
    # whose parts may match anywhere in the line, which the regex engine tries at every position.
    hints: tuple[str, ...] = ()
    # The pattern's alternatives split in two: those anchored at the line's start (`^...`), tried there
    # only, and the others, tried at every position. One pattern tried all its anchored alternatives at
    # every position too, and classifying lines was a tenth of an import's CPU.
    anchored: re.Pattern[str] | None = None
    floating: re.Pattern[str] | None = None

    def matches(self, line: str, words: int | None = None) -> bool:
        words = len(line.split()) if words is None else words
        return words <= self.max_words and self._hinted(line) and self.found_in(line.strip())

    def found_in(self, text: str) -> bool:
        """Whether the pattern matches the text: `pattern.search`, faster."""
        return bool(
            (self.anchored is not None and self.anchored.match(text))
            or (self.floating is not None and self.floating.search(text))
        )

    def _hinted(self, line: str) -> bool:
        lowered = line.lower()
        return not self.hints or any(hint in lowered for hint in self.hints)


def _rule(
    name: str,
    description: str,
    pattern: str,
    max_words: int,
    *,
    takes_list: bool = False,
    ends_article: bool = False,
    hints: tuple[str, ...] = (),
) -> LineRule:
    branches = top_level_alternatives(pattern)
    anchored = [branch for branch in branches if branch.startswith("^")]
    floating = [branch for branch in branches if not branch.startswith("^")]
    return LineRule(
        name,
        description,
        re.compile(pattern, re.IGNORECASE),
        max_words,
        takes_list,
        ends_article,
        hints,
        anchored=re.compile("|".join(anchored), re.IGNORECASE) if anchored else None,
        floating=re.compile("|".join(floating), re.IGNORECASE) if floating else None,
    )


def top_level_alternatives(pattern: str) -> list[str]:
    """A regular expression's alternatives: split at each `|` outside groups and character classes
    (the rules use no backreferences, whose numbers the split would change)."""
    branches, depth, in_class, start, position = [], 0, False, 0, 0
    while position < len(pattern):
        character = pattern[position]
        if character == "\\":
            position += 1
        elif in_class:
            in_class = character != "]"
        elif character == "[":
            in_class = True
            if pattern[position + 1 : position + 3].startswith(("]", "^]")):  # `[]...]`, `[^]...]`
                position += pattern[position + 1] == "^"
                position += 1
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "|" and depth == 0:
            branches.append(pattern[start:position])
            start = position + 1
        position += 1
    return [*branches, pattern[start:]]


# Words that make `Support <Words>` a headline (`Support Grows For Ban`), not a site's name.
_NOT_A_NAME = r"(?:For|From|Of|In|To|As|On|Grows|Grew|Falls|Fell|Rises|Rose|Surges|Mounts|Builds|Wanes|Slips|Soars)\b"
_SOCIAL = (
    r"facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email|e-mail|messenger|viber|threads|instagram|"
    r"youtube|tiktok|flipboard|bluesky|mastodon|google news|sms"
)
_NTH = r"(first|second|third|fourth|fifth|final|last)"
_PLATFORMS = r"facebook|twitter|x|instagram|youtube|tiktok|linkedin|threads|google news|bluesky|whatsapp|telegram"

BOILERPLATE_RULES: tuple[LineRule, ...] = (
    _rule(
        "age_notice",
        "The page's note on how old the article is (This was published 1 year ago, This article is more than 2 "
        "years old)",
        r"^this (?:article |story |page )?(?:was (?:first )?published|is (?:more|over) than)\s+"
        r"(?:an?|one|two|three|four|five|\d+)\s+(?:years?|months?|weeks?|days?)\s+(?:ago|old)\.?$",
        12,
    ),
    _rule(
        "consent_control",
        "Buttons and links of consent banners (Accept all, Information and Settings, Privacy policy)",
        r"^(accept( all( cookies)?)?|reject( all)?|decline|agree|(yes,? )?i (agree|accept)|got it|allow( all)?|"
        r"show (purposes|vendors|partners)|"
        r"no,? take me to settings|"
        r"information and settings|(cookie|privacy|consent) (settings|preferences|policy|notice)|"
        r"manage (cookies|preferences|consent|options)|customi[sz]e( settings)?|more information|privacy policy)"
        r"[.!]?$",
        5,
    ),
    _rule(
        "cookie_notice",
        "Cookie and consent banners: a short line about cookies and their use or consent",
        r"\bcookies?\b.*\b(use|using|consent|accept|agree|website|site|browsing|experience|policy|settings)\b"
        r"|\b(consent|accept|agree)\b.*\bcookies?\b"
        r"|^we and our (\d+ )?(partners|vendors) (process|store|use)\b.*\b(data to provide|on a device|identifiers|"
        r"personali[sz]ed (ads|advertising))\b|^we (value|care about|respect) your privacy\.?$",
        60,
    ),
    _rule(
        "share_prompt",
        "Share, save and print buttons (Share:, Share this article, Copy link, Print, social network names)",
        rf"^((click to |tap to )?share( this( article| story| post| page)?| via| on ({_SOCIAL})| on social media)?\d*|"
        rf"tweet( this)?|print( this( article| page)?)?|copy( link| url)?|mailto|(link )?copied|short ?url|({_SOCIAL})|"
        rf"(click|tap) here to share.*|save( article| for later| to read later| story)?|like this|like loading\.*|"
        rf"read later|(remove )?see all|"
        rf"listen( to this (article|story))?|gift (this )?article|font size|text size|aa|a\s*a\s*a|a\+\s*a-|follow|"
        rf"share page|share full (article|story)|about sharing|close panel|send to (a )?friend|email this( article)?|"
        rf"click to (share|print|email) on \w+.*|click to (print|email a link to a friend).*)[\s:.!]*$"
        rf"|^save articles to read later\b|^share (this )?via \w+$|^other ways to share$|"
        rf"^(kindly |please )share this (story|article|post|page)\s*[:!.]?$",
        12,
    ),
    _rule(
        "messenger_invite",
        "Invitations to messenger groups, channels and newsletters (Join ... WhatsApp group)",
        r"\bjoin\b.*\b(whatsapp|telegram|signal|viber)\b|\b(whatsapp|telegram)\b.*\b(group|channel|community)\b|"
        r"\b(follow|subscribe)\b.*\b(whatsapp|telegram|newsletter|channel)\b|"
        r"^(subscribe|sign up)( (to|for) (our|the) newsletter)?[.!]?$",
        20,
    ),
    _rule(
        "call_to_action",
        "Calls to follow, download, sign up or click (Follow us on Google News, Get the app, Click here to ...)",
        rf"\b(click|tap)\s+here\b|(^|[.!?,:]\s*|please\s+)(see|sign up|register|subscribe|read more|find out more|"
        rf"learn more)\s+here\b|"
        rf"^(follow|like)\b.{{0,80}}\b(on|@)\s*(@?\w+\s+on\s+)?({_PLATFORMS})\b|"
        rf"^follow (us|\w+( \w+){{0,3}})(\s+on\b|\s*:)|"
        rf"^follow us\b|^follow (?-i:[A-Z][\w&.'’-]*)(?: (?-i:[A-Z][\w&.'’-]*)){{0,4}}$|"
        rf"^follow\b.{{0,60}}\b({_PLATFORMS})\b.{{0,30}}\b(pages?|accounts?|channels?|handles?)\b|"
        rf"^connect via (e-?mail|{_PLATFORMS})\.?$|"  # the Age's author box
        rf"\b(download|get|install)\b.{{0,40}}\b(app|app store|google play|play store)\b|"
        rf"\bsign up (to|for) our (free )?(daily |weekly )?newsletter\b|^stay connected$|^ready for more\?$|"
        rf"^we(?: would|'d|’d)? (?:want|love|like) to hear from you\b|"
        rf"^you can (listen|watch) to [\w '’&-]{{2,60}} on (radio|bbc|the bbc|bbc sounds|iplayer|youtube|spotify)\b|"
        rf"^(available|download) on the app store$|^get it on google play$|^(sign up|subscribe|register)\b|"
        rf"\brecaptcha\b|^learn more\b|\bnewsletter$|^recommended newsletter\s*:|"  # Fortune's, mid-article
        rf"\b(sign up|subscribe) (for|to) (our|the) [\w ]{{0,30}}newsletter\.$|"
        rf"^(log ?in|sign ?in)\b.{{0,30}}\b(register|subscribe)\b|"
        rf"^support (us|our (work|journalism)|(the )?[A-Z][\w.]+)$|^add [\w .&'’-]{{2,30}} on google( news)?$|"
        # `Support Makran Dispatch`
        rf"^support (?-i:(?!{_NOT_A_NAME})[A-Z][\w.'’-]+(?: (?!{_NOT_A_NAME})[A-Z][\w.'’-]+){{1,2}})$|"
        rf"^(over |more than )?[\d,.]+k? (subscribers|readers|followers)$|^thanks for reading\b[^.!?]{{0,50}}!|"
        rf"^explore (more|the edition)$|^discover stories from this section\b|"
        rf"^your (daily|weekly|morning|evening) (briefing|newsletter|digest|roundup)\b|"
        rf"\bdelivered (to your inbox|straight to your|every (weekday|morning|week|day))\b|"
        rf"^stay (informed|up-to-date|up to date|updated)\b|"
        rf"professionalslearn more|^by registering\b|\bunsubscribe at any time\b|^unlock the .* for free$|"
        rf"^(try|get) unlimited access|^only \$?\d+ for \d+ weeks?$|^explore more offers|"
        rf"^subscribe to (unlock|read|continue)|^support (truly )?(independent|quality|fact-based)[\w ,-]{{0,30}}"
        rf"journalism|every contribution counts|\bexplore now!?$|"
        rf"^(enjoy|download|get|listen to|try)\b.{{0,60}}\bon (ios|android|the app store|google play)\b|"
        rf"^(donate|make a donation|become a (member|subscriber|supporter))\b|"
        rf"^already (a subscriber|a member|have an account|contributed|donated)\b|"
        rf"^(shared|sent) (from|via) (the )?.{{2,40}} app$|^track (the )?(latest|live)\b|\bget (news )?updates from\b|"
        rf"^listen to .{{2,60}} only on \S+|^then \$?\d[\d,.]* (per|a) (month|year|week)\b|\bcancel anytime\b|"
        rf"^reuse this content$|^for (more|the latest) (news|updates|stories)\b|^catch (all )?the latest\b|"
        rf"^(have|got) a (news )?(tip|story)\b|^like us on\b|^download (the|our) .{{0,30}}app\b|"
        rf"delivered (straight )?to your inbox|^(watch|listen)\s*:\s*\S|\bsend (us )?a (short )?pitch to\b|"
        rf"^\(?if you want to contribute\b|^explore more on these topics$|^discover more from [A-Z].{{0,50}}$|"
        rf"\btake our survey\b|^(have a )?confidential tip\b|^contact us\s*:\s*\S|"
        rf"^(get|catch) (all )?(the )?.{{0,100}}\b(latest news|top headlines|breaking news|news updates|latest "
        rf"[\w ]{{2,20}} updates)\b|^sign me up!?$|(^|[.!?]\s+)get in touch\.?$|^listen to the latest episode\b|"
        rf"^for more [\w .'’&-]{{2,50}} (reporting|coverage|news|stories) on [\w .'’&-]{{2,40}},? (please )?visit:?$|"
        rf"^keep up to date with\b|^\(?catch all the\b|\blisten to our (latest )?podcasts?\b|\bsign up now!?$|"
        # CNN's note above a story: `A version of this story first appeared in ... newsletter. Not a subscriber? ...`
        rf"^(editor['’]?s note:?\s*)?a version of this (story|article) (first )?appeared in .{{2,60}}\bnewsletter\b.*"
        rf"\b(subscriber|sign up)\b|"
        rf"^(?!.*\b(said|says|told)\b)(.{{0,60}}[.!?]\s+)?get\b[^.]{{0,100}}\b(newsletter|roundup|round-up|digest)\b|"
        rf"(^|[.!?]\s+)get all the (week|day)['’]s\b|"
        rf"^(you can )?download (the|this|our) (full |complete )?(report|paper|study|brief|briefing|publication|"
        rf"article)\b.{{0,30}}\b(here|below|pdf)\.?$|"
        rf"^do you have (any )?(information|a tip|tips|a story)\b.{{0,120}}\b(email|e-mail|contact|signal|reach)\b|"
        rf"^for (media|press) (enquiries|inquiries|queries)\b.{{0,30}}\b(contact|call|email|e-mail|write)\b|"
        rf"\bsign up to (receive|get) our (biggest |best |latest |top )?(stories|newsletters?|updates|headlines)\b|"
        rf"^get (our|the) (free )?[\w -]{{0,30}}(email|newsletter)s?$|^(?:[\w.&-]+ ){{0,3}}app download$|"
        rf"\bsign up for (our|the) (free )?[\w -]{{0,40}}(email|newsletter)s?\b",
        40,
    ),
    _rule(
        "related_links",
        "Link lists to other stories (Also Read:, Read more:, Related, Keep reading, Most read) and their items",
        r"^(?-i:(?:Also Read|Read also|Read more|READ MORE|ALSO READ)(?=[A-Z]))|"  # glued to its link: `Read moreIn`
        r"^(also read|read also|read more|read next|read(?=\s*[:|])|see also|more on this|keep reading|"
        r"continue reading|"
        r"related (news|articles?|stories|posts|coverage|content|reading|topics)|"
        r"recommended( for you| stories| articles| reading)?|"
        r"you (may|might) also like|more from\b|more in\b|more stories|"
        r"latest( news| stories| (in|from|on) [A-Z][\w&.'’ -]{1,30})?(?=\s*[:|]?\s*$)|"  # Fortune's `Latest in Finance`
        r"recent posts|"
        r"most (read|popular|viewed|shared|watched)|trending( now| stories)?|don'?t miss|editor'?s picks?|"
        r"top stories|what to read next|further reading|list of \d+ items|list \d+ of \d+|end of list|post navigation|"
        r"previously (?:in|on) [A-Z][\w&.'’ -]{1,40}?(?=:)|also on this (?:blog|site)(?=\s*:)|"
        r"also on (?:the )?[A-Z][\w&.'’@ -]{1,40}?(?=\s*:)|click to read(?=\s*:)|"
        r"discover more (?:stories|articles|news) (?:on|about|from) [\w&.'’ -]{2,40}$|"  # the SCMP's
        r"from the archives?(?=\s*:)|live story$|"
        r"(?:video|watch|listen|podcast|gallery|in pictures)\s*:\s*(?-i:[A-Z‘'\"“])[^.!?]{3,120}$|"  # Sky's video card
        r"related(?: \w+)?(?=\s*:))"
        r"\b\s*[:.!|-]?|^related\s*(?:[:.]|\.\.\.|…)?$|^more for you\s*:?$",
        25,
        takes_list=True,
    ),
    _rule(
        "comment_form",
        "Comment sections: headers, forms, moderation rules and notices (Comments (12), Leave a Reply, Comments "
        "are moderated ...)",
        r"^(leave a (reply|comment)|post (a |your )?comment|add (a )?comment|cancel reply|comments?( \(\d+\))?[:.]?$|"
        r"\d+ (comments?|responses?|replies|thoughts)\b|your email address will not be published|"
        r"required fields are marked|save my name,? email|(full name|name|email|website|comment) ?\*?$|"
        r"notify me of (follow-up comments|new posts)|you must be logged in to post a comment|comments are (closed|"
        r"moderated|disabled|welcome|subject)|for more (information|on the comment)|"
        r"this site uses akismet|recommend( \d+)?$|closed$|send$|reply$|.{0,60}\|\s*\d+ (minutes?|hours?|days?) ago\s*"
        r"\|\s*reply$|.*comments? faq|view comments|show comments|load more comments|"
        r"disclaimer:? (the )?comments|share or comment on this article:?|share what you think|"
        r"(newest|oldest|best rated|worst rated|most popular)$|we welcome your (comments|feedback|letters) at \S+@\S+|"
        r"comments?\s*[-–—:]\s*please (log ?in|sign ?in)\b.*|.*\bbefore your comment can be posted\b.*|"
        r"please (log ?in|sign ?in) (in order )?to (comment|join the conversation)\b.*|"
        r"commenting on this and other\b.*\bsubscription\.?|have something to add to the story\?.*|"
        r"discussion about this (post|article|story)|[\d.,]+k? likes?\b.*\brestacks?\b.*|comments? restacks?)",
        40,
        ends_article=True,
    ),
    _rule(
        "tag_list",
        "Tags, topics and categories of the page (Tags: Pakistan, Iran; Posted in Politics) and their items",
        r"^(tags?|topics?|keywords?|categories|category|labels|filed under|more about)\s*(:|$)|^more on\s*:\s*$|"
        r"^(tagged|categori[sz]ed as|filed under|labels:?)\s+\S|^posted in [^.]*$|^(tags?|topics?)\s+[^.!?]*$",
        30,
        takes_list=True,
        ends_article=True,
    ),
    _rule(
        "published_in",
        "The print edition's footer (Published in Dawn, January 18th, 2024; A version of this article appears in "
        "print ...; Appeared in the February 22, 2024, print edition as ...)",
        r"^(this article was |a version of this (post|article|story|piece) )?(first |originally )?"
        r"(published|printed|appeared) in (the )?[A-Z][\w&.'’ -]{1,60}?"
        r"(,|\s+on)\s+.*\d{4}\.?$|"
        r"^a version of this (article|story) (appears|appeared) in (the )?print\b.*|"
        r"^(appeared|appears) in the .{3,40} print edition\b.*|"
        r"^(published|appeared|appears) in the print edition of\b.*|"  # The New Yorker's, with the day
        r"^this article appeared in the .{2,40} section of the print edition\b.*|^from the .{3,40} edition$",
        60,
        ends_article=True,
    ),
    _rule(
        "scorecard",
        "A match's scores or line-ups set out under their heading (Brief scores, Scorecard, Line-ups)",
        r"^(brief scores|scores in brief|scorecard|summary scores|line-?ups|starting (xi|line-?ups?)|teams)\s*:?$",
        4,
        takes_list=True,
    ),
    _rule(
        "references",
        "Notes and references under the article (Endnotes, Footnotes, References, `[1] World Bank, ...`)",
        r"^(end ?notes|foot ?notes|references|bibliography|works cited)\s*:?$|^\[\d{1,3}\]\s+\S.*",
        80,
        ends_article=True,
    ),
    _rule(
        "signup_terms",
        "The small print of sign-up boxes (By signing up, you agree to ...)",
        r"^(by (signing up|registering|subscribing|clicking)|you (can|may) unsubscribe|"
        r"you (may|will) (occasionally )?receive (promotional|marketing) (content|emails|offers)|"
        r"by submitting your (information|details|e-?mail)|privacy notice|contact me with news and offers|"
        r"receive email from us on behalf of|i would like to (be emailed|receive (emails?|offers|updates)))\b",
        80,
    ),
    _rule(
        "form_field",
        "Labels of a form's fields (Your Email, Job title, Name *)",
        r"^(your |enter (your )?)?(e-?mail( address)?|name|full name|first name|last name|employer|job title|company|"
        r"country|"
        r"zip( code)?|postcode|password|phone)\s*\*?:?$",
        4,
    ),
    _rule(
        "media_player",
        "Video, audio and gallery players (Watch now, Duration 2:31, 1/6, Photo gallery: ...)",
        r"^(watch now|play video|play|pause|duration\s*[\d:]+|video\s*[\d:]+|\d+:\d{2}(\d+:\d{2})?|\d+\s*/\s*\d+|"
        r"\d+ of \d+\s*\|?|"  # the AP's gallery counter: `1 of 2 |`
        # a video's card: `VIDEO <its title> 02:41`, CNN's `Video Ad Feedback <its title> 03:12 - Source: CNN`
        r"(video( ad feedback)?|watch)\s*[:|]?\s+\S.{3,150}\s\d{1,2}:\d{2}(:\d{2})?(\s*-\s*source:\s*[\w .&-]{2,30})?|"
        r"(photo )?gallery\b.*|in pictures\b.*|load more|listen now|listen here|(the )?[\w ]{2,30} podcast|"
        r"(to view|to watch|to play) this (video|audio|content),? (please )?enable javascript\b.*|"
        r"your browser does not support (the )?(video|audio)\b.*|no media source currently available)$",
        30,
    ),
    _rule(
        "timestamp",
        "Time stamps of live pages (14:05 GMT, Update — 7:35pm)",
        r"^(update[ds]?\s*[—–:-]?\s*)?\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*([A-Z]{2,4}|GMT[+-]?\d*)?$",
        5,
    ),
    _rule(
        "disclaimer",
        "Disclaimers under an article (The views expressed are the author's own, published from a wire feed ...)",
        r"^\(?(disclaimer\b|(the )?(views( and opinions)?|opinions) expressed "
        r"(in this (article|piece|column|blog)|here|"
        r"in the interpreter|"
        r"in (opinion|op-ed|guest) (pieces|articles|columns)|by (our )?contributors|by the "
        r"(author|writer)s?|are (those|the (author|writer)|solely|his|her|their|my|personal))\b|"
        r"about the (authors?|author\(s\)|writers?)\s*:?$|"
        r"this (story|article|report) (has been|was|is) (published|auto-generated|generated|edited)\b.*\b(feed|agency|"
        r"syndicated|text)\b|\(?this story has not been edited\b|"
        r"[\w .'’-]{2,40} does not (necessarily )?(share|reflect|endorse) the views (of|expressed by) (the |its )?"
        r"(writers?|authors?|contributors?|columnists?)\b|"
        r"[\w .'’-]{2,40} does not take (institutional|collective) positions\b)|"
        # the same, said inside a longer note: a writer's views, not the outlet's
        r"\b(views|opinions) expressed( (by|on|in) [^.]{1,60}?| above| here)?,? "
        r"(do not necessarily (reflect|represent)|"
        r"(are|is) (those of the (authors?|writers?|contributors?)|solely|entirely))\b|"
        r"\b(views|opinions|thoughts) expressed (in ((this|the) [\w ]{2,20}|(?-i:[A-Z])[\w-]+(?: [\w-]+){0,3})|above|"
        r"here|by the (author|writer)s?),? "
        r"((are|is) (those of|the (author|writer)|solely|entirely|(his|her|their|the author.s) own)|"
        r"do not (necessarily )?(reflect|represent))\b|"
        r"\b(column|article|commentary|piece|op-ed) reflects the (personal )?(views|opinions?) of the "
        r"(author|writer)\b|\breflects the (author|writer)['’]s (own )?(views|opinions?)\b|"
        r"(^|[.!?]\s+)\(?(the )?(views|opinions) expressed are (his|her|their|the (author|writer)['’]s) own\.?\)?$|"
        r"\bthis is an opinion (column|piece|article)\b|"
        r"\b(scholars|authors|writers|contributors)’?'?s? opinions are their own\b|"
        r"\bpublications only represent the views of\b|"
        r"\bthe rest of the content is auto-generated from a syndicated feed\b|"
        r"\bthis story has not been edited by\b.{0,40}\bsyndicated feed\b|"
        r"\bauto-generated from [\w .'’&-]{2,40} (news service|feed|wire)\b|"
        r"\bholds no responsibility for its content\b|"
        # The Conversation's disclosure statement (a credited author's funding: see layout's _read_credit_or_bio)
        r"\bdoes not work for, consult, own shares in or receive funding from\b|"
        r"\b(the )?[\w.&'’ -]{2,40} is solely responsible for all (of its )?content\b",
        80,
        ends_article=True,
        hints=(
            "disclaimer",
            "view",
            "opinion",
            "about the author",
            "this story",
            "this article",
            "this report",
            "positions",
            "thoughts",
            "syndicated",
            "auto-generated",
            "responsibility",
            "responsible",
            "funding",
        ),
    ),
    _rule(
        "appeal",
        "The outlet's appeal to its readers after the article (A message from The Moscow Times:, Dear readers,)",
        r"^(a (message|note|letter|word) from (the )?[A-Z][\w .'’&-]{1,40}|dear (readers?|subscribers?|supporters?))"
        r"\s*[:,.!]?$",
        8,
        ends_article=True,
    ),
    _rule(
        "support_request",
        "The outlet asking for money or a subscription, wherever it stands (Please consider making a donation, X "
        "is a reader-supported publication)",
        r"\b(please|kindly) consider (making a donation|donating|supporting (us|our work)|becoming a "
        r"(free or paid |paid )?(subscriber|member|supporter))\b|"
        r"\bwould you consider supporting us\b|\bis a reader-supported publication\b|"
        r"^your (tax[- ]deductible )?(gift|donation) (can|will) (help|make)\b|"
        r"\b(if you can,? )?please support us today\.?$|"
        r"^[\w .'’&-]{2,40}'s journalism is made possible by\b|"
        r"\b(you can|please) support (my|our) (work|reporting|journalism)\b|"
        r"^support us to (deliver|keep|fund|continue)\b|\bconsider taking the step of supporting\b|"
        r"^our mission is to (deliver|provide|bring)\b|\bon (ko-fi|patreon|buy me a coffee)\.?$|"
        r"\bno (shareholders|billionaire owner)\b|\bwhether you could support\b|"
        r"\bby becoming a (vox |guardian )?(member|subscriber|supporter)\b|\bsubscribe on a (monthly|yearly) basis\b|"
        r"^help (us )?keep (articles|journalism|stories|this) [\w ]{0,30}free\b|"
        r"^you'?ve read \d+ (free )?articles?\b|"
        r"^support (?:our |independent |quality |(?:[\w.&-]+ ){0,3}[\w.&-]+(?:'s|’s|'|’) )journalism\b|"
        r"\bnot everyone can afford to pay for\b|\bnews costs money to produce\b|"
        r"\bkeep our (stories|journalism|reporting|news) free\b|\byour contribution of (as little as )?\$?\d",
        80,
        hints=(
            "consider",
            "reader-supported",
            "gift",
            "donation",
            "support",
            "made possible",
            "ko-fi",
            "patreon",
            "coffee",
            "shareholders",
            "billionaire",
            "becoming a",
            "basis",
            "free",
            "read",
            "journalism",
            "mission",
            "afford",
            "costs money",
            "contribution",
        ),
    ),
    _rule(
        "source_credit",
        "Credits of where a story came from (Source: Al Jazeera, With inputs from agencies, This article was "
        "published by ...)",
        r"^(source|sources|courtesy|via)\s*:\s*\S|^\(?with (additional )?inputs? from\b|"
        r"^\(?with (additional )?reporting from (?-i:[A-Z])[\w.&'’ -]{1,40}\.?\)?$|"
        r"^this (commentary|column|op-ed|article|piece|story) (originally |first )?appeared (in|on|at)\b|"
        r"^this (commentary|column|op-ed|article|piece|story|post|essay) (first|originally) ran (in|on|at)\b|"
        r"^(this (article|piece|story) (was|is|has been) (first |originally )?(published|republished|reproduced) "
        r"(by|with|from|on|in)\b)|^(editor['’]?s note:?\s*)?a version of this (article|piece|story|post) was "
        r"(first |originally )?published (by|in|on)\b|^this (story|article|report) (comes|came) from\b|"
        r"^translation of an (original )?article (first |originally )?published in \w+\b",
        60,
        ends_article=True,
    ),
    _rule(
        "agency_code",
        "An agency's sign-off under its story: its name and the editors' initials (PTI ABA RC, UNI XC SNU RN 1736, "
        "ssp/dan, //Petra// AF)",
        r"^(?-i:(?:PTI|IANS|UNI|ANI|APP|PPI|NNI|KUNA|WAM|SPA|QNA|BNA|ONA|MENA|INA|SANA|KMS|Petra|//Petra//)"
        r"(?:\s+(?:[A-Z]{1,4}|\d{3,4})){1,8})$|^(?-i:[a-z]{2,4}/[a-z]{2,4})$|"
        r"^(?-i:[A-Z]{2,4}/[A-Z]{2,4}(?:/[A-Z]{2,4})?)$",  # the Press Information Bureau's `SK/SS`
        10,
        ends_article=True,
    ),
    _rule(
        "wire_credits",
        "Reporting, writing and editing credits (Reporting by ...; Editing by ...; Editor: ...; ... contributed to "
        "this report; Write to A at a@example.com)",
        r"^\(?(with )?(additional )?(reporting|writing|editing|compiled|produced)( and \w+)? by [A-Z][\w.'’/-]+"
        r"(,? (and |& )?[A-Z][\w.'’-]+)*( in [A-Z][\w ]+)?\s*(;|\)|$)|"
        r"\bcontributed (to )?(this|the) (report|story|article)\.?\)?$|^\(?edited by:? [A-Z][\w.'’ -]{2,60}\)?\.?$|"
        r"^(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})(,? (and )?(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}))* "
        r"contributed (additional )?reporting( from [^.]{2,60})?\.?$|"  # `A contributed reporting from Port Sudan.`
        r"^(some )?(information|material) (for|in) this (report|story|article) (came|comes|was taken) from\b.*|"
        r"^[\[(]?(responsible |chief |web |desk |copy )?editors?\s*:\s*[\w.'’ ,-]{2,40}[\])]?\.?$|"
        r"^(write to|contact|email) [A-Z][\w.'’ -]{2,40} at \S+@\S+|"
        r"^(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) reported from (?-i:[A-Z]).*|"  # `A reported from Nairobi`
        r"^(this (piece|article|post|essay) was )?co-?written (with|by) (?-i:[A-Z]).*|"
        r"^the (authors?|writers?) (would like to )?thanks? (?-i:[A-Z])[^.]{2,120}\.?$|"  # an acknowledgement
        r"^(?-i:[A-Z]{2,6}(?:/[a-z]{2,5}){1,3})$|"  # the desk's initials under an agency's story: `APP/zah/sna`
        r"^(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) (created|made|drew|designed) the (maps?|graphics?|charts?|"
        r"illustrations?) for this\b.*",
        60,
        ends_article=True,
    ),
    _rule(
        "copyright_line",
        "Copyright lines (© 2024 Dawn, All rights reserved ...)",
        r"^(all rights reserved\.?.*|([\w.-]{2,40}\s+)?(copyright\s*)?(©|\(c\)).*|copyright\s+\d{4}\b.*|"
        r".*\b(all|some) rights reserved\b.*|this (work|article|story|content) is licen[cs]ed under\b.*|"
        r"(reprinting|reproduction|republication|republishing) (of )?(the )?(materials?|content|articles?)\b.{0,60}\b"
        r"(allowed|permitted|prohibited|forbidden)\b.*|"
        # 24.kg's `Link to 24.kg news agency is required when using the materials.`
        r"(a )?(hyper)?link to .{2,40} is (required|obligatory|mandatory) when (using|quoting|reprinting)\b.*|"
        r"when (using|quoting|reprinting) (the )?(materials?|content)\b.{0,40}\b(hyper)?link\b.{0,40}\b"
        r"(required|obligatory|mandatory)\b.*)$",
        60,  # with the terms of use after it (Fortune's, 35 words)
        ends_article=True,
    ),
    _rule(
        "advertisement",
        "Advertisement labels and sponsored-content markers, wherever they stand",
        r"^(advertisement|advertisements|advertising|sponsored( content)?|ad|ads by \w+|(video )?ad feedback|"
        r"story continues( below( (this )?(advertisement|ad))?)?|continue reading below|report (this|an) ad|"
        r"advertisement\s*[·•|-]\s*scroll to continue|"
        r"scroll to continue( with content)?)[\s:.]*$|"
        r"^(text ad|sponsored( link| post)?|advertorial|paid (post|content|partnership))\s*:\s+\S.*$",  # `TEXT AD: ...`
        20,
    ),
    _rule(
        "reader_feedback",
        "A poll on the article under it (Do you like the content of this article?, How does this article make you "
        "feel?); the article has ended",
        r"^((do you like|did you (like|enjoy)) (the content of )?this (article|story)\??|"
        r"was this (article|story) (helpful|useful)\??|"
        r"how (does|did) this (article |story )?make you feel\??|(please )?rate this (article|story)\s*:?)$",
        12,
        ends_article=True,
    ),
    _rule(
        "page_notice",
        "Notices about the page, not the story (Why you can trust us, Listen in English, Purchase Licensing Rights, "
        "opens new tab)",
        r"^(purchase licensing rights.*|.*,? opens (in )?(a )?new (tab|window)\)?|why you can trust .*|"
        r"this is a breaking news update\b.*|\(release id: \d+\).*|read this (release|article|story|page) in\s*:.*|"
        r"(the )?[\w .&'’-]{2,30} (is|are) not responsible for the content of external (internet )?(sites|websites)\.?|"
        r"(skip|end of) (twitter|x|facebook|instagram|youtube|tiktok|bluesky|threads) (post|content|video)"
        r"( \d+)?( by .{1,60})?|"
        r"our standards:? .*|please use .* browser.*|listen in \w+|powered by automated translation|"
        r"(acknowledgements|acknowledgments) and disclosures|disclosure statement|republish (this|our) articles?.*|"
        r"\d+\s*(min|mins|minutes?)( read| (reading|read) time)?|"
        r"(estimated )?(reading|read) time:?\s*\d+\s*(min|mins|minutes?)( read)?|"
        r"licen[cs]e this (article|story|content)|for subscribers( only)?|"
        r"open this (photo|image) in (the )?gallery:?|"
        r"gift (this|the) (article|story)( free| for free)?|report this (article|post|story)|"
        r"(also )?available in( \w+)?:?|read (this|it) in \w+|(click|tap) to (expand|enlarge)( image| photo)?|"
        r".*\busing ai (narration|voice)\.?|this (article|story|post) (has been|was) updated( (to|with) [^.]{2,80})?\.|"
        r"this (article|story) is read by an automated voice\b.*|this is read by an automated voice\b.*|"
        r"update\b.{0,40}?:\s*this (article|story) (was|has been) updated\b.*|.*\btranslations may contain "
        r"inaccuracies\b.*|for information media\. not an official record\.?|(skip past|after) newsletter promotion|"
        r"listen to this (article|story)\s*[·|:-]?\s*[\d:]+ mins?\b.*|"
        r"(content[- ]type:\s*\w+\s+)?based on facts, either observed and verified\b.*|"
        r"news id\s*:?\s*\d+|readers?['’]?s? poll|(yes|no)\d+(yes|no)\d+|"
        r"this is an? (developing|breaking) (news )?story\b.{0,80}|"
        r"media playback is (unsupported|not supported) on your device\.?)$",
        25,
    ),
    _rule(
        "letter_closing",
        "A letter's closing formula above its signer (Yours, etc; Yours faithfully)",
        r"^yours,?\s+(etc\.?|faithfully|sincerely|truly|respectfully)[,.]?$",
        3,
        ends_article=True,
    ),
    _rule(
        "piece_note",
        "Notes on the piece, above the article as often as below it: its series, its editing or translation, an "
        "earlier version and its correction, changed names, who supported the reporting",
        rf"^(?:[•*]\s*)?(editor['’]?s note:\s*)?((editor['’]?s note:\s*this is the {_NTH} (\w+ )?|"
        rf"this is the {_NTH} (part|article|installment|instalment|piece|essay|story|episode) |"
        rf"this is the {_NTH} (?=(of|in) (a|an|our) (two|three|four|five|six|\d+)-part series))"
        r"(of|in) (a|an|our) [\w -]{0,30}series\b.*|"
        r"(this|our|the) (interview|conversation|transcript|q&a) (has been|was|have been)\b[^.]{0,80}?\b(edited|"
        r"condensed|translated)\b.*|"
        r"this (story|article|report|piece) (has been|was) corrected to\b.*|"
        # the Guardian: `This article was amended on 14 March 2024. An earlier version said ...`
        r"this (story|article|report|piece|essay|post) (has been|was) (amended|corrected) on [\w ,]{3,30}\.\s+an? "
        r"(earlier|previous) version\b.*|"
        r"this (story|article|report|piece|essay|post) (has been|was) (amended|updated|corrected)( on [\w ,]{3,30})? "
        r"to (correct|reflect|clarify|remove|add|include|incorporate)\b.*|"
        r"(editor['’]?s note:\s*)?an? (shorter|longer|earlier|edited|abridged) version of this "
        r"(essay|article|piece|story|post|column) (appears|appeared|was published|ran)\b.*|"
        # a correction's dated label: `Correction — Jan. 13, 2025`
        r"(correction|clarification|update)s?\s*[—–:-]\s*(?-i:[A-Z])[\w.]* \d{1,2},? \d{4}|"
        r"an? (earlier|previous) version of this (article|story|piece|report|post) (misstated|misspelled|misidentified|"
        r"incorrectly|wrongly|said|stated|gave|reported|described)\b.*|"
        r"(correction|clarification|update)s?\b.{0,40}?\b(an?|the) (earlier|previous|original) version of (this|the) "
        r"(article|story|piece|report|post|essay|column|op-ed|analysis|interview)\b.*|"
        r"this (article|analysis|piece|story|post|report|essay) was (originally )?(written|published) in \w+ and "
        r"translated\b.*|"
        r"this (article|analysis|piece|story|post|report|essay|commentary|column|op-ed|interview) was (originally )?"
        r"(written|published|conducted) in (english|german|french|spanish|arabic|persian|farsi|urdu|russian|chinese|"
        r"turkish|dari|pashto|hindi|bengali|portuguese|italian|japanese|korean)\.?|"
        r"an earlier version of (this|these) (article|piece|essay|remarks|paper|talk|speech)\b.*|"
        r"((the|some|all|most) )?names( of [^.]{1,60}?)?( (in|used in) this (piece|article|story|report))? (have|has) "
        r"been changed\b.*|"
        r"this (story|article|report|investigation) was (reported|produced|supported) with (the )?support of\b.*|"
        r"this (article|story|piece|post) is part of ((the|a|an|our) |[\w .&-]{2,40}['’]s )([\w.'’&-]+ ){0,5}"
        r"(series|project|package)\b.*|"
        r"translat(ed|ion) (from \w+ )?by [A-Z][\w.'’ -]{2,40}\.?)$",
        60,
    ),
    _rule(
        "breadcrumb",
        "A breadcrumb trail of short section names (Home / Economy / News, World › Asia)",
        r"^(you are here:?\s*)?[\w&'’.-]+( [\w&'’.-]+){0,3}(\s+[/›»>]\s+[\w&'’.-]+( [\w&'’.-]+){0,3}){1,6}"
        r"(\s+[/›»>]\s+[^/›»>]{2,120}(…|\.\.\.))?$",  # WTOP ends it with the headline, cut short
        30,
    ),
    _rule(
        "site_chrome",
        "Navigation and page furniture (Exit mobile version, Skip to content, Advertisement, Search, Sign in)",
        r"^(exit mobile version|skip (to )?(the )?(main |sections? |site )?(content|links|navigation|footer|search)|"
        r"accessibility (links|help|statement)|"
        r"toggle (navigation|menu)|main menu|menu|report abuse|next blog\W*|create (a )?blog|"
        r"navigation menu|search( for| this (blog|site))?:?|home|loading\.*|"
        r"back to top|scroll to top|close|next article|previous article|next post|previous post|print this page|"
        r"print(er)?[- ]?(friendly )?version|"
        r"sign in|log in|login|register|my account|e-?paper|live( tv)?|play|edition:?|proudly powered by .*|"
        r"powered by .*|about( us)?|contact( us)?|advertise( with us)?|terms( of (use|service))?|"
        r"(privacy|cookie|website|copyright|hyperlinking|editorial|accessibility) polic(y|ies)|careers|sitemap|rss|"
        r"help|feedback|view full version|go to (the )?(homepage|home page))$",
        12,
    ),
    _rule(
        "government_banner",
        "A government site's banner about itself (An official website of the United States Government, Official "
        "websites use .gov)",
        r"^(an official website of the\b.*|official websites use \.gov\b.*|an? \.gov website belongs to\b.*|"
        r"secure \.gov websites use https\b.*|a lock \(.*\) or https://.*|here'?s how you know)$",
        40,
    ),
)
RULES_BY_NAME = {rule.name: rule for rule in BOILERPLATE_RULES}
MAX_RULE_WORDS = max(rule.max_words for rule in BOILERPLATE_RULES)

# Rules the layout applies by position (see articles/layout.py), with their descriptions.
POSITIONAL_RULES = {
    "page_header": "The page above the article's header: masthead, menus, section names, tickers, the day's date",
    "article_header": "Lines in the article's header that are neither headline, standfirst, byline nor date",
    "page_footer": "The page below the article's end: related stories, footers, links",
    "reader_comments": "Readers' comments below the article, their names, dates and votes",
    "photo_caption": "Photo captions and credits",
    "data_table": "A table's rows, its title and its source line, set among the paragraphs",
    "page_control": "Buttons, forms and their labels on an HTML page",
    "title_repeat": "The headline again",
    "standfirst": "The standfirst, kept as the summary",
    "byline": "The byline, kept as the byline",
    "date_line": "A date line, kept as the publication date",
    "masthead": "The outlet's name on a line of its own",
    "section_label": "A section name",
    "author_bio": "The author's note, kept as the author bio",
    "repeated_paragraph": "A paragraph that stood earlier word for word",
    "pull_quote": "A short line repeating words of a paragraph near it, set large between paragraphs",
    "restated_paragraph": "Closing paragraphs that restate the article in other words",
    "truncated": "An export's note that its text was cut short (… [+1234 chars])",
    "embedded_post": "A post embedded from a social network (a tweet), its text and its author's signature",
    "separator": "A line of only symbols between parts of the article (___, * * *)",
    "subheading": "A short line between two paragraphs, not a sentence: the outlet's signpost inside the article",
    "contents": "A table of contents among the paragraphs: the article's own headings listed, one coming back below",
    "key_points": "A box of key points or a summary above the article (In short:, Story highlights, an AI summary)",
}


_SHARE_WORDS = frozenset(
    "facebook twitter x whatsapp telegram linkedin pinterest reddit email e-mail messenger viber threads instagram "
    "youtube tiktok flipboard bluesky mastodon weibo wechat vk sms share print copy link comments comment save "
    "gift tweet add google count formerly copied "
    "purchase licensing rights whatsapp bookmark bookmarks like likes reply replies follow social sharing listen to "
    "article on via in app url short font text size small medium large aa a+ a- us".split()
)
_SHARE_WORDS_OR_EMPTY = _SHARE_WORDS | {""}  # a word that was only punctuation or a count


def classify_line(line: str) -> LineRule | None:
    """The first boilerplate rule that matches this line, if any; a line made only of social network
    names and share buttons (`Facebook Twitter Whatsapp Comments Email`) is a share bar."""
    words = line.split()
    count = len(words)
    if count > MAX_RULE_WORDS:
        return None
    stripped = line.strip()
    lowered = stripped.lower()
    for rule in BOILERPLATE_RULES:  # `rule.matches`, unrolled: this runs for every short line of every page
        if count > rule.max_words or (rule.hints and not any(hint in lowered for hint in rule.hints)):
            continue
        if rule.found_in(stripped):
            return rule
    share_words = [word.strip(".:|·•,()+0123456789").casefold() for word in words]  # `+ FOLLOW`, `Share (12)`
    if 2 <= count <= 15 and all(word in _SHARE_WORDS_OR_EMPTY for word in share_words) and any(share_words):
        return RULES_BY_NAME["share_prompt"]  # but not figures alone: `26.01.2024 14:35` is a date
    return None


def rule_description(name: str) -> str:
    rule = RULES_BY_NAME.get(name)
    return rule.description if rule else POSITIONAL_RULES.get(name, "")


_LIST_ITEM = re.compile(r"^\s*([-*•·▪►»]|\d+[.)])\s+\S")


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


# --- Photo captions -------------------------------------------------------------------------------

_AGENCIES = r"AFP|Reuters|REUTERS|AP|Getty Images|EPA|Anadolu|Xinhua|PPI|APP|INP|NNI|Online|Shutterstock|IRNA|WANA"
CAPTION_CREDITS = (
    re.compile(
        r"\((?:photo|photos|image|picture|pic|file photo|file|credit|courtesy|source)\s*(?:by|:|/|-)?\s*"
        r"(?P<credit>[^)]{2,80})\)\s*\.?$",
        re.I,
    ),
    re.compile(r"\((?P<credit>[A-Z][\w .&-]{1,30}/(?:File|file|Handout|handout)[\w /]*)\)\s*\.?$"),
    re.compile(r"\s\((?P<credit>(?:[A-Z][\w'’-]+ ){1,3}(?:handout|supplied))\)\.?$"),  # `(Family handout)`
    re.compile(r"^\((?P<credit>file photo|photo|file|handout|representational image)\)\.?$", re.I),
    re.compile(r"\((?P<credit>[^()]{0,40}\b(?:photo|pic|picture|image)s?\b[^()]{0,40})\)\s*\.?$", re.I),
    re.compile(r"^image (?:source|credit)s?\s*[,:]\s*(?P<credit>.{2,80})$", re.I),
    re.compile(r"[.!?]\s*©\s*(?P<credit>[^©.]{2,60})$"),
    re.compile(r"\s[Cc]redit:\s*(?P<credit>[^.]{2,60})$"),
    re.compile(r"[.!?]\s*Credit\.\.\.\s*(?P<credit>.{2,80})$"),  # The New York Times: `...Tuesday.Credit...A for B`
    re.compile(r"\((?P<credit>file|file photo|photo|representational image|representative image|handout)\)\.?$", re.I),
    re.compile(r"[.!?]\s+(?:photo|photograph|image|picture|pic)s?\s*:\s*(?P<credit>(?:[^.]|\.(?=\w)){2,60})\.?$", re.I),
    re.compile(r"\s(?P<credit>[A-Z][\w]+ (?:Photo|Photos|Pic))\.?$"),
    re.compile(r"\((?P<credit>(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images|Xinhua|Anadolu|APP)[/ ][^()]{2,40})\)\.?$"),
    re.compile(r"[.!?]?\s(?P<credit>[A-Z][\w .'’-]{1,40}/(?:AFP|AP|Reuters|EPA)(?: via Getty Images)?)$"),
    re.compile(r"\s(?P<credit>[\w .'’/-]{2,40} via Getty Images)$"),
    # Anadolu's photographer and agency: `... on January 18, 2024. (Serkan Aydın - Anadolu Agency)`
    re.compile(r"[.!?]\s*\((?P<credit>(?:[A-Z][\w'’.-]+ ){1,3}[-–—] [A-Z][\w .&'’-]{1,40})\)\.?$"),
    re.compile(r"\[(?P<credit>(?:File|Photo|Handout)[^\]]{0,80})\]\s*\.?$"),
    re.compile(r"\[(?P<credit>[^\]/]{2,60}/[^\]]{2,40})\]\s*\.?$"),
    re.compile(
        r"^(?:photo|photograph|image|picture|file photo|pic|photo credit|foto)(?:\s*\d{1,2})?\s*(?:by|:|/|–|-)\s*"
        r"(?P<credit>.{2,80})$",
        re.I,
    ),
    re.compile(
        r"[.)]\s+(?:[—–-]\s*)?(?P<credit>(?:file|representational|archive) (?:photo|image|picture|pic)"
        r"(?:\s*[/|]\s*[\w .'’-]{2,40})?)\.?$",
        re.I,
    ),
    re.compile(r"[.!?]\s*\((?P<credit>social media|supplied|handout|screengrab|screenshot|video grab)\)\.?$", re.I),
    # A photographer and their agency glued to the caption (`... on June 4.Chris Young/The Canadian Press`).
    re.compile(
        r"[.!?]\s*(?P<credit>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} ?/ ?(?:The )?[A-Z][\w.'’&-]+"
        r"(?: [A-Z][\w.'’&-]+){0,3})$"
    ),
    re.compile(r"\b(?:photo|image|picture) credits?\s*:\s*(?P<credit>.{2,80})$", re.I),
    re.compile(r"[.!?]\s*source\s*:\s*(?P<credit>courtesy of [^.]{2,60})\.?$", re.I),  # Kayhan Life
    re.compile(
        r"[.!?]\s+(?P<credit>(?i:courtesy of) (?:the )?[A-Z][^.]{1,60})\.?$"
    ),  # `... 2024. Courtesy of Golshan Books`
    re.compile(r"^(?P<credit>file photo) of\b", re.I),  # `File photo of the Torkham border crossing.`
    re.compile(r"\s\|\s*(?P<credit>(?:photo|image|picture)s?\s*(?:courtesy|credit)s?\s*:?\s*.{2,60})$", re.I),
    # `... market on Thursday | ANI`: a sentence, then the agency; not a byline's `Amna Saleem | AFP`
    re.compile(rf"^(?=(?:\S+\s+){{6}}).*[\w.]\s*\|\s*(?P<credit>{_AGENCIES}|ANI|PTI|IANS)$"),
    # an agency then its photographer: `... in Tehran. IRNA/Ali Mohammadi`
    re.compile(r"[.!?]\s+(?P<credit>[A-Z]{2,8}\s?/\s?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})$"),
    re.compile(r"[.!?]\s+(?P<credit>(?:map|chart|graphic|photo|illustration)s? by the (?:author|writer))\.?$", re.I),
    re.compile(r"^credits?\s*:\s*(?P<credit>[^.]{2,60})$", re.I),  # The Diplomat: `Credit: Depositphotos`
    re.compile(r"[.!?]\s+(?P<credit>(?:photo|image|picture)s? (?:by|courtesy of) [^.]{2,60})\.?$", re.I),
    # a photographer and their outlet in brackets (`... in March. (Genaro Molina / Los Angeles Times)`)
    re.compile(
        r"\((?P<credit>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*/\s*(?:The )?[A-Z][\w.&'’-]+"
        r"(?: [A-Z][\w.&'’-]+){0,4})\)\.?$"
    ),
    re.compile(r"^(?P<credit>FILE)\s+[-–—]\s+[A-Z]"),  # the AP's archive photo: `FILE - Soldiers parade ...`
    # a caption labelled so, its agency in brackets: `Photo: A woman sorts saffron ... (IRNA)`
    re.compile(r"^(?:photo|picture|image)\s*:\s+[A-Z].{2,250}\((?P<credit>[A-Z][\w .'’/-]{1,40})\)\.?$", re.I),
    # AFP's photographer, surname in capitals, as its clients print it: `... twelve months (Jonas ERLACH)`
    re.compile(r"\((?P<credit>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?: [A-ZÀ-ÖØ-Þ]{2,})?)\)\.?$"),
    re.compile(r"[-–—|]\s*(?:photo|image|picture)\s*(?:by|:|/)\s*(?P<credit>[^.]{2,60})\.?$", re.I),
    re.compile(rf"\s[-–—/]\s*(?P<credit>(?:{_AGENCIES}|The News|Dawn|Express|Radio Pakistan)[\w ./]*)$"),
    re.compile(
        r"[.”\"]\s*[—–]\s*(?P<credit>(?!(?:Analysis|OpEd|Op-Ed|Opinion|Interview|Explainer|Editorial|Review)$)"
        r"(?![\w.&]+\.(?:com|net|org)$)"  # an outlet signing off its story: "... Court of Appeals. – Rappler.com"
        r"[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3}(?:/[A-Z][\w.& ]*){0,3})$"
    ),
    re.compile(
        r"(?P<credit>\b(?:REUTERS|AFP|AP Photo|EPA|Getty)(?:/[\w .-]+){1,4}?)(?:\s+Purchase Licensing Rights.*)?$"
    ),
)
# Every caption credit above has one of these: most lines are ruled out with one search.
_CAPTION_HINT = re.compile(
    r"[)\]©—–/|]|photo|foto|image|picture|pic\b|credit|courtesy|via getty|\s-\s|"
    r"(?:map|chart|graphic|illustration)s? by",
    re.I,
)
# A line that is only a photo credit (`AFP/Getty Images/File`, `REUTERS/Stringer`): its caption is the line above.
CREDIT_LINE = re.compile(
    r"^(?=.*\b(?:AFP|Reuters|REUTERS|AP|Getty|EPA|File|Photo|Shutterstock|Xinhua|Anadolu|Handout|Stringer|APP|"
    r"PPI|INP)\b)(?:(?:photo|image|picture)(?: credit)?\s*:\s*)?[A-Z][\w.&'’ -]{1,30}(?:\s?/\s?[\w.&'’ -]{1,30}){1,4}$|"
    r"^(?:Getty Images|AFP|Reuters|AP Photo|EPA|Shutterstock|File photo|Handout)$|"
    r"^\((?:PA Wire|Getty Images|Shutterstock|Handout)\)$|"  # the PA's photo feed; `(AFP)` may sign the story
    r"^(?=.*\b(?:AFP|Afp|Reuters|Getty Images|AP|EPA)\b)[A-Z][\w.&'’ -]{1,30}(?:\s\|\s[\w.&'’ -]{1,30}){1,3}$|"
    # a photographer and their outlet: `Angie de Silva/Rappler`
    r"^(?!By )[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|da|van|von|al|el|bin|la|le|del|dos)){1,3}/(?:The )?[A-Z][\w.&'’-]+"
    r"(?: [A-Z][\w.&'’-]+){0,3}(?: (?:[Ff]ile )?(?:photo|image|picture|illustration))?$|"  # `A/Toronto Star file photo`
    r"^[A-Z][\w.&'’ /—–-]{1,60} via Getty Images$"  # Fortune's `Marcus Reilly—Bloomberg via Getty Images`
)
CAPTION_LABEL = re.compile(
    r"^(?:image|photo|picture|video|media) (?:caption|source|credit)\s*[,:]?$|^caption\s*:?$", re.I
)  # the BBC's screen-reader labels on lines of their own: `Image source,`, then `Met Office`
# The BBC's screen-reader labels with their text on one line: `Image caption, Farmers in ...`, `Image source, Getty`.
LABELLED_CAPTION = re.compile(r"^(?:image|photo|picture|video|media) (?:caption|source|credit)\s*[,:]\s*\S", re.I)


def caption_credit(line: str) -> str | None:
    """The credit of a photo caption, or None when the line is not one: short, and ending with a
    credit in one of the forms outlets use (`(Photo: AFP)`, `— Reuters/File`, `[File: ... /Reuters]`)."""
    if len(line.split()) > 60 or not _CAPTION_HINT.search(line):
        return None
    for pattern in CAPTION_CREDITS:
        match = pattern.search(line)
        if match:
            return match["credit"].strip(" .)")
    return None


# --- Photo captions without a credit ----------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"
    r"Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# The photo's day closes the caption: `... in Lahore, Pakistan, January 12, 2024.`, `..., on Dec. 3, 2024.`
_CAPTION_DATED = re.compile(
    rf"(?:,|\bon|\bin)\s+(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
    rf"{_MONTH},?\s+\d{{4}})\.?$"
)
# `... in Jammu on Wednesday`, RFE/RL's `... in Talas region on May 30.`
_CAPTION_DAY = re.compile(rf"\b(?:on|in)\s+(?:{_WEEKDAY}|{_MONTH}(?:\s+\d{{1,2}})?)\.?$")
_CAPTION_PLACE = re.compile(r"\b(?:in|at|near|outside|inside|from|over|across)\s+(?:the\s+)?[A-Z]")
# A report tells what happened; a caption shows what the photo shows, in the present or with no verb.
_TELLS = re.compile(
    r"\b(?:said|says|say|told|tells|was|were|had|has|have|did|will|would|could|should|can|is|are|been|be|won|lost|"
    r"met|took|made|left|came|went|held|began|led|fell|rose|saw|gave|got|ran|paid|sent|spent|kept|brought|found|"
    r"thought|felt|became|beat|struck|stood|hit|cut|set|put|shot|sold|bought|fought|caught|built|spoke|broke|chose|"
    r"drove|flew|grew|knew|threw|wrote|rode|swore|tore|wore|won|who|which|that|\w+ed|"
    r"before|because|although|unless|until|must|need|needs|deserve|deserves)\b",  # an argument's words, not a scene's
)  # in lower case: a capital is a name's (`near Can Tho`), not a verb
_OPENS_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:\([^)]*\))?\s*[-–—:]")
_TRAILING_CREDIT = re.compile(r"\s*\((?:[A-Z][\w.&'’-]*(?:[ /][A-Z][\w.&'’-]*){0,3})\)\.?$")
MIN_SCENE_CAPTION_WORDS, MAX_SCENE_CAPTION_WORDS = 5, 40


_SAYS_WHAT_IT_SHOWS = re.compile(
    r"^(?:(?:this|the|a) )?(?:file |undated |handout )?(?:photo(?:graph)?|picture|image|video grab|screengrab)"
    r"(?: (?:taken|released|provided|published) [^.]{2,80}?)? shows\b",
    re.I,
)


def is_scene_caption(line: str) -> bool:
    """A photo's caption without a credit (`Voters at a polling station in Almaty, Kazakhstan, on October 6,
    2024.`): one sentence showing a scene, in the present or with no verb, closed by the photo's day. A
    sentence of a report tells what happened (said, was, held, ...) or quotes someone."""
    text = _TRAILING_CREDIT.sub("", line.strip())  # `... on May 5, 2025. (Reuters)`
    if _SAYS_WHAT_IT_SHOWS.match(text) and len(text.split()) <= MAX_SCENE_CAPTION_WORDS:
        return True  # Press TV's `File photo shows a border crossing ...`, `This picture taken on ... shows ...`
    words = len(text.split())
    if not MIN_SCENE_CAPTION_WORDS <= words <= MAX_SCENE_CAPTION_WORDS or not text[:1].isupper():
        return False
    dated = bool(_CAPTION_DATED.search(text))  # the cheap test first: most lines end with no day
    if not dated and (words < 10 or not _CAPTION_DAY.search(text)):
        return False
    if re.search(r"[“”\"]", text) or re.search(r"[.!?]\s+[A-Z]", text) or _OPENS_DATELINE.match(text):
        return False
    if _TELLS.search(text[:1].lower() + text[1:]) or re.search(
        r"\d", _CAPTION_DAY.sub("", _CAPTION_DATED.sub("", text))
    ):
        return False  # a report's figures (`by 60 runs`, `12pc`): a caption's only figures are its day
    return dated or bool(_CAPTION_PLACE.search(text))
