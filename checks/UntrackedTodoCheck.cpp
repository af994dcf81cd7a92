//===--- UntrackedTodoCheck.cpp - modelguard -------------------------------===//
//
// While the file is parsed, the preprocessor hands every comment to a
// CommentCollector, which keeps the debt markers (a marker word at the start
// of a line of the comment) whose text carries no tracker reference. Once
// the translation unit is complete, the persistence-scope analysis
// (analysis/PersistenceScope.h) says which of them sit in persistence code,
// and each of those is reported at its marker word.
//
//===----------------------------------------------------------------------===//

#include "UntrackedTodoCheck.h"
#include "analysis/PersistenceScope.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

/// Text before the marker on a line of a comment that does not count as
/// content: the comment's own punctuation and blanks.
bool isCommentPunctuation(char C) {
  return C == ' ' || C == '\t' || C == '\r' || C == '/' || C == '*' ||
         C == '!' || C == '<';
}

/// Whether \p Gap is the end of one line and the indentation of the next.
bool isLineBreak(StringRef Gap) {
  return Gap.count('\n') == 1 &&
         Gap.find_first_not_of(" \t\r\n") == StringRef::npos;
}

/// The name of \p D for a message: a member with the names of its
/// enclosing classes ("InstanceAction::finish"), anything else unqualified.
std::string scopedName(const NamedDecl *D) {
  std::string Name = D->getNameAsString();
  for (const DeclContext *Context = D->getDeclContext();
       Context && isa<CXXRecordDecl>(Context); Context = Context->getParent()) {
    const auto *Class = cast<CXXRecordDecl>(Context);
    if (Class->isLambda() || !Class->getIdentifier())
      break;
    Name = Class->getName().str() + "::" + Name;
  }
  return Name;
}

} // namespace

/// Receives every comment of the files that are not system headers and
/// keeps the marker comments, with the text after the marker (and after it,
/// the line comments that continue it on the lines below) in which a
/// tracker reference is looked for once the comment is complete.
class UntrackedTodoCheck::CommentCollector : public CommentHandler {
public:
  explicit CommentCollector(llvm::ArrayRef<std::string> Words) : Words(Words) {}

  bool HandleComment(Preprocessor &PP, SourceRange Range) override;

  /// The markers whose text \p Tracker does not match (all of them when
  /// there is no pattern); forgets them all.
  std::vector<Marker> takeUntracked(const llvm::Regex *Tracker);

private:
  struct Candidate {
    Marker Found;
    std::string Text;
    FileID File;
    unsigned End = 0;
  };

  /// The offset of the first marker in \p Text and the marker's index.
  std::optional<std::pair<size_t, size_t>> findMarker(StringRef Text) const;

  llvm::ArrayRef<std::string> Words;
  std::vector<Candidate> Candidates;
  /// The last comment seen was a marker line comment or continued one.
  bool Continuing = false;
};

std::optional<std::pair<size_t, size_t>>
UntrackedTodoCheck::CommentCollector::findMarker(StringRef Text) const {
  for (size_t LineStart = 0; LineStart < Text.size();) {
    size_t Pos = LineStart;
    while (Pos < Text.size() && isCommentPunctuation(Text[Pos]))
      ++Pos;
    // Doxygen's @todo and \todo, in any case.
    bool Command = Pos < Text.size() && (Text[Pos] == '@' || Text[Pos] == '\\');
    StringRef Rest = Text.substr(Pos + (Command ? 1 : 0));
    for (size_t Index = 0; Index < Words.size(); ++Index) {
      StringRef Word = Words[Index];
      bool Starts = Command ? Rest.starts_with_insensitive(Word)
                            : Rest.starts_with(Word);
      if (Starts && (Rest.size() == Word.size() ||
                     !isAsciiIdentifierContinue(Rest[Word.size()])))
        return std::make_pair(Pos, Index);
    }
    size_t Break = Text.find('\n', Pos);
    if (Break == StringRef::npos)
      break;
    LineStart = Break + 1;
  }
  return std::nullopt;
}

bool UntrackedTodoCheck::CommentCollector::HandleComment(Preprocessor &PP,
                                                         SourceRange Range) {
  const SourceManager &SM = PP.getSourceManager();
  SourceLocation Begin = Range.getBegin();
  if (Words.empty() || !Begin.isFileID() || !Range.getEnd().isFileID() ||
      SM.isInSystemHeader(Begin)) {
    Continuing = false;
    return false;
  }
  auto [File, BeginOffset] = SM.getDecomposedLoc(Begin);
  auto [EndFile, EndOffset] = SM.getDecomposedLoc(Range.getEnd());
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || EndFile != File || EndOffset < BeginOffset ||
      EndOffset > Buffer.size()) {
    Continuing = false;
    return false;
  }
  StringRef Text = Buffer.slice(BeginOffset, EndOffset);
  std::optional<std::pair<size_t, size_t>> Found = findMarker(Text);

  // "// TODO: ...\n// see https://..." is one note over two line comments.
  if (Continuing && !Found && Text.starts_with("//") &&
      Candidates.back().File == File && Candidates.back().End <= BeginOffset &&
      isLineBreak(Buffer.slice(Candidates.back().End, BeginOffset))) {
    Candidates.back().Text += ' ';
    Candidates.back().Text += Text.drop_front(2).str();
    Candidates.back().End = EndOffset;
    return false;
  }
  Continuing = false;
  if (!Found)
    return false;

  auto [Offset, Index] = *Found;
  StringRef Word = Words[Index];
  // For @todo, the text after the command word.
  size_t WordEnd = Offset + Word.size() + (Text[Offset] == '@' || Text[Offset] == '\\');
  Candidate New;
  New.Found = {Range, Begin.getLocWithOffset(Offset), Word};
  New.Text = Text.substr(WordEnd).str();
  if (StringRef(New.Text).ends_with("*/"))
    New.Text.resize(New.Text.size() - 2);
  New.File = File;
  New.End = EndOffset;
  Candidates.push_back(std::move(New));
  Continuing = Text.starts_with("//");
  return false;
}

std::vector<UntrackedTodoCheck::Marker>
UntrackedTodoCheck::CommentCollector::takeUntracked(const llvm::Regex *Tracker) {
  std::vector<Marker> Untracked;
  for (const Candidate &C : Candidates)
    if (!Tracker || !Tracker->match(C.Text))
      Untracked.push_back(C.Found);
  Candidates.clear();
  Continuing = false;
  return Untracked;
}

UntrackedTodoCheck::UntrackedTodoCheck(StringRef Name, ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context),
      MarkerWords(model::parseList(stringOption("Markers"))),
      AllCode(boolOption("AllCode")),
      StatementBudget(unsignedOption("StatementBudget")) {
  StringRef Tracker = stringOption("TrackerPattern");
  if (Tracker.empty())
    return;
  llvm::Regex Pattern(Tracker);
  std::string Error;
  if (Pattern.isValid(Error)) {
    TrackerPattern.emplace(std::move(Pattern));
    return;
  }
  configurationDiag("%0: option 'TrackerPattern': invalid regular expression "
                    "'%1': %2; the default is used")
      << Name << Tracker << Error;
  std::string_view Default = rule().defaultOf("TrackerPattern");
  TrackerPattern.emplace(StringRef(Default.data(), Default.size()));
}

UntrackedTodoCheck::~UntrackedTodoCheck() = default;

void UntrackedTodoCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP,
                                             Preprocessor *) {
  // The preprocessor keeps a plain pointer to the handler; the check owns
  // it and outlives the parse.
  Collector = std::make_unique<CommentCollector>(MarkerWords);
  PP->addCommentHandler(Collector.get());
}

void UntrackedTodoCheck::registerMatchers(MatchFinder *Finder) {
  // Matched once, after the whole translation unit has been parsed, so
  // every comment has been seen.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void UntrackedTodoCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Collector)
    return;
  std::vector<Marker> Markers =
      Collector->takeUntracked(TrackerPattern ? &*TrackerPattern : nullptr);
  if (Markers.empty())
    return;

  std::vector<SourceRange> Comments;
  for (const Marker &M : Markers)
    Comments.push_back(M.Comment);
  analysis::PersistenceScopeOptions Analysis;
  Analysis.Vocabulary = &vocabulary();
  Analysis.StatementBudget = StatementBudget;
  std::vector<analysis::PersistenceScope> Scopes =
      analysis::locatePersistenceScopes(*Result.Context, Comments, Analysis);

  for (size_t I = 0; I < Markers.size(); ++I) {
    const analysis::PersistenceScope &Scope = Scopes[I];
    if (Scope.Role == analysis::ScopeRole::None && !AllCode)
      continue;
    // %1: 0 nowhere in particular, 1 in an ordinary function, then one
    // per persistence role.
    unsigned Where = Scope.Role == analysis::ScopeRole::None
                         ? (Scope.Decl ? 1 : 0)
                         : static_cast<unsigned>(Scope.Role) + 1;
    diag(Markers[I].Word,
         "untracked '%0' comment%select{| in '%3'| %select{in|on}2 '%3', which "
         "writes to the store| %select{in|on}2 '%3', which holds a "
         "transaction| %select{in|on}2 '%3', which reads from the store| "
         "%select{in|on}2 '%3', a member of record '%4'| %select{in|on}2 "
         "record '%3'| on nullable field '%3'}1")
        << Markers[I].Name << Where << Scope.Attached
        << (Scope.Decl ? scopedName(Scope.Decl) : std::string())
        << (Scope.Record ? Scope.Record->getNameAsString() : std::string());
    if (Scope.Cause.isInvalid() && Scope.Role != analysis::ScopeRole::RecordMember)
      continue;
    switch (Scope.Role) {
    case analysis::ScopeRole::StoreWriter:
      diag(Scope.Cause, "the store was written here", DiagnosticIDs::Note);
      break;
    case analysis::ScopeRole::TransactionHolder:
      diag(Scope.Cause, "the transaction was opened here", DiagnosticIDs::Note);
      break;
    case analysis::ScopeRole::StoreReader:
      diag(Scope.Cause, "the store was read here", DiagnosticIDs::Note);
      break;
    case analysis::ScopeRole::RecordMember:
      diag(Scope.Record->getLocation(), "'%0' was declared a record here",
           DiagnosticIDs::Note)
          << Scope.Record->getNameAsString();
      break;
    default:
      break;
    }
  }
}

} // namespace clang::tidy::modelguard
