//===--- CreateWithoutUniquenessCheck.h - modelguard -----------*- C++ -*-===//

#ifndef MODELGUARD_CREATEWITHOUTUNIQUENESSCHECK_H
#define MODELGUARD_CREATEWITHOUTUNIQUENESSCHECK_H

#include "ModelGuardCheck.h"

#include "llvm/ADT/StringMap.h"

namespace clang::tidy::modelguard {

/// Finds create paths whose only protection against duplicates is a test
/// that the record's id is set, followed by a plain insert.
///
/// For the user-facing documentation see:
/// docs/checks/create-without-uniqueness.md
class CreateWithoutUniquenessCheck : public ModelGuardCheck {
public:
  CreateWithoutUniquenessCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Reports the insert of \p Function if it is a create path guarded only
  /// by an identity test.
  void checkFunction(const FunctionDecl *Function, const SourceManager &SM);
  const CXXRecordDecl *createdRecord(const FunctionDecl *Function,
                                     bool &IsCreatePath) const;
  const IfStmt *findIdentityGuard(const Stmt *Body) const;
  bool isIdentityTest(const Stmt *Condition, unsigned Depth = 0) const;
  int identityPolarity(const Expr *Condition, unsigned Depth = 0) const;
  bool countsAsLookup(const CallExpr *Call, const CXXRecordDecl *Record) const;
  const std::vector<std::string> *naturalKeysOf(const CXXRecordDecl *Record) const;

  const model::VerbPhrases CreateVerbs;
  const std::vector<std::string> IdentityNameList;
  const std::vector<std::string> IdentityMethodList;
  /// Normalised names of methods that are true when a value is unset.
  const std::vector<std::string> UnsetMethodList;
  /// Lower-case words: an identity method whose name contains one is true
  /// for an unsaved record (isNew, isTransient).
  const std::vector<std::string> UnsavedWords;
  /// NaturalKeys parsed: class name (unqualified, or "::"-qualified) to its
  /// normalised key fields.
  llvm::StringMap<std::vector<std::string>> NaturalKeyMap;
  std::optional<llvm::Regex> TestFiles;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_CREATEWITHOUTUNIQUENESSCHECK_H
