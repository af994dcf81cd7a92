//===--- TracebackFlow.cpp - modelguard ------------------------------------===//
//
// The algorithm is described in TracebackFlow.h.
//
//===----------------------------------------------------------------------===//

#include "TracebackFlow.h"

#include "model/AccessPath.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::modelguard::analysis {

namespace {

enum class SourceKind { StackTrace, Message, Param };

/// Upper bounds that keep the analysis linear in the size of the code.
constexpr unsigned MaxOrigins = 6;
constexpr unsigned MaxHops = 8;
constexpr unsigned MaxSummaryDepth = 6;
constexpr unsigned MaxExprDepth = 48;
constexpr unsigned MaxParamSinks = 8;

struct Hop {
  SourceLocation Loc;
  std::string Text;
};

struct Origin {
  SourceKind Kind = SourceKind::StackTrace;
  /// The parameter this origin stands for, when Kind is Param.
  unsigned Param = 0;
  SourceLocation SourceLoc;
  std::string SourceName;
  llvm::SmallVector<Hop, 4> Hops;
  /// Where the value entered a key-value container, if it did.
  SourceLocation ContainerLoc;
  std::string ContainerName;
  /// The literal key it is stored under in that container, if known.
  std::string Key;

  bool sameAs(const Origin &Other) const {
    return Kind == Other.Kind && Param == Other.Param && SourceLoc == Other.SourceLoc;
  }
};

using Taint = llvm::SmallVector<Origin, 2>;

/// A sink reached by some value.
struct SinkEvent {
  TracebackSinkClass Class = TSC_Records;
  SourceLocation Loc;
  /// What the sink is, e.g. "record field 'Event::details'".
  std::string Description;
  /// What the sink is, when the value arrives in a container: e.g.
  /// "values that are persisted".
  std::string ContainerDescription;
  /// The note at the sink when the report is at a container element.
  std::string FinalNote;
  /// The statement that is the sink (a call, a construction), when there
  /// is one: it is reported once, whichever of its arguments leaks.
  const Stmt *Statement = nullptr;
};

/// A parameter of a summarised function that reaches a sink in it.
struct ParamSink {
  Origin Path;
  SinkEvent Event;
};

struct FunctionSummary {
  bool Complete = false;
  Taint Return;
  llvm::SmallVector<ParamSink, 2> Sinks;
};


void addOrigin(Taint &Into, const Origin &O) {
  for (const Origin &Existing : Into)
    if (Existing.sameAs(O))
      return;
  if (Into.size() < MaxOrigins) {
    Into.push_back(O);
    return;
  }
  // Full: a real source displaces a parameter, never the other way round.
  if (O.Kind == SourceKind::Param)
    return;
  for (Origin &Existing : llvm::reverse(Into))
    if (Existing.Kind == SourceKind::Param) {
      Existing = O;
      return;
    }
}

void addAll(Taint &Into, const Taint &From) {
  for (const Origin &O : From)
    addOrigin(Into, O);
}

void addHop(Origin &O, SourceLocation Loc, std::string Text) {
  if (O.Hops.size() < MaxHops && Loc.isValid())
    O.Hops.push_back({Loc, std::move(Text)});
}

Taint withHop(Taint T, SourceLocation Loc, const std::string &Text) {
  for (Origin &O : T)
    addHop(O, Loc, Text);
  return T;
}

std::optional<std::string> literalText(const Expr *E) {
  if (const auto *Literal = dyn_cast_or_null<StringLiteral>(model::skipWrappers(E)))
    if (Literal->getCharByteWidth() == 1)
      return Literal->getString().str();
  return std::nullopt;
}

std::string nameOf(const NamedDecl *D) {
  if (!D)
    return "";
  if (const auto *Method = dyn_cast<CXXMethodDecl>(D);
      Method && Method->getParent()->isLambda())
    return "lambda";
  if (isa<CXXMethodDecl, FieldDecl>(D))
    if (const auto *Parent = dyn_cast<NamedDecl>(D->getDeclContext()))
      return (Parent->getName() + "::" + D->getName()).str();
  return D->getQualifiedNameAsString();
}

/// A short spelling of the object \p E names, for messages.
std::string spelling(const Expr *E) {
  if (const ValueDecl *Root = model::rootVariable(E))
    return Root->getNameAsString();
  return "";
}

/// A key-value container: a store-layer value, a class whose name contains
/// one of \p ClassWords ("json"), or a class with a `mapped_type`.
bool isKeyValueContainer(QualType Type, const model::ModelVocabulary &Vocabulary,
                         llvm::ArrayRef<std::string> ClassWords) {
  if (Vocabulary.isStoreValueType(Type))
    return true;
  const CXXRecordDecl *Class = Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class || !Class->getDeclName().isIdentifier())
    return false;
  // By name or namespace: nlohmann::json, Json::Value (jsoncpp).
  if (model::nameContainsAny(Class->getQualifiedNameAsString(), ClassWords))
    return true;
  if (!(Class = Class->getDefinition()))
    return false;
  for (const Decl *Member : Class->decls())
    if (const auto *Named = dyn_cast<NamedDecl>(Member))
      if (Named->getDeclName().isIdentifier() && Named->getName() == "mapped_type")
        return true;
  return false;
}

/// Does \p Type look like a prepared statement (`sqlite3_stmt *`,
/// `SQLite::Statement`, `soci::statement`, a reference or pointer to one)?
bool isStatementType(QualType Type) {
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const auto *Tag = Type->getAsTagDecl();
  if (!Tag || !Tag->getIdentifier())
    return false;
  StringRef Name = Tag->getName();
  return Name.contains_insensitive("statement") || Name.contains_insensitive("stmt");
}

/// The function \p Call calls: its direct callee, or the call operator of
/// the lambda a local variable holds (`reply(e.what())` after
/// `auto reply = [&res](const std::string &text) { ... };`), which a
/// template leaves unresolved until it is instantiated.
const FunctionDecl *calleeOf(const CallExpr *Call) {
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    return Callee;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
      Call->getCallee() ? Call->getCallee()->IgnoreParenImpCasts() : nullptr);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->getInit())
    return nullptr;
  const auto *Lambda = dyn_cast<LambdaExpr>(model::skipWrappers(Var->getInit()));
  return Lambda ? Lambda->getCallOperator() : nullptr;
}

/// The argument of \p Call that initialises parameter \p Param of its
/// callee (a member operator call passes the object first).
const Expr *argumentFor(const CallExpr *Call, unsigned Param) {
  unsigned Offset = 0;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
        Method && Method->isInstance())
      Offset = 1;
  if (Param + Offset >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(Param + Offset);
}

} // namespace

/// The per-translation-unit state: configuration predicates (cached),
/// summaries, and the leaks found.
/// Do \p A and \p B hold the same origins?
bool sameTaint(const Taint &A, const Taint &B) {
  if (A.size() != B.size())
    return false;
  return llvm::all_of(A, [&](const Origin &O) {
    return llvm::any_of(B, [&](const Origin &Other) { return O.sameAs(Other); });
  });
}

/// What the variables of a function hold at one point of it.
struct FlowState {
  llvm::DenseMap<const ValueDecl *, Taint> Vars;
  /// What one member of a local object holds (`info.detail`), apart from
  /// the object as a whole.
  llvm::DenseMap<std::pair<const ValueDecl *, const FieldDecl *>, Taint> Members;
  /// Variables named like a stack trace that hold a constant text on every
  /// path here (`traceback = "see the crash log";`): their name no longer
  /// says what they hold.
  llvm::SmallPtrSet<const ValueDecl *, 4> Cleared;

  /// The union of \p Other into this state (at a join of paths); Cleared is
  /// what every path agrees on, \p First says whether \p Other is the
  /// first path joined.
  void join(const FlowState &Other, bool First) {
    for (const auto &[Var, T] : Other.Vars)
      addAll(Vars[Var], T);
    for (const auto &[Key, T] : Other.Members)
      addAll(Members[Key], T);
    if (First) {
      Cleared = Other.Cleared;
      return;
    }
    llvm::SmallVector<const ValueDecl *, 4> Gone;
    for (const ValueDecl *Var : Cleared)
      if (!Other.Cleared.contains(Var))
        Gone.push_back(Var);
    for (const ValueDecl *Var : Gone)
      Cleared.erase(Var);
  }
  template <class Map> static bool sameMap(const Map &A, const Map &B) {
    if (A.size() != B.size())
      return false;
    for (const auto &[Key, T] : A) {
      auto It = B.find(Key);
      if (It == B.end() || !sameTaint(T, It->second))
        return false;
    }
    return true;
  }
  bool operator==(const FlowState &Other) const {
    if (Cleared.size() != Other.Cleared.size())
      return false;
    for (const ValueDecl *Var : Cleared)
      if (!Other.Cleared.contains(Var))
        return false;
    return sameMap(Vars, Other.Vars) && sameMap(Members, Other.Members);
  }
};

class TracebackFlow::Unit {
public:
  Unit(const TracebackFlowOptions &Options, ASTContext &Context)
      : Options(Options), Context(Context) {}

  const model::ModelVocabulary &vocabulary() const { return *Options.Vocabulary; }

  bool isTracebackName(const NamedDecl *D);
  bool isStackTraceType(QualType Type);
  bool isResponseClass(const CXXRecordDecl *Class);
  /// The definition of \p Function in this unit, outside system headers,
  /// when its body (or, for a constructor, a member initialiser) holds a
  /// source; null otherwise. Cached per definition.
  const FunctionDecl *definitionWithSource(const FunctionDecl *Function);
  /// Is the object of \p Call (its what()) an exception whose message is
  /// exception details: one of ExceptionTypes and none of ClientErrorTypes
  /// (or derived from them)?
  bool isDetailedException(const CXXMemberCallExpr *Call) const;
  bool isSanitizer(const NamedDecl *D) const;
  bool hasSource(const Stmt *S);

  /// The summary of \p Function, computing it (and recording the leaks it
  /// finds) on first use; null when the function has no body here, lives in
  /// a system header, is being summarised already or is too deep.
  const FunctionSummary *summaryOf(const FunctionDecl *Function, unsigned Depth);

  /// Records \p O reaching \p Event as a leak, or in \p Summary when it
  /// stands for a parameter.
  void emit(FunctionSummary *Summary, const Origin &O, const SinkEvent &Event);

  /// Analyses, once per class, the member functions of \p Class that hold
  /// a source, so that what they store in members of `this` is known to
  /// the other member functions.
  void prepareClass(const CXXRecordDecl *Class);

  /// Does \p S read a member of `this` that holds a trace?
  bool readsTaintedMember(const Stmt *S) const;

  /// Does \p S call a function defined here that holds a source itself
  /// (`res.body = describe(e);`)? Its summary may bring the source back.
  bool callsSourceFunction(const Stmt *S);

  const TracebackFlowOptions &Options;
  ASTContext &Context;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionSummary>> Summaries;
  /// Report locations and sink statements already used.
  llvm::DenseSet<unsigned> Reported;
  llvm::DenseSet<const Stmt *> ReportedStatements;
  std::vector<TracebackLeak> Leaks;
  /// What member functions stored in members of `this` (`last_error_`),
  /// for the other member functions of the class.
  llvm::DenseMap<const FieldDecl *, Taint> MemberTaint;
  llvm::DenseSet<const CXXRecordDecl *> PreparedClasses;
  llvm::DenseMap<const FunctionDecl *, bool> HoldsSource;
  /// Functions whose analysis passed the budget.
  unsigned SkippedFunctions = 0;

private:
  llvm::DenseMap<const IdentifierInfo *, bool> TracebackNameCache;
  llvm::DenseMap<const CXXRecordDecl *, bool> StackTraceClassCache;
  llvm::DenseMap<const CXXRecordDecl *, bool> ResponseClassCache;
};

namespace {

/// The analysis of one function body; see the file comment.
class FlowAnalysis {
public:
  FlowAnalysis(TracebackFlow::Unit &Unit, const FunctionDecl *Function, unsigned Depth,
               FunctionSummary &Summary);

  /// Runs the analysis to its fixed point over the function's CFG; false
  /// when it passed the budget (what was reported until then stands: each
  /// report is a flow on some path).
  bool run();

private:
  //===--- Values ---------------------------------------------------------===//

  Origin source(SourceKind Kind, const Expr *At, std::string Name) {
    Origin O;
    O.Kind = Kind;
    O.SourceLoc = At->getBeginLoc();
    O.SourceName = std::move(Name);
    return O;
  }

  Taint eval(const Expr *E, unsigned Level = 0);
  /// eval, before the rule that a number carries no text.
  Taint evalValue(const Expr *E, unsigned Level);
  Taint evalCall(const CallExpr *Call, unsigned Level);
  Taint evalArguments(const CallExpr *Call, unsigned Level);
  Taint applySummary(const CallExpr *Call, const FunctionDecl *Callee, unsigned Level);

  void merge(const ValueDecl *Var, const Taint &T) {
    if (T.empty() || !Var)
      return;
    addAll(State.Vars[Var], T);
    if (const auto *Decomposition = dyn_cast<DecompositionDecl>(Var))
      for (const BindingDecl *Binding : Decomposition->bindings())
        addAll(State.Vars[Binding], T);
  }

  /// `Var = value`: the variable now holds what the value holds, and
  /// nothing else (a variable reused for a clean value is clean).
  void replace(const ValueDecl *Var, Taint T) {
    for (auto It = State.Members.begin(); It != State.Members.end(); ++It)
      if (It->first.first == Var)
        It->second.clear();
    if (T.empty())
      State.Vars.erase(Var);
    else
      State.Vars[Var] = std::move(T);
  }

  /// Is \p Var a local variable (or parameter) that holds its own value,
  /// so that assigning it replaces what it held?
  static bool isOwnValue(const ValueDecl *Var) {
    const auto *Local = dyn_cast_or_null<VarDecl>(Var);
    return Local && Local->hasLocalStorage() && !Local->getType()->isReferenceType() &&
           !isa<DecompositionDecl>(Local);
  }

  //===--- Statements -----------------------------------------------------===//

  void visit(const Stmt *S);
  void handleVar(const VarDecl *Var);
  void handleStore(const Expr *Target, const Expr *Value, SourceLocation At,
                   bool Replace);
  void writeOutputArguments(const CallExpr *Call, const FunctionDecl *Callee);
  bool handleSetter(const CallExpr *Call, const FunctionDecl *Callee);
  void handleResponseList(const InitListExpr *List);
  /// Summarises the constructor \p Construct calls when its initialisers or
  /// body hold a source, so that the members it stores are known.
  void summariseConstructor(const CXXConstructExpr *Construct);
  /// Notes whether \p Var now holds a constant (\p Value; null when it is
  /// declared without one).
  void noteConstantText(const ValueDecl *Var, const Expr *Value);
  /// A call may change what its arguments and its object hold (fill_trace(tb)).
  void forgetConstantsPassedTo(const CallExpr *Call);
  void handleCall(const CallExpr *Call);
  void handleStream(const CXXOperatorCallExpr *Op);
  void handleComma(const CXXOperatorCallExpr *Op);
  void handleConstruct(const CXXConstructExpr *Construct);
  void handleReturn(const ReturnStmt *Return);
  void putInContainer(const Expr *Container, const Taint &T, SourceLocation At,
                      std::optional<std::string> Key);

  //===--- Sinks ----------------------------------------------------------===//

  /// Is \p Type a response, a pointer to one or a smart pointer to one?
  bool returnsResponse(QualType Type) const {
    if (Type.isNull())
      return false;
    if (Unit.isResponseClass(Type->getPointeeCXXRecordDecl()))
      return true;
    const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
    if (Unit.isResponseClass(Class))
      return true;
    const auto *Instance = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Class);
    if (!Instance || Instance->getTemplateArgs().size() == 0 ||
        Instance->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return false;
    return Unit.isResponseClass(
        Instance->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl());
  }
  void sink(const Taint &T, const SinkEvent &Event);
  void sinkArguments(const CallExpr *Call, const SinkEvent &Template);

private:
  TracebackFlow::Unit &Unit;
  ASTContext &Context;
  const FunctionDecl *Function;
  unsigned Depth;
  FunctionSummary &Summary;
  FlowState State;
  /// The statements of the CFG's blocks: a walk into an expression stops at
  /// them, since the block that holds them handles them.
  llvm::DenseSet<const Stmt *> Elements;
  /// Prepared SQL statements that write (sqlite3_stmt *, soci::statement),
  /// and all statements prepared here.
  llvm::SmallPtrSet<const ValueDecl *, 4> WriteStatements;
  llvm::SmallPtrSet<const ValueDecl *, 4> PreparedStatements;
  /// The inner `<<` of stream chains already handled at their outermost
  /// operator (which the pre-order walk reaches first).
  llvm::SmallPtrSet<const Expr *, 8> InnerStreamLinks;
};


} // namespace

//===--- Predicates -------------------------------------------------------===//

bool TracebackFlow::Unit::isTracebackName(const NamedDecl *D) {
  if (!D || !D->getDeclName().isIdentifier())
    return false;
  const IdentifierInfo *Id = D->getIdentifier();
  if (!Id)
    return false;
  auto [It, Inserted] = TracebackNameCache.try_emplace(Id, false);
  if (Inserted)
    It->second = llvm::is_contained(Options.TracebackNames,
                                    model::normalisedName(Id->getName()));
  return It->second;
}

bool TracebackFlow::Unit::isStackTraceType(QualType Type) {
  if (Type.isNull())
    return false;
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  if (!Class)
    return false;
  auto [It, Inserted] = StackTraceClassCache.try_emplace(Class, false);
  if (Inserted) {
    bool Matches = Options.StackTraceTypes.matches(Class);
    if (!Matches)
      if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(Class))
        Matches = Options.StackTraceTypes.matches(Instance->getSpecializedTemplate());
    It->second = Matches;
  }
  return It->second;
}

bool TracebackFlow::Unit::isDetailedException(const CXXMemberCallExpr *Call) const {
  // The object's own class, before the conversion to the base that declares
  // what(): `NotFound` rather than `std::runtime_error`.
  const Expr *Object = Call->getImplicitObjectArgument();
  QualType Type = Object ? Object->IgnoreParenImpCasts()->getType() : QualType();
  const CXXRecordDecl *Class =
      Type.isNull() ? nullptr
                    : (Type->isPointerType() ? Type->getPointeeCXXRecordDecl()
                                             : Type->getAsCXXRecordDecl());
  if (!Class)
    Class = Call->getRecordDecl();
  return model::isExceptionClass(Class, Options.ExceptionTypes) &&
         !model::isExceptionClass(Class, Options.ClientErrorTypes);
}

bool TracebackFlow::Unit::isResponseClass(const CXXRecordDecl *Class) {
  if (!Class)
    return false;
  auto [It, Inserted] = ResponseClassCache.try_emplace(Class, false);
  if (Inserted)
    It->second = Options.ResponseTypes.matches(Class) ||
                 vocabulary().isProfiledResponseType(Class);
  return It->second;
}

bool TracebackFlow::Unit::isSanitizer(const NamedDecl *D) const {
  if (!D || !D->getDeclName().isIdentifier())
    return false;
  std::string Name = D->getName().lower();
  for (const std::string &Word : Options.Sanitizers)
    if (StringRef(Name).contains(Word))
      return true;
  return false;
}

/// Does \p S contain a source? A cheap scan that spares the analysis of
/// functions that cannot start a flow.
bool TracebackFlow::Unit::hasSource(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    if (isa<VarDecl>(Ref->getDecl()) && isTracebackName(Ref->getDecl()))
      return true;
  } else if (const auto *Member = dyn_cast<MemberExpr>(S)) {
    if (isa<FieldDecl>(Member->getMemberDecl()) &&
        isTracebackName(Member->getMemberDecl()))
      return true;
  } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getDeclName().isIdentifier()) {
      StringRef Name = Callee->getName();
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
        if (Name == "what" && isDetailedException(Member))
          return true;
        if (Name == "name" && isa<CXXTypeidExpr>(
                                  Member->getImplicitObjectArgument()->IgnoreParens()))
          return true;
      }
      if (Options.StackTraceFunctions.matches(Callee) ||
          Options.ExceptionTextFunctions.matches(Callee))
        return true;
    }
    if (isStackTraceType(Call->getType()))
      return true;
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    if (isStackTraceType(Construct->getType()))
      return true;
  }
  for (const Stmt *Child : S->children())
    if (hasSource(Child))
      return true;
  return false;
}

const FunctionSummary *TracebackFlow::Unit::summaryOf(const FunctionDecl *Function,
                                                     unsigned Depth) {
  if (!Function)
    return nullptr;
  if (const FunctionDecl *Pattern = Function->getTemplateInstantiationPattern())
    Function = Pattern;
  const FunctionDecl *Definition = nullptr;
  if (!Function->hasBody(Definition) || !Definition || Definition->isInvalidDecl() ||
      Definition->isDefaulted() || !Definition->getBody())
    return nullptr;
  Function = Definition;
  auto It = Summaries.find(Function);
  if (It != Summaries.end())
    return It->second->Complete ? It->second.get() : nullptr;
  if (Depth > MaxSummaryDepth ||
      Context.getSourceManager().isInSystemHeader(Function->getLocation()))
    return nullptr;
  FunctionSummary &Summary =
      *Summaries.try_emplace(Function, std::make_unique<FunctionSummary>())
           .first->second;
  if (!FlowAnalysis(*this, Function, Depth, Summary).run())
    ++SkippedFunctions;
  Summary.Complete = true;
  return &Summary;
}

//===--- Values -----------------------------------------------------------===//

Taint FlowAnalysis::eval(const Expr *E, unsigned Level) {
  Taint T = evalValue(E, Level);
  // Before the wrappers a copy looks through: `ApiError error(e)` is a new
  // object, not a copy of e.
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
          E ? model::skipWrappers(E, model::WrapperRule::SameValue) : nullptr))
    summariseConstructor(Construct);
  // A number, a flag or an enumerator carries no text: `trace.size()`, a
  // `bool backtrace` setting. Its expression is still walked for what it
  // reads.
  auto IsNumber = [](const Expr *Value) {
    QualType Type = Value ? Value->getType() : QualType();
    return !Type.isNull() && !Type->isDependentType() &&
           (Type->isArithmeticType() || Type->isEnumeralType()) &&
           !Type->isAnyCharacterType();
  };
  // Also through a conversion: `j["backtrace"] = cfg.backtrace` makes a
  // JSON value of a bool.
  if (!T.empty() && E && (IsNumber(E) || IsNumber(model::skipWrappers(E))))
    return {};
  return T;
}

Taint FlowAnalysis::evalValue(const Expr *E, unsigned Level) {
  if (!E || Level > MaxExprDepth)
    return {};
  E = model::skipWrappers(E);
  if (!E)
    return {};
  ++Level;

  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    Taint T;
    auto It = State.Vars.find(D);
    if (It != State.Vars.end())
      T = It->second;
    // An object carries what its members hold.
    for (const auto &[Key, Held] : State.Members)
      if (Key.first == D)
        addAll(T, Held);
    if (isa<VarDecl>(D) && ((Unit.isTracebackName(D) && !State.Cleared.contains(D)) ||
                            Unit.isStackTraceType(D->getType())))
      addOrigin(T, source(SourceKind::StackTrace, Ref, D->getNameAsString()));
    return T;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *Field = Member->getMemberDecl();
    Taint T;
    if (isa<FieldDecl>(Field) &&
        (Unit.isTracebackName(Field) || Unit.isStackTraceType(Field->getType())))
      addOrigin(T, source(SourceKind::StackTrace, Member, Field->getNameAsString()));
    // An error object's numeric status or code is not its trace: only
    // members that can hold text carry what was stored in the object.
    QualType FieldType = Field->getType();
    if (FieldType->isArithmeticType() || FieldType->isEnumeralType())
      return T;
    const Expr *Base = model::skipWrappers(Member->getBase());
    const auto *FieldOf = dyn_cast<FieldDecl>(Field);
    const auto *Object = dyn_cast<DeclRefExpr>(Base);
    if (isa<CXXThisExpr>(Base)) {
      // A member another member function stored a trace in.
      if (auto It = Unit.MemberTaint.find(FieldOf); FieldOf && It != Unit.MemberTaint.end())
        addAll(T, It->second);
    } else if (Object && FieldOf && !Member->isArrow()) {
      // info.detail: what was stored in that member, and in the object as a
      // whole, but not what was stored in its other members.
      const ValueDecl *Var = Object->getDecl();
      if (auto It = State.Members.find({Var, FieldOf}); It != State.Members.end())
        addAll(T, It->second);
      if (auto It = State.Vars.find(Var); It != State.Vars.end())
        addAll(T, It->second);
      if (isa<VarDecl>(Var) &&
          (Unit.isTracebackName(Var) || Unit.isStackTraceType(Var->getType())))
        addOrigin(T, source(SourceKind::StackTrace, Object, Var->getNameAsString()));
    } else {
      // A struct carries what was stored in it.
      addAll(T, eval(Member->getBase(), Level));
    }
    return T;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return evalCall(Call, Level);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Unit.isStackTraceType(Construct->getType())) {
      Taint T;
      addOrigin(T, source(SourceKind::StackTrace, Construct,
                          Construct->getType().getUnqualifiedType().getAsString(
                              Context.getPrintingPolicy())));
      return T;
    }
    Taint T;
    for (const Expr *Argument : Construct->arguments())
      addAll(T, eval(Argument, Level));
    return T;
  }
  if (const auto *Init = dyn_cast<InitListExpr>(E)) {
    Taint T;
    for (const Expr *Element : Init->inits())
      addAll(T, eval(Element, Level));
    return T;
  }
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(E))
    return eval(List->getSubExpr(), Level);
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    if (Binary->getOpcode() == BO_Add || Binary->isAssignmentOp()) {
      Taint T = eval(Binary->getRHS(), Level);
      if (Binary->getOpcode() != BO_Assign)
        addAll(T, eval(Binary->getLHS(), Level));
      return T;
    }
    if (Binary->getOpcode() == BO_Comma)
      return eval(Binary->getRHS(), Level);
    return {};
  }
  if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(E)) {
    Taint T = eval(Conditional->getTrueExpr(), Level);
    addAll(T, eval(Conditional->getFalseExpr(), Level));
    return T;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_Deref || Unary->getOpcode() == UO_AddrOf)
      return eval(Unary->getSubExpr(), Level);
    return {};
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return eval(Subscript->getBase(), Level);
  return {};
}

void FlowAnalysis::summariseConstructor(const CXXConstructExpr *Construct) {
  // `ApiError error(e);` whose constructor keeps `e.what()` in a member:
  // the members it stores are known to the class's other member functions
  // (error.detail()), as those a member function stores are.
  if (const FunctionDecl *Definition = Unit.definitionWithSource(Construct->getConstructor()))
    Unit.summaryOf(Definition, Depth + 1);
}

Taint FlowAnalysis::evalArguments(const CallExpr *Call, unsigned Level) {
  Taint T;
  for (const Expr *Argument : Call->arguments())
    addAll(T, eval(Argument, Level));
  return T;
}

Taint FlowAnalysis::evalCall(const CallExpr *Call, unsigned Level) {
  const FunctionDecl *Callee = calleeOf(Call);

  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    switch (Op->getOperator()) {
    case OO_Subscript: {
      // An element of a container: what was stored under that key.
      Taint T = eval(Op->getArg(0), Level);
      std::optional<std::string> Key = literalText(Op->getArg(1));
      Taint Selected;
      for (Origin &O : T)
        if (!Key || O.Key.empty() || O.Key == *Key) {
          O.Key.clear();
          addOrigin(Selected, O);
        }
      return Selected;
    }
    case OO_Plus:
    case OO_PlusEqual:
    case OO_Star:
    case OO_Arrow:
    case OO_LessLess:
    case OO_Equal:
      return evalArguments(Call, Level);
    case OO_Call:
      return Callee ? applySummary(Call, Callee, Level) : Taint();
    default:
      return {};
    }
  }

  if (Callee && Unit.isSanitizer(Callee))
    return {};

  Taint T;
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const Expr *Object = Member ? Member->getImplicitObjectArgument() : nullptr;

  if (Member && Callee && Callee->getDeclName().isIdentifier()) {
    StringRef Name = Callee->getName();
    // e.what() of an exception.
    if (Name == "what" && Call->getNumArgs() == 0 &&
        Unit.isDetailedException(Member)) {
      std::string Spelled = spelling(Object);
      addOrigin(T, source(SourceKind::Message, Call,
                          (Spelled.empty() ? "" : Spelled + ".") + "what()"));
      return T;
    }
    // typeid(e).name().
    if (Name == "name" && Object)
      if (const auto *TypeId = dyn_cast<CXXTypeidExpr>(model::skipWrappers(Object))) {
        std::string Spelled =
            TypeId->isTypeOperand() ? "" : spelling(TypeId->getExprOperand());
        addOrigin(T, source(SourceKind::Message, Call,
                            "typeid(" + Spelled + ").name()"));
        return T;
      }
  }
  // boost::diagnostic_information(e) describes the exception.
  if (Callee && Unit.Options.ExceptionTextFunctions.matches(Callee)) {
    addOrigin(T, source(SourceKind::Message, Call, nameOf(Callee) + "()"));
    return T;
  }
  // A member of a stack trace (entry.description(), trace.to_string(), the
  // trace.begin() of a range-for loop) returns part of it: the trace the
  // object holds is the source.
  if (Callee && Object && Unit.isStackTraceType(Object->getType()))
    return eval(Object, Level);
  if (Callee && (Unit.Options.StackTraceFunctions.matches(Callee) ||
                 Unit.isStackTraceType(Call->getType()))) {
    addOrigin(T, source(SourceKind::StackTrace, Call, nameOf(Callee) + "()"));
    return T;
  }
  if (!Callee)
    return {};
  if (model::hasNameIn(Callee, Unit.Options.Propagators)) {
    T = evalArguments(Call, Level);
    if (Object) {
      Taint FromObject = eval(Object, Level);
      std::optional<std::string> Key =
          Callee->getName() == "at" && Call->getNumArgs() == 1
              ? literalText(Call->getArg(0))
              : std::nullopt;
      for (Origin &O : FromObject)
        if (!Key || O.Key.empty() || O.Key == *Key) {
          O.Key.clear();
          addOrigin(T, O);
        }
    }
    return T;
  }
  return applySummary(Call, Callee, Level);
}

/// The value a call to a function defined in this translation unit returns,
/// from its summary.
Taint FlowAnalysis::applySummary(const CallExpr *Call, const FunctionDecl *Callee,
                                 unsigned Level) {
  const FunctionSummary *CalleeSummary = Unit.summaryOf(Callee, Depth + 1);
  if (!CalleeSummary || CalleeSummary->Return.empty())
    return {};
  Taint T;
  for (const Origin &Returned : CalleeSummary->Return) {
    if (Returned.Kind != SourceKind::Param) {
      addOrigin(T, Returned);
      continue;
    }
    const Expr *Argument = argumentFor(Call, Returned.Param);
    if (!Argument)
      continue;
    std::string Passed = "it was passed to '" + nameOf(Callee) + "' as '" +
                         Returned.SourceName + "' here";
    for (Origin O : eval(Argument, Level)) {
      addHop(O, Argument->getBeginLoc(), Passed);
      for (const Hop &H : Returned.Hops)
        addHop(O, H.Loc, H.Text);
      if (Returned.ContainerLoc.isValid()) {
        if (O.ContainerLoc.isInvalid()) {
          O.ContainerLoc = Returned.ContainerLoc;
          O.ContainerName = Returned.ContainerName;
        }
        O.Key = Returned.Key;
      }
      addOrigin(T, O);
    }
  }
  return T;
}

//===--- Statements -------------------------------------------------------===//

void FlowAnalysis::visit(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return;
  // Walked as written when there is no CFG; otherwise a statement of a
  // block is handled where its block is.
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        handleVar(Var);
  } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
    visit(Range->getInit());
    visit(Range->getRangeInit());
    if (const VarDecl *Var = Range->getLoopVariable())
      merge(Var, withHop(eval(Range->getRangeInit()), Var->getLocation(),
                         "it flowed into the loop variable here"));
    visit(Range->getBody());
    return;
  } else if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
    handleReturn(Return);
  } else if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
    if (Binary->isAssignmentOp())
      handleStore(Binary->getLHS(), Binary->getRHS(), Binary->getLHS()->getBeginLoc(),
                  /*Replace=*/Binary->getOpcode() == BO_Assign);
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if ((Op->getOperator() == OO_Equal || Op->getOperator() == OO_PlusEqual) &&
        Op->getNumArgs() == 2)
      handleStore(Op->getArg(0), Op->getArg(1), Op->getArg(0)->getBeginLoc(),
                  /*Replace=*/Op->getOperator() == OO_Equal);
    else if (Op->getOperator() == OO_LessLess && Op->getNumArgs() == 2)
      handleStream(Op);
    else if (Op->getOperator() == OO_Comma && Op->getNumArgs() == 2)
      handleComma(Op);
    else if (Op->getOperator() == OO_Call)
      handleCall(Op);
  } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
    handleCall(Call);
    forgetConstantsPassedTo(Call);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    handleConstruct(Construct);
  } else if (const auto *List = dyn_cast<InitListExpr>(S)) {
    handleResponseList(List);
  }
  for (const Stmt *Child : S->children())
    if (!Elements.contains(Child))
      visit(Child);
}

/// Is \p E a constant text or value: a literal, or a string made from one?
static bool isConstantText(const Expr *E) {
  // Bounded by the depth of the expression.
  while (E) {
    E = model::skipWrappers(E);
    if (isa<StringLiteral, IntegerLiteral, CXXBoolLiteralExpr, CXXNullPtrLiteralExpr,
            CharacterLiteral, FloatingLiteral>(E))
      return true;
    // An empty string is no evidence: it is often filled later.
    if (const auto *List = dyn_cast<InitListExpr>(E)) {
      E = List->getNumInits() == 1 ? List->getInit(0) : nullptr;
      continue;
    }
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct)
      return false;
    unsigned Given = 0;
    const Expr *Only = nullptr;
    for (const Expr *Argument : Construct->arguments())
      if (!isa<CXXDefaultArgExpr>(Argument)) {
        ++Given;
        Only = Argument;
      }
    E = Given == 1 ? Only : nullptr;
  }
  return false;
}

void FlowAnalysis::noteConstantText(const ValueDecl *Var, const Expr *Value) {
  if (Value && isConstantText(Value))
    State.Cleared.insert(Var);
  else
    State.Cleared.erase(Var);
}

void FlowAnalysis::forgetConstantsPassedTo(const CallExpr *Call) {
  if (State.Cleared.empty())
    return;
  auto Forget = [&](const Expr *E) {
    if (const ValueDecl *Var = model::rootVariable(E))
      State.Cleared.erase(Var);
  };
  for (const Expr *Argument : Call->arguments())
    Forget(Argument);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    Forget(Member->getImplicitObjectArgument());
}

void FlowAnalysis::handleVar(const VarDecl *Var) {
  const Expr *Init = Var->getInit();
  // A declaration (again, in a loop) starts the variable anew.
  if (isOwnValue(Var))
    replace(Var, {});
  noteConstantText(Var, Init);
  if (!Init)
    return;
  // A prepared statement keeps the SQL's access.
  if (const auto *Call = dyn_cast_or_null<CallExpr>(model::skipWrappers(Init))) {
    model::StoreCall Store = Unit.vocabulary().classifyStoreCall(Call);
    if (Store.is(model::SA_Write))
      WriteStatements.insert(Var);
    if (Store.is(model::SA_Write) || Store.is(model::SA_Read))
      PreparedStatements.insert(Var);
  }
  Taint T = eval(Init);
  if (T.empty())
    return;
  // The hidden variables of a range-for loop (__begin1) are no step a
  // reader could follow.
  if (Var->getDeclName().isIdentifier() && !Var->getName().empty() && !Var->isImplicit())
    T = withHop(std::move(T), Var->getLocation(),
                "it flowed into '" + Var->getName().str() + "' here");
  merge(Var, T);
}

void FlowAnalysis::putInContainer(const Expr *Container, const Taint &T,
                                  SourceLocation At, std::optional<std::string> Key) {
  const ValueDecl *Root = model::rootVariable(Container);
  if (!Root || T.empty())
    return;
  bool KeyValue = isKeyValueContainer(Root->getType(), Unit.vocabulary(),
                                      Unit.Options.KeyValueClassWords);
  // Other objects only carry what goes into them when they are standard
  // strings, streams or containers; a setter of some class is not followed.
  if (!KeyValue) {
    const CXXRecordDecl *Class =
        Root->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (!Class || !Unit.Options.CarrierTypes.matches(Class))
      return;
  }
  Taint Stored = T;
  for (Origin &O : Stored) {
    if (KeyValue) {
      if (O.ContainerLoc.isInvalid()) {
        O.ContainerLoc = At;
        O.ContainerName = Root->getNameAsString();
      }
      O.Key = Key.value_or("");
    } else {
      addHop(O, At, "it flowed into '" + Root->getNameAsString() + "' here");
    }
  }
  merge(Root, Stored);
}

static const CXXMemberCallExpr *mutableMessageField(const Expr *Object);

void FlowAnalysis::handleStore(const Expr *Target, const Expr *Value,
                               SourceLocation At, bool Replace) {
  Taint T = eval(Value);
  // *reply->mutable_error_message() = tb
  if (const CXXMemberCallExpr *Field = mutableMessageField(Target)) {
    std::string Name = nameOf(Field->getMethodDecl());
    sink(std::move(T), {TSC_Responses, Value->getBeginLoc(), "the message field '" + Name + "'",
                        "values that are sent", "it was set in the message here"});
    return;
  }
  Target = model::skipWrappers(Target);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Target)) {
    if (Replace)
      noteConstantText(Ref->getDecl(), Value);
    std::string Hop = "it flowed into '" + Ref->getDecl()->getNameAsString() + "' here";
    if (Replace && isOwnValue(Ref->getDecl()))
      replace(Ref->getDecl(), withHop(std::move(T), At, Hop));
    else
      merge(Ref->getDecl(), withHop(std::move(T), At, Hop));
    return;
  }
  const auto *Member = dyn_cast<MemberExpr>(Target);
  const auto *Field = Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  const auto *Object =
      Member ? dyn_cast<DeclRefExpr>(model::skipWrappers(Member->getBase())) : nullptr;
  // info.detail = value: the member of a local object holds the value.
  if (Field && Object && !Member->isArrow() && isOwnValue(Object->getDecl()) &&
      !Unit.vocabulary().isRecord(dyn_cast<CXXRecordDecl>(Field->getParent())) &&
      !Unit.isResponseClass(dyn_cast<CXXRecordDecl>(Field->getParent()))) {
    Taint &Held = State.Members[{Object->getDecl(), Field}];
    Taint Stored = withHop(std::move(T), At,
                           "it flowed into '" + Object->getDecl()->getNameAsString() + "." +
                               Field->getNameAsString() + "' here");
    if (Replace)
      Held = std::move(Stored);
    else
      addAll(Held, Stored);
    return;
  }
  if (T.empty())
    return;
  if (Member) {
    const auto *Class = Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
    if (Class && Unit.vocabulary().isRecord(Class)) {
      sink(T, {TSC_Records, At, "record field '" + nameOf(Field) + "'", "", ""});
      return;
    }
    if (Class && Unit.isResponseClass(Class)) {
      sink(T, {TSC_Responses, At, "the response field '" + nameOf(Field) + "'", "", ""});
      return;
    }
    // A member of `this`: the other member functions of the class see it.
    if (Field && isa<CXXThisExpr>(model::skipWrappers(Member->getBase()))) {
      addAll(Unit.MemberTaint[Field],
             withHop(std::move(T), At,
                     "it was stored in '" + Field->getNameAsString() + "' here"));
      return;
    }
    // A field of a local object: the object now carries the value.
    if (const ValueDecl *Root = model::rootVariable(Member))
      merge(Root, withHop(std::move(T), At,
                          "it flowed into '" + Root->getNameAsString() + "' here"));
    return;
  }
  // res.body() = text: a reference into a response (Boost.Beast).
  if (const auto *Accessor = dyn_cast<CXXMemberCallExpr>(Target);
      Accessor && Accessor->getMethodDecl() &&
      Accessor->getMethodDecl()->getReturnType()->isLValueReferenceType() &&
      Unit.isResponseClass(Accessor->getRecordDecl())) {
    sink(T, {TSC_Responses, At,
             "the response '" + nameOf(Accessor->getMethodDecl()) + "'", "", ""});
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Target);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    putInContainer(Op->getArg(0), T, At, literalText(Op->getArg(1)));
}

void FlowAnalysis::handleStream(const CXXOperatorCallExpr *Op) {
  // Only the outermost `<<` of a chain does the work.
  if (InnerStreamLinks.count(Op))
    return;
  Taint T;
  const Expr *Root = Op;
  for (unsigned Level = 0; Level < MaxExprDepth; ++Level) {
    const auto *Link = dyn_cast<CXXOperatorCallExpr>(model::skipWrappers(Root));
    if (!Link || Link->getOperator() != OO_LessLess || Link->getNumArgs() != 2)
      break;
    if (Link != Op)
      InnerStreamLinks.insert(Link);
    addAll(T, eval(Link->getArg(1)));
    Root = Link->getArg(0);
  }
  if (T.empty())
    return;
  Root = model::skipWrappers(Root);
  SourceLocation At = Root->getBeginLoc();
  // std::cerr << ..., logger.stream() << ..., a std::ofstream log file.
  const NamedDecl *Stream = model::rootVariable(Root);
  const CXXRecordDecl *StreamClass = Root->getType()->getAsCXXRecordDecl();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Root))
    StreamClass = Call->getRecordDecl();
  // std::ostream &out = response.send(); out << ...: a reference to the
  // stream a response handed out is that response's stream.
  if (const auto *Var = dyn_cast_or_null<VarDecl>(Stream);
      Var && Var->getType()->isReferenceType() && Var->getInit())
    if (const auto *Handed =
            dyn_cast<CXXMemberCallExpr>(model::skipWrappers(Var->getInit()));
        Handed && Unit.isResponseClass(Handed->getRecordDecl()))
      StreamClass = Handed->getRecordDecl();
  bool IsLogFile = false;
  if (Stream && Stream->getDeclName().isIdentifier() &&
      model::nameContainsAny(Stream->getName(), Unit.Options.LogFileWords))
    IsLogFile = Unit.Options.LogFileTypes.matches(
        cast<ValueDecl>(Stream)->getType().getNonReferenceType()->getAsCXXRecordDecl());
  if ((Stream && Unit.Options.LogNames.matches(Stream)) || IsLogFile ||
      (StreamClass && Unit.Options.LogNames.matches(StreamClass))) {
    std::string Name = Stream ? Stream->getQualifiedNameAsString() : nameOf(StreamClass);
    sink(T, {TSC_Logs, At, "the log '" + Name + "'", "", ""});
    return;
  }
  if (StreamClass && Unit.isResponseClass(StreamClass)) {
    sink(T, {TSC_Responses, At, "the response '" + nameOf(StreamClass) + "'", "", ""});
    return;
  }
  if (Stream)
    merge(cast<ValueDecl>(Stream),
          withHop(std::move(T), At,
                  "it was written to '" + Stream->getNameAsString() + "' here"));
}

/// soci: `sql << "INSERT ...", use(traceback);`
void FlowAnalysis::handleComma(const CXXOperatorCallExpr *Op) {
  const Expr *Left = Op->getArg(0);
  for (unsigned Level = 0; Level < MaxExprDepth; ++Level) {
    const auto *Link = dyn_cast<CXXOperatorCallExpr>(model::skipWrappers(Left));
    if (!Link || Link->getNumArgs() != 2)
      return;
    if (Link->getOperator() == OO_LessLess) {
      std::optional<std::string> Sql = literalText(Link->getArg(1));
      if (!Sql || !(Unit.vocabulary().classifySql(*Sql) & model::SA_Write))
        return;
      sink(eval(Op->getArg(1)), {TSC_Records, Op->getArg(1)->getBeginLoc(),
                                 "the SQL statement '" + Sql->substr(0, 24) + "'",
                                 "values that are persisted",
                                 "the statement was run here"});
      return;
    }
    if (Link->getOperator() != OO_Comma)
      return;
    Left = Link->getArg(0);
  }
}

void FlowAnalysis::handleConstruct(const CXXConstructExpr *Construct) {
  const CXXRecordDecl *Class = Construct->getType()->getAsCXXRecordDecl();
  if (!Class || !Unit.isResponseClass(Class) || Construct->getNumArgs() == 0)
    return;
  // A copy of a response (`return response;`) was reported where it was
  // built.
  if (const CXXConstructorDecl *Constructor = Construct->getConstructor();
      Constructor && Constructor->isCopyOrMoveConstructor())
    return;
  for (const Expr *Argument : Construct->arguments())
    sink(eval(Argument), {TSC_Responses, Argument->getBeginLoc(),
                          "the response '" + nameOf(Class) + "'",
                          "values sent to the user", "it was sent to the user here",
                          Construct});
}

/// `return ApiResponse{500, e.what()};`: the members of a response
/// aggregate are shown to the user.
void FlowAnalysis::handleResponseList(const InitListExpr *List) {
  if (List->isSyntacticForm() && List->getSemanticForm())
    List = List->getSemanticForm();
  const CXXRecordDecl *Class = List->getType()->getAsCXXRecordDecl();
  if (!Class || !Unit.isResponseClass(Class))
    return;
  for (const Expr *Element : List->inits())
    sink(eval(Element), {TSC_Responses, Element->getBeginLoc(),
                         "the response '" + nameOf(Class) + "'",
                         "values sent to the user", "it was sent to the user here", List});
}

void FlowAnalysis::handleCall(const CallExpr *Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() != OO_Call)
    return;
  const FunctionDecl *Callee = calleeOf(Call);
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const model::ModelVocabulary &Vocabulary = Unit.vocabulary();

  // backtrace(buffer, size) fills its buffer with the stack.
  if (Callee && Unit.Options.StackTraceFunctions.matches(Callee) && Call->getNumArgs() > 0) {
    Taint T;
    addOrigin(T, source(SourceKind::StackTrace, Call, nameOf(Callee) + "()"));
    merge(model::rootVariable(Call->getArg(0)), T);
    return;
  }

  // A store write or insert: every argument is persisted.
  model::StoreCall Store = Vocabulary.classifyStoreCall(Call);
  // sqlite3_prepare_v2(db, "SELECT ...", -1, &stmt, nullptr): a statement
  // whose SQL is seen here.
  if (Store.is(model::SA_Read) || Store.is(model::SA_Write))
    for (const Expr *Argument : Call->arguments())
      if (const auto *AddressOf = dyn_cast<UnaryOperator>(model::skipWrappers(Argument));
          AddressOf && AddressOf->getOpcode() == UO_AddrOf)
        if (const ValueDecl *Statement = model::rootVariable(AddressOf->getSubExpr()))
          PreparedStatements.insert(Statement);
  if (Store.is(model::SA_Write)) {
    std::string Name = Callee ? nameOf(Callee) : std::string("SQL");
    for (const Expr *Argument : Call->arguments()) {
      // sqlite3_prepare_v2(db, "INSERT ...", -1, &stmt, nullptr)
      if (const auto *AddressOf = dyn_cast<UnaryOperator>(model::skipWrappers(Argument));
          AddressOf && AddressOf->getOpcode() == UO_AddrOf)
        if (const ValueDecl *Statement = model::rootVariable(AddressOf->getSubExpr()))
          WriteStatements.insert(Statement);
      sink(eval(Argument),
           {TSC_Records, Argument->getBeginLoc(), "the store write '" + Name + "'",
            "values that are persisted",
            "it was written to the store by '" + Name + "' here", Call});
    }
    return;
  }
  if (!Callee)
    return;

  // sqlite3_bind_text(stmt, 1, traceback, ...) as a library profile knows
  // it: a store write on an INSERT or UPDATE, and on a statement whose SQL
  // is not seen here (a member, a parameter), which is bound to be run; a
  // query's parameters are not persisted. Other binds are known by name.
  model::BoundSql Bound = Unit.vocabulary().boundSqlOf(Call);
  if (Bound == model::BoundSql::Writes || Bound == model::BoundSql::Unseen)
    sinkArguments(Call, {TSC_Records, {},
                         "the SQL parameter bound by '" + nameOf(Callee) + "'",
                         "values that are persisted", "it was bound to the statement here"});
  if (Bound != model::BoundSql::NotABind)
    return;
  if (Callee->getDeclName().isIdentifier() &&
      model::nameContainsAny(Callee->getName(), Unit.Options.BindWords)) {
    const ValueDecl *Statement = nullptr;
    if (Member)
      Statement = model::rootVariable(Member->getImplicitObjectArgument());
    else if (Call->getNumArgs() > 0)
      Statement = model::rootVariable(Call->getArg(0));
    // A statement prepared elsewhere (a member, a parameter) is bound to
    // be run: binding into it is a store write, unless its SQL is seen
    // here and only reads.
    bool PreparedElsewhere = Statement && !PreparedStatements.contains(Statement) &&
                             isStatementType(Statement->getType());
    if (Statement && (WriteStatements.contains(Statement) || PreparedElsewhere)) {
      sinkArguments(Call, {TSC_Records, {},
                           "the SQL parameter bound by '" + nameOf(Callee) + "'",
                           "values that are persisted", "it was bound to the statement here"});
      return;
    }
  }

  // run.setTraceback(tb) on a record, status.set_error_detail(tb) on a
  // protobuf message.
  if (handleSetter(Call, Callee))
    return;

  // Responses: members of a Response type, functions that build one,
  // functions named by ResponseFunctions and functions whose name says they
  // build or send one (a handler's failureResponse(text)).
  const CXXRecordDecl *ObjectClass = Member ? Member->getRecordDecl() : nullptr;
  if ((ObjectClass && Unit.isResponseClass(ObjectClass)) ||
      Unit.Options.ResponseFunctions.matches(Callee) ||
      (Callee->getDeclName().isIdentifier() &&
       Unit.Options.ResponseBuilders.matchesName(Callee->getName())) ||
      Unit.vocabulary().isProfiledResponseFunction(Callee) ||
      returnsResponse(Call->getType())) {
    std::string Name = nameOf(Callee);
    // `server_error(e.what())`: a lambda is named by the variable that holds it.
    const Expr *Called = isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0
                             ? Call->getArg(0)
                             : Call->getCallee();
    if (const auto *Held = dyn_cast<DeclRefExpr>(Called->IgnoreParenImpCasts());
        Held && isa<VarDecl>(Held->getDecl()) && Name == "lambda")
      Name = Held->getDecl()->getNameAsString();
    sinkArguments(Call, {TSC_Responses, {}, "the response '" + Name + "'",
                         "values sent to the user",
                         "it was sent to the user by '" + Name + "' here"});
    return;
  }

  // Logs: functions and logger classes named by LogNames.
  if (Unit.Options.LogNames.matches(Callee) ||
      (ObjectClass && Unit.Options.LogNames.matches(ObjectClass))) {
    sinkArguments(Call, {TSC_Logs, {}, "the log '" + nameOf(Callee) + "'",
                         "values that are logged",
                         "it was logged by '" + nameOf(Callee) + "' here"});
    return;
  }

  // values.insert({"traceback", tb}), message.append(tb)
  if (Member && model::hasNameIn(Callee, Unit.Options.Mutators)) {
    Taint T;
    for (const Expr *Argument : Call->arguments())
      addAll(T, eval(Argument));
    std::optional<std::string> Key;
    if (Call->getNumArgs() == 2)
      Key = literalText(Call->getArg(0));
    putInContainer(Member->getImplicitObjectArgument(), T, Call->getBeginLoc(), Key);
    return;
  }

  // snprintf(buffer, size, "%s", traceback) writes into its buffer.
  if (!Callee->hasBody())
    writeOutputArguments(Call, Callee);

  // A function defined here whose parameters reach a sink.
  if (model::hasNameIn(Callee, Unit.Options.Propagators))
    return;
  const FunctionSummary *CalleeSummary =
      Unit.summaryOf(Callee, Depth + 1);
  if (!CalleeSummary || CalleeSummary->Sinks.empty())
    return;
  for (const ParamSink &Reached : CalleeSummary->Sinks) {
    const Expr *Argument = argumentFor(Call, Reached.Path.Param);
    if (!Argument)
      continue;
    std::string Passed = "it was passed to '" + nameOf(Callee) + "' as '" +
                         Reached.Path.SourceName + "' here";
    for (Origin O : eval(Argument)) {
      addHop(O, Argument->getBeginLoc(), Passed);
      for (const Hop &H : Reached.Path.Hops)
        addHop(O, H.Loc, H.Text);
      if (O.ContainerLoc.isInvalid()) {
        O.ContainerLoc = Reached.Path.ContainerLoc;
        O.ContainerName = Reached.Path.ContainerName;
      }
      Unit.emit(&Summary, O, Reached.Event);
    }
  }
}

void FlowAnalysis::handleReturn(const ReturnStmt *Return) {
  Taint T = eval(Return->getRetValue());
  if (T.empty())
    return;
  std::string Returned = "it was returned from '" + nameOf(Function) + "' here";
  for (const Origin &O : T) {
    Origin Copy = O;
    addHop(Copy, Return->getBeginLoc(), Returned);
    addOrigin(Summary.Return, Copy);
  }
  // A store-layer container is returned to be persisted.
  if (Unit.vocabulary().isStoreValueType(Function->getReturnType()))
    sink(T, {TSC_Records, Return->getRetValue()->getBeginLoc(),
             "the returned store-layer value", "values that are persisted",
             "'%0' was returned here, as a value of the store layer"});
}

//===--- Sinks ------------------------------------------------------------===//

void FlowAnalysis::sink(const Taint &T, const SinkEvent &Event) {
  for (const Origin &O : T)
    Unit.emit(&Summary, O, Event);
}

void FlowAnalysis::sinkArguments(const CallExpr *Call, const SinkEvent &Template) {
  // Every argument is a sink; emit reports the call once, at the first
  // argument whose source is reported.
  for (const Expr *Argument : Call->arguments()) {
    Taint T = eval(Argument);
    if (T.empty())
      continue;
    SinkEvent Event = Template;
    Event.Loc = Argument->getBeginLoc();
    Event.Statement = Call;
    sink(T, Event);
  }
}

void FlowAnalysis::writeOutputArguments(const CallExpr *Call, const FunctionDecl *Callee) {
  // The arguments a function without a body here may write into: a buffer
  // of characters or a string or stream it takes by non-const reference.
  auto IsOutput = [&](unsigned Index) {
    if (Index >= Callee->getNumParams())
      return false;
    QualType Type = Callee->getParamDecl(Index)->getType();
    if (const auto *Pointer = Type->getAs<PointerType>())
      return Pointer->getPointeeType()->isAnyCharacterType() &&
             !Pointer->getPointeeType().isConstQualified();
    if (!Type->isLValueReferenceType() || Type.getNonReferenceType().isConstQualified())
      return false;
    const CXXRecordDecl *Class = Type.getNonReferenceType()->getAsCXXRecordDecl();
    return Class && (Unit.Options.CarrierTypes.matches(Class) ||
                     Class->getName().contains("ostream"));
  };
  unsigned Offset = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
  Taint Written;
  llvm::SmallVector<const Expr *, 2> Outputs;
  for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
    if (IsOutput(I - Offset))
      Outputs.push_back(Call->getArg(I));
    else
      addAll(Written, eval(Call->getArg(I)));
  }
  if (Written.empty())
    return;
  for (const Expr *Output : Outputs)
    if (const ValueDecl *Root = model::rootVariable(Output))
      merge(Root, withHop(Written, Output->getBeginLoc(),
                          "it was written into '" + Root->getNameAsString() + "' here"));
}

/// Is \p Name a setter's name (`setTraceback`, `set_error_detail`)?
static bool isSetterName(StringRef Name) {
  if (!Name.starts_with_insensitive("set") || Name.size() < 4)
    return false;
  return Name[3] == '_' || isUppercase(Name[3]);
}

/// Is \p Class a protobuf message (it derives from Message or MessageLite)?
static bool isProtobufMessage(const CXXRecordDecl *Class) {
  Class = Class ? Class->getDefinition() : nullptr;
  if (!Class)
    return false;
  auto IsMessageBase = [](const CXXRecordDecl *Base) {
    std::string Name = Base->getQualifiedNameAsString();
    return Name == "google::protobuf::Message" || Name == "google::protobuf::MessageLite";
  };
  if (IsMessageBase(Class))
    return true;
  return !Class->forallBases([&](const CXXRecordDecl *Base) { return !IsMessageBase(Base); });
}

/// The `mutable_x()` call that \p Object (the object a call or an
/// assignment writes) goes through, when it is a protobuf message's field
/// accessor: `reply->mutable_error_message()` in
/// `reply->mutable_error_message()->assign(tb)` and
/// `*reply->mutable_error_message() = tb`; null otherwise.
static const CXXMemberCallExpr *mutableMessageField(const Expr *Object) {
  if (!Object)
    return nullptr;
  Object = model::skipWrappers(Object);
  if (const auto *Deref = dyn_cast<UnaryOperator>(Object);
      Deref && Deref->getOpcode() == UO_Deref)
    Object = model::skipWrappers(Deref->getSubExpr());
  const auto *Accessor = dyn_cast<CXXMemberCallExpr>(Object);
  const CXXMethodDecl *Method = Accessor ? Accessor->getMethodDecl() : nullptr;
  if (!Method || !Method->getDeclName().isIdentifier() ||
      !Method->getName().starts_with("mutable_") ||
      !isProtobufMessage(Accessor->getRecordDecl()))
    return nullptr;
  return Accessor;
}

bool FlowAnalysis::handleSetter(const CallExpr *Call, const FunctionDecl *Callee) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  // reply->mutable_error_message()->assign(tb): the field is set through the
  // pointer its accessor returns.
  if (const CXXMemberCallExpr *Field =
          Member && model::hasNameIn(Callee, Unit.Options.Mutators)
              ? mutableMessageField(Member->getImplicitObjectArgument())
              : nullptr) {
    std::string Name = nameOf(Field->getMethodDecl());
    sinkArguments(Call, {TSC_Responses, {}, "the message field '" + Name + "'",
                         "values that are sent", "it was set in the message here"});
    return true;
  }
  if (!Member || !Callee->getDeclName().isIdentifier() || !isSetterName(Callee->getName()))
    return false;
  const CXXRecordDecl *Class = Member->getRecordDecl();
  if (Class && Unit.vocabulary().isRecord(Class)) {
    sinkArguments(Call, {TSC_Records, {}, "the record setter '" + nameOf(Callee) + "'",
                         "values that are persisted",
                         "it was stored in the record by '" + nameOf(Callee) + "' here"});
    return true;
  }
  // A protobuf message is built to leave the process: sent or stored.
  if (isProtobufMessage(Class)) {
    sinkArguments(Call, {TSC_Responses, {},
                         "the message field setter '" + nameOf(Callee) + "'",
                         "values that are sent", "it was set in the message here"});
    return true;
  }
  return false;
}

void TracebackFlow::Unit::emit(FunctionSummary *Summary, const Origin &O,
                               const SinkEvent &Event) {
  if (O.Kind == SourceKind::Param) {
    if (!Summary)
      return;
    for (const ParamSink &Existing : Summary->Sinks)
      if (Existing.Path.Param == O.Param && Existing.Event.Loc == Event.Loc)
        return;
    if (Summary->Sinks.size() < MaxParamSinks)
      Summary->Sinks.push_back({O, Event});
    return;
  }
  unsigned Mask = O.Kind == SourceKind::StackTrace ? Options.StackTraceSinks
                                                   : Options.MessageSinks;
  if (!(Mask & Event.Class))
    return;
  bool InContainer = O.ContainerLoc.isValid() && !Event.ContainerDescription.empty();
  SourceLocation At = InContainer ? O.ContainerLoc : Event.Loc;
  if (At.isInvalid())
    return;
  // One report per sink statement, or per container element.
  if (!InContainer && Event.Statement ? !ReportedStatements.insert(Event.Statement).second
                                      : !Reported.insert(At.getRawEncoding()).second)
    return;
  TracebackLeak Leak;
  Leak.Kind = O.Kind == SourceKind::StackTrace ? TracebackSourceKind::StackTrace
                                               : TracebackSourceKind::Message;
  Leak.SourceName = O.SourceName;
  Leak.SourceLoc = O.SourceLoc;
  for (const Hop &H : O.Hops)
    Leak.Hops.push_back({H.Loc, H.Text});
  Leak.At = At;
  Leak.Into = InContainer ? "'" + O.ContainerName + "', " + Event.ContainerDescription
                          : Event.Description;
  if (InContainer && !Event.FinalNote.empty()) {
    std::string Final = Event.FinalNote;
    size_t Placeholder = Final.find("%0");
    if (Placeholder != std::string::npos)
      Final.replace(Placeholder, 2, O.ContainerName);
    Leak.Sink = TracebackStep{Event.Loc, std::move(Final)};
  }
  Leaks.push_back(std::move(Leak));
}

//===--- The translation unit ---------------------------------------------===//

bool FlowAnalysis::run() {
  FlowState Entry;
  for (unsigned I = 0; I < Function->getNumParams(); ++I) {
    const ParmVarDecl *Param = Function->getParamDecl(I);
    Origin O;
    O.Kind = SourceKind::Param;
    O.Param = I;
    O.SourceLoc = Param->getLocation();
    O.SourceName = Param->getNameAsString();
    Entry.Vars[Param].push_back(O);
  }
  // A constructor's member initialisers store into members of this
  // (`error_(e.what())`) before its body runs.
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Function)) {
    State = Entry;
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (Init->isWritten() && Init->getMember())
        if (Taint T = eval(Init->getInit()); !T.empty())
          addAll(Unit.MemberTaint[Init->getMember()],
                 withHop(std::move(T), Init->getSourceLocation(),
                         "it was stored in '" + Init->getMember()->getNameAsString() +
                             "' here"));
  }
  Stmt *Body = Function->getBody();
  CFG::BuildOptions BuildOptions;
  // Calls that may throw get an edge to their handlers: a catch block
  // sees what any throwing point held.
  BuildOptions.AddEHEdges = true;
  std::unique_ptr<CFG> Graph = CFG::buildCFG(Function, Body, &Context, BuildOptions);
  if (!Graph) {
    // No CFG: a walk as written, twice for the flows a loop carries back.
    State = std::move(Entry);
    visit(Body);
    visit(Body);
    return true;
  }
  for (const CFGBlock *Block : *Graph)
    for (const CFGElement &Element : *Block)
      if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>()) {
        Elements.insert(S->getStmt());
        // The inner links of a `<<` chain come first in the CFG; the
        // outermost one handles the whole chain.
        const auto *Link = dyn_cast<CXXOperatorCallExpr>(S->getStmt());
        for (unsigned Level = 0; Link && Link->getOperator() == OO_LessLess &&
                                 Link->getNumArgs() == 2 && Level < MaxExprDepth;
             ++Level) {
          Link = dyn_cast<CXXOperatorCallExpr>(model::skipWrappers(Link->getArg(0)));
          if (Link)
            InnerStreamLinks.insert(Link);
        }
      }

  // A forward may-analysis: a variable holds what any path brings to it.
  std::vector<std::optional<FlowState>> Out(Graph->getNumBlockIDs());
  PostOrderCFGView Order(Graph.get());
  ForwardDataflowWorklist Worklist(*Graph, &Order);
  Worklist.enqueueBlock(&Graph->getEntry());
  uint64_t Steps = 0;
  // Terminates: the states only grow, each origin set is bounded, and the
  // budget bounds the work. The CFG gives a handler an edge only from calls
  // that may throw, not from constructors (`Catcher guard([&] { ... });`):
  // a handler no path reached is then analysed from an empty state, once.
  for (;;) {
    while (const CFGBlock *Block = Worklist.dequeue()) {
      Steps += 1 + Block->size();
      if (Steps > Unit.Options.Budget)
        return false;
      if (Block == &Graph->getEntry()) {
        State = Entry;
      } else {
        State = FlowState();
        bool First = true;
        for (const CFGBlock::AdjacentBlock &Pred : Block->preds())
          if (const CFGBlock *From = Pred.getReachableBlock();
              From && Out[From->getBlockID()]) {
            State.join(*Out[From->getBlockID()], First);
            First = false;
          }
      }
      for (const CFGElement &Element : *Block)
        if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
          visit(S->getStmt());
      std::optional<FlowState> &Previous = Out[Block->getBlockID()];
      if (Previous && *Previous == State)
        continue;
      Previous = std::move(State);
      Worklist.enqueueSuccessors(Block);
    }
    bool Unreached = false;
    for (const CFGBlock *Block : *Graph)
      if (Block && isa_and_nonnull<CXXCatchStmt>(Block->getLabel()) &&
          !Out[Block->getBlockID()]) {
        Worklist.enqueueBlock(Block);
        Unreached = true;
      }
    if (!Unreached)
      return true;
  }
}

FlowAnalysis::FlowAnalysis(TracebackFlow::Unit &Unit, const FunctionDecl *Function,
                           unsigned Depth, FunctionSummary &Summary)
    : Unit(Unit), Context(Unit.Context), Function(Function), Depth(Depth),
      Summary(Summary) {}

TracebackFlow::TracebackFlow(const TracebackFlowOptions &Options, ASTContext &Context)
    : State(std::make_unique<Unit>(Options, Context)) {}

TracebackFlow::~TracebackFlow() = default;

ASTContext &TracebackFlow::context() const { return State->Context; }

void TracebackFlow::Unit::prepareClass(const CXXRecordDecl *Class) {
  if (!Class || !PreparedClasses.insert(Class).second)
    return;
  for (const CXXMethodDecl *Method : Class->methods())
    if (const FunctionDecl *Definition = definitionWithSource(Method))
      summaryOf(Definition, 0);
}

const FunctionDecl *TracebackFlow::Unit::definitionWithSource(const FunctionDecl *Function) {
  const FunctionDecl *Definition = nullptr;
  if (!Function || !Function->hasBody(Definition) || !Definition ||
      Context.getSourceManager().isInSystemHeader(Definition->getLocation()))
    return nullptr;
  if (auto It = HoldsSource.find(Definition); It != HoldsSource.end())
    return It->second ? Definition : nullptr;
  bool Found = hasSource(Definition->getBody());
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Constructor->inits())
      Found = Found || (Init->isWritten() && hasSource(Init->getInit()));
  HoldsSource[Definition] = Found;
  return Found ? Definition : nullptr;
}

bool TracebackFlow::Unit::readsTaintedMember(const Stmt *S) const {
  if (!S || MemberTaint.empty())
    return false;
  llvm::SmallVector<const Stmt *, 32> Stack{S};
  // Each statement is visited once.
  while (!Stack.empty()) {
    const Stmt *Current = Stack.pop_back_val();
    if (!Current)
      continue;
    if (const auto *Member = dyn_cast<MemberExpr>(Current))
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
          Field && MemberTaint.count(Field) &&
          isa<CXXThisExpr>(model::skipWrappers(Member->getBase())))
        return true;
    for (const Stmt *Child : Current->children())
      Stack.push_back(Child);
  }
  return false;
}

bool TracebackFlow::Unit::callsSourceFunction(const Stmt *S) {
  llvm::SmallVector<const Stmt *, 32> Stack{S};
  // Each statement is visited once; each callee's body is scanned once.
  while (!Stack.empty()) {
    const Stmt *Current = Stack.pop_back_val();
    if (!Current || isa<LambdaExpr>(Current))
      continue;
    // A call, or a construction (`ApiError error(e);` whose constructor
    // reads e.what()).
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Current);
        Construct && definitionWithSource(Construct->getConstructor()))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(Current);
        Call && definitionWithSource(calleeOf(Call)))
      return true;
    for (const Stmt *Child : Current->children())
      Stack.push_back(Child);
  }
  return false;
}

std::vector<TracebackLeak> TracebackFlow::analyse(const FunctionDecl *Function) {
  if (!Function || !Function->hasBody() || Function->isInvalidDecl() ||
      Function->isDefaulted() || State->Summaries.count(Function))
    return {};
  // Member functions that store a trace in a member come first.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    State->prepareClass(Method->getParent());
  if (State->Summaries.count(Function) ||
      (!State->hasSource(Function->getBody()) &&
       !State->readsTaintedMember(Function->getBody()) &&
       !State->callsSourceFunction(Function->getBody())))
    return std::exchange(State->Leaks, {});
  State->summaryOf(Function, 0);
  return std::exchange(State->Leaks, {});
}

unsigned TracebackFlow::skippedFunctions() const { return State->SkippedFunctions; }

unsigned parseTracebackSinks(StringRef Value, std::vector<std::string> &Unknown) {
  unsigned Mask = 0;
  for (const std::string &Item : model::parseList(Value)) {
    StringRef Name = Item;
    if (Name.equals_insensitive("records"))
      Mask |= TSC_Records;
    else if (Name.equals_insensitive("responses"))
      Mask |= TSC_Responses;
    else if (Name.equals_insensitive("logs"))
      Mask |= TSC_Logs;
    else
      Unknown.push_back(Item);
  }
  return Mask;
}

} // namespace clang::tidy::modelguard::analysis
