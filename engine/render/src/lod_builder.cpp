// Levels of detail built once per distinct mesh content, now or on a worker thread (lod_builder.h).
#include "lod_builder.h"

#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <utility>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace kiln::render {
namespace {

std::string_view bytesOf(const auto& values) {
    return {reinterpret_cast<const char*>(values.data()),
            values.size() * sizeof(typename std::decay_t<decltype(values)>::value_type)};
}

std::size_t contentHash(const assets::MeshData& mesh) {
    const std::size_t h = std::hash<std::string_view>{}(bytesOf(mesh.vertices));
    return h ^ (std::hash<std::string_view>{}(bytesOf(mesh.indices)) + 0x9e3779b97f4a7c15ull +
                (h << 6) + (h >> 2));
}

bool sameContent(const assets::MeshData& a, const assets::MeshData& b) {
    return bytesOf(a.vertices) == bytesOf(b.vertices) && bytesOf(a.indices) == bytesOf(b.indices);
}

} // namespace

LodBuilder::~LodBuilder() {
    {
        std::lock_guard lock(mMutex);
        mStop = true;
        mQueue.clear();
    }
    mWake.notify_all();
    if (mThread.joinable()) {
        mThread.join();
    }
}

std::vector<LodBuilder::Job>
LodBuilder::groupByContent(std::uint64_t modelSerial,
                           const std::vector<const assets::MeshData*>& meshes,
                           const std::vector<std::size_t>& meshIndices) {
    std::vector<Job> jobs;
    std::unordered_multimap<std::size_t, std::size_t> byHash; // content hash -> job
    for (std::size_t i = 0; i < meshes.size(); ++i) {
        const assets::MeshData& mesh = *meshes[i];
        const std::size_t hash = contentHash(mesh);
        bool shared = false;
        for (auto [it, end] = byHash.equal_range(hash); it != end; ++it) {
            if (sameContent(jobs[it->second].mesh, mesh)) {
                jobs[it->second].meshIndices.push_back(meshIndices[i]);
                shared = true;
                break;
            }
        }
        if (!shared) {
            byHash.emplace(hash, jobs.size());
            jobs.push_back({modelSerial, {meshIndices[i]}, mesh});
        }
    }
    return jobs;
}

void LodBuilder::build(std::uint64_t modelSerial,
                       const std::vector<const assets::MeshData*>& meshes,
                       const std::vector<std::size_t>& meshIndices, bool inBackground) {
    std::vector<Job> jobs = groupByContent(modelSerial, meshes, meshIndices);
    if (!inBackground) {
        for (const Job& job : jobs) {
            finish(job, buildLods(job.mesh));
        }
        return;
    }
    {
        std::lock_guard lock(mMutex);
        for (Job& job : jobs) {
            mQueue.push_back(std::move(job));
        }
        if (!mThread.joinable()) {
            mThread = std::thread([this] { run(); });
        }
    }
    mWake.notify_one();
}

void LodBuilder::finish(const Job& job, std::vector<LodLevel> levels) {
    auto shared = std::make_shared<const std::vector<LodLevel>>(std::move(levels));
    std::lock_guard lock(mMutex);
    for (std::size_t meshIndex : job.meshIndices) {
        mFinished.push_back({job.modelSerial, meshIndex, shared});
    }
}

void LodBuilder::cancel(std::uint64_t modelSerial) {
    std::lock_guard lock(mMutex);
    std::erase_if(mQueue, [&](const Job& job) { return job.modelSerial == modelSerial; });
    std::erase_if(mFinished, [&](const LodBuildResult& r) { return r.modelSerial == modelSerial; });
    if (mQueue.empty() && !mBusy) {
        mIdle.notify_all();
    }
}

std::vector<LodBuildResult> LodBuilder::takeFinished() {
    std::lock_guard lock(mMutex);
    return std::exchange(mFinished, {});
}

void LodBuilder::waitIdle() {
    std::unique_lock lock(mMutex);
    mIdle.wait(lock, [this] { return mQueue.empty() && !mBusy; });
}

bool LodBuilder::idle() const {
    std::lock_guard lock(mMutex);
    return mQueue.empty() && !mBusy && mFinished.empty();
}

void LodBuilder::run() {
#ifdef __linux__
    // The frame loop (and on a software rasteriser its threads) comes first: levels only save
    // work on later frames. Linux applies a nice value per thread.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
    std::unique_lock lock(mMutex);
    while (true) {
        mWake.wait(lock, [this] { return mStop || !mQueue.empty(); });
        if (mStop) {
            return;
        }
        Job job = std::move(mQueue.front());
        mQueue.pop_front();
        mBusy = true;
        lock.unlock();
        std::vector<LodLevel> levels = buildLods(job.mesh);
        finish(job, std::move(levels));
        lock.lock();
        mBusy = false;
        if (mQueue.empty()) {
            mIdle.notify_all();
        }
    }
}

} // namespace kiln::render
