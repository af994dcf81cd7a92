//===--- PersistenceScope.cpp - modelguard ---------------------------------===//

#include "PersistenceScope.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <optional>
#include <tuple>

namespace clang::tidy::modelguard::analysis {

namespace {

/// Declarations nest no deeper than this in real code.
constexpr unsigned MaxDepth = 64;
/// The most characters looked at between a comment and the declaration it
/// may be attached to.
constexpr unsigned MaxAttachmentGap = 4096;
/// How many calls deep a store call by a class name is followed into the
/// callee's body.
constexpr unsigned MaxCalleeDepth = 3;

constexpr unsigned WriteAccess = model::SA_Write | model::SA_Insert |
                                 model::SA_Upsert | model::SA_CompareAndSwap;
constexpr unsigned ReadAccess =
    model::SA_Read | model::SA_Lookup | model::SA_LockingRead;

/// A stretch of one file: a place, or a declaration as expanded from
/// macros. For a declaration, End is the start of its last token.
struct Span {
  FileID File;
  unsigned Begin = 0;
  unsigned End = 0;

  bool contains(const Span &Inner) const {
    return File == Inner.File && Begin <= Inner.Begin && Inner.End <= End;
  }
  bool startsBefore(const Span &Other) const {
    return std::tie(File, Begin) < std::tie(Other.File, Other.Begin);
  }
};

std::optional<Span> spanOf(const SourceManager &SM, SourceRange Range) {
  if (Range.isInvalid())
    return std::nullopt;
  CharSourceRange Expanded = SM.getExpansionRange(Range);
  auto [BeginFile, BeginOffset] = SM.getDecomposedLoc(Expanded.getBegin());
  auto [EndFile, EndOffset] = SM.getDecomposedLoc(Expanded.getEnd());
  if (BeginFile.isInvalid() || BeginFile != EndFile || EndOffset < BeginOffset)
    return std::nullopt;
  return Span{BeginFile, BeginOffset, EndOffset};
}

/// A declaration of a declaration context, with its span.
struct Child {
  Span Where;
  const Decl *D;
};

class Locator {
public:
  Locator(ASTContext &Context, llvm::ArrayRef<SourceRange> Places,
          const PersistenceScopeOptions &Options);

  std::vector<PersistenceScope> run();

private:
  using PlaceList = llvm::SmallVector<unsigned, 4>;

  void locateIn(const DeclContext *DC, llvm::ArrayRef<unsigned> Members,
                const PersistenceScope &Outer, unsigned Depth);
  void locateInDecl(const Decl *D, llvm::ArrayRef<unsigned> Members,
                    const PersistenceScope &Outer, unsigned Depth);
  void locateLoose(unsigned Member, llvm::ArrayRef<Child> Children,
                   const PersistenceScope &Outer);
  const Child *innermostContaining(llvm::ArrayRef<Child> Children,
                                   const Span &Place) const;
  PersistenceScope attachedScope(const Decl *D, const PersistenceScope &Outer);
  PersistenceScope functionScope(const FunctionDecl *F,
                                 const PersistenceScope &Outer);
  PersistenceScope bodyScope(const FunctionDecl *F, unsigned Depth = 0);
  unsigned nameOnlyAccess(const CallExpr *Call, const model::StoreCall &Store,
                          unsigned Depth);
  bool isNullableField(const Decl *D) const;
  static bool hasDataMembers(const CXXRecordDecl *Class);
  /// The text of \p File between the offsets \p From and \p To, when it is
  /// short enough to attach a comment across (MaxAttachmentGap).
  std::optional<llvm::StringRef> gapText(FileID File, unsigned From, unsigned To) const;
  bool onlyBlanksAndComments(FileID File, unsigned From, unsigned To) const;
  bool onOneLine(FileID File, unsigned From, unsigned To) const;
  void assign(llvm::ArrayRef<unsigned> Members, const PersistenceScope &Scope);

  ASTContext &Context;
  const SourceManager &SM;
  const PersistenceScopeOptions &Options;
  /// The places, sorted by file and offset, with their index in the input.
  std::vector<std::pair<Span, unsigned>> Sorted;
  std::vector<PersistenceScope> Result;
  /// The role each function's body gives it, by definition.
  llvm::DenseMap<const FunctionDecl *, PersistenceScope> Bodies;
};

Locator::Locator(ASTContext &Context, llvm::ArrayRef<SourceRange> Places,
                 const PersistenceScopeOptions &Options)
    : Context(Context), SM(Context.getSourceManager()), Options(Options),
      Result(Places.size()) {
  for (unsigned I = 0; I < Places.size(); ++I)
    if (std::optional<Span> Where = spanOf(SM, Places[I]))
      Sorted.emplace_back(*Where, I);
  llvm::sort(Sorted, [](const auto &A, const auto &B) {
    return A.first.startsBefore(B.first);
  });
}

std::vector<PersistenceScope> Locator::run() {
  if (Sorted.empty() || !Options.Vocabulary)
    return std::move(Result);
  PlaceList All;
  for (unsigned I = 0; I < Sorted.size(); ++I)
    All.push_back(I);
  locateIn(Context.getTranslationUnitDecl(), All, PersistenceScope(), 0);
  return std::move(Result);
}

void Locator::assign(llvm::ArrayRef<unsigned> Members,
                     const PersistenceScope &Scope) {
  for (unsigned Member : Members)
    Result[Sorted[Member].second] = Scope;
}

void Locator::locateIn(const DeclContext *DC, llvm::ArrayRef<unsigned> Members,
                       const PersistenceScope &Outer, unsigned Depth) {
  if (Members.empty())
    return;
  if (Depth > MaxDepth)
    return assign(Members, Outer);
  // The children of the translation unit come from many files: order them
  // by file and offset so that each place finds its neighbours by search.
  llvm::SmallVector<Child, 32> Children;
  for (const Decl *D : DC->decls())
    if (!D->isImplicit())
      if (std::optional<Span> Where = spanOf(SM, D->getSourceRange()))
        Children.push_back({*Where, D});
  llvm::sort(Children, [](const Child &A, const Child &B) {
    return A.Where.startsBefore(B.Where);
  });

  // Places are sorted too, so the places of one child are consecutive.
  const Child *Current = nullptr;
  PlaceList Group;
  auto Flush = [&] {
    if (Current && !Group.empty())
      locateInDecl(Current->D, Group, Outer, Depth + 1);
    Group.clear();
  };
  for (unsigned Member : Members) {
    const Child *Container = innermostContaining(Children, Sorted[Member].first);
    if (Container != Current) {
      Flush();
      Current = Container;
    }
    if (Container)
      Group.push_back(Member);
    else
      locateLoose(Member, Children, Outer);
  }
  Flush();
}

const Child *Locator::innermostContaining(llvm::ArrayRef<Child> Children,
                                          const Span &Place) const {
  // The last child that starts at or before the place, and the few before
  // it that start at the same point (`struct S {...} s;` declares a class
  // and a variable over the same text): the smallest that holds it.
  const Child *After = llvm::partition_point(Children, [&](const Child &C) {
    return !Place.startsBefore(C.Where);
  });
  const Child *Best = nullptr;
  unsigned Looked = 0;
  for (const Child *C = After; C != Children.begin() && Looked < 8; ++Looked) {
    --C;
    if (C->Where.File != Place.File)
      break;
    if (!C->Where.contains(Place))
      continue;
    unsigned Size = C->Where.End - C->Where.Begin;
    if (!Best || Size < Best->Where.End - Best->Where.Begin ||
        (Size == Best->Where.End - Best->Where.Begin && isa<DeclContext>(C->D)))
      Best = C;
  }
  return Best;
}

void Locator::locateInDecl(const Decl *D, llvm::ArrayRef<unsigned> Members,
                           const PersistenceScope &Outer, unsigned Depth) {
  if (const auto *Template = dyn_cast<TemplateDecl>(D))
    D = Template->getTemplatedDecl();
  if (!D)
    return assign(Members, Outer);
  if (const auto *Function = dyn_cast<FunctionDecl>(D))
    return assign(Members, functionScope(Function, Outer));
  if (const auto *Class = dyn_cast<RecordDecl>(D)) {
    PersistenceScope Inner = Outer;
    if (const auto *CXXClass = dyn_cast<CXXRecordDecl>(Class);
        CXXClass && Options.Vocabulary->isRecord(CXXClass))
      Inner = {ScopeRole::Record, CXXClass, nullptr, false, {}};
    return locateIn(Class, Members, Inner, Depth);
  }
  if (isNullableField(D))
    return assign(Members, {ScopeRole::NullableField, cast<FieldDecl>(D),
                            nullptr, false, {}});
  if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D))
    return locateIn(cast<DeclContext>(D), Members, Outer, Depth);
  // Variables (with a lambda in the initialiser, say), enumerations and
  // aliases belong to the enclosing scope.
  assign(Members, Outer);
}

void Locator::locateLoose(unsigned Member, llvm::ArrayRef<Child> Children,
                          const PersistenceScope &Outer) {
  const Span &Place = Sorted[Member].first;
  const Child *Next = llvm::partition_point(Children, [&](const Child &C) {
    return !Place.startsBefore(C.Where);
  });
  // `std::optional<std::string> host;  // TODO: ...`
  if (Next != Children.begin()) {
    const Child &Previous = *std::prev(Next);
    if (Previous.Where.File == Place.File && Previous.Where.End <= Place.Begin &&
        isNullableField(Previous.D) &&
        onOneLine(Place.File, Previous.Where.End, Place.Begin)) {
      Result[Sorted[Member].second] = {ScopeRole::NullableField,
                                       cast<FieldDecl>(Previous.D), nullptr,
                                       true, {}};
      return;
    }
  }
  // A comment directly above a declaration is about that declaration.
  if (Next != Children.end() && Next->Where.File == Place.File &&
      onlyBlanksAndComments(Place.File, Place.End, Next->Where.Begin)) {
    PersistenceScope Attached = attachedScope(Next->D, Outer);
    if (Attached.Role != ScopeRole::None) {
      Attached.Attached = true;
      Result[Sorted[Member].second] = Attached;
      return;
    }
  }
  Result[Sorted[Member].second] = Outer;
}

PersistenceScope Locator::attachedScope(const Decl *D,
                                        const PersistenceScope &Outer) {
  if (const auto *Template = dyn_cast<TemplateDecl>(D))
    D = Template->getTemplatedDecl();
  if (const auto *Function = dyn_cast_or_null<FunctionDecl>(D))
    return functionScope(Function, Outer);
  if (const auto *Class = dyn_cast_or_null<CXXRecordDecl>(D);
      Class && Options.Vocabulary->isRecord(Class))
    return {ScopeRole::Record, Class, nullptr, false, {}};
  if (D && isNullableField(D))
    return {ScopeRole::NullableField, cast<FieldDecl>(D), nullptr, false, {}};
  return {};
}

PersistenceScope Locator::functionScope(const FunctionDecl *F,
                                        const PersistenceScope &Outer) {
  PersistenceScope Scope = bodyScope(F);
  Scope.Decl = F;
  if (Scope.Role != ScopeRole::None)
    return Scope;
  // A store function itself (`OrderRepository::save`, `db::order_get`),
  // whatever its body calls (a stub to be written). A member of a class
  // named like a store is one only while the name is all the unit shows:
  // a class with data members whose function body is visible is judged by
  // that body (`Connection::readCommand` parses a socket), and one whose
  // name the unit refutes is no store at all.
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  const CXXRecordDecl *Owner = Method ? Method->getParent() : nullptr;
  unsigned Access = Options.Vocabulary->classifyStoreFunction(F);
  if (Access && Owner &&
      ((F->hasBody() && hasDataMembers(Owner)) ||
       !Options.Vocabulary->bearsOutStoreName(Owner)))
    Access = model::SA_None;
  if (Access & WriteAccess)
    return {ScopeRole::StoreWriter, F, nullptr, false, {}};
  if (Access & ReadAccess)
    return {ScopeRole::StoreReader, F, nullptr, false, {}};
  if (Owner && Options.Vocabulary->isRecord(Owner))
    return {ScopeRole::RecordMember, F, Owner, false, {}};
  // A friend function defined in a record's body.
  if (Outer.Role == ScopeRole::Record)
    return {ScopeRole::RecordMember, F, cast<CXXRecordDecl>(Outer.Decl), false, {}};
  return Scope;
}

/// A call that is a store call by its class's name alone. A callee whose
/// body the unit shows does what its body does (`Connection::setState`
/// changes a connection's state, whatever the class holds); any other
/// callee counts when its class bears its name out.
unsigned Locator::nameOnlyAccess(const CallExpr *Call,
                                 const model::StoreCall &Store, unsigned Depth) {
  const auto *Callee = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  const FunctionDecl *Definition = nullptr;
  if (Callee && !Callee->isVirtual() && Callee->getBody(Definition) &&
      Depth < MaxCalleeDepth) {
    switch (bodyScope(Definition, Depth + 1).Role) {
    case ScopeRole::StoreWriter:
      return model::SA_Write;
    case ScopeRole::StoreReader:
      return model::SA_Read;
    default:
      return model::SA_None;
    }
  }
  return Options.Vocabulary->bearsOutStoreName(Store.NamedClass) ? Store.Access
                                                                 : model::SA_None;
}

PersistenceScope Locator::bodyScope(const FunctionDecl *F, unsigned Depth) {
  const FunctionDecl *Definition = nullptr;
  const Stmt *Body = F->getBody(Definition);
  if (!Body)
    return {};
  auto [It, New] = Bodies.try_emplace(Definition);
  if (!New)
    return It->second;

  const model::ModelVocabulary &Vocabulary = *Options.Vocabulary;
  SourceLocation Write, Read, Transaction;
  llvm::SmallVector<const Stmt *, 64> Pending{Body};
  // Statements in the order they are written (pre-order), so that the
  // first store call found is the first in the source.
  for (unsigned Seen = 0; !Pending.empty() && Seen < Options.StatementBudget;
       ++Seen) {
    const Stmt *S = Pending.pop_back_val();
    if (!S)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      model::StoreCall Store = Vocabulary.classifyStoreCall(Call);
      if (Store.NamedClass)
        Store.Access = nameOnlyAccess(Call, Store, Depth);
      if (Store.is(WriteAccess)) {
        Write = Call->getExprLoc();
        break;
      }
      if (Store.is(ReadAccess) && Read.isInvalid())
        Read = Call->getExprLoc();
      if (Transaction.isInvalid() && Vocabulary.opensTransaction(Call))
        Transaction = Call->getExprLoc();
    } else if (const auto *Declaration = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Transaction.isInvalid() && Var->hasLocalStorage() &&
            !Var->getType()->isReferenceType() &&
            Vocabulary.isTransactionType(Var->getType()->getAsCXXRecordDecl()))
          Transaction = Var->getLocation();
    }
    const size_t First = Pending.size();
    for (const Stmt *Child : S->children())
      Pending.push_back(Child);
    std::reverse(Pending.begin() + First, Pending.end());
  }

  PersistenceScope &Scope = Bodies[Definition];
  if (Write.isValid())
    Scope = {ScopeRole::StoreWriter, F, nullptr, false, Write};
  else if (Transaction.isValid())
    Scope = {ScopeRole::TransactionHolder, F, nullptr, false, Transaction};
  else if (Read.isValid())
    Scope = {ScopeRole::StoreReader, F, nullptr, false, Read};
  return Scope;
}

bool Locator::hasDataMembers(const CXXRecordDecl *Class) {
  const CXXRecordDecl *Definition = Class->getDefinition();
  if (!Definition)
    return false;
  if (!Definition->field_empty())
    return true;
  for (const CXXBaseSpecifier &Base : Definition->bases())
    if (const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl())
      if (hasDataMembers(BaseClass))
        return true;
  return false;
}

bool Locator::isNullableField(const Decl *D) const {
  const auto *Field = dyn_cast<FieldDecl>(D);
  return Field && Options.Vocabulary->nullableFormOf(Field) !=
                      model::NullableForm::NotNullable;
}

std::optional<llvm::StringRef> Locator::gapText(FileID File, unsigned From,
                                               unsigned To) const {
  if (To < From || To - From > MaxAttachmentGap)
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || To > Buffer.size())
    return std::nullopt;
  return Buffer.slice(From, To);
}

bool Locator::onOneLine(FileID File, unsigned From, unsigned To) const {
  std::optional<llvm::StringRef> Gap = gapText(File, From, To);
  return Gap && !Gap->contains('\n');
}

bool Locator::onlyBlanksAndComments(FileID File, unsigned From,
                                    unsigned To) const {
  std::optional<llvm::StringRef> Text = gapText(File, From, To);
  if (!Text)
    return false;
  llvm::StringRef Gap = *Text;
  // A blank line ends the comment's paragraph: what follows it is not what
  // the comment is about.
  bool LineHasText = true;
  while (!Gap.empty()) {
    if (Gap.consume_front("\n")) {
      if (!LineHasText)
        return false;
      LineHasText = false;
    } else if (Gap.front() == ' ' || Gap.front() == '\t' || Gap.front() == '\r') {
      Gap = Gap.drop_front();
    } else if (Gap.starts_with("//")) {
      Gap = Gap.drop_until([](char C) { return C == '\n'; });
      LineHasText = true;
    } else if (Gap.starts_with("/*")) {
      size_t Close = Gap.find("*/", 2);
      if (Close == llvm::StringRef::npos)
        return false;
      Gap = Gap.drop_front(Close + 2);
      LineHasText = true;
    } else {
      return false;
    }
  }
  return true;
}

} // namespace

std::vector<PersistenceScope>
locatePersistenceScopes(ASTContext &Context, llvm::ArrayRef<SourceRange> Places,
                        const PersistenceScopeOptions &Options) {
  return Locator(Context, Places, Options).run();
}

} // namespace clang::tidy::modelguard::analysis
