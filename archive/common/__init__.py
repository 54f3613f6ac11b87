"""What both apps use: partial dates, sentences, history with an explicit acting user, the API's
reading policy and paging, admin links, streaming writers. It imports neither app."""
