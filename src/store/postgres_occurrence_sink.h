// The PostgreSQL side of OccurrenceWriter (bio_occurrence_repo.h): each batch's occurrences and
// their area joins go in with COPY FROM STDIN on the transaction's own libpq connection, their
// ids taken beforehand from the table's identity sequence in one statement, so that a join needs
// no lookup of its occurrence (decision 0013 §9). The species summaries are added at finish() by
// the server, grouping the dataset's records (bio_summary_repo.h).
#pragma once
#include <cstdint>
#include <memory>

#include "store/occurrence_sink.h"

namespace bsap::store {

// tx must be a transaction of the PostgreSQL store.
std::unique_ptr<OccurrenceWriter::Sink> make_postgres_occurrence_sink(Transaction& tx,
                                                                      std::int64_t dataset_id);

}  // namespace bsap::store
