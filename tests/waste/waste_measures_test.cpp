// Waste measures as typed values: every kind the schema allows converts to the measure of that
// kind, and a kind outside the list is refused by the loader at its key.
#include "sim/waste/waste_measures.hpp"

#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/waste/waste_config.hpp"

namespace munisim {
namespace {

TEST(WasteMeasures, EveryAllowedKindConvertsToTheMeasureOfThatKind) {
  for (const std::string_view kind : waste::kMeasureKinds) {
    WasteMeasureConfig config;
    config.kind = std::string(kind);
    config.start_date = Date{2025, 3, 1};
    const waste::DatedMeasure dated = waste::measure_from_config(config);
    EXPECT_EQ(std::visit([](const auto& measure) { return measure.kind; }, dated.measure), kind);
    EXPECT_EQ(dated.start_date, (Date{2025, 3, 1}));
  }
}

TEST(WasteMeasures, ConversionKeepsWhatEachKindTakes) {
  WasteMeasureConfig config;
  config.kind = "transfer_station";
  config.site = "Station";
  EXPECT_EQ(std::get<waste::TransferStation>(waste::measure_from_config(config).measure).site, "Station");
  config.kind = "collection_days_per_week";
  config.value = 7;
  config.districts = {"Playa"};
  const auto days = std::get<waste::CollectionDaysPerWeek>(waste::measure_from_config(config).measure);
  EXPECT_EQ(days.days, 7);
  EXPECT_EQ(days.districts, std::vector<std::string>{"Playa"});
}

TEST(WasteMeasures, TheLoaderAcceptsTransferStationAndRefusesAnUnknownKindAtItsKey) {
  const std::string demo = std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml";
  const std::string facilities =
      "city.facilities=[{name: Depot, kind: depot, district: Centro}, "
      "{name: Dump, kind: open_dump, district: Norte}, {name: Station, kind: transfer_station, district: Centro}]";
  const Scenario scenario = load_scenario(
      demo, {facilities, "waste.measures=[{kind: transfer_station, start_date: 2025-01-02, site: Station}]"});
  ASSERT_EQ(scenario.config.waste.measures.size(), 1U);
  try {
    static_cast<void>(load_scenario(demo, {"waste.measures=[{kind: transfer_sation, start_date: 2025-01-02}]"}));
    FAIL() << "an unknown kind was accepted";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("waste.measures[0].kind: 'transfer_sation' is not one of"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace munisim
