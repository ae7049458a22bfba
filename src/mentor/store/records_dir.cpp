#include "mentor/store/records_dir.hpp"

#include "mentor/store/parse.hpp"
#include "mentor/util/atomic_file.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/slug.hpp"

#include <fmt/format.h>

#include <dirent.h>

#include <algorithm>
#include <string_view>
#include <system_error>

namespace fs = std::filesystem;

namespace mentor::store {

namespace {

const char* folder_name(Folder folder)
{
  return folder == Folder::people ? "people" : "pairings";
}

bool valid_for(Folder folder, std::string_view slug)
{
  return folder == Folder::people ? util::is_valid_slug(slug) : is_valid_pairing_slug(slug);
}

// Where mentor.yaml is, in any form: a root whose mentor.yaml is a folder
// or a link is still the root, and loading it says what is wrong.
bool has_config(const fs::path& dir)
{
  std::error_code ec;
  return fs::symlink_status(dir / RecordsDir::config_file(), ec).type() != fs::file_type::not_found;
}

} // namespace

RecordsDir RecordsDir::locate(const std::optional<std::string>& dir, const fs::path& cwd)
{
  std::error_code ec;
  if (dir && !dir->empty()) {
    const fs::path root = fs::path(*dir).is_absolute() ? fs::path(*dir) : cwd / *dir;
    if (!fs::is_directory(root, ec)) {
      throw Error(fmt::format("{}: no such directory", *dir),
                  fmt::format("create it with `mentor init {}`", *dir));
    }
    if (!has_config(root)) {
      throw Error(fmt::format("{}: not a mentor records directory (no mentor.yaml)", *dir),
                  fmt::format("run `mentor init {}` to start one there", *dir));
    }
    return RecordsDir(fs::weakly_canonical(root, ec), cwd);
  }
  for (fs::path p = cwd; !p.empty(); p = p.parent_path()) {
    if (has_config(p)) {
      return RecordsDir(p, cwd);
    }
    if (p == p.parent_path()) {
      break;
    }
  }
  throw Error("no records directory here: no mentor.yaml in this directory or any parent",
              "run `mentor init` to start one, or pass --dir DIR (or set MENTOR_DIR)");
}

RecordsDir::RecordsDir(fs::path root, fs::path cwd) : m_root(std::move(root))
{
  const auto relative = m_root.lexically_relative(cwd);
  if (relative.empty() || relative == ".") {
    m_display_prefix = "";
  } else {
    const auto text = relative.string();
    // Deep ../../.. chains read worse than the absolute path.
    m_display_prefix = (text.starts_with("../../..") ? m_root.string() : text) + "/";
  }
}

bool is_valid_pairing_slug(std::string_view slug)
{
  const auto split = slug.find("--");
  if (split == std::string_view::npos) {
    return false;
  }
  // The mentee's part may carry a "-2", "-3"… past the 64 characters of a
  // slug: check its shape on a copy cut to a slug's length.
  const auto mentee = slug.substr(split + 2);
  const bool shape = !mentee.empty() && mentee.size() <= util::k_max_slug_length + 8
                     && mentee.front() != '-' && mentee.back() != '-' && mentee.find("--") == std::string_view::npos
                     && mentee.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
  return shape && util::is_valid_slug(slug.substr(0, split));
}

std::string RecordsDir::record_file(Folder folder, std::string_view slug)
{
  if (!valid_for(folder, slug)) {
    throw UsageError(fmt::format("\"{}\" is not a valid id", slug),
                     "ids are lower-case letters and digits joined by single hyphens, at most 64 characters");
  }
  return fmt::format("{}/{}.yaml", folder_name(folder), slug);
}

std::string RecordsDir::display(const std::string& relative) const
{
  return m_display_prefix + relative;
}

bool RecordsDir::exists(const std::string& relative) const
{
  std::error_code ec;
  return fs::symlink_status(absolute(relative), ec).type() != fs::file_type::not_found;
}

void RecordsDir::check_folder(const std::string& relative) const
{
  const auto slash = relative.find('/');
  if (slash == std::string::npos) {
    return;
  }
  const auto folder = relative.substr(0, slash);
  std::error_code ec;
  const auto type = fs::symlink_status(m_root / folder, ec).type();
  if (type == fs::file_type::symlink) {
    throw Error(fmt::format("{}/ is a symbolic link; mentor keeps every record inside the records directory",
                            display(folder)),
                fmt::format("move the folder it points to into its place (`rm {0}` and `mv TARGET {0}`), so that "
                            "what mentor writes stays where you expect it",
                            display(folder)));
  }
  if (type != fs::file_type::not_found && type != fs::file_type::directory) {
    throw Error(fmt::format("{} is not a folder", display(folder)),
                fmt::format("mentor keeps its records in the folder {}/: move the file that is in the way", folder));
  }
}

std::vector<std::string> RecordsDir::list(Folder folder) const
{
  check_folder(std::string(folder_name(folder)) + "/");
  std::vector<std::string> slugs;
  // readdir rather than std::filesystem: a folder of 10,000 pairings costs a
  // path object per entry there, which made up most of what `log` spent on a
  // large directory; here only the names that are records are copied.
  DIR* folder_dir = ::opendir((m_root / folder_name(folder)).c_str());
  if (folder_dir == nullptr) {
    return slugs;
  }
  while (const dirent* entry = ::readdir(folder_dir)) {
    const std::string_view name(entry->d_name);
    if (name.size() > 5 && name.ends_with(".yaml")) {
      std::string slug(name.substr(0, name.size() - 5));
      if (valid_for(folder, slug)) {
        slugs.push_back(std::move(slug));
      }
    }
  }
  ::closedir(folder_dir);
  std::sort(slugs.begin(), slugs.end());
  return slugs;
}

Document RecordsDir::load(const std::string& relative) const
{
  // read_file refuses links, folders and oversized files (by their size,
  // before reading a byte) with the file's name in the message.
  check_folder(relative);
  auto text = util::read_file(absolute(relative), k_max_file_bytes, display(relative));
  return parse_document(display(relative), std::move(text));
}

void RecordsDir::create(const std::string& relative, const std::string& text) const
{
  check_folder(relative);
  const auto path = absolute(relative);
  util::create_private_directories(path.parent_path());
  util::write_file_atomic(path, text, util::Overwrite::no, 0600, display(relative));
}

void RecordsDir::replace(const std::string& relative, const std::string& text) const
{
  check_folder(relative);
  util::write_file_atomic(absolute(relative), text, util::Overwrite::yes, 0600, display(relative));
}

util::FileLock RecordsDir::lock() const
{
  util::create_private_directories(m_root / ".mentor");
  util::FileLock lock(m_root / ".mentor" / "lock");
  // With the lock held no write is under way: a temporary file still there
  // is what a killed write left behind.
  for (const auto* folder : {".", "people", "pairings"}) {
    const auto path = m_root / folder;
    std::error_code ec;
    if (fs::symlink_status(path, ec).type() == fs::file_type::directory) {
      util::remove_stale_temporaries(path);
    }
  }
  return lock;
}

} // namespace mentor::store
