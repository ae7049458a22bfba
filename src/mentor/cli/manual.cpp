#include "mentor/cli/manual.hpp"

#include <fmt/format.h>

#include <system_error>

namespace fs = std::filesystem;

namespace mentor::cli {

std::string ManualPage::title() const
{
  return fmt::format("{}({})", name, section);
}

std::vector<fs::path> manual_page_candidates(const fs::path& bin_dir, const ManualPage& page)
{
  const auto folder = fmt::format("man{}", page.section);
  const auto file = fmt::format("{}.{}", page.name, page.section);
  const auto prefix = bin_dir.parent_path();
  const auto installed = prefix / "share" / "man" / folder;
  return {installed / (file + ".gz"), installed / file, prefix / "man" / folder / (file + ".gz")};
}

std::optional<fs::path> find_manual_page(const fs::path& bin_dir, const ManualPage& page)
{
  for (const auto& candidate : manual_page_candidates(bin_dir, page)) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::optional<fs::path> executable_dir()
{
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || !exe.is_absolute()) {
    return std::nullopt;
  }
  return exe.parent_path();
}

} // namespace mentor::cli
