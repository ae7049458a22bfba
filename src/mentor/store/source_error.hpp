#pragma once

#include "mentor/util/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mentor::store {

enum class Severity { error, warning };

// One thing wrong in a file, with where it is and what to do about it.
struct Problem
{
  std::string file;
  int line = 0;   // 0 when the problem is about the whole file
  int col = 0;
  Severity severity = Severity::error;
  std::string message;
  std::string hint;
  std::string excerpt;  // the offending line, when there is one
  int caret = 0;        // column of the caret under the excerpt; 0 for none
};

enum class ShowSeverity { no, yes };

// "file:line:col: message" ("file:line:col: error: message" with
// ShowSeverity::yes; warnings always say so), then the offending line with a
// caret under the column, then "hint: …".
std::string format_problem(const Problem& problem, ShowSeverity show = ShowSeverity::no);

// Builds a problem at a byte position of `text`, filling line, col and excerpt.
Problem problem_at(std::string file, std::string_view text, int line, int col,
                   std::string message, std::string hint = {});

// A file that mentor refuses to use. what() is every problem, formatted.
class SourceError : public Error
{
public:
  explicit SourceError(std::vector<Problem> problems);
  const std::vector<Problem>& problems() const { return m_problems; }

private:
  std::vector<Problem> m_problems;
};

} // namespace mentor::store
