// Photographs as prepared by media/photo.h (issue 11): the served picture and its thumbnail, with
// the photographer's credit and licence. Only prepared photos are stored, so that no uploaded
// file's metadata ever reaches the database. Who may see a photo is decided by what it belongs
// to (a case, an observation), which keeps its own link table.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "media/photo.h"
#include "store/store.h"

namespace bsap::store {

struct PhotoInfo {
  std::int64_t id = 0;
  int width = 0;
  int height = 0;
  std::string credit;   // who took it, as they want to be named
  std::string licence;  // a media::licence_code
  std::int64_t uploaded_by = 0;
  std::string uploaded_at;
};

// Stores the photo with its credit and licence code; StoreError for an unknown licence or a user
// that does not exist. Appends an audit record with the pictures' hashes.
std::int64_t add_photo(Transaction& tx, const media::PreparedPhoto& photo, std::string_view credit,
                       std::string_view licence, std::int64_t uploaded_by);

std::optional<PhotoInfo> find_photo(Transaction& tx, std::int64_t id);

enum class PhotoSize { full, thumbnail };
std::optional<std::string> photo_jpeg(Transaction& tx, std::int64_t id, PhotoSize size);

}  // namespace bsap::store
