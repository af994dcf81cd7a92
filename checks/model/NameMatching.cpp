//===--- NameMatching.cpp - modelguard ------------------------------------===//

#include "NameMatching.h"

#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::modelguard::model {

std::vector<std::string> parseList(llvm::StringRef Value) {
  std::vector<std::string> Items;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::SplitString(Value, Parts, ";,");
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Items.push_back(Part.trim().str());
  return Items;
}

llvm::SmallVector<std::string, 8> identifierWords(llvm::StringRef Identifier) {
  llvm::SmallVector<std::string, 8> Words;
  std::string Current;
  auto Flush = [&] {
    if (!Current.empty())
      Words.push_back(std::move(Current));
    Current.clear();
  };
  for (size_t I = 0; I < Identifier.size(); ++I) {
    char C = Identifier[I];
    if (!llvm::isAlnum(C)) {
      Flush();
      continue;
    }
    bool Upper = llvm::isUpper(C);
    if (Upper && !Current.empty()) {
      char Previous = Identifier[I - 1];
      bool NextIsLower = I + 1 < Identifier.size() && llvm::isLower(Identifier[I + 1]);
      // "getBy" splits before 'B'; "HTTPResponse" splits before 'R' only.
      if (llvm::isLower(Previous) || llvm::isDigit(Previous) ||
          (llvm::isUpper(Previous) && NextIsLower))
        Flush();
    }
    Current.push_back(llvm::toLower(C));
  }
  Flush();
  return Words;
}

VerbPhrases::VerbPhrases(llvm::StringRef OptionValue) {
  for (const std::string &Item : parseList(OptionValue)) {
    auto Words = identifierWords(Item);
    if (!Words.empty())
      Phrases.emplace_back(Words.begin(), Words.end());
  }
}

bool VerbPhrases::matchesAt(llvm::ArrayRef<std::string> NameWords,
                            size_t Start) const {
  for (const auto &Phrase : Phrases)
    if (Start + Phrase.size() <= NameWords.size() &&
        std::equal(Phrase.begin(), Phrase.end(), NameWords.begin() + Start))
      return true;
  return false;
}

bool VerbPhrases::matchesWords(llvm::ArrayRef<std::string> NameWords) const {
  for (size_t Start = 0; Start < NameWords.size(); ++Start)
    if (matchesAt(NameWords, Start))
      return true;
  return false;
}

/// "std::__exception_ptr::exception_ptr" -> "std::exception_ptr": standard
/// libraries declare public names in implementation namespaces (whose names
/// start with "__") and re-export them.
static std::string withoutDetailNamespaces(llvm::StringRef Qualified) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Qualified.split(Parts, "::");
  std::string Result;
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (I + 1 < Parts.size() && Parts[I].starts_with("__"))
      continue;
    if (!Result.empty())
      Result += "::";
    Result += Parts[I].str();
  }
  return Result;
}

DeclNameList::DeclNameList(llvm::StringRef OptionValue, UnqualifiedMatch Mode,
                           bool IgnoreCase)
    : Mode(Mode), IgnoreCase(IgnoreCase) {
  for (std::string &Item : parseList(OptionValue)) {
    if (llvm::StringRef(Item).starts_with("::"))
      Qualified.push_back(Item.substr(2));
    else
      Unqualified.push_back(IgnoreCase ? llvm::StringRef(Item).lower()
                                       : std::move(Item));
  }
}

bool DeclNameList::matchesUnqualified(llvm::StringRef Name) const {
  std::string Lowered;
  if (IgnoreCase) {
    Lowered = Name.lower();
    Name = Lowered;
  }
  for (const std::string &Entry : Unqualified) {
    switch (Mode) {
    case UnqualifiedMatch::Equal:
      if (Name == Entry)
        return true;
      break;
    case UnqualifiedMatch::Suffix:
      if (Name.ends_with(Entry))
        return true;
      break;
    case UnqualifiedMatch::Contains:
      if (Name.contains(Entry))
        return true;
      break;
    }
  }
  return false;
}

bool DeclNameList::matches(const NamedDecl *D) const {
  if (!D || !D->getDeclName().isIdentifier())
    return false;
  if (matchesUnqualified(D->getName()))
    return true;
  if (Qualified.empty())
    return false;
  std::string QualifiedName = withoutDetailNamespaces(D->getQualifiedNameAsString());
  for (const std::string &Entry : Qualified)
    if (QualifiedName == Entry)
      return true;
  return false;
}

std::string normalisedName(llvm::StringRef Name) {
  std::string Lowered = Name.lower();
  llvm::StringRef Result = Lowered;
  if (Result.starts_with("m_"))
    Result = Result.drop_front(2);
  return Result.trim('_').str();
}

bool hasNameIn(const NamedDecl *D, llvm::ArrayRef<std::string> Names) {
  if (!D || !D->getDeclName().isIdentifier())
    return false;
  llvm::StringRef Name = D->getName();
  return llvm::any_of(Names, [&](const std::string &Item) { return Name == Item; });
}

bool nameContainsAny(llvm::StringRef Name, llvm::ArrayRef<std::string> LowerWords) {
  if (Name.empty() || LowerWords.empty())
    return false;
  std::string Lower = Name.lower();
  return llvm::any_of(LowerWords, [&](const std::string &Word) {
    return llvm::StringRef(Lower).contains(Word);
  });
}

std::vector<std::string> parseLowerList(llvm::StringRef Value) {
  std::vector<std::string> Items = parseList(Value);
  for (std::string &Item : Items)
    Item = llvm::StringRef(Item).lower();
  return Items;
}

std::vector<std::string> parseNormalisedList(llvm::StringRef Value) {
  std::vector<std::string> Items = parseList(Value);
  for (std::string &Item : Items)
    Item = normalisedName(Item);
  return Items;
}

} // namespace clang::tidy::modelguard::model
