#include "mentor/cli/autocommit.hpp"
#include "mentor/cli/commands.hpp"
#include "mentor/core/build.hpp"
#include "mentor/core/templates.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/slug.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <iostream>

namespace mentor::cli {

CLI::App* setup_add(CLI::App& app, AddOptions& options)
{
  auto* sub = app.add_subcommand("add", "Add a person (people/<id>.yaml)");
  sub->add_option("NAME", options.name, "Their full name")->required();
  sub->add_option("--id", options.id, "The id (file name) to use instead of one made from the name")
    ->type_name("ID");
  sub->add_option("--email", options.email, "Email address")->type_name("EMAIL");
  sub->add_option("--org", options.org, "Organisation")->type_name("ORG");
  sub->add_option("--role", options.role, "Role or job title")->type_name("ROLE");
  sub->add_option("--tag", options.tags, "A tag (repeat for more)")->type_name("TAG")->allow_extra_args(false);
  sub->add_option("--note", options.note, "Notes about them")->type_name("TEXT");
  return sub;
}

void run_add(Context& context, const AddOptions& options)
{
  core::NewPerson person;
  person.name = single_line("NAME", options.name);
  std::string slug = options.id.value_or("");
  if (!options.id) {
    slug = util::slugify(person.name);
    if (slug.empty()) {
      throw UsageError(fmt::format("\"{}\" has no letters or digits to make an id from", person.name),
                       "give one with --id, such as --id wei-zhang");
    }
  } else if (!util::is_valid_slug(slug)) {
    throw UsageError(fmt::format("--id: \"{}\" is not a valid id", slug),
                     "ids are lower-case letters and digits joined by single hyphens, at most 64 characters");
  }
  if (options.email) {
    person.email = single_line("--email", *options.email);
  }
  if (options.org) {
    person.organisation = single_line("--org", *options.org);
  }
  if (options.role) {
    person.role = single_line("--role", *options.role);
  }
  for (const auto& tag : options.tags) {
    person.tags.push_back(single_line("--tag", tag));
  }
  if (options.note) {
    person.notes = util::normalize_note(*options.note);
  }

  const auto& dir = context.dir();
  const AutoCommit autocommit(context);
  const auto file = store::RecordsDir::record_file(store::Folder::people, slug);
  const auto text = core::person_text(person);
  core::Problems problems;
  const auto written = core::build_person(store::parse_document(dir.display(file), text), slug, problems);
  if (problems.has_errors() || written.name != person.name || written.notes != person.notes) {
    throw Error("internal error: the new person file would not read back as written; nothing was written");
  }

  const auto lock = dir.lock();
  if (dir.exists(file)) {
    throw Error(fmt::format("{} already exists", dir.display(file)),
                fmt::format("nothing was changed; to add someone else with a similar name, give another id "
                            "with --id, such as --id {}-2",
                            slug));
  }
  dir.create(file, text);
  std::cout << fmt::format("added {}: {}\n", person.name, dir.display(file));
  autocommit.commit({file}, fmt::format("add: {}", slug));
}

} // namespace mentor::cli
