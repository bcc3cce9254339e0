// The store suite's StoreTest cases run on both backends. Instantiated here, in the suite that has
// them, rather than beside the fixture, which other suites share (tests/assess).
#include "store/store_test_fixture.h"

namespace bsap::store::testing {

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace bsap::store::testing
