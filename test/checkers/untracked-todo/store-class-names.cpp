// RUN: %check_modelguard %s modelguard-untracked-todo %t -- -std=c++17
// A class named like a store (StoreClassSuffixes) makes persistence code of
// the functions that call it only when what the unit shows of the class
// bears the name out: a member that holds a store handle, or a member
// function that makes a store call of its own. A video muxer named
// `VideoStore` and a socket protocol named `Connection` are not stores.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>

//===--- Borne out ---------------------------------------------------------===//

// Its member functions run SQL through the sqlite3 C API.
class OrderStore {
public:
  explicit OrderStore(sqlite3 *db) : db_(db) {}
  void save_status(int64_t id, const std::string &status) {
    // TODO: bind the status instead of formatting it
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: untracked 'TODO' comment in 'OrderStore::save_status', which writes to the store [modelguard-untracked-todo]
    std::string sql = "UPDATE orders SET status = '" + status + "' WHERE id = " +
                      std::to_string(id);
    sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }
  void remove(int64_t id);

private:
  sqlite3 *db_;
};

void cancel(OrderStore &orders, int64_t id) {
  // FIXME: cancelled orders should be kept for the audit
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'FIXME' comment in 'cancel', which writes to the store [modelguard-untracked-todo]
  orders.remove(id);
}

// It holds a SQLiteCpp database; its functions are defined elsewhere.
class AccountRepository {
public:
  explicit AccountRepository(SQLite::Database &db) : db_(db) {}
  void update_balance(int64_t account, int64_t cents);

private:
  SQLite::Database &db_;
};

void pay(AccountRepository &accounts, int64_t account, int64_t cents) {
  // XXX: negative amounts are not refused
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'XXX' comment in 'pay', which writes to the store [modelguard-untracked-todo]
  accounts.update_balance(account, cents);
}

// It holds a repository that is borne out, through a smart pointer. Its
// functions are judged by their visible bodies.
class SessionStore {
public:
  void charge(int64_t account, int64_t cents) {
    // HACK: the session pays for every account it opened
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: untracked 'HACK' comment in 'SessionStore::charge', which writes to the store [modelguard-untracked-todo]
    accounts_->update_balance(account, -cents);
  }
  void save_token(const std::string &token) {
    // TODO: the token doubles as the session's key
    last_token_ = token;
  }

private:
  std::unique_ptr<AccountRepository> accounts_;
  std::string last_token_;
};

// A repository interface: no members and no bodies to go by, so its name
// decides.
class CustomerRepository {
public:
  virtual ~CustomerRepository() = default;
  virtual void save_email(int64_t id, const std::string &email) = 0;
};

void change_email(CustomerRepository &customers, int64_t id,
                  const std::string &email) {
  // TODO: send a confirmation first
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'change_email', which writes to the store [modelguard-untracked-todo]
  customers.save_email(id, email);
}

// A class declared here and defined in another unit: only its name is seen.
class MessageBusConnection;
MessageBusConnection &session_bus();
bool register_service(MessageBusConnection &bus, const std::string &name);
class MessageBusConnection {
public:
  bool register_service(const std::string &name);

private:
  void *handle_;
};

void announce() {
  // TODO: retry when the bus is not up yet
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'announce', which writes to the store [modelguard-untracked-todo]
  session_bus().register_service("org.example.Orders");
}

//===--- Not borne out -----------------------------------------------------===//

struct Packet {
  int stream = 0;
  std::string data;
};

// A video muxer: it writes packets to a container file, not to a store.
class VideoStore {
public:
  bool writePacket(const Packet &packet) {
    queue_.push_back(packet);
    if (queue_.size() < reorder_queue_size_)
      return true;
    Packet next = queue_.front();
    queue_.pop_front();
    // FIXME: audio packets are written before their video keyframe
    return next.stream == 0 ? writeVideoFramePacket(next)
                            : writeAudioFramePacket(next);
  }

private:
  bool writeVideoFramePacket(const Packet &packet) {
    frames_written_++;
    return !packet.data.empty();
  }
  bool writeAudioFramePacket(const Packet &packet) { return !packet.data.empty(); }

  std::deque<Packet> queue_;
  size_t reorder_queue_size_ = 4;
  int frames_written_ = 0;
};

void record(VideoStore &video, const Packet &packet) {
  // TODO: drop packets while the disk is full
  video.writePacket(packet);
}

// A client connection of a socket protocol, with a state machine.
class Connection {
public:
  enum class State { Authenticating, Selected, LoggingOut };

  void handleIncomingData(const std::string &line) {
    if (line == "LOGOUT") {
      // TODO: wait for the running command to finish
      setState(State::LoggingOut);
      return;
    }
    readCommand(line);
  }

private:
  void setState(State state) { state_ = state; }
  void readCommand(const std::string &line) {
    // TODO: compare the tag with the current handler's
    pending_ = line;
  }

  State state_ = State::Authenticating;
  std::string pending_;
  int socket_ = -1;
};

// An in-memory cache named like a store.
class ThumbnailStore {
public:
  void put(int64_t id, std::string image) {
    // TODO: evict the oldest entries
    images_[id] = std::move(image);
  }

private:
  std::map<int64_t, std::string> images_;
};
