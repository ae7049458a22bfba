# What `cmake --install` places besides the binary (src/) and the manual
# (man/), where Debian expects it, and the Debian package that CPack builds
# from exactly that: `cpack -G DEB` in the build directory. Every install()
# rule of the project ends up in the package, the shell completions'
# (top-level CMakeLists.txt) too.

# share/doc/mentor: the README, gzipped as Debian's tools do for files over
# 4 kB, and the copyright file, which Debian's policy wants uncompressed.
set(readme_gz ${PROJECT_BINARY_DIR}/doc/README.md.gz)
add_custom_command(OUTPUT ${readme_gz}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${PROJECT_SOURCE_DIR}/README.md -DOUTPUT=${readme_gz}
          -P ${PROJECT_SOURCE_DIR}/cmake/CompressDoc.cmake
  DEPENDS ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/cmake/CompressDoc.cmake
  COMMENT "Compressing README.md"
  VERBATIM)
add_custom_target(doc ALL DEPENDS ${readme_gz})
install(FILES ${readme_gz} ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(MENTOR_PACKAGE_MAINTAINER "Seed 8bfbdcf4 maintainers <maintainers@users.noreply.h-seed-8bfbdcf4.example>"
    CACHE STRING "The Maintainer field of the Debian package: Name <email>")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mentor)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${MENTOR_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "record keeper for coaches and mentors, in plain YAML files")
set(CPACK_PACKAGE_DESCRIPTION
    "mentor keeps a coach's or mentor's records in a directory of plain YAML files\n"
    "that the user owns, edits by hand and keeps in git: one file per person, one\n"
    "per coaching or mentoring relationship with its goals and sessions. It adds\n"
    "to them without disturbing a byte of what the user wrote, says what needs\n"
    "attention, and writes monthly reports and the ICF coaching log.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Debian ships binaries stripped (the symbols go to a -dbgsym package).
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: worked out by dpkg-shlibdeps (package dpkg-dev) from the libraries
# the binary links: libc6, libfmt9, libgcc-s1, libstdc++6, libyaml-cpp0.7.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# `mentor init` makes a git repository; `mentor help` runs man.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git, man-db")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
