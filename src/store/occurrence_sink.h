// Where an OccurrenceWriter's rows go: one sink per backend (bio_occurrence_repo.cpp for SQLite,
// postgres_occurrence_sink.h for PostgreSQL), each writing in the transaction it was given.
#pragma once
#include <span>

#include "store/bio_occurrence_repo.h"

namespace bsap::store {

class OccurrenceWriter::Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(std::span<const OccurrenceRow> rows) = 0;
  virtual void finish(const SpeciesTally& tally) = 0;
};

}  // namespace bsap::store
