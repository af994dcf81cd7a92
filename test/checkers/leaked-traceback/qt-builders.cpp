// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs -fPIC \
// RUN:   -isystem /usr/include/x86_64-linux-gnu/qt5 -isystem /usr/include/x86_64-linux-gnu/qt5/QtCore

// Qt's string formatting and JSON builders, from the installed headers.
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <stdexcept>
#include <string>

#include "traceback-store.h"

namespace http {
struct Response {
  int status = 200;
  std::string body;
};
} // namespace http

void qstring_arg(Event &event, const std::string &traceback) {
  event.details =
      QString("job %1 failed: %2").arg(7).arg(QString::fromStdString(traceback)).toStdString();
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
}

void qt_json(http::Response &res, const std::exception &error) {
  QJsonObject body;
  body["status"] = "error";
  body["detail"] = QString::fromStdString(error.what());
  res.body = QJsonDocument(body).toJson().toStdString();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exception details 'error.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
}

// The correct idiom: a fixed text.
void sanitised(http::Response &res, const std::exception &error) {
  QJsonObject body;
  body["status"] = "error";
  body["length"] = static_cast<int>(std::string(error.what()).size());
  res.body = QJsonDocument(body).toJson().toStdString();
}
