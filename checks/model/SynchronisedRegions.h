//===--- SynchronisedRegions.h - modelguard --------------------*- C++ -*-===//
//
// The synchronised regions of one function body, as the model vocabulary
// defines them:
//   - an RAII lock or transaction: from its declaration to the end of the
//     enclosing block;
//   - an explicit m.lock() ... m.unlock() on the same object (to the end of
//     the function when no unlock follows);
//   - SQL BEGIN ... COMMIT / ROLLBACK.
// A region is a source range inside one function; statements are compared
// by their expansion location, which orders code of one function correctly
// without a CFG. Locks held by callers are not seen (intra-procedural).
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODEL_SYNCHRONISEDREGIONS_H
#define MODELGUARD_MODEL_SYNCHRONISEDREGIONS_H

#include "ModelVocabulary.h"

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::modelguard::model {

struct SyncRegion {
  SourceLocation Begin;
  SourceLocation End;
  /// The statement or declaration that opened the region (for notes).
  SourceLocation OpenedAt;
  bool IsTransaction = false;
  /// The mutex (variable or data member) the region holds, when it names
  /// one: the object an RAII lock is constructed from, or the object
  /// lock() is called on. Null for transactions and unnamed locks.
  const NamedDecl *Lock = nullptr;
};

class SynchronisedRegions {
public:
  SynchronisedRegions(const ModelVocabulary &Vocabulary, const Stmt *Body,
                      const SourceManager &SM);

  /// The region that contains both \p From and \p To, or null. Two
  /// different regions around the two points do not count: releasing in
  /// between is exactly the window a lost update needs.
  const SyncRegion *covering(SourceLocation From, SourceLocation To) const;

  /// Some region that contains \p Loc, or null.
  const SyncRegion *containing(SourceLocation Loc) const {
    return covering(Loc, Loc);
  }

  llvm::ArrayRef<SyncRegion> regions() const { return Regions; }

private:
  void collect(const Stmt *S, const Stmt *EnclosingBlock);
  void openExplicit(const Decl *Key, SourceLocation At);
  /// The mutex an RAII lock variable is constructed from.
  static const NamedDecl *lockedObject(const VarDecl *Guard);
  void closeExplicit(const Decl *Key, SourceLocation At);
  bool contains(const SyncRegion &Region, SourceLocation Loc) const;

  const ModelVocabulary &Vocabulary;
  const SourceManager &SM;
  SourceLocation BodyEnd;
  const Stmt *FunctionBody = nullptr;
  llvm::SmallVector<SyncRegion, 4> Regions;
  /// Explicit lock() calls still waiting for their unlock(), by lock object
  /// (null for SQL BEGIN).
  llvm::SmallVector<std::pair<const Decl *, SourceLocation>, 2> OpenLocks;
  /// RAII locks (by variable) whose region an explicit unlock() on the
  /// variable ends early, with the index of that region.
  llvm::SmallVector<std::pair<const Decl *, size_t>, 2> ScopedLocks;
};

} // namespace clang::tidy::modelguard::model

#endif // MODELGUARD_MODEL_SYNCHRONISEDREGIONS_H
