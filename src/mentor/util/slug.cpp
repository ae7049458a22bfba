#include "mentor/util/slug.hpp"

#include "mentor/util/text.hpp"

#include <array>

namespace mentor::util {

namespace {

// Keeping a tail word whole matters more than using every character, but not
// so much that a slug loses a quarter of its length.
constexpr std::size_t k_word_cut_window = 16;

struct Fold
{
  char32_t first;
  char32_t last;
  std::string_view ascii;
};

// Latin letters with diacritics and their plain ASCII spelling, covering
// Latin-1 Supplement, Latin Extended-A and the few Latin Extended-B letters
// in everyday use (Romanian). Sorted by code point.
constexpr std::array k_folds = {
  // Latin-1 Supplement; U+00D7 and U+00F7 are the multiplication and
  // division signs, not letters.
  Fold{0xC0, 0xC5, "a"},   Fold{0xC6, 0xC6, "ae"},  Fold{0xC7, 0xC7, "c"},
  Fold{0xC8, 0xCB, "e"},   Fold{0xCC, 0xCF, "i"},   Fold{0xD0, 0xD0, "d"},
  Fold{0xD1, 0xD1, "n"},   Fold{0xD2, 0xD6, "o"},   Fold{0xD8, 0xD8, "o"},
  Fold{0xD9, 0xDC, "u"},   Fold{0xDD, 0xDD, "y"},   Fold{0xDE, 0xDE, "th"},
  Fold{0xDF, 0xDF, "ss"},  Fold{0xE0, 0xE5, "a"},   Fold{0xE6, 0xE6, "ae"},
  Fold{0xE7, 0xE7, "c"},   Fold{0xE8, 0xEB, "e"},   Fold{0xEC, 0xEF, "i"},
  Fold{0xF0, 0xF0, "d"},   Fold{0xF1, 0xF1, "n"},   Fold{0xF2, 0xF6, "o"},
  Fold{0xF8, 0xF8, "o"},   Fold{0xF9, 0xFC, "u"},   Fold{0xFD, 0xFD, "y"},
  Fold{0xFE, 0xFE, "th"},  Fold{0xFF, 0xFF, "y"},
  // Latin Extended-A, upper and lower case alternating.
  Fold{0x100, 0x105, "a"}, Fold{0x106, 0x10D, "c"}, Fold{0x10E, 0x111, "d"},
  Fold{0x112, 0x11B, "e"}, Fold{0x11C, 0x123, "g"}, Fold{0x124, 0x127, "h"},
  Fold{0x128, 0x131, "i"}, Fold{0x132, 0x133, "ij"}, Fold{0x134, 0x135, "j"},
  Fold{0x136, 0x138, "k"}, Fold{0x139, 0x142, "l"}, Fold{0x143, 0x14B, "n"},
  Fold{0x14C, 0x151, "o"}, Fold{0x152, 0x153, "oe"}, Fold{0x154, 0x159, "r"},
  Fold{0x15A, 0x161, "s"}, Fold{0x162, 0x167, "t"}, Fold{0x168, 0x173, "u"},
  Fold{0x174, 0x175, "w"}, Fold{0x176, 0x178, "y"}, Fold{0x179, 0x17E, "z"},
  Fold{0x17F, 0x17F, "s"},
  // Latin Extended-B: Romanian s and t with comma below.
  Fold{0x218, 0x219, "s"}, Fold{0x21A, 0x21B, "t"},
  // Capital sharp s.
  Fold{0x1E9E, 0x1E9E, "ss"},
};

bool is_combining_mark(char32_t cp)
{
  return cp >= 0x300 && cp <= 0x36F;
}

std::string_view folded_latin(char32_t cp)
{
  for (const auto& fold : k_folds) {
    if (cp < fold.first) {
      break;
    }
    if (cp <= fold.last) {
      return fold.ascii;
    }
  }
  return {};
}

// Code point of an already validated sequence.
char32_t decode(std::string_view seq)
{
  const auto byte = [&](std::size_t i) {
    return static_cast<char32_t>(static_cast<unsigned char>(seq[i]));
  };
  switch (seq.size()) {
  case 1:
    return byte(0);
  case 2:
    return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
  case 3:
    return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  default:
    return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6)
           | (byte(3) & 0x3F);
  }
}

bool is_slug_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

} // namespace

std::string fold(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t len = utf8_sequence_length(static_cast<unsigned char>(text[pos]));
    if (len == 0 || pos + len > text.size()
        || find_invalid_utf8(text.substr(pos, len)).has_value()) {
      // Drop the byte and resynchronise on the next one.
      ++pos;
      continue;
    }
    const std::string_view seq = text.substr(pos, len);
    pos += len;
    if (len == 1) {
      const char c = seq[0];
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    const char32_t cp = decode(seq);
    if (is_combining_mark(cp)) {
      // Decomposed input ("e" + U+0301) folds like the precomposed letter.
      continue;
    }
    const std::string_view ascii = folded_latin(cp);
    if (!ascii.empty()) {
      out.append(ascii);
    } else {
      out.append(seq);
    }
  }
  return out;
}

std::string slugify(std::string_view name)
{
  const std::string folded = fold(name);
  std::string slug;
  bool pending_dash = false;
  for (char c : folded) {
    if (is_slug_char(c)) {
      if (pending_dash && !slug.empty()) {
        slug.push_back('-');
      }
      pending_dash = false;
      slug.push_back(c);
    } else {
      pending_dash = true;
    }
  }

  if (slug.size() > k_max_slug_length) {
    // A dash right after the cut means the cut already falls between words.
    const bool clean_cut = slug[k_max_slug_length] == '-';
    slug.resize(k_max_slug_length);
    if (!clean_cut) {
      const auto dash = slug.rfind('-');
      if (dash != std::string::npos && dash >= k_max_slug_length - k_word_cut_window) {
        slug.resize(dash);
      }
    }
    while (!slug.empty() && slug.back() == '-') {
      slug.pop_back();
    }
  }
  return slug;
}

bool is_valid_slug(std::string_view text)
{
  if (text.empty() || text.size() > k_max_slug_length) {
    return false;
  }
  if (text.front() == '-' || text.back() == '-') {
    return false;
  }
  char previous = '\0';
  for (char c : text) {
    if (c == '-') {
      if (previous == '-') {
        return false;
      }
    } else if (!is_slug_char(c)) {
      return false;
    }
    previous = c;
  }
  return true;
}

} // namespace mentor::util
