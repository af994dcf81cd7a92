//===--- CodeClimateReport.cpp - modelguard driver ------------------------===//
//
// GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of Code
// Climate issues with the fields GitLab reads (description, check_name,
// fingerprint, severity, location.path relative to the repository,
// location.lines.begin) and the Code Climate ones it tolerates (type,
// categories, content, location.positions). Tool errors are not issues of the
// code and are not listed; the exit status reports them.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "catalog/RuleCatalog.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

namespace modelguard::driver {

namespace json = llvm::json;
namespace catalog = modelguard::catalog;

/// GitLab's scale is info, minor, major, critical, blocker. A rule's
/// catalog severity decides for modelguard's checks; other checks go by the
/// level the finding was reported at.
static llvm::StringRef severityOf(const Finding &F,
                                  const catalog::RuleSpec *Spec) {
  llvm::StringRef Level =
      Spec ? llvm::StringRef(Spec->Severity.data(), Spec->Severity.size())
           : llvm::StringRef(F.Level);
  if (F.Level == "error" || Level == "error")
    return "critical";
  if (Level == "note")
    return "minor";
  return "major";
}

void writeCodeClimate(const Report &R, llvm::raw_ostream &OS) {
  json::Array Issues;
  for (const Finding &F : R.Findings) {
    const catalog::RuleSpec *Spec = catalog::findCheckRule(F.Check);
    std::string Body;
    if (Spec)
      Body = std::string(Spec->Summary) + "\n\n" + std::string(Spec->Rationale);
    for (const Note &N : F.Notes)
      Body += (Body.empty() ? "" : "\n\n") + displayPath(N.Loc.File, R.Root) +
              ":" + std::to_string(N.Loc.Line) + ": " + N.Message;
    json::Object Issue{
        {"type", "issue"},
        {"check_name", F.Check},
        {"description", F.Message},
        {"categories", json::Array{Spec ? "Security" : "Bug Risk"}},
        {"severity", severityOf(F, Spec)},
        {"fingerprint", F.Fingerprint},
        {"location",
         json::Object{
             {"path", displayPath(F.Loc.File, R.Root)},
             {"lines", json::Object{{"begin", std::max(1u, F.Loc.Line)}}}}}};
    if (!Body.empty())
      Issue["content"] = json::Object{{"body", Body}};
    Issues.push_back(std::move(Issue));
  }
  OS << llvm::formatv("{0:2}", json::Value(std::move(Issues))) << '\n';
}

} // namespace modelguard::driver
