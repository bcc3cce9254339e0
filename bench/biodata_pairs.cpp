// What bench/biodata.sh compares with PostGIS, as bsap stored it: the (record, area) pairs of a
// layer and the 1 km square of each record, as tab-separated lines. Read through the store, since
// on SQLite the hub's records are virtual tables that only bsap's connections know (decision 0013
// §13). A tool of the benchmark, not a benchmark.
//
//   biodata_pairs DB_URL LAYER PAIRS_FILE GRID_FILE
#include <soci/soci.h>

#include <fstream>
#include <iostream>

#include "store/store.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: biodata_pairs DB_URL LAYER PAIRS_FILE GRID_FILE\n";
    return 2;
  }
  try {
    auto store = bsap::store::open_store(argv[1]);
    auto tx = store->begin();
    std::string layer = argv[2], record, area;
    std::ofstream pairs(argv[3]), grid(argv[4]);
    soci::statement st =
        (tx->sql().prepare << "SELECT o.occurrence_id, a.code FROM bio_occurrence_areas j "
                              "JOIN bio_occurrences o ON o.id = j.occurrence_id "
                              "JOIN bio_areas a ON a.id = j.area_id "
                              "JOIN bio_layers l ON l.id = a.layer_id WHERE l.code = :l",
         soci::use(layer), soci::into(record), soci::into(area));
    st.execute();
    while (st.fetch()) pairs << record << '\t' << area << '\n';
    soci::statement cells = (tx->sql().prepare << "SELECT occurrence_id, grid_cell FROM "
                                                  "bio_occurrences WHERE grid_cell IS NOT NULL",
                             soci::into(record), soci::into(area));
    cells.execute();
    while (cells.fetch()) grid << record << '\t' << area << '\n';
    if (!pairs.flush() || !grid.flush()) throw std::runtime_error("cannot write the output files");
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "biodata_pairs: " << e.what() << '\n';
    return 1;
  }
}
