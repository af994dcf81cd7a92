//===--- Report.cpp - modelguard driver -----------------------------------===//

#include "Report.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <tuple>

namespace modelguard::driver {

namespace json = llvm::json;

std::string displayPath(llvm::StringRef Path, llvm::StringRef Root) {
  if (Root.empty())
    return Path.str();
  std::string Prefix = Root.str();
  if (!llvm::StringRef(Prefix).ends_with("/"))
    Prefix += '/';
  if (Path.starts_with(Prefix))
    return Path.drop_front(Prefix.size()).str();
  return Path.str();
}

static auto findingKey(const Finding &F) {
  return std::tie(F.Loc.File, F.Loc.Line, F.Loc.Column, F.Check, F.Message);
}

void Report::normalise() {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     return findingKey(A) < findingKey(B);
                   });
  // A header finding arrives once per translation unit that includes the
  // header: keep the first and remember every unit that reported it.
  std::vector<Finding> Unique;
  for (Finding &F : Findings) {
    if (!Unique.empty() && findingKey(Unique.back()) == findingKey(F)) {
      auto &TUs = Unique.back().TranslationUnits;
      TUs.insert(TUs.end(), F.TranslationUnits.begin(),
                 F.TranslationUnits.end());
      continue;
    }
    Unique.push_back(std::move(F));
  }
  for (Finding &F : Unique) {
    llvm::sort(F.TranslationUnits);
    F.TranslationUnits.erase(
        std::unique(F.TranslationUnits.begin(), F.TranslationUnits.end()),
        F.TranslationUnits.end());
  }
  Findings = std::move(Unique);
  std::stable_sort(ToolErrors.begin(), ToolErrors.end(),
                   [](const ToolError &A, const ToolError &B) {
                     return std::tie(A.File, A.Kind, A.Message) <
                            std::tie(B.File, B.Kind, B.Message);
                   });
  ToolErrors.erase(std::unique(ToolErrors.begin(), ToolErrors.end(),
                               [](const ToolError &A, const ToolError &B) {
                                 return std::tie(A.File, A.Kind, A.Message) ==
                                        std::tie(B.File, B.Kind, B.Message);
                               }),
                   ToolErrors.end());
  std::stable_sort(Units.begin(), Units.end(),
                   [](const UnitStatus &A, const UnitStatus &B) {
                     return A.File < B.File;
                   });
}

/// The flagged line with runs of white space collapsed, so re-indentation
/// does not change a fingerprint.
static std::string normalisedSnippet(llvm::StringRef Line) {
  std::string Out;
  bool Space = false;
  for (char C : Line.trim()) {
    if (C == ' ' || C == '\t' || C == '\r') {
      Space = true;
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

// A fingerprint names the check, the file (relative to the root, so it does
// not depend on the checkout directory), the message and the text of the
// flagged line, but not the line number: an edit elsewhere in the file does
// not change it. Identical findings in one file are told apart by their
// order of appearance.
void Report::assignFingerprints() {
  std::map<std::string, unsigned> Seen;
  for (Finding &F : Findings) {
    std::string Key = F.Check + '\0' + displayPath(F.Loc.File, Root) + '\0' +
                      F.Message + '\0' + normalisedSnippet(F.Snippet);
    unsigned Occurrence = Seen[Key]++;
    Key += '\0' + std::to_string(Occurrence);
    uint64_t Hash = llvm::xxh3_64bits(llvm::StringRef(Key));
    std::string Text;
    llvm::raw_string_ostream(Text) << llvm::format_hex_no_prefix(Hash, 16);
    F.Fingerprint = Text;
  }
}

std::map<std::string, unsigned> Report::countsByCheck() const {
  std::map<std::string, unsigned> Counts;
  for (const Finding &F : Findings)
    ++Counts[F.Check];
  return Counts;
}

std::map<std::string, unsigned> Report::countsByFile() const {
  std::map<std::string, unsigned> Counts;
  for (const Finding &F : Findings)
    ++Counts[displayPath(F.Loc.File, Root)];
  return Counts;
}

// --- Debt inventory -----------------------------------------------------------

/// The comment from the marker on: the flagged line from the finding's
/// column, without the end of a block comment.
static std::string debtText(const Finding &F) {
  llvm::StringRef Line = F.Snippet;
  if (F.Loc.Column == 0 || F.Loc.Column > Line.size())
    return F.Message;
  llvm::StringRef Text = Line.drop_front(F.Loc.Column - 1).rtrim();
  if (Text.consume_back("*/"))
    Text = Text.rtrim();
  return Text.str();
}

/// The marker word the message names: "untracked 'TODO' comment ...".
static std::string debtMarker(llvm::StringRef Message) {
  return Message.split('\'').second.split('\'').first.str();
}

std::map<std::string, std::vector<DebtItem>> debtInventory(const Report &R) {
  std::map<std::string, std::vector<DebtItem>> ByFile;
  for (const Finding &F : R.Findings)
    if (F.Check == DebtCheck)
      ByFile[displayPath(F.Loc.File, R.Root)].push_back(
          {&F, debtMarker(F.Message), debtText(F)});
  return ByFile;
}

llvm::json::Value debtToJson(const Report &R) {
  json::Array Files;
  size_t Total = 0;
  for (const auto &[File, Items] : debtInventory(R)) {
    json::Array Entries;
    for (const DebtItem &Item : Items)
      Entries.push_back(json::Object{{"line", Item.Source->Loc.Line},
                                     {"column", Item.Source->Loc.Column},
                                     {"marker", Item.Marker},
                                     {"text", Item.Text},
                                     {"message", Item.Source->Message},
                                     {"fingerprint", Item.Source->Fingerprint}});
    Total += Items.size();
    Files.push_back(json::Object{
        {"file", File}, {"count", Items.size()}, {"items", std::move(Entries)}});
  }
  return json::Object{{"total", Total}, {"files", std::move(Files)}};
}

unsigned Report::unitsExamined() const {
  return llvm::count_if(
      Units, [](const UnitStatus &U) { return U.Status != "unaffected"; });
}

// --- JSON ---------------------------------------------------------------------

static json::Value locationToJson(const Location &L) {
  return json::Object{{"file", L.File}, {"line", L.Line}, {"column", L.Column}};
}

static bool locationFromJson(const json::Object *O, Location &L) {
  if (!O)
    return false;
  auto File = O->getString("file");
  auto Line = O->getInteger("line");
  auto Column = O->getInteger("column");
  if (!File || !Line || !Column)
    return false;
  L.File = File->str();
  L.Line = *Line;
  L.Column = *Column;
  return true;
}

json::Value findingToJson(const Finding &F) {
  json::Array Notes, Fixes, TUs;
  for (const Note &N : F.Notes)
    Notes.push_back(json::Object{{"message", N.Message},
                                 {"location", locationToJson(N.Loc)}});
  for (const FixIt &X : F.Fixes)
    Fixes.push_back(json::Object{{"location", locationToJson(X.Loc)},
                                 {"length", X.Length},
                                 {"replacement", X.Replacement}});
  for (const std::string &TU : F.TranslationUnits)
    TUs.push_back(TU);
  json::Object O{{"check", F.Check},
                 {"level", F.Level},
                 {"message", F.Message},
                 {"location", locationToJson(F.Loc)},
                 {"snippet", F.Snippet},
                 {"notes", std::move(Notes)},
                 {"fixes", std::move(Fixes)},
                 {"translationUnits", std::move(TUs)}};
  if (!F.Fingerprint.empty())
    O["fingerprint"] = F.Fingerprint;
  return O;
}

bool findingFromJson(const json::Value &V, Finding &F) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return false;
  auto Check = O->getString("check");
  auto Level = O->getString("level");
  auto Message = O->getString("message");
  if (!Check || !Level || !Message ||
      !locationFromJson(O->getObject("location"), F.Loc))
    return false;
  F.Check = Check->str();
  F.Level = Level->str();
  F.Message = Message->str();
  if (auto S = O->getString("snippet"))
    F.Snippet = S->str();
  if (auto S = O->getString("fingerprint"))
    F.Fingerprint = S->str();
  if (const json::Array *Notes = O->getArray("notes"))
    for (const json::Value &NV : *Notes) {
      const json::Object *NO = NV.getAsObject();
      Note N;
      if (!NO || !NO->getString("message") ||
          !locationFromJson(NO->getObject("location"), N.Loc))
        return false;
      N.Message = NO->getString("message")->str();
      F.Notes.push_back(std::move(N));
    }
  if (const json::Array *Fixes = O->getArray("fixes"))
    for (const json::Value &XV : *Fixes) {
      const json::Object *XO = XV.getAsObject();
      FixIt X;
      if (!XO || !XO->getString("replacement") || !XO->getInteger("length") ||
          !locationFromJson(XO->getObject("location"), X.Loc))
        return false;
      X.Length = *XO->getInteger("length");
      X.Replacement = XO->getString("replacement")->str();
      F.Fixes.push_back(std::move(X));
    }
  if (const json::Array *TUs = O->getArray("translationUnits"))
    for (const json::Value &TU : *TUs)
      if (auto S = TU.getAsString())
        F.TranslationUnits.push_back(S->str());
  return true;
}

} // namespace modelguard::driver
