//===--- ProfileSchema.cpp - modelguard ------------------------------------===//

#include "ProfileSchema.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace modelguard::profiles {

namespace {

namespace json = llvm::json;

struct KindSpelling {
  CallKind Kind;
  const char *Name;
};

constexpr KindSpelling KindSpellings[] = {
    {CallKind::Read, "read"},
    {CallKind::Lookup, "lookup"},
    {CallKind::LockingRead, "locking-read"},
    {CallKind::Write, "write"},
    {CallKind::Insert, "insert"},
    {CallKind::Upsert, "upsert"},
    {CallKind::CompareAndSwap, "compare-and-swap"},
    {CallKind::Execute, "execute"},
    {CallKind::Prepare, "prepare"},
    {CallKind::Bind, "bind"},
    {CallKind::Begin, "begin"},
    {CallKind::Commit, "commit"},
    {CallKind::Rollback, "rollback"},
    {CallKind::None, "none"},
};

/// Reads one document, remembering the first problem. After a problem the
/// reader keeps going on harmless defaults (the checks are built without
/// exceptions), and parseProfile discards what it read.
class ProfileReader {
public:
  std::string Problem;

  LibraryProfile readProfile(const json::Value &Root, llvm::StringRef ExpectedName);

private:
  void fail(const std::string &Message) {
    if (Problem.empty())
      Problem = Message;
  }
  void requireOnlyKeys(const json::Object &Object,
                       std::initializer_list<llvm::StringRef> Allowed,
                       const std::string &Where);
  std::string requireText(const json::Object &Object, llvm::StringRef Key,
                          const std::string &Where);
  std::string qualifiedName(llvm::StringRef Name, const std::string &Where);
  std::vector<std::string> nameList(const json::Object &Object, llvm::StringRef Key,
                                    const std::string &Where, bool Qualified,
                                    bool Required = false);
  std::optional<unsigned> argumentPosition(const json::Object &Object,
                                           llvm::StringRef Key,
                                           const std::string &Where);
  CallKind callKind(llvm::StringRef Name, const std::string &Where);
  ProfileCall readCall(const json::Value &Value, const std::string &Where);
  ProfileNullable readNullable(const json::Value &Value, const std::string &Where);
  template <typename Item, typename ReadItem>
  std::vector<Item> readArray(const json::Object &Document, llvm::StringRef Key,
                              ReadItem Read);
};

/// Keys a document or an object may have; anything else is a typo that
/// would silently drop knowledge, so it is refused.
void ProfileReader::requireOnlyKeys(const json::Object &Object,
                                    std::initializer_list<llvm::StringRef> Allowed,
                                    const std::string &Where) {
  for (const auto &Entry : Object)
    if (!llvm::is_contained(Allowed, llvm::StringRef(Entry.first)))
      fail(Where + "unknown key '" + Entry.first.str() + "'");
}

std::string ProfileReader::requireText(const json::Object &Object, llvm::StringRef Key,
                                       const std::string &Where) {
  const json::Value *Value = Object.get(Key);
  if (!Value) {
    fail(Where + "missing required key '" + Key.str() + "'");
    return "";
  }
  std::optional<llvm::StringRef> Text = Value->getAsString();
  if (!Text) {
    fail(Where + "key '" + Key.str() + "' must be a string");
    return "";
  }
  if (Text->trim().empty())
    fail(Where + "key '" + Key.str() + "' must not be empty");
  return Text->str();
}

/// "::ns::Name" -> "ns::Name", refusing anything that is not a fully
/// qualified C++ name: profiles never match by a word inside a name.
std::string ProfileReader::qualifiedName(llvm::StringRef Name, const std::string &Where) {
  if (!Name.starts_with("::")) {
    fail(Where + "'" + Name.str() + "' must be a fully qualified name starting with '::'");
    return "";
  }
  llvm::StringRef Rest = Name.drop_front(2);
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Rest.split(Parts, "::");
  for (llvm::StringRef Part : Parts) {
    bool Identifier = !Part.empty() && !llvm::isDigit(Part.front()) &&
                      llvm::all_of(Part, [](char C) { return llvm::isAlnum(C) || C == '_'; });
    if (!Identifier)
      fail(Where + "'" + Name.str() + "' is not a qualified C++ name");
  }
  return Rest.str();
}

std::vector<std::string> ProfileReader::nameList(const json::Object &Object,
                                                 llvm::StringRef Key,
                                                 const std::string &Where,
                                                 bool Qualified, bool Required) {
  std::vector<std::string> Names;
  const json::Value *Value = Object.get(Key);
  if (!Value) {
    if (Required)
      fail(Where + "missing required key '" + Key.str() + "'");
    return Names;
  }
  const json::Array *Array = Value->getAsArray();
  if (!Array) {
    fail(Where + "key '" + Key.str() + "' must be an array of strings");
    return Names;
  }
  for (size_t I = 0; I < Array->size(); ++I) {
    std::string ItemWhere = Where + Key.str() + "[" + std::to_string(I) + "]: ";
    std::optional<llvm::StringRef> Text = (*Array)[I].getAsString();
    if (!Text || Text->empty()) {
      fail(ItemWhere + "must be a non-empty string");
      continue;
    }
    Names.push_back(Qualified ? qualifiedName(*Text, ItemWhere) : Text->str());
  }
  if (Required && Names.empty())
    fail(Where + "key '" + Key.str() + "' must list at least one name");
  return Names;
}

std::optional<unsigned> ProfileReader::argumentPosition(const json::Object &Object,
                                                        llvm::StringRef Key,
                                                        const std::string &Where) {
  const json::Value *Value = Object.get(Key);
  if (!Value)
    return std::nullopt;
  std::optional<int64_t> Position = Value->getAsInteger();
  if (!Position || *Position < 0 || *Position > 32) {
    fail(Where + "key '" + Key.str() + "' must be an argument position from 0 to 32");
    return std::nullopt;
  }
  return static_cast<unsigned>(*Position);
}

CallKind ProfileReader::callKind(llvm::StringRef Name, const std::string &Where) {
  for (const KindSpelling &Spelling : KindSpellings)
    if (Name == Spelling.Name)
      return Spelling.Kind;
  std::string Known;
  for (const KindSpelling &Spelling : KindSpellings)
    Known += (Known.empty() ? "" : ", ") + std::string(Spelling.Name);
  fail(Where + "unknown kind '" + Name.str() + "' (" + Known + ")");
  return CallKind::None;
}

ProfileCall ProfileReader::readCall(const json::Value &Value, const std::string &Where) {
  ProfileCall Call;
  const json::Object *Object = Value.getAsObject();
  if (!Object) {
    fail(Where + "must be an object");
    return Call;
  }
  requireOnlyKeys(*Object, {"function", "does", "sql", "statement", "language"}, Where);
  Call.Function = qualifiedName(requireText(*Object, "function", Where), Where);
  Call.Kind = callKind(requireText(*Object, "does", Where), Where);
  Call.SqlArgument = argumentPosition(*Object, "sql", Where);
  Call.StatementArgument = argumentPosition(*Object, "statement", Where);
  bool TakesSql = Call.Kind == CallKind::Execute || Call.Kind == CallKind::Prepare;
  if (Call.SqlArgument && !TakesSql)
    fail(Where + "only 'execute' and 'prepare' calls take an 'sql' argument");
  if (Call.Kind == CallKind::Prepare && !Call.SqlArgument)
    fail(Where + "a 'prepare' call must say which argument is the SQL text ('sql')");
  if (const json::Value *Language = Object->get("language")) {
    std::optional<llvm::StringRef> Name = Language->getAsString();
    if (Name && *Name == "redis")
      Call.Language = CommandLanguage::Redis;
    else if (!Name || *Name != "sql")
      fail(Where + "key 'language' must be 'sql' or 'redis'");
    if (!TakesSql)
      fail(Where + "only 'execute' and 'prepare' calls have a 'language'");
  }
  bool OnStatement = TakesSql || Call.Kind == CallKind::Bind;
  if (Call.StatementArgument && !OnStatement)
    fail(Where + "only 'execute', 'prepare' and 'bind' calls take a 'statement' argument");
  return Call;
}

ProfileNullable ProfileReader::readNullable(const json::Value &Value,
                                            const std::string &Where) {
  ProfileNullable Nullable;
  const json::Object *Object = Value.getAsObject();
  if (!Object) {
    fail(Where + "must be an object");
    return Nullable;
  }
  requireOnlyKeys(*Object, {"template", "presence", "absence", "value", "valueOr"},
                  Where);
  Nullable.Template = qualifiedName(requireText(*Object, "template", Where), Where);
  Nullable.Presence = nameList(*Object, "presence", Where, /*Qualified=*/false);
  Nullable.Absence = nameList(*Object, "absence", Where, /*Qualified=*/false);
  Nullable.Value = nameList(*Object, "value", Where, /*Qualified=*/false);
  Nullable.ValueOr = nameList(*Object, "valueOr", Where, /*Qualified=*/false);
  // A wrapper tested only through operator bool or a comparison with
  // nullptr (oatpp's) lists no members; its value members say how it is
  // read.
  if (Nullable.Presence.empty() && Nullable.Absence.empty() && Nullable.Value.empty() &&
      Nullable.ValueOr.empty())
    fail(Where + "a nullable needs at least one of 'presence', 'absence', 'value' and "
                 "'valueOr'");
  return Nullable;
}

template <typename Item, typename ReadItem>
std::vector<Item> ProfileReader::readArray(const json::Object &Document,
                                           llvm::StringRef Key, ReadItem Read) {
  std::vector<Item> Items;
  const json::Value *Value = Document.get(Key);
  if (!Value)
    return Items;
  const json::Array *Array = Value->getAsArray();
  if (!Array) {
    fail("key '" + Key.str() + "' must be an array");
    return Items;
  }
  for (size_t I = 0; I < Array->size(); ++I)
    Items.push_back(
        (this->*Read)((*Array)[I], Key.str() + "[" + std::to_string(I) + "]: "));
  return Items;
}

bool isProfileName(llvm::StringRef Name) {
  return !Name.empty() && llvm::isLower(Name.front()) &&
         llvm::all_of(Name, [](char C) {
           return llvm::isLower(C) || llvm::isDigit(C) || C == '-';
         });
}

LibraryProfile ProfileReader::readProfile(const json::Value &Root,
                                          llvm::StringRef ExpectedName) {
  LibraryProfile Profile;
  const json::Object *Document = Root.getAsObject();
  if (!Document) {
    fail("a profile must be a JSON object");
    return Profile;
  }
  requireOnlyKeys(*Document,
                  {"name", "library", "versions", "documentation", "category",
                   "detect", "calls", "transactions", "records", "responses",
                   "responseFunctions", "nullables"},
                  "");
  Profile.Name = requireText(*Document, "name", "");
  if (!isProfileName(Profile.Name))
    fail("name '" + Profile.Name +
         "' must be lower case letters, digits and '-', starting with a letter");
  if (!ExpectedName.empty() && Profile.Name != ExpectedName)
    fail("name '" + Profile.Name + "' must match the file name ('" +
         ExpectedName.str() + "')");
  Profile.Library = requireText(*Document, "library", "");
  Profile.Versions = requireText(*Document, "versions", "");
  Profile.Documentation = requireText(*Document, "documentation", "");
  Profile.Category = requireText(*Document, "category", "");
  if (Profile.Category != "database" && Profile.Category != "web" &&
      Profile.Category != "nullable")
    fail("category must be database, web or nullable, not '" + Profile.Category + "'");
  Profile.Detect = nameList(*Document, "detect", "", /*Qualified=*/true,
                            /*Required=*/true);
  Profile.Calls = readArray<ProfileCall>(*Document, "calls", &ProfileReader::readCall);
  Profile.Transactions = nameList(*Document, "transactions", "", true);
  Profile.Records = nameList(*Document, "records", "", true);
  Profile.Responses = nameList(*Document, "responses", "", true);
  Profile.ResponseFunctions = nameList(*Document, "responseFunctions", "", true);
  Profile.Nullables =
      readArray<ProfileNullable>(*Document, "nullables", &ProfileReader::readNullable);

  llvm::StringSet<> Seen;
  for (const ProfileCall &Call : Profile.Calls)
    if (!Seen.insert(Call.Function).second)
      fail("function '::" + Call.Function + "' is listed twice in 'calls'");
  if (Profile.Calls.empty() && Profile.Transactions.empty() && Profile.Records.empty() &&
      Profile.Responses.empty() && Profile.ResponseFunctions.empty() &&
      Profile.Nullables.empty())
    fail("a profile must describe at least one call, transaction, response or nullable");
  return Profile;
}

} // namespace

llvm::StringRef callKindName(CallKind Kind) {
  for (const KindSpelling &Spelling : KindSpellings)
    if (Spelling.Kind == Kind)
      return Spelling.Name;
  return "none";
}

std::optional<LibraryProfile> parseProfile(llvm::StringRef Text,
                                           llvm::StringRef ExpectedName,
                                           std::string &Problem) {
  llvm::Expected<json::Value> Root = json::parse(Text);
  if (!Root) {
    Problem = "malformed JSON: " + llvm::toString(Root.takeError());
    return std::nullopt;
  }
  ProfileReader Reader;
  LibraryProfile Profile = Reader.readProfile(*Root, ExpectedName);
  if (!Reader.Problem.empty()) {
    Problem = Reader.Problem;
    return std::nullopt;
  }
  return Profile;
}

} // namespace modelguard::profiles
