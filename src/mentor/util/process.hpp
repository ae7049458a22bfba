#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mentor::util {

// What a finished program left behind.
struct ProcessResult
{
  bool started = false;  // false: the program could not be run at all (not found, …)
  int status = -1;       // its exit status; -1 when it was killed by a signal
  std::string out;       // everything it wrote to standard output
  std::string err;       // … and to standard error
};

// Runs argv[0] (looked up in PATH) with the arguments argv[1..], never
// through a shell, with standard input from /dev/null, and waits for it.
// `extra_env` adds (or replaces) environment variables for the child only.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::pair<std::string, std::string>>& extra_env = {});

} // namespace mentor::util
