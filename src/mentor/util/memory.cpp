#include "mentor/util/memory.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

// The sanitizers bring an allocator of their own: none of this applies.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define MENTOR_OWN_ALLOCATOR 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MENTOR_OWN_ALLOCATOR 1
#endif

#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE) && UINTPTR_MAX > 0xFFFFFFFFu && \
  !defined(MENTOR_OWN_ALLOCATOR)
#define MENTOR_HUGE_PAGES 1
#endif

namespace mentor::util {

namespace {

#ifdef MENTOR_HUGE_PAGES
constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
// glibc's heaps for threads other than the first: 64 MiB of address space
// each, aligned to their size (free() finds a chunk's heap by masking its
// address), made usable as they grow.
constexpr std::uintptr_t thread_heap = std::uintptr_t{64} << 20;
constexpr int step = 32 << 20;  // how far heaps grow at a time

std::uintptr_t align_up(std::uintptr_t at, std::uintptr_t to) { return (at + to - 1) & ~(to - 1); }

void* allocate(std::size_t size)
{
  void* block = std::malloc(size);
  asm volatile("" : : "r"(block) : "memory");  // the compiler may not drop a malloc and free pair
  return block;
}

void advise(std::uintptr_t from, std::uintptr_t to)
{
  if (to > from) {
    madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
  }
}

// The blocks set aside by prefer_huge_pages_in_this_thread(), chained
// through their first word: never used, but still reachable.
std::atomic<void*> set_aside{nullptr};
std::atomic<bool> prepared{false};

// Where a heap's marked part starts above memory already in ordinary
// pages, what lies between is set aside: never touched past its first word
// (so it costs no memory), while allocation goes on above it. A heap hands
// out a fresh block from its lowest free address, which a small probe
// shows; were the probe served from lower down, the block set aside is
// only larger than it needs to be.
void set_aside_below(std::uintptr_t marked)
{
  void* probe = allocate(64);
  const auto at = reinterpret_cast<std::uintptr_t>(probe);
  std::free(probe);
  if (probe == nullptr || at + sizeof(void*) >= marked || marked - at > 2 * huge_page) {
    return;
  }
  if (void* block = allocate(marked - at)) {
    *static_cast<void**>(block) = set_aside.load();
    while (!set_aside.compare_exchange_weak(*static_cast<void**>(block), block)) {
    }
  }
}
#endif

} // namespace

void prefer_huge_pages()
{
#ifdef MENTOR_HUGE_PAGES
  if (prepared.exchange(true)) {
    return;
  }
  // Blocks up to 32 MiB come from the heaps instead of a mapping of their
  // own (the model's large vectors), and the heaps grow 32 MiB at a time
  // instead of a page at a time. Untouched pages cost nothing.
  mallopt(M_MMAP_THRESHOLD, step);
  mallopt(M_TOP_PAD, step);
  mallopt(M_TRIM_THRESHOLD, 4 * step);
  // The main heap (brk) grows now, by a block larger than what it has
  // left, and the part added is marked. A mark does not follow a later brk,
  // so what the main thread allocates past it is in ordinary pages.
  const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
  std::free(allocate(step / 8));
  const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const auto from = align_up(before, huge_page);
  if (after > from) {
    advise(from, after & ~(huge_page - 1));
    set_aside_below(from);
  }
#endif
}

void prefer_huge_pages_in_this_thread()
{
#ifdef MENTOR_HUGE_PAGES
  if (!prepared) {
    return;
  }
  void* probe = allocate(64);
  if (probe == nullptr) {
    return;
  }
  const auto at = reinterpret_cast<std::uintptr_t>(probe);
  std::free(probe);
  if (at < reinterpret_cast<std::uintptr_t>(sbrk(0))) {
    return;  // the main heap: a layout this does not know
  }
  const auto heap = at & ~(thread_heap - 1);
  advise(heap, heap + thread_heap);
  // The heap's first 2 MiB hold its header in ordinary pages already, so
  // they cannot become one huge page: the rest of them is set aside, never
  // touched past its first word (so it costs no memory), and allocation
  // goes on after it.
  set_aside_below(heap + huge_page);
#endif
}

} // namespace mentor::util
