//===--- Options.cpp - modelguard driver ----------------------------------===//

#include "Options.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

namespace modelguard::driver {

void printHelp(llvm::raw_ostream &OS) {
  OS << R"(usage: modelguard -p BUILD_DIR [options] [FILE...]
       modelguard merge [options] REPORT...

Runs the modelguard checks (and any clang-tidy check the configuration
enables) over the translation units of BUILD_DIR/compile_commands.json, or
over the FILEs named, and writes reports.

Input:
  -p DIR                  build directory holding compile_commands.json
  --source-filter REGEX   analyse only files whose path matches REGEX
  --checks GLOBS          checks to run, as clang-tidy's -checks (added to
                          the configuration; default '-*,modelguard-*')
  --config YAML           configuration, as clang-tidy's -config (instead of
                          .clang-tidy files)
  --header-filter REGEX   report findings in headers matching REGEX
  --root DIR              paths under DIR are reported relative to it and
                          fingerprinted that way (default: current directory)
  --diff-base REV         report only findings on lines added or changed
                          since git revision REV in the work tree at --root,
                          and analyse only the units that read a changed file
Running:
  -j N                    parallel translation units (default: cores)
  --timeout SECONDS       per translation unit; 0 = none (default 300)
  --shard K/N             analyse only part K of N (deterministic split)
  --cache-dir DIR         result cache (default BUILD_DIR/.modelguard-cache)
  --no-cache              neither read nor write the cache
  --quiet                 no progress line
Reports:
  --format F[=FILE]       text, json, sarif, html or codeclimate (GitLab Code
                          Quality); repeat or separate with commas for
                          several (default text)
  --output PATH           the report file; with several formats, each is
                          written to PATH.<txt|json|sarif|html|codeclimate.json>
  --baseline FILE         report only findings that are not in FILE
  --write-baseline FILE   record the current findings in FILE
Merge:
  modelguard merge [--format ...] [--output ...] [--baseline FILE]
                   [--diff-base REV] REPORT...
                          combines JSON or SARIF reports of shards, or
                          filters one

Exit status: 0 no (new) findings, 1 findings, 2 usage or input error,
3 tool errors in some translation units, 130 interrupted.
)";
}

static bool parseUnsigned(llvm::StringRef Text, unsigned &Out) {
  return !Text.getAsInteger(10, Out);
}

static const char *extensionOf(llvm::StringRef Format) {
  if (Format == "text")
    return "txt";
  if (Format == "codeclimate")
    return "codeclimate.json";
  return Format == "json" ? "json" : Format == "sarif" ? "sarif" : "html";
}

std::optional<Options> parseOptions(llvm::ArrayRef<const char *> Args,
                                    std::string &Error, bool &Help) {
  Options O;
  std::vector<std::string> Formats;
  std::optional<std::string> Output;
  size_t I = 0;
  if (!Args.empty() && llvm::StringRef(Args[0]) == "merge") {
    O.Merge = true;
    I = 1;
  }
  bool OnlyFiles = false;
  for (; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (OnlyFiles || !Arg.starts_with("-") || Arg == "-") {
      O.Files.push_back(Arg.str());
      continue;
    }
    if (Arg == "--") {
      OnlyFiles = true;
      continue;
    }
    if (Arg == "-h" || Arg == "--help") {
      Help = true;
      return std::nullopt;
    }
    if (Arg == "--quiet") {
      O.Quiet = true;
      continue;
    }
    if (Arg == "--no-cache") {
      O.NoCache = true;
      continue;
    }
    // Options with a value: "--name value", "--name=value", "-pDIR", "-jN".
    llvm::StringRef Name = Arg, Value;
    bool HasValue = false;
    if (Arg.starts_with("--") && Arg.contains('=')) {
      std::tie(Name, Value) = Arg.split('=');
      HasValue = true;
    } else if ((Arg.starts_with("-p") || Arg.starts_with("-j")) &&
               Arg.size() > 2 && !Arg.starts_with("--")) {
      Name = Arg.take_front(2);
      Value = Arg.drop_front(2);
      HasValue = true;
    }
    static const char *const WithValue[] = {
        "-p",        "-j",          "--source-filter", "--checks",
        "--config",  "--header-filter", "--root",      "--timeout",
        "--shard",   "--cache-dir", "--format",        "--output",
        "--baseline", "--write-baseline", "--diff-base"};
    if (!llvm::is_contained(WithValue, Name)) {
      Error = "unknown option '" + Arg.str() + "' (see --help)";
      return std::nullopt;
    }
    if (!HasValue) {
      if (I + 1 >= Args.size()) {
        Error = "option '" + Name.str() + "' needs a value";
        return std::nullopt;
      }
      Value = Args[++I];
    }
    if (Name == "-p") {
      O.BuildDir = Value.str();
    } else if (Name == "-j") {
      if (!parseUnsigned(Value, O.Jobs) || O.Jobs == 0) {
        Error = "-j needs a positive number, not '" + Value.str() + "'";
        return std::nullopt;
      }
    } else if (Name == "--timeout") {
      if (!parseUnsigned(Value, O.TimeoutSeconds)) {
        Error = "--timeout needs a number of seconds, not '" + Value.str() + "'";
        return std::nullopt;
      }
    } else if (Name == "--shard") {
      auto [K, N] = Value.split('/');
      unsigned KV, NV;
      if (!parseUnsigned(K, KV) || !parseUnsigned(N, NV) || NV == 0 ||
          KV == 0 || KV > NV) {
        Error = "--shard needs K/N with 1 <= K <= N, not '" + Value.str() + "'";
        return std::nullopt;
      }
      O.Shard = {KV, NV};
    } else if (Name == "--format") {
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      Value.split(Parts, ',', -1, /*KeepEmpty=*/false);
      for (llvm::StringRef Part : Parts) {
        auto [Format, File] = Part.split('=');
        if (Format != "text" && Format != "json" && Format != "sarif" &&
            Format != "html" && Format != "codeclimate") {
          Error = "unknown report format '" + Format.str() +
                  "' (text, json, sarif, html or codeclimate)";
          return std::nullopt;
        }
        if (!File.empty())
          O.Outputs.push_back({Format.str(), File.str()});
        else
          Formats.push_back(Format.str());
      }
    } else if (Name == "--output") {
      Output = Value.str();
    } else if (Name == "--source-filter") {
      O.SourceFilter = Value.str();
    } else if (Name == "--checks") {
      O.Checks = Value.str();
    } else if (Name == "--config") {
      O.Config = Value.str();
    } else if (Name == "--header-filter") {
      O.HeaderFilter = Value.str();
    } else if (Name == "--root") {
      O.Root = Value.str();
      O.RootGiven = true;
    } else if (Name == "--diff-base") {
      if (Value.empty() || Value.starts_with("-")) {
        Error = "--diff-base needs a git revision, not '" + Value.str() + "'";
        return std::nullopt;
      }
      O.DiffBase = Value.str();
    } else if (Name == "--cache-dir") {
      O.CacheDir = Value.str();
    } else if (Name == "--baseline") {
      O.Baseline = Value.str();
    } else if (Name == "--write-baseline") {
      O.WriteBaseline = Value.str();
    }
  }

  if (O.Merge) {
    if (O.Files.empty()) {
      Error = "merge needs at least one report to read";
      return std::nullopt;
    }
  } else if (O.BuildDir.empty()) {
    Error = "no build directory: use -p DIR (the directory holding "
            "compile_commands.json)";
    return std::nullopt;
  }

  if (O.DiffBase && O.WriteBaseline) {
    Error = "--write-baseline records every finding and cannot be combined "
            "with --diff-base";
    return std::nullopt;
  }

  if (Formats.empty() && O.Outputs.empty())
    Formats.push_back("text");
  if (Formats.size() == 1)
    O.Outputs.push_back({Formats[0], Output.value_or("-")});
  else if (Formats.size() > 1) {
    if (!Output) {
      Error = "several report formats need --output PATH (each is written to "
              "PATH.<extension>) or FORMAT=FILE";
      return std::nullopt;
    }
    for (const std::string &F : Formats)
      O.Outputs.push_back({F, *Output + "." + extensionOf(F)});
  }
  unsigned ToStdout = 0;
  for (const OutputSpec &S : O.Outputs)
    ToStdout += S.Path == "-";
  if (ToStdout > 1) {
    Error = "only one report can go to standard output";
    return std::nullopt;
  }

  for (const auto &[Name, Value] :
       {std::pair{"--source-filter", &O.SourceFilter},
        std::pair{"--header-filter", &O.HeaderFilter}}) {
    std::string RegexError;
    if (*Value && !llvm::Regex(**Value).isValid(RegexError)) {
      Error = std::string(Name) + ": invalid regular expression '" + **Value +
              "': " + RegexError;
      return std::nullopt;
    }
  }
  for (const std::string &F : O.Files)
    if (!llvm::json::isUTF8(F)) {
      Error = "the path '" + llvm::json::fixUTF8(F) +
              "' is not valid UTF-8; reports are UTF-8 and cannot name it";
      return std::nullopt;
    }

  if (O.Jobs == 0)
    O.Jobs = std::max(1u, llvm::hardware_concurrency().compute_thread_count());
  if (O.Root.empty()) {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    O.Root = Cwd.str().str();
  } else {
    llvm::SmallString<256> Root(O.Root);
    llvm::sys::fs::make_absolute(Root);
    llvm::sys::path::remove_dots(Root, true);
    O.Root = Root.str().str();
  }
  return O;
}

} // namespace modelguard::driver
