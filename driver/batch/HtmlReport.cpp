#include "Report.h"
namespace modelguard::driver {
void writeHtml(const Report &, llvm::raw_ostream &) {}
}
