// Declaration-only stand-in for oatpp's DTO types (oatpp is not packaged
// by Debian): every DTO field type is an ObjectWrapper around a shared
// pointer, null when the field was absent from the request.
#ifndef MOCK_OATPP_CORE_TYPES_HPP
#define MOCK_OATPP_CORE_TYPES_HPP
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
namespace oatpp::data::mapping::type {
template <class T, class Clazz> class ObjectWrapper {
public:
  ObjectWrapper();
  ObjectWrapper(std::nullptr_t);
  T *operator->() const;
  T &operator*() const;
  T *get() const;
  explicit operator bool() const;
  bool operator==(std::nullptr_t) const;
  bool operator!=(std::nullptr_t) const;

protected:
  std::shared_ptr<T> m_ptr;
};
namespace __class {
class String {};
class Int32 {};
} // namespace __class
class String : public ObjectWrapper<std::string, __class::String> {
public:
  String();
  String(std::nullptr_t);
  String(const char *);
};
template <class T, class Clazz> class Primitive : public ObjectWrapper<T, Clazz> {
public:
  Primitive();
  Primitive(std::nullptr_t);
  Primitive(const T &);
  T getValue(const T &defaultValue) const;
};
using Int32 = Primitive<int32_t, __class::Int32>;
} // namespace oatpp::data::mapping::type
namespace oatpp {
using String = data::mapping::type::String;
using Int32 = data::mapping::type::Int32;
class DTO {};
} // namespace oatpp
#define DTO_INIT(TYPE, PARENT) public:
#define DTO_FIELD(TYPE, NAME) TYPE NAME
#endif
