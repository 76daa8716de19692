// Template body of addHeightfield (mesh.h): an open grid sheet, normals from its own faces.
#pragma once

namespace kiln::kilngen {

template <typename F>
void addHeightfield(Mesh& mesh, glm::vec2 minXY, glm::vec2 maxXY, int nx, int ny, F heightAt,
                    float tileM) {
    const std::size_t firstVertex = mesh.positions.size();
    const std::size_t firstIndex = mesh.indices.size();
    for (int j = 0; j <= ny; ++j) {
        for (int i = 0; i <= nx; ++i) {
            const float x =
                    minXY.x + (maxXY.x - minXY.x) * static_cast<float>(i) / static_cast<float>(nx);
            const float y =
                    minXY.y + (maxXY.y - minXY.y) * static_cast<float>(j) / static_cast<float>(ny);
            mesh.positions.emplace_back(x, y, static_cast<float>(heightAt(x, y)));
            mesh.normals.emplace_back(0.0f, 0.0f, 1.0f);
            mesh.uvs.emplace_back(x / tileM, y / tileM);
        }
    }
    const auto at = [&](int i, int j) {
        return static_cast<std::uint32_t>(firstVertex + static_cast<std::size_t>(j * (nx + 1) + i));
    };
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            mesh.indices.insert(mesh.indices.end(), {at(i, j), at(i + 1, j), at(i + 1, j + 1),
                                                     at(i, j), at(i + 1, j + 1), at(i, j + 1)});
        }
    }
    smoothNormals(mesh, firstVertex, firstIndex);
}

} // namespace kiln::kilngen
