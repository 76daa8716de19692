#!/usr/bin/env python3
"""Compares the pixels of two PNG files (8-bit RGB or RGBA, not interlaced: what Kilnfire writes),
whatever their compression: compare_f3d.sh's check that a build draws the same picture as its
baseline, which may write the same pixels into different bytes. Prints the number of differing
pixels and the largest channel difference; exits 0 when the pixels are equal, 1 when they differ.
Python standard library only (slow, a few seconds per 1280x720 picture).
Usage: tools/bench_load/png_diff.py A.png B.png"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"{path}: only 8-bit RGB or RGBA, not interlaced, is read")
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        row = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 255
        elif kind == 2:
            row = bytearray((a + b) & 255 for a, b in zip(row, prev))
        elif kind == 3:
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[i] = (row[i] + pred) & 255
        elif kind != 0:
            raise ValueError(f"{path}: unknown row filter {kind}")
        rows.append(bytes(row))
        prev = row
    if bpp == 3:  # as RGBA, opaque
        rows = [b"".join(r[i:i + 3] + b"\xff" for i in range(0, stride, 3)) for r in rows]
    return width, height, rows


def main():
    wa, ha, a = pixels(sys.argv[1])
    wb, hb, b = pixels(sys.argv[2])
    if (wa, ha) != (wb, hb):
        print(f"sizes differ: {wa}x{ha} and {wb}x{hb}")
        return 1
    differing, worst = 0, 0
    for ra, rb in zip(a, b):
        if ra == rb:
            continue
        for x in range(0, len(ra), 4):
            d = max(abs(ra[x + k] - rb[x + k]) for k in range(4))
            if d:
                differing += 1
                worst = max(worst, d)
    print(f"{wa}x{ha}: {differing} pixel(s) differ, by at most {worst}")
    return 0 if differing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
