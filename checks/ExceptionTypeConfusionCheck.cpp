//===--- ExceptionTypeConfusionCheck.cpp - modelguard ----------------------===//

#include "ExceptionTypeConfusionCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

/// The alternatives of a std::variant specialisation, or nothing.
llvm::ArrayRef<TemplateArgument> variantAlternatives(QualType Type) {
  const auto *Variant = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Variant || Variant->getQualifiedNameAsString() != "std::variant")
    return {};
  const TemplateArgumentList &Arguments = Variant->getTemplateArgs();
  if (Arguments.size() != 1 || Arguments[0].getKind() != TemplateArgument::Pack)
    return {};
  return Arguments[0].pack_elements();
}

/// Where the union type was named: the alias declaration when the variable
/// was declared through one, else the variable.
SourceLocation unionDeclaration(const Expr *Probed, QualType &NamedType) {
  NamedType = Probed->getType();
  const auto *Ref = dyn_cast<DeclRefExpr>(Probed->IgnoreParenImpCasts());
  const ValueDecl *Decl = Ref ? Ref->getDecl() : nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(Probed->IgnoreParenImpCasts()))
    Decl = Member->getMemberDecl();
  if (!Decl)
    return Probed->getBeginLoc();
  QualType Declared = Decl->getType().getNonReferenceType();
  NamedType = Declared;
  if (const auto *Alias = Declared->getAs<TypedefType>())
    return Alias->getDecl()->getLocation();
  return Decl->getLocation();
}

} // namespace

ExceptionTypeConfusionCheck::ExceptionTypeConfusionCheck(StringRef Name,
                                                         ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context), StringTypes(stringOption("StringTypes")),
      ExceptionTypes(stringOption("ExceptionTypes")),
      StringTemplates(StringTypes, model::UnqualifiedMatch::Equal),
      ExceptionClasses(ExceptionTypes, model::UnqualifiedMatch::Equal) {}

void ExceptionTypeConfusionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelGuardCheck::storeOptions(Opts);
  Options.store(Opts, "StringTypes", StringTypes);
  Options.store(Opts, "ExceptionTypes", ExceptionTypes);
}

bool ExceptionTypeConfusionCheck::isStringLike(QualType Type) const {
  Type = Type.getCanonicalType();
  if (Type->isPointerType() && Type->getPointeeType()->isCharType())
    return true;
  const auto *Instance =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(Type->getAsCXXRecordDecl());
  return Instance && StringTemplates.matches(Instance->getSpecializedTemplate());
}

bool ExceptionTypeConfusionCheck::isExceptionLike(QualType Type) const {
  const CXXRecordDecl *Class = Type.getCanonicalType()->getAsCXXRecordDecl();
  if (!Class || !(Class = Class->getDefinition()))
    return false;
  if (ExceptionClasses.matches(Class))
    return true;
  return Class->forallBases(
             [&](const CXXRecordDecl *Base) { return !ExceptionClasses.matches(Base); }) ==
         false;
}

void ExceptionTypeConfusionCheck::registerMatchers(MatchFinder *Finder) {
  // std::holds_alternative<T>(v) and std::get_if<T>(&v): probing which
  // alternative a variant holds.
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::std::holds_alternative",
                                              "::std::get_if"))),
               hasArgument(0, expr().bind("probed")))
          .bind("probe"),
      this);
}

void ExceptionTypeConfusionCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Probe = Result.Nodes.getNodeAs<CallExpr>("probe");
  const Expr *Probed = Result.Nodes.getNodeAs<Expr>("probed")->IgnoreParenImpCasts();
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(Probed);
      AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    Probed = AddressOf->getSubExpr()->IgnoreParenImpCasts();

  llvm::ArrayRef<TemplateArgument> Alternatives = variantAlternatives(Probed->getType());
  const TemplateArgument *StringAlternative = nullptr;
  const TemplateArgument *ExceptionAlternative = nullptr;
  for (const TemplateArgument &Alternative : Alternatives) {
    if (Alternative.getKind() != TemplateArgument::Type)
      continue;
    if (!StringAlternative && isStringLike(Alternative.getAsType()))
      StringAlternative = &Alternative;
    if (!ExceptionAlternative && isExceptionLike(Alternative.getAsType()))
      ExceptionAlternative = &Alternative;
  }
  if (!StringAlternative || !ExceptionAlternative)
    return;

  QualType NamedType;
  SourceLocation DeclaredAt = unionDeclaration(Probed, NamedType);
  std::string ValueName = "value";
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Probed))
    ValueName = Ref->getDecl()->getNameAsString();
  else if (const auto *Member = dyn_cast<MemberExpr>(Probed))
    ValueName = Member->getMemberDecl()->getNameAsString();

  const PrintingPolicy &Policy = Result.Context->getPrintingPolicy();
  diag(Probe->getBeginLoc(),
       "'%0' may hold a string ('%1') or an exception ('%2') and is "
       "serialised by probing which; carry one typed error (a code and a "
       "sanitised message) instead")
      << ValueName << StringAlternative->getAsType().getAsString(Policy)
      << ExceptionAlternative->getAsType().getAsString(Policy);
  diag(DeclaredAt, "'%0' is declared as a union of strings and exceptions here",
       DiagnosticIDs::Note)
      << NamedType.getUnqualifiedType().getAsString(Policy);
}

} // namespace clang::tidy::modelguard
