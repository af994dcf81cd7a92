//===--- NameMatching.h - modelguard ---------------------------*- C++ -*-===//
//
// Small, allocation-light helpers for the name conventions the model
// vocabulary is configured with: option lists, identifier words, verb
// phrases and (qualified) declaration names.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODEL_NAMEMATCHING_H
#define MODELGUARD_MODEL_NAMEMATCHING_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::modelguard::model {

/// Splits a ';'- or ','-separated option value into trimmed, non-empty items.
std::vector<std::string> parseList(llvm::StringRef Value);

/// Splits an identifier into lower-case words at '_', at lower-to-upper case
/// changes and before the last capital of an acronym:
/// "action_get_by_request_id" and "actionGetByRequestId" both give
/// {action, get, by, request, id}; "HTTPResponse" gives {http, response}.
llvm::SmallVector<std::string, 8> identifierWords(llvm::StringRef Identifier);

/// A set of verb phrases, each one or more words ("get_by", "insert_or").
/// A name contains a phrase when the phrase's words occur consecutively
/// among the name's words.
class VerbPhrases {
public:
  explicit VerbPhrases(llvm::StringRef OptionValue);
  bool matchesWords(llvm::ArrayRef<std::string> NameWords) const;
  bool matchesName(llvm::StringRef Name) const {
    return matchesWords(identifierWords(Name));
  }
  /// Does one of the phrases start at word \p Start of \p NameWords?
  bool matchesAt(llvm::ArrayRef<std::string> NameWords, size_t Start) const;

private:
  std::vector<llvm::SmallVector<std::string, 2>> Phrases;
};

/// How an entry without a leading "::" is compared with a declaration's
/// unqualified name.
enum class UnqualifiedMatch { Equal, Suffix, Contains };

/// A list of declaration names. An entry starting with "::" must equal the
/// declaration's fully qualified name (ignoring implementation namespaces
/// such as std::__cxx11); any other entry is compared with the
/// unqualified name as the list's UnqualifiedMatch says.
class DeclNameList {
public:
  DeclNameList(llvm::StringRef OptionValue, UnqualifiedMatch Mode,
               bool IgnoreCase = false);
  bool matches(const NamedDecl *D) const;
  bool empty() const { return Qualified.empty() && Unqualified.empty(); }

private:
  bool matchesUnqualified(llvm::StringRef Name) const;
  std::vector<std::string> Qualified;
  std::vector<std::string> Unqualified;
  UnqualifiedMatch Mode;
  bool IgnoreCase;
};

/// Is \p D's unqualified identifier one of \p Names (exact comparison)?
bool hasNameIn(const NamedDecl *D, llvm::ArrayRef<std::string> Names);

/// Does \p Name contain one of \p LowerWords, ignoring case? The words
/// are expected in lower case (see parseLowerList).
bool nameContainsAny(llvm::StringRef Name, llvm::ArrayRef<std::string> LowerWords);

/// parseList, with every item in lower case.
std::vector<std::string> parseLowerList(llvm::StringRef Value);

/// parseList, with every item normalised (see normalisedName).
std::vector<std::string> parseNormalisedList(llvm::StringRef Value);

/// A normalised identifier for name-based conventions: lower case, without
/// a leading "m_" and without leading or trailing underscores, so that
/// "m_traceback", "traceback_" and "Traceback" all compare equal.
std::string normalisedName(llvm::StringRef Name);

} // namespace clang::tidy::modelguard::model

#endif // MODELGUARD_MODEL_NAMEMATCHING_H
