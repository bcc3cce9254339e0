// Downloads of the hub's records (issue 9 §5): CSV with Darwin Core terms as its header, and a
// Darwin Core Archive (a zip of meta.xml, eml.xml and occurrence.txt) that `bsap biodata import`
// and GBIF's tools read back. Written from published records only, so a download shows what its
// reader may see and no more. Pure: bytes in memory, no files.
#pragma once
#include <span>
#include <string>

#include "hub/published_occurrence.h"

namespace bsap::hub {

// What the archive's eml.xml says of itself.
struct DownloadDescription {
  std::string title;         // "Occurrences of Hipposideros pomona in Hong Kong"
  std::string abstract;      // what was selected, and that sensitive records are generalised
  std::string published_on;  // ISO date
};

// The Darwin Core terms of each column, in order: the CSV's header and the archive's fields.
std::span<const std::string_view> download_terms();

// A meta.xml for a tab-separated occurrence.txt with one header line, whose columns are these
// Darwin Core terms by short name ("occurrenceID", …); the first column is the core id.
// metadata names the archive's EML file, "" when it has none.
std::string occurrence_meta_xml(std::span<const std::string_view> terms,
                                std::string_view metadata = "");

// RFC 4180, a header of term names, records ending CRLF.
std::string occurrences_csv(std::span<const PublishedOccurrence> records);

// The zip's bytes. Throws std::runtime_error only if libzip cannot build a zip in memory.
std::string occurrence_archive(std::span<const PublishedOccurrence> records,
                               const DownloadDescription& description);

}  // namespace bsap::hub
