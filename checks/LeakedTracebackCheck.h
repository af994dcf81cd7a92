//===--- LeakedTracebackCheck.h - modelguard -------------------*- C++ -*-===//

#ifndef MODELGUARD_LEAKEDTRACEBACKCHECK_H
#define MODELGUARD_LEAKEDTRACEBACKCHECK_H

#include "ModelGuardCheck.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::modelguard {

namespace leaked_traceback {
class FlowAnalysis;
struct FunctionSummary;
} // namespace leaked_traceback

/// Finds stack traces and exception details that flow into persisted
/// records, store writes or user-facing responses.
///
/// For the user-facing documentation see:
/// docs/checks/leaked-traceback.md
class LeakedTracebackCheck : public ModelGuardCheck {
public:
  LeakedTracebackCheck(StringRef Name, ClangTidyContext *Context);
  ~LeakedTracebackCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  friend class leaked_traceback::FlowAnalysis;

  const std::string TracebackNames;
  const std::string StackTraceTypes;
  const std::string StackTraceFunctions;
  const std::string StackTraceSinks;
  const std::string MessageSinks;
  const std::string ResponseTypes;
  const std::string ResponseFunctions;
  const std::string LogNames;
  const std::string Sanitizers;

  const std::vector<std::string> TracebackNameList;
  const model::DeclNameList StackTraceClasses;
  const model::DeclNameList StackTraceCallees;
  const model::DeclNameList ResponseClasses;
  const model::DeclNameList ResponseCallees;
  const model::DeclNameList LogDecls;
  const std::vector<std::string> SanitizerWords;
  /// Bit sets of sink classes, by source kind.
  const unsigned StackTraceSinkMask;
  const unsigned MessageSinkMask;

  /// Per translation unit: function summaries and the locations already
  /// reported.
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<leaked_traceback::FunctionSummary>>
      Summaries;
  llvm::DenseSet<unsigned> Reported;
  mutable llvm::DenseMap<const IdentifierInfo *, bool> TracebackNameCache;
  mutable llvm::DenseMap<const CXXRecordDecl *, bool> StackTraceClassCache;
  mutable llvm::DenseMap<const CXXRecordDecl *, bool> ResponseClassCache;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_LEAKEDTRACEBACKCHECK_H
