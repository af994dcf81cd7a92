//===--- ModelGuardModule.cpp - modelguard ---------------------------------===//
//
// Registers the modelguard checks with clang-tidy. Loaded with
// `clang-tidy --load=libModelGuard.so`, linked into the modelguard driver and
// into modelguard-clangd (which reference ModelGuardModuleAnchorSource so a
// static link keeps this file).
//
//===----------------------------------------------------------------------===//

#include "CreateWithoutUniquenessCheck.h"
#include "ExceptionTypeConfusionCheck.h"
#include "LeakedTracebackCheck.h"
#include "UncheckedNullableFieldCheck.h"
#include "UnlockedReadModifyWriteCheck.h"
#include "UntrackedTodoCheck.h"
#include "LLVMCompat.h"

#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy::modelguard {

class ModelGuardModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<CreateWithoutUniquenessCheck>(
        "modelguard-create-without-uniqueness");
    Factories.registerCheck<ExceptionTypeConfusionCheck>(
        "modelguard-exception-type-confusion");
    Factories.registerCheck<LeakedTracebackCheck>("modelguard-leaked-traceback");
    Factories.registerCheck<UncheckedNullableFieldCheck>(
        "modelguard-unchecked-nullable-field");
    Factories.registerCheck<UnlockedReadModifyWriteCheck>(
        "modelguard-unlocked-read-modify-write");
    Factories.registerCheck<UntrackedTodoCheck>("modelguard-untracked-todo");
  }
};

} // namespace clang::tidy::modelguard

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<modelguard::ModelGuardModule>
    X("modelguard-module", "Adds the modelguard persistent-object checks.");

// Referenced by executables that link the checks statically, so that the
// linker keeps this object file and its registration.
volatile int ModelGuardModuleAnchorSource = 0;

} // namespace clang::tidy
