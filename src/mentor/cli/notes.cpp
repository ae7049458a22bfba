#include "mentor/cli/notes.hpp"

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
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

namespace mentor::cli {

const std::string_view k_scissors = "# ------------------------ >8 ------------------------";

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

std::string read_whole(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string unix_line_ends(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string_view rtrim(std::string_view line)
{
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line;
}

bool is_blank_line(std::string_view line)
{
  return util::trim(line).empty();
}

bool is_key(std::string_view key)
{
  if (key.empty() || !std::isalpha(static_cast<unsigned char>(key[0]))) {
    return false;
  }
  return std::all_of(key.begin(), key.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; });
}

// "Word:" at the start, then a blank or the end of the line.
bool looks_like_header(std::string_view line)
{
  const auto colon = line.find(':');
  return colon != std::string_view::npos && is_key(line.substr(0, colon))
         && (colon + 1 == line.size() || line[colon + 1] == ' ' || line[colon + 1] == '\t');
}

std::string key_list(std::span<const HeaderKey> keys)
{
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == keys.size() ? " and " : ", ") + std::string(keys[i].name);
  }
  return out;
}

std::string shorten(std::string_view line)
{
  return line.size() > 40 ? std::string(line.substr(0, 37)) + "..." : std::string(line);
}

// The lines that are not comments.
std::vector<std::string_view> content_lines(std::string_view text)
{
  const auto all = util::split_lines(text);
  std::vector<std::string_view> lines;
  const auto scissors = std::find_if(all.begin(), all.end(), [](auto line) { return rtrim(line) == k_scissors; });
  const bool cut = scissors != all.end();
  bool top = true;
  for (auto it = all.begin(); it != scissors; ++it) {
    const bool comment = it->starts_with("#");
    // With the scissors line, only the '#' lines at the very top are
    // comments; without it, every one is.
    if (comment && (top || !cut)) {
      continue;
    }
    top = false;
    lines.push_back(*it);
  }
  return lines;
}

// The text without the error block mentor put on top.
std::string without_top_comments(std::string_view text)
{
  const auto lines = util::split_lines(text);
  std::size_t first = 0;
  while (first < lines.size() && lines[first].starts_with("#") && rtrim(lines[first]) != k_scissors) {
    ++first;
  }
  std::string out;
  for (std::size_t i = first; i < lines.size(); ++i) {
    out += std::string(lines[i]) + "\n";
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> header_values(const EditedNote& note)
{
  std::vector<std::pair<std::string, std::string>> values;
  for (const auto& header : note.headers) {
    if (!header.value.empty()) {
      values.emplace_back(header.key, header.value);
    }
  }
  return values;
}

} // namespace

std::string compose_note(const NoteTemplate& note)
{
  std::string text;
  for (const auto& [key, value] : note.headers) {
    text += key + ":" + (value.empty() ? "" : " " + value) + "\n";
  }
  if (!note.headers.empty()) {
    text += "\n";
  }
  const auto body = util::normalize_note(note.body);
  text += body.empty() ? "\n" : body + "\n";
  text += std::string(k_scissors) + "\n";
  text += "# Do not change or remove the line above: everything below it is ignored.\n";
  for (auto line : util::split_lines(note.comments)) {
    text += line.empty() ? "#\n" : "# " + std::string(line) + "\n";
  }
  return text;
}

EditedNote parse_note(std::string_view raw, std::span<const HeaderKey> keys)
{
  const auto text = unix_line_ends(raw);
  const auto lines = content_lines(text);
  EditedNote note;
  std::size_t i = 0;
  while (i < lines.size() && is_blank_line(lines[i])) {
    ++i;
  }
  if (!keys.empty() && i < lines.size() && looks_like_header(lines[i])) {
    const auto hint = fmt::format("the header lines are {}, as \"Key: value\"; leave a blank line between them and "
                                  "the notes",
                                  key_list(keys));
    for (; i < lines.size() && !is_blank_line(lines[i]); ++i) {
      const auto line = lines[i];
      const auto colon = line.find(':');
      if (colon == std::string_view::npos || !is_key(line.substr(0, colon))) {
        throw UsageError(fmt::format("\"{}\" is not a header line", shorten(line)), hint);
      }
      const auto name = line.substr(0, colon);
      const auto key = std::find_if(keys.begin(), keys.end(), [&](const HeaderKey& k) {
        return util::to_lower_ascii(k.name) == util::to_lower_ascii(name);
      });
      if (key == keys.end()) {
        throw UsageError(fmt::format("there is no header \"{}:\"", name), hint);
      }
      const bool again = std::any_of(note.headers.begin(), note.headers.end(),
                                     [&](const Header& h) { return h.key == key->name; });
      if (again && !key->repeats) {
        throw UsageError(fmt::format("the header {}: is given twice", key->name),
                         fmt::format("give {} once", key->name));
      }
      note.headers.push_back({std::string(key->name), std::string(util::trim(line.substr(colon + 1)))});
    }
  }
  std::string body;
  for (; i < lines.size(); ++i) {
    body += std::string(lines[i]) + "\n";
  }
  note.body = util::normalize_note(body);
  // Blank lines before the text are not part of it.
  const auto first = note.body.find_first_not_of(" \t\n");
  const auto line_start = first == std::string::npos ? std::string::npos : note.body.rfind('\n', first);
  if (first == std::string::npos) {
    note.body.clear();
  } else if (line_start != std::string::npos) {
    note.body.erase(0, line_start + 1);
  }
  return note;
}

NoteEditor::NoteEditor(const std::string& initial)
{
  auto path = fmt::format("{}/mentor-note-XXXXXX.txt", temp_directory());
  std::vector<char> name(path.begin(), path.end());
  name.push_back('\0');
  const int fd = mkstemps(name.data(), 4);
  if (fd < 0) {
    throw Error(fmt::format("cannot create a temporary file for the editor: {}", std::strerror(errno)));
  }
  ::close(fd);
  m_path = name.data();
  ::chmod(m_path.c_str(), 0600);
  write(initial);
  m_initial = initial;
}

NoteEditor::~NoteEditor()
{
  if (!m_keep) {
    ::unlink(m_path.c_str());
  }
}

void NoteEditor::write(const std::string& text)
{
  // O_TRUNC on the file mkstemps made: still ours, still 0600.
  const int fd = ::open(m_path.c_str(), O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC);
  std::size_t written = 0;
  while (fd >= 0 && written < text.size()) {
    const auto n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  const int saved = errno;
  if (fd >= 0) {
    ::close(fd);
  }
  if (fd < 0 || written < text.size()) {
    throw Error(fmt::format("cannot write {}: {}", m_path, std::strerror(saved)));
  }
  m_written = text;
}

bool NoteEditor::changed() const
{
  return read_whole(m_path) != m_written;
}

std::string NoteEditor::edit()
{
  // The editor command may carry arguments ("code --wait"): run it through
  // the shell with the file as "$1", as git does.
  const auto editor = editor_command();
  std::cout.flush();
  const pid_t pid = fork();
  if (pid < 0) {
    throw Error(fmt::format("cannot start the editor: {}", std::strerror(errno)));
  }
  if (pid == 0) {
    const auto script = editor + " \"$1\"";
    execl("/bin/sh", "sh", "-c", script.c_str(), "sh", m_path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const Error failed(fmt::format("the editor ({}) failed; nothing was written", editor),
                       "set $VISUAL or $EDITOR to an editor that works here, or give the notes as an argument");
    if (changed()) {
      keep_and_throw(failed);
    }
    throw failed;
  }
  return read_whole(m_path);
}

void NoteEditor::show_error(const Error& error, std::string_view text)
{
  std::string top = fmt::format("# error: {}\n", error.what());
  if (!error.hint().empty()) {
    top += fmt::format("# hint: {}\n", error.hint());
  }
  top += "# (Correct the note and save it again; save it unchanged to give up.)\n";
  write(top + without_top_comments(unix_line_ends(text)));
}

void NoteEditor::keep_and_throw(const Error& error)
{
  m_keep = true;
  const auto hint = (error.hint().empty() ? std::string() : error.hint() + "\n  ")
                    + fmt::format("your text is kept in {}", m_path);
  if (error.exit_code() == 2) {
    throw UsageError(error.what(), hint);
  }
  throw Error(error.what(), hint);
}

EditedNote edit_note(NoteEditor& editor, std::span<const HeaderKey> keys, Reopen reopen,
                     const std::function<void(const EditedNote&)>& accept)
{
  // The error the editor was last reopened with.
  std::unique_ptr<Error> refused;
  while (true) {
    const auto text = editor.edit();
    if (refused && !editor.changed()) {
      editor.keep_and_throw(*refused); // saved unchanged: the user gives up
    }
    EditedNote note;
    try {
      note = parse_note(text, keys);
      if (!note.body.empty()) {
        accept(note);
      }
    } catch (const Error& e) {
      if (reopen == Reopen::never) {
        editor.keep_and_throw(e);
      }
      refused = e.exit_code() == 2 ? std::make_unique<UsageError>(e.what(), e.hint())
                                   : std::make_unique<Error>(e.what(), e.hint());
      editor.show_error(e, text);
      continue;
    }
    if (note.body.empty()) {
      const Error empty("aborting: the note is empty; nothing was written",
                        "write the notes below the header lines; for a session without notes, give an empty "
                        "argument: ''");
      // Header values typed in are kept, not thrown away.
      if (header_values(note) != header_values(parse_note(editor.initial(), keys))) {
        editor.keep_and_throw(empty);
      }
      throw empty;
    }
    return note;
  }
}

bool notes_from_editor(const std::optional<std::string>& argument, ForceEditor force)
{
  return force == ForceEditor::yes || (!argument && isatty(STDIN_FILENO));
}

std::string read_notes(const std::optional<std::string>& argument, ForceEditor force, const std::string& comments)
{
  if (!notes_from_editor(argument, force)) {
    return util::normalize_note(argument ? *argument : read_stdin());
  }
  NoteEditor editor(compose_note(NoteTemplate{{}, argument.value_or(""), comments}));
  return edit_note(editor, {}, Reopen::never, [](const EditedNote&) {}).body;
}

} // namespace mentor::cli
