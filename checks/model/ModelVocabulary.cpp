//===--- ModelVocabulary.cpp - modelguard ---------------------------------===//

#include "ModelVocabulary.h"
#include "AccessPath.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::modelguard::model {

namespace {

/// The effective value of a vocabulary option: configured for this check,
/// configured globally, or the catalog default.
std::string readOption(const ClangTidyCheck::OptionsView &Options,
                       llvm::StringRef Name) {
  llvm::StringRef Default(catalog::vocabularyRule().defaultOf(
      std::string_view(Name.data(), Name.size())));
  return Options.getLocalOrGlobal(Name, Default).str();
}

/// Records inherit "recordness" through bases; deeper hierarchies than this
/// are not followed (bounded work on pathological code).
constexpr unsigned MaxBaseDepth = 16;

bool endsWithAny(llvm::StringRef Name, llvm::ArrayRef<std::string> Suffixes) {
  for (const std::string &Suffix : Suffixes)
    if (Name.ends_with(Suffix))
      return true;
  return false;
}

/// Does \p Class, or one of its bases, declare a member function (or member
/// function template) called one of \p Names?
bool hasMemberFunctionNamed(const CXXRecordDecl *Class,
                            llvm::ArrayRef<std::string> Names, unsigned Depth = 0) {
  for (const Decl *Member : Class->decls())
    if (const FunctionDecl *Function = Member->getAsFunction())
      if (isa<CXXMethodDecl>(Function) && Function->getDeclName().isIdentifier() &&
          llvm::is_contained(Names, Function->getName()))
        return true;
  if (Depth >= MaxBaseDepth)
    return false;
  for (const CXXBaseSpecifier &Base : Class->bases())
    if (const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl())
      if (const CXXRecordDecl *Definition = BaseClass->getDefinition())
        if (hasMemberFunctionNamed(Definition, Names, Depth + 1))
          return true;
  return false;
}

/// The leading keyword of a SQL statement, upper-cased, after white space
/// and "--" / "/* */" comments.
std::string leadingSqlWords(llvm::StringRef Sql, unsigned Count) {
  std::string Words;
  while (Count && !Sql.empty()) {
    Sql = Sql.ltrim(" \t\r\n(");
    if (Sql.starts_with("--")) {
      Sql = Sql.drop_until([](char C) { return C == '\n'; });
      continue;
    }
    if (Sql.starts_with("/*")) {
      size_t End = Sql.find("*/");
      Sql = End == llvm::StringRef::npos ? "" : Sql.drop_front(End + 2);
      continue;
    }
    llvm::StringRef Word = Sql.take_while([](char C) { return llvm::isAlpha(C); });
    if (Word.empty())
      break;
    if (!Words.empty())
      Words += ' ';
    Words += Word.upper();
    Sql = Sql.drop_front(Word.size());
    --Count;
  }
  return Words;
}

} // namespace

std::optional<llvm::Regex>
ModelVocabulary::compileRegex(const ClangTidyCheck::OptionsView &Options,
                              llvm::StringRef OptionName) {
  std::string Pattern = readOption(Options, OptionName);
  if (Pattern.empty())
    return std::nullopt;
  llvm::Regex Compiled(Pattern);
  std::string Error;
  if (!Compiled.isValid(Error)) {
    Problems.push_back({OptionName.str(),
                        "invalid regular expression '" + Pattern + "': " + Error,
                        Options.get(OptionName).has_value()});
    return std::nullopt;
  }
  return Compiled;
}

ModelVocabulary::ModelVocabulary(const ClangTidyCheck::OptionsView &Options)
    : RecordAnnotation(readOption(Options, "RecordAnnotation")),
      RecordBaseSuffixes(parseList(readOption(Options, "RecordBaseSuffixes"))),
      RecordPersistMethods(parseList(readOption(Options, "RecordPersistMethods"))),
      NullableTemplates(readOption(Options, "NullableTemplates"),
                        UnqualifiedMatch::Equal),
      NullableAnnotation(readOption(Options, "NullableAnnotation")),
      StoreNamespaces(parseList(readOption(Options, "StoreNamespaces"))),
      StoreClasses(readOption(Options, "StoreClassSuffixes"),
                   UnqualifiedMatch::Suffix, /*IgnoreCase=*/true),
      ReadVerbs(readOption(Options, "ReadVerbs")),
      LookupVerbs(readOption(Options, "LookupVerbs")),
      WriteVerbs(readOption(Options, "WriteVerbs")),
      InsertVerbs(readOption(Options, "InsertVerbs")),
      UpsertVerbs(readOption(Options, "UpsertVerbs")),
      CompareAndSwapVerbs(readOption(Options, "CompareAndSwapVerbs")),
      LockTypes(readOption(Options, "LockTypes"), UnqualifiedMatch::Equal),
      GuardNameSuffixes(parseList(readOption(Options, "GuardNameSuffixes"))),
      TransactionTypes(readOption(Options, "TransactionTypes"),
                       UnqualifiedMatch::Contains),
      LockMethods(parseList(readOption(Options, "LockMethods"))),
      UnlockMethods(parseList(readOption(Options, "UnlockMethods"))),
      Profiles(readOption(Options, "Profiles"), readOption(Options, "ProfileFiles"),
               ProfileProblems) {
  for (ProfileProblem &Problem : ProfileProblems)
    Problems.push_back({Problem.Option, std::move(Problem.Message),
                        Options.get(Problem.Option).has_value()});
  ProfileProblems.clear();
  for (const catalog::OptionSpec &Option : catalog::vocabularyRule().Options) {
    llvm::StringRef Name(Option.Name.data(), Option.Name.size());
    RawOptions.emplace_back(Name.str(), readOption(Options, Name));
  }
  RecordTypes = compileRegex(Options, "RecordTypes");
  NullableTypes = compileRegex(Options, "NullableTypes");
}

void ModelVocabulary::storeOptions(const ClangTidyCheck::OptionsView &Options,
                                   ClangTidyOptions::OptionMap &Map) const {
  for (const auto &[Name, Value] : RawOptions)
    Options.store(Map, Name, Value);
}

//===--- Exceptions --------------------------------------------------------===//

static bool isExceptionClass(const CXXRecordDecl *Class,
                             const DeclNameList &ExceptionClasses, unsigned Depth) {
  if (!Class || Depth > MaxBaseDepth || !(Class = Class->getDefinition()))
    return false;
  if (ExceptionClasses.matches(Class))
    return true;
  // A dependent base is not known yet: not guessed to be an exception.
  for (const CXXBaseSpecifier &Base : Class->bases())
    if (isExceptionClass(Base.getType()->getAsCXXRecordDecl(), ExceptionClasses,
                         Depth + 1))
      return true;
  return false;
}

bool isExceptionClass(const CXXRecordDecl *Class, const DeclNameList &ExceptionClasses) {
  return isExceptionClass(Class, ExceptionClasses, 0);
}

bool isExceptionType(QualType Type, const DeclNameList &ExceptionClasses) {
  if (Type.isNull())
    return false;
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  return isExceptionClass(Type.getCanonicalType()->getAsCXXRecordDecl(), ExceptionClasses);
}

//===--- Records -----------------------------------------------------------===//

bool ModelVocabulary::hasRecordAnnotation(const Decl *D) const {
  if (RecordAnnotation.empty())
    return false;
  for (const auto *Annotation : D->specific_attrs<AnnotateAttr>())
    if (Annotation->getAnnotation() == RecordAnnotation)
      return true;
  return false;
}

bool ModelVocabulary::hasPersistMethod(const CXXRecordDecl *Class) const {
  // Wt::Dbo: template <class Action> void persist(Action &a);
  for (const Decl *Member : Class->decls()) {
    const auto *Template = dyn_cast<FunctionTemplateDecl>(Member);
    if (!Template || !Template->getDeclName().isIdentifier())
      continue;
    if (!llvm::is_contained(RecordPersistMethods, Template->getName()))
      continue;
    // A void member: a store's `template <class T> id_type persist(T &)`
    // (odb::database) is not a record's persist.
    const FunctionDecl *Function = Template->getTemplatedDecl();
    if (Function->getNumParams() == 1 && Function->getReturnType()->isVoidType() &&
        Function->getParamDecl(0)->getType()->isReferenceType())
      return true;
  }
  return false;
}

bool ModelVocabulary::computeIsRecord(const CXXRecordDecl *Class,
                                      unsigned Depth) const {
  if (hasRecordAnnotation(Class) || hasPersistMethod(Class) || Profiles.marksRecord(Class))
    return true;
  if (RecordTypes && RecordTypes->match(Class->getQualifiedNameAsString()))
    return true;
  if (Depth >= MaxBaseDepth)
    return false;
  for (const CXXBaseSpecifier &Base : Class->bases()) {
    const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl();
    if (!BaseClass)
      continue; // A dependent base: nothing is known about it.
    if (BaseClass->getDeclName().isIdentifier() &&
        endsWithAny(BaseClass->getName(), RecordBaseSuffixes))
      return true;
    if (const CXXRecordDecl *Definition = BaseClass->getDefinition())
      if (computeIsRecord(Definition, Depth + 1))
        return true;
  }
  return false;
}

bool ModelVocabulary::isRecord(const CXXRecordDecl *Class) const {
  if (!Class)
    return false;
  const CXXRecordDecl *Definition = Class->getDefinition();
  if (!Definition)
    return false;
  auto [It, Inserted] = RecordCache.try_emplace(Definition, false);
  if (Inserted)
    It->second = computeIsRecord(Definition, 0);
  return It->second;
}

//===--- Nullable members --------------------------------------------------===//

bool ModelVocabulary::isNullableClass(const CXXRecordDecl *Class) const {
  if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(Class)) {
    const ClassTemplateDecl *Template = Instance->getSpecializedTemplate();
    if (NullableTemplates.matches(Template) || Profiles.nullableFor(Template))
      return true;
  }
  return Profiles.nullableFor(Class) != nullptr;
}

NullableForm ModelVocabulary::nullableFormOfType(QualType Type) const {
  if (Type.isNull())
    return NullableForm::NotNullable;
  Type = Type.getNonReferenceType();
  if (Type->isPointerType()) {
    // Nullability is type sugar; ask before it is stripped.
    std::optional<NullabilityKind> Kind = Type->getNullability();
    return Kind && *Kind == NullabilityKind::Nullable ? NullableForm::Pointer
                                                      : NullableForm::NotNullable;
  }
  // Written as a template specialisation (also in uninstantiated templates).
  if (const auto *Specialisation = Type->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template =
            Specialisation->getTemplateName().getAsTemplateDecl())
      if (NullableTemplates.matches(Template) || Profiles.nullableFor(Template))
        return NullableForm::Wrapper;
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  if (!Class)
    return NullableForm::NotNullable;
  if (NullableTypes && NullableTypes->match(Class->getQualifiedNameAsString()))
    return NullableForm::Wrapper;
  // The class or a base of it (oatpp::String derives from ObjectWrapper),
  // named by the vocabulary or a library profile; bases are followed a few
  // levels down.
  llvm::SmallVector<std::pair<const CXXRecordDecl *, unsigned>, 4> Work{{Class, 0}};
  while (!Work.empty()) {
    auto [Current, Depth] = Work.pop_back_val();
    if (isNullableClass(Current))
      return NullableForm::Wrapper;
    const CXXRecordDecl *Definition = Current->getDefinition();
    if (!Definition || Depth == MaxNullableBaseDepth)
      continue;
    for (const CXXBaseSpecifier &Base : Definition->bases())
      if (const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl())
        Work.push_back({BaseClass, Depth + 1});
  }
  return NullableForm::NotNullable;
}

NullableForm ModelVocabulary::nullableFormOf(const FieldDecl *Field) const {
  if (!Field)
    return NullableForm::NotNullable;
  NullableForm Form = nullableFormOfType(Field->getType());
  if (Form != NullableForm::NotNullable)
    return Form;
  if (Field->getType()->isPointerType() && !NullableAnnotation.empty())
    for (const auto *Annotation : Field->specific_attrs<AnnotateAttr>())
      if (Annotation->getAnnotation() == NullableAnnotation)
        return NullableForm::Pointer;
  return NullableForm::NotNullable;
}

//===--- Store calls --------------------------------------------------------===//

unsigned ModelVocabulary::classifyStoreVerbs(llvm::StringRef FunctionName) const {
  // The first word that starts a verb phrase decides; the words after it
  // name what is acted on, so getLastInsertRowid reads and does not insert.
  // Words before it are a prefix naming the entity (action_get_by_id).
  auto Words = identifierWords(FunctionName);
  for (size_t Start = 0; Start < Words.size(); ++Start)
    if (unsigned Access = accessOfVerbAt(Words, Start))
      return Access;
  return SA_None;
}

unsigned ModelVocabulary::accessOfVerbAt(llvm::ArrayRef<std::string> Words,
                                         size_t Start) const {
  unsigned Access = SA_None;
  if (CompareAndSwapVerbs.matchesAt(Words, Start))
    Access |= SA_CompareAndSwap | SA_Write;
  if (UpsertVerbs.matchesAt(Words, Start))
    Access |= SA_Upsert | SA_Insert | SA_Write;
  if (InsertVerbs.matchesAt(Words, Start))
    Access |= SA_Insert | SA_Write;
  if (WriteVerbs.matchesAt(Words, Start))
    Access |= SA_Write;
  if (LookupVerbs.matchesAt(Words, Start))
    Access |= SA_Lookup | SA_Read;
  if (ReadVerbs.matchesAt(Words, Start))
    Access |= SA_Read;
  return Access;
}

/// Is \p Word (upper case) one of the words of \p Text (upper case)?
static bool hasSqlWord(llvm::StringRef Text, llvm::StringRef Word) {
  auto IsWordChar = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  for (size_t At = Text.find(Word); At != llvm::StringRef::npos;
       At = Text.find(Word, At + 1)) {
    bool StartsWord = At == 0 || !IsWordChar(Text[At - 1]);
    size_t End = At + Word.size();
    if (StartsWord && (End == Text.size() || !IsWordChar(Text[End])))
      return true;
  }
  return false;
}

/// Does \p Text read as a sentence rather than a statement? SQL does not
/// end in a full stop or an exclamation mark; messages do ("Select a
/// backend.").
static bool endsLikeSentence(llvm::StringRef Text) {
  Text = Text.rtrim(" \t\r\n");
  return Text.ends_with(".") || Text.ends_with("!");
}

unsigned ModelVocabulary::classifySql(llvm::StringRef Sql) const {
  std::string Head = leadingSqlWords(Sql, 3);
  llvm::StringRef First = llvm::StringRef(Head).split(' ').first;
  std::string Upper = Sql.upper();
  llvm::StringRef Text(Upper);
  // A statement has its clause words as well as its leading one: "SELECT
  // ... FROM", "INSERT INTO", "UPDATE ... SET", "DELETE FROM". A leading
  // word alone is as likely to start a message ("Update failed", "Select
  // a backend.") passed to a translation or logging call.
  if (endsLikeSentence(Text))
    return SA_None;
  // The leading word alone, followed by a space, starts a statement built
  // by concatenation ("UPDATE " + table + " SET ..."): its clause words are
  // in the parts that follow.
  llvm::StringRef Trimmed = Text.ltrim(" \t\r\n");
  bool KeywordPrefix = Trimmed.rtrim(" \t\r\n") == First && Trimmed.size() > First.size();
  auto HasClause = [&](llvm::StringRef Word) {
    return KeywordPrefix || hasSqlWord(Text, Word);
  };
  if ((First == "SELECT" || First == "WITH") && HasClause("FROM")) {
    unsigned Access = SA_Read;
    if (hasSqlWord(Text, "WHERE"))
      Access |= SA_Lookup;
    if (Text.contains("FOR UPDATE") || Text.contains("FOR NO KEY UPDATE"))
      Access |= SA_LockingRead;
    return Access;
  }
  if (First == "INSERT" && (HasClause("INTO") || hasSqlWord(Text, "VALUES"))) {
    bool Idempotent = Text.contains("ON CONFLICT") ||
                      Text.contains("ON DUPLICATE KEY") ||
                      llvm::StringRef(Head).starts_with("INSERT OR") ||
                      llvm::StringRef(Head).starts_with("INSERT IGNORE");
    return SA_Insert | SA_Write | (Idempotent ? SA_Upsert : 0);
  }
  if ((First == "REPLACE" || First == "MERGE" || First == "UPSERT") && HasClause("INTO"))
    return SA_Upsert | SA_Insert | SA_Write;
  if ((First == "UPDATE" && HasClause("SET")) || (First == "DELETE" && HasClause("FROM")))
    return SA_Write;
  return SA_None;
}

unsigned ModelVocabulary::classifyRedisCommand(llvm::StringRef Command) {
  llvm::SmallVector<llvm::StringRef, 6> Words;
  Command.trim().split(Words, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  if (Words.empty())
    return SA_None;
  std::string Verb = Words.front().upper();
  static const char *const Reads[] = {
      "GET",   "MGET",    "HGET",   "HMGET",  "HGETALL", "EXISTS", "HEXISTS",
      "SISMEMBER", "SMEMBERS", "LRANGE", "LINDEX", "ZSCORE", "ZRANGE", "ZRANK",
      "GETRANGE", "STRLEN", "TTL", "PTTL", "TYPE", "HKEYS", "HVALS", "HLEN",
      "LLEN", "SCARD", "ZCARD", "KEYS", "SCAN", "HSCAN", "SSCAN", "ZSCAN"};
  static const char *const IdempotentInserts[] = {"SETNX", "HSETNX", "MSETNX"};
  static const char *const Writes[] = {
      "SET",    "MSET",    "HSET",    "HMSET",  "DEL",    "UNLINK", "HDEL",
      "LPUSH",  "RPUSH",   "LPOP",    "RPOP",   "LSET",   "LREM",   "SADD",
      "SREM",   "ZADD",    "ZREM",    "ZINCRBY", "EXPIRE", "PEXPIRE", "APPEND",
      "GETSET", "GETDEL",  "RENAME",  "INCR",   "INCRBY", "INCRBYFLOAT", "DECR",
      "DECRBY", "HINCRBY", "HINCRBYFLOAT", "SETEX", "PSETEX", "SETRANGE"};
  if (llvm::is_contained(Reads, Verb))
    return SA_Read | SA_Lookup;
  if (llvm::is_contained(IdempotentInserts, Verb))
    return SA_Upsert | SA_Insert | SA_Write;
  if (llvm::is_contained(Writes, Verb)) {
    // SET key value NX: only when absent.
    if (Verb == "SET" && llvm::any_of(llvm::drop_begin(Words, 3), [](llvm::StringRef W) {
          return W.equals_insensitive("NX");
        }))
      return SA_Upsert | SA_Insert | SA_Write;
    return SA_Write;
  }
  return SA_None;
}

/// The first operand of a string concatenation ("UPDATE t SET n = " +
/// std::to_string(n)), which holds the statement's leading words; \p E
/// itself when it is not a concatenation.
const Expr *leftmostConcatenated(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 64; ++Depth) {
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
        Operator && Operator->getOperator() == OO_Plus && Operator->getNumArgs() == 2) {
      E = skipWrappers(Operator->getArg(0));
      continue;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(E);
        Binary && Binary->getOpcode() == BO_Add) {
      E = skipWrappers(Binary->getLHS());
      continue;
    }
    break;
  }
  return E;
}

/// \p E without a call that views a string's characters (`sql.c_str()`,
/// `sql.data()`), which passes the same text on.
static const Expr *skipCharacterView(const Expr *E) {
  if (const auto *View = dyn_cast_or_null<CXXMemberCallExpr>(E);
      View && View->getNumArgs() == 0 && View->getMethodDecl() &&
      View->getMethodDecl()->getDeclName().isIdentifier() &&
      (View->getMethodDecl()->getName() == "c_str" ||
       View->getMethodDecl()->getName() == "data"))
    return skipWrappers(View->getImplicitObjectArgument());
  return E;
}

/// The string literal \p Argument passes as SQL text: the literal itself,
/// the first operand of a concatenation, a variable initialised with one
/// (a const one, or a local one: `std::string sql = "UPDATE t SET " + ...;
/// exec(sql.c_str())`), or a Qt-style wrapper constructed or converted from
/// one (QStringLiteral, QString(...)); null otherwise.
static const StringLiteral *sqlLiteralOf(const Expr *Argument) {
  const Expr *Inner =
      leftmostConcatenated(skipCharacterView(skipWrappers(Argument)));
  if (const auto *Literal = dyn_cast_or_null<StringLiteral>(Inner))
    return Literal;
  // const char *Sql = "UPDATE ..."; exec(Sql);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Inner))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->getType().isConstQualified() ||
          (Var->getType()->isPointerType() &&
           Var->getType()->getPointeeType().isConstQualified()) ||
          (Var->hasLocalStorage() && !Var->getType()->isReferenceType()))
        if (const Expr *Init = Var->getInit())
          if (const auto *Literal = dyn_cast_or_null<StringLiteral>(
                  leftmostConcatenated(skipWrappers(Init))))
            return Literal;
  return nullptr;
}

/// Does \p Literal begin with a word a SQL statement begins with? A
/// prepared statement's name ("add_invoice") does not.
static bool startsLikeSql(const StringLiteral *Literal) {
  if (Literal->getCharByteWidth() != 1)
    return false;
  static const char *const Verbs[] = {
      "SELECT", "INSERT", "UPDATE", "DELETE", "WITH",     "REPLACE", "MERGE",
      "UPSERT", "BEGIN",  "COMMIT", "ROLLBACK", "START", "END",     "SET",
      "CREATE", "ALTER",  "DROP",   "SAVEPOINT", "RELEASE", "LOCK", "CALL"};
  std::string Head = leadingSqlWords(Literal->getString(), 1);
  return llvm::is_contained(Verbs, Head);
}

const StringLiteral *ModelVocabulary::sqlArgument(const CallExpr *Call) {
  // conn.prepare("add_invoice", "INSERT ..."): the statement, not its name.
  const StringLiteral *First = nullptr;
  for (const Expr *Argument : Call->arguments())
    if (const StringLiteral *Literal = sqlLiteralOf(Argument)) {
      if (startsLikeSql(Literal))
        return Literal;
      if (!First)
        First = Literal;
    }
  return First;
}

void ModelVocabulary::sqlWhereColumns(llvm::StringRef Sql,
                                      llvm::SmallVectorImpl<std::string> &Columns) {
  std::string Upper = Sql.upper();
  llvm::StringRef Text(Upper);
  size_t Where = llvm::StringRef::npos;
  // WHERE as a word, not part of an identifier.
  for (size_t From = 0; (From = Text.find("WHERE", From)) != llvm::StringRef::npos;
       From += 5) {
    bool WordStart = From == 0 || !(llvm::isAlnum(Text[From - 1]) || Text[From - 1] == '_');
    bool WordEnd = From + 5 >= Text.size() ||
                   !(llvm::isAlnum(Text[From + 5]) || Text[From + 5] == '_');
    if (WordStart && WordEnd) {
      Where = From + 5;
      break;
    }
  }
  if (Where == llvm::StringRef::npos)
    return;
  static const char *const Keywords[] = {
      "AND",  "OR",     "NOT",  "IS",    "NULL", "IN",     "LIKE",  "ILIKE",
      "BETWEEN", "EXISTS", "TRUE", "FALSE", "SELECT", "FROM", "AS", "ANY", "ALL",
      "ESCAPE", "COLLATE", "CASE", "WHEN", "THEN", "ELSE", "END", "LOWER", "UPPER"};
  static const char *const Terminators[] = {"ORDER", "GROUP", "LIMIT", "FOR",
                                            "RETURNING", "HAVING", "OFFSET", "UNION"};
  llvm::StringRef Original = Sql.drop_front(Where);
  Text = Text.drop_front(Where);
  size_t I = 0;
  while (I < Text.size()) {
    char C = Text[I];
    if (C == '\'') { // Skip a string literal.
      size_t End = Text.find('\'', I + 1);
      I = End == llvm::StringRef::npos ? Text.size() : End + 1;
      continue;
    }
    if (!(llvm::isAlpha(C) || C == '_')) {
      ++I;
      continue;
    }
    size_t Start = I;
    while (I < Text.size() && (llvm::isAlnum(Text[I]) || Text[I] == '_'))
      ++I;
    llvm::StringRef Word = Text.slice(Start, I);
    char Before = Start ? Text[Start - 1] : ' ';
    size_t Next = I;
    while (Next < Text.size() && Text[Next] == ' ')
      ++Next;
    char After = Next < Text.size() ? Text[Next] : ' ';
    if (llvm::is_contained(Terminators, Word))
      return;
    // Bind parameters (:name, @name, $1), qualifiers (t.), functions (f().
    if (Before == ':' || Before == '@' || Before == '$' || After == '.' || After == '(' ||
        llvm::isDigit(Word[0]) || llvm::is_contained(Keywords, Word))
      continue;
    std::string Column = Original.slice(Start, I).lower();
    if (!llvm::is_contained(Columns, Column))
      Columns.push_back(std::move(Column));
  }
}

void ModelVocabulary::lookupKeys(const CallExpr *Call,
                                 llvm::SmallVectorImpl<std::string> &Keys) const {
  if (!Call)
    return;
  // find_by_name_and_owner: the words after "by", split at "and" / "or".
  if (const FunctionDecl *Callee = Call->getDirectCallee();
      Callee && Callee->getDeclName().isIdentifier()) {
    auto Words = identifierWords(Callee->getName());
    auto By = llvm::find(Words, "by");
    if (By != Words.end()) {
      std::string Key;
      for (auto It = std::next(By); It != Words.end(); ++It) {
        if (*It == "and" || *It == "or") {
          if (!Key.empty())
            Keys.push_back(std::move(Key));
          Key.clear();
          continue;
        }
        if (!Key.empty())
          Key += '_';
        Key += *It;
      }
      if (!Key.empty())
        Keys.push_back(std::move(Key));
      if (!Keys.empty())
        return;
    }
  }
  // The SQL a profiled call runs (its prepared statement's, too), else any
  // SQL text passed to it.
  const StringLiteral *Sql = classifyStoreCall(Call).Sql;
  if (!Sql)
    Sql = sqlArgument(Call);
  if (Sql) {
    if (Sql->getCharByteWidth() == 1)
      sqlWhereColumns(Sql->getString(), Keys);
    return;
  }
  for (const Expr *Argument : Call->arguments()) {
    QualType Type = Argument->getType();
    if (Type.isNull())
      continue;
    // A context, a session or a record passed whole says nothing about the
    // key.
    if (Type->isPointerType() && Type->getPointeeType()->isRecordType())
      continue;
    if (const CXXRecordDecl *Class = Type->getAsCXXRecordDecl())
      if (isRecord(Class) || isStoreClass(Class))
        continue;
    const Expr *Inner = Argument->IgnoreParenImpCasts();
    for (unsigned Depth = 0; Depth < 8; ++Depth) {
      if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Inner);
          Operator && Operator->getNumArgs() == 1 &&
          (Operator->getOperator() == OO_Star || Operator->getOperator() == OO_Arrow)) {
        Inner = Operator->getArg(0)->IgnoreParenImpCasts();
        continue;
      }
      if (const auto *Unary = dyn_cast<UnaryOperator>(Inner);
          Unary && Unary->getOpcode() == UO_Deref) {
        Inner = Unary->getSubExpr()->IgnoreParenImpCasts();
        continue;
      }
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner);
          Construct && Construct->getNumArgs() == 1) {
        Inner = Construct->getArg(0)->IgnoreParenImpCasts();
        continue;
      }
      break;
    }
    const NamedDecl *Named = nullptr;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner)) {
      Named = Ref->getDecl();
      if (const auto *Var = dyn_cast<VarDecl>(Named);
          Var && Var->getType()->isLValueReferenceType() &&
          !Var->getType().getNonReferenceType().isConstQualified() &&
          Var->getType().getNonReferenceType()->isRecordType())
        continue; // Context &ctx
    } else if (const auto *Member = dyn_cast<MemberExpr>(Inner)) {
      Named = Member->getMemberDecl();
    }
    if (Named && Named->getDeclName().isIdentifier() && isa<ValueDecl>(Named) &&
        !isa<FunctionDecl>(Named)) {
      std::string Key = normalisedName(Named->getName());
      if (!llvm::is_contained(Keys, Key))
        Keys.push_back(std::move(Key));
    }
  }
}

bool ModelVocabulary::isInStoreNamespace(const Decl *D) const {
  for (const DeclContext *Context = D->getDeclContext(); Context;
       Context = Context->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context))
      if (!Namespace->isAnonymousNamespace() &&
          llvm::is_contained(StoreNamespaces, Namespace->getName()))
        return true;
  return false;
}

bool ModelVocabulary::isStoreClass(const CXXRecordDecl *Class) const {
  return Class && StoreClasses.matches(Class);
}

namespace {
/// How many store classes deep bearsOutStoreName follows handles and calls.
constexpr unsigned MaxStoreEvidenceDepth = 3;
/// The most statements of one class's member function bodies it looks at.
constexpr unsigned StoreEvidenceBudget = 4000;
} // namespace

bool ModelVocabulary::bearsOutStoreName(const CXXRecordDecl *Class) const {
  return bearsOutStoreName(Class, 0);
}

bool ModelVocabulary::bearsOutStoreName(const CXXRecordDecl *Class,
                                        unsigned Depth) const {
  const CXXRecordDecl *Definition = Class ? Class->getDefinition() : nullptr;
  if (!Definition)
    return true; // nothing to see: the name decides
  if (Depth > MaxStoreEvidenceDepth)
    return false;
  // A class whose evidence is being gathered (a handle that points back at
  // its owner) gives none while it is.
  auto [It, New] = StoreNameEvidence.try_emplace(Definition, false);
  if (!New)
    return It->second;
  bool Result = computeBearsOutStoreName(Definition, Depth);
  StoreNameEvidence[Definition] = Result;
  return Result;
}

bool ModelVocabulary::computeBearsOutStoreName(const CXXRecordDecl *Definition,
                                               unsigned Depth) const {
  bool SawMembers = false, SawBodies = false;
  unsigned Budget = StoreEvidenceBudget;
  llvm::SmallVector<const CXXRecordDecl *, 4> Classes{Definition};
  for (unsigned I = 0; I < Classes.size() && I < 8; ++I) {
    const CXXRecordDecl *Class = Classes[I];
    for (const FieldDecl *Field : Class->fields()) {
      SawMembers = true;
      if (holdsStoreHandle(Field->getType(), Depth))
        return true;
    }
    for (const CXXMethodDecl *Method : Class->methods()) {
      const FunctionDecl *Defined = nullptr;
      if (Method->isImplicit() || !Method->getBody(Defined))
        continue;
      SawBodies = true;
      if (bodyMakesStoreCall(Defined->getBody(), Definition, Depth, Budget))
        return true;
    }
    for (const CXXBaseSpecifier &Base : Class->bases())
      if (const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl())
        if ((BaseClass = BaseClass->getDefinition()))
          Classes.push_back(BaseClass);
  }
  return !(SawMembers && SawBodies);
}

bool ModelVocabulary::holdsStoreHandle(QualType Type, unsigned Depth) const {
  // Through pointers, references, arrays and one level of template
  // arguments (std::unique_ptr<Database>, QSharedPointer<Session>).
  for (unsigned Layer = 0; Layer < 4 && !Type.isNull(); ++Layer) {
    Type = Type.getNonReferenceType();
    if (Type->isPointerType() || Type->isArrayType())
      Type = Type->getPointeeOrArrayElementType()->getCanonicalTypeUnqualified();
    else
      break;
  }
  const CXXRecordDecl *Class = Type.isNull() ? nullptr : Type->getAsCXXRecordDecl();
  if (!Class)
    return false;
  if (isStoreHandleClass(Class, Depth))
    return true;
  if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    for (const TemplateArgument &Argument : Instance->getTemplateArgs().asArray())
      if (Argument.getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *Held = Argument.getAsType()->getAsCXXRecordDecl())
          if (isStoreHandleClass(Held, Depth))
            return true;
  return false;
}

bool ModelVocabulary::isStoreHandleClass(const CXXRecordDecl *Class,
                                         unsigned Depth) const {
  if (isInStoreNamespace(Class) || Profiles.isTransactionType(Class) ||
      Profiles.listsMembersOf(Class))
    return true;
  return isStoreClass(Class) && bearsOutStoreName(Class, Depth + 1);
}

bool ModelVocabulary::bodyMakesStoreCall(const Stmt *Body,
                                         const CXXRecordDecl *Owner,
                                         unsigned Depth, unsigned &Budget) const {
  llvm::SmallVector<const Stmt *, 32> Pending{Body};
  while (!Pending.empty() && Budget > 0) {
    --Budget;
    const Stmt *S = Pending.pop_back_val();
    if (!S)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const profiles::ProfileCall *Known = Profiles.callFor(Call->getDirectCallee());
      if (Known && Known->Kind != profiles::CallKind::None)
        return true;
      StoreCall Store = classifyStoreCall(Call);
      if (Store && (!Store.NamedClass ||
                    (Store.NamedClass->getCanonicalDecl() != Owner->getCanonicalDecl() &&
                     bearsOutStoreName(Store.NamedClass, Depth + 1))))
        return true;
    }
    llvm::append_range(Pending, S->children());
  }
  return false;
}

bool ModelVocabulary::isStoreValueType(QualType Type) const {
  if (Type.isNull())
    return false;
  Type = Type.getNonReferenceType();
  // Look at each layer of sugar: `db::Values` is an alias in a store
  // namespace for a std::map that is not.
  for (unsigned Layer = 0; Layer < 8; ++Layer) {
    if (const auto *Alias = Type->getAs<TypedefType>())
      if (isInStoreNamespace(Alias->getDecl()))
        return true;
    if (const CXXRecordDecl *Class = Type->getAsCXXRecordDecl())
      if (isInStoreNamespace(Class) || isStoreClass(Class))
        return true;
    QualType Next = Type->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next == Type)
      break;
    Type = Next;
  }
  return false;
}

StoreCall ModelVocabulary::classifyStoreCall(const CallExpr *Call) const {
  StoreCall Result;
  // A call the compiler could not build (an undeclared argument, say) does
  // nothing a check can reason about. Clang 22 keeps such a call only as a
  // RecoveryExpr; clang 19 keeps a CallExpr that contains errors.
  if (!Call || Call->containsErrors())
    return Result;
  // `"UPDATE t SET n = " + value` builds SQL text; it does not run it.
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
      Operator && (Operator->getOperator() == OO_Plus ||
                   Operator->getOperator() == OO_PlusEqual))
    return Result;
  const FunctionDecl *Callee = Call->getDirectCallee();
  // A profiled function is what its profile says; neither the words of its
  // name nor a literal in some argument decide.
  if (const profiles::ProfileCall *Known = Profiles.callFor(Callee))
    return classifyProfiledCall(Call, *Known);
  if (const StringLiteral *Sql = sqlArgument(Call)) {
    if (Sql->getCharByteWidth() == 1) {
      if (unsigned Access = classifySql(Sql->getString())) {
        Result.Access = Access;
        Result.Sql = Sql;
        return Result;
      }
    }
  }
  if (!Callee || !Callee->getDeclName().isIdentifier())
    return Result;
  // A member the profile of its class leaves out does nothing it knows of.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && Profiles.listsMembersOf(Method->getParent()))
    return Result;
  Result.Access = classifyStoreFunction(Callee);
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee); Result.Access && Method)
    Result.NamedClass = Method->getParent();
  // A member inherited from a base that is not a store class, called on a
  // store class.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
      !Result.Access && Member && StoreClasses.matches(Member->getRecordDecl())) {
    Result.Access = classifyStoreVerbs(Callee->getName());
    Result.NamedClass = Member->getRecordDecl();
  }
  return Result;
}

StoreCall ModelVocabulary::classifyProfiledCall(const CallExpr *Call,
                                                const profiles::ProfileCall &Known) const {
  using profiles::CallKind;
  StoreCall Result;
  switch (Known.Kind) {
  case CallKind::Read:
    Result.Access = SA_Read;
    break;
  case CallKind::Lookup:
    Result.Access = SA_Read | SA_Lookup;
    break;
  case CallKind::LockingRead:
    Result.Access = SA_Read | SA_Lookup | SA_LockingRead;
    break;
  case CallKind::Write:
    Result.Access = SA_Write;
    break;
  case CallKind::Insert:
    Result.Access = SA_Insert | SA_Write;
    break;
  case CallKind::Upsert:
    Result.Access = SA_Upsert | SA_Insert | SA_Write;
    break;
  case CallKind::CompareAndSwap:
    Result.Access = SA_CompareAndSwap | SA_Write;
    break;
  case CallKind::Execute: {
    // Its own SQL argument when the call has one (QSqlQuery::exec(text)),
    // else the text its statement was prepared with (QSqlQuery::exec()).
    const StringLiteral *Sql = nullptr;
    if (Known.SqlArgument && *Known.SqlArgument < Call->getNumArgs())
      Sql = sqlLiteralOf(Call->getArg(*Known.SqlArgument));
    else
      Sql = preparedSql(statementOf(Call, Known), Call);
    if (Sql && Sql->getCharByteWidth() == 1)
      if ((Result.Access = Known.Language == profiles::CommandLanguage::Redis
                               ? classifyRedisCommand(Sql->getString())
                               : classifySql(Sql->getString())))
        Result.Sql = Sql;
    break;
  }
  default: // Preparing, binding and transaction edges access nothing.
    break;
  }
  return Result;
}

const Expr *ModelVocabulary::statementOf(const CallExpr *Call,
                                         const profiles::ProfileCall &Known) const {
  if (Known.StatementArgument)
    return *Known.StatementArgument < Call->getNumArgs()
               ? Call->getArg(*Known.StatementArgument)
               : nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return Member->getImplicitObjectArgument();
  return nullptr;
}

/// The local variable \p E names, through parentheses, casts, `&` and a
/// smart pointer's `->` (`stmt->executeUpdate()`).
static const VarDecl *statementVariable(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref))
    E = Unary->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
      Operator && Operator->getNumArgs() == 1 &&
      (Operator->getOperator() == OO_Arrow || Operator->getOperator() == OO_Star))
    E = Operator->getArg(0)->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() ? Var : nullptr;
}

namespace {

/// Collects, in one walk of a function body, the profiled calls that give
/// one statement variable its SQL text or bind values to it.
class StatementUseFinder {
public:
  StatementUseFinder(const LibraryProfiles &Profiles, const VarDecl *Statement,
                     StatementUses &Uses)
      : Profiles(Profiles), Statement(Statement), Uses(Uses) {}

  void walk(const Stmt *S, unsigned Depth = 0) {
    // Bounded by the body's size; the depth guard keeps the stack small on
    // machine-generated code.
    if (!S || Depth > 256)
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      visitCall(Call);
    for (const Stmt *Child : S->children())
      walk(Child, Depth + 1);
  }

private:
  void visitCall(const CallExpr *Call) {
    const profiles::ProfileCall *Known = Profiles.callFor(Call->getDirectCallee());
    if (!Known || (Known->Kind != profiles::CallKind::Prepare &&
                   Known->Kind != profiles::CallKind::Bind))
      return;
    const Expr *Target = nullptr;
    if (Known->StatementArgument) {
      if (*Known->StatementArgument < Call->getNumArgs())
        Target = Call->getArg(*Known->StatementArgument);
    } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      Target = Member->getImplicitObjectArgument();
    }
    if (statementVariable(Target) != Statement)
      return;
    if (Known->Kind == profiles::CallKind::Bind) {
      Uses.Binds.push_back(Call);
      return;
    }
    if (*Known->SqlArgument < Call->getNumArgs())
      Uses.Preparations.emplace_back(Call->getBeginLoc(),
                                     sqlLiteralOf(Call->getArg(*Known->SqlArgument)));
  }

  const LibraryProfiles &Profiles;
  const VarDecl *Statement;
  StatementUses &Uses;
};

} // namespace

const StatementUses *ModelVocabulary::statementUses(const VarDecl *Var) const {
  auto [It, Inserted] = PreparedStatements.try_emplace(Var);
  StatementUses &Uses = It->second;
  if (!Inserted)
    return &Uses;
  // Prepared by its initialiser: a profiled constructor
  // (SQLite::Statement query(db, "SELECT ...")) or a profiled call that
  // returns the statement (con->prepareStatement("UPDATE ...")), possibly
  // through a smart pointer's constructor.
  const Expr *Init = Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr;
  for (unsigned Depth = 0; Init && Depth < 4; ++Depth) {
    const profiles::ProfileCall *Known = nullptr;
    const Expr *Sql = nullptr;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init)) {
      Known = Profiles.callFor(Construct->getConstructor());
      if (Known && Known->Kind == profiles::CallKind::Prepare &&
          *Known->SqlArgument < Construct->getNumArgs())
        Sql = Construct->getArg(*Known->SqlArgument);
      else
        Init = Construct->getNumArgs() ? Construct->getArg(0)->IgnoreImplicit() : nullptr;
    } else if (const auto *Call = dyn_cast<CallExpr>(Init)) {
      Known = Profiles.callFor(Call->getDirectCallee());
      if (Known && Known->Kind == profiles::CallKind::Prepare &&
          !Known->StatementArgument && *Known->SqlArgument < Call->getNumArgs())
        Sql = Call->getArg(*Known->SqlArgument);
      Init = nullptr;
    } else {
      Init = nullptr;
    }
    if (Sql) {
      Uses.Preparations.emplace_back(Var->getLocation(), sqlLiteralOf(Sql));
      break;
    }
  }
  // Prepared or bound later in the function (query.prepare("UPDATE ..."),
  // sqlite3_prepare_v2(db, "...", -1, &stmt, nullptr), query.bindValue()).
  if (const auto *Function =
          dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod()))
    StatementUseFinder(Profiles, Var, Uses).walk(Function->getBody());
  return &Uses;
}

/// The preparation of \p Uses that is last before \p At, if any.
static const StatementUses::Preparation *
lastPreparationBefore(const StatementUses &Uses, SourceLocation At,
                      const SourceManager &Sources) {
  const StatementUses::Preparation *Last = nullptr;
  for (const StatementUses::Preparation &Entry : Uses.Preparations)
    if (Sources.isBeforeInTranslationUnit(Entry.first, At) &&
        (!Last || Sources.isBeforeInTranslationUnit(Last->first, Entry.first)))
      Last = &Entry;
  return Last;
}

const StringLiteral *ModelVocabulary::preparedSql(const Expr *Statement,
                                                  const Expr *Use) const {
  const VarDecl *Var = statementVariable(Statement);
  if (!Var || !Use)
    return nullptr;
  const StatementUses *Uses = statementUses(Var);
  const auto *Last = lastPreparationBefore(
      *Uses, Use->getBeginLoc(), Var->getASTContext().getSourceManager());
  return Last ? Last->second : nullptr;
}

BoundSql ModelVocabulary::boundSqlOf(const CallExpr *Call) const {
  const profiles::ProfileCall *Known =
      Call ? Profiles.callFor(Call->getDirectCallee()) : nullptr;
  if (!Known || Known->Kind != profiles::CallKind::Bind)
    return BoundSql::NotABind;
  // A member or a parameter is prepared by other code, to be run.
  const VarDecl *Var = statementVariable(statementOf(Call, *Known));
  if (!Var)
    return BoundSql::Unseen;
  const auto *Last = lastPreparationBefore(*statementUses(Var), Call->getBeginLoc(),
                                           Var->getASTContext().getSourceManager());
  const StringLiteral *Sql = Last ? Last->second : nullptr;
  if (!Sql || Sql->getCharByteWidth() != 1)
    return BoundSql::Unseen;
  return classifySql(Sql->getString()) & SA_Write ? BoundSql::Writes : BoundSql::Reads;
}

void ModelVocabulary::boundValues(const CallExpr *Execute,
                                  llvm::SmallVectorImpl<const Expr *> &Values) const {
  const FunctionDecl *Callee = Execute ? Execute->getDirectCallee() : nullptr;
  const profiles::ProfileCall *Known = Profiles.callFor(Callee);
  if (!Known || Known->Kind != profiles::CallKind::Execute)
    return;
  const VarDecl *Var = statementVariable(statementOf(Execute, *Known));
  if (!Var)
    return;
  const StatementUses *Uses = statementUses(Var);
  const SourceManager &Sources = Var->getASTContext().getSourceManager();
  const auto *Last = lastPreparationBefore(*Uses, Execute->getBeginLoc(), Sources);
  for (const CallExpr *Bind : Uses->Binds) {
    SourceLocation At = Bind->getBeginLoc();
    if (!Sources.isBeforeInTranslationUnit(At, Execute->getBeginLoc()) ||
        (Last && Sources.isBeforeInTranslationUnit(At, Last->first)))
      continue;
    const profiles::ProfileCall *BindEntry = Profiles.callFor(Bind->getDirectCallee());
    for (unsigned I = 0; I < Bind->getNumArgs(); ++I)
      if (!BindEntry || !BindEntry->StatementArgument || *BindEntry->StatementArgument != I)
        Values.push_back(Bind->getArg(I));
  }
}

unsigned ModelVocabulary::classifyStoreFunction(const FunctionDecl *Function) const {
  if (!Function || !Function->getDeclName().isIdentifier())
    return SA_None;
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  bool IsStoreFunction = Method ? StoreClasses.matches(Method->getParent())
                                : isInStoreNamespace(Function);
  return IsStoreFunction ? classifyStoreVerbs(Function->getName()) : SA_None;
}

//===--- Synchronisation ----------------------------------------------------===//

bool ModelVocabulary::isLockable(const CXXRecordDecl *Class) const {
  if (!Class || !(Class = Class->getDefinition()))
    return false;
  return hasMemberFunctionNamed(Class, LockMethods) &&
         hasMemberFunctionNamed(Class, UnlockMethods);
}

bool ModelVocabulary::isTransactionType(const CXXRecordDecl *Class) const {
  if (!Class)
    return false;
  if (TransactionTypes.matches(Class) || Profiles.isTransactionType(Class))
    return true;
  if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    return TransactionTypes.matches(Instance->getSpecializedTemplate());
  return false;
}

bool ModelVocabulary::isOwnedTransaction(const CXXRecordDecl *Class) const {
  // auto trans = db->newTransaction(): the local owns the transaction,
  // which ends when the last owner goes (Drogon, RocksDB with unique_ptr).
  const auto *Owner = dyn_cast<ClassTemplateSpecializationDecl>(Class);
  if (!Owner || !Owner->getDeclName().isIdentifier() ||
      !(Owner->getName() == "unique_ptr" || Owner->getName() == "shared_ptr") ||
      !Owner->isInStdNamespace() || Owner->getTemplateArgs().size() == 0)
    return false;
  // Only a profile's transaction types: a class merely named *Transaction
  // may not isolate reads (rocksdb::Transaction).
  const TemplateArgument &Owned = Owner->getTemplateArgs()[0];
  return Owned.getKind() == TemplateArgument::Type &&
         Profiles.isTransactionType(Owned.getAsType()->getAsCXXRecordDecl());
}

bool ModelVocabulary::isScopedSynchronisation(const VarDecl *Var) const {
  if (!Var || !Var->hasLocalStorage())
    return false;
  QualType Type = Var->getType();
  if (const auto *Specialisation = Type->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template =
            Specialisation->getTemplateName().getAsTemplateDecl())
      if (LockTypes.matches(Template))
        return true;
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  if (!Class)
    return false;
  if (isOwnedTransaction(Class))
    return true;
  if (LockTypes.matches(Class) || isTransactionType(Class))
    return true;
  if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    if (LockTypes.matches(Instance->getSpecializedTemplate()))
      return true;
  // Any FooLock / FooGuard constructed from a mutex-like object.
  if (!Class->getDeclName().isIdentifier() ||
      !endsWithAny(Class->getName(), GuardNameSuffixes))
    return false;
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(Var->getInit() ? Var->getInit()->IgnoreImplicit()
                                                        : nullptr);
  if (!Construct)
    return false;
  for (const Expr *Argument : Construct->arguments()) {
    QualType ArgType = Argument->getType();
    if (ArgType->isPointerType())
      ArgType = ArgType->getPointeeType();
    if (isLockable(ArgType->getAsCXXRecordDecl()))
      return true;
  }
  return false;
}

/// The transaction edge of a whole SQL statement that only begins or ends a
/// transaction ("BEGIN", "BEGIN IMMEDIATE TRANSACTION", "START TRANSACTION",
/// "COMMIT WORK", "ROLLBACK", "END;"); none for anything else, so that
/// "Begin import" or "End of list" passed to a call is not taken for one.
static SyncEdge transactionStatementEdge(llvm::StringRef Sql) {
  std::string Words = leadingSqlWords(Sql, 6);
  // Everything after the words read must be punctuation or space.
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  llvm::StringRef(Words).split(Parts, ' ', -1, /*KeepEmpty=*/false);
  size_t LettersInText = llvm::count_if(Sql, [](char C) { return llvm::isAlpha(C); });
  size_t LettersRead = 0;
  for (llvm::StringRef Part : Parts)
    LettersRead += Part.size();
  if (Parts.empty() || LettersRead != LettersInText)
    return SyncEdge::None;
  static const char *const Modifiers[] = {"TRANSACTION", "WORK", "DEFERRED", "IMMEDIATE",
                                          "EXCLUSIVE"};
  auto OnlyModifiers = [&](size_t From) {
    for (size_t I = From; I < Parts.size(); ++I)
      if (!llvm::is_contained(Modifiers, Parts[I]))
        return false;
    return true;
  };
  if ((Parts[0] == "BEGIN" && OnlyModifiers(1)) ||
      (Parts[0] == "START" && Parts.size() >= 2 && Parts[1] == "TRANSACTION" &&
       OnlyModifiers(2)))
    return SyncEdge::Acquire;
  if ((Parts[0] == "COMMIT" || Parts[0] == "ROLLBACK" || Parts[0] == "END") &&
      OnlyModifiers(1))
    return SyncEdge::Release;
  return SyncEdge::None;
}

SyncEdge ModelVocabulary::classifySyncCall(const CallExpr *Call,
                                           const Decl *&Key) const {
  Key = nullptr;
  // db.transaction() ... db.commit() (QSqlDatabase), by the profile.
  if (const profiles::ProfileCall *Known = Profiles.callFor(Call->getDirectCallee())) {
    using profiles::CallKind;
    if (Known->Kind == CallKind::Begin || Known->Kind == CallKind::Commit ||
        Known->Kind == CallKind::Rollback) {
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
        const Expr *Object = Member->getImplicitObjectArgument()->IgnoreParenImpCasts();
        if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
          Key = Ref->getDecl();
        else if (const auto *Field = dyn_cast<MemberExpr>(Object))
          Key = Field->getMemberDecl();
      }
      return Known->Kind == CallKind::Begin ? SyncEdge::Acquire : SyncEdge::Release;
    }
    // Redis: MULTI ... EXEC runs as one; WATCH ... EXEC fails when a
    // watched key changed in between (optimistic concurrency).
    if (Known->Kind == CallKind::Execute &&
        Known->Language == profiles::CommandLanguage::Redis) {
      const StringLiteral *Command =
          Known->SqlArgument && *Known->SqlArgument < Call->getNumArgs()
              ? sqlLiteralOf(Call->getArg(*Known->SqlArgument))
              : nullptr;
      if (!Command || Command->getCharByteWidth() != 1)
        return SyncEdge::None;
      std::string Verb = Command->getString().trim().split(' ').first.upper();
      if (Verb == "MULTI" || Verb == "WATCH")
        return SyncEdge::Acquire;
      if (Verb == "EXEC" || Verb == "DISCARD" || Verb == "UNWATCH")
        return SyncEdge::Release;
      return SyncEdge::None;
    }
  }
  if (const StringLiteral *Sql = sqlArgument(Call)) {
    if (Sql->getCharByteWidth() != 1)
      return SyncEdge::None;
    return transactionStatementEdge(Sql->getString());
  }
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  if (!Member)
    return SyncEdge::None;
  const CXXMethodDecl *Method = Member->getMethodDecl();
  if (!Method || !Method->getDeclName().isIdentifier() ||
      !isLockable(Member->getRecordDecl()))
    return SyncEdge::None;
  const Expr *Object = Member->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    Key = Ref->getDecl();
  else if (const auto *Field = dyn_cast<MemberExpr>(Object))
    Key = Field->getMemberDecl();
  if (llvm::is_contained(LockMethods, Method->getName()))
    return SyncEdge::Acquire;
  if (llvm::is_contained(UnlockMethods, Method->getName()))
    return SyncEdge::Release;
  return SyncEdge::None;
}

bool ModelVocabulary::opensTransaction(const CallExpr *Call) const {
  const Decl *Key = nullptr;
  if (classifySyncCall(Call, Key) != SyncEdge::Acquire)
    return false;
  // A profiled begin names its database; a lock() names its mutex.
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  return !Member || Profiles.callFor(Call->getDirectCallee()) ||
         !isLockable(Member->getRecordDecl());
}

} // namespace clang::tidy::modelguard::model
