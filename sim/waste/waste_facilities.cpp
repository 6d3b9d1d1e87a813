#include "sim/waste/waste_facilities.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>

namespace munisim::waste {
namespace {

constexpr std::array<std::string_view, 1> kDepotKinds = {"depot"};
constexpr std::array<std::string_view, 2> kDisposalKinds = {"open_dump", "sanitary_landfill"};
constexpr std::array<std::string_view, 1> kTransferKinds = {"transfer_station"};

// The facility named `name` (or the first of its kind when empty), or nullptr.
const Facility* find_facility(const City& city, const std::string& name, std::span<const std::string_view> kinds) {
  for (const Facility& facility : city.facilities) {
    const bool kind_fits = std::find(kinds.begin(), kinds.end(), facility.kind) != kinds.end();
    if (kind_fits && (name.empty() || facility.name == name)) return &facility;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> disposal_site_labels(const City& city) {
  std::vector<std::string> labels;
  for (const Facility& facility : city.facilities) {
    if (std::find(kDisposalKinds.begin(), kDisposalKinds.end(), facility.kind) != kDisposalKinds.end()) {
      labels.push_back(facility.name);
    }
  }
  if (labels.empty()) labels.push_back("none");
  return labels;
}

Facilities facilities_at_start(const City& city, const CollectionConfig& collection, const ClimateConfig& climate) {
  Facilities facilities;
  if (const Facility* depot = find_facility(city, collection.depot, kDepotKinds)) facilities.depot = depot->node;
  for (const std::string& name : disposal_site_labels(city)) {
    const Facility* facility = find_facility(city, name, kDisposalKinds);
    const bool landfill = facility != nullptr && facility->kind == "sanitary_landfill";
    facilities.sites.push_back({landfill ? climate.mcf_sanitary_landfill : climate.mcf_open_dump,
                                landfill ? climate.oxidation_sanitary_landfill : 0.0, 0.0});
  }
  use_disposal_site(facilities, city, collection.disposal_site);
  if (!collection.transfer_station.empty()) use_transfer_station(facilities, city, collection.transfer_station);
  return facilities;
}

void use_disposal_site(Facilities& facilities, const City& city, const std::string& name) {
  const Facility* site = find_facility(city, name, kDisposalKinds);
  if (site == nullptr) return;  // no collection service without one (the scenario check guarantees it when needed)
  facilities.disposal = site->node;
  facilities.site = site;
  const std::vector<std::string> labels = disposal_site_labels(city);
  facilities.site_index =
      static_cast<std::size_t>(std::find(labels.begin(), labels.end(), site->name) - labels.begin());
}

void use_transfer_station(Facilities& facilities, const City& city, const std::string& name) {
  facilities.transfer = find_facility(city, name, kTransferKinds);
}

}  // namespace munisim::waste
