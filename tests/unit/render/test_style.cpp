#include "mentor/render/style.hpp"
#include "mentor/util/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace mentor::render;
using mentor::util::display_width;

namespace {

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> out;
  for (auto line : mentor::util::split_lines(text)) {
    out.emplace_back(line);
  }
  return out;
}

using Lines = std::vector<std::string>;

bool ends_with_ellipsis(const std::string& text)
{
  return text.ends_with("…");
}

} // namespace

TEST_SUITE("render::Style")
{
  TEST_CASE("no escapes when colour is off")
  {
    const Style plain(false);
    CHECK_FALSE(plain.color());
    CHECK(plain.bold("Goals") == "Goals");
    CHECK(plain.dim("x") == "x");
    CHECK(plain.red("late") == "late");
    CHECK(plain.green("ok") == "ok");
    CHECK(plain.yellow("soon") == "soon");
    CHECK(plain.bold("") == "");
    CHECK(plain.bold("Zoë 张伟").find('\x1b') == std::string::npos);
  }

  TEST_CASE("ANSI codes when colour is on")
  {
    const Style color(true);
    CHECK(color.color());
    CHECK(color.bold("Goals") == "\x1b[1mGoals\x1b[0m");
    CHECK(color.dim("x") == "\x1b[2mx\x1b[0m");
    CHECK(color.red("late") == "\x1b[31mlate\x1b[0m");
    CHECK(color.green("ok") == "\x1b[32mok\x1b[0m");
    CHECK(color.yellow("soon") == "\x1b[33msoon\x1b[0m");
    CHECK(color.bold("Zoë") == "\x1b[1mZoë\x1b[0m");
  }
}

TEST_SUITE("render::pad")
{
  TEST_CASE("pads to display columns, not bytes")
  {
    SUBCASE("ASCII")
    {
      CHECK(pad("ab", 5) == "ab   ");
      CHECK(pad("", 3) == "   ");
      CHECK(pad("abc", 3) == "abc");
    }
    SUBCASE("accents count one column each")
    {
      CHECK(pad("Zoë", 5) == "Zoë  ");
      CHECK(pad("Núñez", 6) == "Núñez ");
      // A combining acute accent takes no column.
      CHECK(pad("e\xCC\x81", 3) == "e\xCC\x81  ");
    }
    SUBCASE("CJK and emoji count two columns")
    {
      CHECK(pad("张伟", 6) == "张伟  ");
      CHECK(pad("张伟", 4) == "张伟");
      CHECK(pad("🎉", 3) == "🎉 ");
      CHECK(display_width(pad("李 🎉 x", 10)) == 10);
    }
  }

  TEST_CASE("never cuts")
  {
    CHECK(pad("abcdef", 3) == "abcdef");
    CHECK(pad("张伟张伟", 3) == "张伟张伟");
    CHECK(pad("x", 0) == "x");
  }
}

TEST_SUITE("render::clip")
{
  TEST_CASE("text that fits is unchanged")
  {
    CHECK(clip("hello", 5) == "hello");
    CHECK(clip("hello", 80) == "hello");
    CHECK(clip("", 0) == "");
    CHECK(clip("Zoë", 3) == "Zoë");
    CHECK(clip("张伟", 4) == "张伟");
  }

  TEST_CASE("cut text ends with an ellipsis")
  {
    SUBCASE("ASCII")
    {
      CHECK(clip("hello world", 5) == "hell…");
      CHECK(clip("hello", 4) == "hel…");
      CHECK(clip("hello", 1) == "…");
    }
    SUBCASE("accents are never split")
    {
      CHECK(clip("Zoë Núñez", 4) == "Zoë…");
      CHECK(clip("Zoë Núñez", 7) == "Zoë Nú…");
      CHECK(clip("ëëëë", 3) == "ëë…");
    }
    SUBCASE("a wide character that does not fit is left out")
    {
      CHECK(clip("张伟张伟", 5) == "张伟…");
      CHECK(clip("张伟张伟", 4) == "张…");
      CHECK(clip("张伟张伟", 2) == "…");
      CHECK(clip("🎉🎉🎉", 4) == "🎉…");
      CHECK(clip("a🎉b", 3) == "a…");
    }
    SUBCASE("a combining mark stays with its letter")
    {
      CHECK(clip("e\xCC\x81"
                 "e\xCC\x81"
                 "e\xCC\x81",
                 2)
            == "e\xCC\x81…");
    }
  }

  TEST_CASE("never exceeds the width")
  {
    const std::vector<std::string> samples = {
        "Phil Rumens", "Zoë Núñez-García", "张伟 and 李娜", "🎉 party 🎉🎉", "e\xCC\x81tude", "x", "mixed 张 ë 🎉 end",
    };
    for (const auto& sample : samples) {
      for (std::size_t width = 0; width <= display_width(sample) + 1; ++width) {
        CAPTURE(sample);
        CAPTURE(width);
        const auto clipped = clip(sample, width);
        CHECK(display_width(clipped) <= width);
        CHECK(mentor::util::find_invalid_utf8(clipped) == std::nullopt);
        if (display_width(sample) > width) {
          CHECK(clipped != sample);
          if (width > 0) {
            CHECK(ends_with_ellipsis(clipped));
          }
        } else {
          CHECK(clipped == sample);
        }
      }
    }
  }

  TEST_CASE("width zero leaves nothing")
  {
    CHECK(clip("abc", 0) == "");
  }

  TEST_CASE("invalid bytes do not swallow the text after them")
  {
    // A byte that starts no sequence is one column; the ASCII after it stays.
    CHECK(clip("\xFF"
               "abcdef",
               4)
          == "\xFF"
             "ab…");
  }
}

TEST_SUITE("render::wrap_text")
{
  TEST_CASE("wraps at spaces and indents every line")
  {
    SUBCASE("no indent")
    {
      CHECK(wrap_text("one two three", 7, "") == "one two\nthree\n");
      CHECK(wrap_text("one two three", 13, "") == "one two three\n");
    }
    SUBCASE("with an indent that counts against the width")
    {
      CHECK(wrap_text("one two three", 9, "  ") == "  one two\n  three\n");
      CHECK(wrap_text("one two three", 8, "  ") == "  one\n  two\n  three\n");
    }
    SUBCASE("the words are all there, in order")
    {
      const std::string text = "the quick brown fox jumps over the lazy dog and keeps running far away";
      const auto wrapped = wrap_text(text, 20, "    ");
      std::string joined;
      for (const auto& line : lines_of(wrapped)) {
        CHECK(line.starts_with("    "));
        CHECK(display_width(line) <= 20);
        joined += (joined.empty() ? "" : " ") + line.substr(4);
      }
      CHECK(joined == text);
    }
  }

  TEST_CASE("keeps existing line breaks")
  {
    CHECK(wrap_text("first\nsecond", 80, "    ") == "    first\n    second\n");
    CHECK(wrap_text("a b c\nd e f", 5, "") == "a b c\nd e f\n");
    CHECK(wrap_text("a b c d\ne", 5, "") == "a b c\nd\ne\n");
  }

  TEST_CASE("blank lines stay, without trailing spaces")
  {
    CHECK(wrap_text("a\n\nb", 80, "    ") == "    a\n\n    b\n");
    for (const auto& line : lines_of(wrap_text("para one\n\n  \npara two words here", 12, "  "))) {
      CHECK_FALSE(line.ends_with(" "));
    }
  }

  TEST_CASE("empty text gives nothing")
  {
    CHECK(wrap_text("", 80, "    ") == "");
  }

  TEST_CASE("a line's own leading spaces are kept")
  {
    CHECK(wrap_text("list:\n  - item", 80, "  ") == "  list:\n    - item\n");
  }

  TEST_CASE("no line starts or ends with the space where it was wrapped")
  {
    const auto wrapped = wrap_text("aaaa  bbbb   cccc", 6, "");
    CHECK(wrapped == "aaaa\nbbbb\ncccc\n");
  }

  TEST_CASE("UTF-8 is measured in display columns")
  {
    SUBCASE("accents")
    {
      CHECK(wrap_text("Zoë Núñez García", 9, "") == "Zoë Núñez\nGarcía\n");
    }
    SUBCASE("CJK counts two columns")
    {
      // "张伟 李娜" is 9 columns: too wide for 8.
      CHECK(wrap_text("张伟 李娜", 8, "") == "张伟\n李娜\n");
      CHECK(wrap_text("张伟 李娜", 9, "") == "张伟 李娜\n");
    }
    SUBCASE("emoji count two columns")
    {
      CHECK(wrap_text("🎉🎉 🎉🎉", 8, "") == "🎉🎉\n🎉🎉\n");
    }
  }

  TEST_CASE("words longer than the width are cut to fit")
  {
    SUBCASE("ASCII")
    {
      CHECK(wrap_text("abcdefghij", 4, "") == "abcd\nefgh\nij\n");
      CHECK(wrap_text("see abcdefghij now", 6, "  ") == "  see\n  abcd\n  efgh\n  ij\n  now\n");
    }
    SUBCASE("a long URL in a note")
    {
      const std::string url = "https://example.org/" + std::string(120, 'x');
      const auto wrapped = wrap_text("read " + url + " before Tuesday", 80, "    ");
      std::string joined;
      for (const auto& line : lines_of(wrapped)) {
        CHECK(line.starts_with("    "));
        CHECK(display_width(line) <= 80);
        joined += line.substr(4);
      }
      CHECK(joined.find(url) != std::string::npos);
    }
    SUBCASE("wide characters are not split")
    {
      const auto wrapped = wrap_text("张伟张伟张", 5, "");
      CHECK(wrapped == "张伟\n张伟\n张\n");
      CHECK(mentor::util::find_invalid_utf8(wrapped) == std::nullopt);
    }
  }

  TEST_CASE("no line is wider than the width")
  {
    const std::string text = "Zoë said: “the Tuesday meeting is the one” — 张伟 agreed 🎉. "
                             "Next: supercalifragilisticexpialidocious delegation and a longer sentence\n"
                             "second paragraph with more words to wrap around the edge of the width";
    for (std::size_t width = 10; width <= 40; width += 3) {
      CAPTURE(width);
      for (const auto& line : lines_of(wrap_text(text, width, "  "))) {
        CAPTURE(line);
        CHECK(display_width(line) <= width);
        CHECK(line.starts_with("  "));
        CHECK_FALSE(line.ends_with(" "));
      }
    }
  }
}

TEST_SUITE("render::hanging_text")
{
  TEST_CASE("the first line starts with `first`, later lines line up under the text")
  {
    SUBCASE("text that fits")
    {
      CHECK(hanging_text("Draft an agenda", "    - ") == "    - Draft an agenda\n");
      CHECK(hanging_text("Draft an agenda", "  g1   open      ", 80) == "  g1   open      Draft an agenda\n");
    }
    SUBCASE("wrapped text")
    {
      CHECK(hanging_text("one two three four five", "  - ", 14) == "  - one two\n    three four\n    five\n");
    }
    SUBCASE("the default width is 80")
    {
      const std::string text = "the quick brown fox jumps over the lazy dog and keeps running far away from here";
      const auto out = hanging_text(text, "    - ");
      const auto lines = lines_of(out);
      REQUIRE(lines.size() == 2);
      CHECK(lines[0].starts_with("    - the quick"));
      CHECK(lines[1].starts_with("      "));
      CHECK(lines[1][6] != ' ');
      CHECK(display_width(lines[0]) <= 80);
      CHECK(display_width(lines[0]) > 70);
      CHECK(lines[0].substr(6) + " " + lines[1].substr(6) == text);
    }
    SUBCASE("line breaks in the text are kept, under the text")
    {
      CHECK(hanging_text("first\nsecond", "  a1   ") == "  a1   first\n       second\n");
    }
  }

  TEST_CASE("`first` is measured in display columns")
  {
    // "  ë " is four columns but five bytes.
    CHECK(hanging_text("aaa bbb", "  ë ", 8) == "  ë aaa\n    bbb\n");
    CHECK(hanging_text("aaa bbb", "  张 ", 9) == "  张 aaa\n     bbb\n");
  }

  TEST_CASE("hanging text: no line is wider than the width")
  {
    const std::string text = "Zoë said: “the Tuesday meeting is the one” — 张伟 agreed 🎉. "
                             "Next: supercalifragilisticexpialidocious delegation";
    for (std::size_t width = 12; width <= 40; width += 4) {
      CAPTURE(width);
      const auto lines = lines_of(hanging_text(text, "  - ", width));
      REQUIRE_FALSE(lines.empty());
      CHECK(lines[0].starts_with("  - "));
      for (std::size_t i = 0; i < lines.size(); ++i) {
        CAPTURE(lines[i]);
        CHECK(display_width(lines[i]) <= width);
        CHECK_FALSE(lines[i].ends_with(" "));
        if (i > 0) {
          CHECK(lines[i].starts_with("    "));
        }
      }
    }
  }

  TEST_CASE("empty text: `first` alone, without trailing spaces")
  {
    CHECK(hanging_text("", "    - ") == "    -\n");
    CHECK(hanging_text("", "  a1   ") == "  a1\n");
  }

  TEST_CASE("a text starting with a blank line keeps `first` on a line of its own")
  {
    CHECK(hanging_text("\nsecond", "  - ") == "  -\n    second\n");
  }
}
