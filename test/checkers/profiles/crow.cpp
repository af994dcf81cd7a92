// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// Crow, against an excerpt of its public API (Inputs/crow, v1.0+5), in the
// idioms of its route guide: a handler returns crow::response.
#include "crow/crow.h"

#include <stdexcept>
#include <string>

std::string lookupOrder(const std::string &id);

crow::response getOrder(const crow::request &req) {
  try {
    return crow::response(lookupOrder(req.url));
  } catch (const std::exception &error) {
    return crow::response(500, error.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: exception details 'error.what()' flow into the response 'crow::response' [modelguard-leaked-traceback]
  }
}

void streamOrder(const crow::request &req, crow::response &res) {
  try {
    res.write(lookupOrder(req.url));
  } catch (const std::exception &error) {
    res.code = 500;
    res.end(error.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: exception details 'error.what()' flow into the response 'response::end' [modelguard-leaked-traceback]
    return;
  }
  res.end();
}

// Not reported: a fixed message.
crow::response getOrderSanitised(const crow::request &req) {
  try {
    return crow::response(lookupOrder(req.url));
  } catch (const std::exception &) {
    return crow::response(500, "internal error");
  }
}
