//===--- Worker.cpp - modelguard driver -----------------------------------===//

#include "Worker.h"
#include "Cache.h"
#include "GitDiff.h"
#include "LLVMCompat.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <chrono>
#include <csignal>
#include <map>
#include <set>
#include <thread>

namespace modelguard::driver {

namespace json = llvm::json;
using namespace clang;

// --- Job and result documents -------------------------------------------------

json::Value jobToJson(const Job &J) {
  json::Array Args, Changed;
  for (const std::string &A : J.Arguments)
    Args.push_back(A);
  for (const std::string &F : J.AnalyseOnlyIfReading)
    Changed.push_back(F);
  return json::Object{{"file", J.File},
                      {"directory", J.Directory},
                      {"arguments", std::move(Args)},
                      {"config", J.Config},
                      {"result", J.ResultPath},
                      {"analyseOnlyIfReading", std::move(Changed)}};
}

bool jobFromJson(const json::Value &V, Job &J) {
  const json::Object *O = V.getAsObject();
  if (!O || !O->getString("file") || !O->getString("directory") ||
      !O->getArray("arguments") || !O->getString("config") ||
      !O->getString("result"))
    return false;
  J.File = O->getString("file")->str();
  J.Directory = O->getString("directory")->str();
  J.Config = O->getString("config")->str();
  J.ResultPath = O->getString("result")->str();
  for (const json::Value &A : *O->getArray("arguments"))
    if (auto S = A.getAsString())
      J.Arguments.push_back(S->str());
  if (const json::Array *Changed = O->getArray("analyseOnlyIfReading"))
    for (const json::Value &F : *Changed)
      if (auto S = F.getAsString())
        J.AnalyseOnlyIfReading.push_back(S->str());
  return true;
}

json::Value resultToJson(const UnitResult &R) {
  json::Array Findings, Errors, Deps;
  for (const Finding &F : R.Findings)
    Findings.push_back(findingToJson(F));
  for (const ToolError &E : R.ToolErrors)
    Errors.push_back(json::Object{
        {"file", E.File}, {"kind", E.Kind}, {"message", E.Message}});
  for (const Dependency &D : R.Dependencies)
    Deps.push_back(json::Object{{"path", D.Path}, {"hash", D.Hash}});
  return json::Object{{"findings", std::move(Findings)},
                      {"toolErrors", std::move(Errors)},
                      {"dependencies", std::move(Deps)},
                      {"seconds", R.Seconds},
                      {"unaffected", R.Unaffected}};
}

bool resultFromJson(const json::Value &V, UnitResult &R) {
  const json::Object *O = V.getAsObject();
  if (!O || !O->getArray("findings") || !O->getArray("toolErrors") ||
      !O->getArray("dependencies"))
    return false;
  for (const json::Value &FV : *O->getArray("findings")) {
    Finding F;
    if (!findingFromJson(FV, F))
      return false;
    R.Findings.push_back(std::move(F));
  }
  for (const json::Value &EV : *O->getArray("toolErrors")) {
    const json::Object *EO = EV.getAsObject();
    if (!EO || !EO->getString("file") || !EO->getString("kind") ||
        !EO->getString("message"))
      return false;
    R.ToolErrors.push_back({EO->getString("file")->str(),
                            EO->getString("kind")->str(),
                            EO->getString("message")->str()});
  }
  for (const json::Value &DV : *O->getArray("dependencies")) {
    const json::Object *DO = DV.getAsObject();
    if (!DO || !DO->getString("path") || !DO->getString("hash"))
      return false;
    R.Dependencies.push_back(
        {DO->getString("path")->str(), DO->getString("hash")->str()});
  }
  R.Seconds = O->getNumber("seconds").value_or(0);
  R.Unaffected = O->getBoolean("unaffected").value_or(false);
  return true;
}

// --- Running clang-tidy on one file -------------------------------------------

namespace {

/// A compilation database that holds the job's one command.
class SingleCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    if (File == Command.Filename)
      return {Command};
    return {};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  tooling::CompileCommand Command;
};

/// Every file the source manager of \p CI read, as an absolute path, with its
/// content when it is still loaded.
std::vector<std::pair<std::string, std::optional<llvm::MemoryBufferRef>>>
filesRead(CompilerInstance &CI) {
  std::vector<std::pair<std::string, std::optional<llvm::MemoryBufferRef>>>
      Files;
  SourceManager &SM = CI.getSourceManager();
  FileManager &FM = SM.getFileManager();
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End;
       ++It) {
    llvm::SmallString<256> Path(It->first.getName());
    FM.makeAbsolutePath(Path);
    // Only "." goes: removing ".." by text is wrong across symbolic links
    // (the GCC include directories are reached through them).
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
    Files.emplace_back(Path.str().str(), It->second->getBufferIfLoaded());
  }
  return Files;
}

/// Runs the clang-tidy checks and, when the file has been parsed, records
/// every file the source manager read with the hash of the content parsed.
class TidyAction : public ASTFrontendAction {
public:
  TidyAction(tidy::ClangTidyASTConsumerFactory &Factory,
             std::vector<Dependency> &Dependencies)
      : Factory(Factory), Dependencies(Dependencies) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    return Factory.createASTConsumer(CI, File);
  }

  void EndSourceFileAction() override {
    for (const auto &[Path, Buffer] : filesRead(getCompilerInstance())) {
      std::string Hash;
      if (Buffer)
        Hash = hashBytes(Buffer->getBuffer());
      else if (auto Contents = llvm::MemoryBuffer::getFile(Path))
        Hash = hashBytes((*Contents)->getBuffer());
      else
        continue;
      Dependencies.push_back({Path, Hash});
    }
  }

private:
  tidy::ClangTidyASTConsumerFactory &Factory;
  std::vector<Dependency> &Dependencies;
};

/// Runs its actions as clang-tidy does: the code sees __clang_analyzer__,
/// so the analysis and the include scan read the same files.
class AnalyzerActionFactory : public tooling::FrontendActionFactory {
public:
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }
};

class TidyActionFactory : public AnalyzerActionFactory {
public:
  TidyActionFactory(tidy::ClangTidyContext &Context,
                    std::vector<Dependency> &Dependencies)
      : ConsumerFactory(Context), Dependencies(Dependencies) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<TidyAction>(ConsumerFactory, Dependencies);
  }

private:
  tidy::ClangTidyASTConsumerFactory ConsumerFactory;
  std::vector<Dependency> &Dependencies;
};

/// Turns file offsets into lines and columns, reading each file once.
class LineTable {
public:
  /// Fills \p Loc (and \p Snippet, if given) for \p Offset in \p Path.
  bool locate(llvm::StringRef Path, unsigned Offset, Location &Loc,
              std::string *Snippet = nullptr) {
    auto &Buffer = Buffers[Path.str()];
    if (!Buffer) {
      auto Contents = llvm::MemoryBuffer::getFile(Path);
      if (!Contents)
        return false;
      Buffer = std::move(*Contents);
    }
    llvm::StringRef Text = Buffer->getBuffer();
    if (Offset > Text.size())
      return false;
    // rfind looks at the characters before Offset only.
    size_t Newline = Text.rfind('\n', Offset);
    size_t LineStart = Newline == llvm::StringRef::npos ? 0 : Newline + 1;
    Loc.File = Path.str();
    Loc.Line = 1 + Text.take_front(LineStart).count('\n');
    Loc.Column = Offset - LineStart + 1;
    if (Snippet) {
      size_t LineEnd = Text.find('\n', LineStart);
      *Snippet = Text.slice(LineStart, LineEnd).rtrim("\r").str();
    }
    return true;
  }

private:
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Result(Path);
  if (!llvm::sys::path::is_absolute(Result))
    compat::makeAbsolute(Directory, Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return Result.str().str();
}

/// Test hooks: make the worker crash or hang on files whose path contains the
/// given text, so the tests can show that one bad translation unit costs only
/// itself.
void runTestHooks(llvm::StringRef File) {
  if (auto Crash = llvm::sys::Process::GetEnv("MODELGUARD_TEST_CRASH_ON"))
    if (!Crash->empty() && File.contains(*Crash))
      std::raise(SIGSEGV);
  if (auto Hang = llvm::sys::Process::GetEnv("MODELGUARD_TEST_HANG_ON"))
    if (!Hang->empty() && File.contains(*Hang))
      for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
}

/// The compile command as clang-tidy would run it: the configuration's extra
/// arguments, and the resource directory of the Clang the driver was built
/// with (the default one is found relative to the executable, which does not
/// live next to Clang's headers).
void adjustArguments(tooling::ClangTool &Tool,
                     const tidy::ClangTidyOptions &Options) {
  if (Options.ExtraArgsBefore)
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        *Options.ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
  if (Options.ExtraArgs)
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        *Options.ExtraArgs, tooling::ArgumentInsertPosition::END));
  Tool.appendArgumentsAdjuster(
      [](const tooling::CommandLineArguments &Args, llvm::StringRef) {
        for (const std::string &A : Args)
          if (llvm::StringRef(A).starts_with("-resource-dir"))
            return Args;
        tooling::CommandLineArguments Adjusted = Args;
        Adjusted.insert(Adjusted.end(),
                        "-resource-dir=" MODELGUARD_RESOURCE_DIR);
        return Adjusted;
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
}

/// Preprocesses the unit (no parsing) and collects the files it read.
class IncludeScanAction : public PreprocessOnlyAction {
public:
  explicit IncludeScanAction(std::vector<std::string> &Files) : Files(Files) {}

  void EndSourceFileAction() override {
    for (const auto &Entry : filesRead(getCompilerInstance()))
      Files.push_back(Entry.first);
    PreprocessOnlyAction::EndSourceFileAction();
  }

private:
  std::vector<std::string> &Files;
};

class IncludeScanActionFactory : public AnalyzerActionFactory {
public:
  explicit IncludeScanActionFactory(std::vector<std::string> &Collected)
      : Collected(Collected) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<IncludeScanAction>(Collected);
  }

private:
  std::vector<std::string> &Collected;
};

/// Whether the unit of \p File reads any of \p Changed (canonical paths).
/// Preprocessing costs a small part of an analysis; a unit that cannot be
/// preprocessed counts as reading them, so that its analysis reports why.
bool readsAnyOf(const tooling::CompilationDatabase &Database,
                llvm::StringRef File, const tidy::ClangTidyOptions &Options,
                llvm::ArrayRef<std::string> Changed) {
  tooling::ClangTool Tool(Database, {File.str()});
  adjustArguments(Tool, Options);
  IgnoringDiagConsumer Quiet;
  Tool.setDiagnosticConsumer(&Quiet);
  Tool.setPrintErrorMessage(false);
  std::vector<std::string> Files;
  IncludeScanActionFactory Factory(Files);
  if (Tool.run(&Factory) != 0)
    return true;
  std::set<std::string, std::less<>> Wanted(Changed.begin(), Changed.end());
  return llvm::any_of(Files, [&](const std::string &Path) {
    return Wanted.count(canonicalPath(Path)) != 0;
  });
}

UnitResult analyse(const Job &J) {
  UnitResult Result;
  auto Start = std::chrono::steady_clock::now();

  llvm::ErrorOr<tidy::ClangTidyOptions> Options =
      tidy::parseConfiguration(llvm::MemoryBufferRef(J.Config, "config"));
  if (!Options) {
    Result.ToolErrors.push_back(
        {J.File, "worker", "cannot read the effective configuration: " +
                               Options.getError().message()});
    return Result;
  }
  tidy::ClangTidyContext Context(std::make_unique<tidy::DefaultOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), *Options));

  tooling::CompileCommand Command(J.Directory, J.File, J.Arguments, "");
  SingleCommandDatabase Database(Command);
  if (!J.AnalyseOnlyIfReading.empty() &&
      !readsAnyOf(Database, J.File, *Options, J.AnalyseOnlyIfReading)) {
    Result.Unaffected = true;
    return Result;
  }
  tooling::ClangTool Tool(Database, {J.File});
  adjustArguments(Tool, *Options);

  tidy::ClangTidyDiagnosticConsumer DiagConsumer(Context);
  std::unique_ptr<DiagnosticsEngine> DE =
      compat::makeTidyDiagnosticsEngine(Context, DiagConsumer);
  Tool.setDiagnosticConsumer(&DiagConsumer);
  Tool.setPrintErrorMessage(false);

  TidyActionFactory Factory(Context, Result.Dependencies);
  int Status = Tool.run(&Factory);

  LineTable Lines;
  bool SawCompileError = false;
  std::vector<std::string> CompileErrors;
  for (const tidy::ClangTidyError &E : DiagConsumer.take()) {
    std::string Path = absolutePath(E.Message.FilePath, E.BuildDirectory);
    llvm::StringRef Name = E.DiagnosticName;
    bool IsCompilerError =
        Name.starts_with("clang-diagnostic-") &&
        (E.DiagLevel == tooling::Diagnostic::Error ||
         E.DiagLevel == tooling::Diagnostic::Remark) &&
        !E.IsWarningAsError;
    if (IsCompilerError && E.DiagLevel == tooling::Diagnostic::Error) {
      SawCompileError = true;
      Location Loc;
      std::string Where;
      if (!E.Message.FilePath.empty() &&
          Lines.locate(Path, E.Message.FileOffset, Loc))
        Where = Loc.File + ":" + std::to_string(Loc.Line) + ":" +
                std::to_string(Loc.Column) + ": ";
      CompileErrors.push_back(Where + E.Message.Message);
      continue;
    }
    Finding F;
    F.Check = Name.str();
    F.Level = E.DiagLevel == tooling::Diagnostic::Error || E.IsWarningAsError
                  ? "error"
                  : "warning";
    F.Message = E.Message.Message;
    if (E.Message.FilePath.empty() ||
        !Lines.locate(Path, E.Message.FileOffset, F.Loc, &F.Snippet)) {
      // A diagnostic without a place (e.g. a bad command-line option).
      F.Loc.File = J.File;
    }
    for (const tooling::DiagnosticMessage &N : E.Notes) {
      Note Out;
      Out.Message = N.Message;
      if (!N.FilePath.empty())
        Lines.locate(absolutePath(N.FilePath, E.BuildDirectory), N.FileOffset,
                     Out.Loc);
      F.Notes.push_back(std::move(Out));
    }
    for (const auto &FileFixes : E.Message.Fix)
      for (const tooling::Replacement &R : FileFixes.second) {
        FixIt X;
        if (!Lines.locate(absolutePath(R.getFilePath(), E.BuildDirectory),
                          R.getOffset(), X.Loc))
          continue;
        X.Length = R.getLength();
        X.Replacement = R.getReplacementText().str();
        F.Fixes.push_back(std::move(X));
      }
    F.TranslationUnits.push_back(J.File);
    Result.Findings.push_back(std::move(F));
  }
  // One tool error per file: the first compiler error says what is wrong.
  if (!CompileErrors.empty()) {
    std::string Message = CompileErrors.front();
    if (CompileErrors.size() > 1)
      Message += " (and " + std::to_string(CompileErrors.size() - 1) +
                 (CompileErrors.size() == 2 ? " more error)" : " more errors)");
    Result.ToolErrors.push_back({J.File, "compile-error", Message});
  }
  if (Status != 0 && !SawCompileError)
    Result.ToolErrors.push_back(
        {J.File, "compile-error", "the translation unit could not be parsed"});

  Result.Seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - Start)
                       .count();
  return Result;
}

} // namespace

int workerMain(llvm::StringRef JobPath) {
  auto Buffer = llvm::MemoryBuffer::getFile(JobPath);
  if (!Buffer) {
    llvm::errs() << "modelguard worker: cannot read '" << JobPath
                 << "': " << Buffer.getError().message() << '\n';
    return 2;
  }
  llvm::Expected<json::Value> Doc = json::parse((*Buffer)->getBuffer());
  Job J;
  if (!Doc || !jobFromJson(*Doc, J)) {
    if (!Doc)
      llvm::consumeError(Doc.takeError());
    llvm::errs() << "modelguard worker: malformed job '" << JobPath << "'\n";
    return 2;
  }
  runTestHooks(J.File);
  UnitResult Result = analyse(J);
  std::string Text;
  llvm::raw_string_ostream(Text) << resultToJson(Result);
  if (auto Error = writeFileAtomically(J.ResultPath, Text)) {
    llvm::errs() << "modelguard worker: " << *Error << '\n';
    return 2;
  }
  return 0;
}

} // namespace modelguard::driver
