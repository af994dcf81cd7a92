// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -fdelayed-template-parsing -I%S/../Inputs -I%S/../Inputs/mock
// Pistache 0.0.5's async.h names a member its template does not have, which
// clang 22 diagnoses when it parses the template; template bodies are parsed
// when instantiated instead (-fdelayed-template-parsing). Crow, drogon and
// oatpp, which Debian does not package, come from Inputs/mock.
#include <httplib.h>
#include <map>
#include <pistache/http.h>
#include <soci/soci.h>
#include <sqlite3.h>
#include <stdexcept>
#include <string>

#include "crow/crow.h"
#include "drogon/HttpResponse.h"
#include "oatpp/ApiController.hpp"
#include "traceback-store.h"

// A field of a record.
void record_field(Event &event, const std::string &traceback) {
  event.details = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
}

// Store writes and inserts: free functions of the store namespace and
// members of a store class.
void store_calls(EventRepository &repository, const std::string &traceback) {
  db::event_insert(traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: stack trace 'traceback' flows into the store write 'db::event_insert'
  repository.update_details(7, traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: stack trace 'traceback' flows into the store write 'EventRepository::update_details'
  db::event_get(traceback.size()); // a read is not a sink
}

// SQL parameter binding on an INSERT or UPDATE statement.
void sqlite(sqlite3 *db, const std::string &traceback) {
  sqlite3_stmt *insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO faults (details) VALUES (?)", -1, &insert, nullptr);
  sqlite3_bind_text(insert, 1, traceback.c_str(), -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: stack trace 'traceback' flows into the SQL parameter bound by 'sqlite3_bind_text'
  sqlite3_step(insert);

  sqlite3_stmt *update = nullptr;
  sqlite3_prepare_v2(db, "UPDATE faults SET details = ? WHERE id = 1", -1, &update, nullptr);
  sqlite3_bind_text(update, 1, traceback.c_str(), -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: stack trace 'traceback' flows into the SQL parameter bound by 'sqlite3_bind_text'

  sqlite3_stmt *select = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM faults WHERE details = ?", -1, &select, nullptr);
  sqlite3_bind_text(select, 1, traceback.c_str(), -1, SQLITE_TRANSIENT); // a query is not a sink
}

void soci_insert(soci::session &sql, const std::string &traceback) {
  sql << "INSERT INTO faults (details) VALUES (:details)", soci::use(traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: stack trace 'traceback' flows into the SQL statement 'INSERT INTO faults (deta'
}

// SQL text passed with its parameters (libpqxx's exec_params).
struct Work {
  void exec_params(const char *sql, const std::string &first);
};

void pqxx_like(Work &work, const std::string &traceback) {
  work.exec_params("UPDATE faults SET details = $1", traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: stack trace 'traceback' flows into the store write 'Work::exec_params'
  work.exec_params("SELECT id FROM faults WHERE details = $1", traceback);
}

// A key-value container passed to a store write.
void container_written(const std::string &traceback) {
  std::map<std::string, std::string> values;
  values["result"] = "Error";
  values["traceback"] = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into 'values', values that are persisted
  db::event_finish(values);
}

// A key-value container returned from a function whose result reaches a
// store write in this translation unit.
std::map<std::string, std::string> pack_failure(const std::string &exc_tb) {
  std::map<std::string, std::string> values;
  values.insert({"traceback", exc_tb});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'exc_tb' flows into 'values', values that are persisted
  return values;
}

void finish_failure(const std::string &exc_tb) {
  const std::map<std::string, std::string> packed = pack_failure(exc_tb);
  db::event_finish(packed);
}

// Returned, but the result never reaches the store: not reported.
std::map<std::string, std::string> describe(const std::string &exc_tb) {
  std::map<std::string, std::string> values;
  values["traceback"] = exc_tb;
  return values;
}

std::size_t describe_size(const std::string &exc_tb) { return describe(exc_tb).size(); }

// A store-layer container type that is returned is persisted by its caller.
db::Values pack_store_values(const std::string &traceback) {
  db::Values values;
  values["details"] = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into 'values', values that are persisted
  return values;
}

// User-facing responses.
void responses(httplib::Response &res, Pistache::Http::ResponseWriter writer,
               const std::string &traceback) {
  res.body = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into the response field 'Response::body'
  writer.send(Pistache::Http::Code::Internal_Server_Error, traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: stack trace 'traceback' flows into the response 'ResponseWriter::send'
  drogon::HttpResponsePtr resp = drogon::HttpResponse::newHttpResponse();
  resp->setBody(traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: stack trace 'traceback' flows into the response 'HttpResponse::setBody'
}

crow::response crow_handler() {
  try {
    return crow::response(db::event_get(1));
  } catch (const std::exception &error) {
    return crow::response(500, error.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: exception details 'error.what()' flow into the response 'crow::response' [modelguard-leaked-traceback]
  }
}

class FaultController : public oatpp::web::server::api::ApiController {
  std::shared_ptr<OutgoingResponse> fail(const std::exception &error) {
    return createResponse(500, error.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: exception details 'error.what()' flow into the response 'ApiController::createResponse'
  }
};

// A function that is not named in ResponseFunctions (see policy.cpp).
void reply(int status, const std::string &body);

void custom_response(const std::exception &error) {
  reply(500, error.what());
}

// A JSON object is a key-value container too.
namespace nlohmann {
class json {
public:
  json &operator[](const char *key);
  json &operator=(const std::string &value);
};
} // namespace nlohmann

namespace db {
void event_write_json(const nlohmann::json &document);
} // namespace db

void json_document(const std::string &traceback) {
  nlohmann::json document;
  document["error"] = "failed";
  document["traceback"] = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into 'document', values that are persisted
  db::event_write_json(document);
}

// A container that only holds other values is not reported.
void json_clean(const std::string &traceback) {
  nlohmann::json document;
  document["error"] = "failed";
  document["size"] = std::to_string(traceback.size());
  db::event_write_json(document);
}
