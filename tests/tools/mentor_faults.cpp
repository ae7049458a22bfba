// mentor with a fault injected into its disk writes, for the crash-safety
// tests only (never installed): the same library as the real binary, with
// util::DiskCalls replaced as $MENTOR_FAULT says.
//
//   MENTOR_FAULT=CALL[:N]=WHAT
//
// CALL is write, fsync, rename or link (the calls write_file_atomic makes;
// fsync 1 is the temporary file's, fsync 2 the folder's), N which call of
// that kind (default 1). WHAT is an errno name (ENOSPC, EDQUOT, EIO, EROFS):
// that call fails with it; or kill-before / kill-after: the process gets
// SIGKILL just before / just after that call; or kill-halfway (write only):
// half the bytes are written, then SIGKILL.
#include "mentor/cli/run.hpp"
#include "mentor/util/atomic_file.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include <unistd.h>

namespace {

using mentor::util::DiskCalls;

struct Fault
{
  std::string call;
  int nth = 1;
  std::string what;
};

std::optional<Fault> parse_fault(const std::string& spec)
{
  const auto eq = spec.find('=');
  if (eq == std::string::npos) {
    return std::nullopt;
  }
  Fault fault;
  fault.call = spec.substr(0, eq);
  fault.what = spec.substr(eq + 1);
  if (const auto colon = fault.call.find(':'); colon != std::string::npos) {
    fault.nth = std::atoi(fault.call.c_str() + colon + 1);
    fault.call.resize(colon);
  }
  const bool known_call = fault.call == "write" || fault.call == "fsync" || fault.call == "rename" || fault.call == "link";
  const bool known_what = fault.what == "ENOSPC" || fault.what == "EDQUOT" || fault.what == "EIO"
                          || fault.what == "EROFS" || fault.what == "kill-before" || fault.what == "kill-after"
                          || (fault.what == "kill-halfway" && fault.call == "write");
  if (!known_call || !known_what || fault.nth < 1) {
    return std::nullopt;
  }
  return fault;
}

int errno_of(const std::string& name)
{
  return name == "ENOSPC" ? ENOSPC : name == "EDQUOT" ? EDQUOT : name == "EIO" ? EIO : EROFS;
}

[[noreturn]] void die()
{
  ::kill(::getpid(), SIGKILL);
  std::abort(); // not reached
}

// Wraps one call: counts it, and on the Nth acts as the fault says.
template <typename Result, typename... Args>
std::function<Result(Args...)> inject(std::function<Result(Args...)> real, const Fault& fault,
                                      const std::string& call)
{
  if (fault.call != call) {
    return real;
  }
  auto count = std::make_shared<int>(0);
  return [real, fault, count](Args... args) -> Result {
    if (++*count != fault.nth) {
      return real(args...);
    }
    if (fault.what == "kill-before") {
      die();
    }
    if (fault.what == "kill-after") {
      real(args...);
      die();
    }
    errno = errno_of(fault.what);
    return -1;
  };
}

} // namespace

int main(int argc, char** argv)
{
  const char* spec = std::getenv("MENTOR_FAULT");
  std::optional<mentor::util::ScopedDiskCalls> faults;
  if (spec && *spec) {
    const auto fault = parse_fault(spec);
    if (!fault) {
      std::fprintf(stderr, "mentor_faults: cannot read MENTOR_FAULT=%s\n", spec);
      return 3;
    }
    auto calls = mentor::util::real_disk_calls();
    if (fault->what == "kill-halfway") {
      auto count = std::make_shared<int>(0);
      calls.write = [real = calls.write, count, nth = fault->nth](int fd, const void* data, std::size_t size) {
        if (++*count != nth) {
          return real(fd, data, size);
        }
        real(fd, data, size / 2);
        die();
      };
    } else {
      calls.write = inject(calls.write, *fault, "write");
      calls.fsync = inject(calls.fsync, *fault, "fsync");
      calls.rename = inject(calls.rename, *fault, "rename");
      calls.link = inject(calls.link, *fault, "link");
    }
    faults.emplace(std::move(calls));
  }
  return mentor::cli::run(argc, argv);
}
