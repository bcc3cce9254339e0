// The species recorded at an application's project sites (issue 9 §7), as the secretariat's
// screening page and the panels' and committee's pages show it beside the application: for each
// site the application names (its site registry code, §2.7.6), the hub's areas of kind
// scheme_site whose code is the site's code (store/bio_feed_repo.h), each with its species and
// its threatened species (IUCN CR, EN or VU: biodata/taxon_status.h). These readers are
// authorised staff, so sensitive species are listed, marked as such; applicants never see this.
#pragma once
#include "web/application_checking.h"
#include "web/page.h"

namespace bsap::web {

// Sets "project_sites" (a list, one entry per site) and "has_site_species" for the
// _site_species.mustache partial (a data key named like a partial would hide it). A draft that
// no longer reads has no sites.
void add_site_species(RequestContext& ctx, PageData& data, const CheckedDraft& checked);

}  // namespace bsap::web
