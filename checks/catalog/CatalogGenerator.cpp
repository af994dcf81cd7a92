//===--- CatalogGenerator.cpp - modelguard-rulegen -------------------------===//
//
// Reads rules/*.json, validates every document against the catalog schema
// and either emits the C++ data the module embeds (--emit-cpp) or verifies
// that the documentation pages agree with the catalog (--check-docs).
//
// Every problem is reported as "<file>: <problem>" and makes the program exit
// with status 1, so a malformed catalog fails the build instead of producing
// a module with missing defaults.
//
//===----------------------------------------------------------------------===//

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char *VocabularyFile = "vocabulary.json";
constexpr const char *CheckPrefix = "modelguard-";

/// Raised by the validators; carries "<file>: <problem>".
struct CatalogError {
  std::string Message;
};

[[noreturn]] void fail(const fs::path &File, const std::string &Problem) {
  throw CatalogError{File.string() + ": " + Problem};
}

struct Rule {
  fs::path File;
  json Document;
  bool IsVocabulary = false;
};

const json &requireMember(const Rule &R, const json &Object,
                          const std::string &Key, json::value_t Type,
                          const std::string &Where) {
  auto It = Object.find(Key);
  if (It == Object.end())
    fail(R.File, Where + "missing required key '" + Key + "'");
  bool TypeMatches = It->type() == Type ||
                     (Type == json::value_t::number_integer &&
                      It->type() == json::value_t::number_unsigned);
  if (!TypeMatches)
    fail(R.File, Where + "key '" + Key + "' must be a " +
                     json(Type).type_name() + ", not a " + It->type_name());
  return *It;
}

const std::string &requireText(const Rule &R, const json &Object,
                               const std::string &Key,
                               const std::string &Where = "") {
  const json &Value = requireMember(R, Object, Key, json::value_t::string, Where);
  if (Value.get_ref<const std::string &>().empty() && Key != "default")
    fail(R.File, Where + "key '" + Key + "' must not be empty");
  return Value.get_ref<const std::string &>();
}

bool isCamelCase(const std::string &Name) {
  return !Name.empty() && std::isupper(static_cast<unsigned char>(Name[0])) &&
         std::all_of(Name.begin(), Name.end(),
                     [](unsigned char C) { return std::isalnum(C); });
}

void validateOption(const Rule &R, const json &Option, std::size_t Index) {
  std::string Where = "options[" + std::to_string(Index) + "]: ";
  if (!Option.is_object())
    fail(R.File, Where + "must be an object");
  const std::string &Name = requireText(R, Option, "name", Where);
  if (!isCamelCase(Name))
    fail(R.File, Where + "option name '" + Name + "' must be CamelCase");
  requireText(R, Option, "description", Where);
  const std::string &Default = requireText(R, Option, "default", Where);
  static const std::set<std::string> Types = {"string", "list", "regex",
                                              "bool", "integer"};
  std::string Type = Option.value("type", "string");
  if (!Types.count(Type))
    fail(R.File, Where + "option '" + Name + "' has unknown type '" + Type +
                     "' (string, list, regex, bool or integer)");
  if (Type == "bool" && Default != "true" && Default != "false")
    fail(R.File, Where + "bool option '" + Name + "' must default to true or false");
  if (Type == "integer" &&
      (Default.empty() ||
       !std::all_of(Default.begin(), Default.end(),
                    [](unsigned char C) { return std::isdigit(C); })))
    fail(R.File, Where + "integer option '" + Name +
                     "' must default to a non-negative whole number");
}

void validateOptions(const Rule &R) {
  const json &Options =
      requireMember(R, R.Document, "options", json::value_t::array, "");
  std::set<std::string> Seen;
  for (std::size_t I = 0; I < Options.size(); ++I) {
    validateOption(R, Options[I], I);
    const std::string &Name = Options[I]["name"].get_ref<const std::string &>();
    if (!Seen.insert(Name).second)
      fail(R.File, "option '" + Name + "' is declared twice");
  }
}

void validateCheckFields(const Rule &R) {
  const std::string &Name = requireText(R, R.Document, "name");
  std::string Expected = CheckPrefix + R.File.stem().string();
  if (Name != Expected)
    fail(R.File, "name '" + Name + "' must match the file name ('" + Expected + "')");
  requireText(R, R.Document, "rationale");
  const std::string &Severity = requireText(R, R.Document, "severity");
  if (Severity != "note" && Severity != "warning" && Severity != "error")
    fail(R.File, "severity must be note, warning or error, not '" + Severity + "'");
  const std::string &Score = requireText(R, R.Document, "securitySeverity");
  char *End = nullptr;
  double Value = std::strtod(Score.c_str(), &End);
  if (*End != '\0' || Value < 0.0 || Value > 10.0)
    fail(R.File, "securitySeverity must be a number from 0.0 to 10.0");

  const json &Cwe = requireMember(R, R.Document, "cwe", json::value_t::array, "");
  if (Cwe.empty())
    fail(R.File, "cwe must list at least one CWE id");
  for (const json &Id : Cwe)
    if (!Id.is_number_unsigned() || Id.get<unsigned>() == 0)
      fail(R.File, "cwe entries must be positive whole numbers");

  const json &Seeds = requireMember(R, R.Document, "seeds", json::value_t::array, "");
  if (Seeds.empty())
    fail(R.File, "seeds must name the review finding the rule encodes");
  for (std::size_t I = 0; I < Seeds.size(); ++I) {
    std::string Where = "seeds[" + std::to_string(I) + "]: ";
    requireText(R, Seeds[I], "file", Where);
    requireMember(R, Seeds[I], "finding", json::value_t::number_integer, Where);
  }
}

Rule loadRule(const fs::path &File) {
  std::ifstream In(File);
  if (!In)
    fail(File, "cannot be read");
  Rule R;
  R.File = File;
  R.IsVocabulary = File.filename() == VocabularyFile;
  try {
    R.Document = json::parse(In);
  } catch (const json::parse_error &E) {
    // E.what() carries "[json.exception.parse_error.101] parse error at line
    // L, column C: ..."; keep the part a person needs.
    std::string What = E.what();
    auto Pos = What.find("parse error");
    fail(File, "malformed JSON: " + What.substr(Pos == std::string::npos ? 0 : Pos));
  }
  if (!R.Document.is_object())
    fail(File, "the document must be a JSON object");
  requireText(R, R.Document, "title");
  requireText(R, R.Document, "summary");
  if (!R.IsVocabulary)
    validateCheckFields(R);
  validateOptions(R);
  return R;
}

std::vector<Rule> loadCatalog(const fs::path &Dir) {
  std::vector<fs::path> Files;
  std::error_code EC;
  for (const auto &Entry : fs::directory_iterator(Dir, EC))
    if (Entry.path().extension() == ".json")
      Files.push_back(Entry.path());
  if (EC)
    fail(Dir, "cannot list the rules directory: " + EC.message());
  std::sort(Files.begin(), Files.end());
  std::vector<Rule> Rules;
  for (const fs::path &File : Files)
    Rules.push_back(loadRule(File));
  if (std::none_of(Rules.begin(), Rules.end(),
                   [](const Rule &R) { return R.IsVocabulary; }))
    fail(Dir / VocabularyFile, "missing: the vocabulary document is required");
  return Rules;
}

//===--- C++ emission -----------------------------------------------------===//

std::string cppString(const std::string &Text) {
  std::ostringstream Out;
  Out << '"';
  for (unsigned char C : Text) {
    if (C == '"' || C == '\\')
      Out << '\\' << C;
    else if (C >= 0x20 && C < 0x7f && C != '?') // '?' avoids trigraphs
      Out << C;
    else {
      const char Octal[] = {char('0' + ((C >> 6) & 7)), char('0' + ((C >> 3) & 7)),
                            char('0' + (C & 7)), 0};
      Out << '\\' << Octal;
    }
  }
  Out << '"';
  return Out.str();
}

/// Emits the arrays one rule points at and returns its initialiser.
std::string emitRule(std::ostream &Out, const Rule &R, const std::string &Id) {
  const json &Doc = R.Document;
  auto View = [&](const std::string &Array, std::size_t Count) {
    return Count ? "{" + Array + ", " + std::to_string(Count) + "}"
                 : std::string("{}");
  };
  const json &Options = Doc["options"];
  if (!Options.empty()) {
    Out << "constexpr OptionSpec " << Id << "Options[] = {\n";
    for (const json &O : Options)
      Out << "    {" << cppString(O["name"]) << ", "
          << cppString(O.value("type", "string")) << ", "
          << cppString(O["default"]) << ",\n     "
          << cppString(O["description"]) << "},\n";
    Out << "};\n";
  }
  std::size_t SeedCount = Doc.contains("seeds") ? Doc["seeds"].size() : 0;
  if (SeedCount) {
    Out << "constexpr SeedFinding " << Id << "Seeds[] = {";
    for (const json &S : Doc["seeds"])
      Out << "{" << cppString(S["file"]) << ", " << S["finding"].get<int>() << "}, ";
    Out << "};\n";
  }
  std::size_t CweCount = Doc.contains("cwe") ? Doc["cwe"].size() : 0;
  if (CweCount) {
    Out << "constexpr int " << Id << "Cwe[] = {";
    for (const json &C : Doc["cwe"])
      Out << C.get<int>() << ", ";
    Out << "};\n";
  }
  std::ostringstream Init;
  Init << "{" << cppString(Doc.value("name", "model-vocabulary")) << ",\n     "
       << cppString(Doc["title"]) << ",\n     " << cppString(Doc["summary"])
       << ",\n     " << cppString(Doc.value("rationale", "")) << ",\n     "
       << cppString(Doc.value("severity", "")) << ", "
       << cppString(Doc.value("securitySeverity", "")) << ",\n     "
       << View(Id + "Seeds", SeedCount) << ", " << View(Id + "Cwe", CweCount)
       << ", " << View(Id + "Options", Options.size()) << "}";
  return Init.str();
}

void emitCpp(const std::vector<Rule> &Rules, std::ostream &Out) {
  Out << "// Generated by modelguard-rulegen from rules/*.json. Do not edit.\n";
  std::vector<std::string> CheckInits;
  std::string VocabularyInit;
  for (std::size_t I = 0; I < Rules.size(); ++I) {
    std::string Init = emitRule(Out, Rules[I], "Rule" + std::to_string(I));
    if (Rules[I].IsVocabulary)
      VocabularyInit = Init;
    else
      CheckInits.push_back(Init);
  }
  Out << "const RuleSpec CheckRuleArray[] = {\n";
  for (const std::string &Init : CheckInits)
    Out << "    " << Init << ",\n";
  Out << "};\nconst RuleSpec VocabularyRuleObject = " << VocabularyInit << ";\n";
}

//===--- Documentation cross-check ----------------------------------------===//

std::string readFile(const fs::path &File) {
  std::ifstream In(File);
  if (!In)
    fail(File, "missing: every rule needs its documentation page");
  std::stringstream Buffer;
  Buffer << In.rdbuf();
  return Buffer.str();
}

/// A page agrees with its rule when it states the rule's summary, every CWE
/// id, and each option as a "### `Name`" heading followed (before the next
/// heading) by "Default: `value`" (or "Default: empty").
void checkPage(const Rule &R, const fs::path &Page) {
  std::string Text = readFile(Page);
  const json &Doc = R.Document;
  auto Require = [&](const std::string &Needle, const std::string &What) {
    if (Text.find(Needle) == std::string::npos)
      fail(Page, "does not state " + What + " from " + R.File.string() +
                     ": expected '" + Needle + "'");
  };
  Require(Doc["summary"].get<std::string>(), "the summary");
  if (Doc.contains("cwe"))
    for (const json &C : Doc["cwe"])
      Require("CWE-" + std::to_string(C.get<int>()), "a CWE id");
  for (const json &O : Doc["options"]) {
    std::string Heading = "### `" + O["name"].get<std::string>() + "`";
    Require(Heading, "an option");
    std::size_t Start = Text.find(Heading) + Heading.size();
    std::size_t End = Text.find("\n#", Start);
    std::string Section = Text.substr(Start, End == std::string::npos ? End : End - Start);
    std::string Default = O["default"];
    std::string Expected = Default.empty() ? "Default: empty" : "Default: `" + Default + "`";
    if (Section.find(Expected) == std::string::npos)
      fail(Page, "option '" + O["name"].get<std::string>() +
                     "' does not state its catalog default: expected '" + Expected + "'");
  }
}

void checkDocs(const std::vector<Rule> &Rules, const fs::path &DocsDir) {
  for (const Rule &R : Rules) {
    fs::path Page = R.IsVocabulary
                        ? DocsDir / "model-vocabulary.md"
                        : DocsDir / "checks" / (R.File.stem().string() + ".md");
    checkPage(R, Page);
  }
}

int usage() {
  std::cerr << "usage: modelguard-rulegen --emit-cpp OUTPUT RULES_DIR\n"
               "       modelguard-rulegen --check-docs DOCS_DIR RULES_DIR\n";
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 4)
    return usage();
  std::string Mode = argv[1];
  try {
    std::vector<Rule> Rules = loadCatalog(argv[3]);
    if (Mode == "--check-docs") {
      checkDocs(Rules, argv[2]);
      return 0;
    }
    if (Mode != "--emit-cpp")
      return usage();
    // Write beside the target and rename, so an interrupted build never
    // leaves a truncated file that looks up to date.
    fs::path Output = argv[2];
    fs::path Temporary = Output;
    Temporary += ".tmp";
    {
      std::ofstream Out(Temporary);
      emitCpp(Rules, Out);
      if (!Out)
        fail(Temporary, "cannot be written");
    }
    fs::rename(Temporary, Output);
    return 0;
  } catch (const CatalogError &E) {
    std::cerr << "modelguard-rulegen: error: " << E.Message << "\n";
    return 1;
  } catch (const std::exception &E) {
    std::cerr << "modelguard-rulegen: error: " << E.what() << "\n";
    return 1;
  }
}
