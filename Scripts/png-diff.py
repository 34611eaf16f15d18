#!/usr/bin/env python3
"""Compares two PNG images pixel by pixel (Python's standard library only: zlib does the inflating).

    png-diff.py REFERENCE ACTUAL [--threshold N] [--diff DIFF.png]

Prints one JSON object: both sizes, the number of pixels whose largest channel difference is
above the threshold (default 0), their share of all pixels, and the largest channel difference
seen anywhere. With --diff, and when the images differ at all, writes a picture of the
difference: the reference faded to grey, every pixel above the threshold in red (the stronger the
difference, the brighter). Exit status 0 when both images were read, 2 when one could not be.

The headless Chromium tests (Tests/HearthTests/ScreenshotReference.swift) decide what share is
tolerated; this script only measures. Reads 8-bit greyscale, RGB, palette, grey+alpha and RGBA
images, not interlaced (what Chromium and most tools write); alpha is ignored (screenshots are
opaque).
"""

import argparse
import json
import struct
import sys
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class PNGError(Exception):
    pass


class Image:
    """An image as rows of RGB bytes (three bytes a pixel)."""

    def __init__(self, width, height, rows):
        self.width = width
        self.height = height
        self.rows = rows


def carry_free_add(a, b, ones7, ones8):
    """Adds two rows held as big integers byte by byte, modulo 256 in each byte."""
    return ((a & ones7) + (b & ones7)) ^ ((a ^ b) & ones8)


def unfilter(data, width, height, bpp):
    """The scanlines of an inflated IDAT stream without their filters (PNG spec section 9)."""
    stride = width * bpp
    if len(data) < height * (stride + 1):
        raise PNGError("image data shorter than its header says")
    ones7 = int.from_bytes(b"\x7f" * stride, "big")
    ones8 = int.from_bytes(b"\x80" * stride, "big")
    previous = bytes(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind = data[start]
        raw = data[start + 1:start + 1 + stride]
        if kind == 0:
            row = bytes(raw)
        elif kind == 2:
            row = carry_free_add(int.from_bytes(raw, "big"), int.from_bytes(previous, "big"), ones7, ones8).to_bytes(stride, "big")
        elif kind == 1:
            # A prefix sum along the row, bpp bytes apart, by doubling: each step adds the row
            # shifted by twice as many pixels (later bytes are the less significant ones).
            value = int.from_bytes(raw, "big")
            shift = bpp
            while shift < stride:
                value = carry_free_add(value, value >> (8 * shift), ones7, ones8)
                shift *= 2
            row = value.to_bytes(stride, "big")
        elif kind == 3:
            out = bytearray(raw)
            for i in range(bpp):
                out[i] = (out[i] + (previous[i] >> 1)) & 0xFF
            for i in range(bpp, stride):
                out[i] = (out[i] + ((out[i - bpp] + previous[i]) >> 1)) & 0xFF
            row = bytes(out)
        elif kind == 4:
            # Paeth: the neighbour (left, up, upper left) nearest to left + up - upper left.
            out = bytearray(raw)
            for i in range(bpp):
                out[i] = (out[i] + previous[i]) & 0xFF
            for i in range(bpp, stride):
                left = out[i - bpp]
                up = previous[i]
                corner = previous[i - bpp]
                pa = up - corner
                pb = left - corner
                pc = pa + pb
                if pa < 0:
                    pa = -pa
                if pb < 0:
                    pb = -pb
                if pc < 0:
                    pc = -pc
                if pa <= pb and pa <= pc:
                    out[i] = (out[i] + left) & 0xFF
                elif pb <= pc:
                    out[i] = (out[i] + up) & 0xFF
                else:
                    out[i] = (out[i] + corner) & 0xFF
            row = bytes(out)
        else:
            raise PNGError("unknown filter type %d in row %d" % (kind, y))
        rows.append(row)
        previous = row
    return rows


def to_rgb(rows, width, colour, palette):
    """Rows of any supported colour type as RGB rows."""
    if colour == 2:
        return rows
    converted = []
    for row in rows:
        if colour == 6:
            out = bytearray(width * 3)
            out[0::3], out[1::3], out[2::3] = row[0::4], row[1::4], row[2::4]
        elif colour == 0 or colour == 4:
            grey = row if colour == 0 else row[0::2]
            out = bytearray(width * 3)
            out[0::3] = out[1::3] = out[2::3] = grey
        else:
            out = bytearray()
            for index in row:
                if index * 3 + 3 > len(palette):
                    raise PNGError("palette index %d out of range" % index)
                out += palette[index * 3:index * 3 + 3]
        converted.append(bytes(out))
    return converted


class Inflated:
    """A PNG's header fields, palette and inflated (still filtered) scanlines."""

    def __init__(self, width, height, colour, palette, data):
        self.width = width
        self.height = height
        self.colour = colour
        self.palette = palette
        self.data = data

    def same_pixels(self, other):
        """True when both hold the same scanlines, filters included: then every pixel is equal."""
        return (self.width, self.height, self.colour, self.palette, self.data) == \
            (other.width, other.height, other.colour, other.palette, other.data)

    def decode(self):
        rows = unfilter(self.data, self.width, self.height, CHANNELS[self.colour])
        return Image(self.width, self.height, to_rgb(rows, self.width, self.colour, self.palette))


def read_png(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if not data.startswith(SIGNATURE):
        raise PNGError("not a PNG file")
    position = len(SIGNATURE)
    header = None
    palette = b""
    compressed = []
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            compressed.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise PNGError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace != 0:
        raise PNGError("unsupported PNG (bit depth %d, colour type %d, interlace %d): only 8-bit, not interlaced" % (depth, colour, interlace))
    return Inflated(width, height, colour, palette, zlib.decompress(b"".join(compressed)))


def write_png(path, width, height, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + row for row in rows)
    with open(path, "wb") as handle:
        handle.write(SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


# The reference faded towards white, so that red differences stand out on it.
FADE = bytes(192 + value // 4 for value in range(256))


def compare(reference, actual, threshold, diff_path):
    same_size = (reference.width, reference.height) == (actual.width, actual.height)
    report = {
        "reference_size": [reference.width, reference.height],
        "actual_size": [actual.width, actual.height],
        "same_size": same_size,
        "threshold": threshold,
    }
    if not same_size:
        report.update(differing_pixels=max(reference.width * reference.height, actual.width * actual.height),
                      differing_share=1.0, max_channel_difference=255)
        return report
    differing = 0
    largest = 0
    diff_rows = []
    for expected, seen in zip(reference.rows, actual.rows):
        if expected == seen:
            diff_rows.append(expected.translate(FADE))
            continue
        out = bytearray(expected.translate(FADE))
        for x in range(0, len(expected), 3):
            difference = max(abs(expected[x] - seen[x]), abs(expected[x + 1] - seen[x + 1]), abs(expected[x + 2] - seen[x + 2]))
            if difference > largest:
                largest = difference
            if difference > threshold:
                differing += 1
                out[x:x + 3] = bytes((128 + difference // 2, 0, 0))
        diff_rows.append(bytes(out))
    pixels = reference.width * reference.height
    report.update(differing_pixels=differing, differing_share=differing / pixels if pixels else 0.0,
                  max_channel_difference=largest)
    if diff_path and largest > 0:
        write_png(diff_path, reference.width, reference.height, diff_rows)
        report["diff"] = diff_path
    return report


def compare_identical(image, threshold):
    size = [image.width, image.height]
    return {"reference_size": size, "actual_size": size, "same_size": True, "threshold": threshold,
            "differing_pixels": 0, "differing_share": 0.0, "max_channel_difference": 0}


def main():
    parser = argparse.ArgumentParser(description="Compare two PNG images pixel by pixel.")
    parser.add_argument("reference")
    parser.add_argument("actual")
    parser.add_argument("--threshold", type=int, default=0,
                        help="a pixel differs when one of its channels differs by more than this (0-255, default 0)")
    parser.add_argument("--diff", help="where to write the difference picture when the images differ")
    arguments = parser.parse_args()
    try:
        reference = read_png(arguments.reference)
        actual = read_png(arguments.actual)
        if reference.same_pixels(actual):
            # Unfiltering is the slow part in Python; equal scanlines need none of it.
            report = compare_identical(reference, arguments.threshold)
        else:
            report = compare(reference.decode(), actual.decode(), arguments.threshold, arguments.diff)
    except (OSError, PNGError, zlib.error) as error:
        print("png-diff: %s" % error, file=sys.stderr)
        return 2
    print(json.dumps(report, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
