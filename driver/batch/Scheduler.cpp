//===--- Scheduler.cpp - modelguard driver --------------------------------===//

#include "Scheduler.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <set>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace modelguard::driver {

namespace json = llvm::json;
using Clock = std::chrono::steady_clock;

static volatile std::sig_atomic_t InterruptSignal = 0;

static void onInterrupt(int Signal) { InterruptSignal = Signal; }

void installInterruptHandlers() {
  struct sigaction Action;
  std::memset(&Action, 0, sizeof(Action));
  Action.sa_handler = onInterrupt;
  sigemptyset(&Action.sa_mask);
  sigaction(SIGINT, &Action, nullptr);
  sigaction(SIGTERM, &Action, nullptr);
}

bool interrupted() { return InterruptSignal != 0; }

namespace {

struct Running {
  pid_t Pid;
  size_t Index;
  Clock::time_point Start;
  bool TimedOut = false;
};

class Progress {
public:
  Progress(bool Enabled, size_t Total) : Enabled(Enabled), Total(Total) {}

  void update(size_t Done, size_t Findings, size_t Errors) {
    if (!Enabled)
      return;
    double Elapsed =
        std::chrono::duration<double>(Clock::now() - Start).count();
    llvm::errs() << "\r\033[K[" << Done << '/' << Total << "] " << Findings
                 << (Findings == 1 ? " finding" : " findings");
    if (Errors)
      llvm::errs() << ", " << Errors << (Errors == 1 ? " tool error" : " tool errors");
    llvm::errs() << ", " << llvm::format("%.1f", Elapsed) << "s elapsed";
    llvm::errs().flush();
  }

  void finish() {
    if (Enabled)
      llvm::errs() << "\r\033[K";
  }

private:
  bool Enabled;
  size_t Total;
  Clock::time_point Start = Clock::now();
};

std::string describeSignal(int Signal) {
  const char *Name = strsignal(Signal);
  return "signal " + std::to_string(Signal) + (Name ? std::string(": ") + Name : "");
}

} // namespace

bool runUnits(std::vector<Job> Units, ResultCache &Cache,
              const SchedulerConfig &Config, Report &Out) {
  std::vector<std::optional<std::string>> Keys(Units.size());
  std::vector<Running> Active;
  size_t Next = 0, Done = 0;
  Progress Bar(Config.Progress, Units.size());
  std::set<std::string> Distinct;
  Bar.update(0, 0, 0);

  auto Record = [&](size_t Index, UnitResult Result, llvm::StringRef Status) {
    Out.Units.push_back({Units[Index].File, Status.str(), Result.Seconds});
    for (Finding &F : Result.Findings) {
      // Count a header finding once, as the report will show it.
      Distinct.insert(F.Loc.File + ':' + std::to_string(F.Loc.Line) + ':' +
                      std::to_string(F.Loc.Column) + ':' + F.Check + ':' +
                      F.Message);
      Out.Findings.push_back(std::move(F));
    }
    for (ToolError &E : Result.ToolErrors)
      Out.ToolErrors.push_back(std::move(E));
    ++Done;
    Bar.update(Done, Distinct.size(), Out.ToolErrors.size());
  };

  auto Start = [&](size_t Index) -> bool {
    Job &J = Units[Index];
    llvm::SmallString<256> JobPath(Config.TempDir);
    llvm::sys::path::append(JobPath, "job-" + std::to_string(Index) + ".json");
    J.ResultPath = (Config.TempDir + "/result-" + std::to_string(Index) + ".json");
    std::string Text;
    llvm::raw_string_ostream(Text) << jobToJson(J);
    if (auto Error = writeFileAtomically(JobPath, Text)) {
      UnitResult Failed;
      Failed.ToolErrors.push_back({J.File, "worker", *Error});
      Record(Index, std::move(Failed), "failed");
      return false;
    }
    std::string Self = Config.Executable;
    std::string Mode = "__worker";
    std::string JobArg = JobPath.str().str();
    char *Argv[] = {Self.data(), Mode.data(), JobArg.data(), nullptr};
    posix_spawn_file_actions_t Actions;
    posix_spawn_file_actions_init(&Actions);
    posix_spawn_file_actions_addopen(&Actions, STDIN_FILENO, "/dev/null",
                                     O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&Actions, STDOUT_FILENO, "/dev/null",
                                     O_WRONLY, 0);
    std::string ErrPath = Config.TempDir + "/stderr-" + std::to_string(Index);
    posix_spawn_file_actions_addopen(&Actions, STDERR_FILENO, ErrPath.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t Pid;
    int Status = posix_spawn(&Pid, Self.c_str(), &Actions, nullptr, Argv, environ);
    posix_spawn_file_actions_destroy(&Actions);
    if (Status != 0) {
      UnitResult Failed;
      Failed.ToolErrors.push_back(
          {J.File, "worker",
           "cannot start the worker: " + std::string(strerror(Status))});
      Record(Index, std::move(Failed), "failed");
      return false;
    }
    Active.push_back({Pid, Index, Clock::now()});
    return true;
  };

  auto Finish = [&](const Running &R, int WaitStatus) {
    const Job &J = Units[R.Index];
    double Seconds =
        std::chrono::duration<double>(Clock::now() - R.Start).count();
    UnitResult Result;
    if (R.TimedOut) {
      Result.ToolErrors.push_back(
          {J.File, "timeout",
           "the analysis did not finish within " +
               std::to_string(Config.TimeoutSeconds) + " seconds and was stopped"});
    } else if (WIFSIGNALED(WaitStatus)) {
      Result.ToolErrors.push_back(
          {J.File, "crash",
           "the analysis crashed (" + describeSignal(WTERMSIG(WaitStatus)) + ")"});
    } else {
      auto Buffer = llvm::MemoryBuffer::getFile(J.ResultPath);
      std::optional<json::Value> Doc;
      if (Buffer) {
        if (auto Parsed = json::parse((*Buffer)->getBuffer()))
          Doc = std::move(*Parsed);
        else
          llvm::consumeError(Parsed.takeError());
      }
      if (!Doc || !resultFromJson(*Doc, Result)) {
        Result = UnitResult();
        Result.ToolErrors.push_back(
            {J.File, "worker",
             "the worker exited with status " +
                 std::to_string(WEXITSTATUS(WaitStatus)) + " and left no result"});
      } else if (Result.Unaffected) {
        // Not analysed: nothing to cache, and no time to count.
        Record(R.Index, std::move(Result), "unaffected");
        return;
      } else if (Keys[R.Index] &&
                 llvm::all_of(Result.ToolErrors, [](const ToolError &E) {
                   return E.Kind == "compile-error";
                 })) {
        // A compile error is as reproducible as a finding; a crash, a
        // timeout or a worker failure may not be, and is tried again.
        Cache.store(*Keys[R.Index], Result);
      }
    }
    Result.Seconds = Seconds;
    const char *Status = Result.ToolErrors.empty() ? "analysed" : "failed";
    Record(R.Index, std::move(Result), Status);
  };

  while (Next < Units.size() || !Active.empty()) {
    if (interrupted()) {
      for (const Running &R : Active)
        kill(R.Pid, SIGKILL);
      for (const Running &R : Active)
        waitpid(R.Pid, nullptr, 0);
      Bar.finish();
      return false;
    }
    // Fill free slots; a cache hit takes no slot.
    while (Active.size() < Config.Jobs && Next < Units.size()) {
      size_t Index = Next++;
      if (Cache.enabled()) {
        Keys[Index] = Cache.keyFor(Units[Index]);
        if (Keys[Index]) {
          if (std::optional<UnitResult> Hit = Cache.lookup(*Keys[Index])) {
            ++Out.CacheHits;
            Hit->Seconds = 0;
            Record(Index, std::move(*Hit), "cached");
            continue;
          }
        }
        ++Out.CacheMisses;
      }
      Start(Index);
    }
    int WaitStatus;
    pid_t Pid = waitpid(-1, &WaitStatus, WNOHANG);
    if (Pid > 0) {
      auto It = llvm::find_if(Active, [&](const Running &R) { return R.Pid == Pid; });
      if (It != Active.end()) {
        Running R = *It;
        Active.erase(It);
        Finish(R, WaitStatus);
      }
      continue;
    }
    if (Config.TimeoutSeconds)
      for (Running &R : Active)
        if (!R.TimedOut &&
            Clock::now() - R.Start > std::chrono::seconds(Config.TimeoutSeconds)) {
          R.TimedOut = true;
          kill(R.Pid, SIGKILL);
        }
    if (!Active.empty())
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  Bar.finish();
  return true;
}

} // namespace modelguard::driver
