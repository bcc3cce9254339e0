// GEOS, owned: a re-entrant context per object (GEOS_init_r; a context is never shared between
// threads), geometries freed through their context, and the WKB every layer is stored as.
#pragma once
#include <geos_c.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace bsap::geo {

class Geos {
 public:
  Geos();
  ~Geos();
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;

  GEOSContextHandle_t context() const { return context_; }
  // GEOS's last error message on this context ("" when none yet).
  const std::string& last_error() const { return last_error_; }

 private:
  static void keep_message(const char* message, void* last_error);
  GEOSContextHandle_t context_;
  std::string last_error_;
};

struct GeometryDeleter {
  GEOSContextHandle_t context;
  void operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }
};
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

inline Geometry own(const Geos& geos, GEOSGeometry* geometry) {
  return Geometry(geometry, GeometryDeleter{geos.context()});
}

// GEOS's GeoJSON geometry reader, for one context.
class GeoJsonReader {
 public:
  explicit GeoJsonReader(GEOSContextHandle_t context)
      : context_(context), reader_(GEOSGeoJSONReader_create_r(context)) {}
  ~GeoJsonReader() { GEOSGeoJSONReader_destroy_r(context_, reader_); }
  GeoJsonReader(const GeoJsonReader&) = delete;
  GeoJsonReader& operator=(const GeoJsonReader&) = delete;

  // A GeoJSON geometry object's text; null when GEOS cannot read it (its context says why).
  Geometry read(const std::string& geometry_json) const {
    return Geometry(GEOSGeoJSONReader_readGeometry_r(context_, reader_, geometry_json.c_str()),
                    GeometryDeleter{context_});
  }

 private:
  GEOSContextHandle_t context_;
  GEOSGeoJSONReader* reader_;
};

// Null when the bytes are not WKB (geos.last_error() says why).
Geometry read_wkb(const Geos& geos, std::span<const unsigned char> wkb);
// Little-endian (NDR) 2D WKB, as PostGIS and SQLite/SpatiaLite readers expect.
std::vector<unsigned char> write_wkb(const Geos& geos, const GEOSGeometry* geometry);
// GEOSisValidReason's text: "Valid Geometry", or the fault and where, "Self-intersection[x y]".
std::string validity_reason(const Geos& geos, const GEOSGeometry* geometry);

}  // namespace bsap::geo
