// Polling file watch. Why polling and not inotify: curators save a file a few times a day, a
// reload within two seconds is immediate to them, one stat(2) per file costs about a
// microsecond, and polling also works where inotify does not (network shares, bind mounts,
// USB sticks, files replaced while the watch descriptor points at the old inode).
#include "kiln/core/file_watch.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <system_error>

namespace kiln::core {
namespace {

std::int64_t nanosecondsOf(const struct timespec& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 +
           static_cast<std::int64_t>(t.tv_nsec);
}

std::int64_t wallClockNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
}

bool sameStamp(const FileStamp& a, const FileStamp& b) {
    return a.exists == b.exists && a.device == b.device && a.inode == b.inode &&
           a.sizeBytes == b.sizeBytes && a.modifiedNs == b.modifiedNs && a.changedNs == b.changedNs;
}

bool endsWith(const std::string& s, const char* suffix) {
    const std::string_view x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

} // namespace

FileStamp stampFile(const std::filesystem::path& path) {
    FileStamp stamp;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return stamp;
    }
    stamp.exists = true;
    stamp.device = static_cast<std::uint64_t>(st.st_dev);
    stamp.inode = static_cast<std::uint64_t>(st.st_ino);
    stamp.sizeBytes = static_cast<std::uintmax_t>(st.st_size);
    stamp.modifiedNs = nanosecondsOf(st.st_mtim);
    stamp.changedNs = nanosecondsOf(st.st_ctim);
    return stamp;
}

bool isTemporaryFileName(const std::string& name) {
    if (name.empty() || name.rfind(".#", 0) == 0 || name.rfind(".goutputstream-", 0) == 0) {
        return true;
    }
    return name.back() == '~' || endsWith(name, ".swp") || endsWith(name, ".swx") ||
           endsWith(name, ".tmp") || endsWith(name, ".part") || endsWith(name, ".crdownload");
}

FileWatch::FileWatch(FileWatchDesc desc) : mDesc(desc) {}

void FileWatch::add(const std::filesystem::path& path) {
    std::error_code ec;
    const std::int64_t nowNs = wallClockNs();
    std::vector<std::filesystem::path> files;
    bool fromDirectory = false;
    if (std::filesystem::is_directory(path, ec)) {
        if (std::find(mDirectories.begin(), mDirectories.end(), path) == mDirectories.end()) {
            mDirectories.push_back(path);
        }
        scanDirectories(files);
        fromDirectory = true;
    } else {
        files.push_back(path);
    }
    for (const auto& file : files) {
        auto it = std::find_if(mFiles.begin(), mFiles.end(),
                               [&](const Entry& e) { return e.path == file; });
        if (it != mFiles.end()) {
            it->fromDirectory = it->fromDirectory && fromDirectory;
            continue;
        }
        Entry entry;
        entry.path = file;
        entry.fromDirectory = fromDirectory;
        observe(entry, stamp(file), nowNs);
        mFiles.push_back(std::move(entry));
    }
    std::sort(mFiles.begin(), mFiles.end(),
              [](const Entry& a, const Entry& b) { return a.path < b.path; });
}

std::vector<FileChangeEvent> FileWatch::poll(double nowSeconds) {
    if (mPolled && nowSeconds >= mLastPollSeconds &&
        nowSeconds - mLastPollSeconds < mDesc.pollIntervalSeconds) {
        return {};
    }
    mPolled = true;
    mLastPollSeconds = nowSeconds;
    return pollNow();
}

std::vector<FileChangeEvent> FileWatch::pollNow() {
    std::vector<FileChangeEvent> events;
    const std::int64_t nowNs = wallClockNs();
    if (!mDirectories.empty()) {
        // New files in watched directories join as "missing", so the loop reports them Created.
        std::vector<std::filesystem::path> found;
        scanDirectories(found);
        for (auto& file : found) {
            auto it = std::lower_bound(
                    mFiles.begin(), mFiles.end(), file,
                    [](const Entry& e, const std::filesystem::path& p) { return e.path < p; });
            if (it == mFiles.end() || it->path != file) {
                Entry entry;
                entry.path = std::move(file);
                entry.fromDirectory = true;
                mFiles.insert(it, std::move(entry));
            }
        }
    }
    for (auto it = mFiles.begin(); it != mFiles.end();) {
        Entry& entry = *it;
        const FileStamp stamp = this->stamp(entry.path);
        if (!stamp.exists) {
            if (entry.stamp.exists) {
                events.push_back({entry.path, FileChange::Deleted});
            }
            if (entry.fromDirectory) {
                it = mFiles.erase(it);
                continue;
            }
            entry.stamp = stamp;
            entry.hash.reset();
            entry.recent = false;
        } else if (!entry.stamp.exists) {
            events.push_back({entry.path, FileChange::Created});
            observe(entry, stamp, nowNs);
        } else if (!sameStamp(entry.stamp, stamp)) {
            events.push_back({entry.path, FileChange::Modified});
            observe(entry, stamp, nowNs);
        } else if (entry.recent) {
            // Same stamp, but it was taken within a timestamp tick of a write: only the bytes
            // can tell whether a second write of the same size followed in that tick.
            // Compared once more even when the stamp is no longer recent now: the write may
            // have come just after the last look.
            const std::optional<std::uint64_t> before = entry.hash;
            const std::optional<std::uint64_t> after =
                    stamp.sizeBytes <= mDesc.maxHashBytes ? hashOf(entry.path) : std::nullopt;
            entry.recent = isRecent(stamp, nowNs);
            entry.hash = entry.recent ? after : std::nullopt;
            if (before && after && *before != *after) {
                events.push_back({entry.path, FileChange::Modified});
            }
        }
        ++it;
    }
    return events;
}

void FileWatch::observe(Entry& entry, const FileStamp& stamp, std::int64_t nowNs) {
    entry.stamp = stamp;
    entry.hash.reset();
    entry.recent = false;
    entry.recent = isRecent(stamp, nowNs);
    if (entry.recent && stamp.sizeBytes <= mDesc.maxHashBytes) {
        entry.hash = hashOf(entry.path);
    }
}

FileStamp FileWatch::stamp(const std::filesystem::path& path) const {
    return mDesc.stampFunction ? mDesc.stampFunction(path) : stampFile(path);
}

bool FileWatch::isRecent(const FileStamp& stamp, std::int64_t nowNs) const {
    if (!stamp.exists || mDesc.recentWindowSeconds <= 0.0) {
        return false;
    }
    const auto windowNs = static_cast<std::int64_t>(mDesc.recentWindowSeconds * 1e9);
    const std::int64_t latestNs = std::max(stamp.modifiedNs, stamp.changedNs);
    // A timestamp in the future (a clock set back, a copied file) counts as recent too.
    return nowNs - latestNs < windowNs;
}

std::optional<std::uint64_t> FileWatch::hashOf(const std::filesystem::path& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
        return std::nullopt;
    }
    ++mHashesComputed;
    // FNV-1a, 64 bits: not cryptographic, only "did these bytes change".
    std::uint64_t h = 14695981039346656037ull;
    unsigned char buffer[16384];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        for (std::size_t i = 0; i < n; ++i) {
            h = (h ^ buffer[i]) * 1099511628211ull;
        }
    }
    std::fclose(file);
    return h;
}

void FileWatch::scanDirectories(std::vector<std::filesystem::path>& found) const {
    for (const auto& dir : mDirectories) {
        std::error_code ec;
        auto it = std::filesystem::recursive_directory_iterator(
                dir, std::filesystem::directory_options::skip_permission_denied, ec);
        for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code typeError;
            if (it->is_regular_file(typeError) &&
                !isTemporaryFileName(it->path().filename().string())) {
                found.push_back(it->path());
            }
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
}

} // namespace kiln::core
