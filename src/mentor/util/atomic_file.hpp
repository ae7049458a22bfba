#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace mentor::util {

enum class Overwrite { yes, no };

// Reads a whole regular file. Throws mentor::Error naming the path when it
// cannot be read, is not a regular file (a directory, a device), is a
// symbolic link, or is larger than max_bytes.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

// Writes `content` to `path` so that a reader sees either the old file or the
// new one, never a mix: a temporary file in the same directory, fsync,
// rename, fsync of the directory. An existing file keeps its mode; a new one
// gets `new_mode`. With Overwrite::no an existing file is an error (the check
// and the creation are one atomic step). On any failure the temporary file is
// removed, the target is untouched, and mentor::Error says what failed.
void write_file_atomic(const std::filesystem::path& path,
                       std::string_view content,
                       Overwrite overwrite,
                       unsigned new_mode = 0600);

// mkdir -p with mode 0700 for every directory it creates.
void create_private_directories(const std::filesystem::path& path);

} // namespace mentor::util
