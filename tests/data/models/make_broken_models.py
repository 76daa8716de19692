#!/usr/bin/python3
# Writes most of the small model files (broken and valid) that
# tests/assets/model_import_bad_input_test.cpp reads; the OBJ/MTL, ASCII PLY, ASCII STL, FBX and
# .xyz files beside it are hand-written. Standard library only; run it from anywhere: the files
# land beside this script and are committed, so the tests never run Python. Deterministic.
import base64
import json
import math
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

FLOAT = 5126
UINT16 = 5123
UINT32 = 5125
ARRAY_BUFFER = 34962
ELEMENT_ARRAY_BUFFER = 34963


def out(name):
    return os.path.join(HERE, name)


def write_text(name, text):
    with open(out(name), "w", encoding="ascii", newline="\n") as f:
        f.write(text)


def write_bytes(name, data):
    with open(out(name), "wb") as f:
        f.write(data)


def pack_floats(values):
    return struct.pack("<%df" % len(values), *values)


def pad4(data, fill=b"\0"):
    return data + fill * ((4 - len(data) % 4) % 4)


class Gltf:
    """A tiny glTF builder: one binary buffer, views and accessors appended in order."""

    def __init__(self):
        self.bin = b""
        self.doc = {"asset": {"version": "2.0", "generator": "make_broken_models.py"},
                    "buffers": [], "bufferViews": [], "accessors": [], "meshes": [],
                    "nodes": [], "scenes": [{"nodes": []}], "scene": 0}

    def view(self, data, target=None):
        self.bin = pad4(self.bin)
        view = {"buffer": 0, "byteOffset": len(self.bin), "byteLength": len(data)}
        if target is not None:
            view["target"] = target
        self.bin += data
        self.doc["bufferViews"].append(view)
        return len(self.doc["bufferViews"]) - 1

    def accessor(self, values, kind, components, component_type=FLOAT, target=ARRAY_BUFFER,
                 count=None):
        if component_type == FLOAT:
            data = pack_floats(values)
        elif component_type == UINT16:
            data = struct.pack("<%dH" % len(values), *values)
        else:
            data = struct.pack("<%dI" % len(values), *values)
        acc = {"bufferView": self.view(data, target), "componentType": component_type,
               "count": count if count is not None else len(values) // components, "type": kind}
        if kind == "VEC3" and component_type == FLOAT:
            xs = [v for v in values[0::3] if math.isfinite(v)] or [0.0]
            ys = [v for v in values[1::3] if math.isfinite(v)] or [0.0]
            zs = [v for v in values[2::3] if math.isfinite(v)] or [0.0]
            acc["min"] = [min(xs), min(ys), min(zs)]
            acc["max"] = [max(xs), max(ys), max(zs)]
        self.doc["accessors"].append(acc)
        return len(self.doc["accessors"]) - 1

    def mesh(self, positions, indices=None, name="mesh", material=None, extra_attributes=None):
        prim = {"attributes": {"POSITION": self.accessor(positions, "VEC3", 3)}, "mode": 4}
        if indices is not None:
            prim["indices"] = self.accessor(indices, "SCALAR", 1, UINT16, ELEMENT_ARRAY_BUFFER)
        if material is not None:
            prim["material"] = material
        for key, (values, kind, components) in (extra_attributes or {}).items():
            prim["attributes"][key] = self.accessor(values, kind, components)
        self.doc["meshes"].append({"name": name, "primitives": [prim]})
        return len(self.doc["meshes"]) - 1

    def node(self, mesh, name, **fields):
        node = {"mesh": mesh, "name": name}
        node.update(fields)
        self.doc["nodes"].append(node)
        index = len(self.doc["nodes"]) - 1
        self.doc["scenes"][0]["nodes"].append(index)
        return index

    def embed(self, declared_length=None):
        """Puts the buffer in a base64 data: URI (declared_length lies about its size if given)."""
        self.doc["buffers"] = [{
            "byteLength": declared_length if declared_length is not None else len(self.bin),
            "uri": "data:application/octet-stream;base64," + base64.b64encode(self.bin).decode()}]
        return self

    def external(self, bin_name, declared_length=None):
        self.doc["buffers"] = [{
            "byteLength": declared_length if declared_length is not None else len(self.bin),
            "uri": bin_name}]
        return self

    def json_text(self):
        return json.dumps(self.doc, indent=1, allow_nan=True) + "\n"

    def write_gltf(self, name):
        write_text(name, self.json_text())

    def glb_bytes(self):
        self.doc["buffers"] = [{"byteLength": len(self.bin)}]
        js = pad4(json.dumps(self.doc, separators=(",", ":")).encode(), b" ")
        body = pad4(self.bin)
        chunks = struct.pack("<II", len(js), 0x4E4F534A) + js
        chunks += struct.pack("<II", len(body), 0x004E4942) + body
        return struct.pack("<4sII", b"glTF", 2, 12 + len(chunks)) + chunks


TRI = [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
QUAD = [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0]
QUAD_INDICES = [0, 1, 2, 0, 2, 3]


def one_triangle():
    g = Gltf()
    g.node(g.mesh(TRI, [0, 1, 2], name="tri"), "tri")
    return g


def main():
    # A valid two-triangle glTF (the baseline the broken ones are made from).
    g = Gltf()
    g.node(g.mesh(QUAD, QUAD_INDICES, name="quad"), "quad")
    g.embed().write_gltf("valid_quad.gltf")

    # The buffer's byteLength promises 4096 bytes; the data: URI holds far fewer.
    one_triangle().embed(declared_length=4096).write_gltf("truncated_buffer.gltf")

    # External .bin shorter than its byteLength (a download cut short).
    g = one_triangle().external("truncated_external.bin")
    write_bytes("truncated_external.bin", g.bin[: len(g.bin) // 2])
    g.write_gltf("truncated_external.gltf")

    # The POSITION accessor claims 300 vertices; its bufferView holds 3.
    g = Gltf()
    positions = g.accessor(TRI, "VEC3", 3, count=300)
    g.doc["meshes"].append({"name": "overrun", "primitives": [{"attributes": {
        "POSITION": positions}}]})
    g.node(0, "overrun")
    g.embed().write_gltf("accessor_overrun.gltf")

    # An accessor whose byteOffset starts past the end of its bufferView.
    g = Gltf()
    positions = g.accessor(TRI, "VEC3", 3)
    g.doc["accessors"][positions]["byteOffset"] = 64
    g.doc["meshes"].append({"name": "offset", "primitives": [{"attributes": {
        "POSITION": positions}}]})
    g.node(0, "offset")
    g.embed().write_gltf("accessor_offset_overrun.gltf")

    # Enormous: an accessor declaring 2^31 vertices over a 36-byte buffer.
    g = Gltf()
    positions = g.accessor(TRI, "VEC3", 3, count=2 ** 31)
    g.doc["meshes"].append({"name": "enormous", "primitives": [{"attributes": {
        "POSITION": positions}}]})
    g.node(0, "enormous")
    g.embed().write_gltf("enormous_count.gltf")

    # Enormous but well-formed: an accessor with no bufferView is all zeros by the spec, so a
    # 1 KB file can ask for 100 million vertices (1.2 GB of positions alone).
    g = Gltf()
    g.doc["accessors"].append({"componentType": FLOAT, "count": 100_000_000, "type": "VEC3",
                               "min": [0, 0, 0], "max": [0, 0, 0]})
    g.doc["meshes"].append({"name": "zeros", "primitives": [{"attributes": {"POSITION": 0}}]})
    g.node(0, "zeros")
    del g.doc["buffers"], g.doc["bufferViews"]
    g.write_gltf("enormous_zeros.gltf")

    # Index values past the vertex count: one good triangle, one that names vertex 9 of 4.
    g = Gltf()
    g.node(g.mesh(QUAD, [0, 1, 2, 0, 2, 9], name="bad_indices"), "bad_indices")
    g.embed().write_gltf("index_out_of_range.gltf")

    # Non-finite node transforms. JSON has no NaN, so 1e39 (finite as a double, infinite as the
    # float glTF stores) stands in for it; the good node must still be imported.
    g = Gltf()
    mesh = g.mesh(TRI, [0, 1, 2], name="tri")
    g.node(mesh, "good")
    g.node(mesh, "infinite_translation", translation=[1e39, 0.0, 0.0])
    m = [1.0, 0, 0, 0, 0, 1.0, 0, 0, 0, 0, 1.0, 0, 0, 0, 0, 1.0]
    m[12] = 1e39
    g.node(mesh, "infinite_matrix", matrix=m)
    g.embed().write_gltf("nan_transform.gltf")

    # Degenerate triangles only: repeated indices and three collinear points (zero area).
    g = Gltf()
    line = [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 2.0, 0.0, 0.0]
    g.node(g.mesh(line, [0, 1, 2, 0, 0, 1, 1, 2, 2], name="flat"), "flat")
    g.embed().write_gltf("degenerate_only.gltf")

    # Mostly good geometry with a few degenerate triangles mixed in.
    g = Gltf()
    pts = QUAD + [2.0, 0.0, 0.0]
    g.node(g.mesh(pts, QUAD_INDICES + [0, 1, 4, 1, 1, 2], name="mixed"), "mixed")
    g.embed().write_gltf("degenerate_some.gltf")

    # NaN vertex positions (real NaN bits in the binary buffer) in one triangle of two.
    g = Gltf()
    pts = QUAD + [float("nan"), 0.0, 0.0, 2.0, float("nan"), 0.0]
    g.node(g.mesh(pts, QUAD_INDICES + [1, 4, 5], name="nan"), "nan")
    g.embed().write_gltf("nan_positions.gltf")

    # An external .bin that is not there.
    g = one_triangle().external("missing_buffer_data.bin")
    g.write_gltf("missing_buffer.gltf")

    # A node that is its own grandchild: a hierarchy with a cycle.
    g = Gltf()
    mesh = g.mesh(TRI, [0, 1, 2], name="tri")
    g.node(mesh, "a", children=[1])
    g.doc["nodes"].append({"name": "b", "mesh": mesh, "children": [0]})
    g.embed().write_gltf("cyclic_nodes.gltf")

    # JSON nested 100000 deep: a recursive parser runs out of stack.
    write_text("deep_nesting.gltf", '{"asset":{"version":"2.0"},"extras":' + "[" * 100000 +
               "]" * 100000 + "}\n")

    # A mesh naming an accessor that does not exist.
    g = one_triangle()
    g.doc["meshes"][0]["primitives"][0]["attributes"]["POSITION"] = 7
    g.embed().write_gltf("bad_accessor_index.gltf")

    # Valid glTF with an external .bin, two meshes, two materials, vertex colours.
    g = Gltf()
    g.doc["materials"] = [
        {"name": "glaze", "pbrMetallicRoughness": {"baseColorFactor": [0.2, 0.4, 0.8, 1.0]}},
        {"name": "clay", "pbrMetallicRoughness": {"baseColorFactor": [0.7, 0.4, 0.2, 1.0]}}]
    colors = [1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0]
    g.node(g.mesh(TRI, [0, 1, 2], name="bowl", material=0,
                  extra_attributes={"COLOR_0": (colors, "VEC4", 4)}), "bowl")
    g.node(g.mesh(QUAD, QUAD_INDICES, name="saggar", material=1), "saggar", translation=[3, 0, 0])
    glb = g.glb_bytes()
    write_bytes("two_meshes.glb", glb)
    g.external("two_meshes_external.bin")
    write_bytes("two_meshes_external.bin", g.bin)
    g.write_gltf("two_meshes_external.gltf")

    # A .glb cut off half-way through its BIN chunk.
    write_bytes("truncated.glb", glb[: len(glb) - 40])

    # A .glb whose header is corrupt: right magic, version 2, a JSON chunk length past the end.
    bad = bytearray(glb)
    struct.pack_into("<I", bad, 12, 0x7FFFFFF0)
    write_bytes("corrupt_header.glb", bytes(bad))

    # A .glb with the wrong magic (it says 'gLTF').
    bad = bytearray(glb)
    bad[0:4] = b"gLTF"
    write_bytes("bad_magic.glb", bytes(bad))

    # Two UV sets: TEXCOORD_1 differs from TEXCOORD_0; occlusion uses set 1.
    g = Gltf()
    uv0 = [0.0, 0.0, 1.0, 0.0, 0.0, 1.0]
    uv1 = [0.5, 0.5, 0.75, 0.5, 0.5, 0.75]
    g.doc["images"] = [{"uri": "no_such_occlusion.png"}]
    g.doc["textures"] = [{"source": 0}]
    g.doc["materials"] = [{"name": "baked", "occlusionTexture": {"index": 0, "texCoord": 1}}]
    g.node(g.mesh(TRI, [0, 1, 2], name="uv2", material=0,
                  extra_attributes={"TEXCOORD_0": (uv0, "VEC2", 2),
                                    "TEXCOORD_1": (uv1, "VEC2", 2)}), "uv2")
    g.embed().write_gltf("two_uv_sets.gltf")

    # A base-colour texture file that exists but is not an image (corrupt.png), and an embedded
    # data: URI image whose bytes are not a PNG.
    g = Gltf()
    g.doc["images"] = [{"uri": "corrupt.png"},
                       {"uri": "data:image/png;base64," +
                        base64.b64encode(b"not a png at all, just text").decode()}]
    g.doc["textures"] = [{"source": 0}, {"source": 1}]
    g.doc["materials"] = [
        {"name": "corrupt_file", "pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}},
        {"name": "corrupt_embedded", "pbrMetallicRoughness": {"baseColorTexture": {"index": 1}}}]
    g.node(g.mesh(TRI, [0, 1, 2], name="a", material=0,
                  extra_attributes={"TEXCOORD_0": ([0, 0, 1, 0, 0, 1], "VEC2", 2)}), "a")
    g.node(g.mesh(TRI, [0, 1, 2], name="b", material=1,
                  extra_attributes={"TEXCOORD_0": ([0, 0, 1, 0, 0, 1], "VEC2", 2)}), "b")
    g.embed().write_gltf("corrupt_textures.gltf")

    # Found by fuzzing (tests/fuzz/regressions/model_gltf): an embedded image whose media type has
    # no '/' (a data: URI's, or an image's mimeType) makes Assimp's glTF 2 importer read through a
    # null pointer.
    for name, image in [
            ("image_data_uri_media_type.gltf",
             {"uri": "data:image'png;base64," + base64.b64encode(b"\x89PNG").decode()}),
            ("image_mime_type.gltf", {"bufferView": 0, "mimeType": "imagepng"})]:
        g = Gltf()
        g.doc["images"] = [image]
        g.doc["textures"] = [{"source": 0}]
        g.doc["materials"] = [
            {"name": "embedded", "pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}}]
        g.node(g.mesh(TRI, [0, 1, 2], name="a", material=0,
                      extra_attributes={"TEXCOORD_0": ([0, 0, 1, 0, 0, 1], "VEC2", 2)}), "a")
        g.embed().write_gltf(name)

    # Binary PLY with per-vertex colours, as photogrammetry and scanner software writes it.
    verts = [(0, 0, 0, 255, 0, 0), (1, 0, 0, 0, 255, 0), (1, 1, 0, 0, 0, 255),
             (0, 1, 0, 255, 255, 255)]
    header = ("ply\nformat binary_little_endian 1.0\ncomment scan of a sherd\n"
              "element vertex 4\nproperty float x\nproperty float y\nproperty float z\n"
              "property uchar red\nproperty uchar green\nproperty uchar blue\n"
              "element face 2\nproperty list uchar int vertex_indices\nend_header\n").encode()
    body = b"".join(struct.pack("<fffBBB", *v) for v in verts)
    body += struct.pack("<Biii", 3, 0, 1, 2) + struct.pack("<Biii", 3, 0, 2, 3)
    write_bytes("scan_colors_binary.ply", header + body)

    # A PLY header that promises two billion vertices over a body of one.
    write_text("enormous_header.ply",
               "ply\nformat ascii 1.0\nelement vertex 2000000000\nproperty float x\n"
               "property float y\nproperty float z\nelement face 1\n"
               "property list uchar int vertex_indices\nend_header\n0 0 0\n3 0 0 0\n")

    # Binary STL: one facet, and one whose header claims 2^31 facets in a 134-byte file.
    facet = struct.pack("<12fH", 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0)
    # Three PLY headers on which Assimp 5.2.5 never returns (found by fuzzing, issue #7): the
    # magic line after a blank line, end_header followed by a vertical tab, and a NUL byte.
    tri = "element vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
    body = "0 0 0\n1 0 0\n0 1 0\n"
    write_text("ply_magic_not_first.ply", "\nply\nformat ascii 1.0\n" + tri + "end_header\n" + body)
    write_bytes("ply_end_header_vtab.ply",
                ("ply\nformat ascii 1.0\n" + tri + "end_header\v" + body).encode())
    write_bytes("ply_control_byte.ply",
                ("ply\nformat ascii 1.0\ncomment a\0b\n" + tri + "end_header\n" + body).encode())

    # Headers that Assimp reads differently from the format (found by fuzzing): an element with
    # a huge count and no properties, and an element whose name starts with digits.
    write_text("ply_element_without_properties.ply",
               "ply\nformat ascii 1.0\nelement vertex 200000000\nelement face 1\n"
               "property list uchar int vertex_indices\nend_header\n3 0 1 2\n")
    write_text("ply_bad_element_name.ply",
               "ply\nformat ascii 1.0\nelement 2147483647face 1\n"
               "property list uchar int vertex_indices\nend_header\n3 0 1 2\n")

    write_text("ply_property_without_type.ply",
               "ply\nformat ascii 1.0\nelement vertex 3\nproperty\nend_header\n0\n0\n0\n")

    # Found by fuzzing (tests/fuzz/regressions/model_ply): Assimp allocates whatever an ASCII list
    # count says, past its count type (uchar here) and past the file's end.
    ascii_square = ("ply\nformat ascii 1.0\nelement vertex 4\nproperty float x\n"
                    "property float y\nproperty float z\nelement face 1\n"
                    "property list {} int vertex_indices\nend_header\n"
                    "0 0 0\n1 0 0\n1 1 0\n0 1 0\n{} 0 1 2\n")
    write_text("ply_ascii_list_count_past_type.ply",
               ascii_square.format("uchar", "21474836470"))
    write_text("ply_ascii_list_count_past_end.ply", ascii_square.format("int", "2000000000"))

    write_bytes("one_facet_binary.stl", b"kilnfire binary stl".ljust(80, b" ") +
                struct.pack("<I", 1) + facet)
    write_bytes("enormous_count.stl", b"kilnfire binary stl".ljust(80, b" ") +
                struct.pack("<I", 2 ** 31) + facet)


if __name__ == "__main__":
    main()
