#include "sim/waste/waste_measures.hpp"

#include "sim/waste/waste_config.hpp"

namespace munisim::waste {
namespace {

// What each kind takes from the schema struct; an alternative without its fill() does not compile.
void fill(FleetSize& m, const WasteMeasureConfig& c) { m.trucks = static_cast<int>(c.value); }
// Measures that are only a share take the value.
template <KindName Kind>
void fill(ShareOf<Kind>& m, const WasteMeasureConfig& c) {
  m.share = c.value;
}
void fill(CollectionDaysPerWeek& m, const WasteMeasureConfig& c) {
  m.days = static_cast<int>(c.value);
  m.districts = c.districts;
}
void fill(DisposalSite& m, const WasteMeasureConfig& c) { m.site = c.site; }
void fill(SeparationProgramme& m, const WasteMeasureConfig& c) {
  m.campaign_logit = c.value;
  m.districts = c.districts;
}
void fill(RouteOptimisation& m, const WasteMeasureConfig& c) { m.on = c.value > 0; }
void fill(CompostingPlant& m, const WasteMeasureConfig& c) { m.site = c.site; }
void fill(TransferStation& m, const WasteMeasureConfig& c) { m.site = c.site; }

}  // namespace

DatedMeasure measure_from_config(const WasteMeasureConfig& config) {
  return {config.start_date, variant_of_kind<Measure>(config.kind, [&](auto& measure) { fill(measure, config); })};
}

}  // namespace munisim::waste
