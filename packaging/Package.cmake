# `cpack -G DEB` in a build directory makes modelguard_VERSION+llvmNN_amd64.deb
# from what `cmake --install` installs, under /usr. Each build belongs to one
# LLVM version, so each package does: the LLVM major is part of the version,
# the package depends on that version's clang-tidy (which brings the shared
# libclang-cpp and libLLVM the driver and clangd link, and Clang's resource
# headers), and one modelguard package is installed at a time.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME modelguard)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}+llvm${MODELGUARD_LLVM_MAJOR}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "modelguard maintainers <modelguard@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "clang-tidy checks for C++ code that keeps records in a database")
set(CPACK_PACKAGE_DESCRIPTION "modelguard finds security defects of persistent-object \
layers (ORM models, repositories, key-value stores, hand-written SQL) with \
clang-tidy checks. This package holds the module for clang-tidy-${MODELGUARD_LLVM_MAJOR} \
(/usr/lib/modelguard/llvm-${MODELGUARD_LLVM_MAJOR}/libModelGuard.so, run by the \
modelguard-${MODELGUARD_LLVM_MAJOR} wrapper), the modelguard batch driver (text, \
JSON, SARIF, HTML and GitLab Code Quality reports) and modelguard-clangd.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "clang-tidy-${MODELGUARD_LLVM_MAJOR}, libclang-cpp${MODELGUARD_LLVM_MAJOR}, libllvm${MODELGUARD_LLVM_MAJOR}, libc6, libstdc++6, libgcc-s1")
if(MODELGUARD_INFO_URL)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${MODELGUARD_INFO_URL}")
endif()
# The executables link all of clang-tidy's modules statically: stripped and
# gzip-compressed, the package builds in seconds rather than minutes.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
include(CPack)
