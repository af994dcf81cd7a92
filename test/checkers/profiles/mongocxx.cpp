// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// mongocxx, against an excerpt of its public API (Inputs/mongocxx, r3.7.0),
// in the idioms of its tutorial: builder::basic documents, find_one,
// update_one with $set / $inc, client_session transactions.
#include "mongocxx/mongocxx.hpp"

#include <optional>
#include <stdexcept>
#include <string>

using bsoncxx::builder::basic::kvp;
using bsoncxx::builder::basic::make_document;

struct [[clang::annotate("modelguard::record")]] Customer {
  std::optional<std::string> id;
  std::string email;
};

// --- unlocked-read-modify-write ------------------------------------------------

void reserve(mongocxx::collection &items, int itemId) {
  auto doc = items.find_one(make_document(kvp("_id", itemId)));
  if (!doc)
    return;
  int stock = doc->view()["stock"].get_int32();
  stock -= 1;
  items.update_one(make_document(kvp("_id", itemId)),
                   make_document(kvp("$set", make_document(kvp("stock", stock)))));
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'stock' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- create-without-uniqueness --------------------------------------------------

void createCustomer(mongocxx::collection &customers, Customer &customer) {
  if (customer.id)
    throw std::logic_error("customer already created");
  customers.insert_one(make_document(kvp("email", customer.email)));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mongocxx::collection::insert_one' inserts a new 'Customer' guarded only by an identity test{{.*}} [modelguard-create-without-uniqueness]
}

// --- Not reported: the library's correct idioms ---------------------------------

// $inc: the server reads and writes in one update.
void reserveAtomically(mongocxx::collection &items, int itemId) {
  items.update_one(make_document(kvp("_id", itemId)),
                   make_document(kvp("$inc", make_document(kvp("stock", -1)))));
}

// A multi-document transaction around the read and the write.
void reserveInTransaction(mongocxx::collection &items, mongocxx::client_session &session,
                          int itemId) {
  session.start_transaction();
  auto doc = items.find_one(session, make_document(kvp("_id", itemId)));
  if (!doc)
    return;
  int stock = doc->view()["stock"].get_int32();
  stock -= 1;
  items.update_one(session, make_document(kvp("_id", itemId)),
                   make_document(kvp("$set", make_document(kvp("stock", stock)))));
  session.commit_transaction();
}

// A lookup by e-mail before the insert.
void createCustomerOnce(mongocxx::collection &customers, Customer &customer) {
  if (customer.id)
    throw std::logic_error("customer already created");
  if (customers.count_documents(make_document(kvp("email", customer.email))) > 0)
    throw std::runtime_error("e-mail already registered");
  customers.insert_one(make_document(kvp("email", customer.email)));
}

// A job's failure recorded in a collection, the document built with the
// basic builder: the trace is persisted.
void record_failure(mongocxx::collection &jobs, const std::string &job_id,
                    const std::string &traceback) {
  jobs.insert_one(make_document(kvp("job", job_id), kvp("traceback", traceback)));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: stack trace 'traceback' flows into the store write 'collection::insert_one' [modelguard-leaked-traceback]
}

void record_failure_streamed(mongocxx::collection &jobs, const std::string &job_id,
                             const std::string &stack_trace) {
  bsoncxx::builder::basic::document failure;
  failure.append(kvp("job", job_id));
  failure.append(kvp("stack", stack_trace));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'stack_trace' flows into 'failure', values that are persisted [modelguard-leaked-traceback]
  jobs.insert_one(failure.extract());
}

// Only the failure's kind is stored: accepted.
void record_failure_kind(mongocxx::collection &jobs, const std::string &job_id,
                         const std::string &traceback) {
  (void)traceback;
  jobs.insert_one(make_document(kvp("job", job_id), kvp("state", "failed")));
}
