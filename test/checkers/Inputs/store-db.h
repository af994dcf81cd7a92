// Declarations only: a store API in the shapes modelguard recognises.
// Free functions in namespace db, a repository class, a SQL session, an
// RAII transaction, and records.
#ifndef STORE_DB_H
#define STORE_DB_H

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

struct Context {
  std::string request_id;
};

class PersistentObject {};

namespace db {

using Values = std::map<std::string, std::string>;

struct Row {
  int64_t id = 0;
  uint64_t version = 0;
  int count = 0;
  std::string name;
  std::vector<std::string> tags;
  void assign(const std::string &column, const std::string &value);
};

// Reads and lookups.
std::optional<Row> row_get(Context &ctx, int64_t id);
std::optional<Row> row_get_by_id(Context &ctx, int64_t id);
std::optional<Row> row_get_by_name(Context &ctx, const std::string &name);
std::optional<Row> row_find(Context &ctx, const std::string &name);
bool row_exists(Context &ctx, const std::string &name);
int row_count(Context &ctx, const std::string &name);
bool rows_contains(Context &ctx, const std::string &name);
Row row_load(Context &ctx, int64_t id);
int counter_get(Context &ctx, const std::string &name);
void value_get(Context &ctx, const std::string &key, std::string *value);
std::vector<Row> rows_list(Context &ctx);

// Writes.
void row_save(Context &ctx, const Row &row);
void row_update(Context &ctx, int64_t id, const Values &values);
void counter_set(Context &ctx, const std::string &name, int value);
void value_put(Context &ctx, const std::string &key, const std::string &value);
bool row_compare_and_swap(Context &ctx, const Row &expected, const Row &desired);
bool row_save_versioned(Context &ctx, const Row &row, uint64_t expected_version);
bool row_save_checked(Context &ctx, const Row &row, uint64_t check);

// Inserts.
Row row_insert(Context &ctx, const Values &values);
Row row_create(Context &ctx, const Values &values);
Row row_upsert(Context &ctx, const Values &values);
Row row_merge(Context &ctx, const Values &values);
Row row_insert_or_ignore(Context &ctx, const Values &values);
Row row_get_or_create(Context &ctx, const Values &values);

// A transaction held for the lifetime of the object.
class Transaction {
public:
  explicit Transaction(Context &ctx);
  ~Transaction();
};

} // namespace db

// A SQL session: any call passed SQL text is a store call.
struct ResultRow {
  int as_int(int column) const;
  std::string as_text(int column) const;
};
class SqlSession {
public:
  ResultRow query(const std::string &sql);
  ResultRow query(const std::string &sql, int64_t id);
  ResultRow query(const std::string &sql, const std::string &key);
  void execute(const std::string &sql);
  void execute(const std::string &sql, int value, int64_t id);
  void execute(const std::string &sql, const std::string &text, int64_t id);
};

// A repository: member functions of a class ending in "Repository".
struct Invoice : PersistentObject {
  std::optional<int64_t> id;
  std::string number;
  std::string customer;
  int64_t id_ = -1;
  bool isNew() const;
  db::Values changes() const;
};

class InvoiceRepository {
public:
  std::optional<Invoice> find_by_number(const std::string &number);
  std::optional<Invoice> find_by_id(int64_t id);
  bool exists(const std::string &number);
  void insert(const Invoice &invoice);
  void upsert(const Invoice &invoice);
  void save(const Invoice &invoice);
};

#endif // STORE_DB_H
