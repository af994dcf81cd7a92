//===--- EmbeddedProfiles.cpp - modelguard ---------------------------------===//
//
// The bundled library profiles, as modelguard-profilegen validated and
// embedded them from rules/profiles/*.json.
//
//===----------------------------------------------------------------------===//

#include "ProfileSchema.h"

namespace modelguard::profiles {

namespace {
const EmbeddedProfile Bundled[] = {
#include "ProfileData.inc"
};
} // namespace

llvm::ArrayRef<EmbeddedProfile> embeddedProfiles() { return Bundled; }

} // namespace modelguard::profiles
