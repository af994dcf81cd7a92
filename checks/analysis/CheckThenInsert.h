//===--- CheckThenInsert.h - modelguard ------------------------*- C++ -*-===//
//
// The check-then-insert race of one function body: a store lookup by some
// columns decides whether a row is inserted into the same table, and
// nothing makes the two one atomic step.
//
// Algorithm (intra-procedural, one walk of the body in source order,
// lambda bodies skipped because they run when they are called):
//   1. Record the store calls (calls the vocabulary classifies, a profiled
//      execute by the SQL its statement was prepared with, and statement
//      objects of unprofiled libraries constructed with their SQL), the
//      conditions (if, while, ?:) and the variables that are initialised
//      or assigned.
//   2. A lookup's *results* are the variables initialised or assigned from
//      an expression containing it, the variables it fills through `&v`, a
//      statement object constructed with its SQL, and, transitively, the
//      variables computed from these.
//   3. A lookup on table T by columns K *decides* an insert into T that
//      follows it when a condition between them contains the lookup or
//      mentions one of its results.
//   4. It is a race when the schema fully knows T, every column of K is a
//      column of T, no unique key of T lies within K, and no synchronised
//      region covers both calls -- or one does, but it is a transaction at
//      an isolation level set weaker than SERIALIZABLE (READ COMMITTED,
//      REPEATABLE READ, READ UNCOMMITTED: in SQL text, or as the
//      isolation-level template argument of the transaction type).
// Without a schema nothing is reported: only the schema says that nothing
// else keeps K unique. Work is bounded by MaxNodes per body.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_ANALYSIS_CHECKTHENINSERT_H
#define MODELGUARD_ANALYSIS_CHECKTHENINSERT_H

#include "model/ProjectSchema.h"

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::modelguard::analysis {

struct CheckThenInsertOptions {
  const model::ModelVocabulary &Vocabulary;
  const model::SchemaView &Schema;
  /// The record the function creates, when known (a create path's).
  const CXXRecordDecl *Record = nullptr;
  /// Statements visited per body.
  unsigned MaxNodes = 50000;
};

struct CheckThenInsertRace {
  /// The lookup call or statement construction.
  const Expr *Lookup = nullptr;
  const Expr *Insert = nullptr;
  const model::SqlTable *Table = nullptr;
  /// The looked-up columns, lower case.
  std::vector<std::string> Keys;
  /// Where a transaction that covers both at a weak isolation level was
  /// opened (invalid when none covers both).
  SourceLocation WeakTransaction;
};

/// The races in \p Body (see the file comment), at most one per insert.
std::vector<CheckThenInsertRace>
findCheckThenInsertRaces(const Stmt *Body, const SourceManager &SM,
                         const CheckThenInsertOptions &Options);

} // namespace clang::tidy::modelguard::analysis

#endif // MODELGUARD_ANALYSIS_CHECKTHENINSERT_H
