//===--- LeakedTracebackCheck.cpp - modelguard -----------------------------===//

#include "LeakedTracebackCheck.h"
#include "model/FunctionBodies.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

analysis::TracebackFlowOptions
flowOptions(const model::ModelVocabulary &Vocabulary,
            llvm::function_ref<StringRef(StringRef)> Option,
            std::vector<std::string> &UnknownSinks) {
  using model::DeclNameList;
  using model::UnqualifiedMatch;
  analysis::TracebackFlowOptions Flow;
  Flow.Vocabulary = &Vocabulary;
  Flow.TracebackNames = model::parseNormalisedList(Option("TracebackNames"));
  Flow.StackTraceTypes = DeclNameList(Option("StackTraceTypes"), UnqualifiedMatch::Equal);
  Flow.StackTraceFunctions =
      DeclNameList(Option("StackTraceFunctions"), UnqualifiedMatch::Equal);
  Flow.ResponseTypes = DeclNameList(Option("ResponseTypes"), UnqualifiedMatch::Contains,
                                    /*IgnoreCase=*/true);
  Flow.ResponseFunctions =
      DeclNameList(Option("ResponseFunctions"), UnqualifiedMatch::Equal);
  Flow.ResponseBuilders = model::VerbPhrases(Option("ResponseBuilders"));
  Flow.LogNames =
      DeclNameList(Option("LogNames"), UnqualifiedMatch::Suffix, /*IgnoreCase=*/true);
  Flow.LogFileTypes = DeclNameList(Option("LogFileTypes"), UnqualifiedMatch::Equal);
  Flow.LogFileWords = model::parseLowerList(Option("LogFileWords"));
  Flow.Sanitizers = model::parseLowerList(Option("Sanitizers"));
  Flow.ExceptionTypes = DeclNameList(Option("ExceptionTypes"), UnqualifiedMatch::Equal);
  Flow.ClientErrorTypes = DeclNameList(Option("ClientErrorTypes"), UnqualifiedMatch::Equal);
  Flow.Propagators = model::parseList(Option("PropagatorFunctions"));
  Flow.Mutators = model::parseList(Option("MutatorMethods"));
  Flow.KeyValueClassWords = model::parseLowerList(Option("KeyValueTypeWords"));
  Flow.CarrierTypes = DeclNameList(Option("CarrierTypes"), UnqualifiedMatch::Equal);
  Flow.BindWords = model::parseLowerList(Option("BindFunctionWords"));
  Flow.ExceptionTextFunctions =
      DeclNameList(Option("ExceptionTextFunctions"), UnqualifiedMatch::Equal);
  Flow.StackTraceSinks =
      analysis::parseTracebackSinks(Option("StackTraceSinks"), UnknownSinks);
  Flow.MessageSinks = analysis::parseTracebackSinks(Option("MessageSinks"), UnknownSinks);
  return Flow;
}

} // namespace

LeakedTracebackCheck::LeakedTracebackCheck(StringRef Name, ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context), FlowOptions([&] {
        std::vector<std::string> UnknownSinks;
        analysis::TracebackFlowOptions Options = flowOptions(
            vocabulary(), [&](StringRef Option) { return stringOption(Option); },
            UnknownSinks);
        for (const std::string &Item : UnknownSinks)
          configurationDiag("%0: option 'StackTraceSinks'/'MessageSinks': unknown sink "
                            "class '%1' (expected records, responses or logs)")
              << Name << Item;
        Options.Budget = unsignedOption("AnalysisBudget");
        return Options;
      }()),
      ReportSkippedFunctions(boolOption("ReportSkippedFunctions")) {}

void LeakedTracebackCheck::onStartOfTranslationUnit() {
  ModelGuardCheck::onStartOfTranslationUnit();
  Flow.reset();
}

void LeakedTracebackCheck::registerMatchers(MatchFinder *Finder) {
  // One walk over the function and lambda bodies (model/FunctionBodies.h).
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void LeakedTracebackCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Unit = Result.Nodes.getNodeAs<TranslationUnitDecl>("unit");
  if (!Flow || &Flow->context() != Result.Context)
    Flow = std::make_unique<analysis::TracebackFlow>(FlowOptions, *Result.Context);
  model::forEachFunctionBody(Unit, *Result.SourceManager,
                             [&](const model::FunctionBody &Body) {
                               analyse(Body.Function);
                             });
}

void LeakedTracebackCheck::analyse(const FunctionDecl *Function) {
  unsigned Skipped = Flow->skippedFunctions();
  for (const analysis::TracebackLeak &Leak : Flow->analyse(Function))
    report(Leak);
  if (ReportSkippedFunctions && Flow->skippedFunctions() > Skipped)
    diag(Function->getLocation(),
         "function '%0' not fully analysed for leaked tracebacks: it needs more "
         "than %1 analysis steps (%2 skipped in this translation unit)")
        << Function->getNameAsString() << FlowOptions.Budget
        << Flow->skippedFunctions();
}

void LeakedTracebackCheck::report(const analysis::TracebackLeak &Leak) {
  bool StackTrace = Leak.Kind == analysis::TracebackSourceKind::StackTrace;
  if (StackTrace)
    diag(Leak.At, "stack trace '%0' flows into %1")
        << Leak.SourceName << Leak.Into;
  else
    diag(Leak.At, "exception details '%0' flow into %1")
        << Leak.SourceName << Leak.Into;
  diag(Leak.SourceLoc,
       StackTrace ? "the stack trace came from '%0' here"
                  : "the exception details came from '%0' here",
       DiagnosticIDs::Note)
      << Leak.SourceName;
  for (const analysis::TracebackStep &Hop : Leak.Hops)
    diag(Hop.Loc, "%0", DiagnosticIDs::Note) << Hop.Text;
  if (Leak.Sink)
    diag(Leak.Sink->Loc, "%0", DiagnosticIDs::Note) << Leak.Sink->Text;
}

} // namespace clang::tidy::modelguard
