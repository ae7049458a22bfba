#include "mentor/core/model.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>

namespace mentor::core {

namespace {

// Every key mentor reads in any of its files. New keys go at the end: the
// numbers are stored in the record cache (bump its format version if this
// table changes otherwise).
constexpr std::array<std::string_view, 38> k_keys = {
  "version", "me", "defaults", "kind", "duration", "cadence",                        // mentor.yaml
  "name", "email", "organisation", "role", "pseudonym", "tags", "notes",            // people
  "mentor", "mentee", "status", "started", "until", "ended", "paid", "sponsor",     // pairings
  "outcome", "goals", "sessions",
  "id", "title", "measure", "due",                                                   // goals
  "date", "type", "topics", "actions", "group",                                      // sessions
  "text", "done",                                                                    // actions
  "git", "commit", "sync"};

std::optional<std::uint8_t> key_number(std::string_view key)
{
  for (std::size_t i = 0; i < k_keys.size(); ++i) {
    if (k_keys[i] == key) {
      return static_cast<std::uint8_t>(i);
    }
  }
  return std::nullopt;
}

} // namespace

std::string_view key_name(std::uint8_t key)
{
  return key < k_keys.size() ? k_keys[key] : std::string_view();
}

struct Positions::Block
{
  std::uint32_t size = 0;
  std::uint32_t capacity = 0;

  Entry* data() { return std::launder(reinterpret_cast<Entry*>(this + 1)); }

  static Block* make(std::uint32_t capacity)
  {
    static_assert(alignof(Entry) <= alignof(Block) && std::is_trivially_destructible_v<Entry>);
    void* raw = ::operator new(sizeof(Block) + std::size_t{capacity} * sizeof(Entry));
    return new (raw) Block{0, capacity};
  }
  // Made with make(): the entries need no destruction.
  static void free(Block* block) { ::operator delete(block); }
};

Positions::Positions(const Positions& other)
{
  const auto from = other.entries();
  if (!from.empty()) {
    m_block = Block::make(static_cast<std::uint32_t>(from.size()));
    std::uninitialized_copy(from.begin(), from.end(), m_block->data());
    m_block->size = static_cast<std::uint32_t>(from.size());
  }
}

Positions& Positions::operator=(const Positions& other)
{
  if (this != &other) {
    Positions copy(other);
    *this = std::move(copy);
  }
  return *this;
}

Positions& Positions::operator=(Positions&& other) noexcept
{
  if (this != &other) {
    if (m_block != nullptr) {
      release();
    }
    m_block = std::exchange(other.m_block, nullptr);
  }
  return *this;
}

void Positions::release() noexcept
{
  Block::free(m_block);
  m_block = nullptr;
}

std::span<const Positions::Entry> Positions::entries() const
{
  if (m_block == nullptr) {
    return {};
  }
  return {m_block->data(), m_block->size};
}

bool Positions::operator==(const Positions& other) const
{
  return std::ranges::equal(entries(), other.entries());
}

void Positions::reserve(std::size_t n)
{
  const auto have = m_block ? m_block->capacity : 0;
  if (n <= have) {
    return;
  }
  if (n > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("Positions: too many keys");
  }
  Block* grown = Block::make(static_cast<std::uint32_t>(n));
  const auto old = entries();
  std::uninitialized_copy(old.begin(), old.end(), grown->data());
  grown->size = static_cast<std::uint32_t>(old.size());
  Block::free(m_block);
  m_block = grown;
}

void Positions::push(std::uint8_t key, Pos pos)
{
  const auto size = m_block ? m_block->size : 0;
  if (m_block == nullptr || size == m_block->capacity) {
    reserve(size == 0 ? 4 : std::size_t{size} * 2);
  }
  new (m_block->data() + size) Entry(key, pos);
  ++m_block->size;
}

void Positions::set(std::string_view key, Pos pos)
{
  if (auto number = key_number(key)) {
    push(*number, pos);
  }
}

bool Positions::add(std::uint8_t key, Pos pos)
{
  if (key >= k_keys.size()) {
    return false;
  }
  push(key, pos);
  return true;
}

Pos Positions::of(std::string_view key, Pos fallback) const
{
  const auto number = key_number(key);
  if (!number) {
    return fallback;
  }
  for (const auto& [name, pos] : entries()) {
    if (name == *number) {
      return pos;
    }
  }
  return fallback;
}

namespace {

constexpr std::array<std::string_view, 5> k_kinds = {"coaching", "mentoring", "peer", "shadowing", "supervision"};
constexpr std::array<std::string_view, 3> k_statuses = {"active", "paused", "ended"};
constexpr std::array<std::string_view, 3> k_goal_statuses = {"open", "achieved", "dropped"};
constexpr std::array<std::string_view, 4> k_session_types = {"session", "chemistry", "review", "closing"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<std::string_view, N>& names, std::string_view text)
{
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      return static_cast<Enum>(i);
    }
  }
  return std::nullopt;
}

template <std::size_t N>
std::string choices(const std::array<std::string_view, N>& names)
{
  std::string out;
  for (auto name : names) {
    out += (out.empty() ? "" : " | ") + std::string(name);
  }
  return out;
}

} // namespace

std::string_view to_string(Kind kind)
{
  return k_kinds[static_cast<std::size_t>(kind)];
}

std::string_view to_string(Status status)
{
  return k_statuses[static_cast<std::size_t>(status)];
}

std::string_view to_string(GoalStatus status)
{
  return k_goal_statuses[static_cast<std::size_t>(status)];
}

std::string_view to_string(SessionType type)
{
  return k_session_types[static_cast<std::size_t>(type)];
}

std::optional<Kind> parse_kind(std::string_view text)
{
  return parse_enum<Kind>(k_kinds, text);
}

std::optional<Status> parse_status(std::string_view text)
{
  return parse_enum<Status>(k_statuses, text);
}

std::optional<GoalStatus> parse_goal_status(std::string_view text)
{
  return parse_enum<GoalStatus>(k_goal_statuses, text);
}

std::optional<SessionType> parse_session_type(std::string_view text)
{
  return parse_enum<SessionType>(k_session_types, text);
}

std::span<const std::string_view> kind_names()
{
  return k_kinds;
}

std::span<const std::string_view> session_type_names()
{
  return k_session_types;
}

std::span<const std::string_view> goal_status_names()
{
  return k_goal_statuses;
}

std::string kind_choices()
{
  return choices(k_kinds);
}

std::string session_type_choices()
{
  return choices(k_session_types);
}

std::string goal_status_choices()
{
  return choices(k_goal_statuses);
}

std::optional<std::pair<std::size_t, std::size_t>> Pairing::find_action(std::string_view id) const
{
  for (std::size_t s = 0; s < sessions.size(); ++s) {
    for (std::size_t a = 0; a < sessions[s].actions.size(); ++a) {
      if (sessions[s].actions[a].id == id) {
        return std::pair{s, a};
      }
    }
  }
  return std::nullopt;
}

const Goal* Pairing::find_goal(std::string_view id) const
{
  for (const auto& goal : goals) {
    if (goal.id == id) {
      return &goal;
    }
  }
  return nullptr;
}

namespace {

template <typename T>
const T* find_by_slug(const std::vector<T>& records, std::string_view slug)
{
  auto it = std::lower_bound(records.begin(), records.end(), slug,
                             [](const T& record, std::string_view s) { return record.slug < s; });
  return it != records.end() && it->slug == slug ? &*it : nullptr;
}

} // namespace

const Person* Records::person(std::string_view slug) const
{
  return find_by_slug(people, slug);
}

const Pairing* Records::pairing(std::string_view slug) const
{
  return find_by_slug(pairings, slug);
}

std::string Records::name_of(std::string_view slug) const
{
  const Person* p = person(slug);
  return p && !p->name.empty() ? p->name : std::string(slug);
}

int session_minutes(const Session& session, const Pairing& pairing, const Config& config)
{
  // A review recorded without a duration (`mentor review --record`) is a
  // note about the pairing, not time spent with the client.
  if (session.type == SessionType::review && !session.duration) {
    return 0;
  }
  return session.duration.value_or(pairing.duration.value_or(config.default_duration));
}

int pairing_cadence(const Pairing& pairing, const Config& config)
{
  return pairing.cadence.value_or(config.default_cadence);
}

} // namespace mentor::core
