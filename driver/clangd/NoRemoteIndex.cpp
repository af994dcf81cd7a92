//===--- NoRemoteIndex.cpp - modelguard-clangd -----------------------------===//
//
// clangd's remote index needs gRPC and protobuf, which modelguard-clangd
// does not link. This is the client a clangd built without remote index
// support has: none. clangd then reports that the configured remote index
// is unavailable and carries on with its local index.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"

#include <memory>

namespace clang {
namespace clangd {
class SymbolIndex;
namespace remote {

// Declared in clangd's index/remote/Client.h, which is not installed.
std::unique_ptr<SymbolIndex> getClient(llvm::StringRef Address,
                                       llvm::StringRef ProjectRoot);

std::unique_ptr<SymbolIndex> getClient(llvm::StringRef, llvm::StringRef) {
  return nullptr;
}

} // namespace remote
} // namespace clangd
} // namespace clang
