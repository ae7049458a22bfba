#include "mentor/util/memory.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

// The flags of the mapping that holds `address`, from /proc/self/smaps
// ("rd wr mr mw me ac hg ..."), or "" when none holds it.
std::string mapping_flags(const void* address)
{
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0;
    std::uintptr_t to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> from >> dash >> to && dash == '-' && line.find(':') > line.find(' ')) {
      inside = from <= at && at < to;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line.substr(8) + " ";
    }
  }
  return "";
}

// Whether the kernel gives huge pages to memory that asks for them.
bool kernel_offers_huge_pages()
{
  std::ifstream enabled("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(enabled, modes);
  return modes.find("[madvise]") != std::string::npos || modes.find("[always]") != std::string::npos;
}

constexpr bool glibc_without_sanitizers()
{
#if defined(__GLIBC__) && defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
  return false;
#endif
#endif
  return UINTPTR_MAX > 0xFFFFFFFFu;
#else
  return false;
#endif
}

} // namespace

TEST_CASE("memory: a thread that prefers huge pages allocates from a heap marked for them, and nothing else changes")
{
  mentor::util::prefer_huge_pages();
  mentor::util::prefer_huge_pages();  // a second call is harmless
  std::string flags;
  bool intact = true;
  std::thread worker([&] {
    mentor::util::prefer_huge_pages_in_this_thread();
    // Allocations still behave: many small ones, written and read back.
    std::vector<std::unique_ptr<std::string>> strings;
    for (int i = 0; i < 20000; ++i) {
      strings.push_back(std::make_unique<std::string>(std::to_string(i) + std::string(40, 'x')));
    }
    for (int i = 0; i < 20000; ++i) {
      intact = intact && *strings[static_cast<std::size_t>(i)] == std::to_string(i) + std::string(40, 'x');
    }
    void* block = std::malloc(4096);
    REQUIRE(block != nullptr);
    std::memset(block, 1, 4096);
    flags = mapping_flags(block);
    std::free(block);
  });
  worker.join();
  CHECK(intact);
  if (glibc_without_sanitizers() && kernel_offers_huge_pages()) {
    // "hg": the mapping asked for huge pages (MADV_HUGEPAGE).
    CHECK_MESSAGE(flags.find(" hg ") != std::string::npos, "VmFlags:", flags);
  } else {
    MESSAGE("huge pages not offered here: only checked that allocation still works");
  }
}
