#pragma once

#include <stdexcept>
#include <string>

namespace mentor {

// The two kinds of failure a user can see, caught once in cli::run.
// Error: a problem in the records or on disk (exit 1).
// UsageError: the command line asked for something impossible (exit 2).
class Error : public std::runtime_error
{
public:
  explicit Error(const std::string& message, std::string hint = {})
    : std::runtime_error(message), m_hint(std::move(hint))
  {
  }

  const std::string& hint() const { return m_hint; }
  virtual int exit_code() const { return 1; }

private:
  std::string m_hint;
};

class UsageError : public Error
{
public:
  using Error::Error;
  int exit_code() const override { return 2; }
};

} // namespace mentor
