//===--- SqlSchemaTest.cpp - modelguard -----------------------------------===//
//
// Unit tests of the SQL schema reader (checks/model/SqlSchema.h): the three
// dialects, migrations applied in order, and text it only partly
// understands or does not understand at all.
//
//===----------------------------------------------------------------------===//

#include "model/SqlSchema.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using clang::tidy::modelguard::model::looksLikeSchemaDdl;
using clang::tidy::modelguard::model::sqlStatementTable;
using clang::tidy::modelguard::model::SqlSchema;
using clang::tidy::modelguard::model::SqlTable;

namespace {

using Columns = std::vector<std::string>;

SqlSchema readSchema(llvm::StringRef Text) {
  SqlSchema Schema;
  Schema.read(Text, "schema.sql");
  return Schema;
}

/// The unique keys of \p Table as column lists, in declaration order.
std::vector<Columns> keysOf(const SqlTable *Table) {
  std::vector<Columns> Keys;
  if (Table)
    for (const auto &Key : Table->UniqueKeys)
      Keys.push_back(Key.Columns);
  return Keys;
}

std::vector<Columns> naturalKeysOf(const SqlTable *Table) {
  std::vector<Columns> Keys;
  if (Table)
    for (const auto *Key : Table->naturalKeys())
      Keys.push_back(Key->Columns);
  return Keys;
}

TEST(SqlSchemaTest, SqliteColumnAndTableConstraints) {
  SqlSchema Schema = readSchema(R"sql(
    PRAGMA foreign_keys = ON;
    CREATE TABLE IF NOT EXISTS users (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      username TEXT NOT NULL UNIQUE,
      email TEXT NOT NULL COLLATE NOCASE,
      failed_logins INTEGER NOT NULL DEFAULT 0,
      created_at TEXT DEFAULT (datetime('now')),
      UNIQUE (email)
    ) STRICT;
    CREATE TABLE sessions (
      token TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE
    ) WITHOUT ROWID;
  )sql");
  const SqlTable *Users = Schema.table("users");
  ASSERT_NE(Users, nullptr);
  EXPECT_TRUE(Users->isFullyKnown());
  EXPECT_EQ(Users->Columns,
            (Columns{"id", "username", "email", "failed_logins", "created_at"}));
  EXPECT_EQ(keysOf(Users), (std::vector<Columns>{{"id"}, {"username"}, {"email"}}));
  EXPECT_EQ(naturalKeysOf(Users), (std::vector<Columns>{{"username"}, {"email"}}));
  EXPECT_TRUE(Users->isUniqueOn({"username"}));
  EXPECT_FALSE(Users->isUniqueOn({"failed_logins"}));
  // A text primary key is natural; the referenced users(id) is not a key
  // of sessions.
  EXPECT_EQ(naturalKeysOf(Schema.table("sessions")), (std::vector<Columns>{{"token"}}));
  EXPECT_EQ(Schema.statementsRead(), 3u);
  EXPECT_EQ(Schema.statementsSkipped(), 1u); // the PRAGMA
}

TEST(SqlSchemaTest, SqliteIntegerPrimaryKeyIsTheRowid) {
  SqlSchema Schema = readSchema("create table t (id integer primary key, name text);");
  EXPECT_TRUE(Schema.table("t")->naturalKeys().empty());
  EXPECT_EQ(keysOf(Schema.table("t")), (std::vector<Columns>{{"id"}}));
}

TEST(SqlSchemaTest, PostgresDialect) {
  SqlSchema Schema = readSchema(R"sql(
    CREATE EXTENSION IF NOT EXISTS pgcrypto;
    CREATE TABLE public."Accounts" (
      id bigserial PRIMARY KEY,
      external_id uuid NOT NULL DEFAULT gen_random_uuid(),
      "Email" citext NOT NULL,
      tenant_id bigint NOT NULL,
      slug text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      CONSTRAINT accounts_tenant_slug_uq UNIQUE NULLS NOT DISTINCT (tenant_id, slug),
      CONSTRAINT slug_lower CHECK (slug = lower(slug))
    );
    CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx
      ON ONLY public."Accounts" USING btree (lower("Email") text_pattern_ops);
    CREATE INDEX accounts_tags ON "Accounts" USING gin (tags);
    CREATE UNIQUE INDEX accounts_ext ON "Accounts" (lower((external_id)::text));
    CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
    BEGIN
      NEW.updated_at := now(); -- CREATE TABLE in a body is not DDL here;
      RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
  )sql");
  const SqlTable *Accounts = Schema.table("accounts");
  ASSERT_NE(Accounts, nullptr);
  EXPECT_TRUE(Accounts->isFullyKnown());
  EXPECT_EQ(keysOf(Accounts),
            (std::vector<Columns>{{"id"}, {"tenant_id", "slug"}, {"email"}, {"external_id"}}));
  // A bigserial key and a key on a generated uuid are surrogates.
  EXPECT_EQ(naturalKeysOf(Accounts), (std::vector<Columns>{{"tenant_id", "slug"}, {"email"}}));
  EXPECT_TRUE(Accounts->isUniqueOn({"slug", "tenant_id", "name"}));
  EXPECT_FALSE(Accounts->isUniqueOn({"slug"}));
  EXPECT_EQ(Schema.table("public.Accounts"), Accounts);
  EXPECT_EQ(Schema.size(), 1u);
}

TEST(SqlSchemaTest, PostgresIdentityAndPartialIndex) {
  SqlSchema Schema = readSchema(R"sql(
    CREATE TABLE orders (
      order_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      request_id text NOT NULL,
      deleted_at timestamptz
    );
    CREATE UNIQUE INDEX orders_live_request ON orders (request_id) WHERE deleted_at IS NULL;
  )sql");
  const SqlTable *Orders = Schema.table("orders");
  ASSERT_NE(Orders, nullptr);
  ASSERT_EQ(Orders->UniqueKeys.size(), 2u);
  EXPECT_FALSE(Orders->isNaturalKey(Orders->UniqueKeys[0]));
  EXPECT_TRUE(Orders->UniqueKeys[1].IsPartial);
  EXPECT_EQ(Orders->UniqueKeys[1].Name, "orders_live_request");
}

TEST(SqlSchemaTest, MysqlDialect) {
  SqlSchema Schema = readSchema(R"sql(
    /*!40101 SET NAMES utf8mb4 */;
    DROP TABLE IF EXISTS `customers`;
    CREATE TABLE `customers` (
      `id` int unsigned NOT NULL AUTO_INCREMENT,
      `email` varchar(255) NOT NULL,
      `key` varchar(64) DEFAULT NULL,
      `name` varchar(255) NOT NULL COMMENT 'display name, UNIQUE per shop',
      `shop_id` int NOT NULL,
      PRIMARY KEY (`id`),
      UNIQUE KEY `uk_email` (`email`(191)),
      UNIQUE `uk_shop_key` (`shop_id`, `key`) USING BTREE,
      KEY `idx_name` (`name`),
      FULLTEXT KEY `ft_name` (`name`),
      CONSTRAINT `fk_shop` FOREIGN KEY (`shop_id`) REFERENCES `shops` (`id`)
    ) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4;
    # a comment in the MySQL style
    ALTER TABLE customers ADD UNIQUE INDEX uk_name (name), ADD COLUMN phone varchar(32) UNIQUE;
  )sql");
  const SqlTable *Customers = Schema.table("customers");
  ASSERT_NE(Customers, nullptr);
  EXPECT_TRUE(Customers->isFullyKnown());
  EXPECT_TRUE(Customers->hasColumn("key"));
  EXPECT_TRUE(Customers->hasColumn("phone"));
  EXPECT_EQ(keysOf(Customers),
            (std::vector<Columns>{
                {"id"}, {"email"}, {"shop_id", "key"}, {"name"}, {"phone"}}));
  EXPECT_EQ(Customers->UniqueKeys[1].Name, "uk_email");
  EXPECT_EQ(naturalKeysOf(Customers).size(), 4u);
}

TEST(SqlSchemaTest, MysqlDelimiterAndTriggers) {
  SqlSchema Schema = readSchema(R"sql(
    CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, event VARCHAR(64));
    DELIMITER //
    CREATE TRIGGER audit_bi BEFORE INSERT ON audit FOR EACH ROW
    BEGIN
      SET NEW.event = LOWER(NEW.event);
    END //
    DELIMITER ;
    CREATE UNIQUE INDEX audit_event ON audit (event);
  )sql");
  EXPECT_EQ(keysOf(Schema.table("audit")), (std::vector<Columns>{{"id"}, {"event"}}));
}

TEST(SqlSchemaTest, SqliteTriggerBodyDoesNotEndTheStatementEarly) {
  SqlSchema Schema = readSchema(R"sql(
    CREATE TABLE a (id INTEGER PRIMARY KEY, n TEXT);
    CREATE TRIGGER a_ai AFTER INSERT ON a BEGIN
      UPDATE a SET n = lower(n) WHERE id = NEW.id;
      CREATE TABLE not_a_table (x);
    END;
    CREATE UNIQUE INDEX a_n ON a(n);
  )sql");
  EXPECT_EQ(Schema.table("not_a_table"), nullptr);
  EXPECT_EQ(keysOf(Schema.table("a")), (std::vector<Columns>{{"id"}, {"n"}}));
}

TEST(SqlSchemaTest, MigrationsAppliedInOrder) {
  SqlSchema Schema;
  Schema.read("CREATE TABLE users (id SERIAL PRIMARY KEY, username TEXT UNIQUE, "
              "email TEXT);",
              "001_init.sql");
  Schema.read("ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE (email);",
              "002_email.sql");
  Schema.read("ALTER TABLE users DROP CONSTRAINT users_username_key;", "003.sql");
  Schema.read("ALTER TABLE users RENAME COLUMN email TO email_address;", "004.sql");
  Schema.read("ALTER TABLE users RENAME TO accounts;", "005.sql");
  EXPECT_EQ(Schema.table("users"), nullptr);
  const SqlTable *Accounts = Schema.table("accounts");
  ASSERT_NE(Accounts, nullptr);
  EXPECT_EQ(naturalKeysOf(Accounts), (std::vector<Columns>{{"email_address"}}));
  EXPECT_EQ(Accounts->Origin, "001_init.sql");

  Schema.read("DROP INDEX IF EXISTS users_email_uq; ALTER TABLE accounts DROP COLUMN "
              "email_address;",
              "006.sql");
  EXPECT_TRUE(Schema.table("accounts")->naturalKeys().empty());
  Schema.read("DROP TABLE accounts;", "007.sql");
  EXPECT_TRUE(Schema.empty());
}

TEST(SqlSchemaTest, IndexBeforeTableAndIfNotExists) {
  SqlSchema Schema;
  Schema.read("CREATE UNIQUE INDEX u_name ON users (name);", "a.sql");
  EXPECT_FALSE(Schema.table("users")->isFullyKnown());
  Schema.read("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "b.sql");
  EXPECT_TRUE(Schema.table("users")->isFullyKnown());
  EXPECT_TRUE(Schema.table("users")->isUniqueOn({"name"}));
  // IF NOT EXISTS leaves an existing table alone ...
  Schema.read("CREATE TABLE IF NOT EXISTS users (id INTEGER, nick TEXT UNIQUE);", "c.sql");
  EXPECT_FALSE(Schema.table("users")->hasColumn("nick"));
  // ... and a second definition without it replaces the first.
  Schema.read("CREATE TABLE users (id INTEGER, nick TEXT UNIQUE);", "d.sql");
  EXPECT_EQ(keysOf(Schema.table("users")), (std::vector<Columns>{{"nick"}}));
}

TEST(SqlSchemaTest, PartlyUnderstoodTables) {
  SqlSchema Schema = readSchema(R"sql(
    CREATE TABLE bookings (
      id serial PRIMARY KEY,
      room int NOT NULL,
      during tstzrange NOT NULL,
      EXCLUDE USING gist (room WITH =, during WITH &&)
    );
    CREATE TABLE bookings_archive (LIKE bookings INCLUDING ALL);
    CREATE TABLE stats AS SELECT room, count(*) FROM bookings GROUP BY room;
    ALTER TABLE rooms ADD CONSTRAINT rooms_code_uq UNIQUE USING INDEX rooms_code_idx;
    CREATE TABLE plain (id serial PRIMARY KEY, code text);
  )sql");
  EXPECT_FALSE(Schema.table("bookings")->isFullyKnown());
  EXPECT_TRUE(Schema.table("bookings")->Created);
  EXPECT_FALSE(Schema.table("bookings_archive")->isFullyKnown());
  EXPECT_FALSE(Schema.table("stats")->isFullyKnown());
  EXPECT_FALSE(Schema.table("rooms")->isFullyKnown());
  EXPECT_TRUE(Schema.table("plain")->isFullyKnown());
}

TEST(SqlSchemaTest, ColumnsNamedLikeKeywords) {
  SqlSchema Schema = readSchema(
      "CREATE TABLE kv (key TEXT NOT NULL, index INTEGER, value BLOB, UNIQUE(key));");
  const SqlTable *Kv = Schema.table("kv");
  EXPECT_EQ(Kv->Columns, (Columns{"key", "index", "value"}));
  EXPECT_EQ(keysOf(Kv), (std::vector<Columns>{{"key"}}));
}

TEST(SqlSchemaTest, CommentsAndStringsDoNotConfuseTheReader) {
  SqlSchema Schema = readSchema(R"sql(
    -- CREATE TABLE commented_out (x UNIQUE);
    /* CREATE TABLE also_commented (y UNIQUE); */
    CREATE TABLE notes (
      id INTEGER PRIMARY KEY,
      body TEXT DEFAULT 'it''s; UNIQUE (body)', -- not a constraint
      title TEXT DEFAULT E'a\'b;c'
    );
  )sql");
  EXPECT_EQ(Schema.table("commented_out"), nullptr);
  EXPECT_EQ(Schema.table("also_commented"), nullptr);
  EXPECT_EQ(Schema.table("notes")->Columns, (Columns{"id", "body", "title"}));
  EXPECT_TRUE(Schema.table("notes")->naturalKeys().empty());
}

TEST(SqlSchemaTest, MalformedTextIsSkippedNotFatal) {
  const char *Inputs[] = {"",
                          ";;;",
                          "CREATE",
                          "CREATE TABLE",
                          "CREATE TABLE t (",
                          "CREATE TABLE t (a int, UNIQUE (",
                          "CREATE TABLE t (a int, UNIQUE ())",
                          "CREATE UNIQUE INDEX ON",
                          "ALTER TABLE t ADD CONSTRAINT",
                          "ALTER TABLE t RENAME TO",
                          "DROP INDEX",
                          ")))(((",
                          "CREATE TABLE t (a int) ; ' unterminated",
                          "$tag$ never closed",
                          "DELIMITER",
                          "CREATE TABLE [unterminated"};
  for (const char *Input : Inputs) {
    SqlSchema Schema;
    Schema.read(Input, "bad.sql");
    for (const SqlTable *Table : Schema.tables())
      for (const auto &Key : Table->UniqueKeys)
        EXPECT_FALSE(Key.Columns.empty()) << Input;
  }
  SqlSchema Schema = readSchema("CREATE TABLE t (a int, UNIQUE ());");
  EXPECT_FALSE(Schema.table("t")->isFullyKnown());
}

TEST(SqlSchemaTest, TableForEntity) {
  SqlSchema Schema = readSchema("CREATE TABLE users (id int); CREATE TABLE categories (id int);"
                                "CREATE TABLE instance_actions_events (id int);"
                                "CREATE TABLE address (id int); CREATE TABLE boxes (id int);");
  EXPECT_EQ(Schema.tableForEntity("User")->Name, "users");
  EXPECT_EQ(Schema.tableForEntity("user")->Name, "users");
  EXPECT_EQ(Schema.tableForEntity("Category")->Name, "categories");
  EXPECT_EQ(Schema.tableForEntity("Address")->Name, "address");
  EXPECT_EQ(Schema.tableForEntity("Box")->Name, "boxes");
  EXPECT_EQ(Schema.tableForEntity("Users")->Name, "users");
  EXPECT_EQ(Schema.tableForEntity("InstanceAction"), nullptr);
  EXPECT_EQ(Schema.tableForEntity("Order"), nullptr);
}

TEST(SqlSchemaTest, StatementTable) {
  EXPECT_EQ(sqlStatementTable("INSERT INTO users (name) VALUES (?)"), "users");
  EXPECT_EQ(sqlStatementTable("insert or ignore into main.\"Users\" values (?)"), "users");
  EXPECT_EQ(sqlStatementTable("REPLACE INTO `kv` (k, v) VALUES (?, ?)"), "kv");
  EXPECT_EQ(sqlStatementTable("UPDATE ONLY accounts SET n = n + 1 WHERE id = $1"),
            "accounts");
  EXPECT_EQ(sqlStatementTable("DELETE FROM sessions WHERE token = :t"), "sessions");
  EXPECT_EQ(sqlStatementTable("SELECT count(*) FROM (SELECT 1 FROM a) x"), "");
  EXPECT_EQ(sqlStatementTable("SELECT id, (SELECT 1 FROM b) FROM users u WHERE u.name = ?"),
            "users");
  EXPECT_EQ(sqlStatementTable("WITH x AS (SELECT 1 FROM a) SELECT * FROM y"), "y");
  EXPECT_EQ(sqlStatementTable("BEGIN"), "");
  EXPECT_EQ(sqlStatementTable(""), "");
}

TEST(SqlSchemaTest, LooksLikeSchemaDdl) {
  EXPECT_TRUE(looksLikeSchemaDdl("CREATE TABLE IF NOT EXISTS t (a)"));
  EXPECT_TRUE(looksLikeSchemaDdl("\n  create unique index i on t(a)"));
  EXPECT_TRUE(looksLikeSchemaDdl("ALTER TABLE t ADD UNIQUE (a)"));
  EXPECT_TRUE(looksLikeSchemaDdl("CREATE TEMPORARY TABLE t (a)"));
  EXPECT_FALSE(looksLikeSchemaDdl("CREATE VIEW v AS SELECT 1"));
  EXPECT_FALSE(looksLikeSchemaDdl("SELECT * FROM t"));
  EXPECT_FALSE(looksLikeSchemaDdl("create"));
}

} // namespace
