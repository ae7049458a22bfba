#include "mentor/cli/complete.hpp"

#include "mentor/core/model.hpp"
#include "mentor/store/records_dir.hpp"
#include "mentor/util/period.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <string_view>

namespace mentor::cli {

namespace {

// What a value is, by the type name of an option or the name of a
// positional; the help text shows the same names.
enum class Source { who, kind, session_type, period, goal_status, file, dir, page };

std::optional<Source> source_of(const std::string& key)
{
  static const std::vector<std::pair<std::string_view, Source>> k_sources = {
    {"WHO", Source::who},         {"KIND", Source::kind}, {"TYPE", Source::session_type}, {"EXPR", Source::period},
    {"ID=STATUS", Source::goal_status}, {"FILE", Source::file}, {"DIR", Source::dir},
    // mentor help PAGE: a command, or "files" for mentor(5).
    {"PAGE", Source::page},
    // merge-file's files, as git names them.
    {"BASE", Source::file}, {"OURS", Source::file}, {"THEIRS", Source::file}, {"PATH", Source::file},
  };
  for (const auto& [name, source] : k_sources) {
    if (key == name) {
      return source;
    }
  }
  return std::nullopt;
}

bool is_positional(const CLI::Option& option)
{
  return option.get_positional() && !option.nonpositional();
}

bool takes_value(const CLI::Option& option)
{
  return option.get_items_expected_max() > 0;
}

// The name completion goes by: a positional's own name ("WHO"), an option's
// type name without what validators add ("TEXT" of "TEXT:{text,json}").
std::string key_of(const CLI::Option& option)
{
  if (is_positional(option)) {
    return option.get_name();
  }
  const auto type = option.get_type_name();
  return type.substr(0, type.find(':'));
}

// The values of an IsMember check, as CLI11 describes it: "TEXT:{a,b,c}".
std::vector<std::string> choices_of(const CLI::Option& option)
{
  const auto type = option.get_type_name();
  const auto open = type.find(":{");
  const auto close = open == std::string::npos ? open : type.find('}', open);
  std::vector<std::string> values;
  if (close == std::string::npos) {
    return values;
  }
  std::string_view set(type.data() + open + 2, close - open - 2);
  while (!set.empty()) {
    const auto comma = set.find(',');
    values.emplace_back(set.substr(0, comma));
    set = comma == std::string_view::npos ? std::string_view() : set.substr(comma + 1);
  }
  return values;
}

std::string first_line(const std::string& text)
{
  auto line = text.substr(0, text.find('\n'));
  std::replace(line.begin(), line.end(), '\t', ' ');
  return line;
}

// "~/x" and simple quotes, as a shell would have read the word.
std::string as_shell_reads(std::string word)
{
  if (word.size() >= 2 && (word.front() == '"' || word.front() == '\'') && word.back() == word.front()) {
    word = word.substr(1, word.size() - 2);
  }
  if (word == "~" || word.starts_with("~/")) {
    if (const char* home = std::getenv("HOME"); home && *home) {
      word = std::string(home) + word.substr(1);
    }
  }
  return word;
}

// What the words before the one being typed have said.
struct Walk
{
  const CLI::App* command = nullptr;
  std::vector<const CLI::Option*> given;
  std::size_t positionals = 0;
  bool only_positionals = false; // after "--"
  const CLI::Option* pending = nullptr; // an option whose value comes next
  std::optional<std::string> dir;
};

class Completer
{
public:
  Completer(const CLI::App& app, const std::filesystem::path& cwd)
    : m_app(app), m_cwd(cwd), m_dir_option(app.get_option_no_throw("--dir"))
  {
  }

  Completion run(const std::vector<std::string>& words)
  {
    const std::string typed = words.empty() ? std::string() : words.back();
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      step(words[i]);
    }
    if (m_walk.pending) {
      values(*m_walk.pending, typed, "");
    } else if (!m_walk.only_positionals && typed.starts_with("--") && typed.find('=') != std::string::npos) {
      const auto eq = typed.find('=');
      if (const auto* option = find_option(typed.substr(0, eq)); option && takes_value(*option)) {
        values(*option, typed.substr(eq + 1), typed.substr(0, eq + 1));
      }
    } else if (!m_walk.only_positionals && typed.starts_with("-")) {
      options(typed);
    } else if (!m_walk.command) {
      commands(typed);
    } else {
      const auto positionals = m_walk.command->get_options([](const CLI::Option* o) { return is_positional(*o); });
      if (m_walk.positionals < positionals.size()) {
        values(*positionals[m_walk.positionals], typed, "");
      }
      if (m_result.candidates.empty() && m_result.paths == Completion::Paths::none && typed.empty()
          && !m_walk.only_positionals) {
        options(typed);
      }
    }
    return std::move(m_result);
  }

private:
  const CLI::Option* find_option(const std::string& name) const
  {
    if (m_walk.command) {
      if (const auto* option = m_walk.command->get_option_no_throw(name)) {
        return option;
      }
    }
    return m_app.get_option_no_throw(name);
  }

  void step(const std::string& word)
  {
    if (m_walk.pending) {
      if (m_walk.pending == m_dir_option) {
        m_walk.dir = as_shell_reads(word);
      }
      m_walk.pending = nullptr;
      return;
    }
    if (!m_walk.only_positionals && word == "--") {
      m_walk.only_positionals = true;
      return;
    }
    if (!m_walk.only_positionals && word.size() > 1 && word.starts_with("-")) {
      const auto eq = word.starts_with("--") ? word.find('=') : std::string::npos;
      const auto* option = find_option(word.substr(0, eq));
      if (!option) {
        return;
      }
      m_walk.given.push_back(option);
      if (eq != std::string::npos) {
        if (option == m_dir_option) {
          m_walk.dir = as_shell_reads(word.substr(eq + 1));
        }
      } else if (takes_value(*option) && !(word.size() > 2 && word[1] != '-')) {
        // ("-ofile" carries its value.)
        m_walk.pending = option;
      }
      return;
    }
    if (!m_walk.command) {
      for (const auto* command : visible_commands()) {
        if (command->check_name(word)) {
          m_walk.command = command;
          return;
        }
      }
      return;
    }
    ++m_walk.positionals;
  }

  std::vector<const CLI::App*> visible_commands() const
  {
    return m_app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
  }

  void add(const std::string& typed, const std::string& prefix, std::string value, std::string description = {})
  {
    if (value.starts_with(typed)) {
      m_result.candidates.push_back({prefix + value, std::move(description)});
    }
  }

  void commands(const std::string& typed)
  {
    for (const auto* command : visible_commands()) {
      add(typed, "", command->get_name(), first_line(command->get_description()));
    }
  }

  bool offered(const CLI::Option& option) const
  {
    const auto& given = m_walk.given;
    const bool repeatable = option.get_expected_max() > 1;
    if (!repeatable && std::find(given.begin(), given.end(), &option) != given.end()) {
      return false;
    }
    // Not what an option already given excludes (--month and --period).
    const auto excluded = option.get_excludes();
    return std::none_of(given.begin(), given.end(), [&](const CLI::Option* o) {
      return excluded.count(const_cast<CLI::Option*>(o)) > 0;
    });
  }

  void options(const std::string& typed)
  {
    std::set<std::string> seen;
    auto offer_from = [&](const CLI::App& app) {
      for (const auto* option : app.get_options([](const CLI::Option* o) { return !is_positional(*o); })) {
        if (!offered(*option)) {
          continue;
        }
        // Long names only: "-o" is also "--output".
        auto names = option->get_lnames();
        for (auto& name : names) {
          name = "--" + name;
        }
        if (names.empty()) {
          for (const auto& name : option->get_snames()) {
            names.push_back("-" + name);
          }
        }
        for (const auto& name : names) {
          if (seen.insert(name).second) {
            add(typed, "", name, first_line(option->get_description()));
          }
        }
      }
    };
    if (m_walk.command) {
      offer_from(*m_walk.command);
      // Global options may follow the command, but --version only leads.
      seen.insert("--version");
    }
    offer_from(m_app);
  }

  void values(const CLI::Option& option, const std::string& typed, const std::string& prefix)
  {
    const auto choices = choices_of(option);
    for (const auto& choice : choices) {
      add(typed, prefix, choice);
    }
    if (!choices.empty()) {
      return;
    }
    const auto source = source_of(key_of(option));
    if (!source) {
      return;
    }
    auto each = [&](auto&& names, const char* description) {
      for (const auto& name : names) {
        add(typed, prefix, std::string(name), description);
      }
    };
    switch (*source) {
    case Source::who:
      who(typed, prefix);
      break;
    case Source::kind:
      each(core::kind_names(), "");
      break;
    case Source::session_type:
      each(core::session_type_names(), "");
      break;
    case Source::period:
      each(util::named_periods(), "");
      break;
    case Source::goal_status:
      // ID=STATUS: the statuses, once the id and '=' are typed.
      if (const auto eq = typed.find('='); eq != std::string::npos && eq > 0) {
        const auto id = typed.substr(0, eq + 1);
        for (const auto& status : core::goal_status_names()) {
          add(typed, prefix, id + std::string(status));
        }
      }
      break;
    case Source::file:
      m_result.paths = Completion::Paths::files;
      break;
    case Source::dir:
      m_result.paths = Completion::Paths::dirs;
      break;
    case Source::page:
      commands(typed);
      add(typed, prefix, "files", "The format of the records files: mentor(5)");
      break;
    }
  }

  // File names only: no record is read, so this stays fast and quiet
  // whatever state the directory is in.
  void who(const std::string& typed, const std::string& prefix)
  {
    std::optional<std::string> dir = m_walk.dir;
    if (!dir && m_dir_option && !m_dir_option->get_envname().empty()) {
      if (const char* env = std::getenv(m_dir_option->get_envname().c_str()); env && *env) {
        dir = env;
      }
    }
    std::optional<store::RecordsDir> records;
    try {
      records.emplace(store::RecordsDir::locate(dir, m_cwd));
    } catch (const std::exception&) {
      return; // no records directory here: nothing to offer
    }
    // Each folder on its own: one that is a file or a link gives nothing.
    for (const auto& [folder, what] : {std::pair{store::Folder::people, "person"},
                                       std::pair{store::Folder::pairings, "pairing"}}) {
      try {
        for (const auto& slug : records->list(folder)) {
          add(typed, prefix, slug, what);
        }
      } catch (const std::exception&) {
      }
    }
  }

  const CLI::App& m_app;
  std::filesystem::path m_cwd;
  const CLI::Option* m_dir_option;
  Walk m_walk;
  Completion m_result;
};

} // namespace

Completion complete(const CLI::App& app, const std::vector<std::string>& words, const std::filesystem::path& cwd)
{
  return Completer(app, cwd).run(words);
}

std::string format_completion(const Completion& completion)
{
  std::string out;
  for (const auto& candidate : completion.candidates) {
    out += candidate.value;
    if (!candidate.description.empty()) {
      out += "\t" + candidate.description;
    }
    out += "\n";
  }
  if (completion.paths == Completion::Paths::files) {
    out += ":files\n";
  } else if (completion.paths == Completion::Paths::dirs) {
    out += ":dirs\n";
  }
  return out;
}

bool is_free_text(const std::string& type_name)
{
  static const std::set<std::string, std::less<>> k_free = {"TEXT",     "NAME",    "NOTES", "DATE",  "DURATION",
                                                            "CADENCE",  "TOPIC",   "ID",    "EMAIL", "ORG",
                                                            "ROLE",     "TAG",     "YYYY-MM"};
  return k_free.count(type_name) > 0;
}

bool has_completer(const std::string& type_name)
{
  return source_of(type_name).has_value();
}

} // namespace mentor::cli
