#pragma once

#include "mentor/core/brief.hpp"
#include "mentor/render/json.hpp"

#include <string>
#include <vector>

namespace mentor::render {

// "delegation (3), influence (2)", each topic on one line (render::one_line).
std::string topic_list(const std::vector<core::TopicCount>& topics);

// [{"topic": "delegation", "count": 3}, …] as the value of the key just written.
void write_topics(JsonWriter& json, const std::vector<core::TopicCount>& topics);

} // namespace mentor::render
