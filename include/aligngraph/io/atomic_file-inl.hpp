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

}  // namespace detail

ALIGNGRAPH_INLINE void write_file_atomically(const detail::fs::path& path, std::string_view content) {
    const detail::fs::path target = path;
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

ALIGNGRAPH_INLINE void write_file_atomically(const detail::fs::path& path, std::string_view content) {
    const detail::fs::path target = path;
    const detail::fs::path dir = target.has_parent_path() ? target.parent_path() : detail::fs::path(".");
    const detail::fs::path tmp = detail::temporary_beside(target, static_cast<unsigned long>(::getpid()));
    auto fail = [&](const char* what) {
        const int err = errno;
        std::error_code ec;
        detail::fs::remove(tmp, ec);
        throw Error(fmt::format("cannot write '{}': {} ({})", target.string(), what, std::strerror(err)));
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int err = errno;
        throw Error(fmt::format("cannot write '{}': cannot create a temporary file in '{}' ({})", target.string(),
                                dir.string(), std::strerror(err)));
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
