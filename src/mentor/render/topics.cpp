#include "mentor/render/topics.hpp"

#include "mentor/render/style.hpp"

#include <fmt/format.h>

namespace mentor::render {

std::string topic_list(const std::vector<core::TopicCount>& topics)
{
  std::string out;
  for (const auto& topic : topics) {
    out += (out.empty() ? "" : ", ") + fmt::format("{} ({})", one_line(topic.topic), topic.count);
  }
  return out;
}

void write_topics(JsonWriter& json, const std::vector<core::TopicCount>& topics)
{
  json.begin_array();
  for (const auto& topic : topics) {
    json.begin_object();
    json.key("topic").value(topic.topic);
    json.key("count").value(topic.count);
    json.end_object();
  }
  json.end_array();
}

} // namespace mentor::render
