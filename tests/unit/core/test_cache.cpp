#include "mentor/core/cache.hpp"
#include "mentor/core/build.hpp"
#include "mentor/store/records_dir.hpp"

#include "testutil.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace mentor;
using mentor::testutil::read_text;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;
namespace fs = std::filesystem;
using core::RecordCache;

namespace {

// Every record of the examples, built as the loader builds them.
struct Example
{
  std::string relative;
  core::CachedRecord record;
};

std::vector<Example> examples()
{
  const fs::path root = fs::path(MENTOR_SOURCE_DIR) / "examples";
  const store::RecordsDir dir(root, root);
  std::vector<Example> out;
  core::Problems problems;
  out.push_back({"mentor.yaml", {core::build_config(dir.load("mentor.yaml"), problems), {}}});
  for (const auto& slug : dir.list(store::Folder::people)) {
    const auto relative = store::RecordsDir::record_file(store::Folder::people, slug);
    out.push_back({relative, {core::build_person(dir.load(relative), slug, problems), {}}});
  }
  for (const auto& slug : dir.list(store::Folder::pairings)) {
    const auto relative = store::RecordsDir::record_file(store::Folder::pairings, slug);
    out.push_back({relative, {core::build_pairing(dir.load(relative), slug, problems), {}}});
  }
  REQUIRE(problems.list().empty());
  // The file a record was read from is not cached (it is shown relative to
  // the working directory); warnings are, with every field but the file.
  for (auto& example : out) {
    std::visit([](auto& record) { record.file.clear(); }, example.record.record);
  }
  store::Problem warning;
  warning.line = 3;
  warning.col = 7;
  warning.severity = store::Severity::warning;
  warning.message = "a warning";
  warning.hint = "a hint";
  warning.excerpt = "the: line";
  warning.caret = 7;
  out.back().record.warnings.push_back(warning);
  return out;
}

util::FileStamp stamp_for(std::size_t i)
{
  util::FileStamp stamp;
  stamp.size = 100 + i;
  stamp.mtime_ns = 1'700'000'000'000'000'000 + static_cast<std::int64_t>(i);
  stamp.ctime_ns = stamp.mtime_ns + 5;
  stamp.inode = 4000 + i;
  stamp.device = 42;
  stamp.mode = 0100600;
  return stamp;
}

void write_cache(const fs::path& file, const std::vector<Example>& records)
{
  const RecordCache empty;
  RecordCache::Writer writer(file, empty);
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::visit([&](const auto& record) { writer.add(records[i].relative, stamp_for(i), record, records[i].record.warnings); },
               records[i].record.record);
  }
  REQUIRE(writer.commit());
}

bool same_warnings(const std::vector<store::Problem>& a, const std::vector<store::Problem>& b)
{
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].line != b[i].line || a[i].col != b[i].col || a[i].severity != b[i].severity
        || a[i].message != b[i].message || a[i].hint != b[i].hint || a[i].excerpt != b[i].excerpt
        || a[i].caret != b[i].caret) {
      return false;
    }
  }
  return true;
}

} // namespace

TEST_CASE("cache: every record of the examples comes back exactly, notes, positions and warnings included")
{
  TempDir tmp;
  const auto records = examples();
  write_cache(tmp / "cache", records);
  const auto cache = RecordCache::open(tmp / "cache");
  CHECK(cache.size() == records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    CAPTURE(records[i].relative);
    const auto found = cache.find(records[i].relative, stamp_for(i));
    REQUIRE(found);
    CHECK(found->record == records[i].record.record);
    CHECK(same_warnings(found->warnings, records[i].record.warnings));
  }
}

TEST_CASE("cache: settings with every key of mentor.yaml away from its default come back exactly")
{
  // A field that the cache forgets comes back with its default value: with
  // every key set to something else, the round trip shows it. A new key of
  // mentor.yaml belongs here (and in the cache's format, with a new version).
  TempDir tmp;
  write_text(tmp / "records/mentor.yaml", "version: 1\n"
                                           "me: sam-okafor\n"
                                           "defaults:\n"
                                           "  kind: supervision\n"
                                           "  duration: 1h30m\n"
                                           "  cadence: none\n"
                                           "git:\n"
                                           "  commit: true\n");
  const store::RecordsDir dir(tmp / "records", tmp / "records");
  core::Problems problems;
  auto config = core::build_config(dir.load("mentor.yaml"), problems);
  REQUIRE(problems.list().empty());
  config.file.clear();
  const core::Config defaults;
  CHECK(config.me != defaults.me);
  CHECK(config.default_kind != defaults.default_kind);
  CHECK(config.default_duration != defaults.default_duration);
  CHECK(config.default_cadence != defaults.default_cadence);
  CHECK(config.git_commit != defaults.git_commit);

  write_cache(tmp / "cache", {Example{"mentor.yaml", {config, {}}}});
  const auto found = RecordCache::open(tmp / "cache").find("mentor.yaml", stamp_for(0));
  REQUIRE(found);
  CHECK(std::get<core::Config>(found->record) == config);
}

TEST_CASE("cache: without positions, the same records with no positions")
{
  TempDir tmp;
  const auto records = examples();
  write_cache(tmp / "cache", records);
  const auto cache = RecordCache::open(tmp / "cache");
  const auto& pairing = std::get<core::Pairing>(records.back().record.record);
  const auto found = cache.find(records.back().relative, stamp_for(records.size() - 1), RecordCache::WithPositions::no);
  REQUIRE(found);
  const auto& got = std::get<core::Pairing>(found->record);
  CHECK(got.at.entries().empty());
  CHECK(got.sessions.size() == pairing.sessions.size());
  CHECK(got.sessions.back().date == pairing.sessions.back().date);
  CHECK_FALSE(pairing.at.entries().empty());
}

TEST_CASE("cache: an entry is served only for exactly the stamp it was read with")
{
  TempDir tmp;
  const auto records = examples();
  write_cache(tmp / "cache", records);
  const auto cache = RecordCache::open(tmp / "cache");
  const auto& name = records[1].relative;
  const auto good = stamp_for(1);
  CHECK(cache.find(name, good));
  for (int field = 0; field < 6; ++field) {
    auto stamp = good;
    switch (field) {
    case 0: stamp.size += 1; break;
    case 1: stamp.mtime_ns += 1; break;
    case 2: stamp.ctime_ns += 1; break;
    case 3: stamp.inode += 1; break;
    case 4: stamp.device += 1; break;
    case 5: stamp.mode ^= 0044; break;
    }
    CAPTURE(field);
    CHECK_FALSE(cache.find(name, stamp));
  }
  CHECK_FALSE(cache.find("people/nobody.yaml", good));
}

TEST_CASE("cache: damage anywhere gives a miss, never a wrong record")
{
  TempDir tmp;
  const auto records = examples();
  write_cache(tmp / "cache", records);
  const auto good = read_text(tmp / "cache");
  auto never_wrong = [&](const std::string& bytes) {
    write_text(tmp / "damaged", bytes);
    const auto cache = RecordCache::open(tmp / "damaged");
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (const auto found = cache.find(records[i].relative, stamp_for(i))) {
        CHECK(found->record == records[i].record.record);
      }
    }
  };
  for (std::size_t at = 0; at < good.size(); at += 13) {
    auto bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x01);
    never_wrong(bad);
  }
  for (std::size_t size = 0; size < good.size(); size += 29) {
    never_wrong(good.substr(0, size));
  }
  never_wrong(good + "more");
}

TEST_CASE("cache: the writer writes nothing when the cache would not change")
{
  TempDir tmp;
  const auto records = examples();
  write_cache(tmp / "cache", records);
  const auto before = read_text(tmp / "cache");
  const auto cache = RecordCache::open(tmp / "cache");
  {
    RecordCache::Writer writer(tmp / "cache", cache);
    for (const auto& record : records) {
      writer.keep(record.relative);
    }
    CHECK_FALSE(writer.commit());
  }
  {
    // One file fewer: a new cache, with the others copied over.
    RecordCache::Writer writer(tmp / "cache", cache);
    for (std::size_t i = 1; i < records.size(); ++i) {
      writer.keep(records[i].relative);
    }
    CHECK(writer.commit());
  }
  const auto after = RecordCache::open(tmp / "cache");
  CHECK(after.size() == records.size() - 1);
  CHECK_FALSE(after.find(records[0].relative, stamp_for(0)));
  CHECK(after.find(records[2].relative, stamp_for(2))->record == records[2].record.record);
  for (const auto& entry : fs::directory_iterator(tmp.path())) {
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  }
}

TEST_CASE("cache: entries written in any order are all found; a file named twice spoils the cache")
{
  TempDir tmp;
  const auto records = examples();
  REQUIRE(records.size() > 2);
  // Threads add entries in whatever order they finish: here, backwards.
  {
    const RecordCache none;
    RecordCache::Writer writer(tmp / "cache", none);
    for (std::size_t i = records.size(); i-- > 0;) {
      std::visit([&](const auto& record) { writer.add(records[i].relative, stamp_for(i), record, records[i].record.warnings); },
                 records[i].record.record);
    }
    REQUIRE(writer.commit());
  }
  const auto cache = RecordCache::open(tmp / "cache");
  CHECK(cache.size() == records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto found = cache.find(records[i].relative, stamp_for(i));
    REQUIRE(found);
    CHECK(found->record == records[i].record.record);
  }
  // Two entries for one file: which is right cannot be told, so neither is used.
  {
    const RecordCache none;
    RecordCache::Writer writer(tmp / "twice", none);
    for (const std::size_t i : {std::size_t{0}, std::size_t{1}}) {
      std::visit([&](const auto& record) { writer.add(records[0].relative, stamp_for(0), record, {}); },
                 records[i].record.record);
    }
    REQUIRE(writer.commit());
  }
  CHECK(RecordCache::open(tmp / "twice").size() == 0);
  CHECK_FALSE(RecordCache::open(tmp / "twice").find(records[0].relative, stamp_for(0)));
}

TEST_CASE("cache: a cache of another mentor build is not read")
{
  TempDir tmp;
  const auto records = examples();
  write_cache(tmp / "cache", records);
  auto bytes = read_text(tmp / "cache");
  const auto identity = RecordCache::identity();
  const auto at = bytes.find(identity);
  REQUIRE(at != std::string::npos);
  bytes[at + identity.size() - 1] = static_cast<char>(bytes[at + identity.size() - 1] ^ 1);
  write_text(tmp / "cache", bytes);
  CHECK(RecordCache::open(tmp / "cache").size() == 0);
}

TEST_CASE("cache: checksum tells one changed bit, at any length")
{
  for (std::size_t n : {1U, 7U, 8U, 9U, 64U, 1000U}) {
    std::string data(n, 'a');
    const auto sum = core::checksum(data);
    data[n / 2] = 'b';
    CHECK(core::checksum(data) != sum);
  }
  CHECK(core::checksum("") != core::checksum(std::string(1, '\0')));
}
