#include "mentor/cli/notes.hpp"

#include "mentor/util/error.hpp"
#include "mentor/util/text.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace mentor::cli {

namespace {

std::string read_stdin()
{
  std::ostringstream buffer;
  buffer << std::cin.rdbuf();
  return buffer.str();
}

// A directory for the private temporary file: memory-backed when possible,
// so confidential notes do not linger on disk.
std::string temp_directory()
{
  const std::array<const char*, 4> candidates = {std::getenv("XDG_RUNTIME_DIR"), "/dev/shm", std::getenv("TMPDIR"),
                                                 "/tmp"};
  for (const char* candidate : candidates) {
    if (candidate && *candidate && access(candidate, W_OK | X_OK) == 0) {
      return candidate;
    }
  }
  return "/tmp";
}

std::string editor_command()
{
  for (const char* name : {"VISUAL", "EDITOR"}) {
    const char* value = std::getenv(name);
    if (value && *value) {
      return value;
    }
  }
  return "vi";
}

// Lines starting with '#' are instructions, not notes.
std::string strip_comments(const std::string& text)
{
  std::string out;
  for (auto line : util::split_lines(text)) {
    if (!line.starts_with("#")) {
      out += std::string(line) + "\n";
    }
  }
  return out;
}

std::string run_editor(const std::string& initial)
{
  auto path = fmt::format("{}/mentor-note-XXXXXX.txt", temp_directory());
  std::vector<char> name(path.begin(), path.end());
  name.push_back('\0');
  const int fd = mkstemps(name.data(), 4);
  if (fd < 0) {
    throw Error(fmt::format("cannot create a temporary file for the editor: {}", std::strerror(errno)));
  }
  const std::string file(name.data());
  struct Cleanup
  {
    std::string path;
    ~Cleanup() { ::unlink(path.c_str()); }
  } cleanup{file};
  fchmod(fd, 0600);
  std::size_t written = 0;
  while (written < initial.size()) {
    const auto n = ::write(fd, initial.data() + written, initial.size() - written);
    if (n < 0) {
      ::close(fd);
      throw Error(fmt::format("cannot write {}: {}", file, std::strerror(errno)));
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);

  // The editor command may carry arguments ("code --wait"): run it through
  // the shell with the file as "$1", as git does.
  const auto editor = editor_command();
  const pid_t pid = fork();
  if (pid < 0) {
    throw Error(fmt::format("cannot start the editor: {}", std::strerror(errno)));
  }
  if (pid == 0) {
    const auto script = editor + " \"$1\"";
    execl("/bin/sh", "sh", "-c", script.c_str(), "sh", file.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw Error(fmt::format("the editor ({}) failed; nothing was written", editor),
                "set $VISUAL or $EDITOR to an editor that works here, or give the notes as an argument");
  }
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

std::string read_notes(const std::optional<std::string>& argument, ForceEditor force,
                       const std::string& template_text)
{
  if (force == ForceEditor::no) {
    if (argument) {
      return util::normalize_note(*argument);
    }
    if (!isatty(STDIN_FILENO)) {
      return util::normalize_note(read_stdin());
    }
  }
  const auto start = argument ? util::normalize_note(*argument) + "\n" : std::string("\n");
  const auto initial = start + template_text;
  auto note = util::normalize_note(strip_comments(run_editor(initial)));
  // The template starts with an empty line to write on; blank lines before
  // the text are not part of it. (An untouched template is empty here too.)
  const auto first = note.find_first_not_of(" \t\n");
  const auto line_start = first == std::string::npos ? note.size() : note.rfind('\n', first);
  note.erase(0, line_start == std::string::npos ? 0 : std::min(note.size(), line_start + 1));
  if (note.empty()) {
    throw Error("the note is empty; nothing was written", "write the notes above the # lines, then save");
  }
  return note;
}

} // namespace mentor::cli
