// Procedural, deterministic, tileable material textures for the sites (RGBA8, encoded as PNG with
// stb_image_write): kiln brick with soot and glaze runs, saggar fireclay, sand, timber, roof
// tiles, terrain, excavation soil, factory brick. Fixed seeds: same input, same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiln::kilngen {

struct MaterialSpec {
    std::string name;
    float baseColor[4];
    float metallic;
    float roughness;
    float tileM;               // metres of surface one texture repeat covers
    bool hasMetallicRoughness; // a second texture (G roughness, B metallic)
    int sizePx;                // texture edge; 512 only where a close-up needs it (build time)
};

// Every material name kilngen knows; descriptions must use one of these.
const std::vector<MaterialSpec>& materialSpecs();
const MaterialSpec* findMaterial(const std::string& name);

// PNG bytes of the base colour (and, where hasMetallicRoughness, the metallic-roughness map).
std::vector<std::uint8_t> baseColorPng(const std::string& material, int sizePx);
std::vector<std::uint8_t> metallicRoughnessPng(const std::string& material, int sizePx);

} // namespace kiln::kilngen
