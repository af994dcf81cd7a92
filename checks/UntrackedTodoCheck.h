//===--- UntrackedTodoCheck.h - modelguard ---------------------*- C++ -*-===//

#ifndef MODELGUARD_UNTRACKEDTODOCHECK_H
#define MODELGUARD_UNTRACKEDTODOCHECK_H

#include "ModelGuardCheck.h"

#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>

namespace clang::tidy::modelguard {

/// Finds TODO, FIXME, XXX and HACK comments with no tracker reference in
/// persistence code (analysis/PersistenceScope.h). Comments are read through
/// the preprocessor's comment handler while the file is parsed and placed
/// in the declarations once the translation unit is complete.
///
/// For the user-facing documentation see:
/// docs/checks/untracked-todo.md
class UntrackedTodoCheck : public ModelGuardCheck {
public:
  UntrackedTodoCheck(StringRef Name, ClangTidyContext *Context);
  ~UntrackedTodoCheck() override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// A debt marker comment with no tracker reference.
  struct Marker {
    /// The whole comment, for placing it in the declarations.
    SourceRange Comment;
    /// Where the marker word starts: the diagnostic's location.
    SourceLocation Word;
    /// The marker as configured ("TODO").
    StringRef Name;
  };

private:
  class CommentCollector;

  const std::vector<std::string> MarkerWords;
  const bool AllCode;
  const unsigned StatementBudget;
  std::optional<llvm::Regex> TrackerPattern;
  std::unique_ptr<CommentCollector> Collector;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_UNTRACKEDTODOCHECK_H
