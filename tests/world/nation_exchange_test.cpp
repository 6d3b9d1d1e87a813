// The exchange between a world's cities and the nation: a test-only national agent pays each
// municipality a fixed sum every day; governance books it the next day, in the right city, and the
// soles paid by the nation equal the soles received by the municipalities every day.
#include <gtest/gtest.h>

#include <filesystem>

#include "sim/nation/nation_config.hpp"
#include "sim/world/world.hpp"

namespace munisim {
namespace {

const std::filesystem::path kWorldFolder = std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/world";
constexpr std::size_t kFormula = 0;  // the formula_transfers slot of a letter (kMechanismKindNames)

// Pays municipality i (i + 1) x 1000 soles as a formula transfer every day, and keeps what it paid
// and the reports it saw.
class FixedPayments final : public nation::NationalAgent {
 public:
  std::vector<std::vector<double>> paid;  // [day][municipality]
  std::vector<std::size_t> reports_seen;

  void exchange(int day, std::span<const nation::MunicipalityReport> reports, std::span<nation::Letter> letters) override {
    EXPECT_EQ(day, static_cast<int>(paid.size()));
    reports_seen.push_back(reports.size());
    paid.emplace_back();
    for (std::size_t i = 0; i < letters.size(); ++i) {
      letters[i].soles_by_mechanism.assign(nation::kMechanismKindNames.size(), 0.0);
      letters[i].soles_by_mechanism[kFormula] = 1000.0 * static_cast<double>(i + 1);
      paid.back().push_back(letters[i].soles_by_mechanism[kFormula]);
    }
  }
};

TEST(NationExchange, APaymentArrivesInItsCitysGovernanceTheNextDayAndSolesAreConserved) {
  WorldScenario scenario = load_world_text(
      "name: w\ndays: 4\nseed: 5\ncities:\n"
      "  - scenario: tiny-town.yaml\n    set: [governance.enabled=true]\n"
      "  - scenario: tiny-town.yaml\n    set: [name=other, governance.enabled=true]\n",
      "w.yaml", kWorldFolder);
  std::vector<WorldMunicipality> municipalities = expand_municipalities(scenario);
  auto agent = std::make_unique<FixedPayments>();
  FixedPayments& nation = *agent;
  World world(std::move(scenario), std::move(municipalities), 2, nullptr, std::move(agent));
  world.run();
  ASSERT_EQ(nation.paid.size(), 4u);
  EXPECT_EQ(nation.reports_seen, (std::vector<std::size_t>(4, 2)));
  for (int day = 0; day < 4; ++day) {
    double received = 0;
    for (std::size_t i = 0; i < 2; ++i) {
      const Series* receipts = world.city(i)->metrics().find("municipal_nation_receipts_soles");
      ASSERT_NE(receipts, nullptr);
      const double booked = receipts->get(day, kFormula);
      // What the nation paid after day d - 1 is booked on day d; nothing on the first day.
      EXPECT_DOUBLE_EQ(booked, day == 0 ? 0.0 : 1000.0 * static_cast<double>(i + 1)) << "day " << day << " city " << i;
      received += booked;
    }
    const double paid = day == 0 ? 0.0 : nation.paid[static_cast<std::size_t>(day - 1)][0] +
                                             nation.paid[static_cast<std::size_t>(day - 1)][1];
    EXPECT_DOUBLE_EQ(received, paid) << "day " << day;
  }
  // The reports come from each city's governance: satisfaction is a share.
  for (const nation::MunicipalityReport& report : world.reports()) {
    EXPECT_GT(report.satisfaction, 0);
    EXPECT_LE(report.satisfaction, 1);
  }
}

}  // namespace
}  // namespace munisim
