#ifndef CGEOS_SHIM_H
#define CGEOS_SHIM_H
// Only the reentrant (*_r) API is visible to Swift: every call passes an explicit context.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
