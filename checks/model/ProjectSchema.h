//===--- ProjectSchema.h - modelguard --------------------------*- C++ -*-===//
//
// The SQL schema of the project being checked: the files the SchemaFiles
// option names, read once per process, and the DDL string literals of the
// translation unit (`CREATE TABLE ...` executed at start-up).
//
// Files are found by globs relative to a base directory: the directory of
// the nearest `.clang-tidy` file above the translation unit's main file.
// `*`, `?`, `[...]` and `{a,b}` match within one path component, `**`
// matches any number of directories. The walk is bounded (MaxDirectoryEntries
// entries, MaxSchemaFiles files, MaxSchemaFileBytes per file), skips hidden
// directories and node_modules, and reads files in path order, so that
// numbered migrations apply in order.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODEL_PROJECTSCHEMA_H
#define MODELGUARD_MODEL_PROJECTSCHEMA_H

#include "ModelVocabulary.h"
#include "SqlSchema.h"

#include "clang/AST/Expr.h"
#include <memory>

namespace clang::tidy::modelguard::model {

/// Bounds of the search for schema files.
constexpr unsigned MaxDirectoryEntries = 20000;
constexpr unsigned MaxSchemaFiles = 256;
constexpr uint64_t MaxSchemaFileBytes = 4u << 20;

/// The schema files found under one base directory by one list of globs.
struct SchemaFileSet {
  SqlSchema Schema;
  /// The files read, in the order they were read.
  std::vector<std::string> Files;
  /// Bounds that were reached and files that could not be read.
  std::vector<std::string> Problems;
};

/// The schema the files matching \p Globs under \p BaseDirectory define.
/// Read once per process for each (directory, globs) pair and then shared;
/// safe to call from several threads.
std::shared_ptr<const SchemaFileSet>
loadSchemaFiles(llvm::StringRef BaseDirectory, llvm::ArrayRef<std::string> Globs);

/// The directory of the nearest `.clang-tidy` file at or above the
/// directory of \p File, or empty when there is none.
std::string configurationDirectoryOf(llvm::StringRef File);

/// The schema a check consults: the translation unit's DDL literals first,
/// then the schema files.
class SchemaView {
public:
  SchemaView() = default;
  SchemaView(const SqlSchema *Code, const SqlSchema *Files) : Code(Code), Files(Files) {}

  bool empty() const {
    return (!Code || Code->empty()) && (!Files || Files->empty());
  }
  const SqlTable *table(llvm::StringRef Name) const;
  const SqlTable *tableForEntity(llvm::StringRef EntityName) const;

  /// The table a store call works on: the table of its SQL text; else of
  /// the record passed to it; else of \p Record (the record a create path
  /// creates); else of a word of the callee's name before "by"
  /// (find_user_by_name, insert_user) or of its store class's name without
  /// the store suffix (UserRepository). Null when none is in the schema.
  /// \p StoreCall is a CallExpr or a CXXConstructExpr (a statement object
  /// constructed with its SQL).
  const SqlTable *tableOf(const Expr *StoreCall, const CXXRecordDecl *Record,
                          const ModelVocabulary &Vocabulary) const;

private:
  const SqlSchema *Code = nullptr;
  const SqlSchema *Files = nullptr;
};

/// The SQL string literal an object construction is passed
/// (`SQLite::Statement query(db, "SELECT ...")`), or null.
const StringLiteral *sqlConstructorArgument(const CXXConstructExpr *Construct);

} // namespace clang::tidy::modelguard::model

#endif // MODELGUARD_MODEL_PROJECTSCHEMA_H
