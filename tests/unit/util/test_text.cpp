#include "mentor/util/text.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace mentor::util;

namespace {

std::vector<std::string> lines_of(std::string_view text)
{
  std::vector<std::string> out;
  for (auto line : split_lines(text)) {
    out.emplace_back(line);
  }
  return out;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_SUITE("util::text")
{
  TEST_CASE("find_invalid_utf8 accepts well-formed text")
  {
    CHECK(find_invalid_utf8("") == std::nullopt);
    CHECK(find_invalid_utf8("plain ASCII\n") == std::nullopt);
    CHECK(find_invalid_utf8("Zoë Núñez, 张伟, Иван, 🎉") == std::nullopt);
    CHECK(find_invalid_utf8("\xC2\x80") == std::nullopt);         // U+0080, smallest 2-byte
    CHECK(find_invalid_utf8("\xDF\xBF") == std::nullopt);         // U+07FF
    CHECK(find_invalid_utf8("\xE0\xA0\x80") == std::nullopt);     // U+0800, smallest 3-byte
    CHECK(find_invalid_utf8("\xED\x9F\xBF") == std::nullopt);     // U+D7FF, just below surrogates
    CHECK(find_invalid_utf8("\xEE\x80\x80") == std::nullopt);     // U+E000, just above
    CHECK(find_invalid_utf8("\xEF\xBF\xBF") == std::nullopt);     // U+FFFF
    CHECK(find_invalid_utf8("\xF0\x90\x80\x80") == std::nullopt); // U+10000, smallest 4-byte
    CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == std::nullopt); // U+10FFFF
    CHECK(find_invalid_utf8(std::string("a\0b", 3)) == std::nullopt);
  }

  TEST_CASE("find_invalid_utf8 reports the first bad byte")
  {
    SUBCASE("overlongs")
    {
      CHECK(find_invalid_utf8("ab\xC0\x80") == 2u);
      CHECK(find_invalid_utf8("\xC1\xBF") == 0u);
      CHECK(find_invalid_utf8("\xE0\x80\x80") == 0u);
      CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0u);
      CHECK(find_invalid_utf8("\xF0\x80\x80\x80") == 0u);
      CHECK(find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0u);
    }
    SUBCASE("surrogates")
    {
      CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);
      CHECK(find_invalid_utf8("\xED\xBF\xBF") == 0u);
    }
    SUBCASE("beyond U+10FFFF")
    {
      CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);
      CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0u);
      CHECK(find_invalid_utf8("\xF8\x88\x80\x80\x80") == 0u);
      CHECK(find_invalid_utf8("\xFF") == 0u);
    }
    SUBCASE("truncated sequences")
    {
      CHECK(find_invalid_utf8("abc\xC3") == 3u);
      CHECK(find_invalid_utf8("abc\xE2\x82") == 3u);
      CHECK(find_invalid_utf8("\xF0\x9F\x8E") == 0u);
      CHECK(find_invalid_utf8("\xC3" "a") == 0u);
      CHECK(find_invalid_utf8("\xE2\x82" "a") == 0u);
    }
    SUBCASE("stray continuation bytes")
    {
      CHECK(find_invalid_utf8("\x80") == 0u);
      CHECK(find_invalid_utf8("ok \xBF") == 3u);
      CHECK(find_invalid_utf8("\xC3\xA9\xA9") == 2u);
    }
    SUBCASE("the first of several")
    {
      CHECK(find_invalid_utf8("é\xFF\xFE") == 2u);
    }
  }

  TEST_CASE("line_col_at is 1-based, in bytes")
  {
    const std::string_view text = "ab\ncdé\n\nx";
    CHECK(line_col_at(text, 0).line == 1);
    CHECK(line_col_at(text, 0).col == 1);
    CHECK(line_col_at(text, 1).col == 2);
    CHECK(line_col_at(text, 2).line == 1); // the '\n' itself
    CHECK(line_col_at(text, 2).col == 3);
    CHECK(line_col_at(text, 3).line == 2);
    CHECK(line_col_at(text, 3).col == 1);
    CHECK(line_col_at(text, 7).line == 2); // the byte after é's two bytes is '\n'
    CHECK(line_col_at(text, 7).col == 5);
    CHECK(line_col_at(text, 8).line == 3);
    CHECK(line_col_at(text, 9).line == 4);
    CHECK(line_col_at(text, 9).col == 1);
    // Past the end clamps to the end.
    CHECK(line_col_at(text, 999).line == 4);
    CHECK(line_col_at(text, 999).col == 2);
    CHECK(line_col_at("", 0).line == 1);
    CHECK(line_col_at("", 0).col == 1);
  }

  TEST_CASE("line_at and line_start")
  {
    const std::string_view text = "first\nsecond\r\n\nlast";
    CHECK(line_at(text, 1) == "first");
    CHECK(line_at(text, 2) == "second");
    CHECK(line_at(text, 3) == "");
    CHECK(line_at(text, 4) == "last");
    CHECK(line_at(text, 5) == "");
    CHECK(line_at(text, 0) == "");
    CHECK(line_at(text, -1) == "");
    CHECK(line_start(text, 1) == 0u);
    CHECK(line_start(text, 2) == 6u);
    CHECK(line_start(text, 3) == 14u);
    CHECK(line_start(text, 4) == 15u);
    CHECK(line_start(text, 5) == text.size());
    CHECK(line_start("a\n", 2) == 2u);
    CHECK(line_at("a\n", 2) == "");
    for (int line = 1; line <= 4; ++line) {
      CAPTURE(line);
      CHECK(line_col_at(text, line_start(text, line)).line == line);
      CHECK(line_col_at(text, line_start(text, line)).col == 1);
    }
  }

  TEST_CASE("split_lines")
  {
    CHECK(lines_of("") == Lines{});
    CHECK(lines_of("one") == Lines{"one"});
    CHECK(lines_of("one\n") == Lines{"one"});
    CHECK(lines_of("one\ntwo") == Lines{"one", "two"});
    CHECK(lines_of("one\n\ntwo\n") == Lines{"one", "", "two"});
    CHECK(lines_of("\n") == Lines{""});
    CHECK(lines_of("a\n\n") == Lines{"a", ""});
    // Only '\n' splits; other bytes are left for the caller to see.
    CHECK(lines_of("a\r\nb") == Lines{"a\r", "b"});
  }

  TEST_CASE("trim, starts_with_ci, to_lower_ascii")
  {
    CHECK(trim("  a b \t\n") == "a b");
    CHECK(trim("\r\n") == "");
    CHECK(trim("") == "");
    CHECK(trim("x") == "x");
    CHECK(starts_with_ci("Alice Smith", "ali"));
    CHECK(starts_with_ci("alice", "ALICE"));
    CHECK(starts_with_ci("anything", ""));
    CHECK_FALSE(starts_with_ci("al", "alice"));
    CHECK_FALSE(starts_with_ci("Bob", "ali"));
    CHECK(to_lower_ascii("Zoë NÚÑEZ 42") == "zoë nÚÑez 42");
  }

  TEST_CASE("normalize_note")
  {
    SUBCASE("line breaks become LF")
    {
      CHECK(normalize_note("a\r\nb\r\nc") == "a\nb\nc");
      CHECK(normalize_note("a\rb\rc") == "a\nb\nc");
      CHECK(normalize_note("a\r\rb") == "a\n\nb");
      CHECK(normalize_note("a\n\r\nb") == "a\n\nb");
    }
    SUBCASE("trailing white space at the very end goes")
    {
      CHECK(normalize_note("done.  \n\n\t \r\n") == "done.");
      CHECK(normalize_note(" \n\t") == "");
      CHECK(normalize_note("") == "");
    }
    SUBCASE("everything else is kept byte for byte")
    {
      CHECK(normalize_note("  indented\n\tstep one  \n\n  - item") ==
            "  indented\n\tstep one  \n\n  - item");
      CHECK(normalize_note("Zoë: \"ok\" # not a comment") == "Zoë: \"ok\" # not a comment");
    }
  }

  TEST_CASE("display_width")
  {
    CHECK(display_width("") == 0u);
    CHECK(display_width("Alice") == 5u);
    CHECK(display_width("Zoë Núñez") == 9u);
    CHECK(display_width("Zoe\xCC\x88") == 3u); // combining diaeresis
    CHECK(display_width("a\xCC\x80\xCD\xAF") == 1u); // U+0300 and U+036F, both ends
    CHECK(display_width("a\xCD\xB0") == 2u);         // U+0370 is a letter
    CHECK(display_width("张伟") == 4u);
    CHECK(display_width("김민수") == 6u);
    CHECK(display_width("Иван") == 4u);
    CHECK(display_width("🎉x") == 3u);
    CHECK(display_width("ｱ") == 1u);   // half-width katakana U+FF71 is narrow
    CHECK(display_width("Ａ") == 2u);  // fullwidth A U+FF21
    CHECK(display_width("\xFF" "a") == 2u);
  }
}
