//===--- TracebackFlow.h - modelguard --------------------------*- C++ -*-===//
//
// A bounded taint analysis from stack traces and exception details to the
// places where they are stored or shown.
//
// Each function (and lambda) defined in the translation unit is analysed at
// most once, producing a summary: which of its origins reach its return
// value, and which of its parameters reach a sink inside it. A function is
// analysed when it contains a source itself, when an analysed caller needs
// its summary, or when it reads a member of `this` that another member
// function of its class stored a trace in (those member functions are
// analysed first); everything else costs one scan of its body. Summaries
// are computed on demand to a bounded call depth; a recursive call sees no
// summary.
//
// Inside a function the analysis is flow-sensitive: a forward may-analysis
// over the function's CFG, to a fixed point, of what each local variable
// (and each member of a local object, `info.detail`) holds. Assigning a
// variable replaces what it held, so a variable reused for a clean value is
// clean after the assignment; at a join the states are united. The work is
// counted (one step per block visit and per statement in it) and stops at
// Budget: what was reported until then stands, and the function is counted
// as skipped.
//
// Every value carries its origins (the source, or a parameter of the
// function being summarised) and the hops it took, which become the notes
// of a report. A value that was put into a key-value container is reported
// at the element where it entered, when the container reaches a sink.
//
// Cost: every origin set, hop list, summary depth and expression nesting is
// bounded by a constant (see TracebackFlow.cpp), so the work per function
// is linear in its size.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_ANALYSIS_TRACEBACKFLOW_H
#define MODELGUARD_ANALYSIS_TRACEBACKFLOW_H

#include "model/ModelVocabulary.h"
#include "model/NameMatching.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::modelguard::analysis {

/// Where a sink puts what it receives, as bits of a mask.
enum TracebackSinkClass : unsigned {
  TSC_Records = 1u << 0,
  TSC_Responses = 1u << 1,
  TSC_Logs = 1u << 2,
};

/// Parses a list of sink class names ("records;responses;logs",
/// case-insensitive) into a mask; the items it does not know go to
/// \p Unknown.
unsigned parseTracebackSinks(llvm::StringRef Value, std::vector<std::string> &Unknown);

struct TracebackFlowOptions {
  const model::ModelVocabulary *Vocabulary = nullptr;
  /// Normalised names (model::normalisedName) of variables and fields that
  /// hold a stack trace.
  std::vector<std::string> TracebackNames;
  model::DeclNameList StackTraceTypes{"", model::UnqualifiedMatch::Equal};
  model::DeclNameList StackTraceFunctions{"", model::UnqualifiedMatch::Equal};
  model::DeclNameList ResponseTypes{"", model::UnqualifiedMatch::Contains,
                                    /*IgnoreCase=*/true};
  model::DeclNameList ResponseFunctions{"", model::UnqualifiedMatch::Equal};
  /// Word phrases: a function whose name contains one builds or sends a
  /// response (failureResponse, sendError), whatever its class.
  model::VerbPhrases ResponseBuilders{""};
  model::DeclNameList LogNames{"", model::UnqualifiedMatch::Suffix, /*IgnoreCase=*/true};
  /// A variable of one of these file types whose name contains one of the
  /// lower-case LogFileWords is a log file.
  model::DeclNameList LogFileTypes{"", model::UnqualifiedMatch::Equal};
  std::vector<std::string> LogFileWords;
  /// Exception classes: what() of one of them, or of a class derived from
  /// one, is a source of exception details.
  model::DeclNameList ExceptionTypes{"", model::UnqualifiedMatch::Equal};
  /// Exception classes whose message is written for the client (an API's
  /// error type): their what() is not exception details.
  model::DeclNameList ClientErrorTypes{"", model::UnqualifiedMatch::Equal};
  /// Lower-case words: a callee whose name contains one returns a clean value.
  std::vector<std::string> Sanitizers;
  /// Functions and members that return (part of) what they are given.
  std::vector<std::string> Propagators;
  /// Member functions that put their arguments into their object.
  std::vector<std::string> Mutators;
  /// Lower-case words that make a class a key-value container by its name
  /// ("json").
  std::vector<std::string> KeyValueClassWords;
  /// Classes whose objects carry what is put into them (strings, streams,
  /// sequences); a setter of any other class is not followed.
  model::DeclNameList CarrierTypes{"", model::UnqualifiedMatch::Equal};
  /// Lower-case words: a function whose name contains one binds SQL
  /// parameters.
  std::vector<std::string> BindWords;
  /// Functions whose result describes the exception being handled
  /// (boost::diagnostic_information).
  model::DeclNameList ExceptionTextFunctions{"", model::UnqualifiedMatch::Equal};
  /// The most analysis steps spent on one function.
  unsigned Budget = 0;
  /// Sink classes (TracebackSinkClass bits) reported for each kind of source.
  unsigned StackTraceSinks = 0;
  unsigned MessageSinks = 0;
};

enum class TracebackSourceKind { StackTrace, Message };

/// A place a leaked value passed through, and what happened there.
struct TracebackStep {
  SourceLocation Loc;
  std::string Text;
};

/// A stack trace or exception details that reached a sink.
struct TracebackLeak {
  TracebackSourceKind Kind = TracebackSourceKind::StackTrace;
  /// The source as spelled ("traceback", "e.what()").
  std::string SourceName;
  SourceLocation SourceLoc;
  /// The hops from the source to the report, in order.
  llvm::SmallVector<TracebackStep, 4> Hops;
  /// Where the leak is reported: the sink, or the container element the
  /// value entered when the container reached the sink.
  SourceLocation At;
  /// What the value flowed into ("record field 'Event::details'").
  std::string Into;
  /// The sink itself, when the report is at a container element.
  std::optional<TracebackStep> Sink;
};

/// The analysis of one translation unit: owns the function summaries and
/// caches, and reports each sink location once.
class TracebackFlow {
public:
  TracebackFlow(const TracebackFlowOptions &Options, ASTContext &Context);
  ~TracebackFlow();
  TracebackFlow(const TracebackFlow &) = delete;
  TracebackFlow &operator=(const TracebackFlow &) = delete;

  ASTContext &context() const;

  /// Analyses \p Function (a function or a lambda's call operator) when it
  /// contains a source and was not analysed before, with the callees whose
  /// summaries it needs; returns the leaks found that were not returned
  /// before.
  std::vector<TracebackLeak> analyse(const FunctionDecl *Function);

  /// How many functions of the translation unit passed the budget so far.
  unsigned skippedFunctions() const;

  class Unit;

private:
  std::unique_ptr<Unit> State;
};

} // namespace clang::tidy::modelguard::analysis

#endif // MODELGUARD_ANALYSIS_TRACEBACKFLOW_H
