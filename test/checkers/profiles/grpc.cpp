// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: grpc-headers
// gRPC against the installed headers (libgrpc++-dev 1.51): a service method
// returns a grpc::Status whose message reaches the calling client.
#include <grpcpp/grpcpp.h>

#include <stdexcept>
#include <string>

struct Inventory {
  int reserve(const std::string &sku, int quantity);
};

grpc::Status reserveItems(Inventory &inventory, const std::string &sku, int quantity) {
  try {
    inventory.reserve(sku, quantity);
  } catch (const std::exception &error) {
    return grpc::Status(grpc::StatusCode::INTERNAL, error.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:53: warning: exception details 'error.what()' flow into the response 'grpc::Status' [modelguard-leaked-traceback]
  }
  return grpc::Status::OK;
}

grpc::Status reserveItemsBraced(Inventory &inventory, const std::string &sku, int quantity) {
  try {
    inventory.reserve(sku, quantity);
  } catch (const std::runtime_error &error) {
    return {grpc::StatusCode::UNAVAILABLE, std::string("reservation failed: ") + error.what()};
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: exception details 'error.what()' flow into the response 'grpc::Status' [modelguard-leaked-traceback]
  }
  return grpc::Status::OK;
}

// --- Not reported: a sanitised status ----------------------------------------

grpc::Status reserveItemsSanitised(Inventory &inventory, const std::string &sku, int quantity) {
  try {
    inventory.reserve(sku, quantity);
  } catch (const std::exception &error) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "reservation failed");
  }
  return grpc::Status::OK;
}
