"""Pure: the event taxonomy and its mapping to the CAMEO and PLOVER event ontologies.

Our kinds are what analysts of this archive ask for; the ontology codes let a timeline be
compared with GDELT (CAMEO) and ACLED-style PLOVER data. A kind's code is the CAMEO root or
sub-code that covers it best; curators may set a finer code on an event.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KindCodes:
    cameo: str  # CAMEO event code (GDELT)
    cameo_label: str
    plover: str  # PLOVER event type


ONTOLOGY = {
    "visit": KindCodes("042", "Make a visit", "CONSULT"),
    "meeting": KindCodes("040", "Consult", "CONSULT"),
    "agreement": KindCodes("057", "Sign formal agreement", "AGREE"),
    "military_strike": KindCodes("195", "Employ aerial weapons", "ASSAULT"),
    "militant_attack": KindCodes("180", "Use unconventional violence", "ASSAULT"),
    "border_incident": KindCodes("190", "Use conventional military force", "FIGHT"),
    "trade_energy": KindCodes("061", "Cooperate economically", "COOPERATE"),
    "sanctions": KindCodes("163", "Impose embargo, boycott, or sanctions", "SANCTION"),
    "statement": KindCodes("010", "Make statement", "ACCUSE"),
    "other": KindCodes("", "", "OTHER"),
}

DEFAULT_CAMEO_CODES = frozenset(codes.cameo for codes in ONTOLOGY.values())
DEFAULT_PLOVER_TYPES = frozenset(codes.plover for codes in ONTOLOGY.values())


def codes_for(kind: str, *, cameo: str = "", plover: str = "") -> tuple[str, str]:
    """An event's CAMEO code and PLOVER type: the kind's, unless a curator chose a finer one than
    any kind's default. Every writer of events stores what this returns."""
    codes = ONTOLOGY.get(kind, ONTOLOGY["other"])
    return (
        cameo if cameo and cameo not in DEFAULT_CAMEO_CODES else codes.cameo,
        plover if plover and plover not in DEFAULT_PLOVER_TYPES else codes.plover,
    )
