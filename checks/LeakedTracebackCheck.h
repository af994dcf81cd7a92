//===--- LeakedTracebackCheck.h - modelguard -------------------*- C++ -*-===//

#ifndef MODELGUARD_LEAKEDTRACEBACKCHECK_H
#define MODELGUARD_LEAKEDTRACEBACKCHECK_H

#include "ModelGuardCheck.h"
#include "analysis/TracebackFlow.h"

#include <memory>

namespace clang::tidy::modelguard {

/// Finds stack traces and exception details that flow into persisted
/// records, store writes or user-facing responses, with the taint analysis
/// of analysis/TracebackFlow.h.
///
/// For the user-facing documentation see:
/// docs/checks/leaked-traceback.md
class LeakedTracebackCheck : public ModelGuardCheck {
public:
  LeakedTracebackCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;

private:
  /// Reports the leaks of one function or lambda call operator, and that
  /// it was cut short when ReportSkippedFunctions asks for it.
  void analyse(const FunctionDecl *Function);
  void report(const analysis::TracebackLeak &Leak);

  const analysis::TracebackFlowOptions FlowOptions;
  const bool ReportSkippedFunctions;
  /// The analysis of the current translation unit.
  std::unique_ptr<analysis::TracebackFlow> Flow;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_LEAKEDTRACEBACKCHECK_H
