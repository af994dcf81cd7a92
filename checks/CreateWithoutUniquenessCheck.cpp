//===--- CreateWithoutUniquenessCheck.cpp - modelguard ---------------------===//
//
// A create path (a function named like create/insert/add/register that
// belongs to a record or a repository, or takes a record) is reported when
//   - an `if` at the top level of its body tests only the record's identity
//     (id set, id != 0, isNew(), an "id" key) and leaves the function, and
//   - the first store insert after that guard is a plain insert (not an
//     upsert, not INSERT ... ON CONFLICT and friends), and
//   - no store lookup by another key (a natural key when NaturalKeys names
//     the record's, or the schema's unique keys) comes before that insert,
//   - and the schema, when it knows the table, keeps no natural key of it
//     unique (a unique constraint makes a repeated insert fail).
// Every function and lambda body is also looked at for a check-then-insert
// race (see analysis/CheckThenInsert.h), which needs the schema.
// Bodies are looked at at the end of the translation unit, once every DDL
// string literal in it has been read.
// Calls are visited in source order; lambda bodies are skipped inside the
// function that writes them because they run when they are called.
//
//===----------------------------------------------------------------------===//

#include "CreateWithoutUniquenessCheck.h"

#include "analysis/CheckThenInsert.h"
#include "model/FunctionBodies.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/Support/Path.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

/// Bounded work per function: a create path with more calls than this is
/// looked at up to here.
constexpr unsigned MaxCallsPerFunction = 4096;
/// Conditions nested deeper than this are not searched for identity names.
constexpr unsigned MaxConditionDepth = 32;

/// Calls in \p S in source order, skipping lambda bodies (they run
/// elsewhere).
void collectCalls(const Stmt *S, llvm::SmallVectorImpl<const CallExpr *> &Calls) {
  if (!S || isa<LambdaExpr>(S) || Calls.size() >= MaxCallsPerFunction)
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    Calls.push_back(Call);
  for (const Stmt *Child : S->children())
    collectCalls(Child, Calls);
}

/// Does \p S leave the function (return or throw) on its own?
bool exits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  if (const auto *Expression = dyn_cast<Expr>(S))
    return isa<CXXThrowExpr>(Expression->IgnoreParenImpCasts());
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return !Block->body_empty() && exits(Block->body_back());
  return false;
}

std::string quotedList(llvm::ArrayRef<std::string> Names) {
  std::string Text;
  for (size_t I = 0; I < Names.size(); ++I) {
    if (I)
      Text += I + 1 == Names.size() ? " or " : ", ";
    Text += "'" + Names[I] + "'";
  }
  return Text;
}

} // namespace

CreateWithoutUniquenessCheck::CreateWithoutUniquenessCheck(StringRef Name,
                                                           ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context), CreateVerbs(stringOption("CreateFunctionVerbs")),
      IdentityNameList(model::parseNormalisedList(stringOption("IdentityNames"))),
      IdentityMethodList(model::parseList(stringOption("IdentityMethods"))),
      UnsetMethodList(model::parseNormalisedList(stringOption("UnsetMethods"))),
      UnsavedWords(model::parseLowerList(stringOption("UnsavedMethodWords"))),
      SchemaGlobs(model::parseList(stringOption("SchemaFiles"))) {
  // "Type: field, field; Other: field"
  llvm::SmallVector<StringRef, 4> Entries;
  stringOption("NaturalKeys").split(Entries, ';', -1, /*KeepEmpty=*/false);
  for (StringRef Entry : Entries) {
    auto [Type, Fields] = Entry.rsplit(':');
    Type = Type.trim();
    if (Type.empty() || Fields.trim().empty()) {
      configurationDiag("%0: option 'NaturalKeys': entry '%1' is not 'Type: field, ...'")
          << Name << Entry.trim();
      continue;
    }
    std::vector<std::string> &Keys = NaturalKeyMap[Type];
    for (const std::string &Field : model::parseList(Fields))
      Keys.push_back(model::normalisedName(Field));
  }
  if (StringRef TestFileRegex = stringOption("TestFileRegex"); !TestFileRegex.empty()) {
    llvm::Regex Compiled(TestFileRegex);
    std::string Error;
    if (Compiled.isValid(Error))
      TestFiles = std::move(Compiled);
    else
      configurationDiag("%0: option 'TestFileRegex': invalid regular expression '%1': %2")
          << Name << TestFileRegex << Error;
  }
}

namespace {

/// A string literal holding DDL the schema reader understands.
AST_MATCHER(StringLiteral, isSchemaDdl) {
  return Node.getCharByteWidth() == 1 && model::looksLikeSchemaDdl(Node.getString());
}

} // namespace

void CreateWithoutUniquenessCheck::registerMatchers(MatchFinder *Finder) {
  // One walk over the function bodies (model/FunctionBodies.h).
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
  // CREATE TABLE ... executed at start-up.
  Finder->addMatcher(stringLiteral(isSchemaDdl()).bind("ddl"), this);
}

void CreateWithoutUniquenessCheck::onStartOfTranslationUnit() {
  ModelGuardCheck::onStartOfTranslationUnit();
  Functions.clear();
  CodeSchema = model::SqlSchema();
  FileSchema.reset();
  FileSchemaLoaded = false;
}

/// The schema files that apply to the main file: the SchemaFiles globs
/// relative to the nearest .clang-tidy file's directory (absolute globs
/// only when there is none), read once per process.
void CreateWithoutUniquenessCheck::loadSchemaFiles(const SourceManager &SM) {
  if (FileSchemaLoaded)
    return;
  FileSchemaLoaded = true;
  if (SchemaGlobs.empty())
    return;
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return;
  std::string Base = model::configurationDirectoryOf(Main->getName());
  std::vector<std::string> Globs;
  for (const std::string &Glob : SchemaGlobs)
    if (!Base.empty() || llvm::sys::path::is_absolute(Glob))
      Globs.push_back(Glob);
  if (Globs.empty())
    return;
  FileSchema = model::loadSchemaFiles(Base, Globs);
  if (!ReportedSchemaProblems) {
    ReportedSchemaProblems = true;
    for (const std::string &Problem : FileSchema->Problems)
      configurationDiag("%0: option 'SchemaFiles': %1") << getID() << Problem;
  }
}

model::SchemaView CreateWithoutUniquenessCheck::schema() const {
  return model::SchemaView(&CodeSchema, FileSchema ? &FileSchema->Schema : nullptr);
}

/// The record a create path creates (null when it cannot tell), and in
/// \p IsCreatePath whether \p Function is a create path at all.
const CXXRecordDecl *
CreateWithoutUniquenessCheck::createdRecord(const FunctionDecl *Function,
                                            bool &IsCreatePath) const {
  IsCreatePath = false;
  if (!Function->getDeclName().isIdentifier() ||
      !CreateVerbs.matchesName(Function->getName()))
    return nullptr;
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  // A method of a record ...
  if (Method && vocabulary().isRecord(Method->getParent())) {
    IsCreatePath = true;
    return Method->getParent();
  }
  // ... any function taking a record ...
  for (const ParmVarDecl *Parameter : Function->parameters()) {
    QualType Type = Parameter->getType().getNonReferenceType();
    if (Type->isPointerType())
      Type = Type->getPointeeType();
    if (const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
        vocabulary().isRecord(Class)) {
      IsCreatePath = true;
      return Class;
    }
  }
  // ... or a method of a repository / DAO.
  IsCreatePath = Method && vocabulary().isStoreClass(Method->getParent());
  return nullptr;
}

bool CreateWithoutUniquenessCheck::isIdentityTest(const Stmt *Condition,
                                                  unsigned Depth) const {
  if (!Condition || Depth > MaxConditionDepth || isa<LambdaExpr>(Condition))
    return false;
  const NamedDecl *Named = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Condition))
    Named = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(Condition))
    Named = Member->getMemberDecl();
  if (Named && Named->getDeclName().isIdentifier()) {
    // id, m_id, id_: the identity field or variable.
    if (isa<FieldDecl>(Named) || isa<VarDecl>(Named))
      if (llvm::is_contained(IdentityNameList, model::normalisedName(Named->getName())))
        return true;
    // isNew(), hasId()
    if (isa<CXXMethodDecl>(Named) &&
        llvm::is_contained(IdentityMethodList, Named->getName()))
      return true;
  }
  // values.count("id"), obj.contains("id"): an "id" key lookup.
  if (const auto *Literal = dyn_cast<StringLiteral>(Condition))
    return Literal->getCharByteWidth() == 1 &&
           llvm::is_contained(IdentityNameList,
                              model::normalisedName(Literal->getString()));
  for (const Stmt *Child : Condition->children())
    if (isIdentityTest(Child, Depth + 1))
      return true;
  return false;
}

namespace {

/// `0`, `-1`, `false`, `nullptr`, `std::nullopt`, `""`: what an unset
/// identity is compared with.
bool isUnsetValue(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  bool Negative = false;
  if (const auto *Minus = dyn_cast<UnaryOperator>(E); Minus && Minus->getOpcode() == UO_Minus) {
    E = Minus->getSubExpr()->IgnoreParenImpCasts();
    Negative = true;
  }
  if (const auto *Integer = dyn_cast<IntegerLiteral>(E))
    return Integer->getValue() == (Negative ? 1 : 0);
  if (Negative)
    return false;
  if (const auto *Boolean = dyn_cast<CXXBoolLiteralExpr>(E))
    return !Boolean->getValue();
  if (const auto *Literal = dyn_cast<StringLiteral>(E))
    return Literal->getLength() == 0;
  if (isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl()->getDeclName().isIdentifier() && Ref->getDecl()->getName() == "nullopt";
  return false;
}

} // namespace

/// When \p Condition is true: +1 when it means the identity is set (`id`,
/// `id != 0`, `id.has_value()`, `!isNew()`), -1 when it means the identity
/// is *not* set (`!id`, `id == 0`, `isNew()`, `id.empty()`), 0 when it
/// cannot tell. Leaving the function when the identity is not set is a
/// precondition of an update, not a guard against creating twice.
int CreateWithoutUniquenessCheck::identityPolarity(const Expr *E, unsigned Depth) const {
  if (!E || Depth > MaxConditionDepth)
    return 0;
  E = E->IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E); Unary && Unary->getOpcode() == UO_LNot)
    return -identityPolarity(Unary->getSubExpr(), Depth + 1);
  const Expr *LHS = nullptr, *RHS = nullptr;
  bool Equal = false;
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    if (Binary->isLogicalOp())
      return identityPolarity(isIdentityTest(Binary->getLHS()) ? Binary->getLHS()
                                                               : Binary->getRHS(),
                              Depth + 1);
    if (Binary->isEqualityOp()) {
      Equal = Binary->getOpcode() == BO_EQ;
      LHS = Binary->getLHS();
      RHS = Binary->getRHS();
    }
  } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
             Operator && Operator->getNumArgs() == 2 &&
             (Operator->getOperator() == OO_EqualEqual ||
              Operator->getOperator() == OO_ExclaimEqual)) {
    Equal = Operator->getOperator() == OO_EqualEqual;
    LHS = Operator->getArg(0);
    RHS = Operator->getArg(1);
  }
  if (LHS && RHS) {
    const Expr *Tested = isUnsetValue(RHS) ? LHS : isUnsetValue(LHS) ? RHS : nullptr;
    int Inner = Tested ? identityPolarity(Tested, Depth + 1) : 0;
    return Equal ? -Inner : Inner;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->getDeclName().isIdentifier())
      return isa_and_nonnull<CXXConversionDecl>(Method) ? 1 : 0; // operator bool
    if (llvm::is_contained(UnsetMethodList, model::normalisedName(Method->getName())))
      return -1;
    if (llvm::is_contained(IdentityMethodList, Method->getName()))
      return model::nameContainsAny(Method->getName(), UnsavedWords) ? -1 : 1;
    return 1; // has_value(), count("id"), contains("id")
  }
  if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E))
    return 1; // if (id), if (m_id)
  return 0;
}

const IfStmt *CreateWithoutUniquenessCheck::findIdentityGuard(const Stmt *Body) const {
  const auto *Block = dyn_cast<CompoundStmt>(Body);
  if (!Block)
    return nullptr;
  for (const Stmt *S : Block->body())
    if (const auto *If = dyn_cast<IfStmt>(S))
      if (exits(If->getThen()) && isIdentityTest(If->getCond()) &&
          identityPolarity(If->getCond()) >= 0)
        return If;
  return nullptr;
}

const std::vector<std::string> *
CreateWithoutUniquenessCheck::naturalKeysOf(const CXXRecordDecl *Record) const {
  if (!Record || NaturalKeyMap.empty() || !Record->getDeclName().isIdentifier())
    return nullptr;
  auto It = NaturalKeyMap.find(Record->getName());
  if (It == NaturalKeyMap.end())
    It = NaturalKeyMap.find("::" + Record->getQualifiedNameAsString());
  return It == NaturalKeyMap.end() ? nullptr : &It->second;
}

/// Does \p Call look the created record up in a way that can tell whether
/// it already exists: a store lookup by something else than its identity,
/// or by one of its natural keys when they are configured?
bool CreateWithoutUniquenessCheck::countsAsLookup(const CallExpr *Call,
                                                  const CXXRecordDecl *Record) const {
  llvm::SmallVector<std::string, 4> Keys;
  vocabulary().lookupKeys(Call, Keys);
  if (const std::vector<std::string> *Natural = naturalKeysOf(Record))
    return llvm::any_of(Keys, [&](const std::string &Key) {
      return llvm::is_contained(*Natural, Key);
    });
  if (Keys.empty())
    return true; // exists(record): by whatever the store compares.
  return !llvm::all_of(Keys, [&](const std::string &Key) {
    return llvm::is_contained(IdentityNameList, Key);
  });
}

void CreateWithoutUniquenessCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Ddl = Result.Nodes.getNodeAs<StringLiteral>("ddl")) {
    CodeSchema.read(Ddl->getString(), "a string literal");
    return;
  }
  const auto *Unit = Result.Nodes.getNodeAs<TranslationUnitDecl>("unit");
  const SourceManager &SM = *Result.SourceManager;
  loadSchemaFiles(SM);
  // Looked at once the whole unit, and so every DDL literal in it, is seen.
  model::forEachFunctionBody(Unit, SM, [&](const model::FunctionBody &Body) {
    Functions.push_back({Body.Function, Body.Body, Body.Lambda != nullptr, &SM});
  });
}

void CreateWithoutUniquenessCheck::onEndOfTranslationUnit() {
  for (const PendingBody &Pending : Functions) {
    const SourceManager &SM = *Pending.SM;
    if (TestFiles &&
        TestFiles->match(SM.getFilename(SM.getExpansionLoc(Pending.Function->getLocation()))))
      continue;
    // A lambda is no create path: it has no name to say so.
    if (!Pending.IsLambda && isa<CompoundStmt>(Pending.Body))
      checkCreatePath(Pending.Function, SM);
    checkLookupThenInsert(Pending.Function, Pending.Body, SM);
  }
  Functions.clear();
}

namespace {

/// "'a'", "'a' and 'b, c'": the unique keys of a table, for messages.
std::string keyList(llvm::ArrayRef<model::SqlUniqueKey> Keys) {
  std::string Text;
  for (size_t I = 0; I < Keys.size(); ++I) {
    if (I)
      Text += I + 1 == Keys.size() ? " and " : ", ";
    Text += Keys[I].spelling();
  }
  return Text;
}

} // namespace

void CreateWithoutUniquenessCheck::checkCreatePath(const FunctionDecl *Function,
                                                   const SourceManager &SM) {
  bool IsCreatePath = false;
  const CXXRecordDecl *Record = createdRecord(Function, IsCreatePath);
  if (!IsCreatePath)
    return;
  const IfStmt *Guard = findIdentityGuard(Function->getBody());
  if (!Guard)
    return; // No identity guard: an append-only insert is not this defect.

  model::SchemaView Schema = schema();
  llvm::SmallVector<const CallExpr *, 32> Calls;
  collectCalls(Function->getBody(), Calls);
  for (const CallExpr *Call : Calls) {
    model::StoreCall Store = vocabulary().classifyStoreCall(Call);
    if (Store.is(model::SA_Lookup) && countsAsLookup(Call, Record))
      return; // Looked up by another key before inserting.
    // Stmt::getSourceRange dispatches on the statement's class: an
    // operator call (`sql << "insert ..."`) starts at its first operand,
    // where CallExpr::getBeginLoc would give the operator.
    SourceLocation CallBegin = Call->getSourceRange().getBegin();
    if (!Store.is(model::SA_Insert) || Store.is(model::SA_Upsert) ||
        SM.isBeforeInTranslationUnit(CallBegin, Guard->getEndLoc()))
      continue;
    const model::SqlTable *Table = Schema.tableOf(Call, Record, vocabulary());
    if (Table && !Table->naturalKeys().empty())
      return; // A unique constraint on a natural key rejects a second row.
    const FunctionDecl *Callee = Call->getDirectCallee();
    std::string What = Store.Sql || !Callee ? std::string("SQL INSERT")
                                            : Callee->getQualifiedNameAsString();
    const std::vector<std::string> *Natural = naturalKeysOf(Record);
    // What the schema says about the table's keys, when it says all of it.
    unsigned SchemaSays = !Table || !Table->isFullyKnown() ? 0
                          : Table->UniqueKeys.empty()      ? 1
                                                           : 2;
    diag(CallBegin,
         "'%0' inserts a new %select{record|'%2'}1 guarded only by an identity "
         "test, with no lookup by %select{another key|%4}3 before it"
         "%select{|; table '%6' has no unique key|; table '%6' is unique only on %7}5")
        << What << (Record && Record->getIdentifier())
        << (Record && Record->getIdentifier() ? Record->getName() : StringRef())
        << (Natural != nullptr) << (Natural ? quotedList(*Natural) : std::string())
        << SchemaSays << (Table ? Table->Name : std::string())
        << (Table ? keyList(Table->UniqueKeys) : std::string());
    diag(Guard->getCond()->getBeginLoc(),
         "the only guard against creating the record twice was this identity test",
         DiagnosticIDs::Note);
    return;
  }
}

void CreateWithoutUniquenessCheck::checkLookupThenInsert(const FunctionDecl *Function,
                                                         const Stmt *Body,
                                                         const SourceManager &SM) {
  model::SchemaView Schema = schema();
  if (Schema.empty())
    return;
  bool IsCreatePath = false;
  analysis::CheckThenInsertOptions Options{vocabulary(), Schema,
                                           createdRecord(Function, IsCreatePath)};
  for (const analysis::CheckThenInsertRace &Race :
       analysis::findCheckThenInsertRaces(Body, SM, Options)) {
    std::string Keys = quotedList(Race.Keys);
    diag(Race.Insert->getBeginLoc(),
         "the lookup and the insert into '%0' are separate; nothing in the schema "
         "makes %1 unique")
        << Race.Table->Name << Keys;
    diag(Race.Lookup->getBeginLoc(), "'%0' was looked up by %1 here",
         DiagnosticIDs::Note)
        << Race.Table->Name << Keys;
    if (Race.WeakTransaction.isValid())
      diag(Race.WeakTransaction,
           "the transaction opened here runs at an isolation level that lets both "
           "happen twice",
           DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::modelguard
