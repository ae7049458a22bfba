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
