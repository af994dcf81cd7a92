//===--- CompileDatabase.h - modelguard driver ------------------*- C++ -*-===//
//
// Reads compile_commands.json with messages that name the file, the line and
// the column of what is wrong, then lets Clang's own reader turn the entries
// into commands (shell splitting, response files, driver mode).
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_DRIVER_COMPILEDATABASE_H
#define MODELGUARD_DRIVER_COMPILEDATABASE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>

#include <optional>
#include <string>
#include <vector>

namespace modelguard::driver {

struct CompileEntry {
  std::string File; ///< Absolute, normalised.
  std::string Directory;
  std::vector<std::string> Arguments;
};

/// A JSON file as read: its text and its parsed value.
struct JsonFile {
  std::unique_ptr<llvm::MemoryBuffer> Text;
  llvm::json::Value Value;
};

/// Reads and parses \p Path. On failure returns nothing and sets \p Error
/// to a message naming the file and, for malformed JSON, the line and
/// column ("file:line:column: malformed JSON: message").
std::optional<JsonFile> readJsonFile(llvm::StringRef Path, std::string &Error);

/// Loads `<BuildDir>/compile_commands.json`. On failure returns nothing and
/// sets \p Error to a message for the user.
std::optional<std::vector<CompileEntry>>
loadCompileDatabase(llvm::StringRef BuildDir, std::string &Error);

} // namespace modelguard::driver

#endif // MODELGUARD_DRIVER_COMPILEDATABASE_H
