#include "sim/mobility/mobility_measures.hpp"

#include "sim/mobility/mobility_config.hpp"

namespace munisim::mobility {
namespace {

// What each kind takes from the schema struct; an alternative without its fill() does not compile.
void fill(TrunkLine& m, const MobilityMeasureConfig& c) {
  m.districts = c.districts;
  m.headway_min = c.value;
  m.vehicle = c.vehicle;
}
void fill(Headway& m, const MobilityMeasureConfig& c) {
  m.factor = c.value;
  m.lines = c.lines;
}
// Measures that are only a share take the value.
template <KindName Kind>
void fill(ShareOf<Kind>& m, const MobilityMeasureConfig& c) {
  m.share = c.value;
}
void fill(Fare& m, const MobilityMeasureConfig& c) { m.factor = c.value; }

}  // namespace

Measure measure_from_config(const MobilityMeasureConfig& config) {
  return variant_of_kind<Measure>(config.kind, [&](auto& measure) { fill(measure, config); });
}

}  // namespace munisim::mobility
