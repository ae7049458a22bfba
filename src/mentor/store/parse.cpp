#include "mentor/store/parse.hpp"

#include "mentor/store/flow_depth.hpp"
#include "mentor/store/source_error.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace mentor::store {

namespace {

// Thrown from inside the event handler to stop the parse at the first
// refusal; carries a Problem with the position already resolved.
struct Refusal
{
  int line;
  int col;
  std::string message;
  std::string hint;
};

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

std::string nested_message()
{
  return fmt::format("values are nested more than {} levels deep", k_max_depth);
}

std::string nested_hint()
{
  return "mentor's files nest a few levels at most; this file is damaged or not a mentor file";
}

class TreeBuilder : public YAML::EventHandler
{
public:
  TreeBuilder(std::string_view text, std::size_t offset_base) : m_text(text), m_offset_base(offset_base) {}

  Node take_root() { return std::move(m_root); }
  bool has_root() const { return m_have_root; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    check_anchor(mark, anchor);
    Node node;
    node.mark = to_mark(mark);
    add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override
  {
    refuse(mark, "an alias (*name) is not allowed in mentor's files",
           "write the value out in full instead of referring to an anchor");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override
  {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    check_closed(mark);
    Node node = Node::scalar(value);
    node.plain = tag == "?";
    node.mark = to_mark(mark);
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override
  {
    open(mark, tag, anchor, style, Node::sequence());
  }

  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override
  {
    open(mark, tag, anchor, style, Node::map());
  }

  void OnMapEnd() override { close(); }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override
  {
    refuse(mark, fmt::format("an anchor (&{}) is not allowed in mentor's files", name),
           "remove the anchor and write each value out in full");
  }

private:
  // A map under construction alternates key, value; `pending_key` holds the
  // key until its value arrives.
  struct Frame
  {
    Node node;
    bool have_key = false;
    std::string key;
    Mark key_mark;
  };

  Mark to_mark(const YAML::Mark& mark) const
  {
    return Mark{mark.line + 1, mark.column + 1, static_cast<std::size_t>(mark.pos) + m_offset_base};
  }

  [[noreturn]] void refuse(const YAML::Mark& mark, std::string message, std::string hint)
  {
    throw Refusal{mark.line + 1, mark.column + 1, std::move(message), std::move(hint)};
  }

  [[noreturn]] void refuse(const Mark& mark, std::string message, std::string hint)
  {
    throw Refusal{mark.line, mark.col, std::move(message), std::move(hint)};
  }

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor)
  {
    if (anchor != YAML::NullAnchor) {
      refuse(mark, "an anchor (&name) is not allowed in mentor's files",
             "remove the anchor and write each value out in full");
    }
  }

  void check_tag(const YAML::Mark& mark, const std::string& tag)
  {
    // "?" is a plain scalar, "!" a quoted or block one; "!!str" only
    // restates what mentor reads anyway.
    if (tag != "?" && tag != "!" && tag != "" && tag != "tag:yaml.org,2002:str") {
      refuse(mark, fmt::format("the tag \"{}\" is not allowed in mentor's files", tag),
             "remove the tag: mentor reads every value as text and checks it itself");
    }
  }

  // yaml-cpp 0.7 accepts a quoted scalar that is never closed when the file
  // ends with a line break, reading the rest of the file as its text.
  void check_closed(const YAML::Mark& mark)
  {
    auto i = static_cast<std::size_t>(mark.pos);
    if (i < m_text.size() && m_text[i] == '!') {
      while (i < m_text.size() && m_text[i] != ' ' && m_text[i] != '\t' && m_text[i] != '\n') {
        ++i;
      }
      while (i < m_text.size() && (m_text[i] == ' ' || m_text[i] == '\t')) {
        ++i;
      }
    }
    if (i >= m_text.size() || (m_text[i] != '"' && m_text[i] != '\'')) {
      return;
    }
    const char quote = m_text[i];
    for (++i; i < m_text.size(); ++i) {
      if (quote == '"' && m_text[i] == '\\') {
        ++i;
      } else if (m_text[i] == quote) {
        if (quote == '\'' && i + 1 < m_text.size() && m_text[i + 1] == '\'') {
          ++i;
        } else {
          return;
        }
      }
    }
    refuse(mark, fmt::format("this quoted text has no closing {}", quote),
           fmt::format("add the closing {} where the text ends", quote));
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style, Node node)
  {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    if (static_cast<int>(m_stack.size()) >= k_max_depth) {
      refuse(mark, nested_message(), nested_hint());
    }
    node.mark = to_mark(mark);
    node.flow = style == YAML::EmitterStyle::Flow;
    if (!m_stack.empty() && m_stack.back().node.is_map() && !m_stack.back().have_key) {
      refuse(node.mark, "a key must be plain text, not a list or a map",
             "write the key as a single word, such as `notes:`");
    }
    m_stack.push_back(Frame{std::move(node), false, {}, {}});
  }

  void close()
  {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    add(std::move(frame.node));
  }

  void add(Node node)
  {
    if (m_stack.empty()) {
      m_root = std::move(node);
      m_have_root = true;
      return;
    }
    Frame& top = m_stack.back();
    if (top.node.is_sequence()) {
      top.node.items.push_back(std::move(node));
      return;
    }
    if (!top.have_key) {
      if (!node.is_scalar()) {
        refuse(node.mark, "a key must be plain text",
               "write a key such as `notes:`; an empty key (`: value`) or `~:` is not allowed");
      }
      for (const auto& entry : top.node.entries) {
        if (entry.key == node.value) {
          refuse(node.mark,
                 fmt::format("duplicate key \"{}\" (first at line {})", node.value, entry.key_mark.line),
                 "YAML keeps only one of them: merge the two into one key, or delete one");
        }
      }
      top.have_key = true;
      top.key = std::move(node.value);
      top.key_mark = node.mark;
      return;
    }
    top.node.entries.push_back(Entry{std::move(top.key), top.key_mark, std::move(node)});
    top.have_key = false;
  }

  std::string_view m_text;  // what the parser reads: the file without its BOM
  std::size_t m_offset_base;
  std::vector<Frame> m_stack;
  Node m_root;
  bool m_have_root = false;
};

// The first position of a second document, if the text has one. Called only
// after the first document parsed cleanly.
struct DocumentCounter : YAML::EventHandler
{
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Line (1-based) of the second "---" or of content after "...", found in
// the text itself: yaml-cpp reports no position for document starts.
int second_document_line(std::string_view text)
{
  const auto lines = util::split_lines(text);
  int separators = 0;
  bool content_seen = false;
  bool ended = false;  // after a "..." line
  auto is_marker = [](std::string_view line, std::string_view marker) {
    return line.starts_with(marker)
           && (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line = lines[i];
    if (is_marker(line, "---")) {
      if (content_seen || ended || ++separators > 1) {
        return static_cast<int>(i) + 1;
      }
      continue;
    }
    if (is_marker(line, "...")) {
      ended = true;
      continue;
    }
    const auto t = util::trim(line);
    if (!t.empty() && t[0] != '#') {
      if (ended) {
        return static_cast<int>(i) + 1;
      }
      content_seen = true;
    }
  }
  return 0;
}

} // namespace

Document parse_document(std::string display_path, std::string text)
{
  auto fail = [&](int line, int col, std::string message, std::string hint) -> Document {
    throw SourceError({problem_at(display_path, text, line, col, std::move(message), std::move(hint))});
  };

  if (text.size() > k_max_file_bytes) {
    fail(0, 0,
         fmt::format("the file is {} bytes; mentor reads files of at most {} bytes", text.size(),
                     k_max_file_bytes),
         "split the records, or check that this is really a mentor file");
  }
  // Columns on the first line do not count a byte-order mark, as in the
  // positions the YAML parser reports.
  const std::size_t base = text.starts_with(k_bom) ? k_bom.size() : 0;
  const std::string_view body = std::string_view(text).substr(base);
  if (const auto nul = body.find('\0'); nul != std::string::npos) {
    const auto at = util::line_col_at(body, nul);
    fail(at.line, at.col, "the file contains a NUL byte",
         "the file is damaged or not text; restore it from git (`git diff`, `git checkout`)");
  }
  if (const auto bad = util::find_invalid_utf8(body)) {
    const auto at = util::line_col_at(body, *bad);
    fail(at.line, at.col, "the file is not valid UTF-8",
         "save the file as UTF-8 in your editor, or retype the character at that position");
  }

  if (const auto deep = find_deep_flow(body, k_max_depth)) {
    const auto at = util::line_col_at(body, *deep);
    fail(at.line, at.col, nested_message(), nested_hint());
  }

  std::istringstream input{std::string(body)};
  TreeBuilder builder(body, base);
  try {
    YAML::Parser parser(input);
    parser.HandleNextDocument(builder);
    DocumentCounter counter;
    if (parser.HandleNextDocument(counter)) {
      const int line = second_document_line(body);
      fail(line > 0 ? line : 1, 1, "the file holds more than one YAML document",
           "a mentor file is one document: remove the extra `---` line and what follows it, or "
           "move it to a file of its own");
    }
  } catch (const Refusal& refusal) {
    fail(refusal.line, refusal.col, refusal.message, refusal.hint);
  } catch (const YAML::DeepRecursion& e) {
    fail(e.mark.line + 1, e.mark.column + 1, "values are nested too deeply for the YAML parser",
         "mentor's files nest a few levels at most; this file is damaged or not a mentor file");
  } catch (const YAML::Exception& e) {
    if (e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
      // An anchor is refused before anything can refer to it, so every
      // alias ends up here.
      const auto at = body.substr(std::min(body.size(), static_cast<std::size_t>(e.mark.pos)));
      const auto name = at.substr(0, at.find_first_of(" \t\r\n,]}"));
      fail(e.mark.line + 1, e.mark.column + 1, fmt::format("an alias ({}) is not allowed in mentor's files", name),
           "write the value out in full instead of referring to an anchor");
    }
    // yaml-cpp names a tab only in some of the errors a tab in the
    // indentation leads to ("illegal map value", "illegal block entry"…).
    const auto error_line = util::line_at(body, e.mark.line + 1);
    const auto indentation = error_line.substr(0, error_line.find_first_not_of(" \t"));
    const bool tab_indent = indentation.find('\t') != std::string_view::npos;
    const bool tab = tab_indent || e.msg.find("tab") != std::string::npos;
    fail(e.mark.line + 1, e.mark.column + 1,
         tab_indent && e.msg.find("tab") == std::string::npos
           ? fmt::format("YAML syntax error: {} (the line is indented with a tab)", e.msg)
           : fmt::format("YAML syntax error: {}", e.msg),
         tab ? "indent with spaces: YAML does not allow tabs for indentation"
             : "check the indentation and the quotes on this line and the one before it");
  }

  Document document;
  document.path = std::move(display_path);
  document.root = builder.take_root();
  document.text = std::move(text);
  return document;
}

} // namespace mentor::store
