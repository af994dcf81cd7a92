//===--- Cache.h - modelguard driver ----------------------------*- C++ -*-===//
//
// The per-translation-unit result cache. An entry is found by a key made of
// the tool version and the hash of the driver's own file (the checks are
// linked into it), the compile command, the effective configuration and the
// main file's content; it is used only when every file the translation unit
// read still has the content it had. Entries are written to a temporary file
// and renamed, so an interrupted run leaves either the old entry or the new
// one; an entry that does not parse is ignored and rewritten.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_DRIVER_CACHE_H
#define MODELGUARD_DRIVER_CACHE_H

#include "Worker.h"

#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace modelguard::driver {

/// 128-bit hash of \p Data, as 32 hex digits.
std::string hashBytes(llvm::StringRef Data);

/// Writes \p Contents to \p Path through a temporary file in the same
/// directory and a rename. Returns an error message on failure.
std::optional<std::string> writeFileAtomically(llvm::StringRef Path,
                                               llvm::StringRef Contents);

class ResultCache {
public:
  /// An empty \p Directory disables the cache.
  explicit ResultCache(std::string Directory) : Directory(std::move(Directory)) {}

  bool enabled() const { return !Directory.empty(); }

  /// The cache key of \p J, or nothing if its main file cannot be read.
  std::optional<std::string> keyFor(const Job &J);

  std::optional<UnitResult> lookup(llvm::StringRef Key);
  void store(llvm::StringRef Key, const UnitResult &Result);

  /// Hash of a file's current content (memoised for the run), or nothing.
  std::optional<std::string> fileHash(llvm::StringRef Path);

private:
  std::string entryPath(llvm::StringRef Key) const;

  std::string Directory;
  llvm::StringMap<std::optional<std::string>> FileHashes;
};

} // namespace modelguard::driver

#endif // MODELGUARD_DRIVER_CACHE_H
