// A store layer: free functions in namespace db, a repository class and a
// record type, as the model vocabulary recognises them.
#ifndef TRACEBACK_STORE_H
#define TRACEBACK_STORE_H
#include <map>
#include <string>
namespace db {
using Values = std::map<std::string, std::string>;
void event_finish(const Values &values);
void event_save(int id, const std::string &details);
void event_insert(const std::string &details);
std::string event_get(int id);
} // namespace db
struct [[clang::annotate("modelguard::record")]] Event {
  int id;
  std::string details;
  std::string message;
};
class EventRepository {
public:
  void save(const Event &event);
  void update_details(int id, const std::string &details);
};
#endif
