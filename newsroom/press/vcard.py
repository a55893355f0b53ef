"""vCard 4.0 (RFC 6350) for one press contact: escaped values, folded lines, CRLF, UTF-8."""

from django.conf import settings


def escape(value):
    """Text value escaping (RFC 6350 §3.4): backslash first, then comma, semicolon, newline."""
    text = str(value).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line):
    """Lines of at most 75 octets (§3.2), never splitting a UTF-8 character (中文 names);
    each continuation starts with one space."""
    parts, current, size, limit = [], "", 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # the leading space counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def vcard(contact, photo_url=None):
    # N is structured (family;given;…); names are printed whole, so the whole name is the
    # family part: Chinese names have no given-name split we could guess.
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{escape(contact.name)}",
        f"N:{escape(contact.name)};;;;",
        "KIND:individual",
        f"ORG:{escape(settings.SITE_NAME)}",
        f"TITLE:{escape(contact.role)}",
    ]
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{escape(contact.email)}")
    if contact.phone:
        number = "".join(c for c in contact.phone if c.isdigit() or c == "+")
        lines.append(f"TEL;VALUE=uri;TYPE=work,voice:tel:{number}")
    languages = [part.strip() for part in contact.languages.split(",") if part.strip()]
    lines += [f"NOTE:{escape('Languages: ' + ', '.join(languages))}"] if languages else []
    if photo_url:
        lines.append(f"PHOTO:{photo_url}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)
