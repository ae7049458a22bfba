#include "mentor/util/slug.hpp"

#include <doctest/doctest.h>

#include <string>

using mentor::util::fold;
using mentor::util::is_valid_slug;
using mentor::util::k_max_slug_length;
using mentor::util::slugify;

TEST_SUITE("util::slug")
{
  TEST_CASE("fold lower-cases ASCII and folds Latin accents")
  {
    SUBCASE("ASCII")
    {
      CHECK(fold("Alice SMITH 42!") == "alice smith 42!");
      CHECK(fold("") == "");
    }
    SUBCASE("examples from the header")
    {
      CHECK(fold("Zoë Núñez") == "zoe nunez");
      CHECK(fold("Straße") == "strasse");
      CHECK(fold("Łódź") == "lodz");
    }
    SUBCASE("Latin-1 Supplement")
    {
      CHECK(fold("é") == "e");
      CHECK(fold("ñ") == "n");
      CHECK(fold("ü") == "u");
      CHECK(fold("ß") == "ss");
      CHECK(fold("æ") == "ae");
      CHECK(fold("Æ") == "ae");
      CHECK(fold("ø") == "o");
      CHECK(fold("Ø") == "o");
      CHECK(fold("þ") == "th");
      CHECK(fold("Þ") == "th");
      CHECK(fold("ð") == "d");
      CHECK(fold("Ð") == "d");
      CHECK(fold("å") == "a");
      CHECK(fold("ç") == "c");
      CHECK(fold("ÿ") == "y");
      CHECK(fold("ÀÁÂÃÄÅ") == "aaaaaa");
      CHECK(fold("ÈÉÊËÌÍÎÏ") == "eeeeiiii");
      CHECK(fold("ÒÓÔÕÖÙÚÛÜÝ") == "ooooouuuuy");
      CHECK(fold("àáâãäåèéêëìíîïòóôõöùúûüý") == "aaaaaaeeeeiiiiooooouuuuy");
    }
    SUBCASE("signs in Latin-1 that are not letters are kept")
    {
      CHECK(fold("2×3÷4") == "2×3÷4");
      CHECK(fold("£5") == "£5");
    }
    SUBCASE("Latin Extended-A")
    {
      CHECK(fold("ł") == "l");
      CHECK(fold("Ł") == "l");
      CHECK(fold("đ") == "d");
      CHECK(fold("Đ") == "d");
      CHECK(fold("œ") == "oe");
      CHECK(fold("Œ") == "oe");
      CHECK(fold("ı") == "i");
      CHECK(fold("İ") == "i");
      CHECK(fold("ŋ") == "n");
      CHECK(fold("Ŋ") == "n");
      CHECK(fold("Ā") == "a");
      CHECK(fold("ž") == "z");
      CHECK(fold("Ž") == "z");
      CHECK(fold("ĳ") == "ij");
      CHECK(fold("ſ") == "s");
      CHECK(fold("Čapek Dvořák Şahin Ğül Ōsaka Ąę Ůű") ==
            "capek dvorak sahin gul osaka ae uu");
    }
    SUBCASE("Romanian comma-below letters")
    {
      CHECK(fold("Ștefan Țurcanu") == "stefan turcanu");
    }
    SUBCASE("combining marks are dropped")
    {
      CHECK(fold("e\xCC\x81") == "e");                 // e + U+0301
      CHECK(fold("Zoe\xCC\x88 Nu\xCC\x81n\xCC\x83" "ez") == "zoe nunez");
      CHECK(fold("\xCD\xAF") == "");                   // U+036F, last of the block
      CHECK(fold("a\xCD\xB0") == "a\xCD\xB0");         // U+0370 is past the block
    }
    SUBCASE("other scripts are kept as they are")
    {
      CHECK(fold("Иван Петров") == "Иван Петров");
      CHECK(fold("张伟") == "张伟");
      CHECK(fold("Ωmega") == "Ωmega");
      CHECK(fold("🎉 Party") == "🎉 party");
    }
    SUBCASE("invalid UTF-8 bytes are dropped")
    {
      CHECK(fold("a\xFF" "b") == "ab");
      CHECK(fold("a\x80" "b") == "ab");
      CHECK(fold("\xC3") == "");                       // truncated é
      CHECK(fold("\xC3" "A") == "a");                  // é missing its second byte
      CHECK(fold("\xC0\x80" "x") == "x");              // overlong NUL
      CHECK(fold("\xED\xA0\x80" "x") == "x");          // surrogate
      CHECK(fold("\xF4\x90\x80\x80" "x") == "x");      // above U+10FFFF
      CHECK(fold("Zo\xC3\xAB\xFE") == "zoe");
    }
  }

  TEST_CASE("slugify")
  {
    SUBCASE("names")
    {
      CHECK(slugify("Zoë Núñez") == "zoe-nunez");
      CHECK(slugify("  Alice  SMITH ") == "alice-smith");
      CHECK(slugify("O'Brien") == "o-brien");
      CHECK(slugify("Jean-Luc Picard") == "jean-luc-picard");
      CHECK(slugify("Anna-Lena  --  Ma") == "anna-lena-ma");
      CHECK(slugify("R2 D2") == "r2-d2");
      CHECK(slugify("Straße 9") == "strasse-9");
      CHECK(slugify("e\xCC\x81mile") == "emile");
    }
    SUBCASE("nothing a user types escapes the directory")
    {
      CHECK(slugify("../x") == "x");
      CHECK(slugify("/etc/passwd") == "etc-passwd");
      CHECK(slugify("a/b") == "a-b");
      CHECK(slugify("..") == "");
      CHECK(slugify("a\\..\\b") == "a-b");
      CHECK(slugify(std::string("a\0b", 3)) == "a-b");
    }
    SUBCASE("no usable letters")
    {
      CHECK(slugify("") == "");
      CHECK(slugify("!!!") == "");
      CHECK(slugify("   ") == "");
      CHECK(slugify("张伟") == "");
      CHECK(slugify("🎉") == "");
      CHECK(slugify("\xFF\xFE") == "");
    }
    SUBCASE("mixed scripts keep the Latin part")
    {
      CHECK(slugify("Wei 张伟 Zhang") == "wei-zhang");
    }
  }

  TEST_CASE("slugify cuts long names")
  {
    SUBCASE("at a dash in the last 16 characters")
    {
      // 10 words of 9 letters: dashes at 9, 19, ..., 59, 69.
      std::string name;
      for (int i = 0; i < 10; ++i) {
        name += (i > 0 ? " " : "") + std::string(9, static_cast<char>('a' + i));
      }
      const std::string slug = slugify(name);
      CHECK(slug.size() == 59);
      CHECK(slug.back() == 'f');
      CHECK(is_valid_slug(slug));
    }
    SUBCASE("a cut that falls on a word boundary keeps the full length")
    {
      const std::string name = std::string(30, 'a') + " " + std::string(33, 'b') + " tail";
      const std::string slug = slugify(name);
      CHECK(slug.size() == 64);
      CHECK(slug == std::string(30, 'a') + "-" + std::string(33, 'b'));
    }
    SUBCASE("a dash right before the cut is not left at the end")
    {
      const std::string name = std::string(63, 'a') + " bbbbbb";
      const std::string slug = slugify(name);
      CHECK(slug == std::string(63, 'a'));
    }
    SUBCASE("mid-word when there is no dash near the end")
    {
      const std::string slug = slugify(std::string(100, 'X'));
      CHECK(slug == std::string(64, 'x'));
    }
    SUBCASE("a dash too early is not used")
    {
      const std::string name = std::string(10, 'a') + " " + std::string(90, 'b');
      const std::string slug = slugify(name);
      CHECK(slug.size() == 64);
      CHECK(slug == std::string(10, 'a') + "-" + std::string(53, 'b'));
    }
    SUBCASE("any 100-character name gives a valid slug")
    {
      const std::string name = "Maria-José de la Santísima Trinidad Fernández Łukasiewicz-"
                               "Øvergaard Ñúñez O'Connor y Smith";
      const std::string slug = slugify(name);
      CHECK(slug.size() <= k_max_slug_length);
      CHECK(is_valid_slug(slug));
      CHECK(slug.rfind("maria-jose-de-la-santisima", 0) == 0);
    }
  }

  TEST_CASE("is_valid_slug")
  {
    for (const char* good : {"a", "0", "alice-smith", "r2-d2", "zoe-nunez-2", "abc123"}) {
      CAPTURE(good);
      CHECK(is_valid_slug(good));
    }
    CHECK(is_valid_slug(std::string(64, 'a')));
    for (const char* bad : {"", "-", "-a", "a-", "a--b", "Alice", "a b", "a_b", "a.b", "../x",
                            "a/b", "zoë", "a\n"}) {
      CAPTURE(bad);
      CHECK_FALSE(is_valid_slug(bad));
    }
    CHECK_FALSE(is_valid_slug(std::string(65, 'a')));
    CHECK_FALSE(is_valid_slug(std::string("a\0b", 3)));
  }
}
