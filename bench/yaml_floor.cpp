// mentor-bench-yaml-floor: the least any command that reads every record
// file with yaml-cpp can cost. It reads each `.yaml` file of a records
// directory into memory and runs yaml-cpp's event parser over it with a
// handler that does nothing: no tree, no model, no checks, no cache, on
// every core. bench/run.sh times it beside `cat`, so that the cold targets
// of issue 6 can be read against what the one parser allowed (the issue
// keeps yaml-cpp as the only parser).

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Ignore : YAML::EventHandler
{
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

std::vector<fs::path> record_files(const fs::path& dir)
{
  std::vector<fs::path> files{dir / "mentor.yaml"};
  for (const char* folder : {"people", "pairings"}) {
    for (const auto& entry : fs::directory_iterator(dir / folder)) {
      if (entry.path().extension() == ".yaml") {
        files.push_back(entry.path());
      }
    }
  }
  return files;
}

} // namespace

int main(int argc, char** argv)
{
  if (argc != 2 || std::string(argv[1]) == "--help") {
    std::cerr << "usage: mentor-bench-yaml-floor DIR\n"
                 "Parses every record file of DIR (mentor.yaml, people/*.yaml, pairings/*.yaml) with\n"
                 "yaml-cpp's event parser and a handler that does nothing, on every core; prints the\n"
                 "number of files, bytes and YAML documents. The floor of a cold mentor command.\n";
    return argc == 2 ? 0 : 2;
  }
  try {
    const auto files = record_files(argv[1]);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> bytes{0};
    std::atomic<std::size_t> documents{0};
    std::atomic<bool> failed{false};
    auto work = [&] {
      std::string text;
      Ignore ignore;
      for (std::size_t i = next++; i < files.size(); i = next++) {
        try {
          std::ifstream in(files[i], std::ios::binary);
          text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
          bytes += text.size();
          std::istringstream stream(text);
          YAML::Parser parser(stream);
          while (parser.HandleNextDocument(ignore)) {
            ++documents;
          }
        } catch (const std::exception& e) {
          std::cerr << "mentor-bench-yaml-floor: " << files[i].string() << ": " << e.what() << "\n";
          failed = true;
        }
      }
    };
    const unsigned threads = std::max(1U, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
      pool.emplace_back(work);
    }
    work();
    for (auto& thread : pool) {
      thread.join();
    }
    std::cout << "files: " << files.size() << "\nbytes: " << bytes << "\ndocuments: " << documents << "\n";
    return failed ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "mentor-bench-yaml-floor: " << e.what() << "\n";
    return 1;
  }
}
