"""Site (pure): what an image is, read from its bytes; its size; and its location data removed.

Only JPEG, PNG and WebP are photos here (no SVG: it is a program, not a picture). Removing
location data works on the container, never by re-encoding: the EXIF and XMP blocks (where a
camera or phone writes GPS coordinates) are cut out and every pixel byte is kept as it was.
"""

from __future__ import annotations

import struct

KINDS = {"jpeg": (".jpg", ".jpeg"), "png": (".png",), "webp": (".webp",)}
_PNG = b"\x89PNG\r\n\x1a\n"


def kind(data: bytes) -> str | None:
    """``jpeg``, ``png`` or ``webp`` as the bytes say, or None for anything else."""
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if data[:8] == _PNG:
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def kind_of_name(name: str) -> str | None:
    """The kind a file name promises by its extension."""
    lower = name.lower()
    return next((k for k, exts in KINDS.items() if lower.endswith(exts)), None)


def size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels, or None where the header cannot be read."""
    found = kind(data)
    try:
        if found == "png" and data[12:16] == b"IHDR":
            width, height = struct.unpack(">II", data[16:24])
            return int(width), int(height)
        if found == "jpeg":
            return _jpeg_size(data)
        if found == "webp":
            return _webp_size(data)
    except (struct.error, IndexError):
        return None
    return None


def _jpeg_segments(data: bytes) -> list[tuple[int, int, int]]:
    """(marker, start, end) of each segment before the image data (start of scan)."""
    found = []
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            found.append((marker, at, at + 2))
            at += 2
            continue
        length = struct.unpack(">H", data[at + 2 : at + 4])[0]
        found.append((marker, at, at + 2 + length))
        if marker == 0xDA:  # start of scan: the rest is image data
            break
        at += 2 + length
    return found


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    for marker, start, _ in _jpeg_segments(data):
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[start + 5 : start + 9])
            return int(width), int(height)
    return None


def _webp_chunks(data: bytes) -> list[tuple[bytes, int, int]]:
    """(fourcc, start, end) of each chunk, padding included."""
    chunks = []
    at = 12
    while at + 8 <= len(data):
        fourcc = data[at : at + 4]
        length = struct.unpack("<I", data[at + 4 : at + 8])[0]
        end = at + 8 + length + (length & 1)
        chunks.append((fourcc, at, min(end, len(data))))
        at = end
    return chunks


def _webp_size(data: bytes) -> tuple[int, int] | None:
    for fourcc, start, _ in _webp_chunks(data):
        body = data[start + 8 :]
        if fourcc == b"VP8X":
            width = int.from_bytes(body[4:7], "little") + 1
            height = int.from_bytes(body[7:10], "little") + 1
            return width, height
        if fourcc == b"VP8 " and body[3:6] == b"\x9d\x01\x2a":
            width, height = struct.unpack("<HH", body[6:10])
            return width & 0x3FFF, height & 0x3FFF
        if fourcc == b"VP8L" and body[:1] == b"\x2f":
            bits = int.from_bytes(body[1:5], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def strip_location(data: bytes) -> bytes:
    """The same image without its EXIF and XMP blocks (where GPS positions live).

    Pixel data is copied byte for byte; anything that is not a JPEG, PNG or WebP comes back
    unchanged (the caller refuses it by its kind).
    """
    found = kind(data)
    if found == "jpeg":
        cut = [
            (start, end)
            for marker, start, end in _jpeg_segments(data)
            if marker == 0xE1 and data[start + 4 : start + 10] in (b"Exif\0\0", b"http:/")
        ]
        return _without(data, cut)
    if found == "png":
        return _png_without(data, {b"eXIf", b"iTXt", b"tEXt", b"zTXt"})
    if found == "webp":
        return _webp_without(data)
    return data


def _without(data: bytes, cuts: list[tuple[int, int]]) -> bytes:
    parts, at = [], 0
    for start, end in cuts:
        parts.append(data[at:start])
        at = end
    parts.append(data[at:])
    return b"".join(parts)


def _png_without(data: bytes, names: set[bytes]) -> bytes:
    parts, at = [data[:8]], 8
    while at + 12 <= len(data):
        length = struct.unpack(">I", data[at : at + 4])[0]
        end = at + 12 + length
        if data[at + 4 : at + 8] not in names:
            parts.append(data[at:end])
        at = end
    parts.append(data[at:])
    return b"".join(parts)


def _webp_without(data: bytes) -> bytes:
    kept = []
    for fourcc, start, end in _webp_chunks(data):
        chunk = data[start:end]
        if fourcc in (b"EXIF", b"XMP "):
            continue
        if fourcc == b"VP8X":  # clear the EXIF (0x08) and XMP (0x04) flags
            chunk = chunk[:8] + bytes([chunk[8] & ~0x0C & 0xFF]) + chunk[9:]
        kept.append(chunk)
    body = b"WEBP" + b"".join(kept)
    return b"RIFF" + struct.pack("<I", len(body)) + body
