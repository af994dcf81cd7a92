//===--- CreateWithoutUniquenessCheck.h - modelguard -----------*- C++ -*-===//

#ifndef MODELGUARD_CREATEWITHOUTUNIQUENESSCHECK_H
#define MODELGUARD_CREATEWITHOUTUNIQUENESSCHECK_H

#include "ModelGuardCheck.h"
#include "model/ProjectSchema.h"

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
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  const CXXRecordDecl *createdRecord(const FunctionDecl *Function,
                                     bool &IsCreatePath) const;
  const IfStmt *findIdentityGuard(const Stmt *Body) const;
  bool isIdentityTest(const Stmt *Condition, unsigned Depth = 0) const;
  int identityPolarity(const Expr *Condition, unsigned Depth = 0) const;
  bool countsAsLookup(const CallExpr *Call, const CXXRecordDecl *Record) const;
  const std::vector<std::string> *naturalKeysOf(const CXXRecordDecl *Record) const;
  /// Reports the insert of \p Function if it is a create path guarded only
  /// by an identity test.
  void checkCreatePath(const FunctionDecl *Function, const SourceManager &SM);
  /// Reports the check-then-insert races of \p Body, the body of
  /// \p Function or of a lambda whose call operator it is.
  void checkLookupThenInsert(const FunctionDecl *Function, const Stmt *Body,
                             const SourceManager &SM);
  void loadSchemaFiles(const SourceManager &SM);
  model::SchemaView schema() const;

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
  const std::vector<std::string> SchemaGlobs;

  /// Per translation unit: the functions to look at once the whole unit
  /// (and so every DDL literal in it) has been seen, the schema its DDL
  /// literals define, and the schema files that apply to it.
  struct PendingBody {
    const FunctionDecl *Function;
    const Stmt *Body;
    bool IsLambda;
    const SourceManager *SM;
  };
  std::vector<PendingBody> Functions;
  model::SqlSchema CodeSchema;
  std::shared_ptr<const model::SchemaFileSet> FileSchema;
  bool FileSchemaLoaded = false;
  /// Schema-file problems are reported once per process and check.
  bool ReportedSchemaProblems = false;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_CREATEWITHOUTUNIQUENESSCHECK_H
