#include "store/document_repo.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "core/crypto.h"
#include "store/application_repo.h"
#include "store/audit_repo.h"
#include "store/binary_column.h"
#include "store/key_format.h"
#include "store/organisation_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

// Keeps the content once per hash (binary_column.h says how the bytes travel).
void insert_blob_once(Transaction& tx, const std::string& sha256, std::string_view bytes) {
  const std::string content = binary_parameter(tx.backend(), bytes);
  tx.sql() << "INSERT INTO document_blobs (sha256, bytes) VALUES (:sha256, " +
                  binary_parameter_sql(tx.backend(), "bytes") + ") ON CONFLICT (sha256) DO NOTHING",
      soci::use(sha256), soci::use(content);
}

std::string load_blob(Transaction& tx, const std::string& sha256) {
  std::string content;
  tx.sql() << "SELECT " + binary_column_sql(tx.backend(), "bytes") +
                  " FROM document_blobs WHERE sha256 = :sha256",
      soci::use(sha256), soci::into(content);
  if (!tx.sql().got_data())
    throw StoreError("the content of a document (sha256 " + sha256 + ") is missing");
  return binary_from_column(tx.backend(), std::move(content), "a document");
}

template <typename... Uses>
std::vector<DocumentInfo> select_documents(Transaction& tx, const std::string& condition,
                                           Uses... uses) {
  DocumentInfo row;
  const std::string query =
      "SELECT id, organisation_id, kind, filename, media_type, size_bytes, sha256, uploaded_by, "
      "uploaded_at FROM documents " +
      condition + " ORDER BY id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.kind), soci::into(row.filename),
       soci::into(row.media_type), soci::into(row.size_bytes), soci::into(row.sha256),
       soci::into(row.uploaded_by), soci::into(row.uploaded_at));
  select.execute();
  std::vector<DocumentInfo> documents;
  while (select.fetch()) documents.push_back(row);
  return documents;
}

}  // namespace

UploadRefused::UploadRefused(UploadFault fault, std::size_t size_bytes)
    : StoreError(describe_upload_fault(fault, size_bytes)), fault_(fault) {}

std::int64_t store_document(Transaction& tx, std::int64_t organisation_id, std::string_view kind,
                            std::string_view filename, std::string_view bytes,
                            std::int64_t uploaded_by) {
  const UploadVerdict verdict = check_upload(filename, bytes);
  if (!verdict.ok()) throw UploadRefused(verdict.fault, bytes.size());
  if (!looks_like_key(kind))
    throw StoreError("the document kind \"" + std::string(kind) +
                     "\" is not a document key such as tax_exemption_letter or site_photo");
  const Member uploader = require_member(tx, organisation_id, uploaded_by);

  DocumentInfo info{0,
                    organisation_id,
                    std::string(kind),
                    verdict.filename,
                    std::string(media_type_name(*verdict.accepted)),
                    static_cast<std::int64_t>(bytes.size()),
                    sha256_hex(bytes),
                    uploaded_by,
                    utc_timestamp()};
  insert_blob_once(tx, info.sha256, bytes);
  tx.sql() << "INSERT INTO documents (organisation_id, kind, filename, media_type, size_bytes, "
              "sha256, uploaded_by, uploaded_at) VALUES (:organisation_id, :kind, :filename, "
              ":media_type, :size_bytes, :sha256, :uploaded_by, :uploaded_at) RETURNING id",
      soci::use(info.organisation_id), soci::use(info.kind), soci::use(info.filename),
      soci::use(info.media_type), soci::use(info.size_bytes), soci::use(info.sha256),
      soci::use(info.uploaded_by), soci::use(info.uploaded_at), soci::into(info.id);

  // The hash in the audit record ties the chain to the exact content uploaded.
  const json after = {{"organisation_id", organisation_id}, {"kind", info.kind},
                      {"filename", info.filename},          {"media_type", info.media_type},
                      {"size_bytes", info.size_bytes},      {"sha256", info.sha256}};
  append_audit(
      tx, {uploader.username, "document", std::to_string(info.id), "upload", "null", after.dump()});
  return info.id;
}

void attach_document(Transaction& tx, std::int64_t application_id, std::int64_t document_id,
                     std::int64_t user_id) {
  const auto application = find_application(tx, application_id);
  const auto documents = select_documents(tx, "WHERE id = :id", soci::use(document_id));
  if (!application || documents.empty())
    throw StoreError("no application " + std::to_string(application_id) + " or document " +
                     std::to_string(document_id) + " to attach");
  if (documents.front().organisation_id != application->organisation_id)
    throw StoreError("a document can be attached only to its own organisation's application");
  if (application->state != ApplicationState::draft)
    throw ApplicationFrozen("application " + std::to_string(application_id) +
                            " was submitted; nothing more can be attached");
  const Member member = require_member(tx, application->organisation_id, user_id);
  const std::string at = utc_timestamp();
  tx.sql() << "INSERT INTO application_attachments (application_id, document_id, attached_by, "
              "attached_at) VALUES (:application_id, :document_id, :attached_by, :attached_at)",
      soci::use(application_id), soci::use(document_id), soci::use(user_id), soci::use(at);
  const json after = {{"document_id", document_id}, {"kind", documents.front().kind}};
  append_audit(tx, {member.username, "application", std::to_string(application_id), "attach",
                    "null", after.dump()});
}

std::vector<DocumentInfo> list_attachments(Transaction& tx, std::int64_t application_id) {
  return select_documents(tx,
                          "WHERE id IN (SELECT document_id FROM application_attachments WHERE "
                          "application_id = :application_id)",
                          soci::use(application_id));
}

std::vector<DocumentInfo> list_documents(Transaction& tx, std::int64_t organisation_id) {
  return select_documents(tx, "WHERE organisation_id = :organisation_id",
                          soci::use(organisation_id));
}

std::optional<StoredDocument> load_document(Transaction& tx, std::int64_t id) {
  auto found = select_documents(tx, "WHERE id = :id", soci::use(id));
  if (found.empty()) return std::nullopt;
  StoredDocument document{std::move(found.front()), ""};
  document.bytes = load_blob(tx, document.info.sha256);
  return document;
}

}  // namespace bsap::store
