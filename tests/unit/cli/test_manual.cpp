#include "testutil.hpp"
#include "mentor/cli/manual.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using mentor::cli::executable_dir;
using mentor::cli::find_manual_page;
using mentor::cli::manual_page_candidates;
using mentor::cli::ManualPage;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;

namespace fs = std::filesystem;

TEST_SUITE("cli::manual")
{
  TEST_CASE("a page's title")
  {
    CHECK(ManualPage{"mentor-log", 1}.title() == "mentor-log(1)");
    CHECK(ManualPage{"mentor", 5}.title() == "mentor(5)");
  }

  TEST_CASE("installed pages first, compressed first, then the build tree's")
  {
    const auto candidates = manual_page_candidates("/usr/bin", ManualPage{"mentor-log", 1});
    REQUIRE(candidates.size() == 3);
    CHECK(candidates[0] == fs::path("/usr/share/man/man1/mentor-log.1.gz"));
    CHECK(candidates[1] == fs::path("/usr/share/man/man1/mentor-log.1"));
    CHECK(candidates[2] == fs::path("/usr/man/man1/mentor-log.1.gz"));
    CHECK(manual_page_candidates("/opt/m/bin", ManualPage{"mentor", 5})[0]
          == fs::path("/opt/m/share/man/man5/mentor.5.gz"));
  }

  TEST_CASE("find_manual_page takes the first that exists, and only files")
  {
    TempDir temp;
    const auto bin = temp.path() / "bin";
    const ManualPage page{"mentor-show", 1};
    CHECK_FALSE(find_manual_page(bin, page));

    SUBCASE("the build tree's page")
    {
      write_text(temp.path() / "man/man1/mentor-show.1.gz", "page");
      CHECK(find_manual_page(bin, page) == temp.path() / "man/man1/mentor-show.1.gz");
    }
    SUBCASE("an installed page wins over the build tree's")
    {
      write_text(temp.path() / "man/man1/mentor-show.1.gz", "page");
      write_text(temp.path() / "share/man/man1/mentor-show.1", "page");
      CHECK(find_manual_page(bin, page) == temp.path() / "share/man/man1/mentor-show.1");
    }
    SUBCASE("a directory of that name is not a page")
    {
      fs::create_directories(temp.path() / "share/man/man1/mentor-show.1.gz");
      CHECK_FALSE(find_manual_page(bin, page));
    }
    SUBCASE("another section's page is not this one")
    {
      write_text(temp.path() / "share/man/man5/mentor-show.5.gz", "page");
      CHECK_FALSE(find_manual_page(bin, page));
    }
  }

  TEST_CASE("the running binary's directory is known on Linux")
  {
    const auto dir = executable_dir();
    REQUIRE(dir);
    CHECK(dir->is_absolute());
    CHECK(fs::exists(*dir / "unit_cli"));
  }
}
