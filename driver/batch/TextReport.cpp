//===--- TextReport.cpp - modelguard driver -------------------------------===//
//
// Compiler-style text, as clang-tidy prints it: one "file:line:col: level:
// message [check]" line per finding, the flagged line with a caret, then its
// notes.
//
//===----------------------------------------------------------------------===//

#include "Report.h"

#include "llvm/Support/raw_ostream.h"

namespace modelguard::driver {

static void writeCaret(llvm::StringRef Snippet, unsigned Column,
                       llvm::raw_ostream &OS) {
  if (Snippet.empty() || Column == 0 || Column > Snippet.size() + 1)
    return;
  OS << Snippet << '\n';
  // Keep tabs so the caret lines up under the flagged character.
  for (unsigned I = 0; I + 1 < Column; ++I)
    OS << (Snippet[I] == '\t' ? '\t' : ' ');
  OS << "^\n";
}

/// The debt inventory, when there is any: per file, each marker's line,
/// column and text.
static void writeDebt(const Report &R, llvm::raw_ostream &OS) {
  auto Inventory = debtInventory(R);
  size_t Total = 0;
  for (const auto &[File, Items] : Inventory)
    Total += Items.size();
  if (Total == 0)
    return;
  OS << "untracked debt: " << Total << (Total == 1 ? " marker" : " markers")
     << " in " << Inventory.size() << (Inventory.size() == 1 ? " file" : " files")
     << '\n';
  for (const auto &[File, Items] : Inventory) {
    OS << "  " << File << ": " << Items.size() << '\n';
    for (const DebtItem &Item : Items)
      OS << "    " << Item.Source->Loc.Line << ':' << Item.Source->Loc.Column
         << ": " << Item.Text << '\n';
  }
}

void writeText(const Report &R, llvm::raw_ostream &OS) {
  for (const Finding &F : R.Findings) {
    OS << F.Loc.File << ':' << F.Loc.Line << ':' << F.Loc.Column << ": "
       << F.Level << ": " << F.Message << " [" << F.Check << "]\n";
    writeCaret(F.Snippet, F.Loc.Column, OS);
    for (const Note &N : F.Notes)
      OS << N.Loc.File << ':' << N.Loc.Line << ':' << N.Loc.Column
         << ": note: " << N.Message << '\n';
  }
  writeDebt(R, OS);
  for (const ToolError &E : R.ToolErrors)
    OS << E.File << ": error: " << E.Message << " [modelguard-tool-error:"
       << E.Kind << "]\n";
  OS << R.Findings.size() << (R.Findings.size() == 1 ? " finding" : " findings");
  if (R.Baselined || R.OutsideChange) {
    OS << " (";
    if (R.Baselined)
      OS << R.Baselined << " more in the baseline";
    if (R.Baselined && R.OutsideChange)
      OS << ", ";
    if (R.OutsideChange)
      OS << R.OutsideChange << " more outside the changed lines";
    OS << ")";
  }
  unsigned Examined = R.unitsExamined();
  OS << ", " << R.ToolErrors.size()
     << (R.ToolErrors.size() == 1 ? " tool error" : " tool errors") << " in "
     << Examined
     << (Examined == 1 ? " translation unit" : " translation units");
  if (unsigned Unaffected = R.Units.size() - Examined)
    OS << " (" << Unaffected << " unaffected by the change)";
  OS << '\n';
}

} // namespace modelguard::driver
