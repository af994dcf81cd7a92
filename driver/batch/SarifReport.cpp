//===--- SarifReport.cpp - modelguard driver ------------------------------===//
//
// SARIF 2.1.0, as GitHub code scanning ingests it: rules from the rules
// catalog (help text, CWE tags, security-severity), results with their notes
// as related locations and the driver's fingerprint as a partial fingerprint,
// tool errors as execution notifications. Paths under the root are relative
// to %SRCROOT%.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "catalog/RuleCatalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace modelguard::driver {

namespace json = llvm::json;
namespace catalog = modelguard::catalog;

static constexpr llvm::StringLiteral RootBase = "%SRCROOT%";
static constexpr llvm::StringLiteral FingerprintKey = "modelguardFingerprint/v1";

/// Percent-encodes everything but unreserved characters and '/'.
static std::string encodeUriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/')
      Out += C;
    else
      Out += llvm::formatv("%{0:X-2}", unsigned(C)).str();
  }
  return Out;
}

static std::string decodeUriPath(llvm::StringRef Uri) {
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte;
    if (Uri[I] == '%' && I + 2 < Uri.size() + 0 &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Out += char(Byte);
      I += 2;
    } else {
      Out += Uri[I];
    }
  }
  return Out;
}

static json::Object artifactLocation(llvm::StringRef File,
                                     llvm::StringRef Root) {
  std::string Relative = displayPath(File, Root);
  if (Relative != File)
    return json::Object{{"uri", encodeUriPath(Relative)},
                        {"uriBaseId", RootBase}};
  return json::Object{{"uri", "file://" + encodeUriPath(File)}};
}

/// SARIF counts columns in UTF-16 code units; Clang counts bytes.
static unsigned utf16Column(llvm::StringRef Line, unsigned ByteColumn) {
  if (ByteColumn == 0 || ByteColumn - 1 > Line.size())
    return ByteColumn;
  unsigned Units = 0;
  llvm::StringRef Prefix = Line.take_front(ByteColumn - 1);
  for (size_t I = 0; I < Prefix.size();) {
    unsigned Length = llvm::getUTF8SequenceSize(
        reinterpret_cast<const llvm::UTF8 *>(Prefix.data() + I),
        reinterpret_cast<const llvm::UTF8 *>(Prefix.end()));
    if (Length == 0)
      Length = 1;
    Units += Length == 4 ? 2 : 1;
    I += Length;
  }
  return Units + 1;
}

static json::Object physicalLocation(const Location &L, llvm::StringRef Root,
                                     llvm::StringRef Snippet = "") {
  json::Object Region{{"startLine", std::max(1u, L.Line)}};
  if (L.Column)
    Region["startColumn"] = Snippet.empty() ? L.Column
                                            : utf16Column(Snippet, L.Column);
  if (!Snippet.empty())
    Region["snippet"] = json::Object{{"text", Snippet}};
  return json::Object{{"artifactLocation", artifactLocation(L.File, Root)},
                      {"region", std::move(Region)}};
}

/// Where a check's page is published, or nothing. modelguard's pages have a
/// URL only when the build was configured with MODELGUARD_DOCS_URL: a path
/// on the machine that built the driver means nothing to a report's reader.
static std::optional<std::string> docsUrlFor(llvm::StringRef Check) {
  if (Check.starts_with("modelguard-")) {
    llvm::StringRef Base = MODELGUARD_DOCS_URL;
    if (Base.empty())
      return std::nullopt;
    return (Base.ends_with("/") ? Base.str() : Base.str() + "/") +
           Check.drop_front(strlen("modelguard-")).str() + ".md";
  }
  if (Check.starts_with("clang-analyzer-") || Check.starts_with("clang-diagnostic-"))
    return std::string("https://clang.llvm.org/extra/clang-tidy/checks/list.html");
  auto [Group, Name] = Check.split('-');
  return ("https://clang.llvm.org/extra/clang-tidy/checks/" + Group + "/" +
          Name + ".html")
      .str();
}

static std::string text(std::string_view S) { return std::string(S); }

static json::Object ruleFor(llvm::StringRef Check) {
  const catalog::RuleSpec *Spec = catalog::findCheckRule(Check);
  std::optional<std::string> Url = docsUrlFor(Check);
  json::Object Rule;
  if (!Spec) {
    Rule = json::Object{
        {"id", Check},
        {"shortDescription", json::Object{{"text", "clang-tidy check " + Check.str()}}},
        {"fullDescription", json::Object{{"text", "The clang-tidy check " + Check.str() + "."}}},
        {"help", json::Object{{"text", "See " + *Url},
                              {"markdown", "See [" + Check.str() + "](" + *Url + ")."}}},
        {"defaultConfiguration", json::Object{{"level", "warning"}}},
        {"properties", json::Object{{"tags", json::Array{"clang-tidy"}}}}};
  } else {
    json::Array Tags{"security"};
    std::string CweText;
    for (int Cwe : Spec->Cwe) {
      Tags.push_back("external/cwe/cwe-" + std::to_string(Cwe));
      CweText += (CweText.empty() ? "CWE-" : ", CWE-") + std::to_string(Cwe);
    }
    std::string Markdown = "**" + std::string(Spec->Title) + "**\n\n" +
                           std::string(Spec->Summary) + "\n\n" +
                           std::string(Spec->Rationale) + "\n\n" + CweText + ".";
    if (Url)
      Markdown += " Documentation: [" + Check.str() + "](" + *Url + ")";
    Rule = json::Object{
        {"id", Check},
        {"name", text(Spec->shortName())},
        {"shortDescription", json::Object{{"text", text(Spec->Title)}}},
        {"fullDescription", json::Object{{"text", text(Spec->Summary)}}},
        {"help", json::Object{{"text", std::string(Spec->Summary) + " " +
                                           std::string(Spec->Rationale) + " (" +
                                           CweText + ")"},
                              {"markdown", Markdown}}},
        {"defaultConfiguration", json::Object{{"level", text(Spec->Severity)}}},
        {"properties",
         json::Object{{"tags", std::move(Tags)},
                      {"security-severity", text(Spec->SecuritySeverity)},
                      {"precision", "medium"},
                      {"problem.severity", text(Spec->Severity)}}}};
  }
  if (Url)
    Rule["helpUri"] = *Url;
  return Rule;
}

namespace {

/// Reads the files that fix-its edit, once each, to find where a replaced
/// range ends (a fix-it is a start and a length in bytes).
class FixRegions {
public:
  /// The region a fix-it replaces, or nothing if its file cannot be read or
  /// no longer has that range.
  std::optional<json::Object> regionOf(const FixIt &X) {
    auto [It, Inserted] = Files.try_emplace(X.Loc.File);
    if (Inserted)
      if (auto Buffer = llvm::MemoryBuffer::getFile(X.Loc.File))
        It->second = std::move(*Buffer);
    if (!It->second || X.Loc.Line == 0 || X.Loc.Column == 0)
      return std::nullopt;
    llvm::StringRef Text = It->second->getBuffer();
    size_t LineStart = 0;
    for (unsigned L = 1; L < X.Loc.Line; ++L) {
      LineStart = Text.find('\n', LineStart);
      if (LineStart == llvm::StringRef::npos)
        return std::nullopt;
      ++LineStart;
    }
    size_t Begin = LineStart + X.Loc.Column - 1, End = Begin + X.Length;
    if (End > Text.size())
      return std::nullopt;
    auto LineOf = [&](size_t Offset) {
      return unsigned(1 + Text.take_front(Offset).count('\n'));
    };
    auto ColumnOf = [&](size_t Offset) {
      size_t Start = Text.rfind('\n', Offset);
      Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
      llvm::StringRef Line = Text.slice(Start, Text.find('\n', Start));
      return utf16Column(Line, unsigned(Offset - Start + 1));
    };
    return json::Object{{"startLine", LineOf(Begin)},
                        {"startColumn", ColumnOf(Begin)},
                        {"endLine", LineOf(End)},
                        {"endColumn", ColumnOf(End)}};
  }

private:
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Files;
};

} // namespace

/// SARIF `fixes` for the fix-its of \p F: one fix whose changes are grouped
/// by file.
static std::optional<json::Array> fixesOf(const Finding &F,
                                          llvm::StringRef Root,
                                          FixRegions &Regions) {
  std::map<std::string, json::Array> ByFile;
  for (const FixIt &X : F.Fixes) {
    std::optional<json::Object> Region = Regions.regionOf(X);
    if (!Region)
      return std::nullopt; // A partial fix would be wrong; offer none.
    ByFile[X.Loc.File].push_back(json::Object{
        {"deletedRegion", std::move(*Region)},
        {"insertedContent", json::Object{{"text", X.Replacement}}}});
  }
  if (ByFile.empty())
    return std::nullopt;
  json::Array Changes;
  for (auto &[File, Replacements] : ByFile)
    Changes.push_back(
        json::Object{{"artifactLocation", artifactLocation(File, Root)},
                     {"replacements", std::move(Replacements)}});
  return json::Array{json::Object{
      {"description", json::Object{{"text", "fix-it of " + F.Check}}},
      {"artifactChanges", std::move(Changes)}}};
}

void writeSarif(const Report &R, llvm::raw_ostream &OS) {
  // Every modelguard rule, then any other check that reported something.
  std::vector<std::string> RuleIds;
  for (const catalog::RuleSpec &Spec : catalog::checkRules())
    RuleIds.push_back(std::string(Spec.Name));
  for (const Finding &F : R.Findings)
    if (!llvm::is_contained(RuleIds, F.Check))
      RuleIds.push_back(F.Check);
  std::map<std::string, unsigned> RuleIndex;
  json::Array Rules;
  for (const std::string &Id : RuleIds) {
    RuleIndex[Id] = Rules.size();
    Rules.push_back(ruleFor(Id));
  }

  json::Array Results;
  FixRegions Regions;
  for (const Finding &F : R.Findings) {
    json::Array Related;
    for (const Note &N : F.Notes) {
      if (N.Loc.File.empty())
        continue;
      json::Object Loc{{"id", Related.size() + 1},
                       {"physicalLocation", physicalLocation(N.Loc, R.Root)},
                       {"message", json::Object{{"text", N.Message}}}};
      Related.push_back(std::move(Loc));
    }
    json::Array TUs;
    for (const std::string &TU : F.TranslationUnits)
      TUs.push_back(displayPath(TU, R.Root));
    json::Object Result{
        {"ruleId", F.Check},
        {"ruleIndex", RuleIndex[F.Check]},
        {"level", F.Level == "error" ? "error" : "warning"},
        {"message", json::Object{{"text", F.Message}}},
        {"locations", json::Array{json::Object{
                          {"physicalLocation",
                           physicalLocation(F.Loc, R.Root, F.Snippet)}}}},
        {"partialFingerprints", json::Object{{FingerprintKey, F.Fingerprint}}},
        {"properties", json::Object{{"byteColumn", F.Loc.Column},
                                    {"translationUnits", std::move(TUs)}}}};
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (std::optional<json::Array> Fixes = fixesOf(F, R.Root, Regions))
      Result["fixes"] = std::move(*Fixes);
    Results.push_back(std::move(Result));
  }

  json::Array Notifications;
  for (const ToolError &E : R.ToolErrors)
    Notifications.push_back(json::Object{
        {"level", "error"},
        {"message", json::Object{{"text", E.Message}}},
        {"descriptor", json::Object{{"id", "modelguard-tool-error/" + E.Kind}}},
        {"locations",
         json::Array{json::Object{
             {"physicalLocation",
              json::Object{{"artifactLocation", artifactLocation(E.File, R.Root)}}}}}}});
  json::Array Units;
  for (const UnitStatus &U : R.Units)
    Units.push_back(json::Object{{"file", displayPath(U.File, R.Root)},
                                 {"status", U.Status}});

  json::Object Invocation{{"executionSuccessful", R.ToolErrors.empty()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  std::string RootUri = "file://" + encodeUriPath(R.Root);
  if (!llvm::StringRef(RootUri).ends_with("/"))
    RootUri += '/';
  json::Object Driver{{"name", "modelguard"},
                      {"version", MODELGUARD_VERSION},
                      {"semanticVersion", MODELGUARD_VERSION},
                      {"rules", std::move(Rules)}};
  if (!llvm::StringRef(MODELGUARD_INFO_URL).empty())
    Driver["informationUri"] = MODELGUARD_INFO_URL;
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       json::Object{{RootBase, json::Object{{"uri", RootUri}}}}},
      {"invocations", json::Array{std::move(Invocation)}},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(Results)},
      {"properties",
       json::Object{{"translationUnits", std::move(Units)},
                    {"baselined", R.Baselined},
                    {"debtInventory", debtToJson(R)},
                    {"cacheHits", R.CacheHits},
                    {"cacheMisses", R.CacheMisses},
                    {"wallSeconds", R.WallSeconds}}}};
  json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", json::Value(std::move(Log))) << '\n';
}

// --- Reading back (modelguard merge) ------------------------------------------

namespace {

struct SarifReader {
  std::string Root;

  std::optional<std::string> path(const json::Object *ArtifactLocation) {
    if (!ArtifactLocation || !ArtifactLocation->getString("uri"))
      return std::nullopt;
    std::string Uri = decodeUriPath(*ArtifactLocation->getString("uri"));
    if (ArtifactLocation->getString("uriBaseId") == RootBase) {
      llvm::SmallString<256> Path(Root);
      llvm::sys::path::append(Path, Uri);
      return Path.str().str();
    }
    llvm::StringRef U(Uri);
    U.consume_front("file://");
    return U.str();
  }

  bool location(const json::Object *Physical, Location &L) {
    if (!Physical)
      return false;
    auto File = path(Physical->getObject("artifactLocation"));
    const json::Object *Region = Physical->getObject("region");
    if (!File || !Region)
      return false;
    L.File = *File;
    L.Line = Region->getInteger("startLine").value_or(0);
    L.Column = Region->getInteger("startColumn").value_or(0);
    return true;
  }
};

} // namespace

std::optional<std::string> readSarifReport(const json::Value &V, Report &Out) {
  const json::Object *Log = V.getAsObject();
  const json::Array *Runs = Log ? Log->getArray("runs") : nullptr;
  if (!Runs || Runs->size() != 1 || !(*Runs)[0].getAsObject())
    return std::string("expected a SARIF log with one run");
  const json::Object &Run = *(*Runs)[0].getAsObject();
  SarifReader Reader;
  if (const json::Object *Bases = Run.getObject("originalUriBaseIds"))
    if (const json::Object *Base = Bases->getObject(RootBase))
      if (auto Uri = Base->getString("uri")) {
        std::string Root = decodeUriPath(*Uri);
        llvm::StringRef R(Root);
        R.consume_front("file://");
        Reader.Root = R.rtrim('/').str();
      }
  Out.Root = Reader.Root;
  if (const json::Array *Results = Run.getArray("results"))
    for (const json::Value &RV : *Results) {
      const json::Object *Res = RV.getAsObject();
      const json::Array *Locations = Res ? Res->getArray("locations") : nullptr;
      Finding F;
      if (!Res || !Res->getString("ruleId") || !Locations ||
          Locations->empty() || !(*Locations)[0].getAsObject() ||
          !Reader.location((*Locations)[0].getAsObject()->getObject("physicalLocation"),
                           F.Loc))
        return std::string("malformed result");
      F.Check = Res->getString("ruleId")->str();
      F.Level = Res->getString("level").value_or("warning").str();
      if (const json::Object *M = Res->getObject("message"))
        F.Message = M->getString("text").value_or("").str();
      const json::Object *Region = (*Locations)[0]
                                       .getAsObject()
                                       ->getObject("physicalLocation")
                                       ->getObject("region");
      if (const json::Object *S = Region->getObject("snippet"))
        F.Snippet = S->getString("text").value_or("").str();
      if (const json::Object *P = Res->getObject("properties")) {
        if (auto Column = P->getInteger("byteColumn"))
          F.Loc.Column = *Column;
        if (const json::Array *TUs = P->getArray("translationUnits"))
          for (const json::Value &TU : *TUs)
            if (auto S = TU.getAsString()) {
              llvm::SmallString<256> Path(Reader.Root);
              llvm::sys::path::append(Path, *S);
              F.TranslationUnits.push_back(
                  llvm::sys::path::is_absolute(*S) ? S->str() : Path.str().str());
            }
      }
      if (const json::Array *Related = Res->getArray("relatedLocations"))
        for (const json::Value &NV : *Related) {
          const json::Object *NO = NV.getAsObject();
          Note N;
          if (!NO || !Reader.location(NO->getObject("physicalLocation"), N.Loc))
            continue;
          if (const json::Object *M = NO->getObject("message"))
            N.Message = M->getString("text").value_or("").str();
          F.Notes.push_back(std::move(N));
        }
      Out.Findings.push_back(std::move(F));
    }
  if (const json::Array *Invocations = Run.getArray("invocations"))
    for (const json::Value &IV : *Invocations)
      if (const json::Object *Inv = IV.getAsObject())
        if (const json::Array *Notes = Inv->getArray("toolExecutionNotifications"))
          for (const json::Value &NV : *Notes) {
            const json::Object *NO = NV.getAsObject();
            if (!NO)
              continue;
            ToolError E;
            if (const json::Object *M = NO->getObject("message"))
              E.Message = M->getString("text").value_or("").str();
            if (const json::Object *D = NO->getObject("descriptor")) {
              llvm::StringRef Id = D->getString("id").value_or("");
              Id.consume_front("modelguard-tool-error/");
              E.Kind = Id.str();
            }
            if (const json::Array *Locs = NO->getArray("locations"))
              if (!Locs->empty() && (*Locs)[0].getAsObject())
                if (const json::Object *P =
                        (*Locs)[0].getAsObject()->getObject("physicalLocation"))
                  E.File = Reader.path(P->getObject("artifactLocation")).value_or("");
            Out.ToolErrors.push_back(std::move(E));
          }
  if (const json::Object *P = Run.getObject("properties")) {
    if (const json::Array *Units = P->getArray("translationUnits"))
      for (const json::Value &UV : *Units)
        if (const json::Object *UO = UV.getAsObject()) {
          llvm::SmallString<256> Path(Reader.Root);
          llvm::StringRef File = UO->getString("file").value_or("");
          if (llvm::sys::path::is_absolute(File))
            Path = File;
          else
            llvm::sys::path::append(Path, File);
          Out.Units.push_back(
              {Path.str().str(), UO->getString("status").value_or("").str(), 0});
        }
    Out.Baselined += P->getInteger("baselined").value_or(0);
    Out.CacheHits += P->getInteger("cacheHits").value_or(0);
    Out.CacheMisses += P->getInteger("cacheMisses").value_or(0);
    Out.WallSeconds += P->getNumber("wallSeconds").value_or(0);
  }
  return std::nullopt;
}

} // namespace modelguard::driver
