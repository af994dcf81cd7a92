//===--- ExceptionTypeConfusionCheck.h - modelguard ------------*- C++ -*-===//

#ifndef MODELGUARD_EXCEPTIONTYPECONFUSIONCHECK_H
#define MODELGUARD_EXCEPTIONTYPECONFUSIONCHECK_H

#include "ModelGuardCheck.h"

#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::modelguard {

/// Finds error values that may hold a string or an exception and are
/// serialised by probing their runtime type.
///
/// For the user-facing documentation see:
/// docs/checks/exception-type-confusion.md
class ExceptionTypeConfusionCheck : public ModelGuardCheck {
public:
  ExceptionTypeConfusionCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;

private:
  /// The string and exception types a std::any was probed for so far.
  struct AnyProbes {
    SourceLocation FirstProbe;
    QualType StringType, ExceptionType;
    bool Reported = false;
  };

  bool isStringLike(QualType Type) const;
  bool isExceptionLike(QualType Type) const;
  void noteUnion(const Expr *Probed);
  void checkVariantProbe(SourceLocation Probe, const Expr *Probed, ASTContext &Context);
  void checkAnyProbe(const Expr *Probe, const Expr *Probed, QualType Type,
                     ASTContext &Context);
  void checkRethrowProbe(const CXXTryStmt *Try, const CallExpr *Rethrow,
                         ASTContext &Context);
  void checkTypeNameFallback(const CXXMemberCallExpr *NameCall,
                             const CXXTypeidExpr *TypeId, ASTContext &Context);

  const model::DeclNameList StringTemplates;
  const model::DeclNameList ExceptionClasses;
  llvm::DenseMap<const ValueDecl *, AnyProbes> AnyValues;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_EXCEPTIONTYPECONFUSIONCHECK_H
