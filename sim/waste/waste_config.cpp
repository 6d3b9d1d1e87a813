#include "sim/waste/waste_config.hpp"

#include <cmath>

#include "sim/core/list_checks.hpp"

namespace munisim {

void WasteGenerationConfig::check(schema::Checks& checks) const {
  schema::check_count(checks, "income_factor", income_factor, 3, "low, middle, high");
  if (schema::check_count(checks, "weekday_factor", weekday_factor, 7, "Monday..Sunday, mean 1")) {
    schema::check_sum(checks, "weekday_factor", weekday_factor, 7);
  }
  if (schema::check_count(checks, "composition", composition, kWasteFractions,
                          "organic, paper_cardboard, plastic, glass, metal, other")) {
    schema::check_sum(checks, "composition", composition, 1);
  }
}

void WasteMeasureConfig::check(schema::Checks& checks) const {
  using namespace waste;
  const bool share = kind == ElectricShare::kind || kind == CngShare::kind || kind == LandfillGasCapture::kind ||
                     kind == RecyclerFormalisation::kind;
  if (share && value > 1) checks.fail("value", "a share must be in [0, 1]");
  if (kind == FleetSize::kind && value != std::floor(value)) checks.fail("value", "expected a whole number of trucks");
  if (kind == CollectionDaysPerWeek::kind && (value < 1 || value > 7 || value != std::floor(value))) {
    checks.fail("value", "expected a whole number of days from 1 to 7");
  }
  const bool names_site = kind == waste::DisposalSite::kind || kind == CompostingPlant::kind || kind == TransferStation::kind;
  if (names_site && site.empty()) checks.fail("site", "expected the name of a facility in city.facilities");
}

}  // namespace munisim
