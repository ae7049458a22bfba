#pragma once

#include "mentor/core/model.hpp"

#include <string_view>
#include <vector>

namespace mentor::core {

// Which pairings a command may act on.
enum class Want { active, active_or_paused, paused, any };

// A person named on the command line: their slug, a unique prefix of it, or
// a case- and accent-insensitive part of their name (in that order of
// precedence). Throws UsageError listing the candidates when ambiguous (exit
// 2) and mentor::Error when nobody matches (exit 1).
const Person& resolve_person(const Records& records, std::string_view who);

// WHO: a pairing slug, or a person meaning the pairing between them and me
// (limited to the statuses `want` allows; with Want::any, the active one,
// else the paused one, else the ended one). Errors as resolve_person, and
// mentor::Error when the person has no such pairing with me.
const Pairing& resolve_pairing(const Records& records, std::string_view who, Want want);

// Pairings between two people, either way round.
std::vector<const Pairing*> pairings_between(const Records& records, std::string_view a, std::string_view b);

} // namespace mentor::core
