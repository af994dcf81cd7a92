// RUN: %check_modelguard %s modelguard-untracked-todo %t -- -std=c++17 -fPIC \
// RUN:   -isystem /usr/include/x86_64-linux-gnu/qt5 -isystem /usr/include/x86_64-linux-gnu/qt5/QtCore \
// RUN:   -isystem /usr/include/x86_64-linux-gnu/qt5/QtSql
// A Qt SQL server in the shape of a PIM storage service (the installed Qt 5
// headers): a storage class over QSqlDatabase, a schema updater that runs
// each update in a transaction, and a client connection class that holds
// the storage but whose own state changes are not store writes.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

class DataStore {
public:
  bool appendItem(const QString &remoteId, qint64 collectionId);
  bool removeItem(qint64 id);
  QSqlDatabase database() const { return m_database; }

private:
  QSqlDatabase m_database;
};

// Registering and opening a connection reads and writes no data; the Qt SQL
// profile lists QSqlDatabase's members, so its other members are not store
// calls by their names (addDatabase, setDatabaseName).
bool openStorage(const QString &connectionName, const QString &file) {
  // TODO: read the driver name from the configuration
  QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
  db.setDatabaseName(file);
  return db.open();
}

class DbUpdater {
public:
  explicit DbUpdater(const QSqlDatabase &database) : m_database(database) {}

  bool run(const QStringList &statements) {
    // TODO error handling
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: untracked 'TODO' comment in 'DbUpdater::run', which holds a transaction [modelguard-untracked-todo]
    bool success = m_database.transaction();
    for (const QString &statement : statements) {
      QSqlQuery query(m_database);
      success = success && query.exec(statement);
    }
    return success && m_database.commit();
  }

private:
  QSqlDatabase m_database;
};

class Connection {
public:
  enum State { NonAuthenticated, Authenticated, LoggingOut };

  void handleIncomingData(const QString &line) {
    if (line.isEmpty()) {
      // TODO: check that the tag is an incremental sequence
      setState(LoggingOut);
      return;
    }
    m_pending.append(line);
  }

  bool appendFromClient(const QString &remoteId, qint64 collectionId) {
    // FIXME: the remote id is not checked for duplicates
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: untracked 'FIXME' comment in 'Connection::appendFromClient', which writes to the store [modelguard-untracked-todo]
    return storageBackend()->appendItem(remoteId, collectionId);
  }

  void logout() {
    // HACK: the backend is kept until the socket closes
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: untracked 'HACK' comment in 'Connection::logout', which writes to the store [modelguard-untracked-todo]
    appendFromClient(QStringLiteral("logout-marker"), 0);
  }

  // A reader of the client's socket, in a class that holds the storage.
  QString readCommand() {
    // TODO: compare the tag with the current handler's
    return m_pending.isEmpty() ? QString() : m_pending.takeFirst();
  }

private:
  void setState(State state) {
    if (state == m_state)
      return;
    m_state = state;
    m_closing = state == LoggingOut;
  }
  DataStore *storageBackend() { return m_backend; }

  DataStore *m_backend = nullptr;
  State m_state = NonAuthenticated;
  bool m_closing = false;
  QStringList m_pending;
};
