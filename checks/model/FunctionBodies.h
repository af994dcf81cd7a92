//===--- FunctionBodies.h - modelguard -------------------------*- C++ -*-===//
//
// The one way every check visits the code it analyses: each function and
// lambda body written in a translation unit, once.
//
// The walk goes down the declarations from the translation unit (a matcher
// on function declarations would be tried on every declaration of every
// function, which costs more than what most checks do with them) and looks
// for lambda expressions only inside the bodies and initialisers it meets.
// Templates are visited through their patterns and never through their
// instantiations, so a template is analysed once however often it is used;
// declarations at file level in system headers are left out whole; implicit,
// defaulted and invalid functions have no written body to analyse.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODEL_FUNCTIONBODIES_H
#define MODELGUARD_MODEL_FUNCTIONBODIES_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::modelguard::model {

/// A body to analyse.
struct FunctionBody {
  /// The function, or the call operator of the lambda.
  const FunctionDecl *Function = nullptr;
  const Stmt *Body = nullptr;
  /// The lambda expression whose body this is; null for a function.
  const LambdaExpr *Lambda = nullptr;
};

/// Calls \p Visit once for every function and lambda body written in
/// \p Unit. A function comes before the lambdas written in it, and a lambda
/// before the lambdas written in its body.
void forEachFunctionBody(const TranslationUnitDecl *Unit, const SourceManager &SM,
                         llvm::function_ref<void(const FunctionBody &)> Visit);

} // namespace clang::tidy::modelguard::model

#endif // MODELGUARD_MODEL_FUNCTIONBODIES_H
