//===--- JsonReport.cpp - modelguard driver -------------------------------===//
//
// The JSON report (docs/report-schema.json) and its reader.
//
//===----------------------------------------------------------------------===//

#include "Report.h"

namespace modelguard::driver {

namespace json = llvm::json;

static constexpr int SchemaVersion = 1;

json::Value toJson(const Report &R) {
  json::Array Findings, Errors, Units;
  for (const Finding &F : R.Findings)
    Findings.push_back(findingToJson(F));
  for (const ToolError &E : R.ToolErrors)
    Errors.push_back(json::Object{
        {"file", E.File}, {"kind", E.Kind}, {"message", E.Message}});
  for (const UnitStatus &U : R.Units)
    Units.push_back(json::Object{
        {"file", U.File}, {"status", U.Status}, {"seconds", U.Seconds}});
  json::Object ByCheck, ByFile;
  for (const auto &[Check, N] : R.countsByCheck())
    ByCheck[Check] = N;
  for (const auto &[File, N] : R.countsByFile())
    ByFile[File] = N;
  json::Object Doc{
      {"schemaVersion", SchemaVersion},
      {"tool", json::Object{{"name", "modelguard"},
                            {"version", MODELGUARD_VERSION},
                            {"llvmVersion", MODELGUARD_LLVM_VERSION}}},
      {"root", R.Root},
      {"findings", std::move(Findings)},
      {"toolErrors", std::move(Errors)},
      {"translationUnits", std::move(Units)},
      {"counts", json::Object{{"findings", R.Findings.size()},
                              {"baselined", R.Baselined},
                              {"outsideChange", R.OutsideChange},
                              {"toolErrors", R.ToolErrors.size()},
                              {"byCheck", std::move(ByCheck)},
                              {"byFile", std::move(ByFile)}}},
      {"debt", debtToJson(R)},
      {"timings", json::Object{{"wallSeconds", R.WallSeconds},
                               {"cacheHits", R.CacheHits},
                               {"cacheMisses", R.CacheMisses}}}};
  if (R.Shard)
    Doc["shard"] = json::Object{{"index", R.Shard->first},
                                {"count", R.Shard->second}};
  else
    Doc["shard"] = nullptr;
  return Doc;
}

std::optional<std::string> readJsonReport(const json::Value &V, Report &Out) {
  const json::Object *Doc = V.getAsObject();
  if (!Doc || !Doc->getInteger("schemaVersion"))
    return std::string("not a modelguard JSON report (no 'schemaVersion')");
  if (*Doc->getInteger("schemaVersion") != SchemaVersion)
    return "unsupported report schema version " +
           std::to_string(*Doc->getInteger("schemaVersion"));
  if (auto Root = Doc->getString("root"))
    Out.Root = Root->str();
  if (const json::Array *Findings = Doc->getArray("findings"))
    for (size_t I = 0; I < Findings->size(); ++I) {
      Finding F;
      if (!findingFromJson((*Findings)[I], F))
        return "malformed finding #" + std::to_string(I + 1);
      Out.Findings.push_back(std::move(F));
    }
  if (const json::Array *Errors = Doc->getArray("toolErrors"))
    for (const json::Value &EV : *Errors) {
      const json::Object *EO = EV.getAsObject();
      if (!EO || !EO->getString("file") || !EO->getString("kind") ||
          !EO->getString("message"))
        return std::string("malformed tool error");
      Out.ToolErrors.push_back({EO->getString("file")->str(),
                                EO->getString("kind")->str(),
                                EO->getString("message")->str()});
    }
  if (const json::Array *Units = Doc->getArray("translationUnits"))
    for (const json::Value &UV : *Units) {
      const json::Object *UO = UV.getAsObject();
      if (!UO || !UO->getString("file") || !UO->getString("status"))
        return std::string("malformed translation unit entry");
      Out.Units.push_back({UO->getString("file")->str(),
                           UO->getString("status")->str(),
                           UO->getNumber("seconds").value_or(0)});
    }
  if (const json::Object *Counts = Doc->getObject("counts"))
  {
    Out.Baselined += Counts->getInteger("baselined").value_or(0);
    Out.OutsideChange += Counts->getInteger("outsideChange").value_or(0);
  }
  if (const json::Object *T = Doc->getObject("timings")) {
    Out.WallSeconds += T->getNumber("wallSeconds").value_or(0);
    Out.CacheHits += T->getInteger("cacheHits").value_or(0);
    Out.CacheMisses += T->getInteger("cacheMisses").value_or(0);
  }
  return std::nullopt;
}

} // namespace modelguard::driver
