# Strict warnings for our own targets; -Werror in developer mode (and in CI).
add_library(mentor_warnings INTERFACE)
target_compile_options(mentor_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(MENTOR_DEV_MODE)
  target_compile_options(mentor_warnings INTERFACE -Werror)
endif()
