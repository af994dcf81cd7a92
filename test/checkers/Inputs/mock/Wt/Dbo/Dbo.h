// Declarations only: the parts of Wt::Dbo the tests use (Wt is not packaged
// by Debian 12 with its Dbo headers in this shape).
#ifndef MOCK_WT_DBO_DBO_H
#define MOCK_WT_DBO_DBO_H
#include <memory>
#include <string>
namespace Wt::Dbo {
template <class C> class ptr {
public:
  ptr();
  C *modify();
  const C *operator->() const;
  explicit operator bool() const;
  void flush();
};
template <class Result> class Query {
public:
  template <class T> Query &bind(const T &value);
  Query &where(const std::string &condition);
  operator Result() const;
  Result resultValue() const;
};
class Transaction {
public:
  explicit Transaction(class Session &session);
  ~Transaction();
  bool commit();
};
class Session {
public:
  template <class C> ptr<C> add(std::unique_ptr<C> object);
  template <class C> ptr<C> add(ptr<C> &object);
  template <class C> Query<ptr<C>> find(const std::string &condition = "");
  void flush();
};
} // namespace Wt::Dbo
#endif
