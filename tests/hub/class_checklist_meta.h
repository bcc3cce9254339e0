// A Darwin Core taxon archive's meta.xml with the columns the hub's feed tests give their taxa:
// id, scientificName, taxonRank, acceptedNameUsageID, class.
#pragma once

namespace bsap::hub::testing {

inline constexpr const char* kClassChecklistMeta = R"(<archive xmlns="http://rs.tdwg.org/dwc/text/">
<core rowType="http://rs.tdwg.org/dwc/terms/Taxon" fieldsTerminatedBy="\t" fieldsEnclosedBy="" ignoreHeaderLines="1">
<files><location>taxon.txt</location></files><id index="0"/>
<field index="1" term="http://rs.tdwg.org/dwc/terms/scientificName"/>
<field index="2" term="http://rs.tdwg.org/dwc/terms/taxonRank"/>
<field index="3" term="http://rs.tdwg.org/dwc/terms/acceptedNameUsageID"/>
<field index="4" term="http://rs.tdwg.org/dwc/terms/class"/>
</core></archive>)";

}  // namespace bsap::hub::testing
