// The facilities the waste service uses: the depot, the disposal site in use (with each site's
// methane parameters) and an optional transfer station. Measures change them; collection drives to
// them and accounting prices and books what they receive.
#pragma once

#include <string>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/climate/emissions.hpp"
#include "sim/waste/waste_config.hpp"

namespace munisim::waste {

struct Facilities {
  NodeId depot = 0;
  NodeId disposal = 0;
  const Facility* site = nullptr;            // the disposal site in use; nullptr when the city has none
  std::size_t site_index = 0;                // its position in disposal_site_labels()
  std::vector<munisim::DisposalSite> sites;  // by site label
  const Facility* transfer = nullptr;        // where collection trucks unload, when a station is used
};

// Disposal sites (open dumps and sanitary landfills) by name; "none" when the city has none.
[[nodiscard]] std::vector<std::string> disposal_site_labels(const City& city);
[[nodiscard]] Facilities facilities_at_start(const City& city, const CollectionConfig& collection,
                                             const ClimateConfig& climate);
// Switches to the disposal site named `name`; keeps the current one when there is no such site.
void use_disposal_site(Facilities& facilities, const City& city, const std::string& name);
void use_transfer_station(Facilities& facilities, const City& city, const std::string& name);

}  // namespace munisim::waste
