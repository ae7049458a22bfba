#pragma once

namespace mentor::util {

// Memory for commands that build tens of megabytes of records: every 4 KiB
// page of it costs a page fault on first touch (about 10 µs on a virtual
// machine), and these were most of a warm `report` on a large directory.
// Where the kernel offers transparent huge pages on request (`madvise` or
// `always` in /sys/kernel/mm/transparent_hugepage/enabled; `never` turns
// them off) these functions ask for 2 MiB pages instead; glibc's
// malloc can do this itself, but only when told by the environment at exec
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1). Elsewhere they change nothing but
// how far malloc's heaps grow at a time. Nothing here changes what mentor
// allocates, only the pages beneath (and up to 2 MiB of address space per
// heap is set aside, never touched, so that the rest starts on a 2 MiB
// boundary).

// For the whole process, once, from the main thread, before the threads
// that will allocate a lot are started: heaps grow by 32 MiB at a time and
// are not trimmed, and the main thread's heap is marked for huge pages.
void prefer_huge_pages();

// First thing in each such thread, after prefer_huge_pages(): marks the
// thread's own heap.
void prefer_huge_pages_in_this_thread();

} // namespace mentor::util
