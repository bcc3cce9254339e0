// store/panel_repo.h: members of the assessment panel, the approval panel and the committee
// assigned to an application (§4.1.1, §4.1.2), their declaration of interests before they see it
// (§5.17.3), their scores and recommendations.
#include "store/panel_repo.h"

#include <gmock/gmock.h>

#include "assessment_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kPanel = "assessment_panel";

class PanelTest : public AssessmentFixture {
 protected:
  void SetUp() override {
    AssessmentFixture::SetUp();
    if (HasFatalFailure()) return;
    lam_ = add_test_user("lam", {Role::assessment_panel});
    ho_ = add_test_user("ho", {Role::assessment_panel, Role::approval_panel});
    application_ = submitted(day(2026, 3, 2));
  }

  void assign(std::int64_t user, std::string_view body = kPanel) {
    in_transaction(*store_, [&](Transaction& tx) {
      assign_member(tx, application_, user, body, secretariat_);
    });
  }

  void declare(std::int64_t user, bool conflict, const std::string& note = "",
               std::string_view body = kPanel) {
    in_transaction(*store_, [&](Transaction& tx) {
      declare_interest(tx, application_, user, body, conflict, note);
    });
  }

  Assignment assignment(std::int64_t user, std::string_view body = kPanel) {
    std::optional<Assignment> found;
    in_transaction(*store_,
                   [&](Transaction& tx) { found = find_assignment(tx, application_, user, body); });
    if (!found) throw std::runtime_error("not assigned");
    return *found;
  }

  void score(std::int64_t user, const std::string& criterion, int value,
             const std::string& comment = "") {
    in_transaction(*store_, [&](Transaction& tx) {
      save_score(tx, {application_, user, std::string(kPanel), criterion, value, comment, ""});
    });
  }

  std::vector<StoredScore> scores() {
    std::vector<StoredScore> out;
    in_transaction(*store_, [&](Transaction& tx) { out = list_scores(tx, application_, kPanel); });
    return out;
  }

  std::int64_t lam_ = 0;  // an assessment panel member
  std::int64_t ho_ = 0;   // a member of both panels
  std::int64_t application_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, PanelTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

TEST_P(PanelTest, AMemberIsAssignedOnceAndSeesNothingBeforeDeclaring_5_17_3) {
  const auto before = audit_log().size();
  assign(lam_);
  const auto assigned = assignment(lam_);
  EXPECT_EQ(assigned.application_id, application_);
  EXPECT_EQ(assigned.body, "assessment_panel");
  EXPECT_EQ(assigned.member_name, "Name of lam");
  EXPECT_EQ(assigned.assigned_by, secretariat_);
  EXPECT_EQ(assigned.assigned_at.back(), 'Z');
  EXPECT_EQ(assigned.declaration, "");
  EXPECT_FALSE(assigned.declared_at);
  EXPECT_FALSE(assigned.may_see());
  EXPECT_THAT(audited_since(before), ElementsAre("officer panel_assignment assign"));

  try {
    assign(lam_);
    FAIL() << "assigned twice";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("already assigned"));
  }
  EXPECT_EQ(count_rows("panel_assignments"), 1);
}

TEST_P(PanelTest, OnlyAMemberOfTheBodyIsAssignedToASubmittedApplication) {
  EXPECT_THROW(assign(lam_, "approval_panel"), StoreError);  // not on the approval panel
  EXPECT_THROW(assign(chan_), StoreError);                   // the applicant
  EXPECT_THROW(assign(lam_, "secretariat"), StoreError);     // not a body
  const auto draft = new_draft();
  EXPECT_THROW(
      in_transaction(
          *store_, [&](Transaction& tx) { assign_member(tx, draft, lam_, kPanel, secretariat_); }),
      StoreError);
  EXPECT_EQ(count_rows("panel_assignments"), 0);

  // One member may sit on two bodies of the same application.
  assign(ho_, "assessment_panel");
  assign(ho_, "approval_panel");
  in_transaction(*store_, [&](Transaction& tx) {
    std::vector<std::string> bodies;
    for (const auto& a : user_assignments(tx, application_, ho_)) bodies.push_back(a.body);
    EXPECT_THAT(bodies, ElementsAre("assessment_panel", "approval_panel"));
  });
}

TEST_P(PanelTest, AnUndeclaredAssignmentMayBeRemovedADeclaredOneStays) {
  assign(lam_);
  assign(ho_);
  in_transaction(*store_, [&](Transaction& tx) {
    unassign_member(tx, application_, lam_, kPanel, secretariat_);
  });
  EXPECT_EQ(count_rows("panel_assignments"), 1);
  EXPECT_EQ(audit_log().back().action, "unassign");

  declare(ho_, false);
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                unassign_member(tx, application_, ho_, kPanel, secretariat_);
                              }),
               StoreError);
  EXPECT_EQ(count_rows("panel_assignments"), 1);
}

TEST_P(PanelTest, NoConflictOpensTheApplicationAndTheDeclarationIsMadeOnce_5_17_3) {
  assign(lam_);
  const auto before = audit_log().size();
  declare(lam_, false);
  const auto declared = assignment(lam_);
  EXPECT_EQ(declared.declaration, "no_conflict");
  EXPECT_TRUE(declared.declared_at);
  EXPECT_TRUE(declared.may_see());
  EXPECT_THAT(audited_since(before), ElementsAre("lam panel_assignment declare"));

  try {
    declare(lam_, true, "我是申請機構的董事");
    FAIL() << "a declaration was changed";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot be changed"));
  }
  EXPECT_EQ(assignment(lam_).declaration, "no_conflict");
}

TEST_P(PanelTest, AConflictNeedsANoteAndRemovesTheMemberFromTheApplication_5_17_3) {
  assign(lam_);
  EXPECT_THROW(declare(lam_, true, ""), StoreError);
  declare(lam_, true, "我是申請機構的董事");
  const auto declared = assignment(lam_);
  EXPECT_EQ(declared.declaration, "conflict");
  EXPECT_EQ(declared.declaration_note, "我是申請機構的董事");
  EXPECT_FALSE(declared.may_see());

  // The assignment stays for the record, but gives neither a score nor a recommendation.
  EXPECT_THROW(score(lam_, "ma_criteria.b", 4), StoreError);
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                save_recommendation(tx, application_, lam_, kPanel, "support", "");
                              }),
               StoreError);
  EXPECT_TRUE(scores().empty());
  in_transaction(*store_, [&](Transaction& tx) {
    ASSERT_EQ(list_assignments(tx, application_).size(), 1u);
    ASSERT_EQ(list_member_assignments(tx, lam_).size(), 1u);
  });
}

TEST_P(PanelTest, AScoreNeedsAnAssignmentDeclaredWithoutConflict) {
  EXPECT_THROW(score(lam_, "ma_criteria.b", 4), StoreError);  // not assigned
  assign(lam_);
  try {
    score(lam_, "ma_criteria.b", 4);
    FAIL() << "scored before declaring";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("not yet declared"), HasSubstr("§5.17.3")));
  }
  declare(lam_, false);
  EXPECT_THROW(score(lam_, "not a key", 4), StoreError);
  score(lam_, "ma_criteria.b", 4, "成果指標清晰");
  ASSERT_EQ(scores().size(), 1u);
}

TEST_P(PanelTest, ASecondScoreForACriterionReplacesTheFirstAndTheAuditKeepsBoth) {
  assign(lam_);
  declare(lam_, false);
  const auto before = audit_log().size();
  score(lam_, "ma_criteria.b", 3, "初步");
  score(lam_, "ma_criteria.b", 4, "修訂");

  const auto saved = scores();
  ASSERT_EQ(saved.size(), 1u);
  EXPECT_EQ(saved[0].score, 4);
  EXPECT_EQ(saved[0].comment, "修訂");
  EXPECT_EQ(saved[0].criterion_key, "ma_criteria.b");
  EXPECT_EQ(saved[0].user_id, lam_);
  EXPECT_EQ(saved[0].body, "assessment_panel");
  EXPECT_EQ(saved[0].scored_at.back(), 'Z');

  const auto records = audit_log();
  EXPECT_THAT(audited_since(before),
              ElementsAre("lam panel_score create", "lam panel_score replace"));
  EXPECT_EQ(records[before].before_json, "null");
  EXPECT_EQ(records[before + 1].before_json, R"({"comment":"初步","score":3})");
  EXPECT_THAT(records[before + 1].after_json,
              AllOf(HasSubstr(R"("score":4)"), HasSubstr("修訂"), HasSubstr("ma_criteria.b")));
}

TEST_P(PanelTest, ScoresAreListedByMemberThenCriterion) {
  assign(lam_);
  assign(ho_);
  declare(lam_, false);
  declare(ho_, false);
  score(ho_, "ma_criteria.c", 2);
  score(lam_, "ma_criteria.d", 5);
  score(ho_, "ma_criteria.a1", 3);
  score(lam_, "ma_criteria.a1", 4);
  std::vector<std::string> listed;
  for (const auto& s : scores())
    listed.push_back(std::to_string(s.user_id) + " " + s.criterion_key);
  const auto lam = std::to_string(lam_), ho = std::to_string(ho_);
  EXPECT_THAT(listed, ElementsAre(lam + " ma_criteria.a1", lam + " ma_criteria.d",
                                  ho + " ma_criteria.a1", ho + " ma_criteria.c"));
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_TRUE(list_scores(tx, application_, "approval_panel").empty());
  });
}

TEST_P(PanelTest, TheRecommendationIsSetByAClearedMemberAndAudited) {
  assign(lam_);
  declare(lam_, false);
  const auto before = audit_log().size();
  in_transaction(*store_, [&](Transaction& tx) {
    save_recommendation(tx, application_, lam_, kPanel, "support_in_part", "削減宣傳開支");
  });
  const auto recommended = assignment(lam_);
  EXPECT_EQ(recommended.recommendation, "support_in_part");
  EXPECT_EQ(recommended.recommendation_note, "削減宣傳開支");
  EXPECT_THAT(audited_since(before), ElementsAre("lam panel_assignment recommend"));
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                save_recommendation(tx, application_, lam_, kPanel, "", "");
                              }),
               StoreError);
}

TEST_P(PanelTest, AssignmentsAreListedByBodyAndAMembersNewestFirst) {
  const auto second = submitted(day(2026, 3, 3), "second");
  assign(ho_, "approval_panel");
  assign(lam_, "assessment_panel");
  assign(ho_, "assessment_panel");
  in_transaction(*store_, [&](Transaction& tx) {
    assign_member(tx, second, ho_, kPanel, secretariat_);
    std::vector<std::string> listed;
    for (const auto& a : list_assignments(tx, application_))
      listed.push_back(a.body + " " + a.member_name);
    EXPECT_THAT(listed, ElementsAre("assessment_panel Name of lam", "assessment_panel Name of ho",
                                    "approval_panel Name of ho"));
    const auto work = list_member_assignments(tx, ho_);
    ASSERT_EQ(work.size(), 3u);
    EXPECT_EQ(work[0].application_id, second);
  });
}

}  // namespace
}  // namespace bsap::store::testing
