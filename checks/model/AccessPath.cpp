//===--- AccessPath.cpp - modelguard ---------------------------------------===//

#include "AccessPath.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::modelguard::model {

bool AccessPath::startsWith(const AccessPath &Other) const {
  if (Other.Getter)
    return *this == Other;
  if (Root != Other.Root || Fields.size() < Other.Fields.size())
    return false;
  return std::equal(Other.Fields.begin(), Other.Fields.end(), Fields.begin());
}

std::string AccessPath::spelling() const {
  std::string Text = Root ? Root->getNameAsString() : "";
  for (const FieldDecl *Field : Fields) {
    if (!Text.empty())
      Text += '.';
    Text += Field->getNameAsString();
  }
  if (Getter) {
    if (!Text.empty())
      Text += '.';
    Text += Getter->getNameAsString() + "()";
  }
  return Text;
}

bool isConstGetter(const CXXMethodDecl *Method) {
  return Method && Method->isConst() && !Method->isStatic() &&
         Method->getNumParams() == 0 && Method->getDeclName().isIdentifier() &&
         !Method->getReturnType()->isVoidType();
}

/// The object of a getter call \p E (looking through the temporaries a
/// returned value makes), or null.
static const Expr *getterObject(const Expr *E, const CXXMethodDecl *&Getter) {
  // Bounded by the depth of the expression.
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else
      break;
  }
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
  if (!Call || Call->getNumArgs() != 0 || !isConstGetter(Call->getMethodDecl()))
    return nullptr;
  Getter = Call->getMethodDecl();
  return Call->getImplicitObjectArgument();
}

std::optional<AccessPath> accessPathOf(const Expr *E, OverloadedDeref Overloaded,
                                       GetterCalls Getters) {
  const CXXMethodDecl *Getter = nullptr;
  if (Getters == GetterCalls::Follow && E)
    if (const Expr *Object = getterObject(E, Getter))
      E = Object;
  // Bounded by the depth of the expression, which the parser bounds.
  llvm::SmallVector<const FieldDecl *, 4> Reversed;
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
      if (!Field)
        return std::nullopt;
      Reversed.push_back(Field);
      E = Member->getBase();
      continue;
    }
    if (const auto *Deref = dyn_cast<UnaryOperator>(E);
        Deref && Deref->getOpcode() == UO_Deref) {
      E = Deref->getSubExpr();
      continue;
    }
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
        Operator && Overloaded == OverloadedDeref::LookThrough &&
        Operator->getNumArgs() == 1 &&
        (Operator->getOperator() == OO_Arrow || Operator->getOperator() == OO_Star)) {
      E = Operator->getArg(0);
      continue;
    }
    AccessPath Path;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (!isa<VarDecl>(Ref->getDecl()))
        return std::nullopt;
      Path.Root = Ref->getDecl();
    } else if (!isa<CXXThisExpr>(E)) {
      return std::nullopt;
    }
    Path.Fields.assign(Reversed.rbegin(), Reversed.rend());
    Path.Getter = Getter;
    return Path;
  }
  return std::nullopt;
}

} // namespace clang::tidy::modelguard::model
