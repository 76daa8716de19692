#!/usr/bin/env python3
"""Writes a dense, scan-like textured glTF binary (.glb) for the load-time comparison with F3D.

A turned vessel 0.6 m tall with a bumpy, scanned-looking surface: one mesh of GRID x GRID
vertices (positions, normals, UVs, 32-bit indices) and one embedded PNG base-colour texture of
noisy clay colour. The defaults make a file of about 50 MB (1.6 M triangles, a 2048^2 texture);
the output is the same bytes for the same arguments (a fixed seed). Python standard library only.

Usage: make_scan_glb.py OUT.glb [--grid 900] [--texture 2048]
"""
import argparse
import json
import math
import random
import struct
import zlib
from array import array


def png_rgb(width, height, rng):
    """A noisy fired-clay texture as PNG bytes (RGB, no filter: scan textures barely compress)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        band = 0.5 + 0.5 * math.sin(y * 0.02)
        noise = rng.randbytes(width)
        for x in range(width):
            n = noise[x]
            rows += bytes(((140 + (n >> 2) + int(30 * band)) & 255,
                           (90 + (n >> 3) + int(20 * band)) & 255,
                           (60 + (n >> 3)) & 255))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(bytes(rows), 1)) + chunk(b"IEND", b""))


def vessel(grid, rng):
    """Positions, normals, UVs and indices of a bumpy lathe surface, grid x grid vertices."""
    bumps = [rng.uniform(-1.0, 1.0) for _ in range(4096)]
    positions = array("f")
    normals = array("f")
    uvs = array("f")
    height = 0.6
    for r in range(grid):
        v = r / (grid - 1)
        profile = 0.12 + 0.09 * math.sin(v * 3.1) - 0.05 * v
        for s in range(grid):
            u = s / (grid - 1)
            a = 2.0 * math.pi * u
            bump = 0.002 * bumps[(r * 31 + s * 17) & 4095]  # scanner noise, about 2 mm
            radius = profile + bump
            ca, sa = math.cos(a), math.sin(a)
            positions.extend((radius * ca, v * height, radius * sa))
            slope = 0.09 * 3.1 * math.cos(v * 3.1) / height - 0.05 / height
            nx, ny, nz = ca, -slope, sa
            inv = 1.0 / math.sqrt(nx * nx + ny * ny + nz * nz)
            normals.extend((nx * inv, ny * inv, nz * inv))
            uvs.extend((u, v))
    indices = array("I")
    for r in range(grid - 1):
        row = r * grid
        for s in range(grid - 1):
            i0 = row + s
            i1 = i0 + 1
            i2 = i0 + grid
            i3 = i2 + 1
            indices.extend((i0, i2, i1, i1, i2, i3))
    return positions, normals, uvs, indices


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--grid", type=int, default=900)
    parser.add_argument("--texture", type=int, default=2048)
    args = parser.parse_args()
    rng = random.Random(20261128)
    positions, normals, uvs, indices = vessel(args.grid, rng)
    image = png_rgb(args.texture, args.texture, rng)

    blobs = [positions.tobytes(), normals.tobytes(), uvs.tobytes(), indices.tobytes(), image]
    views, offset, binary = [], 0, bytearray()
    for blob in blobs:
        views.append({"buffer": 0, "byteOffset": offset, "byteLength": len(blob)})
        binary += blob
        offset += len(blob)
        pad = (-offset) % 4
        binary += b"\0" * pad
        offset += pad
    views[0]["target"] = views[1]["target"] = views[2]["target"] = 34962  # ARRAY_BUFFER
    views[3]["target"] = 34963  # ELEMENT_ARRAY_BUFFER
    count = len(positions) // 3
    xs, ys, zs = positions[0::3], positions[1::3], positions[2::3]
    doc = {
        "asset": {"version": "2.0", "generator": "kilnfire tools/bench_load/make_scan_glb.py"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0, "name": "scan"}],
        "meshes": [{"name": "scan", "primitives": [{
            "attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2},
            "indices": 3, "material": 0}]}],
        "materials": [{"name": "clay", "pbrMetallicRoughness": {
            "baseColorTexture": {"index": 0}, "metallicFactor": 0.0, "roughnessFactor": 0.8}}],
        "textures": [{"source": 0}],
        "images": [{"bufferView": 4, "mimeType": "image/png"}],
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": views,
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": count, "type": "VEC3",
             "min": [min(xs), min(ys), min(zs)], "max": [max(xs), max(ys), max(zs)]},
            {"bufferView": 1, "componentType": 5126, "count": count, "type": "VEC3"},
            {"bufferView": 2, "componentType": 5126, "count": count, "type": "VEC2"},
            {"bufferView": 3, "componentType": 5125, "count": len(indices), "type": "SCALAR"},
        ],
    }
    text = json.dumps(doc, separators=(",", ":")).encode()
    text += b" " * ((-len(text)) % 4)
    total = 12 + 8 + len(text) + 8 + len(binary)
    with open(args.out, "wb") as f:
        f.write(struct.pack("<III", 0x46546C67, 2, total))
        f.write(struct.pack("<II", len(text), 0x4E4F534A) + text)
        f.write(struct.pack("<II", len(binary), 0x004E4942) + binary)
    print(f"{args.out}: {total / 1e6:.1f} MB, {count} vertices, {len(indices) // 3} triangles, "
          f"{args.texture}x{args.texture} texture")


if __name__ == "__main__":
    main()
