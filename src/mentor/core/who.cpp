#include "mentor/core/who.hpp"

#include "mentor/util/error.hpp"
#include "mentor/util/slug.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace mentor::core {

namespace {

bool wanted(const Pairing& pairing, Want want)
{
  switch (want) {
  case Want::active:
    return pairing.status == Status::active;
  case Want::active_or_paused:
    return pairing.status != Status::ended;
  case Want::paused:
    return pairing.status == Status::paused;
  case Want::any:
    return true;
  }
  return false;
}

std::string_view want_word(Want want)
{
  switch (want) {
  case Want::active:
    return "active ";
  case Want::active_or_paused:
    return "active or paused ";
  case Want::paused:
    return "paused ";
  case Want::any:
    return "";
  }
  return "";
}

std::string describe(const Pairing& pairing)
{
  return fmt::format("{} ({}, {})", pairing.slug, to_string(pairing.kind), to_string(pairing.status));
}

} // namespace

const Person& resolve_person(const Records& records, std::string_view who)
{
  const std::string typed(util::trim(who));
  if (typed.empty()) {
    throw UsageError("no one named: give a name, an id or a pairing");
  }
  if (const Person* exact = records.person(typed)) {
    return *exact;
  }
  std::vector<const Person*> matches;
  const auto lower = util::to_lower_ascii(typed);
  for (const auto& person : records.people) {
    if (person.slug.starts_with(lower)) {
      matches.push_back(&person);
    }
  }
  if (matches.empty()) {
    const auto folded = util::fold(typed);
    for (const auto& person : records.people) {
      if (!folded.empty() && util::fold(person.name).find(folded) != std::string::npos) {
        matches.push_back(&person);
      }
    }
  }
  if (matches.size() == 1) {
    return *matches.front();
  }
  if (matches.empty()) {
    throw Error(fmt::format("no one matches \"{}\"", typed),
                "`mentor list people` shows everyone; `mentor add NAME` adds someone new");
  }
  std::string list;
  for (const auto* person : matches) {
    list += fmt::format("\n  {:<24} {}", person->slug, person->name);
  }
  throw UsageError(fmt::format("\"{}\" matches {} people:{}", typed, matches.size(), list),
                   "give more of the name, or the id");
}

std::vector<const Pairing*> pairings_between(const Records& records, std::string_view a, std::string_view b)
{
  std::vector<const Pairing*> out;
  for (const auto& pairing : records.pairings) {
    if ((pairing.mentor == a && pairing.mentee == b) || (pairing.mentor == b && pairing.mentee == a)) {
      out.push_back(&pairing);
    }
  }
  return out;
}

const Pairing& resolve_pairing(const Records& records, std::string_view who, Want want)
{
  const std::string typed(util::trim(who));
  if (const Pairing* exact = records.pairing(typed)) {
    if (!wanted(*exact, want)) {
      throw Error(fmt::format("{} is {}, not {}", exact->slug, to_string(exact->status),
                              util::trim(want_word(want))),
                  exact->status == Status::paused ? fmt::format("resume it with `mentor pair {} --resume`", exact->slug)
                                                  : std::string());
    }
    return *exact;
  }
  const Person& person = resolve_person(records, typed);
  const auto& me = records.config.me;
  if (person.slug == me) {
    throw UsageError(fmt::format("{} is you (me: in mentor.yaml)", person.slug),
                     "name the other person, or the pairing's id (`mentor list pairings`)");
  }
  const auto all = pairings_between(records, me, person.slug);
  std::vector<const Pairing*> matches;
  for (const auto* pairing : all) {
    if (wanted(*pairing, want)) {
      matches.push_back(pairing);
    }
  }
  if (want == Want::any && matches.size() > 1) {
    // Any pairing will do: the one that is running, else paused, else ended.
    for (auto status : {Status::active, Status::paused, Status::ended}) {
      std::vector<const Pairing*> best;
      std::copy_if(matches.begin(), matches.end(), std::back_inserter(best),
                   [&](const Pairing* p) { return p->status == status; });
      if (!best.empty()) {
        matches = best;
        break;
      }
    }
  }
  if (matches.size() == 1) {
    return *matches.front();
  }
  if (matches.empty()) {
    std::string others;
    for (const auto* pairing : all) {
      others += "\n  " + describe(*pairing);
    }
    if (!others.empty()) {
      std::string hint = "start a new one with `mentor pair`";
      if (all.size() == 1 && all.front()->status == Status::paused) {
        hint = fmt::format("resume it with `mentor pair {} --resume`", all.front()->slug);
      } else if (all.size() == 1 && all.front()->status == Status::active) {
        hint = want == Want::paused ? "it is active already: there is nothing to resume"
                                    : fmt::format("name it by its id: {}", all.front()->slug);
      }
      throw Error(fmt::format("no {}pairing between you and {}; there is:{}", want_word(want), person.name, others),
                  hint);
    }
    std::string theirs;
    for (const auto& pairing : records.pairings) {
      if (pairing.mentor == person.slug || pairing.mentee == person.slug) {
        theirs += "\n  " + describe(pairing);
      }
    }
    throw Error(fmt::format("no pairing between you and {}{}", person.name,
                            theirs.empty() ? "" : "; theirs are:" + theirs),
                theirs.empty() ? fmt::format("start one with `mentor pair {}`", person.slug)
                               : "name a pairing by its id to act on it");
  }
  std::string list;
  for (const auto* pairing : matches) {
    list += "\n  " + describe(*pairing);
  }
  throw UsageError(fmt::format("you have {} {}pairings with {}:{}", matches.size(), want_word(want), person.name, list),
                   "name the pairing by its id");
}

} // namespace mentor::core
