//===--- AccessPath.cpp - modelguard ---------------------------------------===//

#include "AccessPath.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

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
  const auto *Call = dyn_cast<CXXMemberCallExpr>(skipWrappers(E, WrapperRule::SameValue));
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
      // A variable, or a name a structured binding introduces.
      if (!isa<VarDecl, BindingDecl>(Ref->getDecl()))
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

/// The single argument \p Construct copies or converts, or null when it
/// takes none or more than one (defaulted arguments aside).
static const Expr *copiedArgument(const CXXConstructExpr *Construct) {
  if (Construct->getNumArgs() == 0)
    return nullptr;
  for (unsigned I = 1; I < Construct->getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(Construct->getArg(I)))
      return nullptr;
  return Construct->getArg(0);
}

/// One wrapper of \p E that \p Rule looks through, or null.
static const Expr *innerOfWrapper(const Expr *E, WrapperRule Rule) {
  if (const auto *Parens = dyn_cast<ParenExpr>(E))
    return Parens->getSubExpr();
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return Full->getSubExpr();
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    return Temporary->getSubExpr();
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return Bind->getSubExpr();
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
    if (Cast->getCastKind() != CK_UserDefinedConversion)
      return Cast->getSubExpr();
    if (Rule == WrapperRule::SameValue)
      return nullptr;
    // The conversion is a call of a conversion function on the object, or a
    // converting constructor; both copy what they are given.
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Cast->getSubExpr()->IgnoreParens()))
      if (isa_and_nonnull<CXXConversionDecl>(Call->getMethodDecl()))
        return Call->getImplicitObjectArgument();
    return Cast->getSubExpr();
  }
  if (const auto *Functional = dyn_cast<CXXFunctionalCastExpr>(E))
    return Functional->getSubExpr();
  if (Rule == WrapperRule::SameValue)
    return nullptr;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return Cast->getSubExpr();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return copiedArgument(Construct);
  return nullptr;
}

const Expr *skipWrappers(const Expr *E, WrapperRule Rule) {
  // Bounded by the depth of the expression, which the parser bounds.
  while (E)
    if (const Expr *Inner = innerOfWrapper(E, Rule))
      E = Inner;
    else
      break;
  return E;
}

const Expr *containingObject(const Expr *E) {
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return Subscript->getBase();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_Deref ? Unary->getSubExpr() : nullptr;
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E)) {
    OverloadedOperatorKind Kind = Operator->getOperator();
    bool Dereferences = Kind == OO_Subscript || Kind == OO_Arrow ||
                        (Kind == OO_Star && Operator->getNumArgs() == 1);
    if (Dereferences && Operator->getNumArgs() >= 1)
      return Operator->getArg(0);
  }
  return nullptr;
}

const ValueDecl *rootVariable(const Expr *E) {
  // Bounded by the depth of the expression.
  while (E) {
    E = skipWrappers(E, WrapperRule::Copies);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return isa<VarDecl, BindingDecl>(Ref->getDecl()) ? Ref->getDecl() : nullptr;
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      E = isa<FieldDecl>(Member->getMemberDecl()) ? Member->getBase() : nullptr;
    else if (const auto *Address = dyn_cast<UnaryOperator>(E);
             Address && Address->getOpcode() == UO_AddrOf)
      E = Address->getSubExpr();
    else
      E = containingObject(E);
  }
  return nullptr;
}

bool mentions(const Stmt *S, const ValueDecl *D) {
  // An explicit stack: machine-generated bodies can nest deeper than the
  // call stack allows.
  llvm::SmallVector<const Stmt *, 32> Pending{S};
  while (!Pending.empty()) {
    const Stmt *Current = Pending.pop_back_val();
    if (!Current || isa<LambdaExpr>(Current))
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Current); Ref && Ref->getDecl() == D)
      return true;
    if (const auto *Member = dyn_cast<MemberExpr>(Current);
        Member && Member->getMemberDecl() == D &&
        isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      return true;
    for (const Stmt *Child : Current->children())
      Pending.push_back(Child);
  }
  return false;
}

} // namespace clang::tidy::modelguard::model
