"""A photo's rights (IPTC Photo Metadata's core fields), read from an upload and written back
into every file we serve: EXIF Artist and Copyright, and an XMP packet with dc:creator,
dc:rights, photoshop:Credit, xmpRights:WebStatement, xmpRights:UsageTerms and plus:Licensor
(what image search reads to show a picture as licensable). Nothing else is written: GPS,
serial numbers, maker notes and comments never reach a served file.
"""

import contextlib
import re
import struct
from dataclasses import astuple, dataclass, fields, replace
from xml.sax.saxutils import escape

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from PIL import Image as Pillow
from PIL import IptcImagePlugin, PngImagePlugin

ARTIST, COPYRIGHT = 0x013B, 0x8298
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "plus": "http://ns.useplus.org/ldf/xmp/1.0/",
}
XMP_JPEG_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
# IPTC IIM datasets of record 2 (By-line, Credit, Copyright Notice, Special Instructions).
IIM = {"creator": (2, 80), "credit": (2, 110), "copyright": (2, 116), "usage_terms": (2, 40)}
# XML 1.0 allows no control characters but tab and newlines: they are dropped, not escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The longest value of each field kept from an upload (the image's columns are as long).
LIMITS = {"creator": 200, "credit": 200, "copyright": 200, "licence_url": 500, "usage_terms": 1000}
# Parse errors of a damaged or hostile packet: its rights are ignored, the picture is kept.
XML_ERRORS = (ElementTree.ParseError, DefusedXmlException, ValueError)


@dataclass(frozen=True)
class Rights:
    creator: str = ""
    credit: str = ""
    copyright: str = ""
    licence_url: str = ""
    usage_terms: str = ""

    def __bool__(self):
        return any(astuple(self))

    def filled_from(self, found):
        """These rights, each blank one taken from `found` (what the upload itself says)."""
        return replace(
            self, **{f.name: getattr(self, f.name) or getattr(found, f.name) for f in fields(self)}
        )


# Reading an upload ------------------------------------------------------------------------


def _text(value):
    """A metadata value as text: bytes are UTF-8 (or Latin-1), Pillow's EXIF strings re-read
    as UTF-8 when that is what they were."""
    if isinstance(value, list | tuple):
        value = value[0] if value else b""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("latin-1")
    elif isinstance(value, str):
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            value = value.encode("latin-1").decode("utf-8")
    return NOT_XML.sub("", str(value or "")).strip("\x00 \n\t")


def _from_exif(image):
    exif = image.getexif()
    return Rights(creator=_text(exif.get(ARTIST)), copyright=_text(exif.get(COPYRIGHT)))


def _from_iptc(image):
    info = IptcImagePlugin.getiptcinfo(image) if image.format == "JPEG" else None
    if not info:
        return Rights()
    return Rights(**{name: _text(info.get(key)) for name, key in IIM.items()})


def _property(root, prefix, name):
    """The first value of an XMP property, written as an element (a plain value or the first
    item of a list or language alternative) or as an attribute of rdf:Description."""
    tag = f"{{{NS[prefix]}}}{name}"
    for description in root.iterfind(".//rdf:Description", NS):
        if value := description.get(tag):
            return _text(value)
        found = description.find(f"{prefix}:{name}", NS)
        if found is not None:
            item = found.find(".//rdf:li", NS)
            return _text((item if item is not None else found).text or "")
    return ""


def _from_xmp(image):
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if not packet:
        return Rights()
    try:
        root = ElementTree.fromstring(packet)
    except XML_ERRORS:
        return Rights()
    web = _property(root, "xmpRights", "WebStatement")
    return Rights(
        creator=_property(root, "dc", "creator"),
        credit=_property(root, "photoshop", "Credit"),
        copyright=_property(root, "dc", "rights"),
        licence_url=web if web.startswith(("https://", "http://")) else "",
        usage_terms=_property(root, "xmpRights", "UsageTerms"),
    )


def embedded(image):
    """The rights an upload states about itself: XMP first, then IPTC IIM, then EXIF."""
    found = Rights()
    for reader in (_from_xmp, _from_iptc, _from_exif):
        try:
            found = found.filled_from(reader(image))
        except (OSError, SyntaxError, ValueError, KeyError, IndexError, TypeError):
            continue  # damaged metadata says nothing
    return Rights(**{name: getattr(found, name)[:limit] for name, limit in LIMITS.items()})


# Writing ----------------------------------------------------------------------------------


def _xml(text):
    return escape(NOT_XML.sub("", text))


def _alt(text):
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{_xml(text)}</rdf:li></rdf:Alt>'


def xmp_packet(rights):
    """The XMP packet of `rights` (UTF-8 bytes), or b"" when there are none."""
    if not rights:
        return b""
    parts = []
    if rights.creator:
        parts.append(
            f"<dc:creator><rdf:Seq><rdf:li>{_xml(rights.creator)}</rdf:li></rdf:Seq></dc:creator>"
        )
    if rights.copyright:
        parts.append(f"<dc:rights>{_alt(rights.copyright)}</dc:rights>")
        parts.append("<xmpRights:Marked>True</xmpRights:Marked>")
    if rights.credit:
        parts.append(f"<photoshop:Credit>{_xml(rights.credit)}</photoshop:Credit>")
    if rights.usage_terms:
        parts.append(f"<xmpRights:UsageTerms>{_alt(rights.usage_terms)}</xmpRights:UsageTerms>")
    if rights.licence_url:
        url = _xml(rights.licence_url)
        parts.append(f"<xmpRights:WebStatement>{url}</xmpRights:WebStatement>")
        name = rights.credit or rights.creator
        licensor = f"<plus:LicensorURL>{url}</plus:LicensorURL>"
        if name:
            licensor = f"<plus:LicensorName>{_xml(name)}</plus:LicensorName>{licensor}"
        parts.append(
            f'<plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource">{licensor}'
            "</rdf:li></rdf:Seq></plus:Licensor>"
        )
    namespaces = " ".join(f'xmlns:{p}="{u}"' for p, u in NS.items() if p not in ("x", "rdf"))
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        f'<x:xmpmeta xmlns:x="{NS["x"]}"><rdf:RDF xmlns:rdf="{NS["rdf"]}">'
        f'<rdf:Description rdf:about="" {namespaces}>{"".join(parts)}</rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def exif_bytes(rights):
    """An EXIF block with Artist and Copyright only (UTF-8, as exiftool writes), or b""."""
    exif = Pillow.Exif()
    if rights.creator:
        exif[ARTIST] = NOT_XML.sub("", rights.creator).encode()
    if rights.copyright:
        exif[COPYRIGHT] = NOT_XML.sub("", rights.copyright).encode()
    return exif.tobytes() if len(exif) else b""


def save_options(rights, kind):
    """Pillow save() options that write `rights` into a file of `kind` (GIF has no place)."""
    exif, xmp = exif_bytes(rights), xmp_packet(rights)
    options = {"exif": exif} if exif else {}
    if kind == "PNG":
        if xmp:
            info = PngImagePlugin.PngInfo()
            info.add_itxt("XML:com.adobe.xmp", xmp.decode(), zip=False)
            options["pnginfo"] = info
    elif kind in ("JPEG", "WEBP", "AVIF") and xmp:
        options["xmp"] = xmp
    elif kind == "GIF":
        options = {}
    return options


def rewrite_jpeg(data, rights):
    """The JPEG `data` with its EXIF and XMP segments replaced by `rights`, its compressed
    picture untouched (no second generation of JPEG loss for a corrected credit)."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    kept, position = [], 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the picture itself follows
            break
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        segment = data[position : position + 2 + length]
        if marker != 0xE1:  # every APP1 (EXIF, XMP) goes; APP0, ICC, tables stay
            kept.append(segment)
        position += 2 + length
    new = []
    if exif := exif_bytes(rights):
        new.append(b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif)
    if xmp := xmp_packet(rights):
        body = XMP_JPEG_HEADER + xmp
        new.append(b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body)
    at = 1 if kept and kept[0][1] == 0xE0 else 0  # after JFIF's APP0
    return b"\xff\xd8" + b"".join(kept[:at] + new + kept[at:]) + data[position:]
