//===--- UncheckedNullableFieldCheck.h - modelguard ------------*- C++ -*-===//

#ifndef MODELGUARD_UNCHECKEDNULLABLEFIELDCHECK_H
#define MODELGUARD_UNCHECKEDNULLABLEFIELDCHECK_H

#include "ModelGuardCheck.h"
#include "analysis/PresenceAnalysis.h"

#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::modelguard {

/// Finds reads through nullable data members that no presence test guards,
/// with a flow-sensitive analysis of each function (analysis/PresenceAnalysis.h).
///
/// For the user-facing documentation see:
/// docs/checks/unchecked-nullable-field.md
class UncheckedNullableFieldCheck : public ModelGuardCheck {
public:
  UncheckedNullableFieldCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;

private:
  void analyse(const Decl *Function, const Stmt *Body, const LambdaExpr *Lambda,
               ASTContext &Context);
  model::NullableForm formOf(const FieldDecl *Field);
  model::NullableForm getterFormOf(const CXXMethodDecl *Getter);
  bool isPointerLike(QualType Type) const;

  const bool RecordsOnly;
  const bool EncapsulatedMembers;
  const bool ReportSkippedFunctions;
  /// Smart pointer templates a record getter returns null in for an absent
  /// value.
  const model::DeclNameList PointerGetterTypes;

  analysis::PresenceOptions Analysis;
  /// Per translation unit: the nullable form of each field seen, the state
  /// where each lambda was created, and the locations already reported.
  llvm::DenseMap<const FieldDecl *, model::NullableForm> Forms;
  llvm::DenseMap<const CXXMethodDecl *, model::NullableForm> GetterForms;
  analysis::LambdaEntryStates LambdaStates;
  llvm::DenseSet<SourceLocation> Reported;
  unsigned SkippedFunctions = 0;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_UNCHECKEDNULLABLEFIELDCHECK_H
