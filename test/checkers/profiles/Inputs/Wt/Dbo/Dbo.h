// Excerpt of the public API of Wt::Dbo, Wt version 4.10.0:
// Wt/Dbo/Session.h, Wt/Dbo/Transaction.h, Wt/Dbo/ptr.h, Wt/Dbo/Query.h,
// Wt/Dbo/Field.h, Wt/Dbo/Exception.h.
// Source: https://github.com/emweb/wt (tag 4.10.0), src/Wt/Dbo/.
// Declarations only, as the library declares them, reduced to what the
// profile names.
#ifndef WT_DBO_EXCERPT_H
#define WT_DBO_EXCERPT_H

#include <memory>
#include <string>
#include <vector>

namespace Wt {
namespace Dbo {

template <class C> struct dbo_traits {
  typedef long long IdType;
};

template <class C> class ptr {
public:
  ptr();
  explicit operator bool() const;
  const C *operator->() const;
  const C &operator*() const;
  class mutator {
  public:
    C *operator->() const;
  };
  mutator modify() const;
  void remove();
  void reread();
  int version() const;
};

template <class C> class collection {
public:
  typename std::vector<C>::size_type size() const;
};

template <class Result> class Query {
public:
  template <typename T> Query<Result> &bind(const T &value);
  Query<Result> &where(const std::string &condition);
  Result resultValue() const;
  collection<Result> resultList() const;
  operator Result() const;
};

class Session {
public:
  Session();
  template <class C> void mapClass(const char *tableName);
  template <class C> ptr<C> add(std::unique_ptr<C> obj);
  template <class C> ptr<C> add(ptr<C> &obj);
  template <class C>
  ptr<C> load(const typename dbo_traits<C>::IdType &id, bool forceReread = false);
  template <class C> Query<ptr<C>> find(const std::string &condition = std::string());
  template <class Result> Query<Result> query(const std::string &sql);
  void execute(const std::string &sql, const std::vector<std::string> *parameters = nullptr);
  void flush();
};

class Transaction {
public:
  explicit Transaction(Session &session);
  ~Transaction() noexcept(false);
  bool commit();
  void rollback();
};

class Exception : public std::exception {
public:
  const char *what() const noexcept override;
};
class StaleObjectException : public Exception {};

template <class Action, typename V> void field(Action &action, V &value, const std::string &name);
} // namespace Dbo
} // namespace Wt

#endif // WT_DBO_EXCERPT_H
