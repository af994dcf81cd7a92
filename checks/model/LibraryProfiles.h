//===--- LibraryProfiles.h - modelguard ------------------------*- C++ -*-===//
//
// What the model vocabulary knows about real libraries: the profiles of
// rules/profiles/*.json (and the user's ProfileFiles), matched against
// declarations by fully qualified name.
//
// A profile is active in a translation unit that declares one of its
// `detect` names; the names are looked up once per unit, so a unit that
// uses no profiled library pays one lookup per name and nothing per call.
// Inline and implementation namespaces (`absl::lts_2022...`,
// `std::__cxx11`) are not part of a name, and a member of a class template
// specialisation is named by its template (`pqxx::transaction::exec`).
//
// Typical use, from the vocabulary or an analysis:
//
//   if (const profiles::ProfileCall *Known = Profiles.callFor(Callee))
//     switch (Known->Kind) { ... }         // the profile decides, not the name
//   Profiles.isTransactionType(Class);      // odb::transaction, QSqlDatabase…
//   Profiles.isResponseType(Class);         // grpc::Status, crow::response
//   Profiles.nullableFor(Template);         // boost::optional: is_initialized…
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODEL_LIBRARYPROFILES_H
#define MODELGUARD_MODEL_LIBRARYPROFILES_H

#include "catalog/ProfileSchema.h"

#include "clang/AST/Decl.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::modelguard::model {

namespace profiles = ::modelguard::profiles;

/// A problem with the Profiles or ProfileFiles option.
struct ProfileProblem {
  std::string Option; ///< "Profiles" or "ProfileFiles".
  std::string Message;
};

class LibraryProfiles {
public:
  /// Selects the bundled profiles named by \p Selection (the Profiles
  /// option: "*" for all, names to keep, "-name" to leave one out; a list
  /// that starts with "-name" starts from all) and adds the profiles read
  /// from the files of \p Files (the ProfileFiles option). Problems (an
  /// unknown profile name, an unreadable or invalid file) are appended to
  /// \p Problems.
  LibraryProfiles(llvm::StringRef Selection, llvm::StringRef Files,
                  std::vector<ProfileProblem> &Problems);

  /// Forgets which profiles the previous translation unit activated.
  void reset();

  /// The profile entry for \p Callee (a function, member function or
  /// constructor) when an active profile names it, else null.
  const profiles::ProfileCall *callFor(const FunctionDecl *Callee) const;

  /// Is \p Class (or the template it specialises) a transaction or lock
  /// type of an active profile?
  bool isTransactionType(const CXXRecordDecl *Class) const;

  /// Does an active profile list member functions of \p Class (or of the
  /// template it specialises)? The profile then speaks for the whole class:
  /// a member it does not list is no store call, whatever its name says
  /// (`QSqlDatabase::addDatabase` registers a connection).
  bool listsMembersOf(const CXXRecordDecl *Class) const;

  /// Does \p Class befriend or derive directly from a record marker of an
  /// active profile (`friend class odb::access;`)?
  bool marksRecord(const CXXRecordDecl *Class) const;

  /// Is \p Class (or the template it specialises) shown to users by an
  /// active profile (a response, an RPC status)?
  bool isResponseType(const CXXRecordDecl *Class) const;

  /// Does an active profile say that the arguments of \p Function reach
  /// users?
  bool isResponseFunction(const FunctionDecl *Function) const;

  /// The nullable entry of an active profile for \p Wrapper (a class
  /// template such as boost::optional, or a class such as oatpp::String),
  /// or null.
  const profiles::ProfileNullable *nullableFor(const NamedDecl *Wrapper) const;

  /// Appends the member functions the selected profiles' nullables are
  /// tested with (boost::optional's is_initialized, Poco::Optional's
  /// isSpecified) to the lists, without repeating a name already there.
  /// The members that read the value are not added: which members unwrap
  /// stays what the check's AccessMethods option says.
  void appendNullableTests(std::vector<std::string> &Presence,
                           std::vector<std::string> &Absence) const;

  /// The selected profiles (bundled, then the user's), active or not.
  llvm::ArrayRef<const profiles::LibraryProfile *> selected() const { return Selected; }

  /// The qualified name profiles use for \p D ("SQLite::Database::exec"),
  /// or "" when it has none (a local class, an operator).
  static std::string profileName(const NamedDecl *D);

private:
  /// Where a name was found: the profile that lists it, and its entry.
  template <typename Entry> struct Indexed {
    unsigned Profile = 0;
    const Entry *Item = nullptr;
  };

  void select(llvm::StringRef Selection, std::vector<ProfileProblem> &Problems);
  void readFiles(llvm::StringRef Files, std::vector<ProfileProblem> &Problems);
  void index();
  /// Clears what is known about the current translation unit.
  void forgetUnit() const;
  /// Activates the profiles that \p D's translation unit declares, when it
  /// is another unit than last time; false when none is active.
  bool activate(const Decl *D) const;
  bool declares(const TranslationUnitDecl *Unit, llvm::StringRef Qualified) const;
  template <typename Entry>
  const Entry *findActive(const llvm::StringMap<Indexed<Entry>> &Map,
                          const NamedDecl *D) const;
  bool classListed(const llvm::StringMap<Indexed<std::string>> &Map,
                   const CXXRecordDecl *Class) const;

  std::vector<const profiles::LibraryProfile *> Selected;
  std::vector<std::unique_ptr<profiles::LibraryProfile>> UserProfiles;

  llvm::StringMap<Indexed<profiles::ProfileCall>> Calls;
  llvm::StringMap<Indexed<std::string>> Transactions;
  /// The scopes of the profiled functions ("SQLite::Database" for
  /// "SQLite::Database::exec"): classes, for member functions.
  llvm::StringMap<Indexed<std::string>> CallScopes;
  llvm::StringMap<Indexed<std::string>> RecordMarkers;
  llvm::StringMap<Indexed<std::string>> Responses;
  llvm::StringMap<Indexed<std::string>> ResponseFunctions;
  llvm::StringMap<Indexed<profiles::ProfileNullable>> Nullables;

  mutable const TranslationUnitDecl *ActiveUnit = nullptr;
  mutable llvm::BitVector Active;
  mutable bool AnyActive = false;
  mutable llvm::DenseMap<const FunctionDecl *, const profiles::ProfileCall *> CallCache;
};

} // namespace clang::tidy::modelguard::model

#endif // MODELGUARD_MODEL_LIBRARYPROFILES_H
