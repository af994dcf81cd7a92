// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql
// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt6 -I/usr/include/x86_64-linux-gnu/qt6/QtCore -I/usr/include/x86_64-linux-gnu/qt6/QtSql
// REQUIRES: qt5-sql-headers, qt6-sql-headers
// Qt SQL 5 and 6 against the installed headers (qtbase5-dev, qt6-base-dev),
// in the idioms of the QSqlQuery and QSqlDatabase documentation: prepare(),
// bindValue(), exec(); QSqlDatabase::transaction() ... commit().
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QVariant>

#include <optional>
#include <stdexcept>

struct [[clang::annotate("modelguard::record")]] Item {
  std::optional<qlonglong> id;
  QString sku;
};

// --- unlocked-read-modify-write ------------------------------------------------

void takeFromStock(QSqlDatabase &db, int itemId) {
  QSqlQuery query(db);
  query.prepare("SELECT stock FROM items WHERE id = :id");
  query.bindValue(":id", itemId);
  if (!query.exec() || !query.next())
    return;
  int stock = query.value(0).toInt();
  stock -= 1;
  QSqlQuery update(db);
  update.prepare("UPDATE items SET stock = :stock WHERE id = :id");
  update.bindValue(":stock", stock);
  update.bindValue(":id", itemId);
  update.exec();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stock' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// One QSqlQuery prepared twice: exec() runs the text prepared last.
void takeFromStockReusingQuery(QSqlDatabase &db, int itemId) {
  QSqlQuery query(db);
  query.prepare("SELECT stock FROM items WHERE id = ?");
  query.addBindValue(itemId);
  query.exec();
  query.next();
  int stock = query.value(0).toInt();
  --stock;
  query.prepare("UPDATE items SET stock = ? WHERE id = ?");
  query.addBindValue(stock);
  query.addBindValue(itemId);
  query.exec();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stock' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- create-without-uniqueness --------------------------------------------------

void createItem(QSqlDatabase &db, Item &item) {
  if (item.id)
    throw std::logic_error("item already created");
  QSqlQuery insert(db);
  insert.prepare("INSERT INTO items (sku) VALUES (:sku)");
  insert.bindValue(":sku", item.sku);
  insert.exec();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SQL INSERT' inserts a new 'Item' guarded only by an identity test{{.*}} [modelguard-create-without-uniqueness]
  item.id = insert.lastInsertId().toLongLong();
}

// --- Not reported: the library's correct idioms ---------------------------------

// QSqlDatabase::transaction() before the read, commit() after the write.
void takeFromStockInTransaction(QSqlDatabase &db, int itemId) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT stock FROM items WHERE id = :id");
  query.bindValue(":id", itemId);
  int stock = 0;
  if (query.exec() && query.next())
    stock = query.value(0).toInt();
  stock -= 1;
  QSqlQuery update(db);
  update.prepare("UPDATE items SET stock = :stock WHERE id = :id");
  update.bindValue(":stock", stock);
  update.bindValue(":id", itemId);
  if (update.exec())
    db.commit();
  else
    db.rollback();
}

// One statement.
void takeFromStockAtomically(QSqlDatabase &db, int itemId) {
  QSqlQuery update(db);
  update.prepare("UPDATE items SET stock = stock - 1 WHERE id = :id AND stock > 0");
  update.bindValue(":id", itemId);
  update.exec();
}

// A lookup by the natural key, then the insert.
void createItemAfterLookup(QSqlDatabase &db, Item &item) {
  if (item.id)
    throw std::logic_error("item already created");
  QSqlQuery existing(db);
  existing.prepare("SELECT id FROM items WHERE sku = :sku");
  existing.bindValue(":sku", item.sku);
  existing.exec();
  if (existing.next())
    throw std::runtime_error("duplicate sku");
  QSqlQuery insert(db);
  insert.prepare("INSERT INTO items (sku) VALUES (:sku)");
  insert.bindValue(":sku", item.sku);
  insert.exec();
  item.id = insert.lastInsertId().toLongLong();
}

// An upsert.
void createItemUpsert(QSqlDatabase &db, Item &item) {
  if (item.id)
    throw std::logic_error("item already created");
  QSqlQuery insert(db);
  insert.prepare("INSERT INTO items (sku) VALUES (:sku) ON CONFLICT (sku) DO NOTHING");
  insert.bindValue(":sku", item.sku);
  insert.exec();
}
