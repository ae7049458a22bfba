#include "mentor/store/source_error.hpp"

#include "mentor/util/text.hpp"

#include <fmt/format.h>

namespace mentor::store {

std::string format_problem(const Problem& problem, ShowSeverity show)
{
  std::string out = problem.file;
  if (problem.line > 0) {
    out += fmt::format(":{}:{}", problem.line, problem.col);
  }
  out += problem.severity == Severity::warning ? ": warning: " : show == ShowSeverity::yes ? ": error: " : ": ";
  out += problem.message;
  if (!problem.excerpt.empty()) {
    const auto number = std::to_string(problem.line);
    out += fmt::format("\n {} | {}", number, problem.excerpt);
    if (problem.caret > 0) {
      out += fmt::format("\n {} | {}^", std::string(number.size(), ' '),
                         std::string(static_cast<std::size_t>(problem.caret - 1), ' '));
    }
  }
  if (!problem.hint.empty()) {
    out += "\n  hint: " + problem.hint;
  }
  return out;
}

namespace {

// Control characters and invalid bytes would garble a terminal: show them
// escaped. Long lines are cut.
std::string printable_excerpt(std::string_view line, int& col)
{
  std::string out;
  std::size_t shown = 0;
  const int column = col;  // in the line as written; `col` moves with the escapes
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    std::string piece = (c < 0x20 && c != '\t') || c == 0x7f ? fmt::format("\\x{:02x}", c)
                        : c == '\t'                           ? std::string(" ")
                                                              : std::string(1, line[i]);
    if (static_cast<int>(i) < column - 1) {
      col += static_cast<int>(piece.size()) - 1;
    }
    out += piece;
    // Cut between characters, never inside one.
    const bool next_continues = i + 1 < line.size() && (static_cast<unsigned char>(line[i + 1]) & 0xC0u) == 0x80u;
    if (++shown >= 160 && !next_continues) {
      out += "…";
      break;
    }
  }
  if (util::find_invalid_utf8(out)) {
    std::string ascii;
    for (char ch : out) {
      ascii += static_cast<unsigned char>(ch) < 0x80 ? ch : '?';
    }
    return ascii;
  }
  return out;
}

} // namespace

Problem problem_at(std::string file, std::string_view text, int line, int col,
                   std::string message, std::string hint)
{
  Problem problem;
  problem.file = std::move(file);
  problem.line = line;
  problem.col = col;
  problem.message = std::move(message);
  problem.hint = std::move(hint);
  if (line > 0) {
    // The caret counts bytes of the excerpt: right for the ASCII structure
    // of YAML, slightly off after wide characters on the same line.
    int caret = col;
    auto excerpt = util::line_at(text, line);
    // Columns do not count a byte-order mark (nor does an editor show one).
    if (line == 1 && excerpt.starts_with("\xEF\xBB\xBF")) {
      excerpt.remove_prefix(3);
    }
    problem.excerpt = printable_excerpt(excerpt, caret);
    problem.caret = caret > 0 && caret <= 170 ? caret : 0;
  }
  return problem;
}

namespace {

std::string format_all(const std::vector<Problem>& problems)
{
  std::string out;
  for (const auto& problem : problems) {
    if (!out.empty()) {
      out += "\n";
    }
    out += format_problem(problem);
  }
  return out;
}

} // namespace

SourceError::SourceError(std::vector<Problem> problems)
  : Error(format_all(problems)), m_problems(std::move(problems))
{
}

} // namespace mentor::store
