// Runs a fuzz target over files, without libFuzzer: the seed corpus and
// every input a fuzzer ever found become ordinary tests, built by the normal
// compiler and run by the normal and the sanitizer passes of the suite.
//
//   replay_<target> [--require=OUTCOME]... DIR|FILE...
//
// Directories are read recursively, files in name order. A broken property
// aborts (the test fails, and the file being replayed is named just before);
// finding no file at all is a failure too. At the end, how the runs ended
// (fuzz::count) is printed; an OUTCOME required that no input reached fails
// the replay: the seeds must keep reaching, say, the path that writes.

#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
  std::vector<fs::path> files;
  std::vector<std::string> required;
  for (int i = 1; i < argc; ++i) {
    const std::string_view option = argv[i];
    if (option.starts_with("--require=")) {
      required.emplace_back(option.substr(option.find('=') + 1));
      continue;
    }
    const fs::path arg = argv[i];
    if (fs::is_directory(arg)) {
      for (const auto& entry : fs::recursive_directory_iterator(arg)) {
        if (entry.is_regular_file()) {
          files.push_back(entry.path());
        }
      }
    } else if (fs::is_regular_file(arg)) {
      files.push_back(arg);
    } else {
      std::fprintf(stderr, "replay: %s: no such file or directory\n", argv[i]);
      return 1;
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "replay: no input to run\n");
    return 1;
  }
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
      return 1;
    }
    std::fprintf(stderr, "replay: %s\n", file.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("replayed %zu inputs:", files.size());
  for (const auto& [outcome, n] : mentor::fuzz::counts()) {
    std::printf(" %d %s;", n, outcome.c_str());
  }
  std::printf("\n");
  for (const auto& outcome : required) {
    if (!mentor::fuzz::counts().contains(outcome)) {
      std::fprintf(stderr, "replay: no input ended as \"%s\"\n", outcome.c_str());
      return 1;
    }
  }
  return 0;
}
