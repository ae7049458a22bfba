#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <string_view>

namespace mentor::bench {

// xoshiro256** seeded through splitmix64: the same seed gives the same
// records on every machine and standard library (std::mt19937 is portable,
// but std's distributions are not, so the few we need are written here).
class Rng
{
public:
  explicit Rng(std::uint64_t seed)
  {
    for (auto& word : m_state) {
      seed += 0x9E3779B97F4A7C15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      word = z ^ (z >> 31);
    }
  }

  std::uint64_t next()
  {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
  }

  // 0 <= x < n (0 when n <= 0).
  long below(long n) { return n <= 0 ? 0 : static_cast<long>(next() % static_cast<std::uint64_t>(n)); }

  // lo <= x <= hi.
  long between(long lo, long hi) { return hi <= lo ? lo : lo + below(hi - lo + 1); }

  // 0 <= x < 1.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  bool chance(double p) { return unit() < p; }

  // Exponentially distributed with mean 1.
  double exponential() { return -std::log(1.0 - unit()); }

  template <typename T>
  const T& pick(std::span<const T> items)
  {
    return items[static_cast<std::size_t>(below(static_cast<long>(items.size())))];
  }

  std::string_view pick(std::span<const std::string_view> items) { return pick<std::string_view>(items); }

private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t m_state[4] = {};
};

} // namespace mentor::bench
