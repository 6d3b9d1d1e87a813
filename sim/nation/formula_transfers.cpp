// FONCOMUN-like transfers: on the first of each month a twelfth of the yearly fund is split by the
// formula index with a floor of floor_uit_per_month x uit_soles per municipality (TUO Ley de
// Tributacion Municipal art. 88). The fund's budget receives that twelfth the same day.
#include "sim/nation/formula_index.hpp"
#include "sim/nation/funding_mechanism.hpp"

namespace munisim::nation {
namespace {

constexpr double kMonthsPerYear = 12;

class FormulaTransfers final : public FundingMechanism {
 public:
  FormulaTransfers(const FormulaTransfersConfig& config, const NationContext& context)
      : context_(context),
        monthly_fund_(total_or_per_person(config.fund_soles_per_yr, config.fund_soles_per_person_yr, context) /
                      kMonthsPerYear),
        monthly_(split_with_floor(monthly_fund_, context.formula_index,
                                  config.floor_uit_per_month * config.uit_soles)) {}

  double credit(int day) override { return context_.calendar.is_first_of_month(day) ? monthly_fund_ : 0.0; }

  void pay(int day, std::span<const MunicipalityReport>, double, std::span<double> paid, std::span<Letter>) override {
    if (!context_.calendar.is_first_of_month(day)) return;
    for (std::size_t i = 0; i < paid.size(); ++i) paid[i] += monthly_[i];
  }

 private:
  const NationContext& context_;
  double monthly_fund_;
  std::vector<double> monthly_;  // soles per municipality each month
};

}  // namespace

std::unique_ptr<FundingMechanism> make_formula_transfers(const FormulaTransfersConfig& config,
                                                         const NationContext& context) {
  return std::make_unique<FormulaTransfers>(config, context);
}

}  // namespace munisim::nation
