// ReloadableValue<T>: a value loaded from curator-edited files that follows their edits while the
// experience runs. A broken or half-written file never replaces a good value: the error is
// logged once with the loader's message (file, line, field) and the next change tries again.
// Does NOT load on a thread (the loader runs inside update()) and does NOT know file formats.
#pragma once

#include "kiln/core/file_watch.h"
#include "kiln/core/log.h"
#include "kiln/core/result.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiln::core {

template <typename T> class ReloadableValue {
public:
    using Loader = std::function<Result<T>()>;

    // Watches `watched` (files or directories, file_watch.h) from now on; loads nothing yet:
    // call reload() once for the first value and fall back if it fails.
    ReloadableValue(std::string name, const std::vector<std::filesystem::path>& watched,
                    Loader loader, FileWatchDesc watch = {})
        : mName(std::move(name)), mWatch(watch), mLoader(std::move(loader)) {
        KILN_ASSERT(static_cast<bool>(mLoader), "ReloadableValue: the loader must be set");
        // The stamps are taken before the first read, so an edit during that read is seen.
        for (const auto& path : watched) {
            mWatch.add(path);
        }
    }
    ReloadableValue(const ReloadableValue&) = delete;
    ReloadableValue& operator=(const ReloadableValue&) = delete;

    // Runs the loader now. Success replaces the value as a whole; an error keeps the value there
    // was (none before the first success), is logged unless it repeats the last logged one, and
    // is returned.
    Status reload() {
        Result<T> loaded = mLoader();
        if (!loaded) {
            mLastError = loaded.error();
            if (mLastError->message != mLastLoggedError) {
                mLastLoggedError = mLastError->message;
                logWarning("core", mName + ": not reloaded, " +
                                           (hasValue() ? "keeping the previous version: "
                                                       : "nothing loaded yet: ") +
                                           mLastError->message);
            }
            return *mLastError;
        }
        mValue.store(std::make_shared<const T>(std::move(loaded).value()));
        ++mGeneration;
        if (mLastError || mGeneration > 1) {
            logInfo("core", mName + ": reloaded (version " + std::to_string(mGeneration) + ")");
        }
        mLastError.reset();
        mLastLoggedError.clear();
        return {};
    }

    // Replaces the value as a whole without running the loader: the first value when it came
    // from a more lenient load at start (content that loads with findings), or a fallback.
    void set(T value) {
        mValue.store(std::make_shared<const T>(std::move(value)));
        ++mGeneration;
        mLastError.reset();
        mLastLoggedError.clear();
    }

    // Polls the watched files (at most every FileWatchDesc::pollIntervalSeconds of nowSeconds)
    // and reloads when any changed. True when a new value was swapped in this call.
    bool update(double nowSeconds) {
        if (mWatch.poll(nowSeconds).empty()) {
            return false;
        }
        return reload().ok();
    }

    // The current value, or null before the first successful load. Hold the pointer for the
    // whole frame: a reload swaps in a new value and never modifies the one being read.
    std::shared_ptr<const T> current() const { return mValue.load(); }
    bool hasValue() const { return mValue.load() != nullptr; }
    // Successful loads so far (1 after the first).
    std::uint64_t generation() const { return mGeneration; }
    // The latest attempt's error; empty after a success.
    const std::optional<Error>& lastError() const { return mLastError; }
    const std::string& name() const { return mName; }
    FileWatch& watch() { return mWatch; }

private:
    std::string mName;
    FileWatch mWatch;
    Loader mLoader;
    // Atomic so that a loader moved onto a worker thread later keeps the frame loop's reads
    // whole; today both run on the frame loop's thread.
    std::atomic<std::shared_ptr<const T>> mValue;
    std::uint64_t mGeneration = 0;
    std::optional<Error> mLastError;
    std::string mLastLoggedError;
};

} // namespace kiln::core
