// A taxon's status vocabulary (issue 9 §3) and the threatened rule the scheme-site feed marks
// species by (§7).
#include "biodata/taxon_status.h"

#include <gtest/gtest.h>

namespace bsap::biodata {
namespace {

TEST(TaxonStatus, ThreatenedIsCriticallyEndangeredEndangeredOrVulnerable_Issue9S7) {
  EXPECT_TRUE(is_threatened("CR"));
  EXPECT_TRUE(is_threatened("EN"));
  EXPECT_TRUE(is_threatened("VU"));
  for (const char* other : {"EX", "EW", "NT", "LC", "DD", "NE", "", "cr"})
    EXPECT_FALSE(is_threatened(other)) << other;
}

TEST(TaxonStatus, IucnCategoriesAndEstablishmentsAreTheStoredOnes_Issue9S3) {
  EXPECT_TRUE(is_iucn_category("NT"));
  EXPECT_FALSE(is_iucn_category(""));
  EXPECT_FALSE(is_iucn_category("Vulnerable"));
  EXPECT_TRUE(is_establishment("invasive"));
  EXPECT_FALSE(is_establishment("introduced"));
  EXPECT_TRUE(is_invasive("invasive"));
  EXPECT_FALSE(is_invasive("exotic"));
}

}  // namespace
}  // namespace bsap::biodata
