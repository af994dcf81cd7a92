//===--- UncheckedNullableFieldCheck.cpp - modelguard ----------------------===//
//
// Visits every function and lambda body once, then asks the presence analysis
// (analysis/PresenceAnalysis.h) which of its reads through nullable members
// some path reaches without the member known to hold a value.
//
//===----------------------------------------------------------------------===//

#include "UncheckedNullableFieldCheck.h"
#include "model/FunctionBodies.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

UncheckedNullableFieldCheck::UncheckedNullableFieldCheck(StringRef Name,
                                                         ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context), RecordsOnly(boolOption("RecordsOnly")),
      EncapsulatedMembers(boolOption("EncapsulatedMembers")),
      ReportSkippedFunctions(boolOption("ReportSkippedFunctions")),
      PointerGetterTypes(stringOption("PointerGetterTypes"), model::UnqualifiedMatch::Equal) {
  Analysis.FormOf = [this](const FieldDecl *Field) { return formOf(Field); };
  Analysis.GetterFormOf = [this](const CXXMethodDecl *Getter) {
    return getterFormOf(Getter);
  };
  Analysis.IsNullableType = [this](QualType Type) {
    return vocabulary().nullableFormOfType(Type) != model::NullableForm::NotNullable;
  };
  Analysis.AccessMethods = model::parseList(stringOption("AccessMethods"));
  Analysis.PresenceMethods = model::parseList(stringOption("PresenceMethods"));
  Analysis.AbsenceMethods = model::parseList(stringOption("AbsenceMethods"));
  vocabulary().profiles().appendNullableTests(Analysis.PresenceMethods,
                                              Analysis.AbsenceMethods);
  Analysis.ResetMethods = model::parseList(stringOption("ResetMethods"));
  Analysis.AssignMethods = model::parseList(stringOption("AssignMethods"));
  Analysis.InvalidateOnNonConstCall = boolOption("InvalidateOnNonConstCall");
  Analysis.Budget = unsignedOption("AnalysisBudget");
}

void UncheckedNullableFieldCheck::onStartOfTranslationUnit() {
  ModelGuardCheck::onStartOfTranslationUnit();
  Forms.clear();
  GetterForms.clear();
  LambdaStates.clear();
  Reported.clear();
  SkippedFunctions = 0;
}

/// Is \p Field private or protected, or a member of a class declared
/// private or protected inside another class (at any level)?
static bool isEncapsulated(const FieldDecl *Field) {
  auto Hidden = [](const Decl *D) {
    return D->getAccess() != AS_public && D->getAccess() != AS_none;
  };
  if (Hidden(Field))
    return true;
  // Bounded by the nesting depth of the class.
  for (const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
       Class && isa<CXXRecordDecl>(Class->getDeclContext());
       Class = cast<CXXRecordDecl>(Class->getDeclContext()))
    if (Hidden(Class))
      return true;
  return false;
}

model::NullableForm UncheckedNullableFieldCheck::formOf(const FieldDecl *Field) {
  auto [It, New] = Forms.try_emplace(Field, model::NullableForm::NotNullable);
  if (!New)
    return It->second;
  model::NullableForm Form = vocabulary().nullableFormOf(Field);
  // Outside records, only members that the class does not encapsulate:
  // a private optional is guarded by the invariants of its class, and so is
  // a public member of a class nested privately in another (a cache's entry).
  if (Form != model::NullableForm::NotNullable &&
      !vocabulary().isRecord(dyn_cast<CXXRecordDecl>(Field->getParent())) &&
      (RecordsOnly || (!EncapsulatedMembers && isEncapsulated(Field))))
    Form = model::NullableForm::NotNullable;
  // The map may have grown meanwhile: look the entry up again.
  Forms[Field] = Form;
  return Form;
}

/// Is \p Type a raw pointer or one of PointerGetterTypes? A record's getter
/// that returns one gives a column that may be NULL (Drogon's getX()).
bool UncheckedNullableFieldCheck::isPointerLike(QualType Type) const {
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    return true;
  const auto *Specialisation =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(Type->getAsCXXRecordDecl());
  return Specialisation && PointerGetterTypes.matches(Specialisation->getSpecializedTemplate());
}

model::NullableForm UncheckedNullableFieldCheck::getterFormOf(const CXXMethodDecl *Getter) {
  auto [It, New] = GetterForms.try_emplace(Getter, model::NullableForm::NotNullable);
  if (!New)
    return It->second;
  model::NullableForm Form = model::NullableForm::NotNullable;
  QualType Type = Getter->getReturnType();
  if (vocabulary().isRecord(Getter->getParent()) && !Type->isDependentType()) {
    Form = vocabulary().nullableFormOfType(Type);
    if (Form == model::NullableForm::NotNullable && isPointerLike(Type))
      Form = Type.getNonReferenceType()->isPointerType() ? model::NullableForm::Pointer
                                                         : model::NullableForm::Wrapper;
  }
  // The map may have grown meanwhile: look the entry up again.
  GetterForms[Getter] = Form;
  return Form;
}

void UncheckedNullableFieldCheck::registerMatchers(MatchFinder *Finder) {
  // One walk over the function and lambda bodies (model/FunctionBodies.h).
  // A lambda is analysed from what was known where it was created: its
  // enclosing function comes first in the walk.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void UncheckedNullableFieldCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Unit = Result.Nodes.getNodeAs<TranslationUnitDecl>("unit");
  model::forEachFunctionBody(Unit, *Result.SourceManager,
                             [&](const model::FunctionBody &Body) {
                               analyse(Body.Function, Body.Body, Body.Lambda,
                                       *Result.Context);
                             });
}

void UncheckedNullableFieldCheck::analyse(const Decl *Function, const Stmt *Body,
                                          const LambdaExpr *Lambda,
                                          ASTContext &Context) {
  if (!Body)
    return;
  std::vector<model::AccessPath> Entry;
  if (Lambda)
    if (auto It = LambdaStates.find(Lambda); It != LambdaStates.end())
      Entry = It->second;
  analysis::PresenceResult Result =
      analysis::analysePresence(Function, Body, Context, Analysis, Entry, LambdaStates);

  if (Result.Status == analysis::PresenceResult::OverBudget ||
      Result.Status == analysis::PresenceResult::NoCFG) {
    ++SkippedFunctions;
    if (ReportSkippedFunctions) {
      const auto *Named = dyn_cast<NamedDecl>(Function);
      bool IsLambda = Lambda != nullptr || !Named;
      diag(Lambda ? Lambda->getBeginLoc() : Function->getLocation(),
           "%select{function '%1'|lambda}0 not analysed for unchecked nullable "
           "fields: %select{it needs more than %3 analysis steps|no control "
           "flow graph}2 (%4 skipped in this translation unit)")
          << IsLambda << (Named ? Named->getNameAsString() : std::string())
          << (Result.Status == analysis::PresenceResult::NoCFG) << Analysis.Budget
          << SkippedFunctions;
    }
    return;
  }

  for (const analysis::NullableAccess &Access : Result.Unchecked) {
    SourceLocation Loc =
        Access.Alias ? Access.Alias->getExprLoc() : Access.Member->getMemberLoc();
    // One report per place in the source, however often a macro or a
    // template brings the read back.
    if (!Reported.insert(Context.getSourceManager().getFileLoc(Loc)).second)
      continue;
    // A getter's result is named as the getter call.
    const NamedDecl *Declared = Access.Getter;
    if (!Declared)
      Declared = Access.Field;
    std::string Name = Declared->getNameAsString() + (Access.Getter ? "()" : "");
    const auto *Owner = cast<RecordDecl>(Declared->getDeclContext());
    bool IsRecord = vocabulary().isRecord(dyn_cast<CXXRecordDecl>(Owner));
    diag(Loc, "nullable field '%0' of %select{class|record}1 '%2' is "
              "%select{dereferenced|unwrapped with '%4()'|accessed through "
              "'->'}3 without a check")
        << Name << IsRecord
        << (Owner->getIdentifier() ? Owner->getName() : StringRef("(anonymous)"))
        << static_cast<unsigned>(Access.Kind) << Access.Method;
    if (Access.Alias)
      diag(Access.Member->getMemberLoc(), "'%0' was bound to a local reference here",
           DiagnosticIDs::Note)
          << Name;
    diag(Declared->getLocation(), "'%0' was declared nullable here", DiagnosticIDs::Note)
        << Name;
    if (Access.ResetAt)
      diag(Access.ResetAt->getBeginLoc(), "'%0' was reset here", DiagnosticIDs::Note)
          << Name;
  }
}

} // namespace clang::tidy::modelguard
