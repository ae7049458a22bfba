#pragma once

namespace mentor::cli {

// The whole program: parses the command line, runs the command, prints
// errors as `mentor: error: …` and returns the exit code (0, 1 or 2).
int run(int argc, char** argv);

} // namespace mentor::cli
