//===--- ModelVocabulary.h - modelguard ------------------------*- C++ -*-===//
//
// The model vocabulary: the one place that knows what a record, a nullable
// member, a store call and a synchronised region look like in C++. Checks ask
// it questions; none of them matches names of its own.
//
// Every convention is configurable through CheckOptions. Each check reads the
// vocabulary options with getLocalOrGlobal, so a team can set them once at
// the top level of .clang-tidy ("RecordTypes: '^app::model::'") or per check.
// The defaults live in rules/vocabulary.json.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODEL_MODELVOCABULARY_H
#define MODELGUARD_MODEL_MODELVOCABULARY_H

#include "LibraryProfiles.h"
#include "NameMatching.h"
#include "catalog/RuleCatalog.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"
#include <optional>

namespace clang::tidy::modelguard {
/// The rules catalog is plain C++ shared with the driver; checks refer to it
/// by this short name.
namespace catalog = ::modelguard::catalog;
} // namespace clang::tidy::modelguard

namespace clang::tidy::modelguard::model {

/// What a store call does, as a set of bits: a lookup is also a read, an
/// insert is also a write, an upsert is also an insert.
enum StoreAccess : unsigned {
  SA_None = 0,
  SA_Read = 1u << 0,
  SA_Lookup = 1u << 1,
  SA_Write = 1u << 2,
  SA_Insert = 1u << 3,
  SA_Upsert = 1u << 4,
  SA_CompareAndSwap = 1u << 5,
  /// SELECT ... FOR UPDATE: a read that locks what it read.
  SA_LockingRead = 1u << 6,
};

/// A classified store call.
struct StoreCall {
  unsigned Access = SA_None;
  /// The SQL text the access was derived from, when it came from SQL.
  const StringLiteral *Sql = nullptr;
  /// The class whose name alone (StoreClassSuffixes) made this a store
  /// call; null when SQL text, a library profile or a store namespace did.
  const CXXRecordDecl *NamedClass = nullptr;

  bool is(unsigned Bits) const { return (Access & Bits) != 0; }
  explicit operator bool() const { return Access != SA_None; }
};

/// What a function does with one prepared-statement variable: where it is
/// given SQL text (null when the text is not a literal) and where values
/// are bound to it, in source order.
struct StatementUses {
  using Preparation = std::pair<SourceLocation, const StringLiteral *>;
  llvm::SmallVector<Preparation, 2> Preparations;
  llvm::SmallVector<const CallExpr *, 4> Binds;
};

/// What the SQL of a statement values are bound to does.
enum class BoundSql {
  NotABind, ///< the call is not a profiled bind
  Reads,    ///< prepared in the function with SQL that only reads
  Writes,   ///< prepared in the function with SQL that writes
  Unseen,   ///< prepared elsewhere, or with SQL that is not a literal
};

/// A statement that opens or closes a synchronised region explicitly.
enum class SyncEdge { None, Acquire, Release };

/// How a nullable member is read and tested.
enum class NullableForm { NotNullable, Wrapper, Pointer };

/// Is \p Class (complete) one of \p ExceptionClasses, or derived from one?
bool isExceptionClass(const CXXRecordDecl *Class, const DeclNameList &ExceptionClasses);

/// isExceptionClass of the class \p Type is, refers or points to.
bool isExceptionType(QualType Type, const DeclNameList &ExceptionClasses);

/// A vocabulary option whose value cannot be used.
struct OptionProblem {
  std::string Option;
  std::string Message;
  /// The value was configured for the check itself, not globally.
  bool Local = false;
};

class ModelVocabulary {
public:
  /// Reads the vocabulary options through \p Options (check-local name
  /// first, then the global one), falling back to the catalog defaults.
  explicit ModelVocabulary(const ClangTidyCheck::OptionsView &Options);

  /// Writes the effective vocabulary options into \p Map.
  void storeOptions(const ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Map) const;

  /// Problems found while reading the options (an invalid regular
  /// expression, say); the check reports them as configuration errors.
  llvm::ArrayRef<OptionProblem> configurationProblems() const { return Problems; }

  /// Forgets per-translation-unit caches.
  void reset() {
    RecordCache.clear();
    StoreNameEvidence.clear();
    PreparedStatements.clear();
    Profiles.reset();
  }

  /// The library profiles selected by the Profiles and ProfileFiles
  /// options (see LibraryProfiles.h).
  const LibraryProfiles &profiles() const { return Profiles; }

  //===--- Records ---------------------------------------------------------===//

  /// Is \p Class a record: a persisted object? Only complete classes are
  /// judged; an incomplete one is not a record (no guessing).
  bool isRecord(const CXXRecordDecl *Class) const;

  //===--- Nullable members -------------------------------------------------===//

  /// Whether values of \p Type (as written, so that _Nullable is seen) are
  /// nullable wrappers or nullable pointers.
  NullableForm nullableFormOfType(QualType Type) const;

  /// Whether \p Field is a nullable member, by its type or its annotation.
  NullableForm nullableFormOf(const FieldDecl *Field) const;

  //===--- Store calls ------------------------------------------------------===//

  /// What \p Call does to a store. A function an active library profile
  /// names is what the profile says (an `execute` by the SQL text it runs,
  /// its own argument or the text its statement was prepared with);
  /// otherwise a function in a store namespace or a member of a store class
  /// is classified by the leading verb of its name, and any call passed SQL
  /// text by the statement. A call that contains compile errors is none.
  StoreCall classifyStoreCall(const CallExpr *Call) const;

  /// The SQL text the statement \p Statement (a local variable, or `&` of
  /// one) was last given before \p Use: by its constructor or by a profiled
  /// `prepare` call in the same function. Null when that text is not a
  /// literal or no profiled preparation is seen.
  const StringLiteral *preparedSql(const Expr *Statement, const Expr *Use) const;

  /// The values bound to the statement a profiled `execute` call \p Execute
  /// runs, between its last preparation and the call
  /// (query.bindValue(":n", n); query.exec()): they are part of what the
  /// call writes.
  void boundValues(const CallExpr *Execute,
                   llvm::SmallVectorImpl<const Expr *> &Values) const;

  /// What the statement a profiled `bind` call \p Call binds into does,
  /// as far as the function shows: sqlite3_bind_text on an INSERT prepared
  /// there writes, on a SELECT reads; on a parameter or a member, or after
  /// SQL that is not a literal, the text is unseen.
  BoundSql boundSqlOf(const CallExpr *Call) const;

  /// What calling \p Function does to a store: a function in a store
  /// namespace or a member function of a store class, classified by the
  /// verbs of its name; SA_None for any other function.
  unsigned classifyStoreFunction(const FunctionDecl *Function) const;

  /// Classifies SQL text; SA_None when it is not a data statement.
  unsigned classifySql(llvm::StringRef Sql) const;

  /// Classifies a Redis command ("GET k", "SET k v NX", "HINCRBY h f 1");
  /// SA_None for commands that touch no data (MULTI, PING).
  static unsigned classifyRedisCommand(llvm::StringRef Command);

  /// The access a store function's name expresses: that of the first word
  /// of the name that starts a verb phrase (with every phrase starting
  /// there), so "getLastInsertRowid" is a read and "row_insert_or_ignore"
  /// an upsert.
  unsigned classifyStoreVerbs(llvm::StringRef FunctionName) const;

  /// Is \p Class a store class (its name ends in one of StoreClassSuffixes)?
  bool isStoreClass(const CXXRecordDecl *Class) const;

  /// Does what the translation unit shows of store class \p Class bear its
  /// name out? A name is only a name: `VideoStore` may be a video muxer and
  /// `Connection` a socket. The class is borne out when a data member (its
  /// own or a base's) holds a store handle (a class of a store namespace,
  /// a class a library profile names members of, or a store class that is
  /// itself borne out), or when a member function defined in the unit makes
  /// a store call that does not rest on a class name alone. It is refuted
  /// only when the unit shows both data members and member function bodies
  /// and neither kind of evidence; a class the unit shows less of keeps
  /// what its name says. Cached per translation unit; bounded work.
  bool bearsOutStoreName(const CXXRecordDecl *Class) const;

  /// Is \p Type declared by the store layer: a class or type alias in a
  /// store namespace, or a store class? Values of such types (a `db::Values`
  /// map, a `db::Row`) are what the store persists.
  bool isStoreValueType(QualType Type) const;

  /// The SQL string literal passed to \p Call (directly, through a
  /// std::string temporary or through a const variable initialised with a
  /// literal), or null. Of several literals, the first that starts like a
  /// SQL statement (prepare("add_invoice", "INSERT ..."): the statement,
  /// not its name), else the first.
  static const StringLiteral *sqlArgument(const CallExpr *Call);

  /// The columns the WHERE clause of SQL text tests, lower case, without
  /// table qualifiers, bind parameters, functions and SQL keywords:
  /// "SELECT * FROM t WHERE t.name = :name AND owner_id = ?" gives
  /// {name, owner_id}. Empty when there is no WHERE clause.
  static void sqlWhereColumns(llvm::StringRef Sql,
                              llvm::SmallVectorImpl<std::string> &Columns);

  /// The keys a store lookup \p Call is made by, as normalised names (see
  /// normalisedName): the words after "by" in the callee's name
  /// ("get_by_request_id" gives request_id, "find_by_name_and_owner" gives
  /// name and owner), else the columns of its SQL WHERE clause, else the
  /// names of the variables and members passed as arguments (leaving out
  /// records and objects passed by non-const reference or pointer, such as
  /// a context or a session). Empty when nothing tells.
  void lookupKeys(const CallExpr *Call,
                  llvm::SmallVectorImpl<std::string> &Keys) const;

  //===--- Synchronisation --------------------------------------------------===//

  /// Is \p Var an RAII lock or transaction whose lifetime is a synchronised
  /// region?
  bool isScopedSynchronisation(const VarDecl *Var) const;

  /// Whether \p Call acquires or releases a lock or a SQL transaction
  /// explicitly, and on which object (\p Key, null for SQL).
  SyncEdge classifySyncCall(const CallExpr *Call, const Decl *&Key) const;

  /// Does \p Call open a transaction (a SQL BEGIN, a profiled begin such
  /// as QSqlDatabase::transaction, Redis MULTI or WATCH), as opposed to
  /// taking a lock?
  bool opensTransaction(const CallExpr *Call) const;

  /// Does \p Class provide lock() and unlock() (a mutex-like object)?
  bool isLockable(const CXXRecordDecl *Class) const;

  /// Is \p Class a transaction type?
  bool isTransactionType(const CXXRecordDecl *Class) const;

  /// Is \p Class a std::unique_ptr or std::shared_ptr to a transaction type
  /// of an active library profile?
  bool isOwnedTransaction(const CXXRecordDecl *Class) const;

  //===--- User-facing sinks ------------------------------------------------===//

  /// Is \p Class shown to users according to an active library profile (a
  /// response or an RPC status such as grpc::Status)?
  bool isProfiledResponseType(const CXXRecordDecl *Class) const {
    return Profiles.isResponseType(Class);
  }

  /// Do \p Function's arguments reach users according to an active library
  /// profile (a body setter, a send function)?
  bool isProfiledResponseFunction(const FunctionDecl *Function) const {
    return Profiles.isResponseFunction(Function);
  }

private:
  unsigned accessOfVerbAt(llvm::ArrayRef<std::string> Words, size_t Start) const;
  StoreCall classifyProfiledCall(const CallExpr *Call,
                                 const profiles::ProfileCall &Known) const;
  const Expr *statementOf(const CallExpr *Call,
                          const profiles::ProfileCall &Known) const;
  bool computeIsRecord(const CXXRecordDecl *Class, unsigned Depth) const;
  bool hasPersistMethod(const CXXRecordDecl *Class) const;
  bool hasRecordAnnotation(const Decl *D) const;
  /// Whether \p Class itself (not its bases) is a nullable wrapper: an
  /// instance of a NullableTemplates template or one a library profile names.
  bool isNullableClass(const CXXRecordDecl *Class) const;
  /// How many levels of base classes nullableFormOfType looks through.
  static constexpr unsigned MaxNullableBaseDepth = 4;
  bool isInStoreNamespace(const Decl *D) const;
  bool computeBearsOutStoreName(const CXXRecordDecl *Definition, unsigned Depth) const;
  bool bearsOutStoreName(const CXXRecordDecl *Class, unsigned Depth) const;
  bool holdsStoreHandle(QualType Type, unsigned Depth) const;
  bool isStoreHandleClass(const CXXRecordDecl *Class, unsigned Depth) const;
  bool bodyMakesStoreCall(const Stmt *Body, const CXXRecordDecl *Owner,
                          unsigned Depth, unsigned &Budget) const;
  std::optional<llvm::Regex> compileRegex(const ClangTidyCheck::OptionsView &Options,
                                          llvm::StringRef OptionName);

  /// The raw option values, in catalog order, for storeOptions.
  std::vector<std::pair<std::string, std::string>> RawOptions;
  std::vector<OptionProblem> Problems;

  std::string RecordAnnotation;
  std::vector<std::string> RecordBaseSuffixes;
  std::vector<std::string> RecordPersistMethods;
  std::optional<llvm::Regex> RecordTypes;

  DeclNameList NullableTemplates;
  std::string NullableAnnotation;
  std::optional<llvm::Regex> NullableTypes;

  std::vector<std::string> StoreNamespaces;
  DeclNameList StoreClasses;
  VerbPhrases ReadVerbs, LookupVerbs, WriteVerbs, InsertVerbs, UpsertVerbs,
      CompareAndSwapVerbs;

  DeclNameList LockTypes;
  std::vector<std::string> GuardNameSuffixes;
  DeclNameList TransactionTypes;
  std::vector<std::string> LockMethods, UnlockMethods;

  mutable llvm::DenseMap<const CXXRecordDecl *, bool> RecordCache;
  /// bearsOutStoreName, by class definition.
  mutable llvm::DenseMap<const CXXRecordDecl *, bool> StoreNameEvidence;

  /// Filled while Profiles is constructed, then moved into Problems.
  std::vector<ProfileProblem> ProfileProblems;
  LibraryProfiles Profiles;
  const StatementUses *statementUses(const VarDecl *Statement) const;
  /// Per statement variable, filled on first use.
  mutable llvm::DenseMap<const VarDecl *, StatementUses> PreparedStatements;
};

} // namespace clang::tidy::modelguard::model

#endif // MODELGUARD_MODEL_MODELVOCABULARY_H
