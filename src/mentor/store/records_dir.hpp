#pragma once

#include "mentor/store/document.hpp"
#include "mentor/util/file_lock.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mentor::store {

enum class Folder { people, pairings };

// A pairing's id: "<mentor-slug>--<mentee-slug>", maybe with "-2", "-3"…
bool is_valid_pairing_slug(std::string_view slug);

// The records directory: where it is, which files it holds, and the only
// ways mentor reads and writes them. Every path is built here from a
// validated slug, so nothing a user types can reach outside the directory.
class RecordsDir
{
public:
  // The root: `dir` when given (from --dir or $MENTOR_DIR), else the nearest
  // parent of `cwd` holding mentor.yaml. Throws mentor::Error when there is
  // none, with a hint to run `mentor init`.
  static RecordsDir locate(const std::optional<std::string>& dir, const std::filesystem::path& cwd);

  // A directory known to be the root (used by init and tests).
  RecordsDir(std::filesystem::path root, std::filesystem::path cwd);

  const std::filesystem::path& root() const { return m_root; }

  static std::string config_file() { return "mentor.yaml"; }
  // "people/<slug>.yaml" / "pairings/<slug>.yaml"; throws UsageError for a
  // string that is not a slug.
  static std::string record_file(Folder folder, std::string_view slug);

  std::filesystem::path absolute(const std::string& relative) const { return m_root / relative; }
  // How a file is named in messages: relative to the working directory.
  std::string display(const std::string& relative) const;

  bool exists(const std::string& relative) const;
  // Slugs of the *.yaml files in a folder, sorted. Names that are not slugs
  // are skipped here (mentor check reports them). A folder that is a
  // symbolic link is refused.
  std::vector<std::string> list(Folder folder) const;

  // Reads and parses a file; throws SourceError or mentor::Error.
  Document load(const std::string& relative) const;

  // Creates a new file (0600, folders 0700); an existing file is an error.
  void create(const std::string& relative, const std::string& text) const;
  // Replaces a file that was loaded, atomically, keeping its mode.
  void replace(const std::string& relative, const std::string& text) const;

  // The exclusive writer lock, .mentor/lock (created on first use). Taking
  // it removes the temporary files that killed writes left behind.
  util::FileLock lock() const;

private:
  // Refuses a folder of `relative` (people/, pairings/) that is a symbolic
  // link or not a folder: every record lives inside the records directory.
  void check_folder(const std::string& relative) const;

  std::filesystem::path m_root;
  std::string m_display_prefix;
};

} // namespace mentor::store
