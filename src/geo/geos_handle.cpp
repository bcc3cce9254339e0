#include "geo/geos_handle.h"

namespace bsap::geo {

Geos::Geos() : context_(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(context_, &Geos::keep_message, &last_error_);
}

Geos::~Geos() { GEOS_finish_r(context_); }

void Geos::keep_message(const char* message, void* last_error) {
  *static_cast<std::string*>(last_error) = message ? message : "";
}

Geometry read_wkb(const Geos& geos, std::span<const unsigned char> wkb) {
  GEOSWKBReader* reader = GEOSWKBReader_create_r(geos.context());
  GEOSGeometry* geometry = GEOSWKBReader_read_r(geos.context(), reader, wkb.data(), wkb.size());
  GEOSWKBReader_destroy_r(geos.context(), reader);
  return own(geos, geometry);
}

std::vector<unsigned char> write_wkb(const Geos& geos, const GEOSGeometry* geometry) {
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(geos.context());
  GEOSWKBWriter_setOutputDimension_r(geos.context(), writer, 2);
  GEOSWKBWriter_setByteOrder_r(geos.context(), writer, GEOS_WKB_NDR);
  std::size_t size = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(geos.context(), writer, geometry, &size);
  GEOSWKBWriter_destroy_r(geos.context(), writer);
  std::vector<unsigned char> wkb;
  if (bytes) wkb.assign(bytes, bytes + size);
  GEOSFree_r(geos.context(), bytes);
  return wkb;
}

std::string validity_reason(const Geos& geos, const GEOSGeometry* geometry) {
  char* reason = GEOSisValidReason_r(geos.context(), geometry);
  std::string text = reason ? reason : "validity unknown: " + geos.last_error();
  GEOSFree_r(geos.context(), reason);
  return text;
}

}  // namespace bsap::geo
