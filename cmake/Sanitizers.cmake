# Sanitizers apply to everything built here, tests included.
set(_mentor_sanitizers "")
if(ENABLE_SANITIZER_ADDRESS)
  list(APPEND _mentor_sanitizers address)
endif()
if(ENABLE_SANITIZER_UNDEFINED)
  list(APPEND _mentor_sanitizers undefined)
endif()
if(_mentor_sanitizers)
  list(JOIN _mentor_sanitizers "," _mentor_sanitizer_list)
  add_compile_options(-fsanitize=${_mentor_sanitizer_list} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_mentor_sanitizer_list})
endif()

# The fuzz build (MENTOR_FUZZ): clang's coverage for libFuzzer, with
# AddressSanitizer (and LeakSanitizer) and UndefinedBehaviorSanitizer, on
# everything; the fuzz targets link libFuzzer itself (tests/fuzz).
if(MENTOR_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MENTOR_FUZZ needs clang: configure a build folder of its own with "
                        "CXX=clang++ (scripts/fuzz.sh does)")
  endif()
  include(CheckCXXSourceCompiles)
  set(CMAKE_REQUIRED_FLAGS -fsanitize=fuzzer)
  set(CMAKE_REQUIRED_LINK_OPTIONS -fsanitize=fuzzer)
  check_cxx_source_compiles([[
    #include <cstddef>
    #include <cstdint>
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }
  ]] MENTOR_HAVE_LIBFUZZER)
  unset(CMAKE_REQUIRED_FLAGS)
  unset(CMAKE_REQUIRED_LINK_OPTIONS)
  if(NOT MENTOR_HAVE_LIBFUZZER)
    message(FATAL_ERROR "clang cannot link libFuzzer (-fsanitize=fuzzer): on Debian 12 install "
                        "libclang-rt-14-dev (scripts/deps.sh does)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
