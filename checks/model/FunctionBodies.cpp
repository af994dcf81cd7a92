//===--- FunctionBodies.cpp - modelguard -----------------------------------===//

#include "FunctionBodies.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::modelguard::model {
namespace {

/// Declarations nest no deeper than this in real code; deeper ones are not
/// visited (bounded work).
constexpr unsigned MaxDeclarationDepth = 64;

bool isInInstantiation(const DeclContext *DC) {
  // Bounded by the nesting depth of the declarations.
  for (; DC; DC = DC->getParent())
    if (const auto *Function = dyn_cast<FunctionDecl>(DC))
      if (Function->isTemplateInstantiation())
        return true;
  return false;
}

class BodyWalk {
public:
  BodyWalk(const SourceManager &SM, llvm::function_ref<void(const FunctionBody &)> Visit)
      : SM(SM), Visit(Visit) {}

  void declaration(const Decl *D, unsigned Depth) {
    if (!D || Depth > MaxDeclarationDepth)
      return;
    // What a system header declares at file level is left out whole; the
    // members of a class are where the class is.
    if (const DeclContext *Lexical = D->getLexicalDeclContext();
        Depth != 0 && Lexical && Lexical->isFileContext() &&
        SM.isInSystemHeader(D->getLocation()))
      return;
    if (const auto *Template = dyn_cast<TemplateDecl>(D))
      return declaration(Template->getTemplatedDecl(), Depth + 1);
    if (const auto *Friend = dyn_cast<FriendDecl>(D))
      return declaration(Friend->getFriendDecl(), Depth + 1);
    if (const auto *Specialisation = dyn_cast<ClassTemplateSpecializationDecl>(D);
        Specialisation && isTemplateInstantiation(Specialisation->getSpecializationKind()))
      return;
    if (const auto *Function = dyn_cast<FunctionDecl>(D))
      function(Function);
    // Lambdas in the initialisers of variables and data members outside
    // functions (a local variable's are found in the function's body).
    if (const auto *Variable = dyn_cast<VarDecl>(D);
        Variable && !Variable->getParentFunctionOrMethod())
      lambdasIn(Variable->getInit());
    else if (const auto *Field = dyn_cast<FieldDecl>(D))
      lambdasIn(Field->getInClassInitializer());
    // Namespaces, classes, linkage specifications, and functions (for their
    // local classes).
    if (const auto *Inner = dyn_cast<DeclContext>(D))
      for (const Decl *Child : Inner->decls())
        declaration(Child, Depth + 1);
  }

private:
  void function(const FunctionDecl *Function) {
    if (!Function->isThisDeclarationADefinition() || !Function->hasBody() ||
        Function->isImplicit() || Function->isInvalidDecl() || Function->isDefaulted() ||
        Function->isTemplateInstantiation() || isInInstantiation(Function->getDeclContext()))
      return;
    // A lambda's call operator comes with its lambda expression.
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Function);
        Method && Method->getParent()->isLambda())
      return;
    Visit({Function, Function->getBody(), nullptr});
    if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Function))
      for (const CXXCtorInitializer *Initializer : Constructor->inits())
        if (Initializer->isWritten())
          lambdasIn(Initializer->getInit());
    lambdasIn(Function->getBody());
  }

  /// Visits the lambdas written in \p S, each before those in its body.
  void lambdasIn(const Stmt *S) {
    // An explicit stack: machine-generated code nests deeper than the call
    // stack allows. Children are pushed in reverse to keep source order.
    llvm::SmallVector<const Stmt *, 32> Pending{S};
    while (!Pending.empty()) {
      const Stmt *Current = Pending.pop_back_val();
      if (!Current)
        continue;
      if (const auto *Lambda = dyn_cast<LambdaExpr>(Current)) {
        lambda(Lambda);
        // Init-captures may hold lambdas of their own.
        for (const Expr *Init : Lambda->capture_inits())
          Pending.push_back(Init);
        continue;
      }
      size_t First = Pending.size();
      for (const Stmt *Child : Current->children())
        Pending.push_back(Child);
      std::reverse(Pending.begin() + First, Pending.end());
    }
  }

  void lambda(const LambdaExpr *Lambda) {
    const CXXMethodDecl *Operator = Lambda->getCallOperator();
    if (!Operator || SM.isInSystemHeader(Lambda->getBeginLoc()))
      return;
    Visit({Operator, Lambda->getBody(), Lambda});
    // Local classes declared in the lambda's body, and its nested lambdas.
    for (const Decl *Child : Operator->decls())
      declaration(Child, 1);
    lambdasIn(Lambda->getBody());
  }

  const SourceManager &SM;
  llvm::function_ref<void(const FunctionBody &)> Visit;
};

} // namespace

void forEachFunctionBody(const TranslationUnitDecl *Unit, const SourceManager &SM,
                         llvm::function_ref<void(const FunctionBody &)> Visit) {
  BodyWalk(SM, Visit).declaration(Unit, 0);
}

} // namespace clang::tidy::modelguard::model
