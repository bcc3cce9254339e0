// Documents an organisation uploads: the §2.3.1 papers (tax exemption letter, registration
// document, ...), site photos and maps (§2.7.6), partners' confirmations (§2.7.9), quotations.
// Each upload is a row of metadata; the content is kept once per distinct SHA-256 in
// document_blobs, in the database, so that metadata and content commit or roll back together on
// both backends (docs/decisions/0005). Every upload is audited in the same transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/upload_check.h"
#include "store/store.h"

namespace bsap::store {

struct DocumentInfo {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  // An applicants.yaml document key (tax_exemption_letter, registration_document, ...) or
  // site_photo, site_map, habitat_map, partner_confirmation, quotation, other.
  std::string kind;
  std::string filename;    // as keepable_filename made it (core/upload_check.h)
  std::string media_type;  // application/pdf, image/png or image/jpeg, by content
  std::int64_t size_bytes = 0;
  std::string sha256;  // lower-case hex of the content
  std::int64_t uploaded_by = 0;
  std::string uploaded_at;  // UTC ISO 8601
};

struct StoredDocument {
  DocumentInfo info;
  std::string bytes;  // the content, byte for byte
};

// An upload refused by check_upload: too large, empty, or not a PDF, PNG or JPEG by content.
// what() says what to fix; fault() lets a page show its own text.
class UploadRefused : public StoreError {
 public:
  UploadRefused(UploadFault fault, std::size_t size_bytes);
  UploadFault fault() const { return fault_; }

 private:
  UploadFault fault_;
};

// Stores an upload by a member of the organisation and returns its id. The media type is what
// the content says (core/upload_check.h); the browser's claimed type is not asked for because
// it is not trusted. Throws UploadRefused for a file check_upload refuses, NotAMember
// (organisation_repo.h) when uploaded_by is not a member, StoreError for a malformed kind.
std::int64_t store_document(Transaction& tx, std::int64_t organisation_id, std::string_view kind,
                            std::string_view filename, std::string_view bytes,
                            std::int64_t uploaded_by);
// The organisation's documents, oldest first, without their content.
std::vector<DocumentInfo> list_documents(Transaction& tx, std::int64_t organisation_id);
// Attaches the organisation's document to its draft application (§2.7.6, §2.7.9), audited.
// Throws StoreError when the document or application is missing, they belong to different
// organisations, or the application was submitted; NotAMember when the user is not a member.
void attach_document(Transaction& tx, std::int64_t application_id, std::int64_t document_id,
                     std::int64_t user_id);
// The documents attached to the application, oldest first, without their content.
std::vector<DocumentInfo> list_attachments(Transaction& tx, std::int64_t application_id);
// Metadata and content. The caller checks that whoever asks may see the organisation's papers.
std::optional<StoredDocument> load_document(Transaction& tx, std::int64_t id);

}  // namespace bsap::store
