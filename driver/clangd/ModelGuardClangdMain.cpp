//===--- ModelGuardClangdMain.cpp - modelguard-clangd ----------------------===//
//
// clangd with the modelguard checks linked in. Everything but the two
// additions below is clangd's own entry point from libclangdMain.a:
//
// - the modelguard module is kept in the link by referencing its anchor;
// - when the user gives no --resource-dir, the Clang resource directory
//   found at configure time is passed, so that the built-in headers are
//   found wherever the executable is installed. clangd looks for them next
//   to its executable, which only works inside an LLVM installation.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cstdlib>
#include <string>

namespace clang {
namespace tidy {
// Defined in checks/ModelGuardModule.cpp next to the module's registration.
extern volatile int ModelGuardModuleAnchorSource;
} // namespace tidy
namespace clangd {
// libclangdMain.a; clangd installs no headers.
int clangdMain(int Argc, char *Argv[]);
} // namespace clangd
} // namespace clang

namespace {

// Whether Arg sets the resource directory: -resource-dir, --resource-dir,
// with the value after '=' or in the next argument.
bool setsResourceDir(llvm::StringRef Arg) {
  Arg.consume_front("-");
  Arg.consume_front("-");
  return Arg == "resource-dir" || Arg.starts_with("resource-dir=");
}

// clangd also reads options from the CLANGD_FLAGS environment variable.
bool environmentSetsResourceDir() {
  const char *Flags = std::getenv("CLANGD_FLAGS");
  return Flags && llvm::StringRef(Flags).contains("resource-dir");
}

// The resource directory clangd itself would use: <bin>/../lib/clang/<major>.
bool hasOwnResourceDir(const char *Argv0) {
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&hasOwnResourceDir));
  if (Exe.empty())
    return false;
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Dir, "lib", "clang", MODELGUARD_CLANG_MAJOR);
  llvm::sys::path::append(Dir, "include", "stddef.h");
  return llvm::sys::fs::exists(Dir);
}

} // namespace

int main(int Argc, char *Argv[]) {
  int Anchor = clang::tidy::ModelGuardModuleAnchorSource;
  (void)Anchor;

  llvm::SmallVector<char *, 16> Args(Argv, Argv + Argc);
  bool Given = environmentSetsResourceDir();
  for (int I = 1; I < Argc && !Given; ++I)
    Given = setsResourceDir(Argv[I]);

  static char DefaultResourceDir[] =
      "--resource-dir=" MODELGUARD_CLANG_RESOURCE_DIR;
  if (!Given && !hasOwnResourceDir(Argv[0]))
    Args.insert(Args.begin() + 1, DefaultResourceDir);
  Args.push_back(nullptr);

  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
