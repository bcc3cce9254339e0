#include "hub/occurrence_download.h"

#include <zip.h>

#include <array>
#include <charconv>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/csv.h"

namespace bsap::hub {
namespace {

constexpr std::string_view kDwc = "http://rs.tdwg.org/dwc/terms/";

constexpr std::array<std::string_view, 18> kTerms = {"occurrenceID",
                                                     "datasetID",
                                                     "basisOfRecord",
                                                     "scientificName",
                                                     "acceptedNameUsage",
                                                     "eventDate",
                                                     "year",
                                                     "decimalLatitude",
                                                     "decimalLongitude",
                                                     "geodeticDatum",
                                                     "coordinateUncertaintyInMeters",
                                                     "individualCount",
                                                     "locality",
                                                     "recordedBy",
                                                     "countryCode",
                                                     "issue",
                                                     "dataGeneralizations",
                                                     "informationWithheld"};

// The shortest text that reads back as the same double.
std::string number_text(std::optional<double> value) {
  if (!value) return "";
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *value);
  return error == std::errc{} ? std::string(buffer, end) : std::string();
}

std::vector<std::string> values(const PublishedOccurrence& r) {
  std::optional<double> lat, lon;
  if (r.point) lat = r.point->lat, lon = r.point->lon;
  return {r.occurrence_id,
          r.dataset_key,
          r.basis_of_record,
          r.scientific_name,
          r.accepted_name,
          r.event_date,
          r.year,
          number_text(lat),
          number_text(lon),
          r.point ? "WGS84" : "",
          number_text(r.uncertainty_m),
          r.individual_count,
          r.locality,
          r.recorded_by,
          "HK",
          r.issues,
          r.data_generalizations,
          r.information_withheld};
}

// A tab-separated field cannot hold a tab or a line break: they become spaces.
std::string tab_field(std::string value) {
  for (char& c : value)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return value;
}

std::string occurrence_text(std::span<const PublishedOccurrence> records) {
  std::string text;
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) text += '\t';
      text += tab_field(fields[i]);
    }
    text += '\n';
  };
  line(std::vector<std::string>(kTerms.begin(), kTerms.end()));
  for (const PublishedOccurrence& record : records) line(values(record));
  return text;
}

std::string xml_text(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

// EML 2.1.1, the profile GBIF reads: a title, a date, an abstract.
std::string eml_xml(const DownloadDescription& description) {
  pugi::xml_document document;
  pugi::xml_node eml = document.append_child("eml:eml");
  eml.append_attribute("xmlns:eml") = "eml://ecoinformatics.org/eml-2.1.1";
  eml.append_attribute("packageId") = "bsap-download";
  eml.append_attribute("system") = "bsap";
  pugi::xml_node dataset = eml.append_child("dataset");
  dataset.append_child("title").text() = description.title.c_str();
  dataset.append_child("creator").append_child("organizationName").text() =
      "Hong Kong Biodiversity Information Hub (bsap)";
  dataset.append_child("pubDate").text() = description.published_on.c_str();
  dataset.append_child("abstract").append_child("para").text() = description.abstract.c_str();
  return xml_text(document);
}

struct ZipSourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

std::runtime_error zip_failure(const char* what, zip_error_t* error) {
  std::string message =
      std::string("cannot write the archive: ") + what + ": " + zip_error_strerror(error);
  zip_error_fini(error);
  return std::runtime_error(message);
}

std::string read_back(zip_source_t* source) {
  if (zip_source_open(source) < 0) throw zip_failure("reopen", zip_source_error(source));
  zip_source_seek(source, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(source);
  zip_source_seek(source, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  zip_int64_t read = zip_source_read(source, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(source);
  if (read != size) throw std::runtime_error("cannot write the archive: short read");
  return bytes;
}

}  // namespace

std::span<const std::string_view> download_terms() { return kTerms; }

std::string occurrence_meta_xml(std::span<const std::string_view> terms,
                                std::string_view metadata) {
  pugi::xml_document document;
  pugi::xml_node archive = document.append_child("archive");
  archive.append_attribute("xmlns") = "http://rs.tdwg.org/dwc/text/";
  if (!metadata.empty()) archive.append_attribute("metadata") = std::string(metadata).c_str();
  pugi::xml_node core = archive.append_child("core");
  core.append_attribute("encoding") = "UTF-8";
  core.append_attribute("fieldsTerminatedBy") = "\\t";
  core.append_attribute("linesTerminatedBy") = "\\n";
  core.append_attribute("fieldsEnclosedBy") = "";
  core.append_attribute("ignoreHeaderLines") = "1";
  core.append_attribute("rowType") = "http://rs.tdwg.org/dwc/terms/Occurrence";
  core.append_child("files").append_child("location").text() = "occurrence.txt";
  core.append_child("id").append_attribute("index") = 0;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    pugi::xml_node field = core.append_child("field");
    field.append_attribute("index") = static_cast<unsigned>(i);
    field.append_attribute("term") = (std::string(kDwc) + std::string(terms[i])).c_str();
  }
  return xml_text(document);
}

std::string occurrences_csv(std::span<const PublishedOccurrence> records) {
  std::string text = csv_record(std::vector<std::string>(kTerms.begin(), kTerms.end()));
  for (const PublishedOccurrence& record : records) text += csv_record(values(record));
  return text;
}

std::string occurrence_archive(std::span<const PublishedOccurrence> records,
                               const DownloadDescription& description) {
  // libzip reads the members when the zip is closed: they live until then.
  const std::array<std::pair<const char*, std::string>, 3> members = {
      std::pair{"meta.xml", occurrence_meta_xml(kTerms, "eml.xml")},
      std::pair{"eml.xml", eml_xml(description)},
      std::pair{"occurrence.txt", occurrence_text(records)}};
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, ZipSourceDeleter> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) throw zip_failure("buffer", &error);
  zip_t* zip = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (!zip) throw zip_failure("open", &error);
  zip_source_keep(buffer.get());  // the zip frees its source on close; the bytes are read after
  for (const auto& [name, content] : members) {
    zip_source_t* member = zip_source_buffer(zip, content.data(), content.size(), 0);
    if (!member || zip_file_add(zip, name, member, ZIP_FL_ENC_UTF_8) < 0) {
      if (member) zip_source_free(member);
      zip_discard(zip);
      throw std::runtime_error(std::string("cannot add ") + name + " to the archive");
    }
  }
  if (zip_close(zip) < 0) {
    zip_discard(zip);
    throw std::runtime_error("cannot write the archive");
  }
  return read_back(buffer.get());
}

}  // namespace bsap::hub
