// The biodiversity hub's feeds and its taxa administration against the real server (issue 9 §3,
// §6, §7): the species and threatened species of an application's site beside it for the
// secretariat and the panels, never for the applicant; the City Biodiversity Index's species
// figures offered to the plan's secretariat without replacing what was entered; and the
// administrators' taxa page, whose changes are checked and audited.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "biodata/occurrence_columns.h"
#include "hub/area_layer_import.h"
#include "hub/checklist_import.h"
#include "hub/occurrence_download.h"
#include "hub/occurrence_import.h"
#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/audit_repo.h"
#include "store/bio_taxon_status_repo.h"
#include "store/organisation_repo.h"
#include "store/panel_repo.h"
#include "store/tracker_repo.h"
#include "web/page_text.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

namespace fs = std::filesystem;

// Records near Tai Po Kau of the golden coin turtle and of a common toad; one off the map. A
// little egret in Kowloon, away from the site, seen in 2018 and not since.
const char* const kOccurrences =
    "occurrenceID\tscientificName\tbasisOfRecord\teventDate\tlat\tlon\tdatum\n"
    "feed:1\tCuora trifasciata\tHumanObservation\t2019-04-02\t22.4105\t114.1240\tWGS84\n"
    "feed:2\tCuora trifasciata\tHumanObservation\t2021-06-30\t22.4106\t114.1241\tWGS84\n"
    "feed:3\tDuttaphrynus melanostictus\tHumanObservation\t2020-03-01\t22.4107\t114.1242\tWGS84\n"
    "feed:4\tDuttaphrynus melanostictus\tHumanObservation\t2020-03-01\t0\t0\tWGS84\n"
    "feed:5\tEgretta garzetta\tHumanObservation\t2018-05-01\t22.3000\t114.1700\tWGS84\n"
    "feed:6\tCuora trifasciata luteocephala\tHumanObservation\t2022-05-01\t22.3500\t114.1500\t"
    "WGS84\n";

const char* const kChecklistMeta = R"(<archive xmlns="http://rs.tdwg.org/dwc/text/">
<core rowType="http://rs.tdwg.org/dwc/terms/Taxon" fieldsTerminatedBy="\t" fieldsEnclosedBy="" ignoreHeaderLines="1">
<files><location>taxon.txt</location></files><id index="0"/>
<field index="1" term="http://rs.tdwg.org/dwc/terms/scientificName"/>
<field index="2" term="http://rs.tdwg.org/dwc/terms/taxonRank"/>
<field index="3" term="http://rs.tdwg.org/dwc/terms/class"/>
</core></archive>)";
const char* const kTaxa =
    "id\tname\trank\tclass\nt1\tCuora trifasciata (Bell, 1825)\tspecies\tReptilia\n"
    "t2\tDuttaphrynus melanostictus (Schneider, 1799)\tspecies\tAmphibia\n"
    "t3\tEgretta garzetta (Linnaeus, 1766)\tspecies\tAves\n"
    "t4\tCuora trifasciata luteocephala\tsubspecies\tReptilia\n";

// Site A02 (Sha Lo Tung) drawn as a small square around the records.
const char* const kSchemeSites = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"A02","name_en":"Sha Lo Tung"},"geometry":{"type":"Polygon",
"coordinates":[[[114.12,22.40],[114.13,22.40],[114.13,22.42],[114.12,22.42],[114.12,22.40]]]}}]})";

class ScratchFolder {
 public:
  ScratchFolder() {
    char pattern[] = "/tmp/bsap-hub-feed-XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    folder_ = pattern;
  }
  ~ScratchFolder() { fs::remove_all(folder_); }
  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path path = folder_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  const fs::path& path() const { return folder_; }

 private:
  fs::path folder_;
};

std::string fixture_document() {
  std::ifstream in(std::string(BSAP_HOME_DIR) +
                   "/tests/fixtures/applications/01-ma-sha-lo-tung-marsh-good.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CivilDate day(int y, unsigned m, unsigned d) { return *CivilDate::from_ymd(y, m, d); }

class HubFeedPages : public WebSuite {
 protected:
  static void SetUpTestSuite() {
    WebSuite::SetUpTestSuite();
    ScratchFolder folder;
    store::Store& store = server().store();
    folder.write("taxa/meta.xml", kChecklistMeta);
    folder.write("taxa/taxon.txt", kTaxa);
    ASSERT_TRUE(std::holds_alternative<hub::ChecklistSummary>(
        hub::import_checklist_archive(store, folder.path() / "taxa", "feed-test", "tester")));
    folder.write("occ/meta.xml", hub::occurrence_meta_xml(
                                     std::span(biodata::testing::kOccurrenceColumns).first(7)));
    folder.write("occ/occurrence.txt", kOccurrences);
    const hub::ImportOptions options{
        "tester", "", {2026, 11, 23}, BSAP_HOME_DIR "/data/biodata/home_region.yaml", {}};
    ASSERT_TRUE(std::holds_alternative<hub::ImportSummary>(
        hub::import_occurrences(store, folder.path() / "occ", options)));
    hub::LayerImportRequest layer;
    layer.file = folder.write("sites.geojson", kSchemeSites);
    layer.code = "ccfs_sites";
    layer.name_en = "Funding scheme sites";
    layer.kind = "scheme_site";
    layer.options.code_property = "code";
    layer.options.name_en_property = "name_en";
    layer.actor = "tester";
    ASSERT_TRUE(
        std::holds_alternative<hub::LayerImportSummary>(hub::import_area_layer(store, layer)));
    store::in_transaction(store, [](store::Transaction& tx) {
      turtle_id_ = store::find_taxa_named(tx, "Cuora trifasciata").at(0).id;
      // The turtle is critically endangered and poached: its places are withheld.
      store::set_taxon_status(tx, turtle_id_, {4, std::string("CR"), std::string("native")},
                              "tester");
      for (const char* name : {"Duttaphrynus melanostictus", "Egretta garzetta"})
        store::set_taxon_status(tx, store::find_taxa_named(tx, name).at(0).id,
                                {std::nullopt, std::nullopt, std::string("native")}, "tester");
      // The index applied in 2014 and 2018: 2026's previous period is 2015 to 2018.
      for (int year : {2014, 2018})
        store::record_cbi_input(tx, {year, 1, "city_area_ha", 110000, "test", false}, "tester");
    });
  }

  // An application at Sha Lo Tung (A02) before the assessment panel, with a declared member.
  static std::int64_t application(std::string& member) {
    const std::int64_t applicant =
        server().add_user("feed_applicant", kPassword, {Role::applicant}, "Applicant");
    const std::int64_t officer =
        server().add_user("feed_secretariat", kPassword, {Role::secretariat});
    member = "feed_assessor";
    const std::int64_t assessor =
        server().add_user(member, kPassword, {Role::assessment_panel}, "Assessor");
    auto tx = server().store().begin();
    store::create_organisation(*tx, {"餵養信託", "Feed Trust Limited", "non_profit_company", false},
                               applicant, "Director");
    const std::int64_t organisation = store::organisation_of_user(*tx, applicant)->id;
    const std::int64_t id = store::create_application(
        *tx, {organisation, "management_agreement", "Sha Lo Tung marsh", fixture_document()},
        applicant);
    store::submit_application(*tx, id, 1, applicant, "1.8", day(2026, 5, 4));
    store::record_transition(*tx, {id, "submitted", "screening", "begin_screening", "secretariat",
                                   officer, "", day(2026, 5, 5)});
    store::record_transition(*tx, {id, "screening", "assessment_panel", "refer_to_assessment_panel",
                                   "secretariat", officer, "Eligible", day(2026, 5, 6)});
    store::assign_member(*tx, id, assessor, "assessment_panel", officer);
    store::declare_interest(*tx, id, assessor, "assessment_panel", false, "");
    tx->commit();
    return id;
  }

  // The plan secretariat's CBI input page of `year`, with the query `query`.
  static HttpResponse cbi_page(const std::string& year, const std::string& query = "") {
    HttpClient secretariat = signed_in_as(user_with_role(Role::plan_secretariat));
    return secretariat.get("/en/tracker/cbi/" + year + query);
  }

  static HttpResponse post(HttpClient& client, const std::string& target, Fields fields) {
    fields.insert(fields.begin(), {"csrf_token", client.csrf_token_from("/en/account")});
    return client.post_form(target, fields);
  }

  static inline std::int64_t turtle_id_ = 0;
};

TEST_F(HubFeedPages, TheSiteSpeciesAndThreatenedSpeciesShowBesideTheApplication_Issue9S7) {
  std::string member;
  const std::int64_t id = application(member);
  const std::string n = std::to_string(id);

  HttpClient secretariat = signed_in_as("feed_secretariat");
  const HttpResponse screening = secretariat.get("/en/assessment/applications/" + n);
  ASSERT_EQ(screening.status, 200);
  EXPECT_TRUE(has(screening, "id=\"site-species\""));
  EXPECT_TRUE(has(screening, "2 species recorded, 1 of them threatened."));
  EXPECT_TRUE(has(screening, "Cuora trifasciata (Bell, 1825)"));
  EXPECT_TRUE(has(screening, "CR Critically Endangered"));
  // Staff may see a sensitive species; it is marked so they do not pass it on.
  EXPECT_TRUE(has(screening, "bsap-tag--sensitive"));

  HttpClient panel = signed_in_as(member);
  const HttpResponse review = panel.get("/en/reviews/" + n);
  ASSERT_EQ(review.status, 200);
  EXPECT_TRUE(has(review, "id=\"site-species\""));
  EXPECT_TRUE(has(review, "Cuora trifasciata (Bell, 1825)"));

  // The applicant reads the application, never the hub's species of the site.
  HttpClient applicant = signed_in_as("feed_applicant");
  const HttpResponse own = applicant.get("/en/portal/applications/" + n + "/review");
  ASSERT_EQ(own.status, 200);
  EXPECT_FALSE(has(own, "Cuora trifasciata"));
  EXPECT_FALSE(has(own, "site-species"));
}

TEST_F(HubFeedPages, TheCbiPageOffersTheHubsFiguresWithoutReplacingEnteredOnes_Issue9S7) {
  HttpClient secretariat = signed_in_as(user_with_role(Role::plan_secretariat));
  const HttpResponse page = secretariat.get("/en/tracker/cbi/2026");
  ASSERT_EQ(page.status, 200);
  // Three species on the map by 2026; the toad's record at 0°, 0° is left out, not the toad.
  EXPECT_TRUE(has(page, "The hub holds records of 3 species up to 2026, 0 of them invasive"));
  EXPECT_TRUE(has(page, "id=\"cbi-11-take\""));
  EXPECT_TRUE(has(page, "id=\"cbi-5-hub\""));
  // Nothing is put into the form until it is taken.
  EXPECT_FALSE(has(page,
                   "id=\"cbi-11-total_species\" name=\"input_total_species\" "
                   "inputmode=\"decimal\" value=\"3\""));
  const HttpResponse taken = secretariat.get("/en/tracker/cbi/2026?take=11");
  EXPECT_TRUE(has(taken, "name=\"input_total_species\" inputmode=\"decimal\" value=\"3\""));
  EXPECT_TRUE(has(taken, "Hong Kong Biodiversity Information Hub (bsap hub), records up to 2026"));
}

TEST_F(HubFeedPages, TheCbiPageOffersSpeciesNotRecordedSinceThePreviousPeriod_Issue9S7) {
  // 2026: the egret, last seen in 2018 (the previous year), has no record since.
  const HttpResponse page = cbi_page("2026");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page,
                  "1 native species of birds recorded from 2015 to 2018 have no record from 2019 "
                  "to 2026: suggested as species lost. The absence of records does not show"));
  EXPECT_TRUE(has(page, "0 of them were first recorded after 2018"));
  const HttpResponse taken = cbi_page("2026", "?take=5");
  EXPECT_TRUE(has(taken, "name=\"input_species_lost\" inputmode=\"decimal\" value=\"1\""));
  EXPECT_TRUE(has(taken, "name=\"input_species_gained\" inputmode=\"decimal\" value=\"0\""));
  // 2018 itself: its previous year is 2014, with no application before it; the egret, first
  // seen in 2018, is gained, not lost.
  const HttpResponse in_2018 = cbi_page("2018");
  EXPECT_TRUE(has(in_2018, "1 of them were first recorded after 2014"));
  EXPECT_TRUE(has(in_2018,
                  "0 native species of birds recorded up to 2014 have no record from "
                  "2015 to 2018"));
  // 2014: no earlier year, so neither is counted.
  EXPECT_TRUE(has(cbi_page("2014"),
                  "No earlier year has index inputs, so neither species gained nor species lost"));
}

TEST_F(HubFeedPages, TheCbiPageSaysWhatTheHubCannotCountForIndicators3And7And8_Issue9S7) {
  const HttpResponse page = cbi_page("2026");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "id=\"cbi-3-hub\""));
  EXPECT_TRUE(has(page, "The hub cannot count this: it needs a layer of built-up areas"));
  EXPECT_TRUE(has(page, "It holds records of 1 native bird species in the whole of Hong Kong"));
  EXPECT_TRUE(has(page, "by class outside indicators 4–6: Amphibia 1, Reptilia 1."));
  // Nothing to take: the hub suggests no figure for them.
  for (const char* n : {"3", "7", "8"})
    EXPECT_FALSE(has(page, "id=\"cbi-" + std::string(n) + "-take\"")) << n;
}

TEST_F(HubFeedPages, ASpeciesPageIncludesAndNamesItsSubspeciesRecords_Issue9S5) {
  const std::string page = "/en/species/" + std::to_string(turtle_id_);
  const HttpResponse species = anonymous().get(page);
  ASSERT_EQ(species.status, 200);
  // Its two records and the subspecies' one, which the by-year table counts in 2022.
  EXPECT_TRUE(has(species, "3 records"));
  EXPECT_TRUE(has(species, "id=\"infraspecific\""));
  EXPECT_TRUE(has(species, "subspecies, varieties and forms: Cuora trifasciata luteocephala."));
  EXPECT_TRUE(has(species, "<th scope=\"row\">2022</th>"));
  // The subspecies' own page has its own record only and names no subspecies.
  std::int64_t subspecies = 0;
  store::in_transaction(server().store(), [&](store::Transaction& tx) {
    subspecies = store::find_taxa_named(tx, "Cuora trifasciata luteocephala").at(0).id;
  });
  const HttpResponse own = anonymous().get("/en/species/" + std::to_string(subspecies));
  EXPECT_TRUE(has(own, "1 records"));
  EXPECT_FALSE(has(own, "id=\"infraspecific\""));
}

TEST_F(HubFeedPages, AdministratorsFindATaxonAndSetItsStatusAndLists_Issue9S3S6) {
  HttpClient admin = signed_in_as(user_with_role(Role::administrator));
  const HttpResponse search = admin.get("/en/admin/taxa?q=duttaphrynus");
  ASSERT_EQ(search.status, 200);
  EXPECT_TRUE(has(search, "Duttaphrynus melanostictus (Schneider, 1799)"));
  std::int64_t toad = 0;
  store::in_transaction(server().store(), [&](store::Transaction& tx) {
    toad = store::find_taxa_named(tx, "Duttaphrynus melanostictus").at(0).id;
  });
  const std::string t = std::to_string(toad);

  const HttpResponse refused =
      post(admin, "/en/admin/taxa/status",
           {{"id", t}, {"sensitivity", "0.5"}, {"iucn", "XX"}, {"establishment", "native"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "Choose a sensitivity"));
  EXPECT_TRUE(has(refused, "Choose an IUCN category"));

  const HttpResponse saved = post(admin, "/en/admin/taxa/status",
                                  {{"id", t},
                                   {"q", "toad"},
                                   {"sensitivity", "0.01"},
                                   {"iucn", "LC"},
                                   {"establishment", "native"}});
  EXPECT_EQ(saved.status, 303);
  const HttpResponse listed = post(admin, "/en/admin/taxa/lists",
                                   {{"id", t}, {"list", "China Red List"}, {"category", "LC"}});
  EXPECT_EQ(listed.status, 303);
  const HttpResponse shown = admin.get("/en/admin/taxa?id=" + t);
  EXPECT_TRUE(has(shown, "Generalised to 0.01° (about 1 km)"));
  EXPECT_TRUE(has(shown, "LC Least Concern"));
  EXPECT_TRUE(has(shown, "<td>China Red List</td><td>LC</td>"));

  std::vector<AuditRecord> log;
  store::in_transaction(server().store(),
                        [&](store::Transaction& tx) { log = store::load_audit_log(tx); });
  ASSERT_GE(log.size(), 2u);
  EXPECT_EQ(log[log.size() - 2].entity, "bio_taxon");
  EXPECT_EQ(log.back().entity, "bio_taxon_list");
  EXPECT_EQ(log.back().actor, user_with_role(Role::administrator));
}

TEST_F(HubFeedPages, AdministratorsTakeATaxonOffAListAndAreToldWhenItIsNotOnIt_Issue9S3) {
  HttpClient admin = signed_in_as(user_with_role(Role::administrator));
  std::int64_t toad = 0;
  store::in_transaction(server().store(), [&](store::Transaction& tx) {
    toad = store::find_taxa_named(tx, "Duttaphrynus melanostictus").at(0).id;
    store::put_taxon_on_list(tx, toad, "HK concern", "LC", "seed");
    store::put_taxon_on_list(tx, toad, "Old list", "VU", "seed");
  });
  const std::string t = std::to_string(toad);
  const HttpResponse shown = admin.get("/en/admin/taxa?id=" + t);
  EXPECT_TRUE(has(shown, "<input type=\"hidden\" name=\"list\" value=\"Old list\">"));
  EXPECT_TRUE(has(shown, "Take off the list<span class=\"bsap-visually-hidden\"> Old list</span>"));

  const HttpResponse removed =
      post(admin, "/en/admin/taxa/lists/remove", {{"id", t}, {"q", "toad"}, {"list", "Old list"}});
  EXPECT_EQ(removed.status, 303);
  const HttpResponse after = admin.get("/en/admin/taxa?id=" + t);
  EXPECT_FALSE(has(after, "<td>Old list</td>"));
  EXPECT_TRUE(has(after, "<td>HK concern</td><td>LC</td>"));
  std::vector<AuditRecord> log;
  store::in_transaction(server().store(),
                        [&](store::Transaction& tx) { log = store::load_audit_log(tx); });
  EXPECT_EQ(log.back().action, "remove");
  EXPECT_EQ(log.back().actor, user_with_role(Role::administrator));
  EXPECT_EQ(log.back().before_json, R"({"category":"VU","list":"Old list"})");

  const HttpResponse again =
      post(admin, "/en/admin/taxa/lists/remove", {{"id", t}, {"list", "Old list"}});
  EXPECT_EQ(again.status, 422);
  EXPECT_TRUE(has(again, "This taxon is not on the list “Old list”"));
  EXPECT_TRUE(has(again, "href=\"#lists\""));
  EXPECT_TRUE(has(again, "<td>HK concern</td>"));
  const HttpResponse unnamed =
      post(admin, "/en/admin/taxa/lists/remove", {{"id", t}, {"list", " "}});
  EXPECT_EQ(unnamed.status, 422);
  // Without the form's token nothing is taken off.
  const HttpResponse forged =
      admin.post_form("/en/admin/taxa/lists/remove", {{"id", t}, {"list", "HK concern"}});
  EXPECT_EQ(forged.status, 403);
  store::in_transaction(server().store(), [&](store::Transaction& tx) {
    // Still on it, so taking it off now works (and leaves the toad as the other tests expect).
    EXPECT_NO_THROW(store::take_taxon_off_list(tx, toad, "HK concern", "seed"));
  });
}

TEST_F(HubFeedPages, AnEmptyListNameIsRefusedAndAnUnknownTaxonIsNotFound_Issue9S3) {
  HttpClient admin = signed_in_as(user_with_role(Role::administrator));
  const std::string t = std::to_string(turtle_id_);
  const HttpResponse empty =
      post(admin, "/en/admin/taxa/lists", {{"id", t}, {"list", " "}, {"category", "CR"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(has(empty, "Enter the list&apos;s name"));
  const HttpResponse missing = admin.get("/en/admin/taxa?id=999999");
  EXPECT_EQ(missing.status, 200);
  EXPECT_TRUE(has(missing, "id=\"not-found\""));
}

}  // namespace
}  // namespace bsap::test
