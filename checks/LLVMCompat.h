//===--- LLVMCompat.h - modelguard -----------------------------*- C++ -*-===//
//
// The differences between the LLVM versions modelguard builds against (19
// and 22), in one place, so that the checks, the driver and the clangd build
// are written once. Each entry names the version that changed the API.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_LLVMCOMPAT_H
#define MODELGUARD_LLVMCOMPAT_H

#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR < 19
#error "modelguard needs LLVM 19 or newer"
#endif

// LLVM 20 moved ClangTidyModuleRegistry into ClangTidyModule.h; the old
// header remains in 22 but warns that it is deprecated.
#if LLVM_VERSION_MAJOR >= 20
#include "clang-tidy/ClangTidyModule.h"
#else
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#endif // MODELGUARD_LLVMCOMPAT_H
