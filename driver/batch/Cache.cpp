//===--- Cache.cpp - modelguard driver ------------------------------------===//

#include "Cache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

namespace modelguard::driver {

namespace json = llvm::json;

static constexpr llvm::StringLiteral CacheFormat = "modelguard-cache-1";

std::string hashBytes(llvm::StringRef Data) {
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(
      llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(Data.data()), Data.size()));
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::format_hex_no_prefix(H.high64, 16)
     << llvm::format_hex_no_prefix(H.low64, 16);
  return Text;
}

std::optional<std::string> writeFileAtomically(llvm::StringRef Path,
                                               llvm::StringRef Contents) {
  llvm::SmallString<256> Temp;
  int FD;
  llvm::SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%%%";
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp))
    return "cannot write '" + Path.str() + "': " + EC.message();
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::string Message = OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return "cannot write '" + Path.str() + "': " + Message;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return "cannot write '" + Path.str() + "': " + EC.message();
  }
  return std::nullopt;
}

std::optional<std::string> ResultCache::fileHash(llvm::StringRef Path) {
  auto [It, Inserted] = FileHashes.try_emplace(Path);
  if (Inserted) {
    if (auto Contents = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                    /*RequiresNullTerminator=*/false))
      It->second = hashBytes((*Contents)->getBuffer());
  }
  return It->second;
}

/// The hash of this program's own file, once per process. The checks are
/// linked into it, so a rebuilt driver (a changed check, a changed
/// vocabulary) never reuses results of the old one, whatever its version
/// number says; empty when the file cannot be read.
static const std::string &executableIdentity() {
  static const std::string Identity = [] {
    // Any function of this program serves to locate it.
    std::string Path = llvm::sys::fs::getMainExecutable(
        nullptr, reinterpret_cast<void *>(&executableIdentity));
    auto Contents = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false);
    return Contents ? hashBytes((*Contents)->getBuffer()) : std::string();
  }();
  return Identity;
}

std::optional<std::string> ResultCache::keyFor(const Job &J) {
  std::optional<std::string> MainHash = fileHash(J.File);
  if (!MainHash)
    return std::nullopt;
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  OS << CacheFormat << '\0' << MODELGUARD_VERSION << '\0'
     << MODELGUARD_LLVM_VERSION << '\0' << executableIdentity() << '\0'
     << J.Directory << '\0' << J.File
     << '\0';
  for (const std::string &A : J.Arguments)
    OS << A << '\0';
  OS << J.Config << '\0' << *MainHash;
  return hashBytes(Key);
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Key.take_front(2), Key.str() + ".json");
  return Path.str().str();
}

std::optional<UnitResult> ResultCache::lookup(llvm::StringRef Key) {
  if (!enabled())
    return std::nullopt;
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Key));
  if (!Buffer)
    return std::nullopt;
  llvm::Expected<json::Value> Doc = json::parse((*Buffer)->getBuffer());
  if (!Doc) {
    // A damaged entry is a miss; the fresh result replaces it.
    llvm::consumeError(Doc.takeError());
    return std::nullopt;
  }
  const json::Object *O = Doc->getAsObject();
  UnitResult Result;
  if (!O || O->getString("key") != Key || !O->get("result") ||
      !resultFromJson(*O->get("result"), Result))
    return std::nullopt;
  for (const Dependency &D : Result.Dependencies)
    if (fileHash(D.Path) != D.Hash)
      return std::nullopt;
  return Result;
}

void ResultCache::store(llvm::StringRef Key, const UnitResult &Result) {
  if (!enabled())
    return;
  std::string Path = entryPath(Key);
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return;
  std::string Text;
  llvm::raw_string_ostream(Text)
      << json::Value(json::Object{{"key", Key}, {"result", resultToJson(Result)}});
  // A cache that cannot be written only costs time on the next run.
  (void)writeFileAtomically(Path, Text);
}

} // namespace modelguard::driver
