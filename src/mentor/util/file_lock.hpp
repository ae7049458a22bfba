#pragma once

#include <filesystem>

namespace mentor::util {

// An exclusive advisory lock (flock) held for the object's lifetime. The lock
// file is created (0600) if missing and is never renamed or replaced, so every
// writer locks the same inode. Blocks until the lock is free.
class FileLock
{
public:
  explicit FileLock(const std::filesystem::path& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  // The lock goes with the descriptor.
  FileLock(FileLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
  FileLock& operator=(FileLock&&) = delete;

private:
  int m_fd = -1;
};

} // namespace mentor::util
