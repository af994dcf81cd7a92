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
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

UncheckedNullableFieldCheck::UncheckedNullableFieldCheck(StringRef Name,
                                                         ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context), RecordsOnly(boolOption("RecordsOnly")),
      ReportSkippedFunctions(boolOption("ReportSkippedFunctions")) {
  Analysis.FormOf = [this](const FieldDecl *Field) { return formOf(Field); };
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
  LambdaStates.clear();
  Reported.clear();
  SkippedFunctions = 0;
}

model::NullableForm UncheckedNullableFieldCheck::formOf(const FieldDecl *Field) {
  auto [It, New] = Forms.try_emplace(Field, model::NullableForm::NotNullable);
  if (!New)
    return It->second;
  model::NullableForm Form = vocabulary().nullableFormOf(Field);
  if (Form != model::NullableForm::NotNullable && RecordsOnly &&
      !vocabulary().isRecord(dyn_cast<CXXRecordDecl>(Field->getParent())))
    Form = model::NullableForm::NotNullable;
  // The map may have grown meanwhile: look the entry up again.
  Forms[Field] = Form;
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
    SourceLocation Loc = Access.Member->getMemberLoc();
    // One report per place in the source, however often a macro or a
    // template brings the read back.
    if (!Reported.insert(Context.getSourceManager().getFileLoc(Loc)).second)
      continue;
    const RecordDecl *Owner = Access.Field->getParent();
    bool IsRecord = vocabulary().isRecord(dyn_cast<CXXRecordDecl>(Owner));
    diag(Loc, "nullable field '%0' of %select{class|record}1 '%2' is "
              "%select{dereferenced|unwrapped with '%4()'|accessed through "
              "'->'}3 without a check")
        << Access.Field->getName() << IsRecord
        << (Owner->getIdentifier() ? Owner->getName() : StringRef("(anonymous)"))
        << static_cast<unsigned>(Access.Kind) << Access.Method;
    diag(Access.Field->getLocation(), "'%0' was declared nullable here",
         DiagnosticIDs::Note)
        << Access.Field->getName();
  }
}

} // namespace clang::tidy::modelguard
