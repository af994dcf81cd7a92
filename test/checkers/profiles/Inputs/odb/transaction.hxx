// See core.hxx: excerpt of ODB 2.4.0 (https://www.codesynthesis.com/products/odb/).
#include "core.hxx"
