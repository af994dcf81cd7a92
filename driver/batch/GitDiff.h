//===--- GitDiff.h - modelguard driver --------------------------*- C++ -*-===//
//
// What a change touched, for `--diff-base REV`: the files that differ between
// REV and the work tree, and the lines of each file's current version that
// were added or changed (`git diff REV`, no context lines). Untracked files
// that git does not ignore count as added in full: a new source file is part
// of the change before it is committed.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_DRIVER_GITDIFF_H
#define MODELGUARD_DRIVER_GITDIFF_H

#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace modelguard::driver {

class ChangedLines {
public:
  /// Inclusive 1-based line ranges of a file's current version.
  using LineRange = std::pair<unsigned, unsigned>;

  /// Records that \p File changed; \p Ranges are its added or changed lines
  /// (none when lines were only deleted, or for a deleted file).
  void addFile(const std::string &File, std::vector<LineRange> Ranges);
  /// Records that \p File is new: every line counts as changed.
  void addWholeFile(const std::string &File);

  /// Whether \p File (an absolute path) differs from the base revision.
  bool touches(llvm::StringRef File) const;
  /// Whether line \p Line of \p File was added or changed.
  bool contains(llvm::StringRef File, unsigned Line) const;

  /// The changed files, as absolute canonical paths.
  std::vector<std::string> files() const;

private:
  struct FileChange {
    bool Whole = false;
    std::vector<LineRange> Ranges;
  };
  std::map<std::string, FileChange, std::less<>> Files;
};

/// Reads the changes of the git work tree that contains \p Directory since
/// \p Revision. Paths are canonical (symbolic links resolved), so that they
/// compare equal to the canonical form of any spelling of the same file.
/// Returns nothing and sets \p Error when git is missing, \p Directory is not
/// in a work tree or \p Revision is not a commit.
std::optional<ChangedLines> readGitChanges(llvm::StringRef Directory,
                                           llvm::StringRef Revision,
                                           std::string &Error);

/// \p Path with symbolic links and dots resolved when it exists, else made
/// absolute with dots removed.
std::string canonicalPath(llvm::StringRef Path);

} // namespace modelguard::driver

#endif // MODELGUARD_DRIVER_GITDIFF_H
