//===--- ModelVocabulary.cpp - modelguard ---------------------------------===//

#include "ModelVocabulary.h"

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

const Expr *ignoreWrappers(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0)
        return E;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
      continue;
    }
    if (const auto *Materialize = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Materialize->getSubExpr();
      continue;
    }
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    return E;
  }
  return nullptr;
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
      UnlockMethods(parseList(readOption(Options, "UnlockMethods"))) {
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
    const FunctionDecl *Function = Template->getTemplatedDecl();
    if (Function->getNumParams() == 1 &&
        Function->getParamDecl(0)->getType()->isReferenceType())
      return true;
  }
  return false;
}

bool ModelVocabulary::computeIsRecord(const CXXRecordDecl *Class,
                                      unsigned Depth) const {
  if (hasRecordAnnotation(Class) || hasPersistMethod(Class))
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
      if (NullableTemplates.matches(Template))
        return NullableForm::Wrapper;
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  if (!Class)
    return NullableForm::NotNullable;
  if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    if (NullableTemplates.matches(Instance->getSpecializedTemplate()))
      return NullableForm::Wrapper;
  if (NullableTypes && NullableTypes->match(Class->getQualifiedNameAsString()))
    return NullableForm::Wrapper;
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
  auto Words = identifierWords(FunctionName);
  unsigned Access = SA_None;
  if (CompareAndSwapVerbs.matchesWords(Words))
    Access |= SA_CompareAndSwap | SA_Write;
  if (UpsertVerbs.matchesWords(Words))
    Access |= SA_Upsert | SA_Insert | SA_Write;
  if (InsertVerbs.matchesWords(Words))
    Access |= SA_Insert | SA_Write;
  if (WriteVerbs.matchesWords(Words))
    Access |= SA_Write;
  if (LookupVerbs.matchesWords(Words))
    Access |= SA_Lookup | SA_Read;
  if (ReadVerbs.matchesWords(Words))
    Access |= SA_Read;
  return Access;
}

unsigned ModelVocabulary::classifySql(llvm::StringRef Sql) const {
  std::string Head = leadingSqlWords(Sql, 3);
  llvm::StringRef First = llvm::StringRef(Head).split(' ').first;
  std::string Upper = Sql.upper();
  llvm::StringRef Text(Upper);
  if (First == "SELECT" || First == "WITH") {
    unsigned Access = SA_Read;
    if (Text.contains("WHERE"))
      Access |= SA_Lookup;
    if (Text.contains("FOR UPDATE") || Text.contains("FOR NO KEY UPDATE"))
      Access |= SA_LockingRead;
    return Access;
  }
  if (First == "INSERT") {
    bool Idempotent = Text.contains("ON CONFLICT") ||
                      Text.contains("ON DUPLICATE KEY") ||
                      llvm::StringRef(Head).starts_with("INSERT OR") ||
                      llvm::StringRef(Head).starts_with("INSERT IGNORE");
    return SA_Insert | SA_Write | (Idempotent ? SA_Upsert : 0);
  }
  if (First == "REPLACE" || First == "MERGE" || First == "UPSERT")
    return SA_Upsert | SA_Insert | SA_Write;
  if (First == "UPDATE" || First == "DELETE")
    return SA_Write;
  return SA_None;
}

/// The first operand of a string concatenation ("UPDATE t SET n = " +
/// std::to_string(n)), which holds the statement's leading words; \p E
/// itself when it is not a concatenation.
const Expr *leftmostConcatenated(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 64; ++Depth) {
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
        Operator && Operator->getOperator() == OO_Plus && Operator->getNumArgs() == 2) {
      E = ignoreWrappers(Operator->getArg(0));
      continue;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(E);
        Binary && Binary->getOpcode() == BO_Add) {
      E = ignoreWrappers(Binary->getLHS());
      continue;
    }
    break;
  }
  return E;
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
    if (const auto *Literal = dyn_cast_or_null<StringLiteral>(
            leftmostConcatenated(ignoreWrappers(Argument)))) {
      if (startsLikeSql(Literal))
        return Literal;
      if (!First)
        First = Literal;
    }
  for (const Expr *Argument : Call->arguments()) {
    const Expr *Inner = leftmostConcatenated(ignoreWrappers(Argument));
    if (const auto *Literal = dyn_cast_or_null<StringLiteral>(Inner))
      return First ? First : Literal;
    // const char *Sql = "UPDATE ..."; exec(Sql);
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Inner))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Var->getType().isConstQualified() ||
            (Var->getType()->isPointerType() &&
             Var->getType()->getPointeeType().isConstQualified()))
          if (const Expr *Init = Var->getInit())
            if (const auto *Literal =
                    dyn_cast_or_null<StringLiteral>(ignoreWrappers(Init)))
              return Literal;
  }
  return nullptr;
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
  if (const StringLiteral *Sql = sqlArgument(Call)) {
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
  if (!Call)
    return Result;
  // `"UPDATE t SET n = " + value` builds SQL text; it does not run it.
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
      Operator && (Operator->getOperator() == OO_Plus ||
                   Operator->getOperator() == OO_PlusEqual))
    return Result;
  if (const StringLiteral *Sql = sqlArgument(Call)) {
    if (Sql->getCharByteWidth() == 1) {
      if (unsigned Access = classifySql(Sql->getString())) {
        Result.Access = Access;
        Result.Sql = Sql;
        return Result;
      }
    }
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getDeclName().isIdentifier())
    return Result;
  bool IsStoreFunction = false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    IsStoreFunction = StoreClasses.matches(Method->getParent());
    if (!IsStoreFunction)
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        IsStoreFunction = StoreClasses.matches(Member->getRecordDecl());
  } else {
    IsStoreFunction = isInStoreNamespace(Callee);
  }
  if (IsStoreFunction)
    Result.Access = classifyStoreVerbs(Callee->getName());
  return Result;
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
  if (TransactionTypes.matches(Class))
    return true;
  if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    return TransactionTypes.matches(Instance->getSpecializedTemplate());
  return false;
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

SyncEdge ModelVocabulary::classifySyncCall(const CallExpr *Call,
                                           const Decl *&Key) const {
  Key = nullptr;
  if (const StringLiteral *Sql = sqlArgument(Call)) {
    if (Sql->getCharByteWidth() != 1)
      return SyncEdge::None;
    std::string Head = leadingSqlWords(Sql->getString(), 2);
    if (Head == "BEGIN" || llvm::StringRef(Head).starts_with("BEGIN ") ||
        Head == "START TRANSACTION")
      return SyncEdge::Acquire;
    if (llvm::StringRef(Head).starts_with("COMMIT") ||
        llvm::StringRef(Head).starts_with("ROLLBACK") ||
        llvm::StringRef(Head).starts_with("END"))
      return SyncEdge::Release;
    return SyncEdge::None;
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

} // namespace clang::tidy::modelguard::model
