// §4.5.1: a resubmitted application is shown beside the rejected one; the differences are named
// by the paths the checker's findings use.
#include "ccfs/document_diff.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "ccfs/application_json.h"
#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

std::string describe(const std::vector<DocumentChange>& changes) {
  std::string text;
  for (const DocumentChange& change : changes)
    text += std::string(change_kind_name(change.kind)) + " " + change.path + ": '" + change.before +
            "' -> '" + change.after + "'\n";
  return text;
}

TEST(DocumentDiff, SameDocumentHasNoChanges_4_5_1) {
  const std::string text = to_json(complete_ma());
  EXPECT_TRUE(diff_documents(text, text).empty());
}

TEST(DocumentDiff, ChangedLeavesAreNamedLikeTheCheckersFields_4_5_1) {
  const Application before = complete_ma();
  Application after = before;
  after.title = "Lai Chi Wo wetland, revised";
  after.budget[2].unit_cost = hkd(75);
  after.details["target_taxa"] = "Dragonflies and frogs";
  after.site_map = false;
  after.duration_months = 30;
  const std::vector<DocumentChange> changes = diff_documents(to_json(before), to_json(after));
  ASSERT_EQ(changes.size(), 5u) << describe(changes);
  EXPECT_EQ(changes[0].path, "title");  // document order: the order of application.h
  EXPECT_EQ(changes[0].kind, ChangeKind::changed);
  EXPECT_EQ(changes[0].before, "Wetland and farmland stewardship");
  EXPECT_EQ(changes[0].after, "Lai Chi Wo wetland, revised");
  EXPECT_EQ(changes[1].path, "duration_months");
  EXPECT_EQ(changes[1].before, "24");
  EXPECT_EQ(changes[1].after, "30");
  EXPECT_EQ(changes[2].path, "site_map");
  EXPECT_EQ(changes[2].before, "true");
  EXPECT_EQ(changes[2].after, "false");
  EXPECT_EQ(changes[3].path, "details.target_taxa");
  EXPECT_EQ(changes[4].path, "budget[2].unit_cost");
  EXPECT_EQ(changes[4].before, "80.00");
  EXPECT_EQ(changes[4].after, "75.00");
}

TEST(DocumentDiff, AddedAndRemovedItemsAreListedLeafByLeaf_4_5_1) {
  const std::vector<DocumentChange> added = diff_documents(
      R"({"deliverables":["Plan"],"owners":[]})",
      R"({"deliverables":["Plan","Report"],"owners":[{"owner":"Tso","consent_in_principle":true}]})");
  ASSERT_EQ(added.size(), 3u) << describe(added);
  EXPECT_EQ(added[0].path, "deliverables[1]");
  EXPECT_EQ(added[0].kind, ChangeKind::added);
  EXPECT_EQ(added[0].before, "");
  EXPECT_EQ(added[0].after, "Report");
  EXPECT_EQ(added[1].path, "owners[0].owner");
  EXPECT_EQ(added[2].path, "owners[0].consent_in_principle");
  EXPECT_EQ(added[2].after, "true");

  const std::vector<DocumentChange> removed = diff_documents(
      R"({"deliverables":["Plan","Report"],"title":"x"})", R"({"deliverables":["Plan"]})");
  ASSERT_EQ(removed.size(), 2u) << describe(removed);
  EXPECT_EQ(removed[0].path, "deliverables[1]");
  EXPECT_EQ(removed[0].kind, ChangeKind::removed);
  EXPECT_EQ(removed[0].before, "Report");
  EXPECT_EQ(removed[0].after, "");
  EXPECT_EQ(removed[1].path, "title");
  EXPECT_EQ(removed[1].kind, ChangeKind::removed);
}

// null is "not answered" (docs/application-format.md).
TEST(DocumentDiff, NullToAValueIsAnAddition) {
  const std::vector<DocumentChange> changes = diff_documents(
      R"({"planned_start":null,"renewal":null,"requested_grant":"10.00"})",
      R"({"planned_start":"2027-04-01","renewal":{"previous_reference":"CCFS-2023-0042"},"requested_grant":null})");
  ASSERT_EQ(changes.size(), 3u) << describe(changes);
  EXPECT_EQ(changes[0].path, "planned_start");
  EXPECT_EQ(changes[0].kind, ChangeKind::added);
  EXPECT_EQ(changes[0].after, "2027-04-01");
  EXPECT_EQ(changes[1].path, "renewal.previous_reference");
  EXPECT_EQ(changes[1].kind, ChangeKind::added);
  EXPECT_EQ(changes[2].path, "requested_grant");
  EXPECT_EQ(changes[2].kind, ChangeKind::removed);
  EXPECT_EQ(changes[2].before, "10.00");
}

TEST(DocumentDiff, ChangedShapeIsRemovedThenAdded) {
  const std::vector<DocumentChange> changes =
      diff_documents(R"({"details":"none","kpis":[]})", R"({"details":{"a":"b"},"kpis":{}})");
  ASSERT_EQ(changes.size(), 4u) << describe(changes);
  EXPECT_EQ(changes[0].kind, ChangeKind::removed);
  EXPECT_EQ(changes[0].path, "details");
  EXPECT_EQ(changes[1].kind, ChangeKind::added);
  EXPECT_EQ(changes[1].path, "details.a");
  EXPECT_EQ(changes[2].before, "[]");
  EXPECT_EQ(changes[3].after, "{}");
}

TEST(DocumentDiff, NotAnObjectIsRefused) {
  EXPECT_THROW(diff_documents("[]", "{}"), std::invalid_argument);
  EXPECT_THROW(diff_documents("{}", "{\"title\":"), std::invalid_argument);
  EXPECT_EQ(change_kind_name(ChangeKind::changed), "changed");
}

}  // namespace
}  // namespace bsap::ccfs::testing
