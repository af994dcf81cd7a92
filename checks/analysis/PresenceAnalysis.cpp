//===--- PresenceAnalysis.cpp - modelguard ---------------------------------===//

#include "PresenceAnalysis.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/BitVector.h"
#include <map>

namespace clang::tidy::modelguard::analysis {

namespace {

bool contains(llvm::ArrayRef<std::string> List, StringRef Name) {
  return llvm::is_contained(List, Name);
}

/// The object and the name of a member function call, written `Obj.f(...)`,
/// `Obj->f(...)` or, in a template, on a dependent object.
struct MemberCall {
  const Expr *Object = nullptr;
  StringRef Name;
  const CXXMethodDecl *Method = nullptr;
};

std::optional<MemberCall> memberCallOf(const Expr *E) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->getDeclName().isIdentifier())
      return std::nullopt;
    return MemberCall{Call->getImplicitObjectArgument(), Method->getName(), Method};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const auto *Callee =
            dyn_cast_or_null<CXXDependentScopeMemberExpr>(Call->getCallee()))
      if (!Callee->isImplicitAccess() && Callee->getMember().isIdentifier())
        return MemberCall{Callee->getBase(), Callee->getMember().getAsIdentifierInfo()
                                                 ->getName(),
                          nullptr};
  return std::nullopt;
}

/// The value stored by an assignment `a = b` (built-in or overloaded).
const Expr *assignedValue(const Stmt *S) {
  if (const auto *Binary = dyn_cast<BinaryOperator>(S))
    return Binary->getOpcode() == BO_Assign ? Binary->getRHS() : nullptr;
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S))
    if (Operator->getOperator() == OO_Equal && Operator->getNumArgs() == 2)
      return Operator->getArg(1);
  return nullptr;
}

/// The expression returned by \p Method when its body is a single
/// `return`, or null.
const Expr *soleReturnValue(const CXXMethodDecl *Method) {
  const FunctionDecl *Definition = nullptr;
  if (!Method || !Method->hasBody(Definition) || !Definition)
    return nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  if (!Body || Body->size() != 1)
    return nullptr;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  return Return ? Return->getRetValue() : nullptr;
}

/// The member a getter returns (`return badge_;`), or null.
const FieldDecl *returnedField(const CXXMethodDecl *Getter) {
  const Expr *Value = soleReturnValue(Getter);
  if (!Value)
    return nullptr;
  const auto *Member = dyn_cast<MemberExpr>(
      model::skipWrappers(Value, model::WrapperRule::SameValue)->IgnoreParenImpCasts());
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(Member->getMemberDecl());
}

/// Is \p E a call that makes an optional holding a value
/// (`std::make_optional(v)`, `boost::make_optional(v)`), or the
/// construction of a nullable wrapper from a value?
bool makesPresentValue(const Expr *E, const PresenceOptions &Options) {
  E = model::skipWrappers(E, model::WrapperRule::SameValue);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->getDeclName().isIdentifier() &&
        Callee->getName() == "make_optional")
      // boost::make_optional(condition, value) may be empty.
      return Call->getNumArgs() >= 1 &&
             !(Call->getNumArgs() == 2 && Call->getArg(0)->getType()->isBooleanType());
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1 && !Construct->getConstructor()->isCopyOrMoveConstructor())
      if (const CXXRecordDecl *Tag = Construct->getArg(0)->getType()->getAsCXXRecordDecl())
        // std::optional<T>(std::in_place, args...)
        return Tag->getIdentifier() && Tag->getName() == "in_place_t";
  return false;
}

/// The work of one function: tracked paths, the effects of each CFG
/// element on them, and the dataflow.
class PresenceAnalysis {
public:
  PresenceAnalysis(ASTContext &Context, PresenceOptions &Options,
                   LambdaEntryStates &Lambdas)
      : Context(Context), Options(Options), Lambdas(Lambdas) {}

  PresenceResult run(const Decl *Function, const Stmt *Body,
                     llvm::ArrayRef<model::AccessPath> EntryPresent);

private:
  enum class EffectKind { Check, Gen, Kill, Copy, Lambda };
  struct Effect {
    EffectKind Kind;
    /// A path, or an implication bit (Gen and Kill only).
    unsigned Path = 0;
    /// Check: index into Accesses; Copy: the source path.
    unsigned Other = 0;
    const LambdaExpr *Lambda = nullptr;
    /// Kill: the reset, for the note of a later read (null when the path
    /// starts anew rather than being reset, as for a declaration).
    const Stmt *At = nullptr;
  };
  /// "Var is WhenTrue => Path is present", for a test kept in a bool.
  struct Implication {
    const VarDecl *Var;
    unsigned Path;
    bool WhenTrue;
  };
  struct BlockInfo {
    std::vector<Effect> Effects;
    /// Paths known present on the true / false edge of a two-way branch.
    llvm::SmallVector<unsigned, 2> OnTrue, OnFalse;
    /// The block makes an object whose destructor does not return (glog's
    /// CHECK(x) fails through `LogMessageFatal(...).stream() << ...`): no
    /// path goes on from it, whatever the CFG's edges say.
    bool EndsPath = false;
  };

  void collect(const Stmt *Body);
  void collectImplications(const Stmt *Body);
  void addImplications(const VarDecl *Var, const Expr *Value);
  void classifyStoredTest(const VarDecl *Var, const Expr *Value,
                          std::vector<Effect> &Out) const;
  std::optional<model::AccessPath> pathOf(const Expr *E) const;
  unsigned numBits() const { return Paths.size() + Implications.size(); }
  const Stmt *findReset(const CFGBlock *Block, unsigned Access) const;
  std::optional<NullableAccess> recogniseAccess(const Stmt *S,
                                                model::AccessPath &Path);
  std::optional<unsigned> trackedIndex(const Expr *E) const;
  std::optional<unsigned> indexOf(const model::AccessPath &Path) const;
  void killExtending(const model::AccessPath &Prefix, bool Strictly,
                     std::vector<Effect> &Out, const Stmt *At) const;
  void classify(const Stmt *S, std::vector<Effect> &Out) const;
  void classifyAssignment(const Expr *Target, const Expr *Value,
                          std::vector<Effect> &Out) const;
  void classifyInitialisedMembers(const model::AccessPath &Object, const Expr *Init,
                                  std::vector<Effect> &Out) const;
  bool holdsValue(const Expr *Value, bool PointerContext) const;
  void classifyCondition(const Expr *E, llvm::SmallVectorImpl<unsigned> &OnTrue,
                         llvm::SmallVectorImpl<unsigned> &OnFalse,
                         unsigned Depth) const;
  bool isNullValue(const Expr *E, bool PointerContext) const;
  void analyseCondition(const CFGBlock &Block, BlockInfo &Info) const;
  void apply(const BlockInfo &Info, llvm::BitVector &State, bool Final,
             PresenceResult &Result, const CFGBlock *Block = nullptr);
  llvm::BitVector entryOf(const CFGBlock &Block,
                          const std::vector<llvm::BitVector> &Out,
                          const std::vector<bool> &Done) const;

  ASTContext &Context;
  PresenceOptions &Options;
  LambdaEntryStates &Lambdas;

  std::vector<model::AccessPath> Paths;
  /// [root, field, field...] -> index into Paths.
  std::map<std::vector<const void *>, unsigned> PathIndex;
  std::vector<NullableAccess> Accesses;
  llvm::DenseMap<const Stmt *, std::pair<unsigned, unsigned>> AccessOf;
  std::vector<Implication> Implications;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<unsigned, 2>> ImplicationsOfVar;
  /// Implication bits by path (filled when the paths are final).
  std::vector<llvm::SmallVector<unsigned, 1>> ImplicationsOfPath;
  /// While classifying the body of a const member function called in the
  /// analysed function: the path of the object it was called on, which
  /// replaces `this`.
  mutable const model::AccessPath *ThisObject = nullptr;
  std::vector<BlockInfo> Blocks;
  /// The block of each reported read, for finding its reset.
  std::vector<const CFGBlock *> BlockOfReport;
  llvm::BitVector Reported;
};

/// `quota` in `const auto &quota = account.quota; use(*quota);`: a local
/// reference bound to a member is that member. Returns the member
/// expression it was bound to, or \p E itself.
static const Expr *throughLocalReference(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl() || !Var->getType()->isReferenceType() ||
      !Var->getInit())
    return E;
  const Expr *Bound = model::skipWrappers(Var->getInit(), model::WrapperRule::SameValue);
  const auto *Member = dyn_cast<MemberExpr>(Bound->IgnoreParenImpCasts());
  return Member && isa<FieldDecl>(Member->getMemberDecl()) ? Member : E;
}

/// The path \p E names. A smart pointer or wrapper it goes through is the
/// object it points to (`user->email`, `shipment.address->postcode`: the
/// wrapper's own read is checked apart), and a local reference bound to a
/// member is that member.
static std::optional<model::AccessPath>
fieldPath(const Expr *E, model::GetterCalls Getters = model::GetterCalls::Stop) {
  return model::accessPathOf(throughLocalReference(E), model::OverloadedDeref::LookThrough,
                             Getters);
}

std::vector<const void *> keyOf(const model::AccessPath &Path) {
  std::vector<const void *> Key{Path.Root};
  Key.insert(Key.end(), Path.Fields.begin(), Path.Fields.end());
  if (Path.Getter)
    Key.push_back(Path.Getter);
  return Key;
}

/// The path \p E names, following a getter at its end; a getter that
/// returns a member of its object is that member.
std::optional<model::AccessPath> PresenceAnalysis::pathOf(const Expr *E) const {
  std::optional<model::AccessPath> Path = fieldPath(E, model::GetterCalls::Follow);
  if (!Path)
    return std::nullopt;
  if (Path->Getter)
    if (const FieldDecl *Field = returnedField(Path->Getter)) {
      Path->Getter = nullptr;
      Path->Fields.push_back(Field);
    }
  if (ThisObject && !Path->Root) {
    model::AccessPath Rebased = *ThisObject;
    Rebased.Fields.append(Path->Fields.begin(), Path->Fields.end());
    Rebased.Getter = Path->Getter;
    return Rebased;
  }
  return Path;
}

std::optional<unsigned> PresenceAnalysis::indexOf(const model::AccessPath &Path) const {
  auto It = PathIndex.find(keyOf(Path));
  if (It == PathIndex.end())
    return std::nullopt;
  return It->second;
}

std::optional<unsigned> PresenceAnalysis::trackedIndex(const Expr *E) const {
  if (!E)
    return std::nullopt;
  std::optional<model::AccessPath> Path = pathOf(E);
  if (!Path || (Path->Fields.empty() && !Path->Getter))
    return std::nullopt;
  return indexOf(*Path);
}

std::optional<NullableAccess>
PresenceAnalysis::recogniseAccess(const Stmt *S, model::AccessPath &Path) {
  NullableAccess Access;
  const Expr *Object = nullptr;
  // Which forms of the member make this expression a read through it.
  bool ForWrapper = false, ForPointer = false, DependentOnly = false;
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
    // *m and m->x on a wrapper.
    OverloadedOperatorKind Kind = Operator->getOperator();
    if ((Kind != OO_Star && Kind != OO_Arrow) || Operator->getNumArgs() != 1)
      return std::nullopt;
    Object = Operator->getArg(0);
    ForWrapper = true;
    Access.Kind = Kind == OO_Star ? AccessKind::Dereference : AccessKind::Arrow;
  } else if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
    // *p on a pointer, or *m on a wrapper of a dependent type.
    if (Unary->getOpcode() != UO_Deref)
      return std::nullopt;
    Object = Unary->getSubExpr();
    ForPointer = true;
    ForWrapper = DependentOnly = Object->isTypeDependent();
  } else if (const auto *Member = dyn_cast<MemberExpr>(S)) {
    // p->x on a pointer.
    if (!Member->isArrow())
      return std::nullopt;
    Object = Member->getBase();
    ForPointer = true;
    Access.Kind = AccessKind::Arrow;
  } else if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(S)) {
    // p->x or m->x with a dependent type.
    if (!Dependent->isArrow() || Dependent->isImplicitAccess())
      return std::nullopt;
    Object = Dependent->getBase();
    ForPointer = ForWrapper = true;
    Access.Kind = AccessKind::Arrow;
  } else if (const auto *E = dyn_cast<Expr>(S)) {
    // m.value(), m.get().
    std::optional<MemberCall> Call = memberCallOf(E);
    if (!Call || !contains(Options.AccessMethods, Call->Name))
      return std::nullopt;
    if (Call->Method && Call->Method->isStatic())
      return std::nullopt;
    Object = Call->Object;
    ForWrapper = true;
    Access.Kind = AccessKind::MethodCall;
    Access.Method = Call->Name;
  } else {
    return std::nullopt;
  }
  if (!Object)
    return std::nullopt;
  const MemberExpr *Member = nullptr;
  const FieldDecl *Field = nullptr;
  const CXXMethodDecl *Getter = nullptr;
  model::NullableForm Form = model::NullableForm::NotNullable;
  QualType Type;
  if (const auto *GetterCall = dyn_cast<CXXMemberCallExpr>(
          model::skipWrappers(Object, model::WrapperRule::SameValue))) {
    // row.getEmail(): the result of a getter.
    Getter = GetterCall->getMethodDecl();
    Member = dyn_cast<MemberExpr>(GetterCall->getCallee()->IgnoreParens());
    if (!Member || !model::isConstGetter(Getter) || GetterCall->getNumArgs() != 0)
      return std::nullopt;
    Form = Options.GetterFormOf(Getter);
    Type = Getter->getReturnType().getNonReferenceType();
  } else {
    const Expr *Bound = throughLocalReference(Object);
    if (Bound != Object)
      Access.Alias = Object;
    Member = dyn_cast<MemberExpr>(Bound->IgnoreParenImpCasts());
    if (!Member)
      return std::nullopt;
    Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field)
      return std::nullopt;
    Form = Options.FormOf(Field);
    Type = Field->getType();
  }
  bool Matches = (Form == model::NullableForm::Wrapper && ForWrapper) ||
                 (Form == model::NullableForm::Pointer && ForPointer &&
                  !(DependentOnly && Type->isDependentType() && !Type->isPointerType()));
  if (!Matches)
    return std::nullopt;
  std::optional<model::AccessPath> Found =
      Getter ? pathOf(Object) : fieldPath(Member);
  if (!Found)
    return std::nullopt; // Reached through a call or an index: not followed.
  Path = std::move(*Found);
  Access.Access = cast<Expr>(S);
  Access.Member = Member;
  Access.Field = Field ? Field : (Path.Getter ? nullptr : Path.Fields.back());
  Access.Getter = Getter;
  return Access;
}

/// Finds the reads through nullable members of the body (those of nested
/// lambdas only name paths to track, for the state handed to the lambda).
void PresenceAnalysis::collect(const Stmt *Body) {
  llvm::SmallVector<std::pair<const Stmt *, bool>, 64> Stack{{Body, false}};
  // Each statement is visited once.
  while (!Stack.empty()) {
    auto [S, Nested] = Stack.pop_back_val();
    if (!S)
      continue;
    // Operands that are not evaluated.
    if (isa<UnaryExprOrTypeTraitExpr, CXXTypeidExpr, CXXNoexceptExpr>(S))
      continue;
    model::AccessPath Path;
    if (std::optional<NullableAccess> Access = recogniseAccess(S, Path)) {
      auto [It, New] = PathIndex.try_emplace(keyOf(Path), Paths.size());
      if (New)
        Paths.push_back(Path);
      if (!Nested) {
        AccessOf[S] = {It->second, static_cast<unsigned>(Accesses.size())};
        Accesses.push_back(*Access);
      }
    }
    // A nullable member copied into another: its test carries over.
    if (const Expr *Source = assignedValue(S))
      if (std::optional<model::AccessPath> From = fieldPath(Source);
          From && !From->Fields.empty() &&
          Options.FormOf(From->Fields.back()) != model::NullableForm::NotNullable)
        if (PathIndex.try_emplace(keyOf(*From), Paths.size()).second)
          Paths.push_back(*From);
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : Lambda->capture_inits())
        Stack.push_back({Init, Nested});
      Stack.push_back({Lambda->getBody(), true});
      continue;
    }
    for (const Stmt *Child : S->children())
      Stack.push_back({Child, Nested});
  }
}

/// Finds the locals of type bool that keep a presence test, and gives each
/// (bool, path, sense) an implication bit; see the file comment of the
/// header.
void PresenceAnalysis::collectImplications(const Stmt *Body) {
  llvm::SmallVector<const Stmt *, 64> Stack{Body};
  // Each statement is visited once.
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->hasLocalStorage() && Var->getType()->isBooleanType() &&
            Var->getInit())
          addImplications(Var, Var->getInit());
    } else if (const auto *Binary = dyn_cast<BinaryOperator>(S);
               Binary && Binary->getOpcode() == BO_Assign) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Binary->getLHS()->IgnoreParens()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
            Var && Var->hasLocalStorage() && Var->getType()->isBooleanType())
          addImplications(Var, Binary->getRHS());
    }
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
  }
  ImplicationsOfPath.assign(Paths.size(), {});
  for (unsigned I = 0, E = Implications.size(); I != E; ++I)
    ImplicationsOfPath[Implications[I].Path].push_back(Paths.size() + I);
}

void PresenceAnalysis::addImplications(const VarDecl *Var, const Expr *Value) {
  llvm::SmallVector<unsigned, 2> OnTrue, OnFalse;
  classifyCondition(Value, OnTrue, OnFalse, 0);
  llvm::SmallVector<unsigned, 2> &Known = ImplicationsOfVar[Var];
  for (bool WhenTrue : {true, false})
    for (unsigned Path : WhenTrue ? OnTrue : OnFalse) {
      if (Path >= Paths.size())
        continue; // A bool copied from another is not followed.
      bool Exists = llvm::any_of(Known, [&](unsigned I) {
        return Implications[I].Path == Path && Implications[I].WhenTrue == WhenTrue;
      });
      if (!Exists) {
        Known.push_back(Implications.size());
        Implications.push_back({Var, Path, WhenTrue});
      }
    }
}

/// `known = <test>`: each implication of \p Var holds if the test proves it.
void PresenceAnalysis::classifyStoredTest(const VarDecl *Var, const Expr *Value,
                                          std::vector<Effect> &Out) const {
  auto It = ImplicationsOfVar.find(Var);
  if (It == ImplicationsOfVar.end())
    return;
  llvm::SmallVector<unsigned, 2> OnTrue, OnFalse;
  classifyCondition(Value, OnTrue, OnFalse, 0);
  for (unsigned I : It->second) {
    const Implication &Implied = Implications[I];
    bool Proved = llvm::is_contained(Implied.WhenTrue ? OnTrue : OnFalse, Implied.Path);
    Out.push_back({Proved ? EffectKind::Gen : EffectKind::Kill,
                   static_cast<unsigned>(Paths.size() + I)});
  }
}

void PresenceAnalysis::killExtending(const model::AccessPath &Prefix, bool Strictly,
                                     std::vector<Effect> &Out, const Stmt *At) const {
  for (unsigned I = 0, E = Paths.size(); I != E; ++I)
    if (Paths[I].startsWith(Prefix) && (!Strictly || Paths[I] != Prefix))
      Out.push_back({EffectKind::Kill, I, 0, nullptr, At});
}

/// A null pointer, std::nullopt, boost::none, `{}` or a default-constructed
/// wrapper. A literal 0 counts only where a pointer is expected.
bool PresenceAnalysis::isNullValue(const Expr *E, bool PointerContext) const {
  // Bounded by the depth of the expression.
  for (unsigned Depth = 0; E && Depth != 16; ++Depth) {
    E = model::skipWrappers(E, model::WrapperRule::SameValue);
    if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
      return true;
    if (PointerContext && !E->isValueDependent() &&
        E->isNullPointerConstant(Context, Expr::NPC_ValueDependentIsNotNull))
      return true;
    if (const CXXRecordDecl *Class = E->getType()->getAsCXXRecordDecl())
      if (Class->getIdentifier() &&
          (Class->getName() == "nullopt_t" || Class->getName() == "none_t"))
        return true;
    if (const auto *List = dyn_cast<InitListExpr>(E))
      return List->getNumInits() == 0;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0)
        return true;
      if (Construct->getNumArgs() != 1)
        return false;
      E = Construct->getArg(0);
      continue;
    }
    return false;
  }
  return false;
}

void PresenceAnalysis::classifyAssignment(const Expr *Target, const Expr *Value,
                                          std::vector<Effect> &Out) const {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParens()))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && ImplicationsOfVar.count(Var))
      return classifyStoredTest(Var, Value, Out);
  std::optional<model::AccessPath> Path = fieldPath(Target);
  if (!Path)
    return;
  const Stmt *At = Target;
  // What was reached through the old value is not known any more.
  killExtending(*Path, /*Strictly=*/true, Out, At);
  std::optional<unsigned> Index = indexOf(*Path);
  if (!Index) {
    killExtending(*Path, /*Strictly=*/false, Out, At);
    return;
  }
  if (isNullValue(Value, Target->getType()->isPointerType())) {
    Out.push_back({EffectKind::Kill, *Index, 0, nullptr, At});
    return;
  }
  if (makesPresentValue(Value, Options)) {
    Out.push_back({EffectKind::Gen, *Index});
    return;
  }
  const Expr *Source = model::skipWrappers(Value, model::WrapperRule::SameValue);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Source);
      Construct && Construct->getNumArgs() == 1)
    Source = model::skipWrappers(Construct->getArg(0), model::WrapperRule::SameValue);
  if (std::optional<unsigned> From = trackedIndex(Source)) {
    Out.push_back({EffectKind::Copy, *Index, *From});
    return;
  }
  // Another nullable value holds one only if it was tested, which is not
  // followed across variables.
  bool Nullable = !holdsValue(Value, Target->getType()->isPointerType());
  if (const auto *Member = dyn_cast<MemberExpr>(Source->IgnoreParenImpCasts()))
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      Nullable |= Options.FormOf(Field) != model::NullableForm::NotNullable;
  if (Nullable)
    Out.push_back({EffectKind::Kill, *Index, 0, nullptr, At});
  else
    Out.push_back({EffectKind::Gen, *Index});
}

/// Does \p Value, stored into a nullable member, surely hold a value?
bool PresenceAnalysis::holdsValue(const Expr *Value, bool PointerContext) const {
  if (isa<ImplicitValueInitExpr>(Value) || isNullValue(Value, PointerContext))
    return false;
  if (makesPresentValue(Value, Options))
    return true;
  const Expr *Source = model::skipWrappers(Value, model::WrapperRule::SameValue);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Source);
      Construct && Construct->getNumArgs() == 1)
    Source = model::skipWrappers(Construct->getArg(0), model::WrapperRule::SameValue);
  QualType Type = Source->getType();
  return Type->isDependentType() || !Options.IsNullableType(Type);
}

/// `Row r{id, "name"}`: the members given a value are present.
void PresenceAnalysis::classifyInitialisedMembers(const model::AccessPath &Object,
                                                  const Expr *Init,
                                                  std::vector<Effect> &Out) const {
  const auto *List =
      dyn_cast<InitListExpr>(model::skipWrappers(Init, model::WrapperRule::SameValue));
  if (!List || List->getType()->isDependentType())
    return;
  if (List->isSyntacticForm() && List->getSemanticForm())
    List = List->getSemanticForm();
  const auto *Class = List->getType()->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return;
  // The bases of an aggregate take the first initialisers, one each.
  unsigned Position = Class->getNumBases();
  for (const FieldDecl *Field : Class->fields()) {
    if (Position >= List->getNumInits())
      break;
    const Expr *Value = List->getInit(Position++);
    model::AccessPath Member = Object;
    Member.Fields.push_back(Field);
    if (std::optional<unsigned> Index = indexOf(Member);
        Index && holdsValue(Value, Field->getType()->isPointerType()))
      Out.push_back({EffectKind::Gen, *Index});
  }
}

void PresenceAnalysis::classify(const Stmt *S, std::vector<Effect> &Out) const {
  if (auto It = AccessOf.find(S); It != AccessOf.end()) {
    Out.push_back({EffectKind::Check, It->second.first, It->second.second});
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    Out.push_back({EffectKind::Lambda, 0, 0, Lambda});
    return;
  }
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    // A variable declared anew (e.g. in a loop) starts unknown, but for
    // the members it is initialised with values (`Row r{id, "name"}`).
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D)) {
        model::AccessPath Root;
        Root.Root = Var;
        killExtending(Root, /*Strictly=*/false, Out, nullptr);
        if (Var->getInit()) {
          classifyStoredTest(Var, Var->getInit(), Out);
          classifyInitialisedMembers(Root, Var->getInit(), Out);
        }
      }
    return;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
    if (Binary->getOpcode() == BO_Assign)
      classifyAssignment(Binary->getLHS(), Binary->getRHS(), Out);
    return;
  }
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Operator->getOperator() == OO_Equal && Operator->getNumArgs() == 2)
      classifyAssignment(Operator->getArg(0), Operator->getArg(1), Out);
    return;
  }
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return;
  std::optional<MemberCall> Call = memberCallOf(E);
  if (!Call || !Call->Object)
    return;
  if (std::optional<unsigned> Index = trackedIndex(Call->Object)) {
    if (contains(Options.ResetMethods, Call->Name)) {
      Out.push_back({EffectKind::Kill, *Index, 0, nullptr, E});
      killExtending(Paths[*Index], /*Strictly=*/true, Out, E);
      return;
    }
    if (contains(Options.AssignMethods, Call->Name)) {
      Out.push_back({EffectKind::Gen, *Index});
      return;
    }
  }
  // A non-const member function may change any member of its object.
  if (!Options.InvalidateOnNonConstCall || !Call->Method ||
      Call->Method->isConst() || Call->Method->isStatic() ||
      contains(Options.PresenceMethods, Call->Name) ||
      contains(Options.AbsenceMethods, Call->Name) ||
      contains(Options.AccessMethods, Call->Name))
    return;
  if (std::optional<model::AccessPath> Object = fieldPath(Call->Object))
    killExtending(*Object, /*Strictly=*/false, Out, E);
}

/// Which tracked paths are present when \p E is true, and when it is false.
void PresenceAnalysis::classifyCondition(const Expr *E,
                                         llvm::SmallVectorImpl<unsigned> &OnTrue,
                                         llvm::SmallVectorImpl<unsigned> &OnFalse,
                                         unsigned Depth) const {
  if (!E || Depth > 16)
    return;
  E = model::skipWrappers(E, model::WrapperRule::SameValue);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
      Cast && Cast->getType()->isBooleanType())
    return classifyCondition(Cast->getSubExpr(), OnTrue, OnFalse, Depth + 1);
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    return classifyCondition(Cast->getSubExpr(), OnTrue, OnFalse, Depth + 1);
  // C++20 spells `m != std::nullopt` as the rewritten `!(m == std::nullopt)`.
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(E))
    return classifyCondition(Rewritten->getSemanticForm(), OnTrue, OnFalse, Depth + 1);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_LNot)
      classifyCondition(Unary->getSubExpr(), OnFalse, OnTrue, Depth + 1);
    return;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    if (Binary->isLogicalOp()) {
      llvm::SmallVector<unsigned, 2> LeftTrue, LeftFalse, RightTrue, RightFalse;
      classifyCondition(Binary->getLHS(), LeftTrue, LeftFalse, Depth + 1);
      classifyCondition(Binary->getRHS(), RightTrue, RightFalse, Depth + 1);
      bool And = Binary->getOpcode() == BO_LAnd;
      // a && b true: both true; a || b false: both false.
      auto &Both = And ? OnTrue : OnFalse;
      Both.append(LeftTrue.begin(), LeftTrue.end());
      Both.append(RightTrue.begin(), RightTrue.end());
      if (!And) {
        Both.clear();
        Both.append(LeftFalse.begin(), LeftFalse.end());
        Both.append(RightFalse.begin(), RightFalse.end());
      }
      // a && b false, a || b true: only what both sides agree on.
      auto &Either = And ? OnFalse : OnTrue;
      auto &Left = And ? LeftFalse : LeftTrue;
      auto &Right = And ? RightFalse : RightTrue;
      for (unsigned Path : Left)
        if (llvm::is_contained(Right, Path))
          Either.push_back(Path);
      return;
    }
    if (Binary->isEqualityOp()) {
      // `m.has_value() == false`, `true != !m`: the test itself, or its
      // negation.
      for (auto [Side, Other] : {std::pair{Binary->getLHS(), Binary->getRHS()},
                                 std::pair{Binary->getRHS(), Binary->getLHS()}})
        if (const auto *Literal = dyn_cast<CXXBoolLiteralExpr>(
                Other->IgnoreParenImpCasts())) {
          bool Same = Literal->getValue() == (Binary->getOpcode() == BO_EQ);
          return Same ? classifyCondition(Side, OnTrue, OnFalse, Depth + 1)
                      : classifyCondition(Side, OnFalse, OnTrue, Depth + 1);
        }
      for (auto [Side, Other] : {std::pair{Binary->getLHS(), Binary->getRHS()},
                                 std::pair{Binary->getRHS(), Binary->getLHS()}})
        if (std::optional<unsigned> Index = trackedIndex(Side))
          if (isNullValue(Other, /*PointerContext=*/true))
            (Binary->getOpcode() == BO_NE ? OnTrue : OnFalse).push_back(*Index);
    }
    return;
  }
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E)) {
    OverloadedOperatorKind Kind = Operator->getOperator();
    if (Kind == OO_Exclaim && Operator->getNumArgs() == 1)
      return classifyCondition(Operator->getArg(0), OnFalse, OnTrue, Depth + 1);
    if ((Kind == OO_EqualEqual || Kind == OO_ExclaimEqual) &&
        Operator->getNumArgs() == 2) {
      for (auto [Side, Other] :
           {std::pair{Operator->getArg(0), Operator->getArg(1)},
            std::pair{Operator->getArg(1), Operator->getArg(0)}}) {
        std::optional<unsigned> Index = trackedIndex(Side);
        if (!Index)
          continue;
        if (isNullValue(Other, Side->getType()->isPointerType()))
          (Kind == OO_ExclaimEqual ? OnTrue : OnFalse).push_back(*Index);
        else if (Kind == OO_EqualEqual &&
                 !Options.IsNullableType(
                     model::skipWrappers(Other, model::WrapperRule::SameValue)->getType()))
          OnTrue.push_back(*Index); // m == value: m holds one.
      }
    }
    // An empty optional orders before every value: `m > v` and `m >= v`
    // (and `v < m`, `v <= m`) are false when m is empty.
    bool Greater = Kind == OO_Greater || Kind == OO_GreaterEqual;
    bool Less = Kind == OO_Less || Kind == OO_LessEqual;
    if ((Greater || Less) && Operator->getNumArgs() == 2) {
      const Expr *Tested = Operator->getArg(Greater ? 0 : 1);
      const Expr *Bound = Operator->getArg(Greater ? 1 : 0);
      if (std::optional<unsigned> Index = trackedIndex(Tested);
          Index && !Options.IsNullableType(
                       model::skipWrappers(Bound, model::WrapperRule::SameValue)->getType()))
        OnTrue.push_back(*Index);
    }
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    // A test kept in a bool.
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (auto It = ImplicationsOfVar.find(Var); It != ImplicationsOfVar.end())
        for (unsigned I : It->second)
          (Implications[I].WhenTrue ? OnTrue : OnFalse)
              .push_back(Paths.size() + I);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getBuiltinCallee() == Builtin::BI__builtin_expect &&
      Call->getNumArgs() == 2)
    // GOOGLE_PREDICT_BRANCH_NOT_TAKEN(x), ABSL_PREDICT_FALSE(x).
    return classifyCondition(Call->getArg(0), OnTrue, OnFalse, Depth + 1);
  if (std::optional<MemberCall> Call = memberCallOf(E)) {
    std::optional<unsigned> Index = trackedIndex(Call->Object);
    if (!Index) {
      // hasBadge() of a record: the test its body returns, on its object.
      if (!ThisObject && Call->Method && model::isConstGetter(Call->Method) &&
          Call->Method->getReturnType()->isBooleanType() &&
          !Context.getSourceManager().isInSystemHeader(Call->Method->getLocation()))
        if (const Expr *Returned = soleReturnValue(Call->Method))
          if (std::optional<model::AccessPath> Object =
                  fieldPath(Call->Object)) {
            ThisObject = &*Object;
            classifyCondition(Returned, OnTrue, OnFalse, Depth + 1);
            ThisObject = nullptr;
          }
      return;
    }
    if ((Call->Method && isa<CXXConversionDecl>(Call->Method)) ||
        contains(Options.PresenceMethods, Call->Name))
      OnTrue.push_back(*Index);
    else if (contains(Options.AbsenceMethods, Call->Name))
      OnFalse.push_back(*Index);
    return;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    // operator bool.
    if (isa_and_nonnull<CXXConversionDecl>(Call->getMethodDecl()))
      if (std::optional<unsigned> Index = trackedIndex(Call->getImplicitObjectArgument()))
        OnTrue.push_back(*Index);
    return;
  }
  // A pointer (or a dependent wrapper) used as a condition.
  if (std::optional<unsigned> Index = trackedIndex(E))
    OnTrue.push_back(*Index);
}

void PresenceAnalysis::analyseCondition(const CFGBlock &Block, BlockInfo &Info) const {
  if (Block.succ_size() != 2)
    return;
  const Stmt *Terminator = Block.getTerminatorStmt();
  if (!isa_and_nonnull<IfStmt, WhileStmt, DoStmt, ForStmt, AbstractConditionalOperator,
                       BinaryOperator>(Terminator))
    return;
  const auto *Condition = dyn_cast_or_null<Expr>(Block.getTerminatorCondition());
  // In `if (a && b)` the block that branches on the whole condition is the
  // one that evaluated `b`: the blocks of `a` branch on the `&&` itself.
  if (!isa<BinaryOperator>(Terminator))
    // Bounded by the depth of the condition.
    while (const auto *Logical = dyn_cast_or_null<BinaryOperator>(Condition)) {
      if (!Logical->isLogicalOp())
        break;
      Condition = Logical->getRHS()->IgnoreParens();
    }
  classifyCondition(Condition, Info.OnTrue, Info.OnFalse, 0);
}

void PresenceAnalysis::apply(const BlockInfo &Info, llvm::BitVector &State, bool Final,
                             PresenceResult &Result, const CFGBlock *Block) {
  // A path that loses its value also breaks the tests kept in bools.
  auto ResetPath = [&](unsigned Path) {
    State.reset(Path);
    if (Path < ImplicationsOfPath.size())
      for (unsigned Bit : ImplicationsOfPath[Path])
        State.reset(Bit);
  };
  for (const Effect &E : Info.Effects) {
    switch (E.Kind) {
    case EffectKind::Check:
      if (Final && !State.test(E.Path) && !Reported.test(E.Other)) {
        Reported.set(E.Other);
        Result.Unchecked.push_back(Accesses[E.Other]);
        Result.Unchecked.back().ResetAt = findReset(Block, E.Other);
      }
      // A read that fails is reported once, not at every later read.
      State.set(E.Path);
      break;
    case EffectKind::Gen:
      State.set(E.Path);
      break;
    case EffectKind::Kill:
      ResetPath(E.Path);
      break;
    case EffectKind::Copy:
      if (State.test(E.Other))
        State.set(E.Path);
      else
        ResetPath(E.Path);
      break;
    case EffectKind::Lambda:
      if (Final) {
        std::vector<model::AccessPath> &Present = Lambdas[E.Lambda];
        Present.clear();
        for (unsigned Index : State.set_bits())
          if (Index < Paths.size())
            Present.push_back(Paths[Index]);
      }
      break;
    }
  }
}

/// The nearest reset of the path of read \p Access that reaches it: a
/// backward search from the read, which stops on each path at a test, a
/// read or an assignment of the member, and visits each block once.
const Stmt *PresenceAnalysis::findReset(const CFGBlock *Block, unsigned Access) const {
  if (!Block)
    return nullptr;
  unsigned Path = AccessOf.lookup(Accesses[Access].Access).first;
  // What the effects of a block say about the path, scanned backwards from
  // position End: std::nullopt when they say nothing.
  auto Scan = [&](const CFGBlock *B, size_t End) -> std::optional<const Stmt *> {
    const std::vector<Effect> &Effects = Blocks[B->getBlockID()].Effects;
    for (size_t I = End; I-- > 0;) {
      const Effect &E = Effects[I];
      if (E.Path != Path || E.Kind == EffectKind::Lambda)
        continue;
      return E.Kind == EffectKind::Kill ? E.At : nullptr;
    }
    return std::nullopt;
  };
  const std::vector<Effect> &Own = Blocks[Block->getBlockID()].Effects;
  size_t Position = 0;
  while (Position < Own.size() &&
         !(Own[Position].Kind == EffectKind::Check && Own[Position].Other == Access))
    ++Position;
  if (std::optional<const Stmt *> Found = Scan(Block, Position))
    return *Found;
  llvm::SmallVector<const CFGBlock *, 16> Work{Block};
  llvm::SmallPtrSet<const CFGBlock *, 16> Seen{Block};
  // Each block is visited once.
  while (!Work.empty()) {
    const CFGBlock *To = Work.pop_back_val();
    for (const CFGBlock::AdjacentBlock &Pred : To->preds()) {
      const CFGBlock *From = Pred.getReachableBlock();
      if (!From || !Seen.insert(From).second)
        continue;
      // An edge that tests the path ends the search on it.
      const BlockInfo &Info = Blocks[From->getBlockID()];
      if (From->succ_size() == 2 &&
          llvm::is_contained(*From->succ_begin() == To ? Info.OnTrue : Info.OnFalse, Path))
        continue;
      std::optional<const Stmt *> Found = Scan(From, Info.Effects.size());
      if (!Found) {
        Work.push_back(From);
        continue;
      }
      if (*Found)
        return *Found;
    }
  }
  return nullptr;
}

/// The intersection of the states on the edges into \p Block from the
/// predecessors analysed so far.
llvm::BitVector PresenceAnalysis::entryOf(const CFGBlock &Block,
                                          const std::vector<llvm::BitVector> &Out,
                                          const std::vector<bool> &Done) const {
  llvm::BitVector State(numBits(), true);
  bool Any = false;
  for (const CFGBlock::AdjacentBlock &Pred : Block.preds()) {
    const CFGBlock *From = Pred.getReachableBlock();
    if (!From || !Done[From->getBlockID()])
      continue;
    llvm::BitVector Edge = Out[From->getBlockID()];
    const BlockInfo &Info = Blocks[From->getBlockID()];
    if (From->succ_size() == 2) {
      bool IsTrue = *From->succ_begin() == &Block;
      bool IsFalse = *(From->succ_begin() + 1) == &Block;
      // Both edges lead here (an empty branch): nothing is learnt.
      // An implication bit on the list makes its path present if it holds
      // on this edge.
      if (IsTrue != IsFalse)
        for (unsigned Index : IsTrue ? Info.OnTrue : Info.OnFalse) {
          if (Index < Paths.size())
            Edge.set(Index);
          else if (Edge.test(Index))
            Edge.set(Implications[Index - Paths.size()].Path);
        }
    }
    State &= Edge;
    Any = true;
  }
  if (!Any)
    State.reset();
  return State;
}

/// Does \p Body (with its nested lambdas) name a member whose field is
/// nullable, or a getter whose result is? Every read and copy collect()
/// tracks goes through such a member, so a body without one has nothing to
/// check. Most bodies have none; this walk, which looks at nothing but
/// member expressions, is all they cost.
bool namesNullableMember(const Stmt *Body, PresenceOptions &Options) {
  llvm::SmallVector<const Stmt *, 64> Stack{Body};
  // Each statement is visited once.
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S)
      continue;
    if (const auto *Member = dyn_cast<MemberExpr>(S)) {
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
          Field && Options.FormOf(Field) != model::NullableForm::NotNullable)
        return true;
      if (const auto *Getter = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
          Getter && model::isConstGetter(Getter) &&
          Options.GetterFormOf(Getter) != model::NullableForm::NotNullable)
        return true;
    }
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
  }
  return false;
}

PresenceResult PresenceAnalysis::run(const Decl *Function, const Stmt *Body,
                                     llvm::ArrayRef<model::AccessPath> EntryPresent) {
  PresenceResult Result;
  collect(Body);
  if (Paths.empty())
    return Result;
  collectImplications(Body);

  CFG::BuildOptions BuildOptions;
  BuildOptions.AddImplicitDtors = false;
  BuildOptions.AddTemporaryDtors = false;
  BuildOptions.AddInitializers = false;
  // Calls that may throw get an edge to their handlers, so that what a
  // catch block knows is what every throwing point knew.
  BuildOptions.AddEHEdges = true;
  BuildOptions.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(Function, const_cast<Stmt *>(Body), &Context, BuildOptions);
  if (!Graph) {
    Result.Status = PresenceResult::NoCFG;
    return Result;
  }

  // Classify every element once, and give up early when a single pass
  // would already exceed the budget.
  const unsigned NumBlocks = Graph->getNumBlockIDs();
  const uint64_t PerVisit = 1 + numBits();
  uint64_t Estimate = uint64_t(NumBlocks) * PerVisit;
  Result.Status = PresenceResult::OverBudget;
  if (Estimate > Options.Budget) {
    Result.Steps = Estimate > UINT_MAX ? UINT_MAX : unsigned(Estimate);
    return Result;
  }
  Blocks.resize(NumBlocks);
  uint64_t Steps = Estimate;
  for (const CFGBlock *Block : *Graph) {
    BlockInfo &Info = Blocks[Block->getBlockID()];
    for (const CFGElement &Element : *Block)
      if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>()) {
        classify(S->getStmt(), Info.Effects);
        if (const auto *Construct = dyn_cast<CXXConstructExpr>(S->getStmt()))
          if (const CXXRecordDecl *Class = Construct->getType()->getAsCXXRecordDecl();
              Class && Class->hasDefinition() && Class->isAnyDestructorNoReturn())
            Info.EndsPath = true;
      }
    analyseCondition(*Block, Info);
    Steps += Block->size();
    if (Steps > Options.Budget) {
      Result.Steps = unsigned(Steps);
      return Result;
    }
  }

  std::vector<llvm::BitVector> Out(NumBlocks, llvm::BitVector(numBits()));
  std::vector<bool> Done(NumBlocks, false);
  llvm::BitVector Entry(numBits());
  for (const model::AccessPath &Path : EntryPresent)
    if (std::optional<unsigned> Index = indexOf(Path))
      Entry.set(*Index);

  PostOrderCFGView Order(Graph.get());
  ForwardDataflowWorklist Worklist(*Graph, &Order);
  Worklist.enqueueBlock(&Graph->getEntry());
  Steps = 0;
  // Terminates: the states only lose bits, and the budget bounds the work.
  while (const CFGBlock *Block = Worklist.dequeue()) {
    unsigned ID = Block->getBlockID();
    const BlockInfo &Info = Blocks[ID];
    Steps += PerVisit + Info.Effects.size();
    if (Steps > Options.Budget) {
      Result.Steps = unsigned(Steps);
      return Result;
    }
    llvm::BitVector State =
        Block == &Graph->getEntry() ? Entry : entryOf(*Block, Out, Done);
    apply(Info, State, /*Final=*/false, Result);
    if (Info.EndsPath)
      State.set();
    if (Done[ID] && State == Out[ID])
      continue;
    Out[ID] = std::move(State);
    Done[ID] = true;
    Worklist.enqueueSuccessors(Block);
  }

  // One more pass over the fixed point reports the reads.
  Reported.resize(Accesses.size());
  for (const CFGBlock *Block : Order) {
    unsigned ID = Block->getBlockID();
    if (!Done[ID])
      continue; // Unreachable.
    llvm::BitVector State =
        Block == &Graph->getEntry() ? Entry : entryOf(*Block, Out, Done);
    apply(Blocks[ID], State, /*Final=*/true, Result, Block);
  }
  Result.Status = PresenceResult::Analysed;
  Result.Steps = unsigned(Steps);
  llvm::sort(Result.Unchecked, [](const NullableAccess &A, const NullableAccess &B) {
    return A.Access->getBeginLoc() < B.Access->getBeginLoc();
  });
  return Result;
}

} // namespace

PresenceResult analysePresence(const Decl *Function, const Stmt *Body,
                               ASTContext &Context, PresenceOptions &Options,
                               llvm::ArrayRef<model::AccessPath> EntryPresent,
                               LambdaEntryStates &Lambdas) {
  if (!Function || !Body || !namesNullableMember(Body, Options))
    return {};
  return PresenceAnalysis(Context, Options, Lambdas).run(Function, Body, EntryPresent);
}

} // namespace clang::tidy::modelguard::analysis
