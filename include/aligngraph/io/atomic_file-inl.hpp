#pragma once
// Atomic file replacement: one helper, a POSIX and a Windows branch.

#include "aligngraph/io/atomic_file.hpp"

#include <fmt/format.h>

#include <random>
#include <string>

#include "aligngraph/error.hpp"

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#endif

namespace aligngraph {

namespace detail {

namespace fs = std::filesystem;

// A name beside the target that no other writer picks: hidden, with the process and a random part.
inline fs::path temporary_beside(const fs::path& target, unsigned long process) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    return dir / fmt::format(".{}.tmp-{}-{:x}", target.filename().string(), process, rd());
}

// The file a path names: symbolic links followed (relative ones from their own folder), so
// that a save replaces the link's target and the link stays. A dangling link names the file
// it points to, which the save creates.
inline fs::path final_target(const fs::path& path) {
    fs::path p = path;
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(p, ec))) return p;
        const fs::path to = fs::read_symlink(p, ec);
        if (ec) throw Error(fmt::format("cannot write '{}': cannot read the link '{}' ({})", path.string(), p.string(), ec.message()));
        p = to.is_absolute() ? to : (p.has_parent_path() ? p.parent_path() : fs::path(".")) / to;
    }
    throw Error(fmt::format("cannot write '{}': more than 40 symbolic links in a row", path.string()));
}

inline bool process_alive(unsigned long process);  // below, one per system

// Temporaries of this target left by writers that were killed mid-save (their process is
// gone): removed, so that they do not pile up.
inline void remove_stale_temporaries(const fs::path& target) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string prefix = fmt::format(".{}.tmp-", target.filename().string());
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        const auto dash = name.find('-', prefix.size());
        if (dash == std::string::npos) continue;
        unsigned long pid = 0;
        const auto digits = name.substr(prefix.size(), dash - prefix.size());
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        pid = std::stoul(digits);
        std::error_code rm;
        if (!process_alive(pid)) fs::remove(it->path(), rm);
    }
}

}  // namespace detail

#ifdef _WIN32

namespace detail {

inline std::string system_message(DWORD code) {
    char* text = nullptr;
    const DWORD n = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                                   nullptr, code, 0, reinterpret_cast<LPSTR>(&text), 0, nullptr);
    std::string out = n && text ? std::string(text, n) : fmt::format("error {}", code);
    if (text) LocalFree(text);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == '.')) out.pop_back();
    return out;
}

inline bool process_alive(unsigned long process) {
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(process));
    if (!h) return GetLastError() != ERROR_INVALID_PARAMETER;  // no such process; other errors: assume alive
    DWORD code = 0;
    const bool alive = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    CloseHandle(h);
    return alive;
}

}  // namespace detail

ALIGNGRAPH_INLINE void write_file_atomically(const detail::fs::path& path, std::string_view content) {
    const detail::fs::path target = detail::final_target(path);
    detail::remove_stale_temporaries(target);
    const detail::fs::path tmp = detail::temporary_beside(target, GetCurrentProcessId());
    auto fail = [&](const char* what) {
        const DWORD err = GetLastError();
        DeleteFileW(tmp.c_str());
        throw Error(fmt::format("cannot write '{}': {} ({})", target.string(), what, detail::system_message(err)));
    };
    HANDLE h = CreateFileW(tmp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        const DWORD err = GetLastError();
        throw Error(fmt::format("cannot write '{}': cannot create a temporary file beside it ({})", target.string(),
                                detail::system_message(err)));
    }
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const DWORD chunk = left > 0x40000000u ? 0x40000000u : static_cast<DWORD>(left);
        DWORD written = 0;
        if (!WriteFile(h, data, chunk, &written, nullptr)) {
            CloseHandle(h);
            fail("write failed");
        }
        data += written;
        left -= written;
    }
    if (!FlushFileBuffers(h)) {
        CloseHandle(h);
        fail("flush failed");
    }
    if (!CloseHandle(h)) fail("close failed");
    // ReplaceFileW keeps the target's attributes and security; it needs the target to exist.
    if (GetFileAttributesW(target.c_str()) != INVALID_FILE_ATTRIBUTES) {
        if (!ReplaceFileW(target.c_str(), tmp.c_str(), nullptr, REPLACEFILE_IGNORE_MERGE_ERRORS, nullptr, nullptr))
            fail("replace failed");
    } else if (!MoveFileExW(tmp.c_str(), target.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        fail("rename failed");
    }
}

#else

namespace detail {

inline bool process_alive(unsigned long process) {
    const auto pid = static_cast<pid_t>(process);
    if (pid <= 0 || static_cast<unsigned long>(pid) != process) return false;
    return ::kill(pid, 0) == 0 || errno == EPERM;  // EPERM: it exists, owned by someone else
}

}  // namespace detail

ALIGNGRAPH_INLINE void write_file_atomically(const detail::fs::path& path, std::string_view content) {
    const detail::fs::path target = detail::final_target(path);
    const detail::fs::path dir = target.has_parent_path() ? target.parent_path() : detail::fs::path(".");
    detail::remove_stale_temporaries(target);
    // A file replaced keeps its permissions (and its owner and group, where this process may
    // give them); a new one gets 0644 less the umask.
    struct stat before {};
    const bool existed = ::stat(target.c_str(), &before) == 0 && S_ISREG(before.st_mode);
    const detail::fs::path tmp = detail::temporary_beside(target, static_cast<unsigned long>(::getpid()));
    auto fail = [&](const char* what) {
        const int err = errno;
        std::error_code ec;
        detail::fs::remove(tmp, ec);
        throw Error(fmt::format("cannot write '{}': {} ({})", target.string(), what, std::strerror(err)));
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existed ? 0600 : 0644);
    if (fd < 0) {
        const int err = errno;
        throw Error(fmt::format("cannot write '{}': cannot create a temporary file in '{}' ({})", target.string(),
                                dir.string(), std::strerror(err)));
    }
    if (existed) {
        if (::fchown(fd, before.st_uid, before.st_gid) != 0 && ::fchown(fd, static_cast<uid_t>(-1), before.st_gid) != 0) {
            // Not allowed to give the file away: it stays ours (what any editor's save does).
        }
        if (::fchmod(fd, before.st_mode & 07777) != 0) {
            ::close(fd);
            fail("cannot keep the file's permissions");
        }
    }
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            fail("write failed");
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("fsync failed");
    }
    if (::close(fd) != 0) fail("close failed");
    if (std::rename(tmp.c_str(), target.c_str()) != 0) fail("rename failed");
    // The rename itself reaches the disk when the directory is flushed.
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

#endif

}  // namespace aligngraph
