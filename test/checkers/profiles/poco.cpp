// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: poco-headers
// POCO against the installed headers (libpoco-dev 1.11): Poco::Data sessions
// and transactions, Poco::Nullable fields, a Poco::Net request handler.
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Nullable.h>

#include <stdexcept>
#include <string>

using namespace Poco::Data::Keywords;

struct [[clang::annotate("modelguard::record")]] Member {
  int id = 0;
  Poco::Nullable<std::string> phone;
};

// --- unchecked-nullable-field ---------------------------------------------------

std::string phoneLink(const Member &member) {
  return "tel:" + member.phone.value();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: nullable field 'phone' of record 'Member' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
}

std::string phoneLinkChecked(const Member &member) {
  if (member.phone.isNull())
    return "";
  return "tel:" + member.phone.value();
}

// --- unlocked-read-modify-write -------------------------------------------------

void addVisit(Poco::Data::Session &session, int memberId) {
  int visits = 0;
  session << "SELECT visits FROM members WHERE id = ?", into(visits), use(memberId), now;
  visits += 1;
  session << "UPDATE members SET visits = ? WHERE id = ?", use(visits), use(memberId), now;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'visits' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// Not reported: Session::begin() ... commit(), and Poco::Data::Transaction.
void addVisitInTransaction(Poco::Data::Session &session, int memberId) {
  session.begin();
  int visits = 0;
  session << "SELECT visits FROM members WHERE id = ?", into(visits), use(memberId), now;
  visits += 1;
  session << "UPDATE members SET visits = ? WHERE id = ?", use(visits), use(memberId), now;
  session.commit();
}

void addVisitWithTransactionObject(Poco::Data::Session &session, int memberId) {
  Poco::Data::Transaction transaction(session);
  int visits = 0;
  session << "SELECT visits FROM members WHERE id = ?", into(visits), use(memberId), now;
  visits += 1;
  session << "UPDATE members SET visits = ? WHERE id = ?", use(visits), use(memberId), now;
  transaction.commit();
}

// --- leaked-traceback -------------------------------------------------------------

class MemberHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    try {
      load(request.getURI());
    } catch (const std::exception &error) {
      response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR,
                                  error.what());
      // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: exception details 'error.what()' flow into the response 'HTTPResponse::setStatusAndReason' [modelguard-leaked-traceback]
      response.sendBuffer("internal error", 14);
    }
  }

private:
  void load(const std::string &uri);
};

// The idiom of POCO's HTTP server samples: the body is written to the stream
// send() returns, kept in a reference.
class ReportHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    response.setContentType("text/html");
    std::ostream &out = response.send();
    try {
      out << render(request.getURI());
    } catch (const std::exception &error) {
      out << "<p>Report failed: " << error.what() << "</p>";
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: exception details 'error.what()' flow into the response 'Poco::Net::HTTPServerResponse' [modelguard-leaked-traceback]
    }
  }

private:
  std::string render(const std::string &uri);
};

// The same stream given only a fixed text: accepted.
class QuietReportHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    std::ostream &out = response.send();
    try {
      out << render(request.getURI());
    } catch (const std::exception &error) {
      log(error.what());
      out << "<p>Report failed.</p>";
    }
  }

private:
  std::string render(const std::string &uri);
  void log(const char *text);
};

// POCO's own exceptions describe themselves with displayText().
class ExportHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    try {
      exportRows(request.getURI());
    } catch (const Poco::Exception &error) {
      response.setStatus(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
      response.send() << error.displayText();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: exception details 'Exception::displayText()' flow into the response 'Poco::Net::HTTPServerResponse' [modelguard-leaked-traceback]
    }
  }

private:
  void exportRows(const std::string &uri);
};
