//===--- UnlockedReadModifyWriteCheck.h - modelguard -----------*- C++ -*-===//

#ifndef MODELGUARD_UNLOCKEDREADMODIFYWRITECHECK_H
#define MODELGUARD_UNLOCKEDREADMODIFYWRITECHECK_H

#include "ModelGuardCheck.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

namespace clang::tidy::modelguard {

/// Finds values read from a store, modified and written back with no lock,
/// transaction or compare-and-swap covering the whole span; and data members
/// of a class owning a mutex that a member function reads, modifies and
/// writes without a lock while other accesses hold one.
///
/// For the user-facing documentation see:
/// docs/checks/unlocked-read-modify-write.md
class UnlockedReadModifyWriteCheck : public ModelGuardCheck {
public:
  UnlockedReadModifyWriteCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

  /// What the member analysis learnt about one class so far.
  struct MemberAccesses {
    /// An access to a data member of the class, in source order.
    struct Access {
      const FieldDecl *Field;
      SourceLocation Loc;
      /// The member function it is made in.
      const CXXMethodDecl *Method;
      /// A lock is held there (a region in the function, or an annotation).
      bool Locked;
      /// The access reads, modifies and writes the member.
      bool Update;
      /// The mutex held there, when the region names one.
      const NamedDecl *Lock = nullptr;
    };
    std::vector<Access> Accesses;
    /// A call of one of the class's own member functions on `this`.
    struct Call {
      const CXXMethodDecl *Caller;
      bool Locked;
    };
    /// The calls of each member function, by callee.
    llvm::DenseMap<const CXXMethodDecl *, llvm::SmallVector<Call, 2>> Calls;
  };

private:
  void checkStoreReadModifyWrite(const Stmt *Body, const Decl *Owner,
                                 const SourceManager &SM);
  void checkMembers(const CXXMethodDecl *Method, const SourceManager &SM);
  bool ownsLock(const CXXRecordDecl *Class);

  const std::string VersionArguments;
  const bool MemberReadModifyWrite;
  const std::string MemberUpdateMethods;
  const std::string SelfSynchronisedTypes;
  const std::string DeferringCalls;
  const std::vector<std::string> VersionNames;
  const std::vector<std::string> UpdateMethodNames;
  const model::DeclNameList SelfSynchronisedTypeList;
  const model::VerbPhrases DeferringCallWords;

  // Per translation unit.
  llvm::MapVector<const CXXRecordDecl *, MemberAccesses> Classes;
  llvm::DenseMap<const CXXRecordDecl *, bool> OwnsLockCache;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_UNLOCKEDREADMODIFYWRITECHECK_H
