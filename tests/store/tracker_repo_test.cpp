// store/tracker_repo.h on both backends: the plan tracker's records (000_e0ccae9882b7fb64.txt
// 5.1, 5.2): departments and focal points, one lead department per item, progress drafts edited
// only as drafts and moved only from the state they are in, published statuses, evidence files,
// indicator values, the City Biodiversity Index's inputs and bands, tagged projects, frozen
// snapshots, and an audit record for every write.
#include "store/tracker_repo.h"

#include <gmock/gmock.h>

#include <algorithm>

#include "assessment_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class TrackerRepoTest : public AssessmentFixture {
 protected:
  void SetUp() override {
    AssessmentFixture::SetUp();
    if (HasFatalFailure()) return;
    focal_ = add_test_user("focal", {Role::focal_point});
    in_transaction(*store_, [&](Transaction& tx) {
      afcd_ =
          upsert_department(tx,
                            {0, "afcd", "漁農自然護理署",
                             "Agriculture, Fisheries and Conservation Department", "department"},
                            "admin");
      plan_d_ = upsert_department(tx, {0, "plan_d", "規劃署", "Planning Department", "department"},
                                  "admin");
    });
  }

  ProgressReport draft(const std::string& item_id, int year = 2026) {
    ProgressReport report;
    report.item_id = item_id;
    report.year = year;
    report.department_id = afcd_;
    report.status = plan::ItemStatus::on_track;
    report.narrative_zh = "已完成兩塊濕地的復修。";
    report.narrative_en = "Two wetland plots restored.";
    report.outputs = {{"復修濕地", "Wetland restored", 4.5, "ha"}};
    report.milestones = {{"完成基線調查", "Baseline survey", "2026-06-30", "2026-06-20"},
                         {"完成復修", "Restoration done", "2026-12-31", ""}};
    report.evidence = {{"AFCD press release", "https://www.afcd.gov.hk/x", std::nullopt}};
    return report;
  }

  std::int64_t save(const ProgressReport& report) {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) { id = save_progress_draft(tx, report, focal_); });
    return id;
  }

  void move(std::int64_t id, plan::ReportState from, plan::ReportState to,
            const std::string& note = "") {
    in_transaction(*store_, [&](Transaction& tx) {
      set_progress_state(tx, id, from, to, note, secretariat_);
    });
  }

  ProgressReport report(std::int64_t id) {
    std::optional<ProgressReport> found;
    in_transaction(*store_, [&](Transaction& tx) { found = find_progress(tx, id); });
    if (!found) throw std::runtime_error("no progress report " + std::to_string(id));
    return *found;
  }

  template <typename Work>
  std::string refusal(Work work) {
    try {
      in_transaction(*store_, work);
    } catch (const StoreError& e) {
      return e.what();
    }
    return "(accepted)";
  }

  std::int64_t focal_ = 0;
  std::int64_t afcd_ = 0;
  std::int64_t plan_d_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, TrackerRepoTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

// ---- departments and focal points

TEST_P(TrackerRepoTest, DepartmentUpsertUpdatesTheOneWithTheCode_5_1) {
  std::int64_t again = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    again = upsert_department(tx, {0, "afcd", "漁護署", "AFCD", "department"}, "admin");
  });
  EXPECT_EQ(again, afcd_);
  std::vector<Department> all;
  std::optional<Department> found;
  in_transaction(*store_, [&](Transaction& tx) {
    all = list_departments(tx);
    found = find_department_by_code(tx, "afcd");
  });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].code, "afcd");
  EXPECT_EQ(all[1].code, "plan_d");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name_zh, "漁護署");
  EXPECT_EQ(found->name_en, "AFCD");
  EXPECT_THAT(refusal([&](Transaction& tx) {
                upsert_department(tx, {0, "eeb", "環境及生態局", "EEB", "ministry"}, "admin");
              }),
              HasSubstr("bureau"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                upsert_department(tx, {0, "Not A Code", "x", "x", "bureau"}, "admin");
              }),
              HasSubstr("not a code"));
}

TEST_P(TrackerRepoTest, FocalPointsServeTheirDepartments_5_1) {
  in_transaction(*store_, [&](Transaction& tx) {
    add_department_member(tx, afcd_, focal_, "admin");
    add_department_member(tx, plan_d_, focal_, "admin");
  });
  std::vector<std::int64_t> mine;
  in_transaction(*store_, [&](Transaction& tx) { mine = departments_of_user(tx, focal_); });
  EXPECT_THAT(mine, ElementsAre(afcd_, plan_d_));
  EXPECT_THAT(refusal([&](Transaction& tx) { add_department_member(tx, afcd_, focal_, "admin"); }),
              HasSubstr("already"));
  in_transaction(*store_,
                 [&](Transaction& tx) { remove_department_member(tx, afcd_, focal_, "admin"); });
  in_transaction(*store_, [&](Transaction& tx) { mine = departments_of_user(tx, focal_); });
  EXPECT_THAT(mine, ElementsAre(plan_d_));
  EXPECT_THAT(
      refusal([&](Transaction& tx) { remove_department_member(tx, afcd_, focal_, "admin"); }),
      HasSubstr("not a focal point"));
}

// ---- item assignments

TEST_P(TrackerRepoTest, ANewLeadTakesThePlaceOfThePresentOne_5_1) {
  in_transaction(*store_, [&](Transaction& tx) {
    assign_item(tx, {"1.5.2", afcd_, true}, "admin");
    assign_item(tx, {"1.5.2", plan_d_, true}, "admin");
  });
  std::vector<ItemAssignment> assignments;
  std::optional<std::int64_t> lead;
  in_transaction(*store_, [&](Transaction& tx) {
    assignments = assignments_of_item(tx, "1.5.2");
    lead = lead_department(tx, "1.5.2");
  });
  EXPECT_EQ(lead, plan_d_);
  ASSERT_EQ(assignments.size(), 2u);
  EXPECT_EQ(assignments[0].department_id, plan_d_);
  EXPECT_TRUE(assignments[0].lead);
  EXPECT_EQ(assignments[1].department_id, afcd_);
  EXPECT_FALSE(assignments[1].lead);
  // The database itself holds an item to one lead.
  EXPECT_ANY_THROW(execute_sql("UPDATE item_assignments SET lead = 1"));

  in_transaction(*store_, [&](Transaction& tx) { unassign_item(tx, "1.5.2", plan_d_, "admin"); });
  in_transaction(*store_, [&](Transaction& tx) { lead = lead_department(tx, "1.5.2"); });
  EXPECT_EQ(lead, std::nullopt);
  EXPECT_THAT(refusal([&](Transaction& tx) { unassign_item(tx, "1.5.2", plan_d_, "admin"); }),
              HasSubstr("not assigned"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                assign_item(tx, {"1.5.2", 999, true}, "admin");
              }),
              HasSubstr("no department"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                assign_item(tx, {"1.5", afcd_, true}, "admin");
              }),
              HasSubstr("not a priority item id"));
}

// ---- progress reports

TEST_P(TrackerRepoTest, DraftIsSavedWholeAndReplacedWhileADraft_5_1) {
  const std::int64_t id = save(draft("1.5.2"));
  ProgressReport saved = report(id);
  EXPECT_EQ(saved.item_id, "1.5.2");
  EXPECT_EQ(saved.state, plan::ReportState::draft);
  EXPECT_EQ(saved.status, plan::ItemStatus::on_track);
  EXPECT_EQ(saved.updated_by, focal_);
  ASSERT_EQ(saved.outputs.size(), 1u);
  EXPECT_DOUBLE_EQ(saved.outputs[0].value, 4.5);
  ASSERT_EQ(saved.milestones.size(), 2u);
  EXPECT_EQ(saved.milestones[0].done_on, "2026-06-20");
  EXPECT_EQ(saved.milestones[1].done_on, "");
  ASSERT_EQ(saved.evidence.size(), 1u);
  EXPECT_EQ(saved.published_at, "");

  ProgressReport second = draft("1.5.2");
  second.status = plan::ItemStatus::needs_attention;
  second.outputs = {{"活動", "Events", 3, "count"}, {"參加者", "Participants", 120, "people"}};
  second.milestones.clear();
  EXPECT_EQ(save(second), id);
  saved = report(id);
  EXPECT_EQ(saved.status, plan::ItemStatus::needs_attention);
  ASSERT_EQ(saved.outputs.size(), 2u);
  EXPECT_EQ(saved.outputs[1].label_en, "Participants");
  EXPECT_THAT(saved.milestones, IsEmpty());

  move(id, plan::ReportState::draft, plan::ReportState::submitted);
  EXPECT_THAT(refusal([&](Transaction& tx) { save_progress_draft(tx, second, focal_); }),
              HasSubstr("not a draft"));
  EXPECT_EQ(report(id).status, plan::ItemStatus::needs_attention);
}

TEST_P(TrackerRepoTest, StateChangesOnlyFromTheStateItIsIn_5_1) {
  const std::int64_t id = save(draft("1.5.2"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                set_progress_state(tx, id, plan::ReportState::submitted,
                                   plan::ReportState::reviewed, "", secretariat_);
              }),
              HasSubstr("now draft"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                set_progress_state(tx, id, plan::ReportState::draft, plan::ReportState::published,
                                   "", secretariat_);
              }),
              HasSubstr("does not go from draft to published"));
  EXPECT_EQ(report(id).state, plan::ReportState::draft);

  move(id, plan::ReportState::draft, plan::ReportState::submitted);
  move(id, plan::ReportState::submitted, plan::ReportState::draft, "Add the hectares.");
  EXPECT_EQ(report(id).review_note, "Add the hectares.");
  move(id, plan::ReportState::draft, plan::ReportState::submitted);
  move(id, plan::ReportState::submitted, plan::ReportState::reviewed);
  EXPECT_EQ(report(id).published_at, "");
  move(id, plan::ReportState::reviewed, plan::ReportState::published);
  const ProgressReport published = report(id);
  EXPECT_EQ(published.state, plan::ReportState::published);
  EXPECT_THAT(published.published_at, HasSubstr("T"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                set_progress_state(tx, 424242, plan::ReportState::draft,
                                   plan::ReportState::submitted, "", secretariat_);
              }),
              HasSubstr("no progress report"));
}

TEST_P(TrackerRepoTest, PublishedStatusesCountOnlyPublishedReports_5_1) {
  const std::int64_t published = save(draft("1.5.2"));
  ProgressReport other = draft("2.1.1");
  other.status = plan::ItemStatus::off_track;
  save(other);
  ProgressReport later = draft("1.5.2", 2027);
  save(later);
  move(published, plan::ReportState::draft, plan::ReportState::submitted);
  move(published, plan::ReportState::submitted, plan::ReportState::reviewed);
  move(published, plan::ReportState::reviewed, plan::ReportState::published);

  plan::ItemStatuses statuses;
  std::vector<int> years;
  std::vector<ProgressReport> drafts, all;
  in_transaction(*store_, [&](Transaction& tx) {
    statuses = published_statuses(tx, 2026);
    years = published_years(tx);
    drafts = list_progress(tx, 2026, plan::ReportState::draft);
    all = list_progress(tx, 2026);
  });
  EXPECT_EQ(statuses, (plan::ItemStatuses{{"1.5.2", plan::ItemStatus::on_track}}));
  EXPECT_THAT(years, ElementsAre(2026));
  ASSERT_EQ(drafts.size(), 1u);
  EXPECT_EQ(drafts[0].item_id, "2.1.1");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].item_id, "1.5.2");
  EXPECT_EQ(all[0].outputs.size(), 1u);
}

// ---- evidence files

TEST_P(TrackerRepoTest, EvidenceFileKeepsItsBytesAndKnowsItsReport_5_1) {
  ProgressFile file;
  file.filename = "photo.png";
  file.media_type = "image/png";
  file.content = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  std::int64_t file_id = 0;
  in_transaction(*store_,
                 [&](Transaction& tx) { file_id = store_progress_file(tx, file, focal_); });
  std::optional<ProgressFile> found;
  std::optional<std::int64_t> cited_by;
  in_transaction(*store_, [&](Transaction& tx) {
    found = find_progress_file(tx, file_id);
    cited_by = report_of_file(tx, file_id);
  });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->content, file.content);
  EXPECT_EQ(found->content.size(), 16u);
  EXPECT_EQ(found->filename, "photo.png");
  EXPECT_EQ(found->sha256.size(), 64u);
  EXPECT_EQ(cited_by, std::nullopt);

  ProgressReport with_file = draft("1.5.2");
  with_file.evidence.push_back({"Site photo", "", file_id});
  const std::int64_t id = save(with_file);
  in_transaction(*store_, [&](Transaction& tx) { cited_by = report_of_file(tx, file_id); });
  EXPECT_EQ(cited_by, id);
  EXPECT_EQ(report(id).evidence.at(1).file_id, file_id);

  file.sha256 = std::string(64, '0');
  EXPECT_THAT(refusal([&](Transaction& tx) { store_progress_file(tx, file, focal_); }),
              HasSubstr("SHA-256"));
  ProgressReport both = draft("1.5.3");
  both.evidence = {{"Both", "https://example.org", file_id}};
  EXPECT_THAT(refusal([&](Transaction& tx) { save_progress_draft(tx, both, focal_); }),
              HasSubstr("either a link or a stored file"));
}

// ---- indicators and the City Biodiversity Index (5.2)

TEST_P(TrackerRepoTest, ASecondValueForTheYearReplacesTheFirst_5_2) {
  in_transaction(*store_, [&](Transaction& tx) {
    record_indicator_value(tx, {"protected_area_extent", 2026, 44300, "AFCD 2026", false}, "admin");
    record_indicator_value(tx, {"protected_area_extent", 2027, 44350.5, "AFCD 2027", true},
                           "admin");
    record_indicator_value(tx, {"protected_area_extent", 2026, 44310, "AFCD 2026 rev.", false},
                           "admin");
  });
  std::vector<plan::IndicatorValue> series;
  in_transaction(*store_,
                 [&](Transaction& tx) { series = indicator_series(tx, "protected_area_extent"); });
  ASSERT_EQ(series.size(), 2u);
  EXPECT_EQ(series[0].year, 2026);
  EXPECT_DOUBLE_EQ(series[0].value, 44310);
  EXPECT_EQ(series[0].source, "AFCD 2026 rev.");
  EXPECT_DOUBLE_EQ(series[1].value, 44350.5);
  EXPECT_TRUE(series[1].demonstration);
  const auto audited = audited_since(0);
  EXPECT_EQ(std::count(audited.begin(), audited.end(), "admin indicator tracker.indicator.replace"),
            1);
}

TEST_P(TrackerRepoTest, CbiInputsAreKeptByYearIndicatorAndKey_5_2) {
  in_transaction(*store_, [&](Transaction& tx) {
    record_cbi_input(tx, {2026, 1, "natural_area_ha", 70000, "AFCD", false}, "admin");
    record_cbi_input(tx, {2026, 1, "city_area_ha", 110000, "LandsD", false}, "admin");
    record_cbi_input(tx, {2026, 1, "natural_area_ha", 70500, "AFCD rev.", false}, "admin");
    record_cbi_input(tx, {2021, 2, "connectivity", 0.4, "demo", true}, "admin");
  });
  std::vector<CbiInputValue> inputs;
  std::vector<int> years;
  in_transaction(*store_, [&](Transaction& tx) {
    inputs = list_cbi_inputs(tx, 2026);
    years = cbi_years(tx);
  });
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].key, "city_area_ha");
  EXPECT_EQ(inputs[1].key, "natural_area_ha");
  EXPECT_DOUBLE_EQ(inputs[1].value, 70500);
  EXPECT_THAT(years, ElementsAre(2021, 2026));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_cbi_input(tx, {2026, 29, "x", 1, "", false}, "admin");
              }),
              HasSubstr("1 to 28"));
}

TEST_P(TrackerRepoTest, BandsComeBackAsEntered_5_2) {
  plan::BandOverride bands;
  bands.indicator = 1;
  bands.source = "CBD-TS-98 p. 25";
  bands.bands = {{0, std::nullopt, true, 1.0, false},
                 {1, 1.0, true, 6.9, true},
                 {2, 7.0, true, 13.9, true},
                 {4, 20.0, false, std::nullopt, true}};
  in_transaction(*store_, [&](Transaction& tx) { set_cbi_bands(tx, bands, "admin"); });
  bands.source = "Working group decision 2026-03";
  in_transaction(*store_, [&](Transaction& tx) { set_cbi_bands(tx, bands, "admin"); });
  std::vector<plan::BandOverride> found;
  in_transaction(*store_, [&](Transaction& tx) { found = list_cbi_bands(tx); });
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].source, "Working group decision 2026-03");
  ASSERT_EQ(found[0].bands.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(found[0].bands[i].points, bands.bands[i].points);
    EXPECT_EQ(found[0].bands[i].min, bands.bands[i].min);
    EXPECT_EQ(found[0].bands[i].min_inclusive, bands.bands[i].min_inclusive);
    EXPECT_EQ(found[0].bands[i].max, bands.bands[i].max);
    EXPECT_EQ(found[0].bands[i].max_inclusive, bands.bands[i].max_inclusive);
  }
  bands.source = "";
  EXPECT_THAT(refusal([&](Transaction& tx) { set_cbi_bands(tx, bands, "admin"); }),
              HasSubstr("source"));
}

// ---- tagged projects and snapshots

TEST_P(TrackerRepoTest, ProjectsAreTaggedToItemsOnce_5_1) {
  const std::int64_t application = submitted(day(2026, 3, 2));
  in_transaction(*store_, [&](Transaction& tx) {
    tag_project_item(tx, application, "1.5.2", "officer");
    tag_project_item(tx, application, "2.1.1", "officer");
  });
  std::vector<ProjectItemTag> tags;
  in_transaction(*store_, [&](Transaction& tx) { tags = list_project_tags(tx); });
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0].item_id, "1.5.2");
  EXPECT_EQ(tags[0].application_id, application);
  EXPECT_THAT(
      refusal([&](Transaction& tx) { tag_project_item(tx, application, "1.5.2", "officer"); }),
      HasSubstr("already tagged"));
  EXPECT_THAT(refusal([&](Transaction& tx) { tag_project_item(tx, 999, "1.5.2", "officer"); }),
              HasSubstr("no application"));
  in_transaction(*store_,
                 [&](Transaction& tx) { untag_project_item(tx, application, "1.5.2", "officer"); });
  in_transaction(*store_, [&](Transaction& tx) { tags = list_project_tags(tx); });
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_THAT(
      refusal([&](Transaction& tx) { untag_project_item(tx, application, "1.5.2", "officer"); }),
      HasSubstr("not tagged"));
}

TEST_P(TrackerRepoTest, ASnapshotIsSavedOncePerKindAndYear_5_1) {
  in_transaction(*store_, [&](Transaction& tx) {
    save_snapshot(tx, "midterm_review", 2030, R"({"items":81})", secretariat_);
  });
  std::optional<std::string> found, missing;
  in_transaction(*store_, [&](Transaction& tx) {
    found = find_snapshot(tx, "midterm_review", 2030);
    missing = find_snapshot(tx, "baseline", 2030);
  });
  EXPECT_EQ(found, R"({"items":81})");
  EXPECT_EQ(missing, std::nullopt);
  EXPECT_THAT(refusal([&](Transaction& tx) {
                save_snapshot(tx, "midterm_review", 2030, "{}", secretariat_);
              }),
              HasSubstr("saved already"));
  EXPECT_EQ(find_snapshot(*store_->begin(), "midterm_review", 2030), R"({"items":81})");
  EXPECT_THAT(
      refusal([&](Transaction& tx) { save_snapshot(tx, "annual", 2030, "{}", secretariat_); }),
      HasSubstr("midterm_review"));
}

// ---- the audit log

TEST_P(TrackerRepoTest, EveryWriteLeavesAnAuditRecord_5_1) {
  const std::size_t before = audit_log().size();
  in_transaction(*store_, [&](Transaction& tx) {
    add_department_member(tx, afcd_, focal_, "admin");
    assign_item(tx, {"1.5.2", afcd_, true}, "admin");
  });
  const std::int64_t id = save(draft("1.5.2"));
  move(id, plan::ReportState::draft, plan::ReportState::submitted);
  move(id, plan::ReportState::submitted, plan::ReportState::draft, "Add the hectares.");
  ProgressFile file{0, "a.pdf", "application/pdf", "", "%PDF-1.4\n%%EOF\n"};
  const std::int64_t application = submitted(day(2026, 3, 2));
  in_transaction(*store_, [&](Transaction& tx) {
    store_progress_file(tx, file, focal_);
    record_indicator_value(tx, {"greening_coverage", 2026, 40, "CEDD", false}, "admin");
    record_cbi_input(tx, {2026, 1, "natural_area_ha", 1, "x", false}, "admin");
    set_cbi_bands(tx, {1, {{4, 20.0, true, std::nullopt, true}}, "p. 25"}, "admin");
    tag_project_item(tx, application, "1.5.2", "admin");
    save_snapshot(tx, "baseline", 2026, "{}", secretariat_);
  });
  const auto audited = audited_since(before);
  const std::vector<std::string> tracker(
      std::find_if(
          audited.begin(), audited.end(),
          [](const std::string& line) { return line.find("tracker.") != std::string::npos; }),
      audited.end());
  std::vector<std::string> expected{"admin department tracker.department.add_member",
                                    "admin plan_item tracker.item.assign",
                                    "focal progress_report tracker.progress.save",
                                    "officer progress_report tracker.progress.submit",
                                    "officer progress_report tracker.progress.return",
                                    "focal progress_file tracker.file.upload",
                                    "admin indicator tracker.indicator.record",
                                    "admin cbi_input tracker.cbi.record_input",
                                    "admin cbi_bands tracker.cbi.set_bands"};
  for (const std::string& line : expected)
    EXPECT_NE(std::find(tracker.begin(), tracker.end(), line), tracker.end()) << line;
  EXPECT_NE(std::find(tracker.begin(), tracker.end(), "admin application tracker.project.tag"),
            tracker.end());
  EXPECT_NE(
      std::find(tracker.begin(), tracker.end(), "officer plan_snapshot tracker.snapshot.save"),
      tracker.end());
  // A refused write leaves nothing, its audit record included.
  const std::size_t after = audit_log().size();
  refusal([&](Transaction& tx) { save_snapshot(tx, "baseline", 2026, "{}", secretariat_); });
  EXPECT_EQ(audit_log().size(), after);
}

}  // namespace
}  // namespace bsap::store::testing
