#include "mentor/render/json.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using mentor::render::json_quote;
using mentor::render::JsonWriter;

TEST_SUITE("render::json_quote")
{
  TEST_CASE("plain text is quoted as it is")
  {
    CHECK(json_quote("") == "\"\"");
    CHECK(json_quote("hello world") == "\"hello world\"");
    CHECK(json_quote("a/b") == "\"a/b\"");
  }

  TEST_CASE("quotes and backslashes are escaped")
  {
    CHECK(json_quote("say \"hi\"") == R"("say \"hi\"")");
    CHECK(json_quote("C:\\path") == R"("C:\\path")");
    CHECK(json_quote("\\\"") == R"("\\\"")");
  }

  TEST_CASE("line breaks and tabs use the short escapes")
  {
    CHECK(json_quote("a\nb") == R"("a\nb")");
    CHECK(json_quote("a\tb") == R"("a\tb")");
    CHECK(json_quote("a\r\nb") == R"("a\r\nb")");
  }

  TEST_CASE("other control characters use \\u00XX")
  {
    CHECK(json_quote("\x1f") == R"("\u001f")");
    CHECK(json_quote(std::string("a\0b", 3)) == R"("a\u0000b")");
    CHECK(json_quote("\x01\x08\x0c") == R"("\u0001\u0008\u000c")");
    CHECK(json_quote("\x1b[1m") == R"("\u001b[1m")");
    CHECK(json_quote("\x7f") == R"("\u007f")");
    // A space is not a control character.
    CHECK(json_quote(" ") == "\" \"");
  }

  TEST_CASE("UTF-8 passes through unchanged")
  {
    CHECK(json_quote("Zoë Núñez") == "\"Zoë Núñez\"");
    CHECK(json_quote("张伟 🎉") == "\"张伟 🎉\"");
    CHECK(json_quote("“quoted” — dash") == "\"“quoted” — dash\"");
  }
}

TEST_SUITE("render::JsonWriter")
{
  TEST_CASE("empty containers are {} and []")
  {
    CHECK(JsonWriter().begin_object().end_object().str() == "{}\n");
    CHECK(JsonWriter().begin_array().end_array().str() == "[]\n");
    JsonWriter json;
    json.begin_object();
    json.key("goals").begin_array().end_array();
    json.key("extra").begin_object().end_object();
    json.end_object();
    CHECK(json.str() == "{\n"
                        "  \"goals\": [],\n"
                        "  \"extra\": {}\n"
                        "}\n");
  }

  TEST_CASE("members are separated by commas, one per line, two-space indent")
  {
    JsonWriter json;
    json.begin_object();
    json.key("name").value("Zoë");
    json.key("count").value(3);
    json.key("total").value(12L);
    json.key("ok").value(true);
    json.key("no").value(false);
    json.key("none").null();
    json.end_object();
    CHECK(json.str() == "{\n"
                        "  \"name\": \"Zoë\",\n"
                        "  \"count\": 3,\n"
                        "  \"total\": 12,\n"
                        "  \"ok\": true,\n"
                        "  \"no\": false,\n"
                        "  \"none\": null\n"
                        "}\n");
  }

  TEST_CASE("nesting indents each level by two more spaces")
  {
    JsonWriter json;
    json.begin_object();
    json.key("a").begin_array();
    json.value(1);
    json.begin_object();
    json.key("b").begin_array().value("x").value("y").end_array();
    json.key("c").begin_object().key("d").value(-2).end_object();
    json.end_object();
    json.begin_array().end_array();
    json.end_array();
    json.key("e").value("last");
    json.end_object();
    CHECK(json.str() == "{\n"
                        "  \"a\": [\n"
                        "    1,\n"
                        "    {\n"
                        "      \"b\": [\n"
                        "        \"x\",\n"
                        "        \"y\"\n"
                        "      ],\n"
                        "      \"c\": {\n"
                        "        \"d\": -2\n"
                        "      }\n"
                        "    },\n"
                        "    []\n"
                        "  ],\n"
                        "  \"e\": \"last\"\n"
                        "}\n");
  }

  TEST_CASE("a top-level array of values")
  {
    JsonWriter json;
    json.begin_array().value("a").value(1).null().end_array();
    CHECK(json.str() == "[\n  \"a\",\n  1,\n  null\n]\n");
  }

  TEST_CASE("keys and values are escaped")
  {
    JsonWriter json;
    json.begin_object();
    json.key("we\"ird\\key").value("line one\nline two\ttab \x1f end");
    json.end_object();
    CHECK(json.str() == "{\n"
                        "  \"we\\\"ird\\\\key\": \"line one\\nline two\\ttab \\u001f end\"\n"
                        "}\n");
  }

  TEST_CASE("doubles are written with the given decimals")
  {
    JsonWriter json;
    json.begin_array();
    json.value(1.5, 2);
    json.value(2.0 / 3.0, 2);
    json.value(17.26, 1);
    json.value(3.0, 0);
    json.value(0.0, 1);
    json.end_array();
    CHECK(json.str() == "[\n  1.50,\n  0.67,\n  17.3,\n  3,\n  0.0\n]\n");
  }

  TEST_CASE("optional: a string, or null when empty")
  {
    JsonWriter json;
    json.begin_object();
    json.key("sponsor").optional("");
    json.key("measure").optional("Chairs 4 of 6");
    json.end_object();
    CHECK(json.str() == "{\n"
                        "  \"sponsor\": null,\n"
                        "  \"measure\": \"Chairs 4 of 6\"\n"
                        "}\n");
  }

  TEST_CASE("strings: a list of strings, [] when empty")
  {
    JsonWriter json;
    json.begin_object();
    json.key("topics").strings({"delegation", "the \"Tuesday\" meeting"});
    json.key("none").strings({});
    json.end_object();
    CHECK(json.str() == "{\n"
                        "  \"topics\": [\n"
                        "    \"delegation\",\n"
                        "    \"the \\\"Tuesday\\\" meeting\"\n"
                        "  ],\n"
                        "  \"none\": []\n"
                        "}\n");
  }

  TEST_CASE("a single scalar document")
  {
    CHECK(JsonWriter().value("x").str() == "\"x\"\n");
    CHECK(JsonWriter().null().str() == "null\n");
  }
}
