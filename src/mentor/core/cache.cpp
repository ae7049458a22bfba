#include "mentor/core/cache.hpp"

#include "mentor/util/atomic_file.hpp"
#include "mentor/util/version.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <system_error>

namespace mentor::core {

namespace fs = std::filesystem;

namespace {

// Bump when the layout of the file or of any record changes.
constexpr std::uint32_t k_format_version = 2;
constexpr std::string_view k_magic = "mentor record cache\n";
// A cache larger than this is not read (a large directory's is ~10 MB).
constexpr std::size_t k_max_cache_bytes = std::size_t{1} << 30;

// ---- writing ----------------------------------------------------------

class Out
{
public:
  explicit Out(std::string& buffer) : m_buffer(buffer) {}

  template <typename T>
  void raw(T value)
  {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    m_buffer.append(bytes, sizeof(T));
  }
  void u8(unsigned value) { raw(static_cast<std::uint8_t>(value)); }
  void i32(int value) { raw(static_cast<std::int32_t>(value)); }
  void u64(std::uint64_t value) { raw(value); }
  void i64(std::int64_t value) { raw(value); }
  void text(std::string_view value)
  {
    raw(static_cast<std::uint32_t>(value.size()));
    m_buffer.append(value);
  }
  void texts(const std::vector<std::string>& values)
  {
    raw(static_cast<std::uint32_t>(values.size()));
    for (const auto& value : values) {
      text(value);
    }
  }
  void date(const Date& value) { i64(value.days()); }
  void date(const std::optional<Date>& value)
  {
    u8(value ? 1 : 0);
    if (value) {
      date(*value);
    }
  }
  void number(const std::optional<int>& value)
  {
    u8(value ? 1 : 0);
    if (value) {
      i32(*value);
    }
  }
  void pos(const Pos& value)
  {
    i32(value.line);
    i32(value.col);
  }
  void positions(const Positions& value)
  {
    raw(static_cast<std::uint32_t>(value.entries().size()));
    for (const auto& [key, at] : value.entries()) {
      u8(key);
      pos(at);
    }
  }
  void stamp(const util::FileStamp& value)
  {
    u64(value.size);
    i64(value.mtime_ns);
    i64(value.ctime_ns);
    u64(value.inode);
    u64(value.device);
    raw(value.mode);
  }

private:
  std::string& m_buffer;
};

// ---- reading ----------------------------------------------------------

// Reads what Out wrote. Running past the end or reading a value out of
// range marks the reader bad and yields zeros from then on.
class In
{
public:
  explicit In(std::string_view data, bool positions = true) : m_data(data), m_positions(positions) {}

  bool good() const { return m_good; }
  bool at_end() const { return m_pos == m_data.size(); }
  std::size_t position() const { return m_pos; }
  void fail() { m_good = false; }

  template <typename T>
  T raw()
  {
    T value{};
    if (!m_good || m_data.size() - m_pos < sizeof(T)) {
      m_good = false;
      return value;
    }
    std::memcpy(&value, m_data.data() + m_pos, sizeof(T));
    m_pos += sizeof(T);
    return value;
  }
  unsigned u8() { return raw<std::uint8_t>(); }
  int i32() { return raw<std::int32_t>(); }
  std::uint64_t u64() { return raw<std::uint64_t>(); }
  std::int64_t i64() { return raw<std::int64_t>(); }
  std::uint32_t count()
  {
    const auto n = raw<std::uint32_t>();
    // Every item takes at least a byte: a larger count is damage.
    if (n > m_data.size() - m_pos) {
      m_good = false;
      return 0;
    }
    return n;
  }
  std::string_view view()
  {
    const auto n = count();
    if (!m_good) {
      return {};
    }
    const auto out = m_data.substr(m_pos, n);
    m_pos += n;
    return out;
  }
  std::string text() { return std::string(view()); }
  std::vector<std::string> texts()
  {
    std::vector<std::string> out(count());
    for (auto& value : out) {
      value = text();
    }
    return out;
  }
  Date date() { return Date::from_days(static_cast<long>(i64())); }
  std::optional<Date> optional_date()
  {
    switch (u8()) {
    case 0:
      return std::nullopt;
    case 1:
      return date();
    default:
      m_good = false;
      return std::nullopt;
    }
  }
  std::optional<int> number()
  {
    switch (u8()) {
    case 0:
      return std::nullopt;
    case 1:
      return i32();
    default:
      m_good = false;
      return std::nullopt;
    }
  }
  template <typename Enum, std::size_t N>
  Enum choice()
  {
    const auto value = u8();
    if (value >= N) {
      m_good = false;
      return Enum{};
    }
    return static_cast<Enum>(value);
  }
  Pos pos()
  {
    Pos value;
    value.line = i32();
    value.col = i32();
    return value;
  }
  Positions positions()
  {
    Positions value;
    auto n = count();
    if (!m_positions) {
      skip(std::size_t{n} * k_position_bytes);
      return value;
    }
    value.reserve(n);
    for (; n > 0 && m_good; --n) {
      const auto key = static_cast<std::uint8_t>(u8());
      const auto at = pos();
      if (!value.add(key, at)) {
        m_good = false;
      }
    }
    return value;
  }
  // Each entry of Positions as Out::positions wrote it: a key and a Pos.
  static constexpr std::size_t k_position_bytes = sizeof(std::uint8_t) + 2 * sizeof(std::int32_t);
  void skip(std::size_t n)
  {
    if (!m_good || m_data.size() - m_pos < n) {
      m_good = false;
      return;
    }
    m_pos += n;
  }
  util::FileStamp stamp()
  {
    util::FileStamp value;
    value.size = u64();
    value.mtime_ns = i64();
    value.ctime_ns = i64();
    value.inode = u64();
    value.device = u64();
    value.mode = raw<std::uint32_t>();
    return value;
  }

private:
  std::string_view m_data;
  bool m_positions = true;
  std::size_t m_pos = 0;
  bool m_good = true;
};

// ---- records ----------------------------------------------------------

// If a record type gains a field, these fail to compile until the field is
// written and read below (and k_format_version is bumped). The sizes are
// those of x86-64 with libstdc++.
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(Config) == 96, "Config changed: update the record cache");
static_assert(sizeof(Person) == 288, "Person changed: update the record cache");
static_assert(sizeof(Goal) == 128, "Goal changed: update the record cache");
static_assert(sizeof(Action) == 96, "Action changed: update the record cache");
static_assert(sizeof(Session) == 144, "Session changed: update the record cache");
static_assert(sizeof(Pairing) == 296, "Pairing changed: update the record cache");
static_assert(sizeof(store::Problem) == 152, "Problem changed: update the record cache");
#endif

enum class Tag : unsigned { config = 1, person = 2, pairing = 3 };

void put(Out& out, const Config& c)
{
  out.i32(c.version);
  out.text(c.me);
  out.u8(static_cast<unsigned>(c.default_kind));
  out.i32(c.default_duration);
  out.i32(c.default_cadence);
  out.u8(c.git_commit ? 1 : 0);
  out.positions(c.at);
}

void put(Out& out, const Person& p)
{
  out.text(p.slug);
  out.text(p.name);
  out.text(p.email);
  out.text(p.organisation);
  out.text(p.role);
  out.text(p.pseudonym);
  out.texts(p.tags);
  out.text(p.notes);
  out.positions(p.at);
}

void put(Out& out, const Goal& g)
{
  out.text(g.id);
  out.text(g.title);
  out.text(g.measure);
  out.date(g.due);
  out.u8(static_cast<unsigned>(g.status));
  out.pos(g.pos);
  out.positions(g.at);
}

void put(Out& out, const Action& a)
{
  out.text(a.id);
  out.text(a.text);
  out.date(a.due);
  out.date(a.done);
  out.pos(a.pos);
  out.positions(a.at);
}

void put(Out& out, const Session& s)
{
  out.date(s.date);
  out.number(s.duration);
  out.u8(static_cast<unsigned>(s.type));
  out.texts(s.topics);
  out.text(s.notes);
  out.raw(static_cast<std::uint32_t>(s.actions.size()));
  for (const auto& action : s.actions) {
    put(out, action);
  }
  out.u8(s.paid ? (*s.paid ? 2 : 1) : 0);
  out.i32(s.group);
  out.raw(static_cast<std::uint32_t>(s.goal_changes.size()));
  for (const auto& [id, status] : s.goal_changes) {
    out.text(id);
    out.u8(static_cast<unsigned>(status));
  }
  out.pos(s.pos);
  out.positions(s.at);
}

void put(Out& out, const Pairing& p)
{
  out.text(p.slug);
  out.text(p.mentor);
  out.text(p.mentee);
  out.u8(static_cast<unsigned>(p.kind));
  out.u8(static_cast<unsigned>(p.status));
  out.date(p.started);
  out.date(p.until);
  out.date(p.ended);
  out.number(p.cadence);
  out.number(p.duration);
  out.u8(p.paid ? 1 : 0);
  out.text(p.sponsor);
  out.text(p.outcome);
  out.raw(static_cast<std::uint32_t>(p.goals.size()));
  for (const auto& goal : p.goals) {
    put(out, goal);
  }
  out.raw(static_cast<std::uint32_t>(p.sessions.size()));
  for (const auto& session : p.sessions) {
    put(out, session);
  }
  out.positions(p.at);
}

void put(Out& out, const store::Problem& problem)
{
  out.i32(problem.line);
  out.i32(problem.col);
  out.u8(problem.severity == store::Severity::error ? 1 : 0);
  out.text(problem.message);
  out.text(problem.hint);
  out.text(problem.excerpt);
  out.i32(problem.caret);
}

void get(In& in, Config& c)
{
  c.version = in.i32();
  c.me = in.text();
  c.default_kind = in.choice<Kind, 5>();
  c.default_duration = in.i32();
  c.default_cadence = in.i32();
  c.git_commit = in.u8() != 0;
  c.at = in.positions();
}

void get(In& in, Person& p)
{
  p.slug = in.text();
  p.name = in.text();
  p.email = in.text();
  p.organisation = in.text();
  p.role = in.text();
  p.pseudonym = in.text();
  p.tags = in.texts();
  p.notes = in.text();
  p.at = in.positions();
}

void get(In& in, Goal& g)
{
  g.id = in.text();
  g.title = in.text();
  g.measure = in.text();
  g.due = in.optional_date();
  g.status = in.choice<GoalStatus, 3>();
  g.pos = in.pos();
  g.at = in.positions();
}

void get(In& in, Action& a)
{
  a.id = in.text();
  a.text = in.text();
  a.due = in.optional_date();
  a.done = in.optional_date();
  a.pos = in.pos();
  a.at = in.positions();
}

void get(In& in, Session& s)
{
  s.date = in.date();
  s.duration = in.number();
  s.type = in.choice<SessionType, 4>();
  s.topics = in.texts();
  s.notes = in.text();
  s.actions.resize(in.count());
  for (auto& action : s.actions) {
    get(in, action);
  }
  switch (in.u8()) {
  case 0:
    s.paid.reset();
    break;
  case 1:
    s.paid = false;
    break;
  case 2:
    s.paid = true;
    break;
  default:
    in.fail();
  }
  s.group = in.i32();
  s.goal_changes.resize(in.count());
  for (auto& [id, status] : s.goal_changes) {
    id = in.text();
    status = in.choice<GoalStatus, 3>();
  }
  s.pos = in.pos();
  s.at = in.positions();
}

void get(In& in, Pairing& p)
{
  p.slug = in.text();
  p.mentor = in.text();
  p.mentee = in.text();
  p.kind = in.choice<Kind, 5>();
  p.status = in.choice<Status, 3>();
  p.started = in.date();
  p.until = in.optional_date();
  p.ended = in.optional_date();
  p.cadence = in.number();
  p.duration = in.number();
  p.paid = in.u8() != 0;
  p.sponsor = in.text();
  p.outcome = in.text();
  p.goals.resize(in.count());
  for (auto& goal : p.goals) {
    get(in, goal);
  }
  p.sessions.resize(in.count());
  for (auto& session : p.sessions) {
    get(in, session);
  }
  p.at = in.positions();
}

void get(In& in, store::Problem& problem)
{
  problem.line = in.i32();
  problem.col = in.i32();
  problem.severity = in.u8() == 1 ? store::Severity::error : store::Severity::warning;
  problem.message = in.text();
  problem.hint = in.text();
  problem.excerpt = in.text();
  problem.caret = in.i32();
}

std::optional<CachedRecord> deserialize(std::string_view data, bool positions)
{
  In in(data, positions);
  CachedRecord out;
  switch (static_cast<Tag>(in.u8())) {
  case Tag::config:
    get(in, out.record.emplace<Config>());
    break;
  case Tag::person:
    get(in, out.record.emplace<Person>());
    break;
  case Tag::pairing:
    get(in, out.record.emplace<Pairing>());
    break;
  default:
    return std::nullopt;
  }
  out.warnings.resize(in.count());
  for (auto& warning : out.warnings) {
    get(in, warning);
  }
  if (!in.good() || !in.at_end()) {
    return std::nullopt;
  }
  return out;
}

template <typename Record>
std::string serialize_parts(const Record& record, const std::vector<store::Problem>& warnings)
{
  std::string buffer;
  Out out(buffer);
  out.u8(static_cast<unsigned>(std::is_same_v<Record, Config>   ? Tag::config
                               : std::is_same_v<Record, Person> ? Tag::person
                                                                : Tag::pairing));
  put(out, record);
  out.raw(static_cast<std::uint32_t>(warnings.size()));
  for (const auto& warning : warnings) {
    put(out, warning);
  }
  return buffer;
}

bool pread_all(int fd, char* buffer, std::size_t size, std::uint64_t offset)
{
  std::size_t done = 0;
  while (done < size) {
    const auto n = ::pread(fd, buffer + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool pread_all(int fd, std::string& buffer, std::uint64_t offset)
{
  return pread_all(fd, buffer.data(), buffer.size(), offset);
}

// A buffer of this thread's, reused for every entry it reads: neither
// allocated nor cleared per entry (pread fills what is used).
std::string_view read_entry(int fd, std::uint64_t offset, std::size_t length)
{
  thread_local std::unique_ptr<char[]> buffer;
  thread_local std::size_t capacity = 0;
  if (length > capacity) {
    capacity = std::max(length, 2 * capacity);
    buffer.reset(new char[capacity]);
  }
  if (!pread_all(fd, buffer.get(), length, offset)) {
    return {};
  }
  return {buffer.get(), length};
}

bool write_all(int fd, std::string_view data)
{
  while (!data.empty()) {
    const auto n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The file: the header (magic, format version, identity), the entries'
// data, the index (count, then each file's name, stamp, offset, length and
// checksum), and a footer: where the index starts and its checksum.
std::string header()
{
  std::string out(k_magic);
  Out o(out);
  o.raw(k_format_version);
  o.text(RecordCache::identity());
  return out;
}

constexpr std::size_t k_footer_bytes = 2 * sizeof(std::uint64_t);

} // namespace

std::uint64_t checksum(std::string_view data)
{
  constexpr std::uint64_t k_multiplier = 0x9E3779B97F4A7C15ULL;
  std::uint64_t hash = 0xCBF29CE484222325ULL ^ (data.size() * k_multiplier);
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, data.data() + i, 8);
    hash = (hash ^ word) * k_multiplier;
    hash ^= hash >> 29;
  }
  std::uint64_t tail = 0;
  if (i < data.size()) {
    std::memcpy(&tail, data.data() + i, data.size() - i);
  }
  hash = (hash ^ tail) * k_multiplier;
  hash ^= hash >> 32;
  hash *= 0xFF51AFD7ED558CCDULL;
  hash ^= hash >> 33;
  return hash;
}

std::string RecordCache::identity()
{
  // The binary's own stamp: a rebuilt mentor, whose builders may read files
  // differently, never trusts what an older build cached.
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  const auto stamp = ec ? std::nullopt : util::stamp_of(exe);
  return fmt::format("mentor {} format {} binary {}:{}", util::k_version, k_format_version,
                     stamp ? stamp->size : 0, stamp ? stamp->mtime_ns : 0);
}

std::string RecordCache::serialize(const CachedRecord& record)
{
  return std::visit([&](const auto& value) { return serialize_parts(value, record.warnings); }, record.record);
}

RecordCache RecordCache::open(const fs::path& file)
{
  RecordCache cache;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    return cache;
  }
  auto owner = std::shared_ptr<const int>(new int(fd), [](const int* p) {
    ::close(*p);
    delete p;
  });
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_size) > k_max_cache_bytes) {
    return cache;
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  const auto expected = header();
  std::string head(expected.size(), '\0');
  std::string footer(k_footer_bytes, '\0');
  if (size < expected.size() + k_footer_bytes || !pread_all(fd, head, 0) || head != expected
      || !pread_all(fd, footer, size - k_footer_bytes)) {
    return cache;
  }
  In tail(footer);
  const auto index_start = tail.u64();
  const auto index_checksum = tail.u64();
  if (index_start < expected.size() || index_start > size - k_footer_bytes) {
    return cache;
  }
  auto index_bytes = std::make_shared<std::string>(size - k_footer_bytes - index_start, '\0');
  if (!pread_all(fd, *index_bytes, index_start) || checksum(*index_bytes) != index_checksum) {
    return cache;
  }
  In in(*index_bytes);
  const auto count = in.count();
  std::vector<Named> index;
  index.reserve(count);
  for (std::uint32_t i = 0; i < count && in.good(); ++i) {
    Named named;
    named.name = in.view();
    named.slot.stamp = in.stamp();
    named.slot.offset = in.u64();
    named.slot.length = in.u64();
    named.slot.checksum = in.u64();
    auto& slot = named.slot;
    if (slot.offset < expected.size() || slot.offset > index_start || slot.length > index_start - slot.offset) {
      return cache;
    }
    index.push_back(named);
  }
  if (!in.good() || !in.at_end()) {
    return cache;
  }
  // Writers sort the index by name; one that is not sorted is sorted here,
  // and a name given twice makes the cache unusable (which entry is right?).
  const auto by_name = [](const Named& a, const Named& b) { return a.name < b.name; };
  if (!std::is_sorted(index.begin(), index.end(), by_name)) {
    std::sort(index.begin(), index.end(), by_name);
  }
  if (std::adjacent_find(index.begin(), index.end(),
                         [](const Named& a, const Named& b) { return a.name == b.name; })
      != index.end()) {
    return cache;
  }
  cache.m_fd = std::move(owner);
  cache.m_index_bytes = std::move(index_bytes);
  cache.m_index = std::move(index);
  return cache;
}

const RecordCache::Named* RecordCache::named(std::string_view relative) const
{
  const auto it = std::lower_bound(m_index.begin(), m_index.end(), relative,
                                   [](const Named& named, std::string_view name) { return named.name < name; });
  return it != m_index.end() && it->name == relative ? &*it : nullptr;
}

std::optional<CachedRecord> RecordCache::find(std::string_view relative, const util::FileStamp& stamp,
                                              WithPositions positions) const
{
  const Named* found = named(relative);
  if (!found || !(found->slot.stamp == stamp)) {
    return std::nullopt;
  }
  const Slot* slot = &found->slot;
  const auto entry = read_entry(*m_fd, slot->offset, slot->length);
  if (entry.size() != slot->length || checksum(entry) != slot->checksum) {
    return std::nullopt;
  }
  return deserialize(entry, positions == WithPositions::yes);
}

RecordCache::Writer::Writer(fs::path file, const RecordCache& old) : m_file(std::move(file)), m_old(old) {}

RecordCache::Writer::~Writer()
{
  if (m_fd >= 0) {
    ::close(m_fd);
    ::unlink(m_temporary.c_str());
  }
}

bool RecordCache::Writer::open_temporary()
{
  if (m_fd >= 0 || !m_ok) {
    return m_ok;
  }
  // A temporary file of this process's own, renamed over the cache: readers
  // and racing writers see one whole cache or another.
  m_temporary = m_file.parent_path() / fmt::format(".{}.{}.tmp", m_file.filename().string(), ::getpid());
  m_fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  const auto head = header();
  m_ok = m_fd >= 0 && write_all(m_fd, head);
  m_offset = head.size();
  return m_ok;
}

void RecordCache::Writer::append(const std::string& relative, const util::FileStamp& stamp, std::string_view data,
                                 std::uint64_t sum)
{
  if (!open_temporary()) {
    return;
  }
  m_ok = write_all(m_fd, data);
  m_entries.push_back(Entry{relative, stamp, m_offset, data.size(), sum});
  m_offset += data.size();
}

template <typename Record>
void RecordCache::Writer::add(const std::string& relative, const util::FileStamp& stamp, const Record& record,
                              const std::vector<store::Problem>& warnings)
{
  const auto data = serialize_parts(record, warnings);
  const auto sum = checksum(data);
  const std::lock_guard lock(m_mutex);
  m_added = true;
  append(relative, stamp, data, sum);
}

template void RecordCache::Writer::add(const std::string&, const util::FileStamp&, const Config&,
                                       const std::vector<store::Problem>&);
template void RecordCache::Writer::add(const std::string&, const util::FileStamp&, const Person&,
                                       const std::vector<store::Problem>&);
template void RecordCache::Writer::add(const std::string&, const util::FileStamp&, const Pairing&,
                                       const std::vector<store::Problem>&);

void RecordCache::Writer::keep(std::string_view relative)
{
  const Named* found = m_old.named(relative);
  if (!found) {
    return;
  }
  const std::lock_guard lock(m_mutex);
  m_kept.push_back(static_cast<std::size_t>(found - m_old.m_index.data()));
}

bool RecordCache::Writer::commit()
{
  const std::lock_guard lock(m_mutex);
  if (!m_added && m_kept.size() == m_old.m_index.size()) {
    return false;  // the same cache as before
  }
  // The entries kept are copied from the old cache, checked once more.
  for (const auto at : m_kept) {
    const auto& [name, slot] = m_old.m_index[at];
    const auto entry = read_entry(*m_old.m_fd, slot.offset, slot.length);
    if (entry.size() == slot.length && checksum(entry) == slot.checksum) {
      append(std::string(name), slot.stamp, entry, slot.checksum);
    }
  }
  if (!open_temporary()) {
    return false;
  }
  // The index sorted by name, as readers look names up.
  std::sort(m_entries.begin(), m_entries.end(),
            [](const Entry& a, const Entry& b) { return a.relative < b.relative; });
  std::string index;
  Out out(index);
  out.raw(static_cast<std::uint32_t>(m_entries.size()));
  for (const auto& entry : m_entries) {
    out.text(entry.relative);
    out.stamp(entry.stamp);
    out.u64(entry.offset);
    out.u64(entry.length);
    out.u64(entry.checksum);
  }
  std::string footer;
  Out tail(footer);
  tail.u64(m_offset);
  tail.u64(checksum(index));
  m_ok = m_ok && write_all(m_fd, index) && write_all(m_fd, footer);
  const bool closed = ::close(m_fd) == 0;
  m_fd = -1;
  if (m_ok && closed && ::rename(m_temporary.c_str(), m_file.c_str()) == 0) {
    return true;
  }
  ::unlink(m_temporary.c_str());
  return false;
}

} // namespace mentor::core
