#include "mentor/render/topics.hpp"

#include <doctest/doctest.h>

using mentor::core::TopicCount;
using mentor::render::JsonWriter;

TEST_SUITE("render::topics")
{
  TEST_CASE("topic_list: counts in order, one line each")
  {
    CHECK(mentor::render::topic_list({}) == "");
    CHECK(mentor::render::topic_list({{"delegation", 3}, {"influence", 1}}) == "delegation (3), influence (1)");
    // A topic from a hand-edited file cannot break the layout or reach the
    // terminal as an escape sequence.
    CHECK(mentor::render::topic_list({{"two\nlines", 2}, {"esc\x1b[31m", 1}}) == "two lines (2), esc [31m (1)");
  }

  TEST_CASE("write_topics: an array of topic and count, the text kept as it is")
  {
    JsonWriter json;
    json.begin_object();
    mentor::render::write_topics(json.key("topics"), {{"a \"b\"", 2}, {"c", 1}});
    json.end_object();
    CHECK(json.str()
          == "{\n"
             "  \"topics\": [\n"
             "    {\n"
             "      \"topic\": \"a \\\"b\\\"\",\n"
             "      \"count\": 2\n"
             "    },\n"
             "    {\n"
             "      \"topic\": \"c\",\n"
             "      \"count\": 1\n"
             "    }\n"
             "  ]\n"
             "}\n");
    JsonWriter empty;
    empty.begin_object();
    mentor::render::write_topics(empty.key("topics"), {});
    empty.end_object();
    CHECK(empty.str() == "{\n  \"topics\": []\n}\n");
  }
}
