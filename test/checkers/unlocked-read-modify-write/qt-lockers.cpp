// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -fPIC \
// RUN:   -isystem /usr/include/x86_64-linux-gnu/qt5 -isystem /usr/include/x86_64-linux-gnu/qt5/QtCore
// Qt's lock guards (QMutexLocker, QReadLocker, QWriteLocker) hold the lock
// for their scope, against the installed Qt 5 headers. Reduced from a chat
// server's per-thread database connection pool.
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QReadWriteLock>
#include <QString>
#include <QThread>

class ConnectionPool {
public:
  void addConnection(QThread *thread, const QString &name) {
    QMutexLocker locker(&poolMutex_);
    if (pool_.contains(thread))
      return;
    pool_[thread] = name;
    ++created_;
  }
  void connectionDestroyed(QThread *thread) {
    QMutexLocker locker(&poolMutex_);
    pool_.remove(thread);
  }
  // The same updates with no lock.
  void adopt(QThread *thread, const QString &name) {
    pool_[thread] = name;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pool_' is read, modified and written without holding a lock, but 'ConnectionPool' holds one for other accesses to it [modelguard-unlocked-read-modify-write]
    ++created_;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'created_' is read, modified and written without holding a lock, {{.*}}
  }

private:
  QMutex poolMutex_;
  QHash<QThread *, QString> pool_;
  int created_ = 0;
};

class Settings {
public:
  void set(const QString &key, const QString &value) {
    QWriteLocker locker(&lock_);
    values_[key] = value;
  }
  void touch(const QString &key) {
    QWriteLocker locker(&lock_);
    values_[key] = values_.value(key) + QStringLiteral("*");
  }
  QString get(const QString &key) {
    QReadLocker locker(&lock_);
    return values_.value(key);
  }

private:
  QReadWriteLock lock_;
  QHash<QString, QString> values_;
};
