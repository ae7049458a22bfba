// Test helper: prints one value of a YAML file exactly, read through
// yaml-cpp's own Node API (not mentor's parser), so end-to-end tests check
// what another YAML reader sees. Usage: yaml_get FILE [KEY|INDEX]...
// A negative INDEX counts from the end. Prints a sequence's length with
// `#` as the last step. Exit 1 when the path does not exist.
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
  if (argc < 2) {
    std::cerr << "usage: yaml_get FILE [KEY|INDEX]...\n";
    return 2;
  }
  try {
    YAML::Node node = YAML::LoadFile(argv[1]);
    for (int i = 2; i < argc; ++i) {
      const std::string step = argv[i];
      if (step == "#") {
        std::cout << (node.IsSequence() ? node.size() : 0);
        return 0;
      }
      if (node.IsSequence()) {
        long index = std::stol(step);
        if (index < 0) {
          index += static_cast<long>(node.size());
        }
        if (index < 0 || index >= static_cast<long>(node.size())) {
          return 1;
        }
        node = YAML::Node(node[static_cast<std::size_t>(index)]);
      } else if (node.IsMap() && node[step]) {
        node = YAML::Node(node[step]);
      } else {
        return 1;
      }
    }
    if (node.IsScalar()) {
      std::cout << node.Scalar();
    } else if (node.IsNull()) {
      std::cout << "~";
    } else {
      std::cout << YAML::Dump(node);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "yaml_get: " << e.what() << "\n";
    return 1;
  }
}
