// What every request's handling shares: the store, the texts, the templates, the static files,
// the session settings, and the plan and rules data. Built once at start; read-only afterwards,
// so threads share it.
#pragma once
#include <array>
#include <memory>
#include <string>

#include "core/lang.h"
#include "core/messages.h"
#include "hub/home_region.h"
#include "plan/cbi.h"
#include "plan/indicator.h"
#include "plan/plan_model.h"
#include "rules/ruleset_registry.h"
#include "store/store.h"
#include "web/content_cache.h"
#include "web/rate_limit.h"
#include "web/static_files.h"
#include "web/templates.h"
#include "web/web_session.h"

namespace bsap::plan {
struct CaseLists;  // plan/good_practice.h
}  // namespace bsap::plan

namespace bsap::web {

// The data the plan and scheme pages show, loaded and checked once at start (serve_command.cpp).
struct DomainData {
  const plan::PlanData& plan;
  const std::vector<plan::Indicator>& indicators;  // data/bsap2035/indicators.yaml
  const plan::CbiHandbook& cbi;                    // data/cbi/, before the administrators' bands
  const rules::RulesetRegistry& rulesets;
  const plan::CaseLists& case_lists;  // data/cases/lists.yaml: good-practice cases' lists
  // Derives the Simplified Chinese of the data's Traditional text (principle 7).
  const SimplifiedConverter& converter;
  // Hong Kong's land and waters as the hub defines them (data/biodata/home_region.yaml): where a
  // citizen-science observation may be.
  const hub::HomeRegion& home_region;
};

struct WebContext {
  store::Store& store;
  const MessageCatalogue& messages;
  TemplateSet templates;
  StaticFiles static_files;
  SessionSettings sessions;
  ClientSettings clients;
  DomainData domain;
  // Every catalogue text of one language as {{t.key}} data, indexed by Lang.
  std::array<PageData, 3> texts;
  // A real argon2id hash of a random password: checked when a username is unknown, so that
  // an unknown name takes as long to refuse as a wrong password and does not give itself away.
  std::string decoy_password_hash;
  // The public dashboard's content per language and year (dashboard_page.cpp).
  std::shared_ptr<ContentCache> dashboard_content = std::make_shared<ContentCache>();
  // The hub's richness map and its page, per kind of reader (biodata_api.cpp, richness_page.cpp).
  std::shared_ptr<ContentCache> hub_content = std::make_shared<ContentCache>();
  // The per-client budgets' buckets (rate_limit.h); the only state requests change in here.
  std::shared_ptr<RateLimits> rate_limits = std::make_shared<RateLimits>(clients.rates);
};

}  // namespace bsap::web
