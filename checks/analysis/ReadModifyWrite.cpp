//===--- ReadModifyWrite.cpp - modelguard ----------------------------------===//
//
// The algorithms are described in ReadModifyWrite.h.
//
//===----------------------------------------------------------------------===//

#include "ReadModifyWrite.h"

#include "model/AccessPath.h"
#include "model/SynchronisedRegions.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>
#include <optional>

namespace clang::tidy::modelguard::analysis {

/// What the member analysis learnt about one class so far.
struct MemberUpdateAnalysis::ClassAccesses {
  /// An access to a data member of the class, in source order.
  struct Access {
    const FieldDecl *Field;
    SourceLocation Loc;
    /// The member function it is made in.
    const CXXMethodDecl *Method;
    /// A lock is held there (a region in the function, or an annotation).
    bool Locked;
    /// The access reads, modifies and writes the member.
    bool Update;
    /// The mutex held there, when the region names one.
    const NamedDecl *Lock = nullptr;
  };
  std::vector<Access> Accesses;
  /// A call of one of the class's own member functions on `this`.
  struct Call {
    const CXXMethodDecl *Caller;
    bool Locked;
  };
  /// The calls of each member function, by callee.
  llvm::DenseMap<const CXXMethodDecl *, llvm::SmallVector<Call, 2>> Calls;
};

namespace {

/// Bounded work: statements visited per function body.
constexpr unsigned MaxNodesPerFunction = 50000;
/// Bounded work: nesting followed when looking through an expression.
constexpr unsigned MaxPathDepth = 32;

/// Is \p E only a copy of, or a const look into, a value: `row`, `*row`,
/// `row->name.value()`, `r[0][0].as<int>()`? Anything else computes a new
/// value from what it mentions.
bool isPlainAccess(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < MaxPathDepth; ++Depth) {
    E = model::skipWrappers(E);
    if (model::rootVariable(E))
      return true;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method || !Method->isConst() || Call->getNumArgs() != 0)
        return false;
      E = Call->getImplicitObjectArgument();
      continue;
    }
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
        Operator && Operator->getNumArgs() >= 1 &&
        (Operator->getOperator() == OO_Subscript || Operator->getOperator() == OO_Star ||
         Operator->getOperator() == OO_Arrow)) {
      E = Operator->getArg(0);
      continue;
    }
    return false;
  }
  return false;
}

/// The name \p E ends in (`row.version` gives version), or empty.
StringRef trailingName(const Expr *E) {
  E = model::skipWrappers(E);
  const NamedDecl *Named = nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    Named = Ref->getDecl();
  else if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    Named = Member->getMemberDecl();
  return Named && Named->getDeclName().isIdentifier() ? Named->getName() : StringRef();
}


struct LoadedValue {
  const CallExpr *Read = nullptr;
  /// The variable the read stored into.
  const VarDecl *ReadInto = nullptr;
  const Stmt *Modification = nullptr;
  const VarDecl *ModifiedVar = nullptr;
  /// The modification was computing a new value from the read one.
  bool Computed = false;
  bool LockedByRead = false;
  /// The full expression that loaded the value: what happens in it is part
  /// of the load (`sql << "select ...", into(n)`), not a modification.
  const Stmt *LoadStatement = nullptr;
};

struct Finding {
  const CallExpr *Write;
  const VarDecl *Var;
  LoadedValue Load;
};

/// Walks one body in source order (see the file comment).
class StoreReadModifyWriteFinder {
public:
  StoreReadModifyWriteFinder(const model::ModelVocabulary &Vocabulary,
                             llvm::ArrayRef<std::string> VersionNames)
      : Vocabulary(Vocabulary), VersionNames(VersionNames) {}

  void visit(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S) || ++Nodes > MaxNodesPerFunction)
      return;
    bool Outermost = !Full && (isa<Expr>(S) || isa<DeclStmt>(S));
    if (Outermost)
      Full = S;
    // Children first: in `save(modify(load()))` the load comes first.
    for (const Stmt *Child : S->children())
      visit(Child);
    if (const auto *Declaration = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit())
          assign(Var, Var->getInit(), /*IsInitialisation=*/true, S);
    } else if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      visitOperator(Binary->getOpcode(), Binary->getLHS(), Binary->getRHS(), S);
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(S);
               Unary && Unary->isIncrementDecrementOp()) {
      recordModification(Unary->getSubExpr(), S);
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      visitCall(Call);
    }
    if (Outermost)
      Full = nullptr;
  }

  llvm::ArrayRef<Finding> findings() const { return Findings; }

private:
  /// The store read \p E is, looking through conversions; or null.
  /// Looks through const accessors on the result (`query(...).as_int(0)`,
  /// `get(...)->name`, `rows[0]`).
  const CallExpr *asStoreRead(const Expr *E, bool &Locking) const {
    for (unsigned Depth = 0; E && Depth < MaxPathDepth; ++Depth) {
      E = model::skipWrappers(E);
      if (const auto *Call = dyn_cast<CallExpr>(E)) {
        model::StoreCall Store = Vocabulary.classifyStoreCall(Call);
        if (Store.is(model::SA_Read) && !Store.is(model::SA_Write)) {
          Locking = Store.is(model::SA_LockingRead);
          return Call;
        }
      }
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
        // A value bound to a query returns the query:
        // session.query<int>("SELECT ...").bind(id) (Wt::Dbo).
        const CXXMethodDecl *Method = Member->getMethodDecl();
        const model::profiles::ProfileCall *Known = Vocabulary.profiles().callFor(Method);
        bool Binds = Known && Known->Kind == model::profiles::CallKind::Bind;
        if (!Method || (!Method->isConst() && !Binds))
          return nullptr;
        E = Member->getImplicitObjectArgument();
      } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
                 Operator && Operator->getOperator() == OO_Call &&
                 Operator->getNumArgs() == 2) {
        // A connection called with a statement runs it:
        // db(select(...).from(t).where(...)) (sqlpp11).
        E = Operator->getArg(1);
      } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
                 Operator && Operator->getNumArgs() >= 1 &&
                 (Operator->getOperator() == OO_Subscript ||
                  Operator->getOperator() == OO_Star ||
                  Operator->getOperator() == OO_Arrow)) {
        E = Operator->getArg(0);
      } else if (const auto *Field = dyn_cast<MemberExpr>(E)) {
        E = Field->getBase();
      } else {
        return nullptr;
      }
    }
    return nullptr;
  }

  /// `Var = Value` (or its initialisation).
  void assign(const VarDecl *Var, const Expr *Value, bool IsInitialisation,
              const Stmt *At) {
    bool Locking = false;
    if (const CallExpr *Read = asStoreRead(Value, Locking)) {
      LoadedValue Load;
      Load.Read = Read;
      Load.ReadInto = Var;
      Load.LockedByRead = Locking;
      Load.LoadStatement = Full;
      Loaded[Var] = Load;
      return;
    }
    auto Self = Loaded.find(Var);
    if (!IsInitialisation && Self != Loaded.end() && model::mentions(Value, Var)) {
      recordModification(Var, At, /*Computed=*/true); // x = f(x)
      return;
    }
    for (auto &[Source, Load] : Loaded) {
      if (Source == Var || !model::mentions(Value, Source))
        continue;
      // A value derived from a loaded one carries the load with it.
      LoadedValue Derived = Load;
      Derived.LoadStatement = Full;
      if (Derived.ReadInto->isImplicit()) // __range of a range-based for
        Derived.ReadInto = Var;
      // The hidden iterators of a range-based for only walk the value.
      if (!Derived.Modification && !Var->isImplicit() && !isPlainAccess(Value)) {
        Derived.Modification = At;
        Derived.ModifiedVar = Var;
        Derived.Computed = true;
      }
      Loaded[Var] = Derived;
      return;
    }
    if (Self != Loaded.end())
      Loaded.erase(Self); // Overwritten with something unrelated.
  }

  void recordModification(const VarDecl *Var, const Stmt *At, bool Computed) {
    if (Var->isImplicit())
      return; // The hidden iterators of a range-based for.
    auto It = Loaded.find(Var);
    if (It == Loaded.end() || It->second.Modification ||
        (Full && It->second.LoadStatement == Full))
      return;
    It->second.Modification = At;
    It->second.ModifiedVar = Var;
    It->second.Computed = Computed;
  }

  void recordModification(const Expr *Target, const Stmt *At) {
    if (const auto *Root = dyn_cast_or_null<VarDecl>(model::rootVariable(Target)))
      recordModification(Root, At, /*Computed=*/false);
  }

  void visitOperator(BinaryOperatorKind Kind, const Expr *LHS, const Expr *RHS,
                     const Stmt *At) {
    if (Kind == BO_Assign)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
          assign(Var, RHS, /*IsInitialisation=*/false, At);
          return;
        }
    if (BinaryOperator::isAssignmentOp(Kind))
      recordModification(LHS, At);
  }

  /// Locals a store read fills through out-parameters in its full
  /// expression: `&value` passed to the read, or a variable bound to a
  /// non-const reference by another call there (`into(n)`).
  void loadOutParameters(const CallExpr *Read, bool Locking) {
    auto Load = [&](const Expr *E) {
      const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var))
        return;
      LoadedValue Value;
      Value.Read = Read;
      Value.ReadInto = Var;
      Value.LockedByRead = Locking;
      Value.LoadStatement = Full;
      Loaded[Var] = Value;
    };
    for (const Expr *Argument : Read->arguments())
      if (const auto *Address = dyn_cast<UnaryOperator>(Argument->IgnoreParenImpCasts());
          Address && Address->getOpcode() == UO_AddrOf &&
          !Address->getSubExpr()->getType().isConstQualified())
        Load(Address->getSubExpr());
    if (!Full)
      return;
    llvm::SmallVector<const Stmt *, 16> Work{Full};
    unsigned Budget = 256;
    while (!Work.empty() && Budget--) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *Call = dyn_cast<CallExpr>(S); Call && Call != Read &&
                                                    !Vocabulary.classifyStoreCall(Call))
        if (const FunctionDecl *Callee = Call->getDirectCallee())
          for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I) {
            QualType Parameter = Callee->getParamDecl(I)->getType();
            if (Parameter->isLValueReferenceType() &&
                !Parameter.getNonReferenceType().isConstQualified() &&
                !isa<CXXOperatorCallExpr>(Call))
              Load(Call->getArg(I));
          }
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
    }
  }

  /// Is \p Write conditional on the version that was read: a version
  /// parameter or argument, or an UPDATE ... WHERE version = ...?
  bool isConditional(const CallExpr *Write, const model::StoreCall &Store) const {
    auto IsVersion = [&](StringRef Name) {
      return !Name.empty() &&
             llvm::is_contained(VersionNames, model::normalisedName(Name));
    };
    if (Store.Sql) {
      llvm::SmallVector<std::string, 4> Columns;
      if (Store.Sql->getCharByteWidth() == 1)
        model::ModelVocabulary::sqlWhereColumns(Store.Sql->getString(), Columns);
      return llvm::any_of(Columns, IsVersion);
    }
    if (const FunctionDecl *Callee = Write->getDirectCallee())
      for (const ParmVarDecl *Parameter : Callee->parameters())
        if (Parameter->getDeclName().isIdentifier() && IsVersion(Parameter->getName()))
          return true;
    for (const Expr *Argument : Write->arguments())
      if (IsVersion(trailingName(Argument)))
        return true;
    return false;
  }

  void visitCall(const CallExpr *Call) {
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call)) {
      OverloadedOperatorKind Kind = Operator->getOperator();
      if (Kind == OO_Equal && Operator->getNumArgs() == 2)
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(Operator->getArg(0)->IgnoreParenImpCasts()))
          if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
            assign(Var, Operator->getArg(1), /*IsInitialisation=*/false, Call);
            return;
          }
      if (Operator->isAssignmentOp() || Kind == OO_PlusPlus || Kind == OO_MinusMinus) {
        recordModification(Operator->getArg(0), Call);
        return;
      }
    }
    model::StoreCall Store = Vocabulary.classifyStoreCall(Call);
    if (Store.is(model::SA_Read) && !Store.is(model::SA_Write)) {
      loadOutParameters(Call, Store.is(model::SA_LockingRead));
      return;
    }
    if (Store.is(model::SA_Write)) {
      if (!Store.is(model::SA_CompareAndSwap | model::SA_Insert) &&
          !isConditional(Call, Store))
        recordWrite(Call);
      return;
    }
    // Passing a loaded value to a non-const reference parameter modifies it
    // (`apply(values, *row)`); so does a non-const member call on it.
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      // An operator implemented as a member takes its object as argument 0.
      unsigned First = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee);
      for (unsigned I = First; I < Call->getNumArgs(); ++I) {
        if (I - First >= Callee->getNumParams())
          break; // Variadic arguments are passed by value.
        QualType Parameter = Callee->getParamDecl(I - First)->getType();
        if (Parameter->isLValueReferenceType() &&
            !Parameter.getNonReferenceType().isConstQualified())
          recordModification(Call->getArg(I), Call);
      }
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const CXXMethodDecl *Method = Member->getMethodDecl();
          Method && !Method->isConst())
        recordModification(Member->getImplicitObjectArgument(), Call);
  }

  void recordWrite(const CallExpr *Write) {
    const Stmt *Scope = Full ? Full : Write;
    // A prepared statement writes the values bound to it before it runs.
    llvm::SmallVector<const Stmt *, 4> Written = {Scope};
    llvm::SmallVector<const Expr *, 4> Bound;
    Vocabulary.boundValues(Write, Bound);
    Written.append(Bound.begin(), Bound.end());
    for (auto &[Var, Load] : Loaded) {
      if (!Load.Modification)
        continue;
      bool Mentioned = false;
      for (const Stmt *S : Written)
        Mentioned = Mentioned || model::mentions(S, Var);
      if (!Mentioned)
        continue;
      Findings.push_back({Write, Var, Load});
      return; // One finding per write.
    }
    // A new value computed in the write itself: `set(n + 1)`.
    for (auto &[Var, Load] : Loaded) {
      if (Full && Load.LoadStatement == Full)
        continue;
      const Stmt *Computation = nullptr;
      for (const Stmt *S : Written)
        if ((Computation = computedFrom(S, Var)))
          break;
      if (Computation) {
        LoadedValue Computed = Load;
        Computed.Modification = Computation;
        Computed.ModifiedVar = Var;
        Computed.Computed = true;
        Findings.push_back({Write, Var, Computed});
        return;
      }
    }
  }

  /// An arithmetic operation in \p S with \p Var (or a part of it) as an
  /// operand, or null.
  static const Stmt *computedFrom(const Stmt *S, const VarDecl *Var,
                                  unsigned Depth = 0) {
    if (!S || isa<LambdaExpr>(S) || Depth > 256)
      return nullptr;
    auto IsOperand = [&](const Expr *E) { return E && model::rootVariable(E) == Var; };
    if (const auto *Binary = dyn_cast<BinaryOperator>(S);
        Binary && (Binary->isAdditiveOp() || Binary->isMultiplicativeOp() ||
                   Binary->isShiftOp() || Binary->isBitwiseOp()) &&
        (IsOperand(Binary->getLHS()) || IsOperand(Binary->getRHS())))
      return S;
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S);
        Operator && Operator->getNumArgs() == 2 && Operator->isInfixBinaryOp() &&
        !Operator->isAssignmentOp() && !Operator->isComparisonOp() &&
        Operator->getOperator() != OO_Comma && Operator->getOperator() != OO_LessLess &&
        Operator->getOperator() != OO_GreaterGreater &&
        (IsOperand(Operator->getArg(0)) || IsOperand(Operator->getArg(1))))
      return S;
    for (const Stmt *Child : S->children())
      if (const Stmt *Found = computedFrom(Child, Var, Depth + 1))
        return Found;
    return nullptr;
  }

  const model::ModelVocabulary &Vocabulary;
  llvm::ArrayRef<std::string> VersionNames;
  llvm::MapVector<const VarDecl *, LoadedValue> Loaded;
  llvm::SmallVector<Finding, 2> Findings;
  const Stmt *Full = nullptr;
  unsigned Nodes = 0;
};

//===--- Member read-modify-write -----------------------------------------===//

/// The data member of `*this` that \p E names a part of: `count_`,
/// `this->stats_.hits`, `cache_[key]`; null for anything else.
const FieldDecl *thisField(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < MaxPathDepth; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base))
        return dyn_cast<FieldDecl>(Member->getMemberDecl());
      E = Base;
    } else {
      E = model::containingObject(E);
    }
  }
  return nullptr;
}

/// Does \p E reach the data member of `*this` it names through a pointer the
/// member holds: `buffer_->size`, `counts_[i]` or `*slot_` with a raw or
/// smart pointer member? Such an expression names the pointee, which the
/// member does not own: storing to it does not modify the member.
bool throughPointerMember(const Expr *E) {
  bool Indirect = false;
  for (unsigned Depth = 0; E && Depth < MaxPathDepth; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base))
        return Indirect;
      Indirect |= Member->isArrow();
      E = Base;
      continue;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
      Indirect |= Subscript->getBase()->IgnoreParenImpCasts()->getType()->isPointerType();
    else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E))
      Indirect |= Operator->getOperator() == OO_Arrow || Operator->getOperator() == OO_Star;
    else if (const auto *Unary = dyn_cast<UnaryOperator>(E))
      Indirect |= Unary->getOpcode() == UO_Deref;
    E = model::containingObject(E);
  }
  return false;
}

/// Does \p Class synchronise itself: listed in SelfSynchronisedTypes, or
/// owning (directly, in a base or in a data member's class, to a small
/// depth) a mutex or an atomic?
bool synchronisesItself(const CXXRecordDecl *Class, const model::ModelVocabulary &Vocabulary,
                        const model::DeclNameList &Listed, unsigned Depth = 0) {
  if (!Class || Depth > 3)
    return false;
  if (Listed.matches(Class))
    return true;
  if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    if (Listed.matches(Instance->getSpecializedTemplate()))
      return true;
  Class = Class->getDefinition();
  if (!Class)
    return false;
  auto IsSynchronising = [&](QualType Type) {
    while (const auto *Array = Type->getAsArrayTypeUnsafe())
      Type = Array->getElementType();
    if (Type->isAtomicType())
      return true;
    const CXXRecordDecl *Member = Type->getAsCXXRecordDecl();
    if (!Member)
      return false;
    if (Vocabulary.isLockable(Member))
      return true;
    if (Member->getDeclName().isIdentifier() &&
        StringRef(Member->getName()).contains_insensitive("atomic"))
      return true;
    return synchronisesItself(Member, Vocabulary, Listed, Depth + 1);
  };
  for (const FieldDecl *Field : Class->fields())
    if (IsSynchronising(Field->getType()))
      return true;
  for (const CXXBaseSpecifier &Base : Class->bases())
    if (synchronisesItself(Base.getType()->getAsCXXRecordDecl(), Vocabulary, Listed, Depth + 1))
      return true;
  return false;
}

/// Does \p S read the place \p Target names, in the same way (the same data
/// member of the pointee, or an element or the pointee itself), below the
/// data member \p Field of `*this`? (`p_->n` in `p_->n = p_->n + 1`.)
bool mentionsPlace(const Stmt *S, const Expr *Target, const FieldDecl *Field,
                   unsigned Depth = 0) {
  if (!S || isa<LambdaExpr>(S) || Depth > 256)
    return false;
  if (const auto *E = dyn_cast<Expr>(S)) {
    const Expr *Place = E->IgnoreParenImpCasts();
    bool Same = false;
    if (const auto *Member = dyn_cast<MemberExpr>(Target))
      Same = isa<MemberExpr>(Place) &&
             cast<MemberExpr>(Place)->getMemberDecl() == Member->getMemberDecl();
    else
      Same = Place->getStmtClass() == Target->getStmtClass();
    if (Same && thisField(Place) == Field)
      return true;
  }
  for (const Stmt *Child : S->children())
    if (mentionsPlace(Child, Target, Field, Depth + 1))
      return true;
  return false;
}

/// Does the documentation comment of \p Function say it is thread-safe?
bool documentedThreadSafe(const FunctionDecl *Function) {
  const ASTContext &Context = Function->getASTContext();
  const RawComment *Comment = Context.getRawCommentForAnyRedecl(Function);
  if (!Comment)
    return false;
  std::string Text = Comment->getRawText(Context.getSourceManager()).lower();
  return StringRef(Text).contains("thread-safe") || StringRef(Text).contains("thread safe") ||
         StringRef(Text).contains("threadsafe");
}

/// The lambda \p E is, through implicit nodes and copies; or null.
const LambdaExpr *asLambda(const Expr *E) {
  return E ? dyn_cast<LambdaExpr>(model::skipWrappers(E)) : nullptr;
}

class MemberAccessWalker {
public:
  MemberAccessWalker(const ReadModifyWriteOptions &Options, const SourceManager &SM,
                     const CXXRecordDecl *Class,
                     MemberUpdateAnalysis::ClassAccesses &Accesses)
      : Vocabulary(*Options.Vocabulary), SM(SM), Class(Class),
        UpdateMethods(Options.UpdateMethods),
        SelfSynchronisedWords(Options.SelfSynchronisedTypeWords),
        SelfSynchronised(Options.SelfSynchronisedTypes),
        DeferringWords(Options.DeferringCalls), Accesses(Accesses) {}

  void walk(const CXXMethodDecl *InMethod, const Stmt *Body, bool HeldByCaller) {
    Method = InMethod;
    model::SynchronisedRegions Regions(Vocabulary, Body, SM);
    Current = &Regions;
    Held = HeldByCaller;
    findLambdaCalls(Body);
    visit(Body);
  }

private:
  /// The region held at \p Loc in the current body, or null.
  const model::SyncRegion *regionAt(SourceLocation Loc) const {
    return Current->containing(Loc);
  }
  bool isLocked(SourceLocation Loc) const {
    return Held || Inherited || regionAt(Loc);
  }
  const NamedDecl *lockAt(SourceLocation Loc) const {
    if (const model::SyncRegion *Region = regionAt(Loc))
      return Region->Lock;
    return Inherited ? InheritedLock : nullptr;
  }

  /// Members whose races the check is about: a mutable data member of this
  /// class that does not synchronise itself and that -Wthread-safety does
  /// not already check.
  bool isTracked(const FieldDecl *Field) const {
    if (!Field || Field->getParent()->getCanonicalDecl() != Class->getCanonicalDecl())
      return false;
    if (Field->hasAttr<GuardedByAttr>() || Field->hasAttr<PtGuardedByAttr>())
      return false;
    QualType Type = Field->getType();
    if (Type.isConstQualified() || Type->isAtomicType())
      return false;
    if (const CXXRecordDecl *FieldClass = Type->getAsCXXRecordDecl()) {
      if (Vocabulary.isLockable(FieldClass) || Vocabulary.isTransactionType(FieldClass))
        return false;
      if (FieldClass->getDeclName().isIdentifier() &&
          model::nameContainsAny(FieldClass->getName(), SelfSynchronisedWords))
        return false;
      if (synchronisesItself(FieldClass, Vocabulary, SelfSynchronised))
        return false;
    }
    return true;
  }

  void unlockedUpdate(const Expr *Target, const Stmt *At) {
    const FieldDecl *Field = thisField(Target);
    SourceLocation Loc = At->getBeginLoc();
    if (isTracked(Field))
      Accesses.Accesses.push_back(
          {Field, Loc, Method, isLocked(Loc), /*Update=*/true, lockAt(Loc)});
  }

  /// Lambdas stored in local variables, and whether every call of each is
  /// made while a lock is held (a lambda called only under the lock runs
  /// under it).
  void findLambdaCalls(const Stmt *S, unsigned Depth = 0) {
    if (!S || Depth > 256)
      return;
    if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(S);
        Call && Call->getOperator() == OO_Call && Call->getNumArgs() >= 1)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()); Var && Var->hasLocalStorage())
          if (const LambdaExpr *Lambda = asLambda(Var->getInit())) {
            auto [It, Inserted] = LambdaCalls.try_emplace(Lambda, true, nullptr);
            bool Locked = isLocked(Call->getBeginLoc());
            It->second.first &= Locked;
            if (Locked && !It->second.second)
              It->second.second = lockAt(Call->getBeginLoc());
          }
    for (const Stmt *Child : S->children())
      findLambdaCalls(Child, Depth + 1);
  }

  /// Lambdas passed to a call or a construction that runs them later.
  void noteDeferredLambdas(const Stmt *S) {
    const NamedDecl *Callee = nullptr;
    llvm::ArrayRef<const Expr *> Arguments;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      Callee = Call->getDirectCallee();
      Arguments = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      Callee = Construct->getConstructor()->getParent();
      Arguments = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
    }
    if (!Callee || !Callee->getDeclName().isIdentifier())
      return;
    if (!DeferringWords.matchesName(Callee->getName()))
      return;
    for (const Expr *Argument : Arguments)
      if (const LambdaExpr *Lambda = asLambda(Argument))
        Deferred.insert(Lambda);
  }

  /// Whether \p Lambda runs under the lock held where it is written.
  std::pair<bool, const NamedDecl *> lambdaRunsLocked(const LambdaExpr *Lambda) const {
    auto Called = LambdaCalls.find(Lambda);
    if (Called != LambdaCalls.end())
      return {Called->second.first, Called->second.second};
    SourceLocation At = Lambda->getBeginLoc();
    if (Deferred.contains(Lambda) || !isLocked(At))
      return {false, nullptr};
    return {true, lockAt(At)};
  }

  void visit(const Stmt *S) {
    if (!S || ++Nodes > MaxNodesPerFunction)
      return;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      // Runs when it is called: its own locks, and the enclosing one when
      // it is run while that is held.
      const model::SynchronisedRegions *Outer = Current;
      bool OuterHeld = Held, OuterInherited = Inherited;
      const NamedDecl *OuterLock = InheritedLock;
      auto [Locked, Lock] = lambdaRunsLocked(Lambda);
      model::SynchronisedRegions Regions(Vocabulary, Lambda->getBody(), SM);
      Current = &Regions;
      Held = OuterHeld && Locked;
      Inherited = Locked;
      InheritedLock = Lock;
      visit(Lambda->getBody());
      Current = Outer;
      Held = OuterHeld;
      Inherited = OuterInherited;
      InheritedLock = OuterLock;
      return;
    }
    noteDeferredLambdas(S);
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
        if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
            isTracked(Field))
          Accesses.Accesses.push_back({Field, Member->getBeginLoc(), Method,
                                       isLocked(Member->getBeginLoc()), /*Update=*/false,
                                       lockAt(Member->getBeginLoc())});
    if (const auto *Unary = dyn_cast<UnaryOperator>(S);
        Unary && Unary->isIncrementDecrementOp()) {
      unlockedUpdate(Unary->getSubExpr(), S);
    } else if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      if (Binary->isCompoundAssignmentOp())
        unlockedUpdate(Binary->getLHS(), S);
      else if (Binary->getOpcode() == BO_Assign)
        visitAssignment(Binary->getLHS(), Binary->getRHS(), S);
    } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
      OverloadedOperatorKind Kind = Operator->getOperator();
      if (Kind == OO_Equal && Operator->getNumArgs() == 2)
        visitAssignment(Operator->getArg(0), Operator->getArg(1), S);
      else if (Operator->isAssignmentOp() || Kind == OO_PlusPlus || Kind == OO_MinusMinus)
        unlockedUpdate(Operator->getArg(0), S);
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *Callee = Call->getMethodDecl();
      if (Callee && !Callee->isConst() && Callee->getDeclName().isIdentifier() &&
          llvm::is_contained(UpdateMethods, Callee->getName()) &&
          !documentedThreadSafe(Callee))
        unlockedUpdate(Call->getImplicitObjectArgument(), S);
      // helper() called on this: under a lock or not, and from where?
      if (Callee && isa<CXXThisExpr>(Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        Accesses.Calls[Callee->getCanonicalDecl()].push_back(
            {Method ? Method->getCanonicalDecl() : nullptr, isLocked(Call->getBeginLoc())});
    }
    for (const Stmt *Child : S->children())
      visit(Child);
  }

  /// `m = f(m)` reads, modifies and writes m; so does `m[k] = v` (an
  /// insertion into a container). A plain `m = v` does not, nor does a
  /// plain store through a pointer the member holds (`p_->x = v`, `p_[i] = v`),
  /// which leaves the member as it was.
  void visitAssignment(const Expr *LHS, const Expr *RHS, const Stmt *At) {
    const FieldDecl *Field = thisField(LHS);
    if (!Field)
      return;
    const Expr *Direct = LHS->IgnoreParenImpCasts();
    bool Whole = isa<MemberExpr>(Direct) &&
                 isa<CXXThisExpr>(cast<MemberExpr>(Direct)->getBase()->IgnoreParenImpCasts());
    if (Whole ? model::mentions(RHS, Field)
              : !throughPointerMember(LHS) || mentionsPlace(RHS, Direct, Field))
      unlockedUpdate(LHS, At);
  }

  const model::ModelVocabulary &Vocabulary;
  const SourceManager &SM;
  const CXXRecordDecl *Class;
  llvm::ArrayRef<std::string> UpdateMethods;
  llvm::ArrayRef<std::string> SelfSynchronisedWords;
  const model::DeclNameList &SelfSynchronised;
  const model::VerbPhrases &DeferringWords;
  MemberUpdateAnalysis::ClassAccesses &Accesses;
  const model::SynchronisedRegions *Current = nullptr;
  const CXXMethodDecl *Method = nullptr;
  bool Held = false;
  /// Inside a lambda that runs under the lock held where it is written.
  bool Inherited = false;
  const NamedDecl *InheritedLock = nullptr;
  llvm::DenseMap<const LambdaExpr *, std::pair<bool, const NamedDecl *>> LambdaCalls;
  llvm::DenseSet<const LambdaExpr *> Deferred;
  unsigned Nodes = 0;
};

/// A private or protected member function is a helper of the class: it is
/// taken to run with its caller's lock held when every call to it seen in
/// the class holds a lock, or is made from a helper that runs with it held
/// (or no call is seen). A public one is not.
class HelperLocks {
public:
  explicit HelperLocks(const MemberUpdateAnalysis::ClassAccesses &Accesses)
      : Accesses(Accesses) {}

  bool runsWithLockHeld(const CXXMethodDecl *Method) {
    if (!Method)
      return false;
    Method = Method->getCanonicalDecl();
    AccessSpecifier Access = Method->getAccess();
    if (Access == AS_public || Access == AS_none)
      return false;
    auto [It, Inserted] = Known.try_emplace(Method, false);
    if (!Inserted)
      return It->second; // Known, or being decided (a cycle holds no lock).
    bool Held = true;
    auto Calls = Accesses.Calls.find(Method);
    if (Calls != Accesses.Calls.end())
      for (const auto &Call : Calls->second)
        if (!Call.Locked && (Call.Caller == Method || !runsWithLockHeld(Call.Caller))) {
          Held = false;
          break;
        }
    Known[Method] = Held;
    return Held;
  }

private:
  const MemberUpdateAnalysis::ClassAccesses &Accesses;
  llvm::DenseMap<const CXXMethodDecl *, bool> Known;
};

//===--- Accessor pairs ---------------------------------------------------===//

/// The property a store class's accessor reads (\p Setter false: a const
/// member function named after it with no verb, or get...) or writes
/// (set...), as lower-case words joined by '_'; empty when \p Method is not
/// such an accessor.
std::string accessorProperty(const CXXMethodDecl *Method, bool Setter,
                             const model::ModelVocabulary &Vocabulary) {
  if (!Method || !Method->getDeclName().isIdentifier() || Method->isConst() == Setter)
    return {};
  auto Words = model::identifierWords(Method->getName());
  size_t First = 0;
  if (Setter) {
    if (Words.size() < 2 || Words[0] != "set")
      return {};
    First = 1;
  } else if (Words.size() >= 2 && Words[0] == "get") {
    First = 1;
  } else if (Vocabulary.classifyStoreVerbs(Method->getName()) != model::SA_None) {
    return {};
  }
  std::string Property;
  for (size_t I = First; I < Words.size(); ++I)
    Property += (I > First ? "_" : "") + Words[I];
  return Property;
}

/// The variable or data member a member call is made on, or null.
const ValueDecl *callObject(const CXXMemberCallExpr *Call) {
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Object)
    return nullptr;
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(Object))
    return Member->getMemberDecl();
  return nullptr;
}

/// A getter of \p Property on \p Object inside \p S (not in lambdas).
const CXXMemberCallExpr *findGetter(const Stmt *S, const ValueDecl *Object,
                                    llvm::StringRef Property,
                                    const model::ModelVocabulary &Vocabulary,
                                    unsigned Depth = 0) {
  if (!S || isa<LambdaExpr>(S) || Depth > 64)
    return nullptr;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (callObject(Call) == Object &&
        accessorProperty(Call->getMethodDecl(), /*Setter=*/false, Vocabulary) == Property)
      return Call;
  for (const Stmt *Child : S->children())
    if (const CXXMemberCallExpr *Found =
            findGetter(Child, Object, Property, Vocabulary, Depth + 1))
      return Found;
  return nullptr;
}

/// The accessor pair \p Setter closes, if its argument is computed from
/// the getter of the same property on the same store object.
std::optional<StoreUpdate> accessorPair(const CXXMemberCallExpr *Setter,
                                        const model::ModelVocabulary &Vocabulary) {
  const CXXMethodDecl *Method = Setter->getMethodDecl();
  std::string Property = accessorProperty(Method, /*Setter=*/true, Vocabulary);
  const ValueDecl *Object = callObject(Setter);
  if (Property.empty() || !Object || !Vocabulary.isStoreClass(Method->getParent()))
    return std::nullopt;
  for (const Expr *Argument : Setter->arguments()) {
    const CXXMemberCallExpr *Getter = findGetter(Argument, Object, Property, Vocabulary);
    // setX(k, x(k)) writes back what it read, unchanged.
    if (!Getter || model::skipWrappers(Argument) == Getter)
      continue;
    StoreUpdate Update;
    Update.Read = Getter;
    Update.Write = Setter;
    Update.ReadAt = Getter->getBeginLoc();
    Update.WriteAt = Setter->getBeginLoc();
    Update.Modification = Argument;
    Update.Computed = true;
    Update.Property = Method->getName().drop_front(3).ltrim('_').str();
    if (!Update.Property.empty())
      Update.Property[0] = llvm::toLower(Update.Property[0]);
    return Update;
  }
  return std::nullopt;
}

/// Accessor pairs in \p Body: setters passed a value computed from the
/// getter of the same property on the same store object. An explicit stack,
/// not recursion: an expression can nest thousands of levels deep.
void findAccessorPairs(const Stmt *Body, const model::ModelVocabulary &Vocabulary,
                       llvm::SmallVectorImpl<StoreUpdate> &Found) {
  llvm::SmallVector<const Stmt *, 64> Pending{Body};
  for (unsigned Nodes = 0; !Pending.empty() && Nodes < MaxNodesPerFunction; ++Nodes) {
    const Stmt *S = Pending.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Setter = dyn_cast<CXXMemberCallExpr>(S))
      if (std::optional<StoreUpdate> Update = accessorPair(Setter, Vocabulary))
        Found.push_back(*Update);
    // Children in reverse, so that they are visited in source order.
    const size_t First = Pending.size();
    llvm::append_range(Pending, S->children());
    std::reverse(Pending.begin() + First, Pending.end());
  }
}

} // namespace

bool requiresLockHeld(const Decl *D) {
  return D && (D->hasAttr<RequiresCapabilityAttr>() || D->hasAttr<AssertCapabilityAttr>());
}

std::vector<StoreUpdate> findStoreUpdates(const Decl *Owner, const Stmt *Body,
                                          const SourceManager &SM,
                                          const ReadModifyWriteOptions &Options) {
  if (!Body || requiresLockHeld(Owner))
    return {};
  StoreReadModifyWriteFinder Finder(*Options.Vocabulary, Options.VersionNames);
  Finder.visit(Body);
  llvm::SmallVector<StoreUpdate, 2> Accessors;
  findAccessorPairs(Body, *Options.Vocabulary, Accessors);
  if (Finder.findings().empty() && Accessors.empty())
    return {};
  model::SynchronisedRegions Regions(*Options.Vocabulary, Body, SM);
  std::vector<StoreUpdate> Updates;
  for (const StoreUpdate &Update : Accessors)
    if (!Regions.covering(Update.ReadAt, Update.WriteAt))
      Updates.push_back(Update);
  for (const Finding &Found : Finder.findings()) {
    // Through Stmt, whose getBeginLoc dispatches: an operator call starts
    // at its first operand, not at the operator.
    SourceLocation ReadAt = static_cast<const Stmt *>(Found.Load.Read)->getBeginLoc();
    SourceLocation WriteAt = static_cast<const Stmt *>(Found.Write)->getBeginLoc();
    if (Found.Load.LockedByRead || Regions.covering(ReadAt, WriteAt))
      continue;
    StoreUpdate Update;
    Update.Read = Found.Load.Read;
    Update.ReadAt = ReadAt;
    Update.WriteAt = WriteAt;
    Update.ReadInto = Found.Load.ReadInto;
    Update.Modification = Found.Load.Modification;
    Update.ModifiedVar = Found.Load.ModifiedVar;
    Update.Computed = Found.Load.Computed;
    Update.Write = Found.Write;
    Update.Written = Found.Var;
    const model::SyncRegion *ReadRegion = Regions.containing(ReadAt);
    if (ReadRegion && Regions.containing(WriteAt)) {
      Update.SeparateRegions = true;
      Update.ReadRegionOpenedAt = ReadRegion->OpenedAt;
      Update.ReadRegionIsTransaction = ReadRegion->IsTransaction;
    }
    Updates.push_back(Update);
  }
  return Updates;
}

MemberUpdateAnalysis::MemberUpdateAnalysis(const ReadModifyWriteOptions &Options)
    : Options(Options) {}

MemberUpdateAnalysis::~MemberUpdateAnalysis() = default;

bool MemberUpdateAnalysis::ownsLock(const CXXRecordDecl *Class) {
  if (!Class || !(Class = Class->getDefinition()))
    return false;
  auto [It, Inserted] = OwnsLockCache.try_emplace(Class, false);
  // A class that is a lock itself (a recursive mutex built on a plain one)
  // updates its own state inside its locking protocol, which the analysis
  // does not model.
  if (Inserted && !Options.Vocabulary->isLockable(Class))
    for (const FieldDecl *Field : Class->fields()) {
      QualType Type = Field->getType();
      while (const auto *Array = Type->getAsArrayTypeUnsafe())
        Type = Array->getElementType();
      if (Options.Vocabulary->isLockable(Type->getAsCXXRecordDecl())) {
        It->second = true;
        break;
      }
    }
  return It->second;
}

void MemberUpdateAnalysis::addMethod(const CXXMethodDecl *Method,
                                     const SourceManager &SM) {
  if (!Method || Method->isStatic() || isa<CXXConstructorDecl>(Method) ||
      isa<CXXDestructorDecl>(Method) || !ownsLock(Method->getParent()))
    return;
  const CXXRecordDecl *Class = Method->getParent()->getDefinition();
  if (!Class || !Method->getBody())
    return;
  std::unique_ptr<ClassAccesses> &Accesses = Classes[Class];
  if (!Accesses)
    Accesses = std::make_unique<ClassAccesses>();
  MemberAccessWalker Walker(Options, SM, Class, *Accesses);
  Walker.walk(Method, Method->getBody(), requiresLockHeld(Method));
}

void MemberUpdateAnalysis::reset() {
  Classes.clear();
  OwnsLockCache.clear();
}

std::vector<MemberUpdate> MemberUpdateAnalysis::finish() const {
  std::vector<MemberUpdate> Updates;
  llvm::DenseSet<SourceLocation> Reported;
  for (const auto &Entry : Classes) {
    const CXXRecordDecl *Class = Entry.first;
    const ClassAccesses &Members = *Entry.second;
    HelperLocks Helpers(Members);
    auto HoldsLock = [&](const ClassAccesses::Access &Access) {
      return Access.Locked || Helpers.runsWithLockHeld(Access.Method);
    };
    // Per member: the first access made with a lock held, and the mutex
    // held at the locked accesses that name one. A member locked by
    // different mutexes in different places is guarded by none of them.
    struct Guard {
      SourceLocation LockedAt;
      const NamedDecl *Mutex = nullptr;
      bool Inconsistent = false;
    };
    llvm::DenseMap<const FieldDecl *, Guard> Guards;
    for (const ClassAccesses::Access &Access : Members.Accesses) {
      if (!HoldsLock(Access))
        continue;
      Guard &G = Guards[Access.Field];
      if (G.LockedAt.isInvalid())
        G.LockedAt = Access.Loc;
      if (!Access.Lock)
        continue;
      if (!G.Mutex)
        G.Mutex = Access.Lock;
      else if (G.Mutex->getCanonicalDecl() != Access.Lock->getCanonicalDecl())
        G.Inconsistent = true;
    }
    for (const ClassAccesses::Access &Access : Members.Accesses) {
      if (!Access.Update || HoldsLock(Access))
        continue;
      auto Found = Guards.find(Access.Field);
      if (Found == Guards.end() || Found->second.Inconsistent ||
          !Reported.insert(Access.Loc).second)
        continue;
      Updates.push_back({Access.Field, Class, Access.Loc, Found->second.LockedAt,
                         Found->second.Mutex});
    }
  }
  return Updates;
}

} // namespace clang::tidy::modelguard::analysis
