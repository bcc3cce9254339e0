// store/photo_repo.h: a prepared photograph and its thumbnail kept byte for byte with their credit
// and licence, the upload in the audit log, and nothing stored under a licence bsap does not offer.
#include "store/photo_repo.h"

#include <gmock/gmock.h>

#include "core/crypto.h"
#include "store/audit_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

// Zero bytes and bytes above 0x7F inside: the pictures must survive as bytes, not as text.
media::PreparedPhoto sample_photo() {
  return {std::string("\xff\xd8\xff\xe0\0\x10JFIF\0full\xff\xd9", 17),
          std::string("\xff\xd8\xff\xe0\0\x10JFIF\0thumb\xff\xd9", 18), 1600, 1200};
}

TEST_P(StoreTest, APhotoKeepsItsPicturesCreditAndLicence) {
  const auto user = add_test_user("lam", {Role::contributor});
  std::int64_t id = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    id = add_photo(tx, sample_photo(), "林小姐 Ms Lam", "CC-BY-4.0", user);
  });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto info = find_photo(tx, id);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->width, 1600);
    EXPECT_EQ(info->height, 1200);
    EXPECT_EQ(info->credit, "林小姐 Ms Lam");
    EXPECT_EQ(info->licence, "CC-BY-4.0");
    EXPECT_EQ(info->uploaded_by, user);
    EXPECT_EQ(photo_jpeg(tx, id, PhotoSize::full), sample_photo().jpeg);
    EXPECT_EQ(photo_jpeg(tx, id, PhotoSize::thumbnail), sample_photo().thumbnail_jpeg);
    EXPECT_FALSE(find_photo(tx, id + 1));
    EXPECT_FALSE(photo_jpeg(tx, id + 1, PhotoSize::full));
  });
}

TEST_P(StoreTest, TheUploadIsAuditedWithThePicturesHashes) {
  const auto user = add_test_user("lam", {Role::contributor});
  in_transaction(*store_,
                 [&](Transaction& tx) { add_photo(tx, sample_photo(), "Lam", "CC0-1.0", user); });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto log = load_audit_log(tx);
    ASSERT_FALSE(log.empty());
    EXPECT_EQ(log.back().entity, "photo");
    EXPECT_EQ(log.back().action, "upload");
    EXPECT_EQ(log.back().actor, "lam");
    EXPECT_THAT(log.back().after_json, ::testing::HasSubstr(sha256_hex(sample_photo().jpeg)));
  });
}

TEST_P(StoreTest, AnUnknownLicenceOrUploaderStoresNothing) {
  const auto user = add_test_user("lam", {Role::contributor});
  EXPECT_THROW(
      in_transaction(
          *store_, [&](Transaction& tx) { add_photo(tx, sample_photo(), "Lam", "GPL-3.0", user); }),
      StoreError);
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                add_photo(tx, sample_photo(), "Lam", "CC0-1.0", user + 99);
                              }),
               StoreError);
  EXPECT_EQ(count_rows("photos"), 0);
}

}  // namespace
}  // namespace bsap::store::testing
