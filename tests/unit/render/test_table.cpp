#include "mentor/render/table.hpp"
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

// The display column where `needle` starts on `line`.
std::size_t column_of(const std::string& line, const std::string& needle)
{
  const auto at = line.find(needle);
  REQUIRE(at != std::string::npos);
  return display_width(std::string_view(line).substr(0, at));
}

std::string strip_escapes(const std::string& text)
{
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {
      i = text.find('m', i);
      REQUIRE(i != std::string::npos);
      continue;
    }
    out += text[i];
  }
  return out;
}

const Style k_plain(false);

} // namespace

TEST_SUITE("render::Table")
{
  TEST_CASE("header and rows, columns as wide as their widest cell")
  {
    Table table({"ID", "NAME"});
    table.add_row({"a", "Alice"});
    table.add_row({"bob-long", "B"});
    CHECK(table.render(k_plain)
          == "ID        NAME\n"
             "a         Alice\n"
             "bob-long  B\n");
  }

  TEST_CASE("a header wider than the cells sets the width")
  {
    Table table({"ORGANISATION", "X"});
    table.add_row({"abc", "1"});
    CHECK(table.render(k_plain)
          == "ORGANISATION  X\n"
             "abc           1\n");
  }

  TEST_CASE("empty() until a row is added, the header alone renders")
  {
    Table table({"ID", "NAME"});
    CHECK(table.empty());
    CHECK(table.render(k_plain) == "ID  NAME\n");
    table.add_row({"x", "y"});
    CHECK_FALSE(table.empty());
  }

  TEST_CASE("columns line up in display columns with UTF-8")
  {
    Table table({"ID", "NAME", "ORG"});
    table.add_row({"zoe-nunez", "Zoë Núñez", "Biblioteca"});
    table.add_row({"wei-zhang", "张伟", "北京"});
    table.add_row({"party", "🎉 Party", "x"});
    table.add_row({"plain", "Plain Name Here", "y"});
    const auto lines = lines_of(table.render(k_plain));
    REQUIRE(lines.size() == 5);
    const auto org_column = column_of(lines[0], "ORG");
    CHECK(column_of(lines[1], "Biblioteca") == org_column);
    CHECK(column_of(lines[2], "北京") == org_column);
    CHECK(column_of(lines[3], "x") == org_column);
    CHECK(column_of(lines[4], "y") == org_column);
    // The widest NAME is 15 columns, then two spaces.
    CHECK(org_column == 9 + 2 + 15 + 2);
  }

  TEST_CASE("missing cells are empty")
  {
    Table table({"A", "B", "C"});
    table.add_row({"1"});
    table.add_row({"2", "two", "three"});
    const auto lines = lines_of(table.render(k_plain));
    REQUIRE(lines.size() == 3);
    CHECK(lines[1] == "1");
    CHECK(lines[2] == "2  two  three");
  }

  TEST_CASE("trailing spaces are trimmed")
  {
    Table table({"ID", "NAME", "ORGANISATION", "ROLE"});
    table.add_row({"phil", "Phil Rumens (me)", "", ""});
    table.add_row({"zoe", "Zoë", "City Library", ""});
    table.add_row({"ann", "Ann", "", "Lead"});
    const auto out = table.render(k_plain);
    for (const auto& line : lines_of(out)) {
      CAPTURE(line);
      CHECK_FALSE(line.ends_with(" "));
    }
    const auto lines = lines_of(out);
    CHECK(lines[1] == "phil  Phil Rumens (me)");
    CHECK(lines[2] == "zoe   Zoë" + std::string(15, ' ') + "City Library");
  }

  TEST_CASE("lines fit 80 columns when they can")
  {
    SUBCASE("several wide columns shrink, each clipped with an ellipsis")
    {
      Table table({"A", "B", "C", "D"});
      table.add_row({std::string(40, 'a'), std::string(40, 'b'), std::string(40, 'c'), std::string(40, 'd')});
      table.add_row({"short", "short", "short", "short"});
      const auto lines = lines_of(table.render(k_plain));
      for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(display_width(line) <= 80);
      }
      CHECK(lines[1].find("…") != std::string::npos);
      CHECK(lines[2].starts_with("short  "));
      CHECK(lines[2].ends_with("  short"));
    }
    SUBCASE("only what is too wide is clipped")
    {
      Table table({"ID", "NOTE"});
      table.add_row({"a1", std::string(100, 'n')});
      table.add_row({"a2", "short"});
      const auto lines = lines_of(table.render(k_plain));
      CHECK(display_width(lines[1]) == 80);
      CHECK(lines[1] == "a1  " + std::string(75, 'n') + "…");
      CHECK(lines[2] == "a2  short");
    }
    SUBCASE("wide characters are clipped by display columns")
    {
      Table table({"ID", "NAME"});
      std::string name;
      for (int i = 0; i < 50; ++i) {
        name += "张";
      }
      table.add_row({"wei", name});
      for (const auto& line : lines_of(table.render(k_plain))) {
        CHECK(display_width(line) <= 80);
        CHECK(mentor::util::find_invalid_utf8(line) == std::nullopt);
      }
    }
    SUBCASE("a narrower width is honoured")
    {
      Table table({"ID", "NAME"});
      table.add_row({"x", std::string(60, 'n')});
      for (const auto& line : lines_of(table.render(k_plain, 40))) {
        CHECK(display_width(line) <= 40);
      }
    }
  }

  TEST_CASE("keep_whole columns are clipped only when nothing else can give way")
  {
    const std::string id = "phil-rumens--" + std::string(40, 'z');
    Table table({"ID", "KIND", "NAME"});
    table.keep_whole(0);
    table.add_row({id, "coaching", std::string(60, 'n')});
    const auto lines = lines_of(table.render(k_plain));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].starts_with(id + "  "));
    CHECK(display_width(lines[1]) <= 80);
    CHECK(lines[1].ends_with("…"));

    SUBCASE("when the line cannot fit otherwise, the id is cut too and the line fits")
    {
      const std::string huge(100, 'i');
      Table wide({"ID", "NAME"});
      wide.keep_whole(0);
      wide.add_row({huge, "Somebody Long"});
      const auto wide_lines = lines_of(wide.render(k_plain));
      CHECK(display_width(wide_lines[1]) <= 80);
      CHECK(wide_lines[1] == std::string(65, 'i') + "…  Somebody Lo…");
    }
    SUBCASE("without keep_whole the same id is clipped")
    {
      Table clipped({"ID", "KIND", "NAME"});
      clipped.add_row({id, "coaching", std::string(60, 'n')});
      const auto clipped_lines = lines_of(clipped.render(k_plain));
      CHECK(clipped_lines[1].find(id) == std::string::npos);
      CHECK(display_width(clipped_lines[1]) <= 80);
    }
  }

  TEST_CASE("the header is bold with colour, the rows are plain")
  {
    Table table({"ID", "NAME"});
    table.add_row({"zoe", "Zoë Núñez"});
    const auto colored = table.render(Style(true));
    const auto lines = lines_of(colored);
    CHECK(lines[0].find("\x1b[1m") != std::string::npos);
    CHECK(lines[1].find('\x1b') == std::string::npos);
    CHECK(strip_escapes(colored) == table.render(k_plain));
    CHECK(table.render(k_plain).find('\x1b') == std::string::npos);
  }
}
