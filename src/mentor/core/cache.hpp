#pragma once

#include "mentor/core/model.hpp"
#include "mentor/store/source_error.hpp"
#include "mentor/util/file_stamp.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mentor::core {

// One file's record as the builders made it (notes left out), with the
// warnings they gave. Files with errors are never cached.
struct CachedRecord
{
  std::variant<Config, Person, Pairing> record;
  std::vector<store::Problem> warnings;  // `file` left empty
};

// The record cache, .mentor/cache: what every file of the records directory
// built to when it was last read, keyed by the file's stamp (size, mtime and
// ctime in nanoseconds, inode, device, mode). It can never serve stale data:
//  - an entry is used only when the file's stamp is exactly the one it was
//    read with, and files changed just before being read are not cached at
//    all (they might change again within the same timestamp: see
//    util::changed_recently);
//  - the cache is tied to the mentor binary that wrote it (its version, size
//    and mtime) and to a format version;
//  - the index and every entry carry a checksum: anything damaged, truncated
//    or foreign is ignored and the files are parsed instead.
// Writers replace the whole file atomically (a temporary file and rename),
// so racing processes each leave a complete cache; the last one wins.
class RecordCache
{
public:
  // An empty cache.
  RecordCache() = default;

  // The cache at `file`: its index is read now, each entry when it is
  // asked for. Empty when the file is missing, damaged or written by
  // another build of mentor.
  static RecordCache open(const std::filesystem::path& file);

  // The cached record of `relative` when its stamp is still `stamp` and its
  // entry is intact; with Positions::no, without the positions of keys.
  // Safe to call from several threads at once.
  enum class WithPositions { no, yes };
  std::optional<CachedRecord> find(std::string_view relative, const util::FileStamp& stamp,
                                   WithPositions positions = WithPositions::yes) const;

  std::size_t size() const { return m_index.size(); }

  // Writes the next cache, atomically and without fsync (it is only a
  // cache): every file read goes in with add() (parsed now) or keep() (taken
  // from `old` unchanged), from any thread; commit() then writes the cache,
  // but only when it would differ from `old`. Nothing is left behind when
  // commit() is not reached or fails.
  class Writer
  {
  public:
    Writer(std::filesystem::path file, const RecordCache& old);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    template <typename Record>
    void add(const std::string& relative, const util::FileStamp& stamp, const Record& record,
             const std::vector<store::Problem>& warnings);
    void keep(std::string_view relative);
    // Whether a new cache was written. Failing to write it is not an error:
    // the records are read without it next time.
    bool commit();

  private:
    void append(const std::string& relative, const util::FileStamp& stamp, std::string_view data,
                std::uint64_t sum);
    bool open_temporary();

    std::filesystem::path m_file;
    std::filesystem::path m_temporary;
    const RecordCache& m_old;
    std::mutex m_mutex;
    int m_fd = -1;
    bool m_ok = true;
    bool m_added = false;
    std::uint64_t m_offset = 0;
    struct Entry
    {
      std::string relative;
      util::FileStamp stamp;
      std::uint64_t offset = 0;
      std::uint64_t length = 0;
      std::uint64_t checksum = 0;
    };
    std::vector<Entry> m_entries;     // of the new cache, as written
    std::vector<std::size_t> m_kept;  // into m_old.m_index
  };

  // What the cache is tied to: the format version and this binary.
  static std::string identity();

  // One entry's bytes (exposed for the tests of damage).
  static std::string serialize(const CachedRecord& record);

private:
  struct Slot
  {
    util::FileStamp stamp;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint64_t checksum = 0;
  };

  struct Named
  {
    std::string_view name;  // into m_index_bytes
    Slot slot;
  };
  const Named* named(std::string_view relative) const;

  std::shared_ptr<const int> m_fd;  // closed with the last copy
  // The index as read: one block of bytes and a table sorted by name into it
  // (no allocation per file: a large directory has tens of thousands).
  std::shared_ptr<const std::string> m_index_bytes;
  std::vector<Named> m_index;
};

// A fast 64-bit checksum (not cryptographic), for telling damaged data.
std::uint64_t checksum(std::string_view data);

} // namespace mentor::core
