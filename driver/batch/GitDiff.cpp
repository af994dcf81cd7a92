//===--- GitDiff.cpp - modelguard driver ----------------------------------===//

#include "GitDiff.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <algorithm>

namespace modelguard::driver {

std::string canonicalPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return Real.str().str();
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return Absolute.str().str();
}

void ChangedLines::addFile(const std::string &File,
                           std::vector<LineRange> Ranges) {
  FileChange &Change = Files[File];
  Change.Ranges.insert(Change.Ranges.end(), Ranges.begin(), Ranges.end());
  llvm::sort(Change.Ranges);
}

void ChangedLines::addWholeFile(const std::string &File) {
  Files[File].Whole = true;
}

bool ChangedLines::touches(llvm::StringRef File) const {
  return Files.find(File) != Files.end();
}

bool ChangedLines::contains(llvm::StringRef File, unsigned Line) const {
  auto It = Files.find(File);
  if (It == Files.end())
    return false;
  if (It->second.Whole)
    return true;
  return llvm::any_of(It->second.Ranges, [&](const LineRange &R) {
    return R.first <= Line && Line <= R.second;
  });
}

std::vector<std::string> ChangedLines::files() const {
  std::vector<std::string> Out;
  for (const auto &Entry : Files)
    Out.push_back(Entry.first);
  return Out;
}

namespace {

/// A path as git prints it in a diff header: plain, or C-quoted when it has
/// unusual characters ("a/dir/na\"me.cpp", octal escapes for other bytes).
std::string unquoteGitPath(llvm::StringRef Text) {
  if (!Text.starts_with("\"") || !Text.ends_with("\"") || Text.size() < 2)
    return Text.str();
  Text = Text.drop_front().drop_back();
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '\\' || I + 1 == Text.size()) {
      Out += Text[I];
      continue;
    }
    char Next = Text[++I];
    unsigned Octal;
    if (I + 2 < Text.size() && llvm::isDigit(Next) &&
        !Text.substr(I, 3).getAsInteger(8, Octal)) {
      Out += char(Octal);
      I += 2;
      continue;
    }
    switch (Next) {
    case 'n': Out += '\n'; break;
    case 't': Out += '\t'; break;
    case 'a': Out += '\a'; break;
    case 'b': Out += '\b'; break;
    case 'f': Out += '\f'; break;
    case 'r': Out += '\r'; break;
    case 'v': Out += '\v'; break;
    default: Out += Next; break;
    }
  }
  return Out;
}

/// The path of a "--- a/PATH" or "+++ b/PATH" line, or nothing for
/// /dev/null.
std::optional<std::string> headerPath(llvm::StringRef Line) {
  llvm::StringRef Spec = Line.drop_front(4);
  // A path with spaces may be followed by a tab in some git versions.
  Spec = Spec.split('\t').first;
  if (Spec == "/dev/null")
    return std::nullopt;
  std::string Path = unquoteGitPath(Spec);
  llvm::StringRef P(Path);
  if (P.starts_with("a/") || P.starts_with("b/"))
    return P.drop_front(2).str();
  return Path;
}

/// "@@ -A[,B] +C[,D] @@": the added lines C..C+D-1 (D defaults to 1).
std::optional<ChangedLines::LineRange> hunkRange(llvm::StringRef Line) {
  size_t Plus = Line.find(" +");
  if (Plus == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Spec = Line.drop_front(Plus + 2).split(' ').first;
  auto [StartText, CountText] = Spec.split(',');
  unsigned Start = 0, Count = 1;
  if (StartText.getAsInteger(10, Start) ||
      (!CountText.empty() && CountText.getAsInteger(10, Count)) || Count == 0)
    return std::nullopt;
  return ChangedLines::LineRange{Start, Start + Count - 1};
}

std::string inTopLevel(llvm::StringRef TopLevel, llvm::StringRef Relative) {
  llvm::SmallString<256> Path(TopLevel);
  llvm::sys::path::append(Path, Relative);
  return canonicalPath(Path);
}

/// Runs git with \p Args in \p Directory; its standard output goes to
/// \p Output. Returns false, with git's message in \p Error, on failure.
bool runGit(llvm::StringRef Git, llvm::StringRef Directory,
            llvm::ArrayRef<llvm::StringRef> Args, std::string &Output,
            std::string &Error) {
  llvm::SmallString<128> OutPath, ErrPath;
  if (llvm::sys::fs::createTemporaryFile("modelguard-git", "out", OutPath) ||
      llvm::sys::fs::createTemporaryFile("modelguard-git", "err", ErrPath)) {
    Error = "cannot create a temporary file for git's output";
    return false;
  }
  llvm::SmallVector<llvm::StringRef, 16> Argv{Git, "-C", Directory};
  Argv.append(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                OutPath.str(), ErrPath.str()};
  std::string ExecError;
  int Status = llvm::sys::ExecuteAndWait(Git, Argv, std::nullopt, Redirects,
                                         0, 0, &ExecError);
  auto Out = llvm::MemoryBuffer::getFile(OutPath);
  auto Err = llvm::MemoryBuffer::getFile(ErrPath);
  llvm::sys::fs::remove(OutPath);
  llvm::sys::fs::remove(ErrPath);
  if (Status != 0) {
    Error = !ExecError.empty() ? ExecError
            : Err              ? (*Err)->getBuffer().trim().str()
                               : "git failed";
    return false;
  }
  Output = Out ? (*Out)->getBuffer().str() : "";
  return true;
}

} // namespace

static void parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef TopLevel,
                             ChangedLines &Out) {
  std::optional<std::string> Current;
  std::vector<ChangedLines::LineRange> Ranges;
  auto Flush = [&] {
    if (Current)
      Out.addFile(inTopLevel(TopLevel, *Current), std::move(Ranges));
    Current.reset();
    Ranges.clear();
  };
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.starts_with("diff --git ")) {
      Flush();
    } else if (Line.starts_with("--- ")) {
      // The old name of a renamed or deleted file changed too: a
      // translation unit that includes it is affected.
      if (std::optional<std::string> Old = headerPath(Line))
        Out.addFile(inTopLevel(TopLevel, *Old), {});
    } else if (Line.starts_with("+++ ")) {
      Current = headerPath(Line);
    } else if (Line.starts_with("@@ ") && Current) {
      if (std::optional<ChangedLines::LineRange> R = hunkRange(Line))
        Ranges.push_back(*R);
    } else if (Line.starts_with("rename to ")) {
      // A pure rename has no "+++" line; its new name changed as a file.
      Current = unquoteGitPath(Line.drop_front(strlen("rename to ")));
    } else if (Line.starts_with("rename from ")) {
      Out.addFile(
          inTopLevel(TopLevel,
                     unquoteGitPath(Line.drop_front(strlen("rename from ")))),
          {});
    }
  }
  Flush();
}

std::optional<ChangedLines> readGitChanges(llvm::StringRef Directory,
                                           llvm::StringRef Revision,
                                           std::string &Error) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    Error = "--diff-base needs git, which is not on PATH";
    return std::nullopt;
  }
  std::string TopLevel, Ignored, GitError;
  if (!runGit(*Git, Directory, {"rev-parse", "--show-toplevel"}, TopLevel,
              GitError)) {
    Error = "--diff-base: '" + Directory.str() +
            "' is not in a git work tree: " + GitError;
    return std::nullopt;
  }
  TopLevel = llvm::StringRef(TopLevel).rtrim("\r\n").str();
  if (!runGit(*Git, Directory,
              {"rev-parse", "--verify", "--quiet", "--end-of-options",
               (Revision + "^{commit}").str()},
              Ignored, GitError)) {
    Error = "--diff-base: '" + Revision.str() + "' is not a commit";
    return std::nullopt;
  }
  ChangedLines Changes;
  std::string Diff;
  if (!runGit(*Git, TopLevel,
              {"-c", "core.quotePath=false", "diff", "--no-color",
               "--no-ext-diff", "--no-textconv", "--unified=0", "-M", Revision,
               "--"},
              Diff, GitError)) {
    Error = "--diff-base: git diff failed: " + GitError;
    return std::nullopt;
  }
  parseUnifiedDiff(Diff, TopLevel, Changes);
  std::string Untracked;
  if (!runGit(*Git, TopLevel,
              {"ls-files", "--others", "--exclude-standard", "-z"}, Untracked,
              GitError)) {
    Error = "--diff-base: git ls-files failed: " + GitError;
    return std::nullopt;
  }
  llvm::SmallVector<llvm::StringRef, 8> Names;
  llvm::StringRef(Untracked).split(Names, '\0', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Name : Names)
    Changes.addWholeFile(inTopLevel(TopLevel, Name));
  return Changes;
}

} // namespace modelguard::driver
