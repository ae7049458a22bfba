#pragma once

#include "mentor/core/model.hpp"
#include "mentor/render/style.hpp"

#include <string>

namespace mentor::render {

// `mentor show` of a pairing: who, terms, goals, every session with notes
// and actions.
std::string pairing_details(const core::Records& records, const core::Pairing& pairing, const Style& style);

// `mentor show` of a person: their details and a line per pairing.
std::string person_details(const core::Records& records, const core::Person& person, const Style& style);

} // namespace mentor::render
