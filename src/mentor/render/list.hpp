#pragma once

#include "mentor/core/model.hpp"
#include "mentor/render/style.hpp"

#include <string>

namespace mentor::render {

// `mentor list people`: id, name, organisation, role; one line each.
std::string people_table(const core::Records& records, const Style& style);

// `mentor list pairings`: id, kind, status, started, sessions, last session.
std::string pairings_table(const core::Records& records, const Style& style);

} // namespace mentor::render
