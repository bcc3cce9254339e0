#include "store/photo_repo.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "core/crypto.h"
#include "media/photo_licence.h"
#include "store/audit_repo.h"
#include "store/binary_column.h"
#include "store/user_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {

std::int64_t add_photo(Transaction& tx, const media::PreparedPhoto& photo, std::string_view credit,
                       std::string_view licence, std::int64_t uploaded_by) {
  if (!media::parse_licence(licence))
    throw StoreError("\"" + std::string(licence) + "\" is not a photo licence such as CC-BY-4.0");
  const auto uploader = find_user(tx, uploaded_by);
  if (!uploader) throw StoreError("no user " + std::to_string(uploaded_by) + " to upload a photo");
  const Backend backend = tx.backend();
  const std::string jpeg = binary_parameter(backend, photo.jpeg);
  const std::string thumbnail = binary_parameter(backend, photo.thumbnail_jpeg);
  const std::string credit_text(credit), licence_code(licence), at = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO photos (jpeg, thumbnail, width, height, credit, licence, uploaded_by, "
              "uploaded_at) VALUES (" +
                  binary_parameter_sql(backend, "jpeg") + ", " +
                  binary_parameter_sql(backend, "thumbnail") +
                  ", :width, :height, :credit, :licence, :uploaded_by, :uploaded_at) RETURNING id",
      soci::use(jpeg), soci::use(thumbnail), soci::use(photo.width), soci::use(photo.height),
      soci::use(credit_text), soci::use(licence_code), soci::use(uploaded_by), soci::use(at),
      soci::into(id);
  // The hashes tie the chain to the exact pictures served.
  const nlohmann::json after = {{"width", photo.width},
                                {"height", photo.height},
                                {"credit", credit_text},
                                {"licence", licence_code},
                                {"sha256", sha256_hex(photo.jpeg)},
                                {"thumbnail_sha256", sha256_hex(photo.thumbnail_jpeg)}};
  append_audit(tx,
               {uploader->username, "photo", std::to_string(id), "upload", "null", after.dump()});
  return id;
}

std::optional<PhotoInfo> find_photo(Transaction& tx, std::int64_t id) {
  PhotoInfo info;
  tx.sql() << "SELECT id, width, height, credit, licence, uploaded_by, uploaded_at FROM photos "
              "WHERE id = :id",
      soci::use(id), soci::into(info.id), soci::into(info.width), soci::into(info.height),
      soci::into(info.credit), soci::into(info.licence), soci::into(info.uploaded_by),
      soci::into(info.uploaded_at);
  if (!tx.sql().got_data()) return std::nullopt;
  return info;
}

std::optional<std::string> photo_jpeg(Transaction& tx, std::int64_t id, PhotoSize size) {
  const std::string column = size == PhotoSize::full ? "jpeg" : "thumbnail";
  std::string selected;
  tx.sql() << "SELECT " + binary_column_sql(tx.backend(), column) + " FROM photos WHERE id = :id",
      soci::use(id), soci::into(selected);
  if (!tx.sql().got_data()) return std::nullopt;
  return binary_from_column(tx.backend(), std::move(selected), "a photo");
}

}  // namespace bsap::store
