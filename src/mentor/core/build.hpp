#pragma once

#include "mentor/core/model.hpp"
#include "mentor/store/document.hpp"
#include "mentor/store/source_error.hpp"

#include <vector>

namespace mentor::core {

// Problems found while reading records, all of them, in file order.
class Problems
{
public:
  void add(store::Problem problem) { m_list.push_back(std::move(problem)); }
  void error(const store::Document& document, const store::Mark& mark, std::string message,
             std::string hint = {});
  void warning(const store::Document& document, const store::Mark& mark, std::string message,
               std::string hint = {});
  bool has_errors() const;
  const std::vector<store::Problem>& list() const { return m_list; }
  // Throws store::SourceError with every error when there is one.
  void throw_if_errors() const;

private:
  std::vector<store::Problem> m_list;
};

// Typed records from parsed files. Every field is checked (type, enum,
// date, duration, cadence); what is wrong is added to `problems` with its
// position, and the field keeps its default. Keys mentor does not know are
// the user's and are left alone.
Config build_config(const store::Document& document, Problems& problems);
Person build_person(const store::Document& document, std::string slug, Problems& problems);
Pairing build_pairing(const store::Document& document, std::string slug, Problems& problems);

} // namespace mentor::core
