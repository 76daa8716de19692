// Builds levels of detail (mesh_lod.h) for the renderer, on the calling thread or on one worker
// thread, and shares them between meshes of identical content (same vertices and indices, e.g. a
// part repeated under several names). Plain CPU work: the renderer uploads the finished levels on
// its GL thread. Does NOT touch GL, and does not decide which meshes get levels.
#pragma once

#include "kiln/assets/model_data.h"
#include "kiln/render/mesh_lod.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kiln::render {

// The levels of one mesh of one model (`modelSerial` tells a model from a later one that reuses
// its handle).
struct LodBuildResult {
    std::uint64_t modelSerial = 0;
    std::size_t meshIndex = 0;
    std::shared_ptr<const std::vector<LodLevel>> levels; // shared by meshes of equal content
};

class LodBuilder {
public:
    LodBuilder() = default;
    ~LodBuilder(); // stops the worker after the mesh it is on; queued meshes are dropped
    LodBuilder(const LodBuilder&) = delete;
    LodBuilder& operator=(const LodBuilder&) = delete;

    // Levels for the given meshes of a model, built now (inBackground false: the results are
    // ready for takeFinished on return) or by the worker thread (started on first use, at a
    // lower scheduling priority than the frame loop where the system allows it).
    void build(std::uint64_t modelSerial, const std::vector<const assets::MeshData*>& meshes,
               const std::vector<std::size_t>& meshIndices, bool inBackground);
    // Drops a model's queued meshes (it was removed); a mesh being built still finishes.
    void cancel(std::uint64_t modelSerial);
    // Moves out the levels finished since the last call.
    std::vector<LodBuildResult> takeFinished();
    // Blocks until every queued mesh is built (takeFinished then has them all).
    void waitIdle();
    // Nothing queued, being built, or finished and not yet taken.
    bool idle() const;

private:
    struct Job {
        std::uint64_t modelSerial = 0;
        std::vector<std::size_t> meshIndices; // meshes of equal content: built once
        assets::MeshData mesh;                // a copy: the model's data may go away
    };
    static std::vector<Job> groupByContent(std::uint64_t modelSerial,
                                           const std::vector<const assets::MeshData*>& meshes,
                                           const std::vector<std::size_t>& meshIndices);
    void finish(const Job& job, std::vector<LodLevel> levels);
    void run();

    mutable std::mutex mMutex;
    std::condition_variable mWake;
    std::condition_variable mIdle;
    std::deque<Job> mQueue;
    std::vector<LodBuildResult> mFinished;
    bool mBusy = false; // the worker is building a job it took off the queue
    bool mStop = false;
    std::thread mThread;
};

} // namespace kiln::render
