#pragma once

#include "mentor/core/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mentor::core {

// The text of new files: plain YAML with short comments that explain the
// format to someone opening the file for the first time.

std::string config_text(const std::string& me);

struct NewPerson
{
  std::string name;
  std::string email;
  std::string organisation;
  std::string role;
  std::vector<std::string> tags;
  std::string notes;
};
std::string person_text(const NewPerson& person);

struct NewGoal
{
  std::string id;
  std::string title;
};

struct NewPairing
{
  std::string mentor;        // slugs
  std::string mentee;
  std::string mentor_name;   // for the header comment
  std::string mentee_name;
  Kind kind = Kind::coaching;
  Date started;
  std::optional<Date> until;
  std::string cadence;       // as written: "2w", "none"
  std::string duration;      // as written: "1h"
  bool paid = true;
  std::string sponsor;
  std::vector<NewGoal> goals;
};
std::string pairing_text(const NewPairing& pairing);

} // namespace mentor::core
