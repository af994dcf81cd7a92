//===--- HtmlReport.cpp - modelguard driver -------------------------------===//
//
// One self-contained HTML page (no network): totals per check and per file,
// the findings table with each finding's code, notes and the check's
// explanation from the rules catalog, and the tool errors. A few lines of
// script filter the table by check and file.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "catalog/RuleCatalog.h"

#include "llvm/Support/raw_ostream.h"

namespace modelguard::driver {

namespace catalog = modelguard::catalog;

namespace {

std::string escape(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    switch (C) {
    case '&': Out += "&amp;"; break;
    case '<': Out += "&lt;"; break;
    case '>': Out += "&gt;"; break;
    case '"': Out += "&quot;"; break;
    case '\'': Out += "&#39;"; break;
    default: Out += C;
    }
  }
  return Out;
}

std::string sv(std::string_view S) { return std::string(S); }

constexpr const char *Style = R"(
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2228;background:#f6f7f9}
header{background:#23303f;color:#fff;padding:16px 24px}
header h1{margin:0;font-size:20px}
main{padding:16px 24px}
section{background:#fff;border:1px solid #d9dde3;border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:16px;margin:4px 0 10px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid #e6e9ee}
th{background:#eef1f5}
td.n{text-align:right;width:6em}
pre{margin:4px 0;padding:6px 8px;background:#f3f4f6;border-radius:4px;overflow-x:auto;font:12px/1.4 ui-monospace,monospace}
.loc{font-family:ui-monospace,monospace;font-size:12px;white-space:nowrap}
.check{font-family:ui-monospace,monospace;font-size:12px}
.warning{color:#9a6700}.error{color:#b42318}
ul.notes{margin:4px 0;padding-left:18px;color:#4b5563}
details summary{cursor:pointer;color:#2f5f9e}
.filters{margin-bottom:8px}
.filters select{margin-right:12px}
.totals span{display:inline-block;margin-right:24px}
)";

constexpr const char *Script = R"(
(function () {
  var check = document.getElementById('check-filter');
  var file = document.getElementById('file-filter');
  var rows = document.querySelectorAll('#findings tbody tr');
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!check.value || row.dataset.check === check.value) &&
               (!file.value || row.dataset.file === file.value);
      row.hidden = !ok;
      if (ok) shown++;
    });
    document.getElementById('shown').textContent = shown;
  }
  check.addEventListener('change', apply);
  file.addEventListener('change', apply);
  apply();
  // Tells a headless browser test that the page's script ran to the end.
  document.documentElement.setAttribute('data-modelguard-ready', 'yes');
})();
)";

/// The debt inventory: per file, its untracked markers with their text.
void writeDebt(const Report &R, llvm::raw_ostream &OS) {
  auto Inventory = debtInventory(R);
  size_t Total = 0;
  for (const auto &[File, Items] : Inventory)
    Total += Items.size();
  OS << "<section id=\"debt\"><h2>Untracked debt (" << Total
     << (Total == 1 ? " marker" : " markers") << ")</h2>";
  if (Total == 0) {
    OS << "<p>none reported</p></section>\n";
    return;
  }
  OS << "<table><thead><tr><th>file</th><th class=\"n\">markers</th>"
        "<th>comments</th></tr></thead><tbody>\n";
  for (const auto &[File, Items] : Inventory) {
    OS << "<tr><td class=\"loc\">" << escape(File) << "</td><td class=\"n\">"
       << Items.size() << "</td><td><ul class=\"notes\">";
    for (const DebtItem &Item : Items)
      OS << "<li><span class=\"loc\">" << Item.Source->Loc.Line << ':'
         << Item.Source->Loc.Column << "</span> <code>" << escape(Item.Text)
         << "</code></li>";
    OS << "</ul></td></tr>\n";
  }
  OS << "</tbody></table></section>\n";
}

} // namespace

void writeHtml(const Report &R, llvm::raw_ostream &OS) {
  auto ByCheck = R.countsByCheck();
  auto ByFile = R.countsByFile();
  OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width\">"
        "<title>modelguard report</title><style>"
     << Style << "</style></head><body>\n";
  OS << "<header><h1>modelguard report</h1><div class=\"totals\"><span>"
     << R.Findings.size() << " findings</span><span>" << R.ToolErrors.size()
     << " tool errors</span><span>" << R.unitsExamined()
     << " translation units</span>";
  if (R.Baselined)
    OS << "<span>" << R.Baselined << " in the baseline, not shown</span>";
  if (R.OutsideChange)
    OS << "<span>" << R.OutsideChange
       << " outside the changed lines, not shown</span>";
  if (unsigned Unaffected = R.Units.size() - R.unitsExamined())
    OS << "<span>" << Unaffected
       << " translation units unaffected by the change</span>";
  OS << "<span>root: " << escape(R.Root) << "</span></div></header>\n<main>\n";

  // Totals per check, with what each check is about.
  OS << "<section id=\"checks\"><h2>Findings per check</h2><table><thead><tr>"
        "<th>check</th><th class=\"n\">findings</th><th>what it finds</th>"
        "</tr></thead><tbody>\n";
  std::vector<std::string> Checks;
  for (const catalog::RuleSpec &Spec : catalog::checkRules())
    Checks.push_back(sv(Spec.Name));
  for (const auto &[Check, N] : ByCheck)
    if (!llvm::is_contained(Checks, Check))
      Checks.push_back(Check);
  for (const std::string &Check : Checks) {
    const catalog::RuleSpec *Spec = catalog::findCheckRule(Check);
    OS << "<tr><td class=\"check\">" << escape(Check) << "</td><td class=\"n\">"
       << (ByCheck.count(Check) ? ByCheck[Check] : 0) << "</td><td>";
    if (Spec) {
      OS << "<details><summary>" << escape(sv(Spec->Title)) << "</summary><p>"
         << escape(sv(Spec->Summary)) << "</p><p>" << escape(sv(Spec->Rationale))
         << "</p><p>CWE:";
      for (int Cwe : Spec->Cwe)
        OS << ' ' << Cwe;
      OS << "</p></details>";
    } else {
      OS << "clang-tidy check";
    }
    OS << "</td></tr>\n";
  }
  OS << "</tbody></table></section>\n";

  OS << "<section id=\"files\"><h2>Findings per file</h2><table><thead><tr>"
        "<th>file</th><th class=\"n\">findings</th></tr></thead><tbody>\n";
  for (const auto &[File, N] : ByFile)
    OS << "<tr><td class=\"loc\">" << escape(File) << "</td><td class=\"n\">" << N
       << "</td></tr>\n";
  OS << "</tbody></table></section>\n";

  writeDebt(R, OS);

  OS << "<section><h2>Findings (<span id=\"shown\">" << R.Findings.size()
     << "</span> shown)</h2><div class=\"filters\"><label>check <select "
        "id=\"check-filter\"><option value=\"\">all</option>";
  for (const auto &[Check, N] : ByCheck)
    OS << "<option>" << escape(Check) << "</option>";
  OS << "</select></label><label>file <select id=\"file-filter\"><option "
        "value=\"\">all</option>";
  for (const auto &[File, N] : ByFile)
    OS << "<option>" << escape(File) << "</option>";
  OS << "</select></label></div>\n<table id=\"findings\"><thead><tr><th>where</th>"
        "<th>check</th><th>finding</th></tr></thead><tbody>\n";
  for (const Finding &F : R.Findings) {
    std::string File = displayPath(F.Loc.File, R.Root);
    OS << "<tr data-check=\"" << escape(F.Check) << "\" data-file=\""
       << escape(File) << "\"><td class=\"loc\">" << escape(File) << ':'
       << F.Loc.Line << ':' << F.Loc.Column << "</td><td class=\"check\">"
       << escape(F.Check) << "</td><td><span class=\"" << escape(F.Level)
       << "\">" << escape(F.Level) << "</span>: " << escape(F.Message);
    if (!F.Snippet.empty())
      OS << "<pre>" << F.Loc.Line << " | " << escape(F.Snippet) << "</pre>";
    if (!F.Notes.empty()) {
      OS << "<ul class=\"notes\">";
      for (const Note &N : F.Notes)
        OS << "<li><span class=\"loc\">"
           << escape(displayPath(N.Loc.File, R.Root)) << ':' << N.Loc.Line << ':'
           << N.Loc.Column << "</span> " << escape(N.Message) << "</li>";
      OS << "</ul>";
    }
    if (const catalog::RuleSpec *Spec = catalog::findCheckRule(F.Check))
      OS << "<details><summary>why this matters</summary><p>"
         << escape(sv(Spec->Rationale)) << "</p></details>";
    OS << "</td></tr>\n";
  }
  OS << "</tbody></table></section>\n";

  OS << "<section id=\"tool-errors\"><h2>Tool errors</h2>";
  if (R.ToolErrors.empty()) {
    OS << "<p>none</p>";
  } else {
    OS << "<table><thead><tr><th>file</th><th>kind</th><th>message</th></tr>"
          "</thead><tbody>\n";
    for (const ToolError &E : R.ToolErrors)
      OS << "<tr><td class=\"loc\">" << escape(displayPath(E.File, R.Root))
         << "</td><td>" << escape(E.Kind) << "</td><td>" << escape(E.Message)
         << "</td></tr>\n";
    OS << "</tbody></table>";
  }
  OS << "</section>\n</main>\n<script>" << Script << "</script>\n</body></html>\n";
}

} // namespace modelguard::driver
