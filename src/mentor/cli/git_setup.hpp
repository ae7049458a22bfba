#pragma once

#include <filesystem>
#include <string>

// What `mentor init` sets up so that git merges records files with
// `mentor merge-file`: lines in .gitattributes (which travel with the
// repository) and the driver in the clone's own git config (which does not).
namespace mentor::cli {

// Writes <root>/.gitattributes, or adds to the user's own the lines it is
// missing. Returns true when it changed the file.
bool ensure_gitattributes(const std::filesystem::path& root);

// The command git runs: plain `mentor merge-file %O %A %B %P` when `mentor`
// in PATH is this very program (so upgrading it in place keeps working),
// else this program's full path, quoted for the shell git runs it with.
std::string merge_driver_command();

enum class DriverSetup { added, kept, replaced };

// Sets merge.mentor.name and merge.mentor.driver in the repository's own
// config. A driver already set is kept unless the program it names is gone
// (`previous` then says what it was). Throws mentor::Error.
DriverSetup set_up_merge_driver(const std::filesystem::path& root, std::string* previous = nullptr);

} // namespace mentor::cli
