// An area layer of test squares in the hub, for the suites that count records in an area: the
// GeoJSON's CODE property codes each area and NAME names it in English.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "biodata/temp_folder.h"
#include "hub/area_layer_import.h"
#include "store/store.h"

namespace bsap::test {

inline void import_test_layer(store::Store& store, biodata::testing::TempFolder& folder,
                              const std::string& code, const std::string& name_en,
                              const char* geojson) {
  hub::LayerImportRequest layer;
  layer.file = folder.write("layer.geojson", geojson);
  layer.code = code;
  layer.name_en = name_en;
  layer.name_zh = "測試方格";
  layer.options.code_property = "CODE";
  layer.options.name_en_property = "NAME";
  layer.actor = "test";
  ASSERT_TRUE(
      std::holds_alternative<hub::LayerImportSummary>(hub::import_area_layer(store, layer)));
}

}  // namespace bsap::test
