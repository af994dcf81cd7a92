//===--- UncheckedNullableFieldCheck.cpp - modelguard ----------------------===//
//
// Matches every function and lambda once, then asks the presence analysis
// (analysis/PresenceAnalysis.h) which of its reads through nullable members
// some path reaches without the member known to hold a value.
//
//===----------------------------------------------------------------------===//

#include "UncheckedNullableFieldCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

/// Is \p DC inside a template instantiation? Those are analysed through
/// their template, so each read is reported once.
bool isInInstantiation(const DeclContext *DC) {
  // Bounded by the nesting depth of the declarations.
  for (; DC; DC = DC->getParent())
    if (const auto *Function = dyn_cast<FunctionDecl>(DC))
      if (Function->isTemplateInstantiation())
        return true;
  return false;
}

} // namespace

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
  // The functions are found by walking the declarations once from the
  // translation unit (analyseDeclarations): a matcher on function
  // declarations would be tried on every declaration of every function,
  // which costs more than what the check does with most of them. Lambdas
  // are analysed on their own, starting from what was known where they
  // were created; the translation unit comes first in the traversal, so
  // every enclosing function has been analysed by then.
  // Both bind the same name: check() looks the node up once.
  Finder->addMatcher(translationUnitDecl().bind("node"), this);
  Finder->addMatcher(lambdaExpr().bind("node"), this);
}

void UncheckedNullableFieldCheck::analyseDeclarations(const Decl *D,
                                                      ASTContext &Context,
                                                      unsigned Depth) {
  // Declarations nest no deeper than this in real code; deeper ones are
  // not analysed (bounded work).
  constexpr unsigned MaxDepth = 64;
  if (!D || Depth > MaxDepth)
    return;
  // Variables, fields, types and the like hold no function.
  if (!isa<DeclContext, TemplateDecl, FriendDecl>(D))
    return;
  // What a system header declares at file level is left out whole; the
  // members of a class are where the class is.
  if (const DeclContext *Lexical = D->getLexicalDeclContext();
      Depth != 0 && Lexical && Lexical->isFileContext() &&
      Context.getSourceManager().isInSystemHeader(D->getLocation()))
    return;
  if (const auto *Template = dyn_cast<TemplateDecl>(D))
    return analyseDeclarations(Template->getTemplatedDecl(), Context, Depth + 1);
  if (const auto *Friend = dyn_cast<FriendDecl>(D))
    return analyseDeclarations(Friend->getFriendDecl(), Context, Depth + 1);
  // Instantiations are analysed through their templates.
  if (const auto *Specialisation = dyn_cast<ClassTemplateSpecializationDecl>(D);
      Specialisation && isTemplateInstantiation(Specialisation->getSpecializationKind()))
    return;
  if (const auto *Function = dyn_cast<FunctionDecl>(D);
      Function && Function->isThisDeclarationADefinition())
    analyseFunction(Function, Context);
  // Namespaces, classes, linkage specifications, and functions (for their
  // local classes).
  if (const auto *Inner = dyn_cast<DeclContext>(D))
    for (const Decl *Child : Inner->decls())
      analyseDeclarations(Child, Context, Depth + 1);
}

void UncheckedNullableFieldCheck::analyseFunction(const FunctionDecl *Function,
                                                  ASTContext &Context) {
  if (!Function->hasBody() || Function->isImplicit() || Function->isInvalidDecl() ||
      Function->isDefaulted() || Function->isTemplateInstantiation() ||
      Context.getSourceManager().isInSystemHeader(Function->getLocation()))
    return;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function);
      Method && Method->getParent()->isLambda())
    return;
  if (isInInstantiation(Function->getDeclContext()))
    return;
  analyse(Function, Function->getBody(), nullptr, Context);
}

void UncheckedNullableFieldCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const BoundNodes::IDToNodeMap &Bound = Result.Nodes.getMap();
  if (Bound.empty())
    return;
  const DynTypedNode &Node = Bound.begin()->second;
  if (const auto *Lambda = Node.get<LambdaExpr>()) {
    const CXXMethodDecl *Operator = Lambda->getCallOperator();
    if (!Operator || SM.isInSystemHeader(Lambda->getBeginLoc()) ||
        isInInstantiation(Operator->getParent()->getParent()))
      return;
    analyse(Operator, Lambda->getBody(), Lambda, *Result.Context);
    return;
  }
  if (const auto *Unit = Node.get<TranslationUnitDecl>())
    analyseDeclarations(Unit, *Result.Context, 0);
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
