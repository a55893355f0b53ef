"""HTTP content negotiation on the Accept header (RFC 9110 §12.5.1), for addresses that
offer more than one representation, such as an article in the API as JSON or as ninjs."""

JSON = "application/json"
NINJS = "application/vnd.iptc.ninjs+json"


def ranges(header):
    """[(type, subtype, q)] of an Accept header; ranges with a malformed q are skipped."""
    found = []
    for part in header.split(","):
        media, *parameters = (piece.strip() for piece in part.split(";"))
        kind, _, subtype = media.lower().partition("/")
        if not kind or not subtype:
            continue
        q = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = -1.0
        if 0 <= q <= 1:
            found.append((kind, subtype, q))
    return found


def quality(offer, accepted):
    """The q the most specific matching range gives `offer` (0 when none matches)."""
    kind, _, subtype = offer.partition("/")
    best, specificity = 0.0, -1
    for range_kind, range_subtype, q in accepted:
        if (range_kind, range_subtype) == (kind, subtype):
            rank = 2
        elif (range_kind, range_subtype) == (kind, "*"):
            rank = 1
        elif (range_kind, range_subtype) == ("*", "*"):
            rank = 0
        else:
            continue
        if rank > specificity:
            best, specificity = q, rank
    return best


def choose(request, offers):
    """The offer the request prefers; the first offer without an Accept header (or one that
    names nothing usable), so existing clients get what they always got; None when the
    request accepts none of the offers (answer 406). Ties go to the earlier offer."""
    return preferred(request.headers.get("Accept", ""), offers)


def preferred(accept, offers):
    """`choose` for an Accept header's value (the page cache reads it before Django does)."""
    accepted = ranges(accept)
    if not accepted:
        return offers[0]
    scored = [(quality(offer, accepted), -n, offer) for n, offer in enumerate(offers)]
    q, _, offer = max(scored)
    return offer if q > 0 else None
