#pragma once

#include "mentor/core/attention.hpp"
#include "mentor/core/brief.hpp"
#include "mentor/render/style.hpp"

#include <string>

namespace mentor::render {

// `mentor review`: what needs attention, grouped by pairing (most urgent
// pairing first), then what is coming up in the next 7 days. One plain line
// when there is nothing at all.
std::string attention_text(const core::Records& records, const core::Attention& attention, core::Date today,
                           const Style& style);
std::string attention_json(const core::Records& records, const core::Attention& attention, core::Date today);

// `mentor review WHO`: the brief before the next session; fits 80 columns.
std::string brief_text(const core::Records& records, const core::Brief& brief, core::Date today, const Style& style);
std::string brief_json(const core::Records& records, const core::Brief& brief, core::Date today);

// The person a pairing is "with", from my side: the other person's name;
// "Mentor and Mentee" when I am in neither role.
std::string pairing_with(const core::Records& records, const core::Pairing& pairing);

} // namespace mentor::render
