"""What articles tell the rest of the archive, which they do not know: that an article's text changed.

`text_changed` is sent inside the transaction that changed an article's title or body (a re-parse,
a restored removal), with the old texts. Whatever holds offsets into those texts moves them, or
refuses the change by raising TextConflict, which rolls it back.
"""

from django.dispatch import Signal

# Arguments: article, previous (field name -> old text), change (how: "re-parsed", "restored"),
# acting_user (None: the machine) and reason (for the history of what moves).
text_changed = Signal()


class TextConflict(Exception):
    """The new text would lose what a curator anchored in the old one; the message says what, in one line."""
