//===--- CompileDatabase.cpp - modelguard driver --------------------------===//

#include "CompileDatabase.h"
#include "LLVMCompat.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

#include <set>

namespace modelguard::driver {

namespace json = llvm::json;

/// llvm::json reports "[line:column, byte=N]: message"; turn it into the
/// compiler-style "file:line:column: message".
static std::string parseErrorMessage(llvm::StringRef Path, llvm::Error E) {
  std::string Text = llvm::toString(std::move(E));
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::Regex Position("^\\[([0-9]+):([0-9]+), byte=[0-9]+\\]: (.*)$");
  if (Position.match(Text, &Parts))
    return (Path + ":" + Parts[1] + ":" + Parts[2] + ": malformed JSON: " +
            Parts[3])
        .str();
  return (Path + ": malformed JSON: " + Text).str();
}

std::optional<JsonFile> readJsonFile(llvm::StringRef Path, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = ("cannot read '" + Path + "': " + Buffer.getError().message()).str();
    return std::nullopt;
  }
  llvm::Expected<json::Value> Doc = json::parse((*Buffer)->getBuffer());
  if (!Doc) {
    Error = parseErrorMessage(Path, Doc.takeError());
    return std::nullopt;
  }
  return JsonFile{std::move(*Buffer), std::move(*Doc)};
}

/// Checks the shape of every entry, so that the user learns which entry is
/// wrong and how.
static std::optional<std::string> checkEntries(llvm::StringRef Path,
                                               const json::Value &Doc) {
  const json::Array *Entries = Doc.getAsArray();
  if (!Entries)
    return (Path + ": expected a JSON array of compile commands").str();
  for (size_t I = 0; I < Entries->size(); ++I) {
    std::string Where = (Path + ": entry " + llvm::Twine(I + 1) + ": ").str();
    const json::Object *Entry = (*Entries)[I].getAsObject();
    if (!Entry)
      return Where + "expected an object";
    if (!Entry->getString("directory"))
      return Where + "missing string 'directory'";
    if (!Entry->getString("file"))
      return Where + "missing string 'file'";
    const json::Array *Args = Entry->getArray("arguments");
    if (!Args && !Entry->getString("command"))
      return Where + "needs 'arguments' (an array) or 'command' (a string)";
    if (Args)
      for (const json::Value &A : *Args)
        if (!A.getAsString())
          return Where + "'arguments' must hold only strings";
  }
  return std::nullopt;
}

std::optional<std::vector<CompileEntry>>
loadCompileDatabase(llvm::StringRef BuildDir, std::string &Error) {
  if (!llvm::sys::fs::exists(BuildDir)) {
    Error = ("build directory '" + BuildDir + "' does not exist").str();
    return std::nullopt;
  }
  if (!llvm::sys::fs::is_directory(BuildDir)) {
    Error = ("'" + BuildDir + "' is not a directory").str();
    return std::nullopt;
  }
  llvm::SmallString<256> Path(BuildDir);
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::append(Path, "compile_commands.json");
  if (!llvm::sys::fs::exists(Path)) {
    Error = ("no compile_commands.json in '" + BuildDir +
             "' (configure the project with "
             "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or use bear)")
                .str();
    return std::nullopt;
  }
  std::optional<JsonFile> Doc = readJsonFile(Path, Error);
  if (!Doc)
    return std::nullopt;
  if (auto Problem = checkEntries(Path, Doc->Value)) {
    Error = *Problem;
    return std::nullopt;
  }

  std::string LoadError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Database =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Doc->Text->getBuffer(), LoadError,
          clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database) {
    Error = (Path + ": " + LoadError).str();
    return std::nullopt;
  }
  Database = clang::tooling::inferTargetAndDriverMode(
      clang::tooling::expandResponseFiles(std::move(Database),
                                          llvm::vfs::getRealFileSystem()));

  std::vector<CompileEntry> Entries;
  std::set<std::string> Seen;
  for (const clang::tooling::CompileCommand &C :
       Database->getAllCompileCommands()) {
    llvm::SmallString<256> File(C.Filename);
    if (!llvm::sys::path::is_absolute(File))
      modelguard::compat::makeAbsolute(C.Directory, File);
    llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
    // A file compiled twice (two configurations) is analysed once, with its
    // first command, as run-clang-tidy does.
    if (!Seen.insert(File.str().str()).second)
      continue;
    Entries.push_back({File.str().str(), C.Directory, C.CommandLine});
  }
  return Entries;
}

} // namespace modelguard::driver
