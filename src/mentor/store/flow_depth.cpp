#include "mentor/store/flow_depth.hpp"

namespace mentor::store {

namespace {

// One pass over the text, line by line in block context, bracket by bracket
// inside a flow collection. Columns are byte offsets from the line start,
// which is all the comparisons of indentation need.
class FlowDepthScan
{
public:
  FlowDepthScan(std::string_view text, int limit) : m_text(text), m_limit(limit) {}

  std::optional<std::size_t> run()
  {
    std::size_t k = 0;
    while (k < m_text.size() && !m_found) {
      m_line_start = k;
      std::size_t j = k;
      while (j < m_text.size() && m_text[j] == ' ') {
        ++j;
      }
      const int indent = static_cast<int>(j - k);
      const std::size_t first = skip_blanks(j);
      const bool empty = is_break(first) || m_text[first] == '#';
      if (m_carry_col) {
        // Inside a block scalar or a plain scalar that goes on over several
        // lines: every line indented deeper than its parent is its text.
        if (empty || indent > *m_carry_col) {
          k = next_line(first);
          continue;
        }
        m_carry_col.reset();
      }
      if (empty) {
        k = next_line(first);
        continue;
      }
      if (indent == 0 && m_text[j] == '%') {
        k = next_line(j); // a directive
        continue;
      }
      std::size_t start = first;
      if (indent == 0 && (m_text.substr(j, 3) == "---" || m_text.substr(j, 3) == "...") && is_blank_or_break(j + 3)) {
        start = j + 3;
      }
      k = scan_block_line(start);
    }
    return m_found;
  }

private:
  bool is_break(std::size_t k) const { return k >= m_text.size() || m_text[k] == '\n' || m_text[k] == '\r'; }
  bool is_blank(std::size_t k) const { return k < m_text.size() && (m_text[k] == ' ' || m_text[k] == '\t'); }
  bool is_blank_or_break(std::size_t k) const { return is_break(k) || is_blank(k); }
  int col(std::size_t k) const { return static_cast<int>(k - m_line_start); }

  std::size_t skip_blanks(std::size_t k) const
  {
    while (is_blank(k)) {
      ++k;
    }
    return k;
  }

  std::size_t next_line(std::size_t k) const
  {
    while (k < m_text.size() && m_text[k] != '\n') {
      ++k;
    }
    return k < m_text.size() ? k + 1 : k;
  }

  std::size_t skip_token(std::size_t k) const
  {
    while (!is_blank_or_break(k)) {
      ++k;
    }
    return k;
  }

  // From an opening quote to just past its closing one, over line breaks.
  std::size_t skip_quoted(std::size_t k)
  {
    const char quote = m_text[k];
    for (++k; k < m_text.size(); ++k) {
      const char c = m_text[k];
      if (c == '\n') {
        m_line_start = k + 1;
      } else if (quote == '"' && c == '\\') {
        ++k;
      } else if (c == quote) {
        if (quote == '\'' && k + 1 < m_text.size() && m_text[k + 1] == '\'') {
          ++k;
        } else {
          return k + 1;
        }
      }
    }
    return k;
  }

  // From an opening bracket to just past the one that closes it. Inside,
  // plain scalars cannot hold brackets, so every bracket outside quotes and
  // comments counts.
  std::size_t scan_flow(std::size_t k)
  {
    int depth = 0;
    while (k < m_text.size()) {
      const char c = m_text[k];
      const char before = k > 0 ? m_text[k - 1] : '\n';
      const bool after_separator = before == ' ' || before == '\t' || before == '\n' || before == '\r'
                                   || before == '[' || before == '{' || before == ',' || before == ':';
      if (c == '[' || c == '{') {
        if (++depth > m_limit) {
          m_found = k;
          return m_text.size();
        }
      } else if (c == ']' || c == '}') {
        if (--depth == 0) {
          return k + 1;
        }
      } else if (c == '\n') {
        m_line_start = k + 1;
      } else if (c == '#' && (before == ' ' || before == '\t' || before == '\n' || before == '\r')) {
        while (k + 1 < m_text.size() && m_text[k + 1] != '\n') {
          ++k;
        }
      } else if ((c == '"' || c == '\'') && after_separator) {
        k = skip_quoted(k);
        continue;
      }
      ++k;
    }
    return k;
  }

  // The nodes of one line in block context: indicators, keys, and the value
  // the line ends with. Returns where the next line starts.
  std::size_t scan_block_line(std::size_t k)
  {
    // The indentation of the collection the next value belongs to; its
    // continuation lines are those indented deeper.
    int node_col = m_pending_col;
    m_pending_col = -1;
    for (;;) {
      k = skip_blanks(k);
      if (is_break(k)) {
        m_pending_col = node_col; // the value comes on the next lines
        return next_line(k);
      }
      const char c = m_text[k];
      if (c == '#') {
        m_pending_col = node_col;
        return next_line(k);
      }
      if ((c == '-' || c == '?' || c == ':') && is_blank_or_break(k + 1)) {
        node_col = col(k);
        ++k;
      } else if (c == '&' || c == '!' || c == '*') {
        k = skip_token(k);
      } else if (c == '[' || c == '{') {
        k = scan_flow(k);
        if (m_found) {
          return m_text.size();
        }
      } else if (c == '"' || c == '\'') {
        const int start_col = col(k);
        k = skip_quoted(k);
        if (k < m_text.size() && m_text[k] == ':' && is_blank_or_break(k + 1)) {
          node_col = start_col; // a quoted key
          ++k;
        }
      } else if (c == '|' || c == '>') {
        m_carry_col = node_col;
        return next_line(k);
      } else {
        const std::size_t start = k;
        while (!is_break(k) && !(m_text[k] == ':' && is_blank_or_break(k + 1))
               && !(m_text[k] == '#' && is_blank(k - 1))) {
          ++k;
        }
        if (!is_break(k) && m_text[k] == ':') {
          node_col = col(start); // a key; its value follows
          ++k;
        } else {
          // A plain value: the lines below that are indented deeper go on
          // with its text.
          m_carry_col = node_col;
          return next_line(k);
        }
      }
    }
  }

  std::string_view m_text;
  int m_limit;
  std::size_t m_line_start = 0;
  std::optional<int> m_carry_col;
  int m_pending_col = -1;
  std::optional<std::size_t> m_found;
};

} // namespace

std::optional<std::size_t> find_deep_flow(std::string_view text, int limit)
{
  return FlowDepthScan(text, limit).run();
}

} // namespace mentor::store
