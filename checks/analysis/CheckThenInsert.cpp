//===--- CheckThenInsert.cpp - modelguard ----------------------------------===//

#include "CheckThenInsert.h"

#include "model/SynchronisedRegions.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::modelguard::analysis {

namespace {

using model::SqlTable;

struct StoreEvent {
  const Expr *Call;
  unsigned Access;
};

struct Binding {
  const VarDecl *Var;
  const Expr *Value;
};

/// Does \p S contain \p Node (outside lambdas)?
bool contains(const Stmt *S, const Stmt *Node, unsigned Depth = 0) {
  if (!S || Depth > 256 || isa<LambdaExpr>(S))
    return false;
  if (S == Node)
    return true;
  for (const Stmt *Child : S->children())
    if (contains(Child, Node, Depth + 1))
      return true;
  return false;
}

bool mentionsAny(const Stmt *S, const llvm::SmallPtrSetImpl<const VarDecl *> &Vars,
                 unsigned Depth = 0) {
  if (!S || Depth > 256 || isa<LambdaExpr>(S))
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      return Vars.contains(Var);
  for (const Stmt *Child : S->children())
    if (mentionsAny(Child, Vars, Depth + 1))
      return true;
  return false;
}

/// An isolation level weaker than SERIALIZABLE, spelled in SQL text or as
/// an enumerator name.
bool isWeakIsolationName(llvm::StringRef Text) {
  std::string Lower = Text.lower();
  for (char &C : Lower)
    if (C == '_')
      C = ' ';
  llvm::StringRef L(Lower);
  return L.contains("read committed") || L.contains("repeatable read") ||
         L.contains("read uncommitted");
}

/// Is \p Class a transaction template instantiated at a weak isolation
/// level (`transaction<isolation_level::read_committed>`)?
bool hasWeakIsolationArgument(const CXXRecordDecl *Class) {
  const auto *Instance = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Class);
  if (!Instance)
    return false;
  for (const TemplateArgument &Argument : Instance->getTemplateArgs().asArray()) {
    if (Argument.getKind() != TemplateArgument::Integral)
      continue;
    const auto *Enum = Argument.getIntegralType()->getAs<EnumType>();
    if (!Enum)
      continue;
    const EnumDecl *Decl = Enum->getDecl()->getDefinition();
    if (!Decl)
      continue;
    for (const EnumConstantDecl *Constant : Decl->enumerators())
      if (llvm::APSInt::isSameValue(Constant->getInitVal(), Argument.getAsIntegral()) &&
          Constant->getDeclName().isIdentifier() && isWeakIsolationName(Constant->getName()))
        return true;
  }
  return false;
}

class Walker {
public:
  Walker(const CheckThenInsertOptions &Options) : Options(Options) {}

  void visit(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S) || ++Nodes > Options.MaxNodes)
      return;
    if (const auto *If = dyn_cast<IfStmt>(S))
      Conditions.push_back(If->getCond());
    else if (const auto *While = dyn_cast<WhileStmt>(S))
      Conditions.push_back(While->getCond());
    else if (const auto *Conditional = dyn_cast<ConditionalOperator>(S))
      Conditions.push_back(Conditional->getCond());
    if (const auto *Declaration = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D)) {
          if (Var->getInit()) {
            Bindings.push_back({Var, Var->getInit()});
            recordStatementObject(Var);
          }
          if (const auto *Record = Var->getType()->getAsCXXRecordDecl();
              Record && Options.Vocabulary.isTransactionType(Record) &&
              hasWeakIsolationArgument(Record))
            WeakTransactions = true;
        }
    } else if (const auto *Assign = dyn_cast<BinaryOperator>(S);
               Assign && Assign->getOpcode() == BO_Assign) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
          Bindings.push_back({Var, Assign->getRHS()});
    } else if (const auto *Literal = dyn_cast<StringLiteral>(S)) {
      if (Literal->getCharByteWidth() == 1 && Literal->getString().contains_insensitive("isolation") &&
          isWeakIsolationName(Literal->getString()))
        WeakTransactions = true;
    }
    recordStoreEvent(S);
    for (const Stmt *Child : S->children())
      visit(Child);
  }

  llvm::SmallVector<StoreEvent, 16> Events;
  llvm::SmallVector<const Expr *, 16> Conditions;
  llvm::SmallVector<Binding, 32> Bindings;
  bool WeakTransactions = false;

private:
  void recordStoreEvent(const Stmt *S) {
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      unsigned Access = Options.Vocabulary.classifyStoreCall(Call).Access;
      if (Access & (model::SA_Lookup | model::SA_Insert))
        Events.push_back({Call, Access});
    }
  }

  /// A statement object of a library no profile knows, constructed with a
  /// connection and its SQL (`Statement insert(db, "INSERT ...")`), runs
  /// that SQL. A profiled one (SQLite::Statement) runs it where the
  /// profile's execute is called; a lone SQL string converted to a string
  /// type is not a statement.
  void recordStatementObject(const VarDecl *Var) {
    const auto *Construct = dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit());
    if (!Construct || Construct->getNumArgs() < 2 ||
        Options.Vocabulary.profiles().callFor(Construct->getConstructor()))
      return;
    const StringLiteral *Sql = model::sqlConstructorArgument(Construct);
    unsigned Access = Sql ? Options.Vocabulary.classifySql(Sql->getString()) : model::SA_None;
    if (Access & (model::SA_Lookup | model::SA_Insert))
      Events.push_back({Construct, Access});
  }

  const CheckThenInsertOptions &Options;
  unsigned Nodes = 0;
};

/// The variables that hold what \p Lookup found (see the file comment).
void lookupResults(const Expr *Lookup, llvm::ArrayRef<Binding> Bindings,
                   llvm::SmallPtrSetImpl<const VarDecl *> &Results) {
  if (const auto *Call = dyn_cast<CallExpr>(Lookup))
    for (const Expr *Argument : Call->arguments())
      if (const auto *Address = dyn_cast<UnaryOperator>(Argument->IgnoreParenImpCasts());
          Address && Address->getOpcode() == UO_AddrOf)
        if (const auto *Ref = dyn_cast<DeclRefExpr>(Address->getSubExpr()->IgnoreParenImpCasts()))
          if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
            Results.insert(Var);
  // In source order, so that one pass carries results forward.
  for (const Binding &B : Bindings)
    if (contains(B.Value, Lookup) || mentionsAny(B.Value, Results))
      Results.insert(B.Var);
}

std::vector<std::string> lookupColumns(const Expr *Lookup,
                                       const model::ModelVocabulary &Vocabulary) {
  llvm::SmallVector<std::string, 4> Keys;
  if (const auto *Call = dyn_cast<CallExpr>(Lookup))
    Vocabulary.lookupKeys(Call, Keys);
  else if (const StringLiteral *Sql =
               model::sqlConstructorArgument(cast<CXXConstructExpr>(Lookup)))
    model::ModelVocabulary::sqlWhereColumns(Sql->getString(), Keys);
  std::vector<std::string> Columns;
  for (const std::string &Key : Keys)
    Columns.push_back(llvm::StringRef(Key).lower());
  return Columns;
}

} // namespace

std::vector<CheckThenInsertRace>
findCheckThenInsertRaces(const Stmt *Body, const SourceManager &SM,
                         const CheckThenInsertOptions &Options) {
  std::vector<CheckThenInsertRace> Races;
  if (!Body || Options.Schema.empty())
    return Races;
  Walker Walk(Options);
  Walk.visit(Body);
  bool HasLookup = llvm::any_of(Walk.Events, [](const StoreEvent &E) {
    return (E.Access & model::SA_Lookup) != 0;
  });
  if (!HasLookup)
    return Races;
  std::optional<model::SynchronisedRegions> Regions;
  auto Before = [&](const Stmt *A, const Stmt *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  };
  for (size_t I = 0; I < Walk.Events.size(); ++I) {
    const StoreEvent &Lookup = Walk.Events[I];
    if (!(Lookup.Access & model::SA_Lookup))
      continue;
    const SqlTable *Table = Options.Schema.tableOf(Lookup.Call, Options.Record, Options.Vocabulary);
    if (!Table || !Table->isFullyKnown())
      continue;
    std::vector<std::string> Keys = lookupColumns(Lookup.Call, Options.Vocabulary);
    if (Keys.empty() || Table->isUniqueOn(Keys) ||
        !llvm::all_of(Keys, [&](const std::string &K) { return Table->hasColumn(K); }))
      continue;
    llvm::SmallPtrSet<const VarDecl *, 8> Results;
    lookupResults(Lookup.Call, Walk.Bindings, Results);
    for (size_t J = I + 1; J < Walk.Events.size(); ++J) {
      const StoreEvent &Insert = Walk.Events[J];
      if (!(Insert.Access & model::SA_Insert) || (Insert.Access & model::SA_Upsert) ||
          Options.Schema.tableOf(Insert.Call, Options.Record, Options.Vocabulary) != Table)
        continue;
      bool Decides = llvm::any_of(Walk.Conditions, [&](const Expr *Condition) {
        return !Before(Condition, Lookup.Call) && Before(Condition, Insert.Call) &&
               (contains(Condition, Lookup.Call) || mentionsAny(Condition, Results));
      });
      if (!Decides)
        continue;
      if (!Regions)
        Regions.emplace(Options.Vocabulary, Body, SM);
      const model::SyncRegion *Covering =
          Regions->covering(Lookup.Call->getBeginLoc(), Insert.Call->getBeginLoc());
      if (Covering && !(Covering->IsTransaction && Walk.WeakTransactions))
        break; // One lock or transaction makes them one step.
      bool AlreadyReported = llvm::any_of(Races, [&](const CheckThenInsertRace &R) {
        return R.Insert == Insert.Call;
      });
      if (!AlreadyReported)
        Races.push_back({Lookup.Call, Insert.Call, Table, Keys,
                         Covering ? Covering->OpenedAt : SourceLocation()});
      break;
    }
  }
  return Races;
}

} // namespace clang::tidy::modelguard::analysis
