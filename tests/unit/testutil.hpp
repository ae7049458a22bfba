#pragma once

#include "mentor/util/process.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace mentor::testutil {

// A fresh directory under the system temp dir, removed with everything in it
// when the object goes away.
class TempDir
{
public:
  TempDir()
  {
    std::random_device rd;
    auto base = std::filesystem::temp_directory_path();
    for (int i = 0; i < 100; ++i) {
      auto candidate = base / ("mentor-test-" + std::to_string(rd()));
      if (std::filesystem::create_directory(candidate)) {
        m_path = candidate;
        return;
      }
    }
    throw std::runtime_error("cannot create a temporary directory");
  }
  ~TempDir()
  {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
  std::filesystem::path m_path;
};

// Sets (or, with nullopt, unsets) an environment variable until it goes away.
class EnvVar
{
public:
  EnvVar(std::string name, const std::optional<std::string>& value) : m_name(std::move(name))
  {
    if (const char* old = std::getenv(m_name.c_str())) {
      m_old = old;
    }
    set(value);
  }
  ~EnvVar() { set(m_old); }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

private:
  void set(const std::optional<std::string>& value)
  {
    if (value) {
      ::setenv(m_name.c_str(), value->c_str(), 1);
    } else {
      ::unsetenv(m_name.c_str());
    }
  }
  std::string m_name;
  std::optional<std::string> m_old;
};

inline void write_text(const std::filesystem::path& path, const std::string& text)
{
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// git with settings of its own while it lives: nothing from the system or
// the user's own files, commits by "Test Coach".
class GitSandbox
{
public:
  GitSandbox()
  {
    write_text(m_dir / "gitconfig",
               "[user]\n\tname = Test Coach\n\temail = coach@example.org\n[init]\n\tdefaultBranch = main\n");
  }

private:
  TempDir m_dir;
  EnvVar m_global{"GIT_CONFIG_GLOBAL", (m_dir / "gitconfig").string()};
  EnvVar m_no_system{"GIT_CONFIG_NOSYSTEM", "1"};
  EnvVar m_git_dir{"GIT_DIR", std::nullopt};
  EnvVar m_work_tree{"GIT_WORK_TREE", std::nullopt};
};

// Runs git in `dir` and returns what it printed; throws with git's message
// when it fails.
inline std::string git_in(const std::filesystem::path& dir, std::vector<std::string> args)
{
  args.insert(args.begin(), {"git", "-C", dir.string()});
  const auto result = util::run_process(args);
  if (!result.started || result.status != 0) {
    throw std::runtime_error("git " + args[3] + " failed: " + result.err);
  }
  return result.out;
}

inline bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

// Permission bits of a file (without the file type).
inline unsigned mode_of(const std::filesystem::path& path)
{
  return static_cast<unsigned>(std::filesystem::status(path).permissions() & std::filesystem::perms::mask);
}

inline std::string read_text(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace mentor::testutil
