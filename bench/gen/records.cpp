#include "records.hpp"

#include "random.hpp"
#include "text.hpp"

#include "mentor/core/templates.hpp"
#include "mentor/store/emit.hpp"
#include "mentor/util/date.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/slug.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <set>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace mentor::bench {

namespace {

using store::Node;
using util::Date;
using namespace std::string_view_literals;

constexpr long k_max_sessions_per_pairing = 200;  // on average: a file must stay well under 4 MiB

Date first_day()
{
  return Date::from_ymd(2016, 1, 4);
}

Date last_day()
{
  return *util::parse_iso_date(k_last_day);
}

struct Choice
{
  std::string_view value;
  int weight;
};

std::string_view weighted(Rng& rng, std::span<const Choice> choices)
{
  int total = 0;
  for (const auto& c : choices) {
    total += c.weight;
  }
  long roll = rng.below(total);
  for (const auto& c : choices) {
    roll -= c.weight;
    if (roll < 0) {
      return c.value;
    }
  }
  return choices.back().value;
}

// ---- files -----------------------------------------------------------------

class Output
{
public:
  explicit Output(fs::path root) : m_root(std::move(root)) {}

  // A new file, 0600 as mentor writes them; never over an existing one.
  void write(const std::string& relative, const std::string& text)
  {
    const auto path = m_root / relative;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      throw Error(fmt::format("{}: cannot create: {}", path.string(), std::strerror(errno)));
    }
    std::size_t done = 0;
    while (done < text.size()) {
      const auto n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        const int err = errno;
        ::close(fd);
        throw Error(fmt::format("{}: cannot write: {}", path.string(), std::strerror(err)));
      }
      done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
      throw Error(fmt::format("{}: cannot write: {}", path.string(), std::strerror(errno)));
    }
    ++m_files;
    m_bytes += static_cast<long>(text.size());
  }

  long files() const { return m_files; }
  long bytes() const { return m_bytes; }

private:
  fs::path m_root;
  long m_files = 0;
  long m_bytes = 0;
};

void prepare_directory(const fs::path& out)
{
  std::error_code ec;
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec)) {
      throw Error(fmt::format("{}: exists and is not a directory", out.string()));
    }
    if (!fs::is_empty(out, ec)) {
      throw Error(fmt::format("{}: not empty; refusing to write records into it", out.string()),
                  "give a new or empty directory to --out");
    }
  }
  for (const auto& dir : {out, out / "people", out / "pairings"}) {
    fs::create_directories(dir, ec);
    if (ec) {
      throw Error(fmt::format("{}: cannot create: {}", dir.string(), ec.message()));
    }
    fs::permissions(dir, fs::perms::owner_all, ec);
  }
}

// ---- YAML text -----------------------------------------------------------

std::string entry(std::string_view key, const std::string& value, int indent = 0)
{
  return store::emit_entry(key, Node::scalar(value), indent);
}

// Numbers, booleans and cadences as a person types them: plain.
std::string typed_entry(std::string_view key, std::string_view value, int indent = 0)
{
  return fmt::format("{}{}: {}\n", std::string(static_cast<std::size_t>(indent), ' '), key, value);
}

// A one-line entry with a comment lined up at column 32, as in the files
// mentor writes itself.
std::string with_comment(std::string line, std::string_view comment)
{
  if (comment.empty() || line.find('\n') + 1 != line.size()) {
    return line;
  }
  line.pop_back();
  line += line.size() < 32 ? std::string(32 - line.size(), ' ') : std::string(2, ' ');
  return line + "# " + std::string(comment) + "\n";
}

Node flow_list(const std::vector<std::string>& items, bool flow = true)
{
  Node list = Node::sequence();
  list.flow = flow;
  for (const auto& item : items) {
    list.items.push_back(Node::scalar(item));
  }
  return list;
}

// Single-quoted as a person would write it: '' for a quote inside.
std::string single_quoted(std::string_view text)
{
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') {
      out += '\'';
    }
  }
  return out + "'";
}

// ---- people --------------------------------------------------------------

struct Person
{
  std::string slug;
  std::string name;
  std::string first;  // what notes call them
  std::string organisation;
};

std::string email_domain(std::string_view organisation)
{
  auto slug = util::slugify(organisation);
  return (slug.empty() ? "mail" : slug) + ".example";
}

std::vector<Person> make_people(Rng& rng, long count)
{
  std::vector<Person> people;
  people.reserve(static_cast<std::size_t>(count));
  std::set<std::string> names;
  std::set<std::string> slugs;
  for (long i = 0; i < count; ++i) {
    Person p;
    std::string base;
    if (i > 0 && rng.chance(0.01)) {
      const auto& native = rng.pick(native_names());
      p.name = std::string(native.name);
      p.first = p.name.substr(0, p.name.find(' '));
      base = std::string(native.slug);
    } else {
      for (int attempt = 0; attempt < 6; ++attempt) {
        p.first = std::string(rng.pick(pool::first_names));
        p.name = p.first + " " + std::string(rng.pick(pool::last_names));
        if (!names.contains(p.name)) {
          break;
        }
      }
      base = util::slugify(p.name);
    }
    names.insert(p.name);
    p.slug = base;
    for (int n = 2; slugs.contains(p.slug); ++n) {
      p.slug = fmt::format("{}-{}", base, n);
    }
    slugs.insert(p.slug);
    p.organisation = std::string(rng.pick(pool::organisations));
    people.push_back(std::move(p));
  }
  return people;
}

std::string person_file(Rng& rng, const Person& p, long index)
{
  auto local = util::slugify(p.name);
  if (local.empty()) {
    local = p.slug;  // a name in another script: the address is in Latin letters
  }
  std::replace(local.begin(), local.end(), '-', '.');
  const std::string email = rng.chance(0.9) ? fmt::format("{}@{}", local, email_domain(p.organisation)) : "";
  const std::string role = index == 0 ? "Executive coach (PCC)" : std::string(rng.pick(pool::roles));
  std::vector<std::string> tags;
  for (long t = rng.between(0, 3); t > 0; --t) {
    const auto tag = std::string(rng.pick(pool::tags));
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) {
      tags.push_back(tag);
    }
  }
  std::string notes;
  if (rng.chance(0.3)) {
    notes = std::string(rng.pick(pool::person_notes));
    if (rng.chance(0.4)) {
      notes += "\n" + std::string(rng.pick(pool::person_notes));
    }
  }
  if (index > 0 && rng.chance(0.4)) {
    // As `mentor add` writes it.
    return core::person_text({p.name, email, p.organisation, role, tags, notes});
  }
  std::string text;
  if (rng.chance(0.1)) {
    text += "# Imported from the scheme's spreadsheet.\n";
  }
  text += entry("name", p.name);
  if (!email.empty()) {
    text += entry("email", email);
  }
  text += entry("organisation", p.organisation);
  text += entry("role", role);
  if (rng.chance(0.7)) {
    text += entry("pseudonym", fmt::format("C-{:04}", index));
  }
  if (!tags.empty()) {
    text += store::emit_entry("tags", flow_list(tags), 0);
  }
  if (rng.chance(0.08)) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> extras = {{
      {"pronouns", "she/her"}, {"pronouns", "they/them"}, {"timezone", "Europe/Berlin"}, {"phone", "+44 20 7946 0000"},
    }};
    const auto& [key, value] = extras[static_cast<std::size_t>(rng.below(extras.size()))];
    text += entry(key, std::string(value));
  }
  if (!notes.empty()) {
    text += store::emit_entry("notes", Node::scalar(notes + "\n"), 0);
  }
  return text;
}

// ---- pairings: who, what kind, how it stands --------------------------------

enum class Side { mine, received, others };

struct PairingPlan
{
  long mentor = 0;
  long mentee = 0;
  Side side = Side::mine;
  std::string slug;
  std::string_view kind;
  std::string_view status;
  long sessions = 0;
};

std::string_view pick_kind(Rng& rng, Side side)
{
  static constexpr std::array<Choice, 3> received = {{{"supervision", 40}, {"mentoring", 40}, {"coaching", 20}}};
  static constexpr std::array<Choice, 5> given = {
    {{"coaching", 55}, {"mentoring", 30}, {"peer", 5}, {"shadowing", 5}, {"supervision", 5}}};
  return side == Side::received ? weighted(rng, received) : weighted(rng, given);
}

std::vector<PairingPlan> plan_pairings(Rng& rng, const std::vector<Person>& people, const Sizes& sizes)
{
  const long n_people = sizes.people;
  const long supervisors = std::min(n_people - 1, 5L);
  const long coaches = std::max(1L, std::min(n_people - 1, n_people / 20));
  std::vector<PairingPlan> plans(static_cast<std::size_t>(sizes.pairings));
  std::map<std::pair<long, long>, int> seen;
  for (std::size_t j = 0; j < plans.size(); ++j) {
    auto& p = plans[j];
    const double roll = j == 0 ? 0.0 : rng.unit();  // the first is always mine: there is a WHO to log to
    // A second pairing of the same two people happens, but rarely: a few
    // draws to find two who have not been paired yet.
    for (int attempt = 0; attempt < 4 && (attempt == 0 || seen.contains({p.mentor, p.mentee})); ++attempt) {
      if (roll < 0.70 || n_people < 3) {
        p.side = Side::mine;
        p.mentor = 0;
        p.mentee = rng.between(1, n_people - 1);
      } else if (roll < 0.78) {
        p.side = Side::received;
        p.mentor = rng.between(1, supervisors);
        p.mentee = 0;
      } else {
        p.side = Side::others;
        p.mentor = rng.between(1, coaches);
        do {
          p.mentee = rng.between(1, n_people - 1);
        } while (p.mentee == p.mentor);
      }
    }
    p.kind = pick_kind(rng, p.side);
    const int count = ++seen[{p.mentor, p.mentee}];
    const auto& mentor = people[static_cast<std::size_t>(p.mentor)].slug;
    const auto& mentee = people[static_cast<std::size_t>(p.mentee)].slug;
    p.slug = count == 1 ? fmt::format("{}--{}", mentor, mentee) : fmt::format("{}--{}-{}", mentor, mentee, count);
  }
  // About 90% have ended; of two pairings of the same people only the
  // latest may still run.
  std::set<std::pair<long, long>> later;
  for (auto it = plans.rbegin(); it != plans.rend(); ++it) {
    const bool latest = later.insert({it->mentor, it->mentee}).second;
    const double roll = rng.unit();
    it->status = !latest || roll < 0.90 ? "ended"sv : roll < 0.97 ? "active"sv : "paused"sv;
  }
  // Sessions: an exponential spread around the mean, every pairing at least
  // one while there are enough to go round.
  std::vector<double> weights(plans.size());
  double total = 0;
  for (auto& w : weights) {
    w = 0.15 + rng.exponential();
    total += w;
  }
  long left = sizes.sessions;
  const long floor_each = sizes.sessions >= sizes.pairings ? 1 : 0;
  const double spread = static_cast<double>(sizes.sessions - floor_each * sizes.pairings);
  for (std::size_t j = 0; j < plans.size(); ++j) {
    plans[j].sessions = floor_each + static_cast<long>(spread * weights[j] / total);
    left -= plans[j].sessions;
  }
  for (std::size_t j = 0; left > 0; j = (j + 1) % plans.size(), --left) {
    ++plans[j].sessions;
  }
  return plans;
}

// The pairing that `log WHO` and `review WHO` use: active, mine, its mentee
// in no other open pairing with me (so the person names it alone), with a
// number of sessions close to the mean. One is made if none qualifies.
std::size_t choose_who(std::vector<PairingPlan>& plans, const Sizes& sizes)
{
  std::map<long, int> open_with_me;
  for (const auto& p : plans) {
    if (p.status != "ended" && p.side != Side::others) {
      ++open_with_me[p.side == Side::mine ? p.mentee : p.mentor];
    }
  }
  const long mean = sizes.sessions / sizes.pairings;
  std::optional<std::size_t> best;
  for (std::size_t j = 0; j < plans.size(); ++j) {
    const auto& p = plans[j];
    if (p.side == Side::mine && p.status == "active" && open_with_me[p.mentee] == 1
        && (!best || std::labs(p.sessions - mean) < std::labs(plans[*best].sessions - mean))) {
      best = j;
    }
  }
  if (best) {
    return *best;
  }
  // The latest pairing of mine with the person of pairing 0 becomes active,
  // and every other open pairing between us ends.
  const long person = plans[0].mentee;
  std::size_t chosen = 0;
  for (std::size_t j = 0; j < plans.size(); ++j) {
    if (plans[j].side == Side::mine && plans[j].mentee == person) {
      chosen = j;
    }
  }
  for (auto& p : plans) {
    if ((p.side == Side::mine && p.mentee == person) || (p.side == Side::received && p.mentor == person)) {
      p.status = "ended";
    }
  }
  plans[chosen].status = "active";
  return chosen;
}

// ---- pairings: the text ------------------------------------------------------

struct Timeline
{
  Date started;
  std::optional<Date> ended;
  std::vector<Date> dates;
};

int cadence_days(std::string_view cadence)
{
  if (cadence == "none") {
    return 0;
  }
  const int count = std::stoi(std::string(cadence.substr(0, cadence.size() - 1)));
  return cadence.back() == 'w' ? count * 7 : count;
}

Timeline make_timeline(Rng& rng, std::string_view status, long sessions, int cadence)
{
  const long base = cadence > 0 ? cadence : rng.between(21, 70);
  std::vector<long> gaps(static_cast<std::size_t>(std::max(0L, sessions - 1)));
  long span = 0;
  for (auto& gap : gaps) {
    gap = std::max(1L, base + rng.between(-base / 7, base / 3));
    if (rng.chance(0.05)) {
      gap += base * rng.between(1, 3);  // a break: holidays, illness, a busy quarter
    }
    span += gap;
  }
  const Date earliest = first_day().add_days(12);
  Date last;
  long room = 0;
  if (status == "ended") {
    room = (last_day() - earliest) - 25;
  } else {
    last = last_day().add_days(-(status == "active" ? rng.below(base * 3 / 2 + 1) : rng.between(60, 400)));
    room = last - earliest;
  }
  if (span > room) {
    // Squeeze the gaps into the room, keeping their proportions.
    const long raw = span;
    span = 0;
    for (auto& gap : gaps) {
      gap = std::max(1L, gap * room / raw);
      span += gap;
    }
  }
  Date first = status == "ended" ? earliest.add_days(rng.below(std::max(0L, room - span) + 1)) : last.add_days(-span);
  Timeline t;
  t.dates.push_back(first);
  for (auto gap : gaps) {
    t.dates.push_back(t.dates.back().add_days(gap));
  }
  if (sessions == 0) {
    t.dates.clear();
  }
  t.started = first.add_days(-rng.below(11));
  if (status == "ended") {
    const Date end = (t.dates.empty() ? t.started.add_days(rng.between(7, 60)) : t.dates.back()).add_days(rng.below(22));
    t.ended = std::min(end, last_day());
  }
  return t;
}

struct Goal
{
  std::string id;
  std::string status;
};

class PairingWriter
{
public:
  PairingWriter(Rng& rng, const std::vector<Person>& people, const PairingPlan& plan, long& actions)
    : m_rng(rng), m_people(people), m_plan(plan), m_actions(actions)
  {
  }

  std::string text()
  {
    const auto& mentor = m_people[static_cast<std::size_t>(m_plan.mentor)];
    const auto& mentee = m_people[static_cast<std::size_t>(m_plan.mentee)];
    const auto kind = m_plan.kind;
    const auto cadence = pick_cadence(kind);
    m_duration = std::string(pick_duration(kind));
    m_timeline = make_timeline(m_rng, m_plan.status, m_plan.sessions, cadence_days(cadence));
    m_context = {mentee.first, m_people[static_cast<std::size_t>(m_rng.below(static_cast<long>(m_people.size())))].first,
                 mentee.organisation, ""};
    const bool tool = m_rng.chance(0.5);  // as `mentor pair` wrote it, or by hand
    const bool paid = kind == "coaching" ? m_rng.chance(0.85) : kind == "supervision" || m_rng.chance(0.2);
    m_paid = paid;

    std::string text;
    if (tool) {
      text += fmt::format("# {}: {} and {}.\n", kind, mentor.name, mentee.name);
      text += "# `mentor log` adds sessions at the end; edit anything by hand, mentor keeps\n"
              "# your comments and layout.\n";
    } else if (m_rng.chance(0.2)) {
      text += std::string(m_rng.pick(pool::pairing_comments)) + "\n";
    }
    const auto comment = [&](std::string_view c) { return tool ? c : ""sv; };
    text += entry("mentor", mentor.slug);
    text += entry("mentee", mentee.slug);
    text += with_comment(entry("kind", std::string(kind)), comment("coaching | mentoring | peer | shadowing | supervision"));
    text += with_comment(entry("status", std::string(m_plan.status)), comment("active | paused | ended"));
    text += entry("started", m_timeline.started.iso());
    if (kind == "coaching" && m_rng.chance(0.4)) {
      const long planned = std::max(60L, (m_timeline.dates.empty() ? 0 : m_timeline.dates.back() - m_timeline.started)
                                           + m_rng.between(-30, 60));
      text += with_comment(entry("until", m_timeline.started.add_days(planned).iso()), comment("planned end"));
    }
    if (m_timeline.ended) {
      text += entry("ended", m_timeline.ended->iso());
    }
    text += with_comment(typed_entry("cadence", cadence),
                               tool ? "expected gap between sessions; none = as needed"sv
                               : m_rng.chance(0.05) ? "agreed in the chemistry call"sv : ""sv);
    text += with_comment(entry("duration", m_duration), comment("default session length"));
    if (tool || m_rng.chance(0.8)) {
      text += with_comment(typed_entry("paid", paid ? "true" : "false"), comment("false = pro bono (ICF log)"));
    }
    if (kind == "coaching" && paid && m_rng.chance(0.3)) {
      text += entry("sponsor", mentee.organisation);
    }
    if (m_timeline.ended && m_rng.chance(0.5)) {
      text += entry("outcome", std::string(m_rng.pick(pool::outcomes)));
    }
    if (!tool && m_rng.chance(0.1)) {
      text += m_rng.chance(0.5) ? entry("referral", "HR business partner") : entry("contract", "6 sessions over 6 months");
    }
    text += goals_text(kind, tool);
    if (m_timeline.dates.empty()) {
      text += "sessions: []\n";
      return text;
    }
    text += tool ? "sessions:                       # oldest first; `mentor log` appends here\n" : "sessions:\n";
    for (std::size_t i = 0; i < m_timeline.dates.size(); ++i) {
      text += session_text(i);
    }
    return text;
  }

private:
  std::string_view pick_cadence(std::string_view kind)
  {
    static constexpr std::array<Choice, 5> coaching = {{{"2w", 40}, {"3w", 15}, {"4w", 30}, {"1w", 5}, {"6w", 10}}};
    static constexpr std::array<Choice, 4> mentoring = {{{"4w", 40}, {"6w", 20}, {"none", 30}, {"8w", 10}}};
    static constexpr std::array<Choice, 2> supervision = {{{"6w", 60}, {"4w", 40}}};
    static constexpr std::array<Choice, 2> peer = {{{"2w", 50}, {"none", 50}}};
    static constexpr std::array<Choice, 2> shadowing = {{{"1w", 70}, {"10d", 30}}};
    return kind == "coaching"      ? weighted(m_rng, coaching)
           : kind == "mentoring"   ? weighted(m_rng, mentoring)
           : kind == "supervision" ? weighted(m_rng, supervision)
           : kind == "peer"        ? weighted(m_rng, peer)
                                   : weighted(m_rng, shadowing);
  }

  std::string_view pick_duration(std::string_view kind)
  {
    static constexpr std::array<Choice, 3> coaching = {{{"1h", 55}, {"45m", 20}, {"1h30m", 25}}};
    static constexpr std::array<Choice, 3> mentoring = {{{"1h", 60}, {"45m", 25}, {"30m", 15}}};
    static constexpr std::array<Choice, 2> supervision = {{{"1h30m", 70}, {"1h", 30}}};
    static constexpr std::array<Choice, 2> shadowing = {{{"2h", 50}, {"1h", 50}}};
    return kind == "coaching"      ? weighted(m_rng, coaching)
           : kind == "mentoring"   ? weighted(m_rng, mentoring)
           : kind == "supervision" ? weighted(m_rng, supervision)
           : kind == "shadowing"   ? weighted(m_rng, shadowing)
                                   : "1h"sv;
  }

  std::string goals_text(std::string_view kind, bool tool)
  {
    const long count = kind == "coaching" ? m_rng.between(1, 3) : kind == "mentoring" ? m_rng.between(0, 2) : m_rng.between(0, 1);
    if (count == 0) {
      return tool ? "goals: []\n" : "";
    }
    std::string text = "goals:\n";
    const bool ended = m_plan.status == "ended";
    for (long g = 1; g <= count; ++g) {
      static constexpr std::array<Choice, 3> ended_status = {{{"achieved", 60}, {"dropped", 15}, {"open", 25}}};
      static constexpr std::array<Choice, 2> open_status = {{{"open", 75}, {"achieved", 25}}};
      Goal goal{fmt::format("g{}", g), std::string(weighted(m_rng, ended ? std::span<const Choice>(ended_status)
                                                                             : std::span<const Choice>(open_status)))};
      Node item = Node::map();
      item.add("id", Node::scalar(goal.id));
      item.add("title", Node::scalar(std::string(m_rng.pick(pool::goal_titles))));
      if (m_rng.chance(0.7)) {
        item.add("measure", Node::scalar(std::string(m_rng.pick(pool::measures))));
      }
      if (m_rng.chance(0.6)) {
        item.add("due", Node::scalar(m_timeline.started.add_days(m_rng.between(60, 300)).iso()));
      }
      item.add("status", Node::scalar(goal.status));
      text += store::emit_sequence_item(item, 2);
      m_goals.push_back(std::move(goal));
    }
    return text;
  }

  std::string notes_entry()
  {
    m_context.topic = m_rng.pick(pool::topics);
    const auto target = static_cast<std::size_t>(m_rng.between(185, 425));
    const double roll = m_rng.unit();
    if (roll < 0.45) {
      const int lines = static_cast<int>(m_rng.between(2, 4));
      return store::emit_entry("notes", Node::scalar(session_notes(m_rng, m_context, target, lines, false) + "\n"), 4);
    }
    if (roll < 0.65) {
      return store::emit_entry("notes", Node::scalar(session_notes(m_rng, m_context, target, 1, false) + "\n"), 4);
    }
    if (roll < 0.82) {
      return entry("notes", session_notes(m_rng, m_context, target, 1, false), 4);
    }
    if (roll < 0.90) {
      return entry("notes", session_notes(m_rng, m_context, target, 1, true), 4);
    }
    if (roll < 0.95) {
      auto notes = session_notes(m_rng, m_context, target, 1, false);
      std::replace(notes.begin(), notes.end(), '\t', ' ');
      return "    notes: " + single_quoted(notes) + "\n";
    }
    if (roll < 0.98) {
      return store::emit_entry("notes", Node::scalar(tricky_block_notes(m_rng, m_context) + "\n"), 4);
    }
    return "";
  }

  std::string session_text(std::size_t i)
  {
    const auto& dates = m_timeline.dates;
    const Date date = dates[i];
    const bool last = i + 1 == dates.size();
    const bool ended = m_plan.status == "ended";
    std::string_view type = "session";
    if (i == 0 && m_rng.chance(0.4)) {
      type = "chemistry";
    } else if (last && ended && m_rng.chance(0.6)) {
      type = "closing";
    } else if (i > 0 && m_rng.chance(0.08)) {
      type = "review";
    }

    std::string body;
    const double duration_roll = m_rng.unit();
    if (type == "chemistry") {
      body += entry("duration", m_rng.chance(0.5) ? "30m" : "45m", 4);
    } else if (duration_roll < 0.88) {
      body += entry("duration", m_duration, 4);
    } else if (duration_roll < 0.96) {
      static constexpr std::array others = {"30m"sv, "45m"sv, "1h"sv, "1h15m"sv, "1h30m"sv, "2h"sv};
      body += entry("duration", std::string(m_rng.pick(std::span<const std::string_view>(others))), 4);
    }
    if (type != "session" || m_rng.chance(0.85)) {
      body += entry("type", std::string(type), 4);
    }
    if (m_rng.chance(0.9)) {
      std::vector<std::string> topics;
      for (long t = m_rng.between(1, 3); t > 0; --t) {
        auto topic = std::string(m_rng.pick(pool::topics));
        if (std::find(topics.begin(), topics.end(), topic) == topics.end()) {
          topics.push_back(std::move(topic));
        }
      }
      body += store::emit_entry("topics", flow_list(topics, m_rng.chance(0.92)), 4);
    }
    if (m_paid && m_rng.chance(0.03)) {
      body += typed_entry("paid", "false", 4);
    }
    if (m_plan.kind == "coaching" && m_rng.chance(0.01)) {
      body += typed_entry("group", std::to_string(m_rng.between(3, 8)), 4);
    }
    if (m_rng.chance(0.04)) {
      body += entry("location", std::string(m_rng.pick(pool::locations)), 4);
    }
    body += notes_entry();
    body += goal_changes(type);
    body += actions_text(i);

    std::string text;
    if (m_rng.chance(0.03)) {
      text += "  " + std::string(m_rng.pick(pool::session_comments)) + "\n";
    }
    text += "  - " + entry("date", date.iso());
    return text + body;
  }

  std::string goal_changes(std::string_view type)
  {
    if (type != "review" || m_goals.empty() || !m_rng.chance(0.6)) {
      return "";
    }
    const auto& goal = m_goals[static_cast<std::size_t>(m_rng.below(static_cast<long>(m_goals.size())))];
    if (goal.status == "open") {
      return "";
    }
    Node changes = Node::map();
    changes.add(goal.id, Node::scalar(goal.status));
    return store::emit_entry("goals", changes, 4);
  }

  std::string actions_text(std::size_t i)
  {
    const double roll = m_rng.unit();
    const long count = roll < 0.40 ? 0 : roll < 0.75 ? 1 : 2;
    if (count == 0) {
      return "";
    }
    const auto& dates = m_timeline.dates;
    const Date date = dates[i];
    const Date next = i + 1 < dates.size() ? dates[i + 1] : date.add_days(28);
    const bool recent = m_plan.status != "ended" && i + 2 >= dates.size();
    Node actions = Node::sequence();
    for (long a = 0; a < count; ++a) {
      Node action = Node::map();
      action.add("id", Node::scalar(fmt::format("a{}", ++m_action_id)));
      action.add("text", Node::scalar(fill(m_rng, m_rng.pick(pool::action_texts), m_context)));
      if (m_rng.chance(0.85)) {
        action.add("due", Node::scalar(date.add_days(m_rng.between(7, 28)).iso()));
      }
      if (m_rng.chance(recent ? 0.3 : m_plan.status == "ended" ? 0.8 : 0.7)) {
        const long window = std::max(1L, std::min(next - date + 10, 40L));
        action.add("done", Node::scalar(std::min(date.add_days(m_rng.between(1, window)), std::max(date, last_day())).iso()));
      }
      actions.items.push_back(std::move(action));
      ++m_actions;
    }
    return store::emit_entry("actions", actions, 4);
  }

  Rng& m_rng;
  const std::vector<Person>& m_people;
  const PairingPlan& m_plan;
  long& m_actions;
  std::string m_duration;
  bool m_paid = true;
  Timeline m_timeline;
  NoteContext m_context;
  std::vector<Goal> m_goals;
  long m_action_id = 0;
};

} // namespace

std::optional<Sizes> named_size(std::string_view name)
{
  static constexpr std::array<std::pair<std::string_view, Sizes>, 6> sizes = {{
    {"tiny", {24, 24, 240}},
    {"small", {300, 400, 8000}},
    {"large", {5000, 5000, 100000}},
    {"1k", {50, 50, 1000}},
    {"10k", {500, 500, 10000}},
    {"100k", {5000, 5000, 100000}},
  }};
  for (const auto& [n, s] : sizes) {
    if (n == name) {
      return s;
    }
  }
  return std::nullopt;
}

std::string_view size_names()
{
  return "tiny (24 people, 24 pairings, 240 sessions), small (300, 400, 8,000), large (5,000, 5,000, 100,000), "
         "1k (50, 50, 1,000), 10k (500, 500, 10,000), 100k (the same as large)";
}

std::string check_sizes(const Sizes& s)
{
  if (s.people < 2) {
    return "--people must be at least 2 (me and one other)";
  }
  if (s.pairings < 1) {
    return "--pairings must be at least 1";
  }
  if (s.sessions < 0) {
    return "--sessions cannot be negative";
  }
  if (s.sessions > k_max_sessions_per_pairing * s.pairings) {
    return fmt::format("at most {} sessions per pairing on average (a pairing's file must stay under mentor's "
                       "4 MiB limit): raise --pairings",
                       k_max_sessions_per_pairing);
  }
  return {};
}

Summary generate(const Sizes& sizes, std::uint64_t seed, const fs::path& out)
{
  if (auto problem = check_sizes(sizes); !problem.empty()) {
    throw UsageError(problem);
  }
  prepare_directory(out);
  Output files(out);
  Rng rng(seed);
  Summary summary;

  const auto people = make_people(rng, sizes.people);
  files.write("mentor.yaml", core::config_text(people[0].slug));
  files.write(".gitignore", "# Machine-local state of mentor (lock, caches).\n.mentor/\n");
  files.write(".gitattributes", "# mentor's records are text with LF line endings.\n*.yaml text eol=lf\n");
  for (std::size_t i = 0; i < people.size(); ++i) {
    files.write(fmt::format("people/{}.yaml", people[i].slug), person_file(rng, people[i], static_cast<long>(i)));
  }
  summary.people = sizes.people;

  auto plans = plan_pairings(rng, people, sizes);
  const auto who = choose_who(plans, sizes);
  summary.who_pairing = plans[who].slug;
  summary.who_person = people[static_cast<std::size_t>(plans[who].mentee)].slug;
  for (const auto& plan : plans) {
    PairingWriter writer(rng, people, plan, summary.actions);
    files.write(fmt::format("pairings/{}.yaml", plan.slug), writer.text());
    ++summary.pairings;
    summary.sessions += plan.sessions;
    summary.pairings_ended += plan.status == "ended" ? 1 : 0;
    (plan.side == Side::mine ? summary.pairings_mine
     : plan.side == Side::received ? summary.pairings_received
                                    : summary.pairings_others) += 1;
  }
  summary.files = files.files();
  summary.bytes = files.bytes();
  return summary;
}

} // namespace mentor::bench
