//===--- ReadModifyWrite.h - modelguard ------------------------*- C++ -*-===//
//
// Two intra-procedural analyses of read-modify-write sequences.
//
// Store read-modify-write. One post-order pass over a function body (or a
// lambda body) in source order records
//   - loads: a local initialised or assigned from a store read, or filled by
//     one through an out-parameter (`Get(key, &value)`, `into(n)`);
//   - derived values: a local initialised or assigned from an expression
//     that mentions a loaded value; computing it (anything but a plain copy
//     or a const accessor) is a modification;
//   - modifications of a loaded value: assignment to it or to a part of it,
//     ++/--, compound assignment, passing it to a non-const reference, a
//     non-const member call on it;
//   - writes: a store write (not an insert, not a compare-and-swap, not
//     conditional on a version) in a full expression that mentions a loaded
//     value after it was modified.
// Accessor pairs: a setter of a store class (setX, set_x) passed a value
// computed from the getter of the same property (x() const, with no verb in
// its name, or getX) on the same store object is a read and a write of it.
// A write is reported unless one synchronised region covers both the read
// and the write, the read locked what it read (SELECT ... FOR UPDATE), or
// the function is annotated as called with a lock held.
//
// Member read-modify-write. In a class with a lockable data member, every
// member function (constructors and destructors aside) is walked for
// accesses to the class's own data members, noting which are made inside a
// synchronised region and which mutex it holds. A lambda's body runs under
// the enclosing lock when it is stored in a local only called under the
// lock, or written under the lock and not passed to a deferring call. A
// private or protected helper runs under its callers' lock when every call
// of it holds a lock or comes from such a helper (a fixed point over the
// calls seen). At the end of the translation unit an unlocked
// read-modify-write of a member is reported when the other accesses to it
// hold a lock, and the ones that name their mutex all name the same one.
// Members annotated GUARDED_BY, and members whose type synchronises itself
// (it owns a mutex or an atomic, or is listed), are left alone.
//
// Cost: each walk visits at most a fixed number of statements per function
// and follows expressions to a fixed depth.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_ANALYSIS_READMODIFYWRITE_H
#define MODELGUARD_ANALYSIS_READMODIFYWRITE_H

#include "model/ModelVocabulary.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/MapVector.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::modelguard::analysis {

struct ReadModifyWriteOptions {
  const model::ModelVocabulary *Vocabulary = nullptr;
  /// Normalised names of arguments, parameters and SQL columns that make a
  /// write conditional on the version read (optimistic locking).
  std::vector<std::string> VersionNames;
  /// Non-const member functions that update the object they are called on.
  std::vector<std::string> UpdateMethods;
  /// Lower-case words: a data member whose class name contains one
  /// (std::atomic, std::condition_variable) synchronises itself.
  std::vector<std::string> SelfSynchronisedTypeWords;
  /// Classes whose objects synchronise themselves (concurrent containers).
  model::DeclNameList SelfSynchronisedTypes{"", model::UnqualifiedMatch::Equal};
  /// Words of a callee's name that make a lambda passed to it run later.
  model::VerbPhrases DeferringCalls{""};
};

/// A value read from a store, modified and written back with no lock,
/// transaction or compare-and-swap held from the read to the write.
struct StoreUpdate {
  const CallExpr *Read = nullptr;
  /// The variable the read stored into.
  const VarDecl *ReadInto = nullptr;
  const Stmt *Modification = nullptr;
  const VarDecl *ModifiedVar = nullptr;
  /// The modification computed a new value from the read one.
  bool Computed = false;
  const CallExpr *Write = nullptr;
  /// Where the read and the write start.
  SourceLocation ReadAt, WriteAt;
  /// The variable the write mentions.
  const VarDecl *Written = nullptr;
  /// For an accessor pair (`s.setX(k, s.x(k) + 1)`), the property read
  /// and written; ReadInto, ModifiedVar and Written are then null.
  std::string Property;
  /// The read and the write each hold a region, but not the same one: where
  /// the read's region was opened, and whether it is a transaction.
  bool SeparateRegions = false;
  SourceLocation ReadRegionOpenedAt;
  bool ReadRegionIsTransaction = false;
};

/// The unsynchronised store updates in \p Body of \p Owner (a function or
/// a lambda's call operator), in source order.
std::vector<StoreUpdate> findStoreUpdates(const Decl *Owner, const Stmt *Body,
                                          const SourceManager &SM,
                                          const ReadModifyWriteOptions &Options);

/// An unlocked read-modify-write of a data member that is accessed under a
/// lock elsewhere.
struct MemberUpdate {
  const FieldDecl *Field = nullptr;
  const CXXRecordDecl *Class = nullptr;
  SourceLocation At;
  /// The first access to the member made with a lock held.
  SourceLocation LockedAt;
  /// The one mutex held at the locked accesses, when they name it.
  const NamedDecl *Mutex = nullptr;
};

/// The member analysis of one translation unit: member functions are added
/// as they are seen; the findings come at the end, when every access is
/// known.
class MemberUpdateAnalysis {
public:
  explicit MemberUpdateAnalysis(const ReadModifyWriteOptions &Options);
  ~MemberUpdateAnalysis();

  /// Walks \p Method when it is an instance member function (not a
  /// constructor or destructor) of a class that owns a lock.
  void addMethod(const CXXMethodDecl *Method, const SourceManager &SM);

  /// The findings over every method added, each location once.
  std::vector<MemberUpdate> finish() const;

  /// Forgets what was added (at the start of a translation unit).
  void reset();

  struct ClassAccesses;

private:
  bool ownsLock(const CXXRecordDecl *Class);

  const ReadModifyWriteOptions &Options;
  llvm::MapVector<const CXXRecordDecl *, std::unique_ptr<ClassAccesses>> Classes;
  llvm::DenseMap<const CXXRecordDecl *, bool> OwnsLockCache;
};

/// Is the function annotated as called with a lock held
/// (REQUIRES / EXCLUSIVE_LOCKS_REQUIRED / ASSERT_CAPABILITY)?
bool requiresLockHeld(const Decl *D);

} // namespace clang::tidy::modelguard::analysis

#endif // MODELGUARD_ANALYSIS_READMODIFYWRITE_H
