//===--- Main.cpp - modelguard driver -------------------------------------===//
//
// `modelguard`: runs the checks over a compilation database and writes
// reports; `modelguard merge`: combines the reports of shards. See
// docs/driver.md.
//
//===----------------------------------------------------------------------===//

#include "Cache.h"
#include "CompileDatabase.h"
#include "GitDiff.h"
#include "LLVMCompat.h"
#include "Options.h"
#include "Report.h"
#include "Scheduler.h"
#include "Worker.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"

#include <set>
#include <unistd.h>

namespace clang::tidy {
// Each module registers itself from a static object; referencing its anchor
// keeps the module's object file in the static link. (clang-tidy's own
// ClangTidyForceLinker.h needs a configuration header Debian does not ship.)
#define MODELGUARD_KEEP_MODULE(Name)                                           \
  extern volatile int Name##ModuleAnchorSource;                                \
  static int LLVM_ATTRIBUTE_UNUSED Name##ModuleAnchorDestination =             \
      Name##ModuleAnchorSource;
MODELGUARD_KEEP_MODULE(Abseil)
MODELGUARD_KEEP_MODULE(Altera)
MODELGUARD_KEEP_MODULE(Android)
MODELGUARD_KEEP_MODULE(Boost)
MODELGUARD_KEEP_MODULE(Bugprone)
MODELGUARD_KEEP_MODULE(CERT)
MODELGUARD_KEEP_MODULE(Concurrency)
MODELGUARD_KEEP_MODULE(CppCoreGuidelines)
#if MODELGUARD_TIDY_HAS_CUSTOM_MODULE
MODELGUARD_KEEP_MODULE(Custom)
#endif
MODELGUARD_KEEP_MODULE(Darwin)
MODELGUARD_KEEP_MODULE(Fuchsia)
MODELGUARD_KEEP_MODULE(Google)
MODELGUARD_KEEP_MODULE(HICPP)
MODELGUARD_KEEP_MODULE(LinuxKernel)
MODELGUARD_KEEP_MODULE(LLVM)
MODELGUARD_KEEP_MODULE(LLVMLibc)
MODELGUARD_KEEP_MODULE(Misc)
MODELGUARD_KEEP_MODULE(Modernize)
MODELGUARD_KEEP_MODULE(MPI)
MODELGUARD_KEEP_MODULE(ObjC)
MODELGUARD_KEEP_MODULE(OpenMP)
MODELGUARD_KEEP_MODULE(Performance)
MODELGUARD_KEEP_MODULE(Portability)
MODELGUARD_KEEP_MODULE(Readability)
MODELGUARD_KEEP_MODULE(Zircon)
MODELGUARD_KEEP_MODULE(ModelGuard)
#undef MODELGUARD_KEEP_MODULE
} // namespace clang::tidy

using namespace modelguard::driver;
namespace json = llvm::json;
namespace tidy = clang::tidy;

namespace {

int fail(const llvm::Twine &Message, int Code = ExitUsage) {
  llvm::errs() << "modelguard: error: " << Message << '\n';
  return Code;
}

/// A report can be written only if its directory exists and is writable;
/// checked before the analysis so that a typo costs no time.
std::optional<std::string> checkWritable(llvm::StringRef Path) {
  if (Path == "-")
    return std::nullopt;
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
  if (Dir.empty())
    Dir = ".";
  if (!llvm::sys::fs::is_directory(Dir))
    return ("cannot write '" + Path + "': directory '" + Dir +
            "' does not exist")
        .str();
  if (::access(Dir.c_str(), W_OK) != 0 ||
      (llvm::sys::fs::exists(Path) && ::access(Path.str().c_str(), W_OK) != 0))
    return ("cannot write '" + Path + "': permission denied").str();
  if (llvm::sys::fs::is_directory(Path))
    return ("cannot write '" + Path + "': it is a directory").str();
  return std::nullopt;
}

std::optional<std::string> checkOutputs(const Options &O) {
  for (const OutputSpec &S : O.Outputs)
    if (auto Error = checkWritable(S.Path))
      return Error;
  if (O.WriteBaseline)
    return checkWritable(*O.WriteBaseline);
  return std::nullopt;
}

std::optional<std::set<std::string>> readBaseline(llvm::StringRef Path,
                                                  std::string &Error) {
  std::optional<JsonFile> File = readJsonFile(Path, Error);
  if (!File)
    return std::nullopt;
  const json::Object *O = File->Value.getAsObject();
  const json::Array *List = O ? O->getArray("fingerprints") : nullptr;
  if (!List) {
    Error = ("'" + Path + "' is not a modelguard baseline (no 'fingerprints')")
                .str();
    return std::nullopt;
  }
  std::set<std::string> Fingerprints;
  for (const json::Value &V : *List)
    if (auto S = V.getAsString())
      Fingerprints.insert(S->str());
  return Fingerprints;
}

/// Leaves out the findings that are not on a line of \p Changes. Paths are
/// compared in canonical form, as git reports them.
void keepChangedLines(Report &R, const ChangedLines &Changes) {
  llvm::StringMap<std::string> Canonical;
  auto CanonicalOf = [&](const std::string &File) -> const std::string & {
    auto [It, Inserted] = Canonical.try_emplace(File);
    if (Inserted)
      It->second = canonicalPath(File);
    return It->second;
  };
  std::vector<Finding> Kept;
  for (Finding &F : R.Findings) {
    if (Changes.contains(CanonicalOf(F.Loc.File), F.Loc.Line))
      Kept.push_back(std::move(F));
    else
      ++R.OutsideChange;
  }
  R.Findings = std::move(Kept);
}

/// Fingerprints, the --diff-base and baseline filters and the reports: what a
/// run and a merge share.
int finishReport(Report &R, const Options &O, const ChangedLines *Changes) {
  R.normalise();
  R.assignFingerprints();
  if (Changes)
    keepChangedLines(R, *Changes);

  if (O.WriteBaseline) {
    json::Array List;
    for (const Finding &F : R.Findings)
      List.push_back(F.Fingerprint);
    std::string Text;
    llvm::raw_string_ostream(Text)
        << llvm::formatv("{0:2}", json::Value(json::Object{
                                      {"schemaVersion", 1},
                                      {"tool", "modelguard"},
                                      {"fingerprints", std::move(List)}}))
        << '\n';
    if (auto Error = writeFileAtomically(*O.WriteBaseline, Text))
      return fail(*Error);
  }
  if (O.Baseline) {
    std::string Error;
    auto Known = readBaseline(*O.Baseline, Error);
    if (!Known)
      return fail(Error);
    std::vector<Finding> New;
    for (Finding &F : R.Findings) {
      if (Known->count(F.Fingerprint))
        ++R.Baselined;
      else
        New.push_back(std::move(F));
    }
    R.Findings = std::move(New);
  }

  for (const OutputSpec &S : O.Outputs) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    if (S.Format == "text")
      writeText(R, OS);
    else if (S.Format == "json")
      OS << llvm::formatv("{0:2}", toJson(R)) << '\n';
    else if (S.Format == "sarif")
      writeSarif(R, OS);
    else if (S.Format == "codeclimate")
      writeCodeClimate(R, OS);
    else
      writeHtml(R, OS);
    if (S.Path == "-") {
      llvm::outs() << Text;
      llvm::outs().flush();
    } else if (auto Error = writeFileAtomically(S.Path, Text)) {
      return fail(*Error);
    }
  }
  if (!R.ToolErrors.empty())
    return ExitToolErrors;
  return R.Findings.empty() ? ExitClean : ExitFindings;
}

int runMerge(const Options &O) {
  if (auto Error = checkOutputs(O))
    return fail(*Error);
  Report R;
  bool First = true;
  for (const std::string &Input : O.Files) {
    std::string Error;
    std::optional<JsonFile> File = readJsonFile(Input, Error);
    if (!File)
      return fail(Error);
    const json::Value *Doc = &File->Value;
    Report Part;
    const json::Object *Obj = Doc->getAsObject();
    std::optional<std::string> Problem =
        Obj && Obj->get("runs") ? readSarifReport(*Doc, Part)
                                : readJsonReport(*Doc, Part);
    if (Problem)
      return fail("'" + Input + "': " + *Problem);
    if (First)
      R.Root = Part.Root;
    First = false;
    for (Finding &F : Part.Findings)
      R.Findings.push_back(std::move(F));
    for (ToolError &E : Part.ToolErrors)
      R.ToolErrors.push_back(std::move(E));
    for (UnitStatus &U : Part.Units)
      R.Units.push_back(std::move(U));
    R.Baselined += Part.Baselined;
    R.WallSeconds = std::max(R.WallSeconds, Part.WallSeconds);
    R.CacheHits += Part.CacheHits;
    R.CacheMisses += Part.CacheMisses;
  }
  std::optional<ChangedLines> Changes;
  if (O.DiffBase) {
    // The work tree is the one the reports were made in, unless --root says
    // where it is now.
    std::string Error;
    Changes = readGitChanges(O.RootGiven || R.Root.empty() ? O.Root : R.Root,
                             *O.DiffBase, Error);
    if (!Changes)
      return fail(Error);
  }
  return finishReport(R, O, Changes ? &*Changes : nullptr);
}

/// Options for every file: the defaults (modelguard's checks only, every
/// header), the `.clang-tidy` files found from the file upwards or --config,
/// then --checks and --header-filter on top, as clang-tidy combines them.
std::unique_ptr<tidy::ClangTidyOptionsProvider>
makeOptionsProvider(const Options &O, std::string &Error) {
  tidy::ClangTidyOptions Defaults = tidy::ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,modelguard-*";
  // Findings in the project's headers are reported (and de-duplicated) with
  // any LLVM version: clang-tidy 22's default filter is ".*", but 19's
  // reports no header at all.
  Defaults.HeaderFilterRegex = ".*";
  tidy::ClangTidyOptions Overrides;
  if (O.Checks)
    Overrides.Checks = *O.Checks;
  if (O.HeaderFilter)
    Overrides.HeaderFilterRegex = *O.HeaderFilter;
  if (O.Config) {
    std::string Diagnostics;
    llvm::raw_string_ostream DiagOS(Diagnostics);
    llvm::ErrorOr<tidy::ClangTidyOptions> Parsed =
        tidy::parseConfigurationWithDiags(
            llvm::MemoryBufferRef(*O.Config, "--config"),
            [&](const llvm::SMDiagnostic &D) { D.print("modelguard", DiagOS); });
    if (!Parsed) {
      Error = "invalid --config: " +
              (Diagnostics.empty() ? Parsed.getError().message() : Diagnostics);
      return nullptr;
    }
    return std::make_unique<tidy::ConfigOptionsProvider>(
        tidy::ClangTidyGlobalOptions(), Defaults, *Parsed, Overrides);
  }
  return std::make_unique<tidy::FileOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), Defaults, Overrides);
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return Result.str().str();
}

int runAnalysis(const Options &O) {
  auto WallStart = std::chrono::steady_clock::now();
  if (auto Error = checkOutputs(O))
    return fail(*Error);
  if (O.Baseline) {
    std::string Error;
    if (!readBaseline(*O.Baseline, Error))
      return fail(Error);
  }
  std::string Error;
  std::optional<std::vector<CompileEntry>> Entries =
      loadCompileDatabase(O.BuildDir, Error);
  if (!Entries)
    return fail(Error);

  // Which entries to analyse: the files named, else all; then the filter and
  // the shard.
  std::vector<CompileEntry> Selected;
  if (!O.Files.empty()) {
    for (const std::string &F : O.Files) {
      std::string Path = absolute(F);
      auto It = llvm::find_if(*Entries, [&](const CompileEntry &E) {
        return E.File == Path;
      });
      if (It == Entries->end())
        return fail("no compile command for '" + F + "' in '" + O.BuildDir +
                    "/compile_commands.json'");
      Selected.push_back(*It);
    }
  } else {
    Selected = *Entries;
  }
  if (O.SourceFilter) {
    llvm::Regex Filter(*O.SourceFilter);
    llvm::erase_if(Selected,
                   [&](const CompileEntry &E) { return !Filter.match(E.File); });
  }
  std::optional<ChangedLines> Changes;
  if (O.DiffBase) {
    Changes = readGitChanges(O.Root, *O.DiffBase, Error);
    if (!Changes)
      return fail(Error);
  }
  if (O.Shard) {
    auto [K, N] = *O.Shard;
    llvm::erase_if(Selected, [&, K = K, N = N](const CompileEntry &E) {
      return llvm::xxh3_64bits(llvm::StringRef(displayPath(E.File, O.Root))) %
                 N !=
             K - 1;
    });
  }

  std::unique_ptr<tidy::ClangTidyOptionsProvider> Provider =
      makeOptionsProvider(O, Error);
  if (!Provider)
    return fail(Error);

  Report R;
  R.Root = O.Root;
  R.Shard = O.Shard;
  std::vector<Job> Jobs;
  bool CheckedChecks = false;
  for (const CompileEntry &E : Selected) {
    // Files that cannot be analysed are tool errors for that file; the run
    // goes on with the others.
    if (!llvm::sys::fs::exists(E.File)) {
      R.ToolErrors.push_back({E.File, "missing-file",
                              "the file of this compile command does not exist"});
      R.Units.push_back({E.File, "failed", 0});
      continue;
    }
    if (!json::isUTF8(E.File)) {
      R.ToolErrors.push_back({json::fixUTF8(E.File), "unreadable-file",
                              "the path is not valid UTF-8"});
      continue;
    }
    if (::access(E.File.c_str(), R_OK) != 0 ||
        llvm::sys::fs::is_directory(E.File)) {
      R.ToolErrors.push_back(
          {E.File, "unreadable-file", "the file cannot be read"});
      R.Units.push_back({E.File, "failed", 0});
      continue;
    }
    tidy::ClangTidyOptions Effective = Provider->getOptions(E.File);
    if (!CheckedChecks) {
      CheckedChecks = true;
      if (modelguard::compat::enabledCheckNames(Effective).empty())
        return fail("no checks enabled (checks: '" +
                    Effective.Checks.value_or("") + "')");
    }
    Job J{E.File, E.Directory, E.Arguments,
          tidy::configurationAsText(Effective), "", {}};
    if (Changes && !Changes->touches(canonicalPath(E.File))) {
      // A unit whose main file did not change is analysed only if it reads
      // a file that did; with no change at all, there is nothing to analyse.
      J.AnalyseOnlyIfReading = Changes->files();
      if (J.AnalyseOnlyIfReading.empty()) {
        R.Units.push_back({E.File, "unaffected", 0});
        continue;
      }
    }
    Jobs.push_back(std::move(J));
  }

  std::string CacheDir = O.CacheDir;
  if (CacheDir.empty()) {
    llvm::SmallString<256> Dir(absolute(O.BuildDir));
    llvm::sys::path::append(Dir, ".modelguard-cache");
    CacheDir = Dir.str().str();
  }
  if (!O.NoCache && llvm::sys::fs::create_directories(CacheDir)) {
    llvm::errs() << "modelguard: warning: cannot create the cache directory '"
                 << CacheDir << "'; running without a cache\n";
    CacheDir.clear();
  }
  ResultCache Cache(O.NoCache ? std::string() : CacheDir);

  llvm::SmallString<256> TempDir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("modelguard", TempDir))
    return fail("cannot create a temporary directory: " + EC.message());
  SchedulerConfig Config;
  Config.Executable = llvm::sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&fail));
  Config.TempDir = TempDir.str().str();
  Config.Jobs = O.Jobs;
  Config.TimeoutSeconds = O.TimeoutSeconds;
  Config.Progress = !O.Quiet && llvm::sys::Process::StandardErrIsDisplayed();
  installInterruptHandlers();
  bool Completed = runUnits(std::move(Jobs), Cache, Config, R);
  llvm::sys::fs::remove_directories(TempDir);
  if (!Completed) {
    llvm::errs() << "modelguard: interrupted; no report was written\n";
    return ExitInterrupted;
  }
  R.WallSeconds = std::chrono::duration<double>(
                      std::chrono::steady_clock::now() - WallStart)
                      .count();
  return finishReport(R, O, Changes ? &*Changes : nullptr);
}

} // namespace

int main(int Argc, const char **Argv) {
  // The worker: one translation unit, no handlers, so that a crash is seen by
  // the driver as the signal it is.
  if (Argc == 3 && llvm::StringRef(Argv[1]) == "__worker")
    return workerMain(Argv[2]);

  llvm::InitLLVM Init(Argc, Argv);
  std::string Error;
  bool Help = false;
  std::optional<Options> O =
      parseOptions(llvm::ArrayRef(Argv + 1, Argv + Argc), Error, Help);
  if (Help) {
    printHelp(llvm::outs());
    return ExitClean;
  }
  if (!O)
    return fail(Error);
  return O->Merge ? runMerge(*O) : runAnalysis(*O);
}
