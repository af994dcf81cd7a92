// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -fPIC \
// RUN:   -isystem /usr/include/x86_64-linux-gnu/qt5 -isystem /usr/include/x86_64-linux-gnu/qt5/QtCore

// A request handler whose own methods build the response: the function's
// name says so (failureResponse, sendError), not its class. Written the way
// a Qt storage server's command handlers are, with the installed Qt 5
// headers.
#include <QByteArray>
#include <QDebug>
#include <QString>
#include <exception>
#include <stdexcept>

namespace Server {

class Exception : public std::exception {
public:
  explicit Exception(const QString &what) : mWhat(what.toUtf8()) {}
  const char *what() const noexcept override { return mWhat.constData(); }
  virtual const char *type() const noexcept { return "General Exception"; }

private:
  QByteArray mWhat;
};

class DbException : public Exception {
public:
  using Exception::Exception;
  const char *type() const noexcept override { return "Database Exception"; }
};

class Handler {
public:
  virtual ~Handler() = default;
  bool failureResponse(const char *response);
  bool failureResponse(const QString &response);
  bool successResponse();
  void sendError(int code, const QString &text);
  bool parseResponse(const QString &reply);
  void onResponse(const QString &text);

protected:
  void storeItem();
};

class ItemCreateHandler : public Handler {
public:
  bool insertItem();
  bool mergeItem();
  bool retrieveParts();
  bool fetchRemote();
  bool rejectQuietly();
};

bool ItemCreateHandler::insertItem() {
  try {
    storeItem();
  } catch (const DbException &e) {
    return failureResponse(e.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: exception details 'e.what()' flow into the response 'Handler::failureResponse' [modelguard-leaked-traceback]
  }
  return successResponse();
}

// Text built from the exception with QString's operators.
bool ItemCreateHandler::mergeItem() {
  try {
    storeItem();
  } catch (const Exception &e) {
    return failureResponse(QString::fromUtf8(e.type()) + QLatin1String(": ") +
                           QString::fromUtf8(e.what()));
    // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: exception details 'e.what()' flow into the response 'Handler::failureResponse' [modelguard-leaked-traceback]
  }
  return successResponse();
}

void sendFailure(Handler &handler, const std::runtime_error &error) {
  handler.sendError(500, QString::fromUtf8(error.what()));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: exception details 'error.what()' flow into the response 'Handler::sendError' [modelguard-leaked-traceback]
}

// The correct idiom: the details go to the server's log, the client gets a
// fixed text.
bool ItemCreateHandler::retrieveParts() {
  try {
    storeItem();
  } catch (const DbException &e) {
    qWarning() << "Failed to store item:" << e.what();
    return failureResponse(QStringLiteral("Failed to store item"));
  }
  return successResponse();
}

// Functions that only receive a response are not sinks.
bool ItemCreateHandler::fetchRemote() {
  try {
    storeItem();
  } catch (const Exception &e) {
    onResponse(QString::fromUtf8(e.what()));
    return parseResponse(QString::fromUtf8(e.what()));
  }
  return true;
}

// NOLINT keeps a reviewed exception: the message is written for the client.
bool ItemCreateHandler::rejectQuietly() {
  try {
    storeItem();
  } catch (const Exception &e) {
    return failureResponse(e.what()); // NOLINT(modelguard-leaked-traceback)
  }
  return true;
}

// The command runs inside a guard object's constructor, which retries on a
// deadlock; the handlers are reached from the constructor, which the
// control flow graph gives no exception edge.
class DeadlockCatcher {
public:
  template <typename Func> explicit DeadlockCatcher(Func &&func) { func(); }
};

class Connection {
public:
  void handleCommand();

private:
  void parseStream();
  Handler *mCurrentHandler = nullptr;
  bool mClosing = false;
};

void Connection::handleCommand() {
  try {
    DeadlockCatcher catcher([this]() { parseStream(); });
  } catch (const Exception &e) {
    try {
      mCurrentHandler->failureResponse(QString::fromUtf8(e.type()) + QLatin1String(": ") +
                                       QString::fromUtf8(e.what()));
      // CHECK-MESSAGES: :[[@LINE-2]]:40: warning: exception details 'e.what()' flow into the response 'Handler::failureResponse' [modelguard-leaked-traceback]
    } catch (...) {
      mClosing = true;
    }
  }
}

} // namespace Server
