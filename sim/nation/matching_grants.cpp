// Matching grants for climate investments: each day, in the world's order of municipalities and
// each one's plan order, a proposal of an eligible kind receives share x its cost
// when the budget left covers it; the municipality pays the rest when it adopts the measure. The
// budget is credited each budget year; what is not spent carries over.
#include <algorithm>

#include "sim/nation/funding_mechanism.hpp"

namespace munisim::nation {
namespace {

class MatchingGrants final : public FundingMechanism {
 public:
  MatchingGrants(const MatchingGrantsConfig& config, const NationContext& context)
      : config_(config), context_(context) {}

  double credit(int day) override {
    return budget_year_starts(context_.calendar, day) ? config_.budget_soles_per_yr : 0.0;
  }

  void pay(int, std::span<const MunicipalityReport> reports, double balance, std::span<double> paid,
           std::span<Letter> letters) override {
    for (std::size_t i = 0; i < reports.size(); ++i) {
      for (const Proposal& proposal : reports[i].proposals) {
        if (std::find(config_.kinds.begin(), config_.kinds.end(), proposal.kind) == config_.kinds.end()) continue;
        if (funded_today(letters[i], proposal.plan_entry)) continue;
        const double grant = config_.share * proposal.cost_soles;
        if (grant > balance) continue;
        balance -= grant;
        paid[i] += grant;
        letters[i].funded_plan_entries.push_back(proposal.plan_entry);
        letters[i].funded_soles.push_back(grant);
      }
    }
  }

 private:
  const MatchingGrantsConfig& config_;
  const NationContext& context_;
};

}  // namespace

std::unique_ptr<FundingMechanism> make_matching_grants(const MatchingGrantsConfig& config,
                                                       const NationContext& context) {
  return std::make_unique<MatchingGrants>(config, context);
}

bool funded_today(const Letter& letter, std::uint32_t entry) {
  const auto& entries = letter.funded_plan_entries;
  return std::find(entries.begin(), entries.end(), entry) != entries.end();
}

}  // namespace munisim::nation
