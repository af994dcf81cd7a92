//===--- LibraryProfiles.cpp - modelguard ----------------------------------===//

#include "LibraryProfiles.h"
#include "NameMatching.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/Support/MemoryBuffer.h"

namespace clang::tidy::modelguard::model {

namespace {

/// The bundled profiles, read once per process from the text the build
/// validated and embedded.
const std::vector<profiles::LibraryProfile> &bundledProfiles() {
  static const std::vector<profiles::LibraryProfile> Bundled = [] {
    std::vector<profiles::LibraryProfile> Profiles;
    for (const profiles::EmbeddedProfile &Embedded : profiles::embeddedProfiles()) {
      std::string Problem;
      if (auto Profile = profiles::parseProfile(Embedded.Text, Embedded.Name, Problem))
        Profiles.push_back(std::move(*Profile));
    }
    return Profiles;
  }();
  return Bundled;
}

/// Nesting deeper than this is not named (bounded work on odd code).
constexpr unsigned MaxNameDepth = 32;

/// The context names of \p D, innermost first; false when \p D cannot be
/// named from outside (a local class, an anonymous namespace).
bool appendContextNames(const DeclContext *Context,
                        llvm::SmallVectorImpl<llvm::StringRef> &Parts) {
  for (unsigned Depth = 0; Context && Depth < MaxNameDepth;
       Context = Context->getParent(), ++Depth) {
    if (isa<TranslationUnitDecl>(Context))
      return true;
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context)) {
      if (Namespace->isAnonymousNamespace())
        return false;
      // absl::lts_20220623, std::__cxx11: not part of the public name.
      if (Namespace->isInline() || Namespace->getName().starts_with("__"))
        continue;
      Parts.push_back(Namespace->getName());
      continue;
    }
    if (const auto *Record = dyn_cast<RecordDecl>(Context)) {
      // A specialisation's name is its template's.
      if (!Record->getDeclName().isIdentifier())
        return false;
      Parts.push_back(Record->getName());
      continue;
    }
    if (isa<LinkageSpecDecl>(Context) || isa<ExportDecl>(Context))
      continue;
    return false; // A function: a local declaration.
  }
  return false;
}

} // namespace

std::string LibraryProfiles::profileName(const NamedDecl *D) {
  if (!D)
    return "";
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(D)) {
    if (!Constructor->getParent()->getDeclName().isIdentifier())
      return "";
    Parts.push_back(Constructor->getParent()->getName());
  } else if (D->getDeclName().isIdentifier()) {
    Parts.push_back(D->getName());
  } else {
    return "";
  }
  if (!appendContextNames(D->getDeclContext(), Parts))
    return "";
  std::string Name;
  for (llvm::StringRef Part : llvm::reverse(Parts)) {
    if (!Name.empty())
      Name += "::";
    Name += Part;
  }
  return Name;
}

LibraryProfiles::LibraryProfiles(llvm::StringRef Selection, llvm::StringRef Files,
                                 std::vector<ProfileProblem> &Problems) {
  select(Selection, Problems);
  readFiles(Files, Problems);
  index();
}

void LibraryProfiles::select(llvm::StringRef Selection,
                             std::vector<ProfileProblem> &Problems) {
  const std::vector<profiles::LibraryProfile> &Bundled = bundledProfiles();
  std::vector<std::string> Items = parseList(Selection);
  // "-odb" alone means every profile but ODB.
  std::vector<bool> Chosen(Bundled.size(),
                           Items.empty() || llvm::StringRef(Items.front()).starts_with("-"));
  for (llvm::StringRef Item : Items) {
    bool Remove = Item.consume_front("-");
    bool Known = false;
    for (size_t I = 0; I < Bundled.size(); ++I)
      if (Item == "*" || Item == Bundled[I].Name) {
        Chosen[I] = !Remove;
        Known = true;
      }
    if (!Known)
      Problems.push_back({"Profiles", "unknown profile '" + Item.str() + "'"});
  }
  for (size_t I = 0; I < Bundled.size(); ++I)
    if (Chosen[I])
      Selected.push_back(&Bundled[I]);
}

void LibraryProfiles::readFiles(llvm::StringRef Files,
                                std::vector<ProfileProblem> &Problems) {
  for (const std::string &File : parseList(Files)) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      Problems.push_back(
          {"ProfileFiles", "cannot read '" + File + "': " + Buffer.getError().message()});
      continue;
    }
    std::string Problem;
    auto Profile = profiles::parseProfile((*Buffer)->getBuffer(), "", Problem);
    if (!Profile) {
      Problems.push_back({"ProfileFiles", "'" + File + "': " + Problem});
      continue;
    }
    UserProfiles.push_back(
        std::make_unique<profiles::LibraryProfile>(std::move(*Profile)));
    Selected.push_back(UserProfiles.back().get());
  }
}

void LibraryProfiles::index() {
  // Later profiles override earlier ones: a user's file can correct a
  // bundled entry.
  for (unsigned I = 0; I < Selected.size(); ++I) {
    const profiles::LibraryProfile &Profile = *Selected[I];
    for (const profiles::ProfileCall &Call : Profile.Calls) {
      Calls[Call.Function] = {I, &Call};
      llvm::StringRef Scope = llvm::StringRef(Call.Function).rsplit("::").first;
      if (Scope != Call.Function)
        CallScopes[Scope] = {I, &Call.Function};
    }
    for (const std::string &Name : Profile.Transactions)
      Transactions[Name] = {I, &Name};
    for (const std::string &Name : Profile.Records)
      RecordMarkers[Name] = {I, &Name};
    for (const std::string &Name : Profile.Responses)
      Responses[Name] = {I, &Name};
    for (const std::string &Name : Profile.ResponseFunctions)
      ResponseFunctions[Name] = {I, &Name};
    for (const profiles::ProfileNullable &Nullable : Profile.Nullables)
      Nullables[Nullable.Template] = {I, &Nullable};
  }
  Active.resize(Selected.size());
}

void LibraryProfiles::reset() { forgetUnit(); }

void LibraryProfiles::forgetUnit() const {
  ActiveUnit = nullptr;
  AnyActive = false;
  Active.reset();
  CallCache.clear();
}

bool LibraryProfiles::declares(const TranslationUnitDecl *Unit,
                               llvm::StringRef Qualified) const {
  ASTContext &Context = Unit->getASTContext();
  const DeclContext *Scope = Unit;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Qualified.split(Parts, "::");
  for (size_t I = 0; I < Parts.size(); ++I) {
    // Only names the unit has seen can be declared in it; find() does not
    // add the name to the identifier table.
    auto Identifier = Context.Idents.find(Parts[I]);
    if (Identifier == Context.Idents.end())
      return false;
    DeclContext::lookup_result Found =
        Scope->lookup(DeclarationName(Identifier->getValue()));
    if (Found.empty())
      return false;
    if (I + 1 == Parts.size())
      return true;
    const DeclContext *Next = nullptr;
    for (const NamedDecl *Candidate : Found) {
      if (const auto *Template = dyn_cast<ClassTemplateDecl>(Candidate))
        Candidate = Template->getTemplatedDecl();
      if ((Next = dyn_cast<DeclContext>(Candidate)))
        break;
    }
    if (!Next)
      return false;
    Scope = Next;
  }
  return false;
}

bool LibraryProfiles::activate(const Decl *D) const {
  if (!D)
    return false;
  const TranslationUnitDecl *Unit = D->getTranslationUnitDecl();
  if (Unit == ActiveUnit)
    return AnyActive;
  forgetUnit();
  ActiveUnit = Unit;
  for (unsigned I = 0; I < Selected.size(); ++I)
    for (const std::string &Name : Selected[I]->Detect)
      if (declares(Unit, Name)) {
        Active.set(I);
        AnyActive = true;
        break;
      }
  return AnyActive;
}

template <typename Entry>
const Entry *LibraryProfiles::findActive(const llvm::StringMap<Indexed<Entry>> &Map,
                                         const NamedDecl *D) const {
  if (Map.empty() || !activate(D))
    return nullptr;
  auto It = Map.find(profileName(D));
  if (It == Map.end() || !Active.test(It->second.Profile))
    return nullptr;
  return It->second.Item;
}

const profiles::ProfileCall *LibraryProfiles::callFor(const FunctionDecl *Callee) const {
  if (!Callee || !activate(Callee))
    return nullptr;
  auto [It, Inserted] = CallCache.try_emplace(Callee, nullptr);
  if (Inserted)
    It->second = findActive(Calls, Callee);
  return It->second;
}

bool LibraryProfiles::classListed(const llvm::StringMap<Indexed<std::string>> &Map,
                                  const CXXRecordDecl *Class) const {
  if (!Class)
    return false;
  if (findActive(Map, Class))
    return true;
  if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    return findActive(Map, Instance->getSpecializedTemplate()) != nullptr;
  return false;
}

bool LibraryProfiles::listsMembersOf(const CXXRecordDecl *Class) const {
  return classListed(CallScopes, Class);
}

bool LibraryProfiles::isTransactionType(const CXXRecordDecl *Class) const {
  return classListed(Transactions, Class);
}

bool LibraryProfiles::marksRecord(const CXXRecordDecl *Class) const {
  if (!Class || RecordMarkers.empty() || !activate(Class))
    return false;
  for (const FriendDecl *Friend : Class->friends())
    if (const TypeSourceInfo *Type = Friend->getFriendType())
      if (classListed(RecordMarkers, Type->getType()->getAsCXXRecordDecl()))
        return true;
  for (const CXXBaseSpecifier &Base : Class->bases())
    if (classListed(RecordMarkers, Base.getType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

bool LibraryProfiles::isResponseType(const CXXRecordDecl *Class) const {
  return classListed(Responses, Class);
}

bool LibraryProfiles::isResponseFunction(const FunctionDecl *Function) const {
  return Function && findActive(ResponseFunctions, Function) != nullptr;
}

const profiles::ProfileNullable *
LibraryProfiles::nullableFor(const NamedDecl *Wrapper) const {
  return Wrapper ? findActive(Nullables, Wrapper) : nullptr;
}

void LibraryProfiles::appendNullableTests(std::vector<std::string> &Presence,
                                          std::vector<std::string> &Absence) const {
  auto Append = [](std::vector<std::string> &List, llvm::ArrayRef<std::string> Names) {
    for (const std::string &Name : Names)
      if (!llvm::is_contained(List, Name))
        List.push_back(Name);
  };
  for (const profiles::LibraryProfile *Profile : Selected)
    for (const profiles::ProfileNullable &Nullable : Profile->Nullables) {
      Append(Presence, Nullable.Presence);
      Append(Absence, Nullable.Absence);
    }
}

} // namespace clang::tidy::modelguard::model
