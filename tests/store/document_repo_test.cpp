// store/document_repo.h: uploads checked by content, kept byte for byte, stored once by hash.
#include "store/document_repo.h"

#include <gmock/gmock.h>
#include <soci/soci.h>

#include "core/crypto.h"
#include "store/application_repo.h"
#include "store/audit_repo.h"
#include "store/organisation_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::HasSubstr;

const std::string kPdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n%%EOF\n";
// Zero bytes and bytes above 0x7F inside: the content must survive as bytes, not as text.
const std::string kJpeg = std::string("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\xff\xd9", 17);
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20);

class Uploads {
 public:
  explicit Uploads(Store& store) : store_(store) {}

  std::int64_t store(std::int64_t organisation, std::int64_t user, const std::string& kind,
                     const std::string& filename, const std::string& bytes) {
    std::int64_t id = 0;
    in_transaction(store_, [&](Transaction& tx) {
      id = store_document(tx, organisation, kind, filename, bytes, user);
    });
    return id;
  }

  std::optional<StoredDocument> load(std::int64_t id) {
    std::optional<StoredDocument> document;
    in_transaction(store_, [&](Transaction& tx) { document = load_document(tx, id); });
    return document;
  }

 private:
  Store& store_;
};

struct Applicant {
  std::int64_t user = 0;
  std::int64_t organisation = 0;
};

Applicant applicant_with_organisation(Store& store, std::int64_t user, const std::string& name) {
  Applicant applicant{user, 0};
  in_transaction(store, [&](Transaction& tx) {
    applicant.organisation =
        create_organisation(tx, {name, name, "charitable_institution", false}, user, "主席");
  });
  return applicant;
}

TEST_P(StoreTest, AStoredDocumentIsListedAndLoadsByteForByte) {
  const auto chan =
      applicant_with_organisation(*store_, add_test_user("chan", {Role::applicant}), "甲");
  Uploads uploads(*store_);
  const auto letter =
      uploads.store(chan.organisation, chan.user, "tax_exemption_letter", "稅務豁免函件.pdf", kPdf);
  const auto photo = uploads.store(chan.organisation, chan.user, "site_photo", "村口.jpg", kJpeg);
  const auto map = uploads.store(chan.organisation, chan.user, "site_map", "map.png", kPng);

  std::vector<DocumentInfo> listed;
  in_transaction(*store_, [&](Transaction& tx) { listed = list_documents(tx, chan.organisation); });
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].id, letter);
  EXPECT_EQ(listed[0].kind, "tax_exemption_letter");
  EXPECT_EQ(listed[0].filename, "稅務豁免函件.pdf");
  EXPECT_EQ(listed[0].media_type, "application/pdf");
  EXPECT_EQ(listed[0].size_bytes, static_cast<std::int64_t>(kPdf.size()));
  EXPECT_EQ(listed[0].sha256, sha256_hex(kPdf));
  EXPECT_EQ(listed[0].uploaded_by, chan.user);
  EXPECT_EQ(listed[0].uploaded_at.back(), 'Z');
  EXPECT_EQ(listed[1].media_type, "image/jpeg");
  EXPECT_EQ(listed[2].media_type, "image/png");

  for (auto [id, bytes] : {std::pair{letter, kPdf}, {photo, kJpeg}, {map, kPng}}) {
    const auto loaded = uploads.load(id);
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->bytes, bytes) << "document " << id;
    EXPECT_EQ(loaded->info.id, id);
  }
  EXPECT_FALSE(uploads.load(map + 100));
}

TEST_P(StoreTest, TheContentIsABlobInTheDatabaseNotText) {
  const auto chan =
      applicant_with_organisation(*store_, add_test_user("chan", {Role::applicant}), "甲");
  Uploads(*store_).store(chan.organisation, chan.user, "site_photo", "a.jpg", kJpeg);
  std::string type;
  std::int64_t length = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    const std::string type_of =
        tx.backend() == Backend::sqlite ? "typeof(bytes)" : "CAST(pg_typeof(bytes) AS TEXT)";
    tx.sql() << "SELECT " + type_of + ", length(bytes) FROM document_blobs", soci::into(type),
        soci::into(length);
  });
  EXPECT_EQ(type, GetParam() == Backend::sqlite ? "blob" : "bytea");
  EXPECT_EQ(length, static_cast<std::int64_t>(kJpeg.size()));
}

TEST_P(StoreTest, TheSameBytesUploadedTwiceShareOneBlob) {
  const auto chan =
      applicant_with_organisation(*store_, add_test_user("chan", {Role::applicant}), "甲");
  const auto lee =
      applicant_with_organisation(*store_, add_test_user("lee", {Role::applicant}), "乙");
  Uploads uploads(*store_);
  const auto first =
      uploads.store(chan.organisation, chan.user, "registration_document", "a.pdf", kPdf);
  const auto again = uploads.store(chan.organisation, chan.user, "other", "copy.pdf", kPdf);
  const auto elsewhere = uploads.store(lee.organisation, lee.user, "other", "b.pdf", kPdf);
  uploads.store(chan.organisation, chan.user, "site_photo", "a.jpg", kJpeg);

  EXPECT_EQ(count_rows("documents"), 4);
  EXPECT_EQ(count_rows("document_blobs"), 2);
  EXPECT_EQ(uploads.load(first)->bytes, kPdf);
  EXPECT_EQ(uploads.load(again)->bytes, kPdf);
  EXPECT_EQ(uploads.load(elsewhere)->bytes, kPdf);
  EXPECT_EQ(uploads.load(again)->info.filename, "copy.pdf");
}

TEST_P(StoreTest, AFileOfExactlyTenMebibytesIsKeptWhole) {
  const auto chan =
      applicant_with_organisation(*store_, add_test_user("chan", {Role::applicant}), "甲");
  std::string big = kPdf;
  big.resize(kMaxUploadBytes);
  for (std::size_t at = kPdf.size(); at < big.size(); ++at) big[at] = static_cast<char>(at * 7);
  Uploads uploads(*store_);
  const auto id =
      uploads.store(chan.organisation, chan.user, "articles_of_association", "a.pdf", big);
  const auto loaded = uploads.load(id);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->bytes.size(), big.size());
  EXPECT_TRUE(loaded->bytes == big);  // not EXPECT_EQ: a failure would print 10 MiB
}

TEST_P(StoreTest, AFileOverTenMebibytesIsRefusedSayingTheLimit) {
  const auto chan =
      applicant_with_organisation(*store_, add_test_user("chan", {Role::applicant}), "甲");
  std::string big = kPdf;
  big.resize(kMaxUploadBytes + 1, ' ');
  try {
    Uploads(*store_).store(chan.organisation, chan.user, "other", "big.pdf", big);
    FAIL() << "an 10 MiB + 1 byte file was stored";
  } catch (const UploadRefused& e) {
    EXPECT_EQ(e.fault(), UploadFault::too_large);
    EXPECT_THAT(e.what(), HasSubstr("10 MiB"));
  }
  EXPECT_EQ(count_rows("documents"), 0);
  EXPECT_EQ(count_rows("document_blobs"), 0);
}

TEST_P(StoreTest, TheTypeIsDecidedByContentNotByName) {
  const auto chan =
      applicant_with_organisation(*store_, add_test_user("chan", {Role::applicant}), "甲");
  Uploads uploads(*store_);
  const auto id =
      uploads.store(chan.organisation, chan.user, "site_map", "C:\\scans\\map.png", kPdf);
  const auto loaded = uploads.load(id);
  EXPECT_EQ(loaded->info.media_type, "application/pdf");
  EXPECT_EQ(loaded->info.filename, "map.pdf");

  try {
    uploads.store(chan.organisation, chan.user, "other", "x.pdf", "<html><body>hi</body></html>");
    FAIL() << "an HTML file called x.pdf was stored";
  } catch (const UploadRefused& e) {
    EXPECT_EQ(e.fault(), UploadFault::unsupported_type);
    EXPECT_THAT(e.what(), HasSubstr("PDF, PNG or JPEG"));
  }
  EXPECT_THROW(uploads.store(chan.organisation, chan.user, "other", "empty.pdf", ""),
               UploadRefused);
  EXPECT_EQ(count_rows("documents"), 1);
}

TEST_P(StoreTest, OnlyMembersUploadAndTheKindMustBeAKey) {
  const auto chan =
      applicant_with_organisation(*store_, add_test_user("chan", {Role::applicant}), "甲");
  const auto outsider = add_test_user("outsider", {Role::applicant});
  Uploads uploads(*store_);
  EXPECT_THROW(uploads.store(chan.organisation, outsider, "other", "a.pdf", kPdf), NotAMember);
  EXPECT_THROW(uploads.store(chan.organisation, chan.user, "Tax letter", "a.pdf", kPdf),
               StoreError);
  EXPECT_THROW(uploads.store(chan.organisation, chan.user, "", "a.pdf", kPdf), StoreError);
  EXPECT_EQ(count_rows("documents"), 0);
  EXPECT_EQ(count_rows("document_blobs"), 0);
}

TEST_P(StoreTest, AnUploadIsAuditedWithItsHashAndTheChainVerifies) {
  const auto chan =
      applicant_with_organisation(*store_, add_test_user("chan", {Role::applicant}), "甲");
  const auto id = Uploads(*store_).store(chan.organisation, chan.user, "quotation", "q.pdf", kPdf);
  std::vector<AuditRecord> records;
  in_transaction(*store_, [&](Transaction& tx) { records = load_audit_log(tx); });
  ASSERT_EQ(records.size(), 3u);  // the user, the organisation, the upload
  EXPECT_EQ(records[2].entity, "document");
  EXPECT_EQ(records[2].entity_id, std::to_string(id));
  EXPECT_EQ(records[2].action, "upload");
  EXPECT_EQ(records[2].actor, "chan");
  EXPECT_THAT(records[2].after_json, HasSubstr(sha256_hex(kPdf)));
  EXPECT_THAT(records[2].after_json, HasSubstr("\"kind\":\"quotation\""));
  in_transaction(*store_, [&](Transaction& tx) { EXPECT_TRUE(verify_audit_log(tx).ok()); });
}

// §2.7.6: a site map attached to its own organisation's draft is listed with it; another
// organisation's document, or a submitted application, is refused and nothing is attached.
TEST_P(StoreTest, DocumentsAttachOnlyToTheirOwnOrganisationsDraft) {
  const auto chan =
      applicant_with_organisation(*store_, add_test_user("chan", {Role::applicant}), "甲");
  const auto lee =
      applicant_with_organisation(*store_, add_test_user("lee", {Role::applicant}), "乙");
  Uploads uploads(*store_);
  const auto map = uploads.store(chan.organisation, chan.user, "site_map", "map.png", kPng);
  const auto other = uploads.store(lee.organisation, lee.user, "site_map", "other.pdf", kPdf);
  std::int64_t application = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    application = create_application(tx, {chan.organisation, "management_agreement", "濕地", "{}"},
                                     chan.user);
    attach_document(tx, application, map, chan.user);
  });
  EXPECT_THROW(
      in_transaction(*store_,
                     [&](Transaction& tx) { attach_document(tx, application, other, chan.user); }),
      StoreError);
  EXPECT_THROW(
      in_transaction(*store_,
                     [&](Transaction& tx) { attach_document(tx, application, map, lee.user); }),
      StoreError);
  std::vector<DocumentInfo> attached;
  in_transaction(*store_, [&](Transaction& tx) { attached = list_attachments(tx, application); });
  ASSERT_EQ(attached.size(), 1u);
  EXPECT_EQ(attached[0].id, map);
  EXPECT_EQ(attached[0].kind, "site_map");
}

}  // namespace
}  // namespace bsap::store::testing
