//===--- LeakedTracebackCheck.h - modelguard -------------------*- C++ -*-===//

#ifndef MODELGUARD_LEAKEDTRACEBACKCHECK_H
#define MODELGUARD_LEAKEDTRACEBACKCHECK_H

#include "ModelGuardCheck.h"

namespace clang::tidy::modelguard {

/// Finds stack traces and exception details that flow into persisted
/// records, store writes or user-facing responses.
///
/// For the user-facing documentation see:
/// docs/checks/leaked-traceback.md
class LeakedTracebackCheck : public ModelGuardCheck {
public:
  LeakedTracebackCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  const Expr *findTracebackSource(const Stmt *Value) const;
  void checkAssignment(const Expr *Target, const Expr *Value,
                       const ast_matchers::MatchFinder::MatchResult &Result);
  void checkStoreCall(const CallExpr *Call);
  void report(const Expr *Sink, const Expr *Source, StringRef SinkDescription);

  const std::string TracebackNames;
  const std::vector<std::string> TracebackNameList;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_LEAKEDTRACEBACKCHECK_H
