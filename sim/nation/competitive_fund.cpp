// FONIPREL-like competitive fund. On each call date the call's budget is credited and every
// municipality presents its first projects_per_municipality proposals (of the eligible kinds). A proposal whose quality is 50 points or less is not eligible; the others score
//   S = wq q + wc 100 c + wa 100 a + wb 100 b + wp 100 poverty + we 100 execution   (points)
// (MEF Anexo 02, FACTS.md §4.3) and are funded in rank order (ties: world order, then plan order),
// the nation paying (1 - c) x cost, until the next in rank no longer fits in the budget left.
// What is not awarded carries over to the next call.
#include <algorithm>
#include <set>

#include "sim/nation/funding_mechanism.hpp"

namespace munisim::nation {
namespace {

constexpr double kQualityThreshold = 50;  // points
constexpr double kPoints = 100;

struct Candidate {
  double score;
  std::size_t municipality;
  std::size_t order;  // in the municipality's proposals
  const Proposal* proposal;
  double grant;
};

class CompetitiveFund final : public FundingMechanism {
 public:
  CompetitiveFund(const CompetitiveFundConfig& config, const NationContext& context)
      : config_(config), context_(context), applicants_(context.municipalities.size(), &config.default_applicant) {
    for (const std::string& text : config.call_dates) {
      const long day = Date::parse(text)->days_since_epoch() - context.calendar.start().days_since_epoch();
      if (day >= 0) call_days_.insert(static_cast<int>(day));
    }
    for (std::size_t k = 0; k < config.applicants.size(); ++k) {
      const std::string key = "nation.competitive_fund.applicants[" + std::to_string(k) + "].ubigeo";
      applicants_[municipality_index(context, config.applicants[k].ubigeo, key)] = &config.applicants[k];
    }
  }

  double credit(int day) override { return call_days_.contains(day) ? config_.budget_soles_per_call : 0.0; }

  void pay(int day, std::span<const MunicipalityReport> reports, double balance, std::span<double> paid,
           std::span<Letter> letters) override {
    if (!call_days_.contains(day)) return;
    std::vector<Candidate> candidates = rank(reports, letters);
    for (const Candidate& candidate : candidates) {
      if (candidate.grant > balance) break;
      balance -= candidate.grant;
      paid[candidate.municipality] += candidate.grant;
      letters[candidate.municipality].funded_plan_entries.push_back(candidate.proposal->plan_entry);
      letters[candidate.municipality].funded_soles.push_back(candidate.grant);
    }
  }

  // The score of a proposal of municipality i, in points.
  [[nodiscard]] double score(std::size_t i, const MunicipalityReport& report) const {
    const CompetitiveApplicantConfig& applicant = *applicants_[i];
    return config_.weight_quality * applicant.quality + config_.weight_cofinancing * kPoints * applicant.cofinancing_share +
           config_.weight_association * kPoints * (applicant.association ? 1 : 0) +
           config_.weight_border * kPoints * (applicant.border ? 1 : 0) +
           config_.weight_priority * kPoints * context_.municipalities[i].poverty_share +
           config_.weight_execution * kPoints * report.budget_execution;
  }

 private:
  [[nodiscard]] bool eligible_kind(const std::string& kind) const {
    return config_.kinds.empty() || std::find(config_.kinds.begin(), config_.kinds.end(), kind) != config_.kinds.end();
  }

  [[nodiscard]] std::vector<Candidate> rank(std::span<const MunicipalityReport> reports,
                                            std::span<const Letter> letters) const {
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < reports.size(); ++i) {
      if (applicants_[i]->quality <= kQualityThreshold) continue;
      std::size_t presented = 0;
      for (const Proposal& proposal : reports[i].proposals) {
        if (presented == static_cast<std::size_t>(config_.projects_per_municipality)) break;
        if (!eligible_kind(proposal.kind) || funded_today(letters[i], proposal.plan_entry)) continue;
        candidates.push_back({score(i, reports[i]), i, presented++, &proposal,
                              (1 - applicants_[i]->cofinancing_share) * proposal.cost_soles});
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    return candidates;
  }

  const CompetitiveFundConfig& config_;
  const NationContext& context_;
  std::vector<const CompetitiveApplicantConfig*> applicants_;  // per municipality
  std::set<int> call_days_;
};

}  // namespace

std::unique_ptr<FundingMechanism> make_competitive_fund(const CompetitiveFundConfig& config,
                                                        const NationContext& context) {
  return std::make_unique<CompetitiveFund>(config, context);
}

}  // namespace munisim::nation
