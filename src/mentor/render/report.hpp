#pragma once

#include "mentor/core/report.hpp"
#include "mentor/render/style.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace mentor::render {

// Output formats of `mentor report`. Every format states the period it
// covers: text and markdown in a heading, json as "from"/"to", csv as `from`
// and `to` columns on every row (the ICF csv keeps ICF's exact columns).
enum class Format { text, markdown, json, csv };

// "text", "markdown", "json", "csv" (case-insensitive); nullopt otherwise.
std::optional<Format> parse_format(std::string_view text);

// The format a file name asks for: .txt/.text, .md/.markdown, .json, .csv
// (case-insensitive); nullopt for any other or no extension.
std::optional<Format> format_from_extension(std::string_view path);

// `mentor report`: the totals of each side, the table grouped by
// `report.by`, the topics. Text fits 80 columns; csv is RFC 4180 (CRLF).
std::string report_output(const core::Report& report, Format format, const Style& style);

// `mentor report --icf`: the ICF coaching log. Text and markdown add the
// progress toward the ICF credentials; `today` dates the last-18-months figure.
std::string icf_output(const core::IcfLog& log, Format format, const Style& style, core::Date today);

} // namespace mentor::render
