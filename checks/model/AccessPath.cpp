//===--- AccessPath.cpp - modelguard ---------------------------------------===//

#include "AccessPath.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::modelguard::model {

bool AccessPath::startsWith(const AccessPath &Other) const {
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
  return Text;
}

std::optional<AccessPath> accessPathOf(const Expr *E, OverloadedDeref Overloaded) {
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
    return Path;
  }
  return std::nullopt;
}

} // namespace clang::tidy::modelguard::model
