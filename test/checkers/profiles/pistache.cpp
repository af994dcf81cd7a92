// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -fdelayed-template-parsing
// REQUIRES: pistache-headers
// Pistache against the installed headers (libpistache-dev 0.0.5), in the
// idiom of its REST examples: a handler answers through ResponseWriter.
// Pistache 0.0.5's async.h names a member its template does not have, which
// clang 22 diagnoses when it parses the template; template bodies are
// parsed when instantiated instead (-fdelayed-template-parsing).
#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/router.h>

#include <stdexcept>
#include <string>

std::string loadProfile(const std::string &id);

void getProfile(const Pistache::Rest::Request &request,
                Pistache::Http::ResponseWriter response) {
  try {
    response.send(Pistache::Http::Code::Ok, loadProfile(request.param(":id").as<std::string>()));
  } catch (const std::exception &error) {
    response.send(Pistache::Http::Code::Internal_Server_Error, error.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: exception details 'error.what()' flow into the response 'ResponseWriter::send' [modelguard-leaked-traceback]
  }
}

// Not reported: a fixed message.
void getProfileSanitised(const Pistache::Rest::Request &request,
                         Pistache::Http::ResponseWriter response) {
  try {
    response.send(Pistache::Http::Code::Ok, loadProfile(request.param(":id").as<std::string>()));
  } catch (const std::exception &) {
    response.send(Pistache::Http::Code::Internal_Server_Error, "internal error");
  }
}
