//===--- ModelGuardFuzzer.cpp - modelguard ---------------------------------===//
//
// A libFuzzer target that runs the modelguard checks, in-process, over
// one C++ translation unit per input. The input is served from an in-memory
// file layered over the real file system, so seeds may include the
// reference model's headers and the standard library. Built only with
// -DMODELGUARD_FUZZER=ON; see docs/evaluation.md for the commands.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy {
// Defined next to the module's registration; referencing it keeps that
// object file, and with it the checks, in the executable.
extern volatile int ModelGuardModuleAnchorSource;
} // namespace clang::tidy

namespace {

constexpr const char *InputPath = "/modelguard-fuzz/input.cpp";

/// Compiler arguments shared by every input: the reference model's directory
/// on the include path, so that seeds taken from it parse as in the tests.
std::vector<std::string> compilerArguments() {
  std::vector<std::string> Args = {"-std=c++17", "-ferror-limit=50"};
  const char *Root = std::getenv("MODELGUARD_SOURCE_DIR");
  std::string Source = Root ? Root : MODELGUARD_DEFAULT_SOURCE_DIR;
  Args.push_back("-I" + Source + "/test/reference-model");
  Args.push_back("-I" + Source + "/test/checkers/Inputs");
  return Args;
}

clang::tidy::ClangTidyOptions checkOptions() {
  clang::tidy::ClangTidyOptions Options =
      clang::tidy::ClangTidyOptions::getDefaults();
  Options.Checks = "-*,modelguard-*";
  Options.HeaderFilterRegex = ".*";
  return Options;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  (void)clang::tidy::ModelGuardModuleAnchorSource;
  static const std::vector<std::string> Args = compilerArguments();
  static const clang::tooling::FixedCompilationDatabase Compilations(".",
                                                                     Args);

  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile(InputPath, 0,
                  llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(
                      reinterpret_cast<const char *>(Data), Size)));
  auto Files = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  Files->pushOverlay(Memory);

  clang::tidy::ClangTidyContext Context(
      std::make_unique<clang::tidy::DefaultOptionsProvider>(
          clang::tidy::ClangTidyGlobalOptions(), checkOptions()));
  // The findings themselves do not matter here: the target looks for
  // crashes, sanitizer reports, leaks and hangs while producing them.
  // MODELGUARD_FUZZ_VERBOSE=1 lists them, to see that the checks ran.
  std::vector<clang::tidy::ClangTidyError> Errors = clang::tidy::runClangTidy(
      Context, Compilations, {InputPath}, Files, /*ApplyAnyFix=*/false,
      /*EnableCheckProfile=*/false, /*StoreCheckProfile=*/"", /*Quiet=*/true);
  static const bool Verbose = std::getenv("MODELGUARD_FUZZ_VERBOSE") != nullptr;
  if (Verbose)
    for (const clang::tidy::ClangTidyError &Error : Errors)
      llvm::errs() << Error.Message.FilePath << ":" << Error.Message.FileOffset
                   << ": " << Error.DiagnosticName << ": " << Error.Message.Message
                   << "\n";
  return 0;
}
