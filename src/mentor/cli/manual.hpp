#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// Where mentor's manual pages are, for `mentor help`. They are found next to
// the running binary rather than through man's search path, so that the
// pages shown always belong to the binary that shows them: an installed
// mentor finds the installed pages, one run from its build tree the pages
// built with it.
namespace mentor::cli {

// A page of the manual: mentor(1), mentor-log(1), mentor(5).
struct ManualPage
{
  std::string name;
  int section = 1;

  std::string title() const; // "mentor-log(1)"
};

// The files that may hold `page` for a binary in `bin_dir`, in the order
// tried: installed (BIN/../share/man/manN/NAME.N.gz, as cmake --install and
// the Debian package place them, or uncompressed), then the build tree
// (build/src/mentor finds build/man/manN/NAME.N.gz).
std::vector<std::filesystem::path> manual_page_candidates(const std::filesystem::path& bin_dir, const ManualPage& page);

// The first candidate that is a regular file.
std::optional<std::filesystem::path> find_manual_page(const std::filesystem::path& bin_dir, const ManualPage& page);

// The directory of the running executable, when the system says (Linux:
// /proc/self/exe).
std::optional<std::filesystem::path> executable_dir();

} // namespace mentor::cli
