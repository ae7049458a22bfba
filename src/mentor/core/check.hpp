#pragma once

#include "mentor/core/build.hpp"
#include "mentor/core/model.hpp"

#include <functional>
#include <string_view>

namespace mentor::core {

// What no single file shows on its own: `me` and every pairing's people
// exist; goal and action ids are unique in a pairing; review entries name
// goals that exist; a pairing's file is named after its people; dates agree
// (planned and actual end after the start, sessions in date order, actions
// done after they were agreed, `status: ended` with an `ended:` date).
// Problems carry file, line and column, but no excerpt (no I/O here).
void check_records(const Records& records, Problems& problems);

// The same in two parts, so that each pairing can be checked as it is read:
// `me` exists; and one pairing, given which people exist.
void check_config(const Records& records, Problems& problems);
void check_pairing(const Pairing& pairing, const std::function<bool(std::string_view)>& person_exists,
                   Problems& problems);

} // namespace mentor::core
