//===--- SqlSchema.cpp - modelguard ----------------------------------------===//

#include "SqlSchema.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::modelguard::model {

namespace {

//===--- Tokens -----------------------------------------------------------===//

enum class TokenKind {
  Word,       // an identifier or keyword, unquoted
  Identifier, // a quoted identifier: "x", `x`, [x]
  Literal,    // a string or number
  Punct,      // one character: ( ) , . ; = and the rest
};

struct Token {
  TokenKind Kind;
  llvm::StringRef Text; // without quotes for identifiers
  /// Parenthesis depth inside the statement, before this token.
  unsigned Depth = 0;

  bool isWord(llvm::StringRef Keyword) const {
    return Kind == TokenKind::Word && Text.equals_insensitive(Keyword);
  }
  bool isPunct(char C) const {
    return Kind == TokenKind::Punct && Text.size() == 1 && Text[0] == C;
  }
  bool isName() const { return Kind == TokenKind::Word || Kind == TokenKind::Identifier; }
};

bool isWordChar(char C) {
  return llvm::isAlnum(C) || C == '_' || C == '$' || static_cast<unsigned char>(C) >= 0x80;
}

/// Splits SQL text into statements of tokens. Comments (--, #, /* */) are
/// dropped; string literals (with '' and backslash escapes, E'...', and
/// PostgreSQL's $tag$...$tag$) become one token; a MySQL `DELIMITER x`
/// line changes what ends a statement. Statements end at the delimiter
/// outside parentheses and outside BEGIN ... END blocks of triggers and
/// routines.
class Tokenizer {
public:
  explicit Tokenizer(llvm::StringRef Text) : Text(Text) {}

  /// The next statement's tokens; false at the end of the text.
  bool nextStatement(llvm::SmallVectorImpl<Token> &Tokens) {
    Tokens.clear();
    unsigned Depth = 0, Blocks = 0;
    bool IsRoutine = false;
    while (true) {
      skipSpaceAndComments();
      if (Pos >= Text.size())
        return !Tokens.empty();
      if (Tokens.empty() && startsDelimiterCommand())
        continue;
      if (Text.substr(Pos).starts_with(Delimiter)) {
        Pos += Delimiter.size();
        if (Depth == 0 && Blocks == 0) {
          if (!Tokens.empty())
            return true;
          continue;
        }
        Tokens.push_back({TokenKind::Punct, ";", Depth});
        continue;
      }
      Token T = lexOne();
      T.Depth = Depth;
      if (T.isPunct('('))
        ++Depth;
      else if (T.isPunct(')') && Depth > 0)
        --Depth;
      if (Tokens.size() < 4 && (T.isWord("TRIGGER") || T.isWord("FUNCTION") ||
                                T.isWord("PROCEDURE")))
        IsRoutine = true;
      if (IsRoutine && (T.isWord("BEGIN") || T.isWord("CASE")))
        ++Blocks;
      else if (IsRoutine && T.isWord("END") && Blocks > 0)
        --Blocks;
      Tokens.push_back(T);
    }
  }

private:
  void skipSpaceAndComments() {
    while (Pos < Text.size()) {
      char C = Text[Pos];
      if (llvm::isSpace(C)) {
        ++Pos;
      } else if (C == '-' && Text.substr(Pos).starts_with("--")) {
        skipLine();
      } else if (C == '#') {
        skipLine();
      } else if (C == '/' && Text.substr(Pos).starts_with("/*")) {
        size_t End = Text.find("*/", Pos + 2);
        Pos = End == llvm::StringRef::npos ? Text.size() : End + 2;
      } else {
        return;
      }
    }
  }

  void skipLine() {
    size_t End = Text.find('\n', Pos);
    Pos = End == llvm::StringRef::npos ? Text.size() : End + 1;
  }

  /// MySQL client scripts: `DELIMITER //` on its own line.
  bool startsDelimiterCommand() {
    llvm::StringRef Rest = Text.substr(Pos);
    if (!Rest.starts_with_insensitive("delimiter") || Rest.size() < 10 ||
        !llvm::isSpace(Rest[9]))
      return false;
    size_t LineEnd = Rest.find('\n');
    llvm::StringRef Value = Rest.substr(9, LineEnd == llvm::StringRef::npos
                                               ? llvm::StringRef::npos
                                               : LineEnd - 9)
                                .trim();
    Pos += LineEnd == llvm::StringRef::npos ? Rest.size() : LineEnd + 1;
    if (!Value.empty() && Value.size() <= 8) {
      DelimiterStorage = Value.str();
      Delimiter = DelimiterStorage;
    }
    return true;
  }

  Token lexOne() {
    char C = Text[Pos];
    size_t Start = Pos;
    if (C == '\'' || ((C == 'E' || C == 'e' || C == 'N' || C == 'n' || C == 'X' ||
                       C == 'x' || C == 'B' || C == 'b') &&
                      Pos + 1 < Text.size() && Text[Pos + 1] == '\'')) {
      // Only PostgreSQL's E'...' takes backslash escapes; a standard
      // string ending in a backslash ('C:\') must not swallow the rest.
      bool Escapes = C == 'E' || C == 'e';
      Pos += C == '\'' ? 0 : 1;
      skipQuoted('\'', Escapes);
      return {TokenKind::Literal, Text.slice(Start, Pos)};
    }
    if (C == '"' || C == '`') {
      skipQuoted(C, /*BackslashEscapes=*/false);
      return {TokenKind::Identifier, unquote(Text.slice(Start, Pos))};
    }
    if (C == '[') {
      size_t End = Text.find(']', Pos);
      Pos = End == llvm::StringRef::npos ? Text.size() : End + 1;
      return {TokenKind::Identifier, unquote(Text.slice(Start, Pos))};
    }
    if (C == '$')
      if (std::optional<Token> Dollar = lexDollarQuoted())
        return *Dollar;
    if (llvm::isDigit(C)) {
      while (Pos < Text.size() && (llvm::isAlnum(Text[Pos]) || Text[Pos] == '.'))
        ++Pos;
      return {TokenKind::Literal, Text.slice(Start, Pos)};
    }
    if (isWordChar(C)) {
      while (Pos < Text.size() && isWordChar(Text[Pos]))
        ++Pos;
      return {TokenKind::Word, Text.slice(Start, Pos)};
    }
    ++Pos;
    return {TokenKind::Punct, Text.slice(Start, Pos)};
  }

  void skipQuoted(char Quote, bool BackslashEscapes) {
    ++Pos; // the opening quote
    while (Pos < Text.size()) {
      char C = Text[Pos++];
      if (BackslashEscapes && C == '\\' && Pos < Text.size()) {
        ++Pos;
      } else if (C == Quote) {
        if (Pos < Text.size() && Text[Pos] == Quote)
          ++Pos; // a doubled quote stands for itself
        else
          return;
      }
    }
  }

  /// $$...$$ or $tag$...$tag$ (PostgreSQL function bodies).
  std::optional<Token> lexDollarQuoted() {
    size_t TagEnd = Pos + 1;
    while (TagEnd < Text.size() && (llvm::isAlnum(Text[TagEnd]) || Text[TagEnd] == '_'))
      ++TagEnd;
    if (TagEnd >= Text.size() || Text[TagEnd] != '$')
      return std::nullopt;
    llvm::StringRef Tag = Text.slice(Pos, TagEnd + 1);
    size_t Start = Pos;
    size_t End = Text.find(Tag, TagEnd + 1);
    Pos = End == llvm::StringRef::npos ? Text.size() : End + Tag.size();
    return Token{TokenKind::Literal, Text.slice(Start, Pos)};
  }

  static llvm::StringRef unquote(llvm::StringRef Quoted) {
    if (Quoted.size() >= 2)
      return Quoted.drop_front().drop_back();
    return Quoted.drop_front();
  }

  llvm::StringRef Text;
  size_t Pos = 0;
  std::string DelimiterStorage;
  llvm::StringRef Delimiter = ";";
};

std::string lowerName(const Token &T) { return T.Text.lower(); }

/// Words inside a key's column list that are not columns: orderings,
/// collations, NULLS FIRST.
bool isKeyItemKeyword(const Token &T) {
  static const char *const Words[] = {"ASC", "DESC", "COLLATE", "NULLS", "FIRST", "LAST"};
  return T.Kind == TokenKind::Word &&
         llvm::any_of(Words, [&](const char *W) { return T.isWord(W); });
}

} // namespace

//===--- Statement reader ---------------------------------------------------===//

/// Applies one statement's tokens to a schema. Every read is bounds-checked;
/// a statement that does not have the expected shape is left alone.
class SqlStatementReader {
public:
  SqlStatementReader(SqlSchema &Schema, llvm::ArrayRef<Token> Tokens,
                     llvm::StringRef Origin)
      : Schema(Schema), T(Tokens), Origin(Origin) {}

  /// False when the statement was not a schema statement the reader
  /// understood.
  bool apply() {
    if (accept("CREATE"))
      return create();
    if (accept("ALTER"))
      return accept("TABLE") && alterTable();
    if (accept("DROP"))
      return drop();
    return false;
  }

private:
  //===--- Cursor ---------------------------------------------------------===//

  bool atEnd() const { return I >= T.size(); }
  const Token &peek(size_t Ahead = 0) const {
    static const Token None{TokenKind::Punct, ""};
    return I + Ahead < T.size() ? T[I + Ahead] : None;
  }
  bool accept(llvm::StringRef Keyword) {
    if (!atEnd() && T[I].isWord(Keyword)) {
      ++I;
      return true;
    }
    return false;
  }
  bool acceptPunct(char C) {
    if (!atEnd() && T[I].isPunct(C)) {
      ++I;
      return true;
    }
    return false;
  }
  void acceptIfNotExists() {
    if (peek().isWord("IF") && peek(1).isWord("NOT") && peek(2).isWord("EXISTS"))
      I += 3;
  }
  void acceptIfExists() {
    if (peek().isWord("IF") && peek(1).isWord("EXISTS"))
      I += 2;
  }

  /// A possibly qualified name (`schema.table`, `"Users"`), its last part
  /// lower case; empty when there is no name here.
  std::string qualifiedName() {
    if (atEnd() || !T[I].isName())
      return {};
    std::string Name = lowerName(T[I++]);
    while (peek().isPunct('.') && peek(1).isName()) {
      Name = lowerName(T[I + 1]);
      I += 2;
    }
    return Name;
  }

  /// Index of the next ',' or ')' at \p Depth from I, or the end.
  size_t elementEnd(unsigned Depth) const {
    size_t J = I;
    while (J < T.size() && !((T[J].isPunct(',') || T[J].isPunct(')')) && T[J].Depth == Depth))
      ++J;
    return J;
  }

  //===--- Statements -----------------------------------------------------===//

  bool create() {
    if (accept("OR"))
      accept("REPLACE");
    bool Unique = false;
    for (bool Progress = true; Progress;) {
      Progress = accept("TEMP") || accept("TEMPORARY") || accept("UNLOGGED") ||
                 accept("GLOBAL") || accept("LOCAL");
      if (accept("UNIQUE")) {
        Unique = true;
        Progress = true;
      }
    }
    if (accept("TABLE"))
      return !Unique && createTable();
    if (Unique && accept("INDEX"))
      return createUniqueIndex();
    return false;
  }

  bool createTable() {
    bool IfNotExists = peek().isWord("IF");
    acceptIfNotExists();
    std::string Name = qualifiedName();
    if (Name.empty())
      return false;
    if (IfNotExists && Schema.table(Name) && Schema.table(Name)->Created)
      return true; // Already there: the statement does nothing.
    if (const SqlTable *Existing = Schema.table(Name); Existing && Existing->Created)
      Schema.dropTable(Name); // Defined again: the new definition replaces it.
    SqlTable &Table = Schema.tableNamed(Name);
    Table.Created = true;
    Table.Origin = Origin.str();
    unsigned Depth = peek().Depth;
    if (!acceptPunct('(')) {
      // CREATE TABLE t AS SELECT ..., CREATE TABLE t PARTITION OF p ...
      Table.FullyUnderstood = false;
      return false;
    }
    while (!atEnd() && !(peek().isPunct(')') && peek().Depth == Depth + 1)) {
      size_t End = elementEnd(Depth + 1);
      tableElement(Table, End);
      I = End;
      acceptPunct(',');
    }
    return true;
  }

  /// One element of CREATE TABLE's list, tokens [I, End).
  void tableElement(SqlTable &Table, size_t End) {
    std::string ConstraintName;
    if (accept("CONSTRAINT")) {
      if (!peek().isWord("PRIMARY") && !peek().isWord("UNIQUE") && !peek().isWord("CHECK") &&
          !peek().isWord("FOREIGN") && !peek().isWord("EXCLUDE"))
        ConstraintName = qualifiedName();
    }
    if (I >= End)
      return;
    if (tableConstraint(Table, ConstraintName, End))
      return;
    if (peek().isWord("LIKE") || peek().isWord("EXCLUDE") || peek().isWord("PERIOD")) {
      Table.FullyUnderstood = false;
      return;
    }
    columnDefinition(Table, End);
  }

  /// PRIMARY KEY (...), UNIQUE [KEY|INDEX] [name] (...), and the table
  /// constraints that do not make anything unique. False when the tokens
  /// at I are not a table constraint.
  bool tableConstraint(SqlTable &Table, llvm::StringRef ConstraintName, size_t End) {
    if (peek().isWord("PRIMARY") && peek(1).isWord("KEY")) {
      I += 2;
      addKeyFromList(Table, ConstraintName, /*Primary=*/true, End);
      return true;
    }
    if (peek().isWord("UNIQUE") && !peek(1).isPunct(',') && !peek(1).isPunct(')')) {
      // A table constraint has a column list; a column named "unique" does
      // not start one.
      ++I;
      std::string Name = ConstraintName.str();
      if (accept("KEY") || accept("INDEX")) {
        if (!peek().isPunct('('))
          Name = qualifiedName();
      } else if (!peek().isPunct('(') && !peek().isWord("NULLS") && peek().isName()) {
        Name = qualifiedName(); // MySQL: UNIQUE name (...)
      }
      addKeyFromList(Table, Name, /*Primary=*/false, End);
      return true;
    }
    // Constraints and indexes that do not make anything unique.
    if (peek().isWord("KEY") || peek().isWord("INDEX"))
      return isIndexDefinition();
    static const char *const Ignored[] = {"FOREIGN", "CHECK", "FULLTEXT", "SPATIAL"};
    return llvm::any_of(Ignored, [&](const char *W) { return peek().isWord(W); }) &&
           (peek(1).isPunct('(') || peek(1).isName());
  }

  /// At KEY or INDEX in a table's list: a MySQL index definition
  /// (`KEY k (a)`, `INDEX (a)`, `KEY k USING BTREE (a)`) rather than a
  /// column named "key" (`key VARCHAR(64)`, whose parentheses hold a size).
  bool isIndexDefinition() const {
    if (peek(1).isPunct('('))
      return true;
    if (!peek(1).isName())
      return false;
    if (peek(2).isWord("USING"))
      return true;
    return peek(2).isPunct('(') && peek(3).Kind != TokenKind::Literal;
  }

  /// `name type [constraints]`: the column, and the key its PRIMARY KEY or
  /// UNIQUE makes.
  void columnDefinition(SqlTable &Table, size_t End) {
    if (!peek().isName())
      return;
    std::string Column = lowerName(T[I++]);
    unsigned Depth = I < End ? T[I].Depth : 0;
    addColumn(Table, Column);
    bool Generated = false, Primary = false, Unique = false, IntegerType = false;
    std::string ConstraintName;
    bool FirstWord = true;
    for (; I < End; ++I) {
      const Token &Tok = T[I];
      if (Tok.Depth != Depth) {
        // DEFAULT nextval('seq'), DEFAULT (uuid()), CHECK (...): look for
        // generator functions inside.
        if (isGeneratorFunction(Tok))
          Generated = true;
        continue;
      }
      if (FirstWord && Tok.Kind == TokenKind::Word) {
        IntegerType = Tok.isWord("INTEGER");
        if (Tok.isWord("SERIAL") || Tok.isWord("BIGSERIAL") || Tok.isWord("SMALLSERIAL") ||
            Tok.isWord("SERIAL4") || Tok.isWord("SERIAL8"))
          Generated = true;
      }
      FirstWord = false;
      if (Tok.isWord("CONSTRAINT") && I + 1 < End && T[I + 1].isName()) {
        ConstraintName = lowerName(T[++I]);
      } else if (Tok.isWord("PRIMARY") && I + 1 < End && T[I + 1].isWord("KEY")) {
        Primary = true;
        ++I;
      } else if (Tok.isWord("UNIQUE")) {
        Unique = true;
      } else if (Tok.isWord("AUTO_INCREMENT") || Tok.isWord("AUTOINCREMENT") ||
                 Tok.isWord("IDENTITY") || isGeneratorFunction(Tok)) {
        Generated = true;
      } else if (Tok.isWord("REFERENCES")) {
        // The referenced table's column list is not this column's.
        ++I;
        qualifiedNameAt(End);
      }
    }
    // SQLite: a column of type INTEGER PRIMARY KEY is the rowid.
    if (Primary && IntegerType)
      Generated = true;
    if (Generated)
      Table.GeneratedColumns.push_back(Column);
    if (Primary || Unique) {
      SqlUniqueKey Key;
      Key.Columns.push_back(Column);
      Key.IsPrimary = Primary;
      Key.Name = ConstraintName.empty() ? defaultKeyName(Table.Name, Key) : ConstraintName;
      addKey(Table, std::move(Key));
    }
  }

  void qualifiedNameAt(size_t End) {
    while (I < End && (T[I].isName() || T[I].isPunct('.')))
      ++I;
    --I;
  }

  static bool isGeneratorFunction(const Token &Tok) {
    return Tok.isWord("nextval") || Tok.isWord("gen_random_uuid") ||
           Tok.isWord("uuid_generate_v4") || Tok.isWord("uuid_generate_v1") ||
           Tok.isWord("uuid") || Tok.isWord("uuid_short") || Tok.isWord("newid");
  }

  /// `(col [ASC|DESC] [COLLATE x] [(len)], ...)` at I, then a partial
  /// index's WHERE before \p End: the key's columns.
  bool keyColumns(SqlUniqueKey &Key, size_t End) {
    accept("NULLS");
    accept("NOT");
    accept("DISTINCT");
    // The index method: MySQL's UNIQUE KEY k USING BTREE (...),
    // PostgreSQL's ON t USING btree (...).
    if (accept("USING") && peek().isName())
      ++I;
    unsigned Depth = peek().Depth;
    if (!acceptPunct('('))
      return false;
    bool AtItemStart = true;
    while (I < End && !(T[I].isPunct(')') && T[I].Depth == Depth + 1)) {
      const Token &Tok = T[I];
      // MySQL's prefix length: name(20).
      bool PrefixLength = I + 2 < End && T[I + 1].isPunct('(') &&
                          T[I + 2].Kind == TokenKind::Literal;
      bool Call = I + 1 < End && T[I + 1].isPunct('(') && !PrefixLength;
      if (Tok.isPunct(',') && Tok.Depth == Depth + 1) {
        AtItemStart = true;
      } else if (Tok.isName() && (AtItemStart || Tok.Depth > Depth + 1) && !Call &&
                 !isKeyItemKeyword(Tok) && !T[I - 1].isPunct(':')) {
        // (Not a type in a cast: lower((email)::text).)
        // A column, or a column inside an expression (lower(email)).
        std::string Column = lowerName(Tok);
        if (!llvm::is_contained(Key.Columns, Column))
          Key.Columns.push_back(std::move(Column));
        AtItemStart = false;
      } else if (Tok.isName() && AtItemStart) {
        AtItemStart = false; // a function: its arguments are columns
      }
      ++I;
    }
    acceptPunct(')');
    for (size_t J = I; J < End; ++J)
      if (T[J].isWord("WHERE") && T[J].Depth == Depth)
        Key.IsPartial = true;
    return !Key.Columns.empty();
  }

  void addKeyFromList(SqlTable &Table, llvm::StringRef Name, bool Primary, size_t End) {
    SqlUniqueKey Key;
    Key.IsPrimary = Primary;
    if (!keyColumns(Key, End)) {
      Table.FullyUnderstood = false;
      return;
    }
    Key.Name = Name.empty() ? defaultKeyName(Table.Name, Key) : Name.str();
    addKey(Table, std::move(Key));
  }

  bool createUniqueIndex() {
    accept("CONCURRENTLY");
    acceptIfNotExists();
    std::string IndexName;
    if (!peek().isWord("ON"))
      IndexName = qualifiedName();
    if (accept("USING") && peek().isName())
      ++I; // MySQL: CREATE UNIQUE INDEX i USING BTREE ON t (...)
    if (!accept("ON"))
      return false;
    accept("ONLY");
    std::string TableName = qualifiedName();
    if (TableName.empty())
      return false;
    SqlTable &Table = Schema.tableNamed(TableName);
    SqlUniqueKey Key;
    if (!keyColumns(Key, T.size())) {
      Table.FullyUnderstood = false;
      return false;
    }
    Key.Name = IndexName.empty() ? defaultKeyName(Table.Name, Key) : IndexName;
    addKey(Table, std::move(Key));
    return true;
  }

  /// ALTER TABLE t action, action, ...
  bool alterTable() {
    acceptIfExists();
    accept("ONLY");
    std::string Name = qualifiedName();
    if (Name.empty())
      return false;
    accept("*"); // ALTER TABLE t* (descendants)
    if (peek().isWord("RENAME") && peek(1).isWord("TO")) {
      I += 2;
      std::string NewName = qualifiedName();
      if (!NewName.empty() && Schema.table(Name))
        renameTable(Name, NewName);
      return true;
    }
    SqlTable &Table = Schema.tableNamed(Name);
    bool Understood = true;
    while (!atEnd()) {
      size_t End = elementEnd(0);
      if (!alterAction(Table, End))
        Understood = false;
      I = End;
      if (!acceptPunct(','))
        break;
    }
    return Understood;
  }

  bool alterAction(SqlTable &Table, size_t End) {
    if (accept("ADD")) {
      std::string ConstraintName;
      if (accept("CONSTRAINT") && !peek().isWord("PRIMARY") && !peek().isWord("UNIQUE"))
        ConstraintName = qualifiedName();
      if (peek().isWord("UNIQUE") && (peek(1).isWord("USING") && peek(2).isWord("INDEX"))) {
        // PostgreSQL: ADD CONSTRAINT c UNIQUE USING INDEX i: the index's
        // columns are elsewhere.
        Table.FullyUnderstood = false;
        return false;
      }
      if (tableConstraint(Table, ConstraintName, End))
        return true;
      if (peek().isWord("EXCLUDE")) {
        Table.FullyUnderstood = false;
        return false;
      }
      accept("COLUMN");
      acceptIfNotExists();
      columnDefinition(Table, End);
      return true;
    }
    if (accept("DROP")) {
      if (peek().isWord("PRIMARY") && peek(1).isWord("KEY")) {
        llvm::erase_if(Table.UniqueKeys, [](const SqlUniqueKey &K) { return K.IsPrimary; });
        return true;
      }
      if (accept("CONSTRAINT") || accept("INDEX") || accept("KEY")) {
        acceptIfExists();
        std::string Name = qualifiedName();
        llvm::erase_if(Table.UniqueKeys,
                       [&](const SqlUniqueKey &K) { return K.Name == Name; });
        return true;
      }
      accept("COLUMN");
      acceptIfExists();
      std::string Column = qualifiedName();
      llvm::erase(Table.Columns, Column);
      llvm::erase(Table.GeneratedColumns, Column);
      llvm::erase_if(Table.UniqueKeys, [&](const SqlUniqueKey &K) {
        return llvm::is_contained(K.Columns, Column);
      });
      return true;
    }
    if (accept("RENAME")) {
      accept("COLUMN");
      if (accept("CONSTRAINT") || accept("INDEX") || accept("KEY"))
        return true; // Names of keys are only used to drop them.
      std::string From = qualifiedName();
      if (!accept("TO"))
        return false;
      std::string To = qualifiedName();
      renameColumn(Table, From, To);
      return true;
    }
    // ALTER COLUMN, OWNER TO, SET ..., ENABLE ...: nothing about keys.
    return true;
  }

  bool drop() {
    bool IsTable = accept("TABLE");
    if (!IsTable && !accept("INDEX"))
      return false;
    accept("CONCURRENTLY");
    acceptIfExists();
    while (!atEnd()) {
      std::string Name = qualifiedName();
      if (Name.empty())
        break;
      if (IsTable) {
        Schema.dropTable(Name);
      } else {
        for (SqlTable &Table : Schema.Tables)
          llvm::erase_if(Table.UniqueKeys, [&](const SqlUniqueKey &K) {
            return !K.IsPrimary && K.Name == Name;
          });
      }
      if (!acceptPunct(','))
        break;
    }
    return true;
  }

  //===--- Schema updates -------------------------------------------------===//

  static void addColumn(SqlTable &Table, const std::string &Column) {
    if (!llvm::is_contained(Table.Columns, Column))
      Table.Columns.push_back(Column);
  }

  static void addKey(SqlTable &Table, SqlUniqueKey Key) {
    for (const SqlUniqueKey &Existing : Table.UniqueKeys)
      if (Existing.Columns == Key.Columns && Existing.IsPartial == Key.IsPartial)
        return;
    Table.UniqueKeys.push_back(std::move(Key));
  }

  /// PostgreSQL's names for unnamed constraints, which migrations drop by
  /// name: t_pkey, t_a_b_key.
  static std::string defaultKeyName(llvm::StringRef Table, const SqlUniqueKey &Key) {
    if (Key.IsPrimary)
      return (Table + "_pkey").str();
    std::string Name = Table.str();
    for (const std::string &Column : Key.Columns)
      Name += "_" + Column;
    return Name + "_key";
  }

  void renameTable(llvm::StringRef From, llvm::StringRef To) {
    SqlTable Moved = *Schema.table(From);
    Schema.dropTable(From);
    Schema.dropTable(To);
    Moved.Name = To.str();
    Schema.tableNamed(To) = std::move(Moved);
  }

  static void renameColumn(SqlTable &Table, llvm::StringRef From, llvm::StringRef To) {
    auto Rename = [&](std::vector<std::string> &Names) {
      for (std::string &Name : Names)
        if (Name == From)
          Name = To.str();
    };
    Rename(Table.Columns);
    Rename(Table.GeneratedColumns);
    for (SqlUniqueKey &Key : Table.UniqueKeys)
      Rename(Key.Columns);
  }

  SqlSchema &Schema;
  llvm::ArrayRef<Token> T;
  llvm::StringRef Origin;
  size_t I = 0;
};

//===--- SqlSchema ------------------------------------------------------------===//

std::string SqlUniqueKey::spelling() const {
  std::string Text = "'";
  for (size_t K = 0; K < Columns.size(); ++K)
    Text += (K ? ", " : "") + Columns[K];
  return Text + "'";
}

bool SqlTable::isUniqueOn(llvm::ArrayRef<std::string> Wanted) const {
  return llvm::any_of(UniqueKeys, [&](const SqlUniqueKey &Key) {
    return !Key.Columns.empty() && llvm::all_of(Key.Columns, [&](const std::string &C) {
      return llvm::is_contained(Wanted, C);
    });
  });
}

bool SqlTable::isNaturalKey(const SqlUniqueKey &Key) const {
  return llvm::any_of(Key.Columns, [&](const std::string &C) {
    return !llvm::is_contained(GeneratedColumns, C);
  });
}

std::vector<const SqlUniqueKey *> SqlTable::naturalKeys() const {
  std::vector<const SqlUniqueKey *> Keys;
  for (const SqlUniqueKey &Key : UniqueKeys)
    if (isNaturalKey(Key))
      Keys.push_back(&Key);
  return Keys;
}

bool SqlTable::hasColumn(llvm::StringRef Column) const {
  return llvm::is_contained(Columns, Column.lower());
}

void SqlSchema::read(llvm::StringRef Text, llvm::StringRef Origin) {
  Tokenizer Lexer(Text);
  llvm::SmallVector<Token, 64> Tokens;
  while (Lexer.nextStatement(Tokens)) {
    ++StatementsRead;
    if (!SqlStatementReader(*this, Tokens, Origin).apply())
      ++StatementsSkipped;
  }
}

SqlTable &SqlSchema::tableNamed(llvm::StringRef Name) {
  std::string Key = Name.lower();
  auto [It, Inserted] = Index.try_emplace(Key, Tables.size());
  if (Inserted) {
    Tables.emplace_back();
    Tables.back().Name = Key;
  }
  return Tables[It->second];
}

void SqlSchema::dropTable(llvm::StringRef Name) {
  auto It = Index.find(Name.lower());
  if (It == Index.end())
    return;
  size_t Removed = It->second;
  Index.erase(It);
  Tables.erase(Tables.begin() + Removed);
  for (auto &Entry : Index)
    if (Entry.second > Removed)
      --Entry.second;
}

const SqlTable *SqlSchema::table(llvm::StringRef Name) const {
  Name = Name.trim().trim("\"`[]");
  Name = Name.rsplit('.').second.empty() ? Name : Name.rsplit('.').second;
  auto It = Index.find(Name.lower());
  return It == Index.end() ? nullptr : &Tables[It->second];
}

const SqlTable *SqlSchema::tableForEntity(llvm::StringRef EntityName) const {
  // "InstanceAction" -> instance_action; "userAccount" -> user_account.
  std::string Snake;
  for (size_t K = 0; K < EntityName.size(); ++K) {
    char C = EntityName[K];
    if (llvm::isUpper(C) && K > 0 && !Snake.empty() && Snake.back() != '_' &&
        (llvm::isLower(EntityName[K - 1]) ||
         (K + 1 < EntityName.size() && llvm::isLower(EntityName[K + 1]))))
      Snake += '_';
    Snake += llvm::toLower(C);
  }
  llvm::StringRef Base(Snake);
  Base = Base.trim('_');
  if (Base.empty())
    return nullptr;
  llvm::SmallVector<std::string, 6> Candidates = {Base.str(), (Base + "s").str(),
                                                  (Base + "es").str()};
  if (Base.ends_with("y"))
    Candidates.push_back((Base.drop_back() + "ies").str());
  if (Base.ends_with("s"))
    Candidates.push_back(Base.drop_back().str());
  for (const std::string &Candidate : Candidates)
    if (const SqlTable *Found = table(Candidate))
      return Found;
  return nullptr;
}

std::vector<const SqlTable *> SqlSchema::tables() const {
  std::vector<const SqlTable *> All;
  for (const SqlTable &Table : Tables)
    All.push_back(&Table);
  return All;
}

//===--- Data statements --------------------------------------------------===//

std::string sqlStatementTable(llvm::StringRef Sql) {
  Tokenizer Lexer(Sql);
  llvm::SmallVector<Token, 64> Tokens;
  if (!Lexer.nextStatement(Tokens) || Tokens.empty())
    return {};
  auto NameAfter = [&](size_t K) -> std::string {
    std::string Name;
    while (K < Tokens.size() && Tokens[K].isName()) {
      Name = Tokens[K].Text.lower();
      if (K + 2 < Tokens.size() && Tokens[K + 1].isPunct('.'))
        K += 2;
      else
        break;
    }
    return Name;
  };
  const Token &First = Tokens[0];
  for (size_t K = 1; K < Tokens.size(); ++K) {
    const Token &Tok = Tokens[K];
    if (Tok.Depth != 0)
      continue;
    bool Insert = First.isWord("INSERT") || First.isWord("REPLACE");
    if (Insert && Tok.isWord("INTO"))
      return NameAfter(K + 1);
    if (First.isWord("UPDATE") && K == 1)
      return NameAfter(Tok.isWord("ONLY") ? K + 1 : K);
    if ((First.isWord("DELETE") || First.isWord("SELECT") || First.isWord("WITH")) &&
        Tok.isWord("FROM"))
      return NameAfter(K + 1);
  }
  return {};
}

bool looksLikeSchemaDdl(llvm::StringRef Sql) {
  Sql = Sql.ltrim();
  if (Sql.size() < 12)
    return false;
  if (Sql.starts_with_insensitive("alter") )
    return Sql.drop_front(5).ltrim().starts_with_insensitive("table");
  if (!Sql.starts_with_insensitive("create"))
    return false;
  llvm::StringRef Rest = Sql.drop_front(6).ltrim();
  for (llvm::StringRef Skip : {"temporary", "temp", "unique"})
    if (Rest.starts_with_insensitive(Skip))
      Rest = Rest.drop_front(Skip.size()).ltrim();
  return Rest.starts_with_insensitive("table") || Rest.starts_with_insensitive("index");
}

} // namespace clang::tidy::modelguard::model
