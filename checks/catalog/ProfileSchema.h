//===--- ProfileSchema.h - modelguard --------------------------*- C++ -*-===//
//
// Library profiles as data: what one library's functions and types mean to
// the model vocabulary, by fully qualified name and argument position. A
// profile is a JSON document (rules/profiles/<name>.json, or a user file
// named by the ProfileFiles option); this file reads and validates one.
//
// The same reader serves the build, which validates the bundled profiles
// and embeds them (modelguard-profilegen), and the checks, which read the
// embedded text and the user's files, so a profile is accepted or refused
// by one set of rules.
//
// Only LLVM's Support library is used: no Clang types appear here.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_CATALOG_PROFILESCHEMA_H
#define MODELGUARD_CATALOG_PROFILESCHEMA_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace modelguard::profiles {

/// What a profiled function does, as the profile's "does" field says.
enum class CallKind {
  Read,           ///< "read": reads stored data.
  Lookup,         ///< "lookup": reads by key; can tell whether a row exists.
  LockingRead,    ///< "locking-read": a lookup that locks what it read.
  Write,          ///< "write": changes existing data.
  Insert,         ///< "insert": adds a new record.
  Upsert,         ///< "upsert": inserts or updates (or ignores) idempotently.
  CompareAndSwap, ///< "compare-and-swap": writes only if a value is unchanged.
  Execute,        ///< "execute": runs SQL text, its own or the statement's.
  Prepare,        ///< "prepare": gives a statement its SQL text; runs nothing.
  Bind,           ///< "bind": binds a value to a statement's parameter.
  Begin,          ///< "begin": starts a transaction on its object.
  Commit,         ///< "commit": ends the transaction on its object.
  Rollback,       ///< "rollback": abandons the transaction on its object.
  None,           ///< "none": not a store access, whatever its name says.
};

/// The language of the text an `execute` call runs.
enum class CommandLanguage { Sql, Redis };

/// One profiled function (or constructor, "::ns::Class::Class").
struct ProfileCall {
  /// Fully qualified, without the leading "::" ("SQLite::Database::exec").
  std::string Function;
  CallKind Kind = CallKind::None;
  /// Execute / Prepare: the argument holding SQL text; an execute call with
  /// fewer arguments runs the text its statement was prepared with.
  std::optional<unsigned> SqlArgument;
  /// A free function's argument that is (Execute, Bind) or receives
  /// (Prepare: `&stmt`) the statement; member functions act on their
  /// object.
  std::optional<unsigned> StatementArgument;
  /// Execute / Prepare: SQL ("sql", the default) or Redis commands
  /// ("redis": GET, SET ... NX, MULTI ... EXEC).
  CommandLanguage Language = CommandLanguage::Sql;
};

/// A nullable wrapper and the members that test and read it.
struct ProfileNullable {
  /// The class template (boost::optional) or class (oatpp::String), fully
  /// qualified, without the leading "::".
  std::string Template;
  std::vector<std::string> Presence; ///< true when a value is present.
  std::vector<std::string> Absence;  ///< true when no value is present.
  std::vector<std::string> Value;    ///< the value; fails when absent.
  std::vector<std::string> ValueOr;  ///< the value or a default: safe.
};

/// One library's profile.
struct LibraryProfile {
  std::string Name;          ///< Lower-case id, the file's stem ("sqlitecpp").
  std::string Library;       ///< Display name ("SQLiteCpp").
  std::string Versions;      ///< API versions the profile was written from.
  std::string Documentation; ///< Where the API it encodes is documented.
  std::string Category;      ///< "database", "web" or "nullable".
  /// Fully qualified namespaces, types or functions; the profile is active
  /// in a translation unit that declares any of them.
  std::vector<std::string> Detect;
  std::vector<ProfileCall> Calls;
  /// RAII classes whose local variables are a transaction or a lock for
  /// their lifetime.
  std::vector<std::string> Transactions;
  /// Classes that make a record of a class that befriends or derives from
  /// them (ODB's `friend class odb::access;`).
  std::vector<std::string> Records;
  /// Classes shown to users (responses, RPC statuses): arguments of their
  /// constructors and member functions reach the user.
  std::vector<std::string> Responses;
  /// Free or member functions whose arguments reach the user.
  std::vector<std::string> ResponseFunctions;
  std::vector<ProfileNullable> Nullables;
};

/// Reads and validates one profile document. \p ExpectedName, when not
/// empty, is the name the document must declare (its file's stem). On
/// failure returns nothing and sets \p Problem to a one-line description
/// ("calls[2]: unknown kind 'insrt'").
std::optional<LibraryProfile> parseProfile(llvm::StringRef Text,
                                           llvm::StringRef ExpectedName,
                                           std::string &Problem);

/// The spelling of \p Kind in a profile ("compare-and-swap").
llvm::StringRef callKindName(CallKind Kind);

/// A bundled profile as the build embedded it: its name and its JSON text.
struct EmbeddedProfile {
  const char *Name;
  const char *Text;
};

/// The profiles under rules/profiles/, validated by the build.
llvm::ArrayRef<EmbeddedProfile> embeddedProfiles();

} // namespace modelguard::profiles

#endif // MODELGUARD_CATALOG_PROFILESCHEMA_H
