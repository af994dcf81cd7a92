//===--- SqlSchema.h - modelguard ------------------------------*- C++ -*-===//
//
// What a project's SQL schema says about uniqueness: the tables it creates,
// their columns, and the sets of columns the database keeps unique (primary
// keys, UNIQUE column and table constraints, unique indexes). Read from DDL
// text in the SQLite, PostgreSQL and MySQL dialects:
//
//   CREATE [TEMP] TABLE [IF NOT EXISTS] t ( column ..., [CONSTRAINT c]
//       PRIMARY KEY (...) | UNIQUE [KEY|INDEX] [name] (...), ... )
//   CREATE UNIQUE INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON t (...)
//   ALTER TABLE t ADD [CONSTRAINT c] UNIQUE|PRIMARY KEY (...),
//       ADD [COLUMN] ..., DROP CONSTRAINT|INDEX|KEY|COLUMN ..., RENAME ...
//   DROP TABLE t, DROP INDEX i
//
// Statements are applied in the order they are read, so migrations split
// across files read in order give the schema they build. Anything else is
// skipped: a statement that is not one of these, or a part of one the
// reader does not understand (an EXCLUDE constraint, CREATE TABLE ... AS,
// LIKE); a table with such a part is marked as only partly understood, so
// that the absence of a key in it is never taken as a fact.
//
// The reader is a single forward pass over tokens with no recursion: its
// work is linear in the length of the text, and malformed text ends a
// statement early rather than failing.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODEL_SQLSCHEMA_H
#define MODELGUARD_MODEL_SQLSCHEMA_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::modelguard::model {

/// A set of columns whose values the database keeps unique in a table.
struct SqlUniqueKey {
  /// Column names, lower case, in the order the key lists them.
  std::vector<std::string> Columns;
  /// The constraint or index name, lower case (the database's default name
  /// for an unnamed constraint: PostgreSQL's t_col_key and t_pkey).
  std::string Name;
  bool IsPrimary = false;
  /// A unique index with a WHERE clause: unique only among the rows that
  /// satisfy it.
  bool IsPartial = false;

  /// "'a'" or "'a, b'", for messages.
  std::string spelling() const;
};

struct SqlTable {
  /// Lower case, without a schema qualifier.
  std::string Name;
  /// Columns in declaration order, lower case.
  std::vector<std::string> Columns;
  /// Columns whose values the database generates (SERIAL, AUTO_INCREMENT,
  /// GENERATED ... AS IDENTITY, SQLite's INTEGER PRIMARY KEY, a DEFAULT of
  /// a sequence or a UUID function): keys on them alone are surrogate keys.
  std::vector<std::string> GeneratedColumns;
  std::vector<SqlUniqueKey> UniqueKeys;
  /// A CREATE TABLE for it was read (a table known only from a CREATE
  /// INDEX or an ALTER TABLE is not fully known).
  bool Created = false;
  /// No part of its definition was skipped.
  bool FullyUnderstood = true;
  /// Where it was created: a file name or "a string literal".
  std::string Origin;

  /// Did the reader see everything that defines this table?
  bool isFullyKnown() const { return Created && FullyUnderstood; }

  /// Does some unique key of this table consist only of columns in
  /// \p Columns (lower case)? Then rows that agree on \p Columns are one row.
  bool isUniqueOn(llvm::ArrayRef<std::string> Columns) const;

  /// Is \p Key a natural key: not only columns whose values the database
  /// generates (an auto-incremented id is a surrogate key)?
  bool isNaturalKey(const SqlUniqueKey &Key) const;

  /// The natural unique keys, in declaration order.
  std::vector<const SqlUniqueKey *> naturalKeys() const;

  bool hasColumn(llvm::StringRef Column) const;
};

class SqlSchema {
public:
  /// Reads the statements of \p Text in order; \p Origin names it in
  /// SqlTable::Origin. Never fails: what it does not understand is skipped.
  void read(llvm::StringRef Text, llvm::StringRef Origin);

  /// The table named \p Name (case-insensitive; a schema qualifier and
  /// quotes are ignored), or null.
  const SqlTable *table(llvm::StringRef Name) const;

  /// The table an entity named \p EntityName (a class name such as
  /// "InstanceAction" or words such as "user") is stored in: the name in
  /// snake_case, singular or plural; null when the schema has none.
  const SqlTable *tableForEntity(llvm::StringRef EntityName) const;

  bool empty() const { return Tables.empty(); }
  size_t size() const { return Tables.size(); }

  /// Statements read, and how many of them were skipped as not schema
  /// statements or not understood.
  unsigned statementsRead() const { return StatementsRead; }
  unsigned statementsSkipped() const { return StatementsSkipped; }

  /// Tables in the order they were created.
  std::vector<const SqlTable *> tables() const;

private:
  friend class SqlStatementReader;
  SqlTable &tableNamed(llvm::StringRef Name);
  void dropTable(llvm::StringRef Name);

  std::vector<SqlTable> Tables;
  /// Lower-case name to index in Tables; dropped tables are removed.
  llvm::StringMap<size_t> Index;
  unsigned StatementsRead = 0;
  unsigned StatementsSkipped = 0;
};

/// The table a data statement works on: INSERT INTO t, UPDATE t, DELETE
/// FROM t, REPLACE INTO t, the first table after FROM of a SELECT (lower
/// case, unqualified); empty when there is none.
std::string sqlStatementTable(llvm::StringRef Sql);

/// Does \p Sql begin with DDL the schema reader understands (CREATE TABLE,
/// CREATE UNIQUE INDEX, ALTER TABLE)? Used to find DDL in string literals.
bool looksLikeSchemaDdl(llvm::StringRef Sql);

} // namespace clang::tidy::modelguard::model

#endif // MODELGUARD_MODEL_SQLSCHEMA_H
