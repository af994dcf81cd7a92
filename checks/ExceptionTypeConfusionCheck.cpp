//===--- ExceptionTypeConfusionCheck.cpp - modelguard ----------------------===//
//
// Four shapes of "is it a string or an exception?" probing:
//  - a std::variant with a string and an exception alternative, probed with
//    std::holds_alternative, std::get_if or an index() comparison;
//  - a std::any probed for a string type and for an exception type
//    (type() == typeid(T), std::any_cast<T>(&a));
//  - std::rethrow_exception inside a try whose handlers catch a string type
//    beside an exception type;
//  - an exception serialised by dynamic_cast probes that falls back to
//    typeid(e).name(), so that what is stored is a class name.
// std::visit, a uniform catch (const std::exception &) and a dynamic_cast
// chain with a fixed fallback are not probing in this sense.
//
//===----------------------------------------------------------------------===//

#include "ExceptionTypeConfusionCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

/// typeid(...) expressions; ASTMatchers has no node matcher for them.
const internal::VariadicDynCastAllOfMatcher<Stmt, CXXTypeidExpr> cxxTypeidExpr;

const Expr *withoutAddressOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(E);
      AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    return AddressOf->getSubExpr()->IgnoreParenImpCasts();
  return E;
}

/// The declaration \p E names: a variable, a parameter or a field.
const ValueDecl *namedValue(const Expr *E) {
  E = E->IgnoreUnlessSpelledInSource()->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    E = Deref->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

std::string valueName(const Expr *E) {
  const ValueDecl *D = namedValue(E);
  return D ? D->getNameAsString() : std::string("value");
}

/// The alternatives of a std::variant, canonical and as written (the
/// written ones are empty when the variant was not spelled out).
struct Alternatives {
  llvm::ArrayRef<TemplateArgument> Canonical;
  llvm::ArrayRef<TemplateArgument> Written;
};

Alternatives variantAlternatives(QualType Type) {
  Alternatives Result;
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const auto *Variant =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(Type->getAsCXXRecordDecl());
  if (!Variant || !Variant->getDeclName().isIdentifier() ||
      Variant->getName() != "variant" || !Variant->isInStdNamespace())
    return Result;
  const TemplateArgumentList &Arguments = Variant->getTemplateArgs();
  if (Arguments.size() != 1 || Arguments[0].getKind() != TemplateArgument::Pack)
    return Result;
  Result.Canonical = Arguments[0].pack_elements();
  if (const auto *Spelled = Type->getAs<TemplateSpecializationType>())
    if (Spelled->template_arguments().size() == Result.Canonical.size())
      Result.Written = Spelled->template_arguments();
  return Result;
}

/// Where the union type was named: the alias declaration when the value
/// was declared through one, else the value's declaration; \p Name is set
/// to what was declared there.
SourceLocation unionDeclaration(const Expr *Probed, std::string &Name) {
  const ValueDecl *Decl = namedValue(Probed);
  Name = "value";
  if (!Decl)
    return Probed->getBeginLoc();
  Name = Decl->getNameAsString();
  QualType Declared = Decl->getType().getNonReferenceType();
  if (Declared->isPointerType())
    Declared = Declared->getPointeeType();
  if (const auto *Alias = Declared->getAs<TypedefType>()) {
    Name = Alias->getDecl()->getNameAsString();
    return Alias->getDecl()->getLocation();
  }
  return Decl->getLocation();
}

/// The body of the function (or lambda) that declares the local variable or
/// parameter \p Value: every use of it, and so every probe of it, is inside.
/// Asking the declaration avoids ASTContext::getParents, whose parent map of
/// the whole translation unit costs more than the rest of the check.
const Stmt *bodyDeclaring(const ValueDecl *Value) {
  const auto *Function = dyn_cast_or_null<FunctionDecl>(
      Value ? Value->getDeclContext() : nullptr);
  return Function ? Function->getBody() : nullptr;
}

void collectDynamicCasts(const Stmt *S, const ValueDecl *Of,
                         llvm::SmallVectorImpl<const CXXDynamicCastExpr *> &Casts) {
  if (!S)
    return;
  if (const auto *Cast = dyn_cast<CXXDynamicCastExpr>(S))
    if (namedValue(withoutAddressOf(Cast->getSubExpr())) == Of && Casts.size() < 8)
      Casts.push_back(Cast);
  for (const Stmt *Child : S->children())
    collectDynamicCasts(Child, Of, Casts);
}

} // namespace

ExceptionTypeConfusionCheck::ExceptionTypeConfusionCheck(StringRef Name,
                                                         ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context),
      StringTemplates(stringOption("StringTypes"), model::UnqualifiedMatch::Equal),
      ExceptionClasses(stringOption("ExceptionTypes"), model::UnqualifiedMatch::Equal) {}

void ExceptionTypeConfusionCheck::onStartOfTranslationUnit() {
  ModelGuardCheck::onStartOfTranslationUnit();
  AnyValues.clear();
}

bool ExceptionTypeConfusionCheck::isStringLike(QualType Type) const {
  if (Type.isNull())
    return false;
  Type = Type.getNonReferenceType().getCanonicalType();
  if (Type->isPointerType() && Type->getPointeeType()->isAnyCharacterType())
    return true;
  if (Type->isArrayType())
    return Type->getArrayElementTypeNoTypeQual()->isAnyCharacterType();
  const auto *Instance =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(Type->getAsCXXRecordDecl());
  return Instance && StringTemplates.matches(Instance->getSpecializedTemplate());
}

bool ExceptionTypeConfusionCheck::isExceptionLike(QualType Type) const {
  return model::isExceptionType(Type, ExceptionClasses);
}

void ExceptionTypeConfusionCheck::registerMatchers(MatchFinder *Finder) {
  const auto OfVariant = ofClass(classTemplateSpecializationDecl(hasName("::std::variant")));
  const auto IndexCall =
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("index"), OfVariant)));

  // std::holds_alternative<T>(v), std::get_if<T>(&v).
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::std::holds_alternative",
                                              "::std::get_if"))),
               hasArgument(0, expr().bind("probed")))
          .bind("variant-probe"),
      this);
  // v.index() == 1, switch (v.index()).
  Finder->addMatcher(binaryOperator(isComparisonOperator(),
                                    hasEitherOperand(ignoringParenImpCasts(
                                        IndexCall.bind("index"))))
                         .bind("variant-probe"),
                     this);
  Finder->addMatcher(
      switchStmt(hasCondition(ignoringParenImpCasts(IndexCall.bind("index"))))
          .bind("variant-switch"),
      this);

  // a.type() == typeid(T).
  const auto AnyType = cxxMemberCallExpr(
      callee(cxxMethodDecl(hasName("type"), ofClass(hasName("::std::any")))));
  const auto TypeIdOfType = cxxTypeidExpr().bind("typeid");
  Finder->addMatcher(
      binaryOperator(hasAnyOperatorName("==", "!="),
                     hasOperands(ignoringParenImpCasts(AnyType.bind("any-type")),
                                 ignoringParenImpCasts(TypeIdOfType)))
          .bind("any-probe"),
      this);
  Finder->addMatcher(
      cxxOperatorCallExpr(hasAnyOverloadedOperatorName("==", "!="),
                          hasOperands(ignoringParenImpCasts(AnyType.bind("any-type")),
                                      ignoringParenImpCasts(TypeIdOfType)))
          .bind("any-probe"),
      this);
  // std::any_cast<T>(&a).
  Finder->addMatcher(callExpr(callee(functionDecl(hasName("::std::any_cast"))),
                              argumentCountIs(1),
                              hasArgument(0, ignoringParenImpCasts(unaryOperator(
                                                 hasOperatorName("&")))))
                         .bind("any-cast"),
                     this);

  // try { std::rethrow_exception(p); } catch (const std::string &) ...
  Finder->addMatcher(
      cxxTryStmt(hasDescendant(
                     callExpr(callee(functionDecl(hasName("::std::rethrow_exception"))),
                              argumentCountIs(1))
                         .bind("rethrow")))
          .bind("try"),
      this);

  // typeid(e).name() as the fallback of dynamic_cast probes.
  Finder->addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("name"),
                                             ofClass(hasName("::std::type_info")))),
                        on(ignoringParenImpCasts(cxxTypeidExpr().bind("typeid"))))
          .bind("type-name"),
      this);
}

void ExceptionTypeConfusionCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  const auto &Nodes = Result.Nodes;
  if (const auto *Probe = Nodes.getNodeAs<CallExpr>("variant-probe")) {
    checkVariantProbe(Probe->getBeginLoc(),
                      withoutAddressOf(Nodes.getNodeAs<Expr>("probed")), Context);
    return;
  }
  if (const auto *Index = Nodes.getNodeAs<CXXMemberCallExpr>("index")) {
    const Stmt *Probe = Nodes.getNodeAs<Stmt>("variant-probe");
    if (!Probe)
      Probe = Nodes.getNodeAs<Stmt>("variant-switch");
    checkVariantProbe(Probe->getBeginLoc(),
                      Index->getImplicitObjectArgument()->IgnoreParenImpCasts(), Context);
    return;
  }
  if (const auto *AnyType = Nodes.getNodeAs<CXXMemberCallExpr>("any-type")) {
    const auto *TypeId = Nodes.getNodeAs<CXXTypeidExpr>("typeid");
    if (TypeId->isTypeOperand())
      checkAnyProbe(Nodes.getNodeAs<Expr>("any-probe"),
                    AnyType->getImplicitObjectArgument()->IgnoreParenImpCasts(),
                    TypeId->getTypeOperand(Context), Context);
    return;
  }
  if (const auto *Cast = Nodes.getNodeAs<CallExpr>("any-cast")) {
    // The probed type as written (std::any_cast<std::exception_ptr>), else
    // as deduced.
    QualType Probed;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Cast->getCallee()->IgnoreParenImpCasts());
        Ref && Ref->getNumTemplateArgs() > 0 &&
        Ref->getTemplateArgs()[0].getArgument().getKind() == TemplateArgument::Type)
      Probed = Ref->getTemplateArgs()[0].getArgument().getAsType();
    const FunctionDecl *Callee = Cast->getDirectCallee();
    const TemplateArgumentList *Arguments =
        Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
    if (Probed.isNull() && Arguments && Arguments->size() > 0 &&
        Arguments->get(0).getKind() == TemplateArgument::Type)
      Probed = Arguments->get(0).getAsType();
    if (!Probed.isNull())
      checkAnyProbe(Cast, withoutAddressOf(Cast->getArg(0)), Probed, Context);
    return;
  }
  if (const auto *Try = Nodes.getNodeAs<CXXTryStmt>("try")) {
    checkRethrowProbe(Try, Nodes.getNodeAs<CallExpr>("rethrow"), Context);
    return;
  }
  if (const auto *NameCall = Nodes.getNodeAs<CXXMemberCallExpr>("type-name"))
    checkTypeNameFallback(NameCall, Nodes.getNodeAs<CXXTypeidExpr>("typeid"), Context);
}

void ExceptionTypeConfusionCheck::noteUnion(const Expr *Probed) {
  std::string Name;
  SourceLocation DeclaredAt = unionDeclaration(Probed, Name);
  diag(DeclaredAt, "'%0' was declared here as a union of a string and an exception",
       DiagnosticIDs::Note)
      << Name;
}

void ExceptionTypeConfusionCheck::checkVariantProbe(SourceLocation Probe,
                                                    const Expr *Probed,
                                                    ASTContext &Context) {
  Alternatives Found = variantAlternatives(Probed->getType());
  int StringIndex = -1, ExceptionIndex = -1;
  for (unsigned I = 0; I < Found.Canonical.size(); ++I) {
    const TemplateArgument &Alternative = Found.Canonical[I];
    if (Alternative.getKind() != TemplateArgument::Type)
      continue;
    if (StringIndex < 0 && isStringLike(Alternative.getAsType()))
      StringIndex = I;
    if (ExceptionIndex < 0 && isExceptionLike(Alternative.getAsType()))
      ExceptionIndex = I;
  }
  if (StringIndex < 0 || ExceptionIndex < 0)
    return;
  llvm::ArrayRef<TemplateArgument> Shown =
      Found.Written.empty() ? Found.Canonical : Found.Written;
  auto Spelling = [&](int Index) {
    const TemplateArgument &Argument = Shown[Index];
    QualType Type = Argument.getKind() == TemplateArgument::Type
                        ? Argument.getAsType()
                        : Found.Canonical[Index].getAsType();
    return Type.getAsString(Context.getPrintingPolicy());
  };
  diag(Probe, "'%0' may hold a string ('%1') or an exception ('%2') and is "
              "serialised by probing which")
      << valueName(Probed) << Spelling(StringIndex) << Spelling(ExceptionIndex);
  noteUnion(Probed);
}

void ExceptionTypeConfusionCheck::checkAnyProbe(const Expr *Probe, const Expr *Probed,
                                                QualType Type, ASTContext &Context) {
  const ValueDecl *Value = namedValue(Probed);
  if (!Value)
    return;
  bool IsString = isStringLike(Type);
  bool IsException = !IsString && isExceptionLike(Type);
  if (!IsString && !IsException)
    return;
  AnyProbes &Probes = AnyValues[Value];
  if (Probes.FirstProbe.isInvalid())
    Probes.FirstProbe = Probe->getBeginLoc();
  if (IsString && Probes.StringType.isNull())
    Probes.StringType = Type;
  if (IsException && Probes.ExceptionType.isNull())
    Probes.ExceptionType = Type;
  if (Probes.Reported || Probes.StringType.isNull() || Probes.ExceptionType.isNull())
    return;
  Probes.Reported = true;
  const PrintingPolicy &Policy = Context.getPrintingPolicy();
  diag(Probes.FirstProbe, "'%0' may hold a string ('%1') or an exception ('%2') and "
                          "is serialised by probing which")
      << Value->getName() << Probes.StringType.getAsString(Policy)
      << Probes.ExceptionType.getAsString(Policy);
  noteUnion(Probed);
}

void ExceptionTypeConfusionCheck::checkRethrowProbe(const CXXTryStmt *Try,
                                                    const CallExpr *Rethrow,
                                                    ASTContext &Context) {
  const CXXCatchStmt *StringHandler = nullptr, *ExceptionHandler = nullptr;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    const CXXCatchStmt *Handler = Try->getHandler(I);
    QualType Caught = Handler->getCaughtType();
    if (Caught.isNull())
      continue;
    if (!StringHandler && isStringLike(Caught))
      StringHandler = Handler;
    else if (!ExceptionHandler && isExceptionLike(Caught))
      ExceptionHandler = Handler;
  }
  if (!StringHandler || !ExceptionHandler)
    return;
  const PrintingPolicy &Policy = Context.getPrintingPolicy();
  const Expr *Probed = Rethrow->getArg(0)->IgnoreParenImpCasts();
  diag(Rethrow->getBeginLoc(), "'%0' may hold a string ('%1') or an exception ('%2') and "
                               "is serialised by probing which")
      << valueName(Probed) << StringHandler->getCaughtType().getAsString(Policy)
      << ExceptionHandler->getCaughtType().getAsString(Policy);
  noteUnion(Probed);
  diag(StringHandler->getBeginLoc(), "the string alternative was caught here",
       DiagnosticIDs::Note);
}

void ExceptionTypeConfusionCheck::checkTypeNameFallback(const CXXMemberCallExpr *NameCall,
                                                        const CXXTypeidExpr *TypeId,
                                                        ASTContext &Context) {
  if (TypeId->isTypeOperand())
    return;
  const Expr *Operand = TypeId->getExprOperand();
  const ValueDecl *Value = namedValue(Operand);
  if (!Value || !isExceptionLike(Value->getType()))
    return;
  llvm::SmallVector<const CXXDynamicCastExpr *, 4> Casts;
  collectDynamicCasts(bodyDeclaring(Value), Value, Casts);
  const CXXDynamicCastExpr *Probe = nullptr;
  for (const CXXDynamicCastExpr *Cast : Casts)
    if (isExceptionLike(Cast->getTypeAsWritten())) {
      Probe = Cast;
      break;
    }
  if (!Probe)
    return;
  QualType Target = Probe->getTypeAsWritten();
  if (Target->isPointerType() || Target->isReferenceType())
    Target = Target->getPointeeType();
  diag(NameCall->getBeginLoc(),
       "'%0' is serialised by probing its dynamic type ('%1') and falls back to its "
       "type name")
      << Value->getName()
      << Target.getUnqualifiedType().getAsString(Context.getPrintingPolicy());
  diag(Probe->getBeginLoc(), "the dynamic type was probed here", DiagnosticIDs::Note);
  diag(Value->getLocation(), "'%0' was declared here", DiagnosticIDs::Note)
      << Value->getName();
}

} // namespace clang::tidy::modelguard
