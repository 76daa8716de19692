// FileWatch: notices that curator-edited files (content, scenes, installation files) changed, by
// polling their stat stamp at most every few seconds. Does NOT read or parse the files: callers
// reload them (ReloadableValue in reloadable_value.h). No inotify, no thread: a poll of a few
// hundred files costs well under a millisecond of the frame it runs in.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiln::core {

// What a look at one file saw. Equal stamps mean "unchanged" unless the look was recent.
struct FileStamp {
    bool exists = false;
    std::uint64_t device = 0;
    std::uint64_t inode = 0; // a file replaced by rename (an editor's atomic save) has a new one
    std::uintmax_t sizeBytes = 0;
    std::int64_t modifiedNs = 0; // st_mtim, nanoseconds since the epoch
    std::int64_t changedNs = 0;  // st_ctim: moves on every write and rename, and `touch -r`
                                 // or `cp -p` cannot set it back
};

// Stamps one path now (exists == false when it is missing or not a regular file).
FileStamp stampFile(const std::filesystem::path& path);

struct FileWatchDesc {
    // Seconds between two looks at the files; poll() calls in between return nothing.
    double pollIntervalSeconds = 2.0;
    // A file whose modification time is this close to the moment it was looked at may change
    // again without its stamp changing (the kernel's timestamp tick is a few milliseconds, FAT
    // on a USB stick keeps 2 s), so its contents are hashed and compared too. 0 turns it off.
    double recentWindowSeconds = 3.0;
    // Files larger than this are never hashed (models, textures): their stamp alone decides.
    std::uintmax_t maxHashBytes = 1u << 20;
    // How a file is stamped; empty: stampFile. Tests freeze timestamps through it to act out a
    // file system with coarse clocks.
    std::function<FileStamp(const std::filesystem::path&)> stampFunction;
};

enum class FileChange { Created, Modified, Deleted };

struct FileChangeEvent {
    std::filesystem::path path;
    FileChange change = FileChange::Modified;
};

// True for the names editors and copy tools use for temporary files (".#x", "x~", "x.swp",
// "x.tmp", "x.part", ".goutputstream-*"), which directory watches skip.
bool isTemporaryFileName(const std::string& fileName);

class FileWatch {
public:
    explicit FileWatch(FileWatchDesc desc = {});

    // Watches one file (which may not exist yet: it is reported Created when it appears) or a
    // directory (every regular file below it, recursively, except temporary names; files added
    // later are reported Created; a directory must exist when added, a missing path is taken
    // for a file). The current state is recorded now, so nothing that exists at this moment is
    // reported.
    void add(const std::filesystem::path& path);

    // Looks at the files when pollIntervalSeconds have passed since the last look (the first
    // call always looks) and returns what changed since, in path order. nowSeconds is any
    // monotonic clock (the frame clock); going backwards makes it look at once.
    std::vector<FileChangeEvent> poll(double nowSeconds);
    // Looks now, whatever the interval.
    std::vector<FileChangeEvent> pollNow();

    // Files currently known (present or watched-but-missing).
    std::size_t fileCount() const { return mFiles.size(); }
    // Content hashes computed so far (tests: hashing is limited to recent, small files).
    std::uint64_t hashesComputed() const { return mHashesComputed; }

private:
    struct Entry {
        std::filesystem::path path;
        FileStamp stamp;
        std::optional<std::uint64_t> hash; // when the stamp was recent and the file small
        bool fromDirectory = false;        // forgotten once deleted (explicit files are kept)
        bool recent = false;               // its stamp was recent when last looked at
    };

    void observe(Entry& entry, const FileStamp& stamp, std::int64_t nowNs);
    bool isRecent(const FileStamp& stamp, std::int64_t nowNs) const;
    FileStamp stamp(const std::filesystem::path& path) const;
    std::optional<std::uint64_t> hashOf(const std::filesystem::path& path);
    void scanDirectories(std::vector<std::filesystem::path>& found) const;

    FileWatchDesc mDesc;
    std::vector<std::filesystem::path> mDirectories;
    std::vector<Entry> mFiles; // sorted by path
    double mLastPollSeconds = 0.0;
    bool mPolled = false;
    std::uint64_t mHashesComputed = 0;
};

} // namespace kiln::core
