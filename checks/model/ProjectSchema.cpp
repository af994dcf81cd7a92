//===--- ProjectSchema.cpp - modelguard ------------------------------------===//

#include "ProjectSchema.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <map>
#include <mutex>

namespace clang::tidy::modelguard::model {

namespace {

bool hasGlobCharacters(llvm::StringRef Component) {
  return Component.find_first_of("*?[{") != llvm::StringRef::npos;
}

/// One glob, split into path components; `**` is kept as a component.
struct Glob {
  /// The leading components without glob characters: where the walk starts.
  std::string Prefix;
  std::vector<std::string> Components;
  std::vector<std::optional<llvm::GlobPattern>> Patterns;
};

std::optional<Glob> compileGlob(llvm::StringRef Text) {
  Glob Result;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Text.split(Parts, '/', -1, /*KeepEmpty=*/false);
  bool InPrefix = true;
  for (llvm::StringRef Part : Parts) {
    if (Part == ".")
      continue;
    if (InPrefix && !hasGlobCharacters(Part)) {
      llvm::SmallString<128> Prefix(Result.Prefix);
      llvm::sys::path::append(Prefix, Part);
      Result.Prefix = std::string(Prefix);
      continue;
    }
    InPrefix = false;
    Result.Components.push_back(Part.str());
    if (Part == "**") {
      Result.Patterns.emplace_back();
      continue;
    }
    llvm::Expected<llvm::GlobPattern> Pattern = llvm::GlobPattern::create(Part);
    if (!Pattern) {
      llvm::consumeError(Pattern.takeError());
      return std::nullopt;
    }
    Result.Patterns.emplace_back(std::move(*Pattern));
  }
  if (Text.starts_with("/"))
    Result.Prefix = "/" + Result.Prefix;
  return Result;
}

/// Does the relative path \p Path (components) match \p G's components?
/// A table of which prefixes of the pattern match which prefixes of the
/// path: linear in their product, with no recursion.
bool matches(const Glob &G, llvm::ArrayRef<llvm::StringRef> Path) {
  size_t P = G.Components.size(), N = Path.size();
  std::vector<std::vector<char>> Match(P + 1, std::vector<char>(N + 1, 0));
  Match[0][0] = 1;
  for (size_t I = 1; I <= P; ++I) {
    bool Any = !G.Patterns[I - 1];
    if (Any)
      Match[I][0] = Match[I - 1][0];
    for (size_t J = 1; J <= N; ++J)
      Match[I][J] = Any ? (Match[I - 1][J] || Match[I][J - 1])
                        : (Match[I - 1][J - 1] && G.Patterns[I - 1]->match(Path[J - 1]));
  }
  return Match[P][N];
}

bool isSkippedDirectory(llvm::StringRef Name) {
  return (Name.starts_with(".") && Name != "." && Name != "..") || Name == "node_modules";
}

/// The files under \p G's prefix (below \p Base) that match it, appended
/// to \p Found; the walk stops after \p Budget directory entries.
void findMatches(llvm::StringRef Base, const Glob &G, unsigned &Budget,
                 std::vector<std::string> &Found) {
  llvm::SmallString<256> Start;
  if (llvm::sys::path::is_absolute(G.Prefix))
    Start = G.Prefix;
  else {
    Start = Base;
    llvm::sys::path::append(Start, G.Prefix);
  }
  if (G.Components.empty()) { // A plain file name.
    if (llvm::sys::fs::is_regular_file(Start))
      Found.push_back(std::string(Start));
    return;
  }
  std::error_code Error;
  llvm::sys::fs::recursive_directory_iterator It(Start, Error), End;
  for (; !Error && It != End && Budget > 0; It.increment(Error), --Budget) {
    llvm::StringRef Path = It->path();
    llvm::StringRef Name = llvm::sys::path::filename(Path);
    llvm::sys::fs::file_type Type = It->type();
    if (Type == llvm::sys::fs::file_type::directory_file) {
      // Bounded depth, and no hidden or dependency directories.
      if (isSkippedDirectory(Name) || It.level() >= 16)
        It.no_push();
      continue;
    }
    if (Type != llvm::sys::fs::file_type::regular_file &&
        Type != llvm::sys::fs::file_type::symlink_file)
      continue;
    llvm::StringRef Relative = Path.drop_front(Start.size()).ltrim('/');
    llvm::SmallVector<llvm::StringRef, 8> Components;
    Relative.split(Components, '/', -1, /*KeepEmpty=*/false);
    if (matches(G, Components))
      Found.push_back(Path.str());
  }
}

std::shared_ptr<const SchemaFileSet> readSchemaFiles(llvm::StringRef Base,
                                                     llvm::ArrayRef<std::string> Globs) {
  auto Result = std::make_shared<SchemaFileSet>();
  std::vector<std::string> Found;
  unsigned Budget = MaxDirectoryEntries;
  for (const std::string &Text : Globs) {
    std::optional<Glob> G = compileGlob(Text);
    if (!G) {
      Result->Problems.push_back("'" + Text + "' is not a valid glob");
      continue;
    }
    findMatches(Base, *G, Budget, Found);
  }
  if (Budget == 0)
    Result->Problems.push_back("stopped after " + std::to_string(MaxDirectoryEntries) +
                               " directory entries");
  llvm::sort(Found);
  Found.erase(std::unique(Found.begin(), Found.end()), Found.end());
  if (Found.size() > MaxSchemaFiles) {
    Result->Problems.push_back("read the first " + std::to_string(MaxSchemaFiles) + " of " +
                               std::to_string(Found.size()) + " schema files");
    Found.resize(MaxSchemaFiles);
  }
  for (const std::string &File : Found) {
    uint64_t Size = 0;
    if (llvm::sys::fs::file_size(File, Size) || Size > MaxSchemaFileBytes) {
      Result->Problems.push_back("'" + File + "' skipped: larger than " +
                                 std::to_string(MaxSchemaFileBytes) + " bytes");
      continue;
    }
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
    if (!Buffer) {
      Result->Problems.push_back("'" + File + "' could not be read");
      continue;
    }
    Result->Schema.read((*Buffer)->getBuffer(), File);
    Result->Files.push_back(File);
  }
  return Result;
}

} // namespace

std::shared_ptr<const SchemaFileSet> loadSchemaFiles(llvm::StringRef BaseDirectory,
                                                     llvm::ArrayRef<std::string> Globs) {
  static std::mutex Lock;
  static std::map<std::string, std::shared_ptr<const SchemaFileSet>> Cache;
  std::string Key = BaseDirectory.str();
  for (const std::string &G : Globs)
    Key += '\n' + G;
  std::lock_guard<std::mutex> Guard(Lock);
  auto [It, Inserted] = Cache.try_emplace(Key);
  if (Inserted)
    It->second = readSchemaFiles(BaseDirectory, Globs);
  return It->second;
}

std::string configurationDirectoryOf(llvm::StringRef File) {
  llvm::SmallString<256> Directory(File);
  if (llvm::sys::fs::make_absolute(Directory))
    return {};
  llvm::sys::path::remove_dots(Directory, /*remove_dot_dot=*/true);
  llvm::sys::path::remove_filename(Directory);
  for (unsigned Depth = 0; !Directory.empty() && Depth < 64; ++Depth) {
    llvm::SmallString<256> Candidate(Directory);
    llvm::sys::path::append(Candidate, ".clang-tidy");
    if (llvm::sys::fs::is_regular_file(Candidate))
      return std::string(Directory);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Directory);
    if (Parent == Directory)
      break;
    Directory = Parent;
  }
  return {};
}

const SqlTable *SchemaView::table(llvm::StringRef Name) const {
  if (Code)
    if (const SqlTable *Found = Code->table(Name))
      return Found;
  return Files ? Files->table(Name) : nullptr;
}

const SqlTable *SchemaView::tableForEntity(llvm::StringRef EntityName) const {
  if (Code)
    if (const SqlTable *Found = Code->tableForEntity(EntityName))
      return Found;
  return Files ? Files->tableForEntity(EntityName) : nullptr;
}

const StringLiteral *sqlConstructorArgument(const CXXConstructExpr *Construct) {
  for (const Expr *Argument : Construct->arguments()) {
    const Expr *Inner = Argument->IgnoreParenImpCasts();
    for (unsigned Depth = 0; Depth < 8; ++Depth) {
      if (const auto *Materialize = dyn_cast<MaterializeTemporaryExpr>(Inner))
        Inner = Materialize->getSubExpr()->IgnoreParenImpCasts();
      else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Inner))
        Inner = Bind->getSubExpr()->IgnoreParenImpCasts();
      else if (const auto *Copy = dyn_cast<CXXConstructExpr>(Inner);
               Copy && Copy->getNumArgs() >= 1)
        Inner = Copy->getArg(0)->IgnoreParenImpCasts();
      else
        break;
    }
    if (const auto *Literal = dyn_cast<StringLiteral>(Inner);
        Literal && Literal->getCharByteWidth() == 1)
      return Literal;
  }
  return nullptr;
}

namespace {

/// The class an argument's type names, through references and pointers.
const CXXRecordDecl *argumentClass(const Expr *Argument) {
  QualType Type = Argument->getType().getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  return Type->getAsCXXRecordDecl();
}

} // namespace

const SqlTable *SchemaView::tableOf(const Expr *StoreCall, const CXXRecordDecl *Record,
                                    const ModelVocabulary &Vocabulary) const {
  if (!StoreCall || empty())
    return nullptr;
  const StringLiteral *Sql = nullptr;
  const auto *Call = dyn_cast<CallExpr>(StoreCall);
  // The SQL a profiled call runs (an execute's prepared statement's, too),
  // else any SQL text passed to it.
  if (Call && !(Sql = Vocabulary.classifyStoreCall(Call).Sql))
    Sql = ModelVocabulary::sqlArgument(Call);
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(StoreCall))
    Sql = sqlConstructorArgument(Construct);
  if (Sql && Sql->getCharByteWidth() == 1) {
    std::string Name = sqlStatementTable(Sql->getString());
    return Name.empty() ? nullptr : table(Name);
  }
  if (!Call)
    return nullptr;
  // session.persist(user), repository.insert(user)
  for (const Expr *Argument : Call->arguments())
    if (const CXXRecordDecl *Class = argumentClass(Argument);
        Class && Vocabulary.isRecord(Class) && Class->getIdentifier())
      if (const SqlTable *Found = tableForEntity(Class->getName()))
        return Found;
  if (Record && Record->getIdentifier())
    if (const SqlTable *Found = tableForEntity(Record->getName()))
      return Found;
  // find_user_by_name, insert_user: a word before "by".
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && Callee->getDeclName().isIdentifier())
    for (const std::string &Word : identifierWords(Callee->getName())) {
      if (Word == "by")
        break;
      if (const SqlTable *Found = tableForEntity(Word))
        return Found;
    }
  // UserRepository::insert: the class name's words before the suffix.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (const CXXRecordDecl *Class = Member->getRecordDecl();
        Class && Class->getIdentifier() && Vocabulary.isStoreClass(Class)) {
      auto Words = identifierWords(Class->getName());
      if (Words.size() >= 2) {
        std::string Entity;
        for (size_t I = 0; I + 1 < Words.size(); ++I)
          Entity += (I ? "_" : "") + Words[I];
        return tableForEntity(Entity);
      }
    }
  return nullptr;
}

} // namespace clang::tidy::modelguard::model
