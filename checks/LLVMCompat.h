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

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace modelguard::compat {

/// Makes \p Path absolute against \p Directory (not the current one). LLVM
/// 22 moved this from llvm::sys::fs to llvm::sys::path.
inline void makeAbsolute(const llvm::Twine &Directory,
                         llvm::SmallVectorImpl<char> &Path) {
#if LLVM_VERSION_MAJOR >= 22
  llvm::sys::path::make_absolute(Directory, Path);
#else
  llvm::sys::fs::make_absolute(Directory, Path);
#endif
}

} // namespace modelguard::compat

// --- For the executables that run clang-tidy themselves (the driver) -------

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"

#include <memory>
#include <string>
#include <vector>

// LLVM 21 added clang-tidy's "custom" module (checks written as queries).
#define MODELGUARD_TIDY_HAS_CUSTOM_MODULE (LLVM_VERSION_MAJOR >= 21)

namespace modelguard::compat {

/// The checks \p Options enables. LLVM 21 added a flag for the experimental
/// custom checks, which modelguard does not enable.
inline std::vector<std::string>
enabledCheckNames(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 21
  return clang::tidy::getCheckNames(Options, /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                                    /*ExperimentalCustomChecks=*/false);
#else
  return clang::tidy::getCheckNames(Options, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
#endif
}

/// A diagnostics engine that reports to \p Consumer, installed in
/// \p Context. LLVM 21 passes DiagnosticOptions by reference and has the
/// context own them; before, the engine shared them by reference count.
inline std::unique_ptr<clang::DiagnosticsEngine>
makeTidyDiagnosticsEngine(clang::tidy::ClangTidyContext &Context,
                          clang::DiagnosticConsumer &Consumer) {
#if LLVM_VERSION_MAJOR >= 21
  auto Options = std::make_unique<clang::DiagnosticOptions>();
  auto Engine = std::make_unique<clang::DiagnosticsEngine>(
      clang::DiagnosticIDs::create(), *Options, &Consumer,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(Options), Engine.get());
#else
  auto Engine = std::make_unique<clang::DiagnosticsEngine>(
      llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>(),
      llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>(), &Consumer,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(Engine.get());
#endif
  return Engine;
}

} // namespace modelguard::compat

#endif // MODELGUARD_LLVMCOMPAT_H
