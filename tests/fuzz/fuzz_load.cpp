// Fuzz target `load`: any bytes as a record file, read the way every command
// reads one (store::parse_document, then core::build_* into the model), then
// checked as `mentor check` does and every problem formatted as it is shown.
// Whatever the bytes, this must end in records or in problems: never a
// crash, a hang, a leak or undefined behaviour. Bytes after a NUL (which no
// readable file holds) are ignored, so the inputs of the other targets serve
// here too.

#include "fuzz_support.hpp"

#include "mentor/core/build.hpp"
#include "mentor/core/check.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/store/source_error.hpp"
#include "mentor/util/error.hpp"

using namespace mentor;

namespace {

void show(const std::vector<store::Problem>& problems)
{
  for (const auto& problem : problems) {
    const auto text = store::format_problem(problem, store::ShowSeverity::yes);
    FUZZ_CHECK(!text.empty(), problem.message);
    FUZZ_CHECK(!problem.message.empty(), text);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  // The whole input, NUL bytes included, is what parse_document must refuse
  // or read; the file of the other targets is the part before the NUL.
  std::vector<std::string> texts{std::string(reinterpret_cast<const char*>(data), size)};
  if (auto before_nul = fuzz::split_input(data, size).text; before_nul.size() < size) {
    texts.push_back(std::move(before_nul));
  }
  for (const auto& text : texts) {
    store::Document document;
    try {
      document = store::parse_document("pairings/ann--bob.yaml", text);
    } catch (const store::SourceError& e) {
      FUZZ_CHECK(!e.problems().empty(), e.what());
      show(e.problems());
      fuzz::count("refused");
      continue;
    }
    FUZZ_CHECK(document.text == text, "the document keeps the file's bytes");

    // The same tree as each kind of record, and the records together.
    core::Problems problems;
    core::Records records;
    auto build = [&](const char* kind, auto&& function) {
      core::Problems own;
      function(own);
      show(own.list());
      if (!own.has_errors()) {
        fuzz::count(kind);
      }
      for (const auto& problem : own.list()) {
        problems.add(problem);
      }
    };
    build("read as settings", [&](core::Problems& p) { records.config = core::build_config(document, p); });
    build("read as a person", [&](core::Problems& p) {
      records.people.push_back(core::build_person(document, "ann", p));
      records.people.push_back(core::build_person(document, "bob", p));
    });
    build("read as a pairing",
          [&](core::Problems& p) { records.pairings.push_back(core::build_pairing(document, "ann--bob", p)); });
    core::Problems checks;
    core::check_records(records, checks);
    show(checks.list());
    for (const auto& problem : checks.list()) {
      problems.add(problem);
    }
    try {
      problems.throw_if_errors();
      FUZZ_CHECK(!problems.has_errors(), "throw_if_errors let an error through");
    } catch (const store::SourceError& e) {
      FUZZ_CHECK(problems.has_errors(), e.what());
    }
  }
  return 0;
}
