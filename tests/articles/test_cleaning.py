"""The boilerplate rules: each removes page furniture and never a real sentence. No database."""

import pytest

from articles.cleaning import canonical_text, content_hash, normalise_text, repeated_paragraphs, text_hash
from articles.furniture import BOILERPLATE_RULES, classify_line

FURNITURE = {
    "cookie_notice": [
        'We value your privacy',
        "We use cookies on our website. If you consent to their use, we use them to measure and analyze the use "
        "of the website.",
        "This site uses cookies to improve your browsing experience.",
        "By continuing you agree to our use of cookies.",
        "We and our partners process data to provide: Use precise geolocation data. Store and/or access information "
        "on a device. Personalised advertising and content.",
    ],
    "consent_control": [
        "Information and Settings", "Accept all", "Reject all", "Cookie settings", "Yes, I agree", "I Accept",
        "Show Purposes",
    ],
    "share_prompt": [
        "Kindly Share This Story:",
        "mailto",
        'Share full article',
        'Facebook Count',
        'Copy Link copied Email Facebook X',
        "Share:", "Share.", "Share this article", "Share on Facebook", "Tweet", "WhatsApp", "Print", "Copy link",
        "Facebook Twitter Whatsapp Comments Email", "Click to share on X (Opens in new window)",
        "Listen to this article", "Social Sharing", "Share this via Printer", "READ LATER", "Remove SEE ALL",
    ],
    "messenger_invite": [
        "Join NewsTrack Whatsapp group",
        "Join our Telegram channel for the latest news",
        "Follow Dawn on WhatsApp",
        "Subscribe to our newsletter",
    ],
    "call_to_action": [
        "A version of this story first appeared in CNN Business’ Before the Bell newsletter. Not a subscriber? You can "
        "sign up right here.",
        "Connect via email.",
        "Follow Daryo's official Instagram and Twitter pages to keep current on world news.",
        "Recommended Newsletter: CEO Daily provides key context for the news leaders need to know. Subscribe Now.",
        "ECNS App Download",
        'Get our free wellness email',
        'Sign up for our free Health and Wellbeing email for all your wellness advice',
        'Follow Lancashire Evening Mercury',
        'You can download the report as a PDF here.',
        'Do you have information about deaths in a Texas jail? Email Lena Whitcomb at lw@example.org or reach her on '
        'Signal.',
        'For media enquiries, please contact the Public Relations Office on +263 242 700 596.',
        "ProPublica is a nonprofit newsroom. Sign up to receive our biggest stories as soon as they're published.",
        'Already contributed? Log in to hide these messages.',
        "Support independent, fact-based journalism.", "Enjoy more audio and podcasts on iOS or Android.",
        "Catch every big hit, every wicket with Crick-it, a one stop destination for Live Scores. Explore now!",
        'Is there content that you would like AFP to fact-check? Get in touch.',
        'Support Makran Dispatch',
        "Keep up to date with what's happening in Türkiye, its region and the world.",
        '(Catch all the Business News, Breaking News, Events and Latest News Updates on The Economic Times.)',
        "Want a quick and expert briefing on the biggest news stories? Listen to our latest podcasts to find out "
        "What You Need To Know...",
        'Get Boiling Point, our newsletter exploring climate change, energy and the environment.',
        "The planet's most important stories. Get all the week's environment news - the good, the bad and the "
        "essential",
        'With your meaningful insights, help shape the stories that can shape the country. Sign up now!',
        "Follow us on Google News",
        "Like Business on Facebook, follow @TribuneBiz on Twitter to stay informed and join in the conversation.",
        "Download The News app",
        "Get it on Google Play",
        "For more on the comment moderation policy, please click here.",
        "Get weekly news and analysis on the U.S. elections. Sign up here.",
        "Log in, register or subscribe to save articles for later.",
        "Start the day with a summary of the day's stories. Sign up for our Morning Edition newsletter.",
        "Support Eurasianet", "Add CBS News on Google", "Over 4,000 subscribers", "Explore the edition",
        "Thanks for reading Steppe Dispatch! Subscribe for free to receive new posts and support my work.",
        "Get Current Updates on India News, Gurugram News, Weather Today along with Latest News and Top Headlines "
        "from India and around the world.",
        "Catch all the Business News, Breaking News, Events and Latest News Updates on The Economic Times.",
        "Sign Me Up", "For more Human Rights Watch reporting on Pakistan, please visit:",
    ],
    "related_links": [
        "Discover more stories on Hong Kong transport",
        "Also on The Strategist: Indonesia’s nickel boom and the limits of friend-shoring",
        "Click to read: Journalists faced 110 trials in the last quarter of 2023",
        "Latest in Finance",
        'RELATED...',
        'MORE FOR YOU',
        "Also on this blog: The season I scored every ball of the Quaid-e-Azam Trophy final",
        "From the archive: Why this Majlis keeps threatening impeachments (Nov 2024)", "Live Story",
        "Also Read: Attack victims criticize the UK compensation program",
        "Video: Paramedics describe 'impossible' winter shifts",
        "Read also:",
        "Related News",
        "Related Articles",
        "You may also like",
        "Read more: Markets close higher",
        "Most Read",
        "Keep reading", "Continue Reading", "Further reading", "Related Experts: Karim Haddad and Laura Whitmore",
        "Read moreIn Senegal, fishermen's pirogues set out for Spain", "Also ReadIMD raises monsoon forecast to 106%",
    ],
    "comment_form": [
        "Leave a Reply",
        "Leave a Comment",
        "Your email address will not be published. Required fields are marked *",
        "Comments (3)",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Comments are moderated and generally will be posted if they are on-topic and not abusive.",
        "Ali | 9 hours ago | Reply", "Share or comment on this article:", "Share what you think", "Best rated",
        "We welcome your comments at letters@scroll.in.", "Comments - Please login in order to comment.",
        "Please peer review 3 community comments before your comment can be posted",
    ],
    "tag_list": [
        "Tags: ECNEC, Flood rehabilitation, Sindh", "Topics:", "Posted in Politics", "Tagged diaspora, elections",
    ],
    "published_in": [
        "Published in the print edition of the June 12, 2023, issue, with the headline “Brinkmanship.”",
        "A version of this post appeared in The Friday Times on June 8, 2012.",
        "Published in Dawn, January 18th, 2024", "Published in The Express Tribune, February 5th, 2024.",
        "A version of this article appears in print on March 14, 2024, Section A, Page 1 of the New York edition.",
        "Appeared in the February 22, 2024, print edition as 'Fed Signals Patience on Rate Cuts'.",
        "This article appeared in the Asia section of the print edition under the headline \"Free lunch\"",
        "From the March 29th 2025 edition",
    ],
    "appeal": ["A Message from The Moscow Times:", "Dear readers,"],
    "support_request": [
        'At HuffPost, we believe that everyone needs high-quality journalism, but not everyone can afford to pay for '
        'expensive news subscriptions.',
        'Would you join us to help keep our stories free for all? Your contribution of as little as $2 will go a '
        'long way.',
        "Support PREMIUM TIMES' journalism of integrity and credibility",
        "Myanmar Now's journalism is made possible by the support of its readers. Please consider making a donation.",
        "Steppe Dispatch is a reader-supported publication. To receive new posts and support my work, consider "
        "becoming a free or paid subscriber.",
        "Your tax deductible gift can help stop human rights violations and save lives around the world.",
        "We have no shareholders and no billionaire owner. Our journalism is free from commercial and political "
        "interference. If you can, please support us today.",
        "Would you consider supporting us with a modest contribution on a monthly basis?",
        "If you value independent reporting from Sri Lanka, you can support my work on Ko-fi.",
        "Help keep articles like this free", "You've read 1 article in the last month",
        "I hope you appreciated this article. Before you move on, I wanted to ask whether you could support the "
        "Guardian at this crucial time for journalism.",
        "Choose to support open, independent, quality journalism and subscribe on a monthly basis.",
    ],
    "source_credit": [
        'With additional reporting from AFP.',
        "Source: Al Jazeera", "Source: This article was published by the Central Asia Policy Forum",
        "Translation of an original article published in French on lemonde.fr; the publisher may only be liable for "
        "the French version.",
        "Editor’s Note: A version of this piece was first published by the Mekong Dam Monitor on April 7, 2025.",
        "This story comes from NPR's health reporting partnership with KCUR and KFF Health News.",
        "This commentary originally appeared on The Hill on January 18, 2024.",
    ],
    "agency_code": ["PTI ABA ABA RC", "UNI XC SNU RN 1736", "ssp/dan", "//Petra// AF", "SK/SS"],
    "wire_credits": [
        'APP/zah/sna',
        'Rosa Lindgren created the map for this Backgrounder.',
        'The authors thank Priya Raman for research assistance.',
        "Reporting by Asma Zaidi; Editing by Edmund Clarke", "Jane Doe contributed to this report.",
        "Edited by: Kate Martyr", "Editor: huaxia", "[Responsible editor: Li Wei]", "With reporting by AFP and Reuters",
        "Write to Harriet Calloway at harriet.calloway@wsj.com and Daniel Kessler at daniel.kessler@wsj.com",
        "Miriam Achebe reported from Nairobi, Kenya, and Tomas Lindqvist from Addis Ababa, Ethiopia.",
        "Marta Kowalczyk contributed reporting.", "Hamid Osman contributed reporting from Port Sudan, Sudan.",
        "Some information for this report came from Reuters and Agence France-Presse.",
    ],
    "disclaimer": [
        'The views expressed by authors on Responsible Statecraft do not necessarily reflect those of the Quincy '
        'Institute.',
        'This research was supported by an embassy. The views expressed are those of the authors and do not '
        'necessarily reflect those of the donor.',
        "The views expressed in UkraineAlert are solely those of the authors and do not necessarily reflect the views "
        "of the Atlantic Council, its staff, or its supporters.",
        'This report is auto-generated from ANI news service. ThePrint holds no responsibility for its content.',
        '(The author is a Reuters Breakingviews columnist. The opinions expressed are his own.)',
        "Editor's note: Farhan Abbasi is an Islamabad-based researcher. The article reflects the author's opinions "
        "and not necessarily the views of CGTN.",
        "Disclaimer: The views expressed in this article are the writer's own.",
        "This story has been published from a wire agency feed without modifications to the text.",
        "The views expressed in opinion pieces do not necessarily reflect the position of The Moscow Times.",
        "THE VIEWS EXPRESSED BY CONTRIBUTORS ARE THEIR OWN AND NOT THE VIEW OF THE HILL",
        "Asharq Al-Awsat does not necessarily share the views of the writer.",
        "The views and opinions expressed in this article are those of the author and do not reflect its policy.",
        "Carnegie does not take institutional positions on public policy issues.",
        "This column reflects the personal views of the author and does not necessarily reflect the opinion of the "
        "editorial board or Bloomberg LP and its owners.",
        "The views expressed in this Commentary are the author’s, and do not represent those of RUSI.",
        "Note: The views expressed in this article are those of the author and do not necessarily reflect the "
        "editorial policy of Hasht-e Subh Daily.",
        "This is an opinion column. The thoughts expressed are those of the authors.",
        "The European Council on Foreign Relations does not take collective positions. ECFR publications only "
        "represent the views of their individual authors.",
        "(Only the headline and picture of this report may have been reworked by the Business Standard staff; the "
        "rest of the content is auto-generated from a syndicated feed.)",
    ],
    "copyright_line": [
        "Reprinting materials of Tengrinews.kz is allowed only with a hyperlink to the source.",
        "Link to 24.kg news agency is required when using the materials.",
        "© 2024 Fortune Media IP Limited. All Rights Reserved. Use of this site constitutes acceptance of our Terms "
        "of Use and Privacy Policy | CA Notice at Collection and Privacy Notice | Do Not Sell/Share My Personal "
        "Information",
        "Copyright © 2024 The Frontier Ledger. All rights reserved.",
        "© 2023 Dawn",
        "All rights reserved for Islamic Republic News Agency",
        "washingtonpost.com © 1996-2024 The Washington Post", "Creative Commons: Some rights reserved.",
        "This work is licensed under Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International.",
    ],
    "signup_terms": [
        'I would like to be emailed about offers, events and updates from The Independent.',
        "By signing up, you agree to our Terms of Use and acknowledge our Privacy Policy.",
        "You may occasionally receive promotional content from the Los Angeles Times.",
        "By submitting your information you agree to the Terms & Conditions and Privacy Policy.",
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside "
        "parties.",
    ],
    "form_field": ["Your Email", "JOB TITLE", "EMPLOYER", "Enter email address"],
    "media_player": [
        '1 of 6',
        'No media source currently available',
        "Watch now", "Duration 2:31", "1/6", "Photo Gallery: Floods In Baghlan", "The Profit Podcast",
        "To view this video please enable JavaScript, and consider upgrading to a web browser that supports video",
    ],
    "breadcrumb": ["Home / Economy / News", "World › Asia › Pakistan", "News > Balochistan"],
    "timestamp": ["14:05 GMT", "10:32 am", "Update — 7:35pm"],
    "reader_feedback": [
        "Do you like the content of this article?", "How does this make you feel?", "Was this article helpful?",
        "Rate this article:",
    ],
    "advertisement": [
        "Advertisement · Scroll to continue", "Report This Ad", "TEXT AD: Grow your business with verified leads today",
        "Video Ad Feedback", "Ad Feedback",
        "Advertisement", "ADVERTISEMENT", "Sponsored content", "Story continues below advertisement", "Story continues",
        "Story continues below",
    ],
    "site_chrome": [
        "Print version", "Printer-friendly version",
        "Website Policies", "Hyperlinking Policy", "Help", "Feedback",
        "Exit mobile version", "Skip to content", "Back to top", "Sign In", "About us", "Skip to sections navigation",
        "Skip to footer", "Report Abuse", "Next Blog»", "Create Blog",
    ],
    "government_banner": [
        "An official website of the United States Government Here's how you know", "Official websites use .gov",
        "A .gov website belongs to an official government organization in the United States.",
    ],
    "age_notice": ["This was published 1 year ago", "This article is more than 2 years old"],
    "letter_closing": ["Yours, etc,", "Yours faithfully,", "Yours sincerely"],
    "scorecard": ["Brief scores", "Scorecard:", "Line-ups"],
    "references": ["Endnotes", "Footnotes:", "References", "[1] World Bank, “Bhutan Development Update”, June 2024.",
                   "[12] https://t.me/ua_frontline_geo/4417"],
    "piece_note": [
        "Correction — Jan. 13, 2025",
        "A previous version of this article misstated the year the lanes were approved. It was 2020.",
        "Editor's Note: This article was updated on February 23, 2024, to include new displacement figures.",
        'The names of the students and teachers in this report have been changed for their safety.',
        "Editor's note: The names of the girls in this story have been changed to protect them.",
        "Editor's note: This article is part of Just Security's series on the legal consequences of the policy.",
        "This story has been corrected to show the eruption occurred on Negros, not Panay, in the second paragraph.",
        "This commentary was originally published in German.",
        'Editor’s Note: This is the second article in a series on how the U.S. Army is adapting.',
        "Editor’s Note: This is the second article in a series on how the U.S. Army is adapting to the lessons of "
        "the war in Ukraine. The first installment examined counter-drone training at the combat training centers.",
        'This interview has been edited for length and clarity.',
        "This interview was conducted in Dari and has been translated and edited for length and clarity.",
        "Our conversation has been edited for length and clarity.",
        "Correction, May 15, 2024: An earlier version of this article stated that there were 250,000 net-metered "
        "connections in the country. The correct figure, according to Nepra, is 226,440. The error is regretted.",
        "Correction: Jan. 23, 2025. A previous version of this article misstated the planned length of the corridor.",
        'This analysis was originally written in Persian and translated into English by the desk.',
        'An earlier version of these remarks was delivered at a panel on fiscal federalism.',
        'Some names in this piece have been changed at the request of the people I spoke to.',
        'This story was reported with the support of the Earth Journalism Network.',
        "This is the first of a two-part series on water in Karachi. The second part will look at the Indus.",
        "This article is part of the series — Disaster Risk Reduction in South Asia",
        "This article is part of an EAF special feature series on 2024 in review and the year ahead.",
        "• This article was amended on 14 March 2024. An earlier version said the rooms had been let since 1931.",
    ],
    "page_notice": [
        "(Release ID: 2039112) Visitor Counter : 1843", "Read this release in: Hindi , Marathi , Tamil",
        'News ID: 512384', "Media playback is unsupported on your device",
        "This is a developing story and is being updated with further details.",
        "Reader's Poll",
        "Purchase Licensing Rights, opens new tab", "Why you can trust Sky News", "Listen In English",
        "THIS IS A BREAKING NEWS UPDATE. AP’s earlier story follows below.",
        "License this article", "For subscribers", "Open this photo in gallery:",
        "Click to expand Image", "Available In", "Report this article",
        "Produced by ElevenLabs and News Over Audio (NOA) using AI narration.", "This article has been updated.",
        "This is read by an automated voice. Please report any issues or inconsistencies here.",
        "Update 10/14/24, 9:40 a.m. ET: This article was updated with additional information.",
        "Newsweek AI is in beta. Translations may contain inaccuracies—please refer to the original content.",
        "For information media. Not an official record.", "after newsletter promotion",
    ],
}  # fmt: skip

REAL_SENTENCES = [
    "Officials said the share of trade through the border crossing had doubled since 2021.",
    "Related developments include a new agreement on electricity supply to Gwadar.",
    "Pakistan said it would join the investigation and share intelligence with Iran.",
    "The ministry said it does not use cookies or any other tracking on its official portals, a spokesman said "
    "when asked about the leaked documents and the contracts signed with foreign firms last year.",
    "Comments by the foreign minister drew a sharp response from Tehran on Monday.",
    "Print and broadcast journalists were barred from the session.",
    "This is the second in a series of attacks on polio teams in the district this month, police said.",
    "Corrections officers said an earlier version of the prison's rules had allowed weekly visits.",
    "We and our partners in the provincial government process the data of every registered voter, the minister said.",
    "Video: the footage showed soldiers crossing the border before dawn.",
    "The views expressed in Parliament were sharply divided, the speaker said.",
    "The app is available on iOS and Android, the company said on Monday.",
    "Copyright disputes between the two state broadcasters were settled out of court.",
    "Leave was cancelled for all border guards in Sistan-Baluchestan.",
    "Home Minister Mohsin Naqvi visited the border crossing at Taftan.",
    "Search operations continued in the Kech district overnight.",
    "Menu prices in Quetta rose sharply after the closure of the border.",
    "Advertisement revenue of state media fell for a third year.",
    "Follow-up talks between the two sides are due in Tehran next week.",
    "Sources said the talks would resume after the elections.",
    "Tags on the containers showed they had been loaded in Bandar Abbas.",
    "Subscribers to the state broadcaster's new service rose by a third.",
    "Published reports said the pipeline would cost $7.5 billion.",
    "Reporting by the state news agency said 12 people had died in the blast.",
    "The channel, which had followed the story on Twitter for weeks, said it would sign up more reporters.",
    "Readers can see here the full list of the candidates, the commission said in a statement on Monday.",
    "The views expressed by the two delegations differed sharply, officials said after the meeting.",
    "Watch officials said would be deployed along the border arrived on Monday.",
    "The editor said the paper would appeal, and two thirds / of the board agreed.",
    "Editors: the ruling applies to all newspapers, the council said in a statement on Monday.",
    "The minister announced the plan in his weekly newsletter.",
    "This was published a year ago in the official gazette, the ministry said.",
    "Support for the ceasefire has grown in both provinces, a survey found.",
    "With reporting by a team of local journalists, the inquiry found dozens of unpaid workers.",
    "Contact between the two delegations resumed on Monday, officials said.",
    "A message from the president was read out at the ceremony on Monday.",
    "The minister said journalists reported from the border town for three days before they were expelled.",
    "The government does not share the views of the commission, the spokesman said after the hearing on Monday.",
    "Get the latest figures from the ministry before the budget, the adviser told reporters on Monday.",
    "The charity said it would consider making a donation to the flood relief fund next month.",
    "Ahmed Khan contributed reporting to the commission's inquiry into the collapse, officials said.",
    "The minister said the article has been updated by the ministry to reflect the new figures.",
    "Some information in the report was withheld for security reasons, the army said on Monday.",
    "Officials said the story comes from a single source in Quetta and could not be verified.",
    "The views expressed by the two ministers are shared by most of the cabinet, officials said on Monday.",
    "The article reflects the views of the ministry, a spokesman said when asked about the leaked draft.",
    "Please log in to the portal to apply, the commission told candidates in a notice on Monday.",
    "This work is part of a larger plan to rebuild the port, the minister told reporters in Gwadar.",
    "Some rights groups said the law would be used against journalists and opposition figures.",
    "The views expressed in the report are alarming and must be addressed, the minister said on Monday.",
    "Get the refinery running again and the rest will follow, the minister told the digest's reporters.",
    "Keep the border open, traders told the minister in Quetta on Monday.",
    "Support for journalism grants fell by a third, the foundation said.",
    "With additional reporting from the field, the commission said its findings would be published in March.",
    "The minister said the names of the accused have been changed in the charge sheet, his lawyer said.",
    "Support for the ceasefire grew in Balochistan, a survey found.",
    "The authors of the report said they would appeal the ruling.",
    "This story was reported by our correspondent in Quetta, who visited the camp on Monday.",
    "He said the views expressed are his own and not the ministry's.",
    "Police have appealed for anyone with information to get in touch.",
    "Support Grows For Ban On Plastic Bags",
    "The World Health Organization receives funding from member states and private donors.",
    "The views expressed by the minister do not reflect government policy, the spokesman said.",
    "The views expressed by the minister are those of the government, he said on Monday.",
    "Do you have a plan for the border, the senator asked the minister at the hearing on Monday.",
    "The families said the names of the dead have been changed on the official list, which they called a cover-up.",
    "You can download the form from the ministry's website, officials said.",
    "Follow the money, the investigators told the committee on Monday.",
    "PTI and ANI reported the blast first.",
    "Share this story with your family, the minister urged viewers.",
    "A previous version of this bill was rejected by the Senate in 2022, officials said.",
    "Get the email addresses of every voter, the campaign manager told volunteers.",
    "Sponsored by the government, the scheme pays farmers a fixed price for wheat.",
    "A version of this story first appeared in the Sunday paper, the minister's office said.",
    "A link to the militants is required before a suspect can be charged, the court said.",
    "26.01.2024 14:35",
    "12 34",
]


@pytest.mark.parametrize(("rule", "line"), [(rule, line) for rule, lines in FURNITURE.items() for line in lines])
def test_each_rule_removes_its_kind_of_page_furniture(rule, line):
    matched = classify_line(line)
    assert matched is not None and matched.name == rule


@pytest.mark.parametrize("sentence", REAL_SENTENCES)
def test_real_sentences_with_the_same_words_are_kept(sentence):
    assert classify_line(sentence) is None


def test_every_rule_is_documented_and_covered_here():
    assert {rule.name for rule in BOILERPLATE_RULES} == set(FURNITURE)
    assert all(rule.description for rule in BOILERPLATE_RULES)


def test_normalising_unifies_line_breaks_trailing_space_and_blank_runs():
    assert normalise_text("\ufeffTitle  \r\n\r\n\r\n\r\nBody\rmore\t\n") == "Title\n\nBody\nmore"


def test_content_hash_ignores_layout_noise_but_not_words():
    assert content_hash("Title\r\nBody  \n") == content_hash("Title\nBody")
    assert content_hash("Title\nBody") != content_hash("Title\nBody!")


def test_text_hash_ignores_case_spacing_and_quote_styles():
    assert text_hash("Pakistan’s visit", "He said “yes”  –  twice.") == text_hash(
        "PAKISTAN'S VISIT", 'he said "yes" - twice.'
    )
    assert canonical_text("  A\u00a0 B ") == "a b"


OPENING = [
    "Pakistan and Iran have pledged to work together to combat militants operating from Afghanistan. "
    "The commitment comes after a three-day visit by Iranian President Ebrahim Raisi to Islamabad.",
    "The joint statement also highlighted the need for cooperation against narcotics smuggling and human "
    "trafficking. The countries agreed to set up new border markets and free trade zones.",
    "Tehran has also blamed the Islamic State affiliate based in Afghanistan for recent attacks in Iran.",
]


def test_a_paragraph_repeated_word_for_word_is_found():
    assert repeated_paragraphs([*OPENING, OPENING[1].upper()]) == {3: "repeated_paragraph"}


def test_a_closing_restatement_of_the_opening_is_found():
    restatement = (
        "Pakistan and Iran have pledged to combat militants operating from Afghanistan after the three-day visit "
        "of Iranian President Ebrahim Raisi to Islamabad. They agreed to set up new border markets and free "
        "trade zones and to cooperate against narcotics smuggling and human trafficking."
    )
    assert repeated_paragraphs([*OPENING, restatement]) == {3: "restated_paragraph"}


def test_a_closing_paragraph_with_new_facts_is_kept():
    new_facts = (
        "Separately, the International Monetary Fund approved a loan tranche for Pakistan on Friday. "
        "Finance ministry officials said the money would shore up foreign exchange reserves."
    )
    assert repeated_paragraphs([*OPENING, new_facts]) == {}


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Fishermen unload their catch at the Al Khor port. File photo / The Peninsula", "File photo / The Peninsula"),
        ("Lorries wait near the Torkham crossing in Nangarhar province. (Social media)", "Social media"),
        ("Cranes stand above a condo development in Toronto on June 4.Chris Young/The Canadian Press",
         "Chris Young/The Canadian Press"),
        ("Construction crews frame a new home on a lot in Altadena. (Genaro Molina / Los Angeles Times)",
         "Genaro Molina / Los Angeles Times"),
        ("FILE - Soldiers from Burkina Faso, Mali and Niger parade during a ceremony in Niamey, Niger, Sept. 16, 2024.",
         "FILE"),
        ("Gold has gained more than 40 percent over the past twelve months (Jonas ERLACH)", "Jonas ERLACH"),
        ("Saudi Crown Prince Mohammed bin Salman receives the Japanese Prime Minister in Jeddah. — File photo",
         "File photo"),
        ("Image 1: Asian Development Bank via Flickr", "Asian Development Bank via Flickr"),
        ("Maureen Pell in the foyer, where she has volunteered since 1989. Photograph: Ruth Aldington/The Guardian",
         "Ruth Aldington/The Guardian"),
        ("Photo: A woman separates saffron stigmas from flowers at a workshop in Torbat-e Heydarieh. (IRNA)", "IRNA"),
        ("VAN, TÜRKİYE - JANUARY 18: A snowplow clears a road in Van, Türkiye on January 18, 2024. (Serkan Aydın - "
         "Anadolu Agency)", "Serkan Aydın - Anadolu Agency"),
        ("The government estimates it spends more than RM20 billion a year on subsidies. (Bernama pic)",
         "Bernama pic"),
        ("Foto: Jens Gyarmaty / DER SPIEGEL", "Jens Gyarmaty / DER SPIEGEL"),
        ("The shore of Lake Balkhash near Ulken, the proposed site. Photo: the author.", "the author"),
    ],
)  # fmt: skip
def test_captions_are_known_by_credits_without_the_word_photo_and_glued_to_the_caption(caption, credit):
    from articles.furniture import caption_credit

    assert caption_credit(caption) == credit


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade through the crossing doubled, the ministry said on Monday. (Reuters)",
        "The committee will meet again in February, officials said.",
        "The accord was signed by the two governments (and ratified by NATO)",
        "The agency revised its figures after criticism of its public image (see below).",
    ],
)
def test_a_paragraph_ending_with_an_agency_credit_is_no_caption(sentence):
    from articles.furniture import caption_credit

    assert caption_credit(sentence) is None
