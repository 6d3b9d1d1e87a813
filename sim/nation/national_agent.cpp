// The national agent: the configured funding mechanisms in their order, each with its budget, then
// the learning network, and the nation's series. Payments go into the letters by mechanism kind
// (Letter::soles_by_mechanism, kMechanismKindNames order); every day and mechanism
//   budget(end) = budget(start) + credited - paid,   paid = sum over municipalities of the letters.
#include "sim/nation/national_agent.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <set>
#include <utility>

#include "sim/core/error.hpp"
#include "sim/nation/formula_index.hpp"
#include "sim/nation/funding_mechanism.hpp"
#include "sim/nation/learning_network.hpp"

namespace munisim::nation {
namespace {

constexpr double kSolesPerMillion = 1e6;

std::size_t kind_index(const std::string& kind) {
  return static_cast<std::size_t>(std::find(kMechanismKindNames.begin(), kMechanismKindNames.end(), kind) -
                                  kMechanismKindNames.begin());
}

std::vector<std::string> ubigeos(std::span<const MunicipalityProfile> municipalities) {
  std::vector<std::string> labels;
  for (const MunicipalityProfile& m : municipalities) labels.push_back(m.ubigeo);
  return labels;
}

// Tonnes avoided and satisfaction gained against each municipality's own level over the run's first
// baseline_days (docs/nation.md), per million soles it has received from the nation so far.
class CostEffectiveness {
 public:
  CostEffectiveness(std::size_t municipalities, int baseline_days)
      : baseline_days_(baseline_days),
        emissions_sum_(municipalities, 0.0),
        satisfaction_sum_(municipalities, 0.0),
        avoided_(municipalities, 0.0),
        received_(municipalities, 0.0) {}

  void add_day(int day, std::span<const MunicipalityReport> reports, std::span<const Letter> letters,
               std::span<double> tco2e_per_million, std::span<double> satisfaction_per_million) {
    for (std::size_t i = 0; i < reports.size(); ++i) {
      for (double soles : letters[i].soles_by_mechanism) received_[i] += soles;
      if (day < baseline_days_) {
        emissions_sum_[i] += reports[i].emissions_tco2e;
        satisfaction_sum_[i] += reports[i].satisfaction;
        continue;
      }
      avoided_[i] += emissions_sum_[i] / baseline_days_ - reports[i].emissions_tco2e;
      const double millions = received_[i] / kSolesPerMillion;
      if (millions <= 0) continue;
      tco2e_per_million[i] = avoided_[i] / millions;
      satisfaction_per_million[i] = (reports[i].satisfaction - satisfaction_sum_[i] / baseline_days_) / millions;
    }
  }

 private:
  int baseline_days_;
  std::vector<double> emissions_sum_, satisfaction_sum_, avoided_, received_;
};

class Nation final : public NationalAgent {
 public:
  Nation(const NationConfig& config, std::span<const MunicipalityProfile> municipalities, const Calendar& calendar,
         MetricsRegistry& series, std::uint64_t seed)
      : config_(config),
        context_{municipalities, calendar, formula_index(config.formula_transfers, municipalities),
                 total_population(municipalities), {"municipality", ubigeos(municipalities)}},
        series_(series),
        balance_(config.mechanisms.size(), 0.0),
        effectiveness_(municipalities.size(), config.baseline_days) {
    for (const std::string& kind : config.mechanisms) mechanisms_.push_back(make(kind));
    const Dimension mechanism{"mechanism", config.mechanisms};
    ids_.transfers = series.add({"nation_transfers_soles", "soles",
                                 "soles the nation paid each municipality by mechanism (received the next day)",
                                 {mechanism, context_.municipality}, Summary::total});
    ids_.credited = series.add({"nation_budget_credited_soles", "soles",
                                "soles each mechanism's budget received", {mechanism}, Summary::total});
    ids_.balance = series.add({"nation_budget_balance_soles", "soles",
                               "each mechanism's budget left at the end of the day", {mechanism}, Summary::last});
    ids_.tco2e = series.add({"nation_tco2e_avoided_per_million_soles", "tCO2e/million soles",
                             "emissions avoided since the baseline days against the municipality's baseline level, "
                             "per million soles received from the nation so far",
                             {context_.municipality}, Summary::last});
    ids_.satisfaction = series.add({"nation_satisfaction_gained_per_million_soles", "1/million soles",
                                    "satisfaction today less its baseline mean, per million soles received so far",
                                    {context_.municipality}, Summary::last});
    if (config.learning_network.enabled) {
      network_.emplace(config.learning_network, municipalities, seed);
      const Dimension practice{"practice", config.learning_network.practices};
      ids_.adoptions = series.add({"nation_practice_adoptions", "municipalities",
                                   "municipalities the learning network led to adopt each practice that day",
                                   {practice}, Summary::total});
      ids_.users = series.add({"nation_practice_users", "municipalities",
                               "municipalities reporting each practice in force that day", {practice}, Summary::last});
    }
  }

  void exchange(int day, std::span<const MunicipalityReport> reports, std::span<Letter> letters) override {
    const std::size_t n = context_.municipalities.size();
    if (reports.size() != n || letters.size() != n) {
      throw Error("the nation knows " + std::to_string(n) + " municipalities; the world gave " +
                  std::to_string(reports.size()) + " reports and " + std::to_string(letters.size()) + " letters");
    }
    for (Letter& letter : letters) letter = Letter{};
    std::vector<MunicipalityReport> copies;
    const std::span<const MunicipalityReport> unfunded = without_funded(reports, copies);
    std::vector<double> transfers, credited, paid(n);
    for (std::size_t k = 0; k < mechanisms_.size(); ++k) {
      const double credit = mechanisms_[k]->credit(day);
      balance_[k] += credit;
      credited.push_back(credit);
      std::fill(paid.begin(), paid.end(), 0.0);
      mechanisms_[k]->pay(day, unfunded, balance_[k], paid, letters);
      const std::size_t kind = kind_index(config_.mechanisms[k]);
      for (std::size_t i = 0; i < n; ++i) {
        if (paid[i] == 0) continue;
        letters[i].soles_by_mechanism.resize(kMechanismKinds, 0.0);
        letters[i].soles_by_mechanism[kind] += paid[i];
      }
      balance_[k] -= std::accumulate(paid.begin(), paid.end(), 0.0);
      transfers.insert(transfers.end(), paid.begin(), paid.end());
    }
    for (std::size_t i = 0; i < n; ++i) {
      for (std::uint32_t entry : letters[i].funded_plan_entries) funded_.insert({i, entry});
    }
    series_.series(ids_.transfers).set_day(day, transfers);
    series_.series(ids_.credited).set_day(day, credited);
    series_.series(ids_.balance).set_day(day, balance_);
    std::vector<double> tco2e(n, 0.0), satisfaction(n, 0.0);
    effectiveness_.add_day(day, reports, letters, tco2e, satisfaction);
    series_.series(ids_.tco2e).set_day(day, tco2e);
    series_.series(ids_.satisfaction).set_day(day, satisfaction);
    if (network_) learn(day, reports, letters);
  }

 private:
  std::unique_ptr<FundingMechanism> make(const std::string& kind) {
    if (kind == "formula_transfers") return make_formula_transfers(config_.formula_transfers, context_);
    if (kind == "performance_incentives") {
      return make_performance_incentives(config_.performance_incentives, context_, series_);
    }
    if (kind == "matching_grants") return make_matching_grants(config_.matching_grants, context_);
    if (kind == "competitive_fund") return make_competitive_fund(config_.competitive_fund, context_);
    return make_canon(config_.canon, context_);
  }

  // The reports with the proposals some mechanism already co-financed taken out: an entry is funded
  // once, even while its municipality still cannot pay its share. The reports themselves when none
  // proposes a funded entry; else copies, kept in `copies`.
  [[nodiscard]] std::span<const MunicipalityReport> without_funded(std::span<const MunicipalityReport> reports,
                                                                   std::vector<MunicipalityReport>& copies) const {
    const auto funded = [&](std::size_t i) {
      return [this, i](const Proposal& proposal) { return funded_.contains({i, proposal.plan_entry}); };
    };
    bool any = false;
    for (std::size_t i = 0; i < reports.size() && !any && !funded_.empty(); ++i) {
      any = std::any_of(reports[i].proposals.begin(), reports[i].proposals.end(), funded(i));
    }
    if (!any) return reports;
    copies.assign(reports.begin(), reports.end());
    for (std::size_t i = 0; i < copies.size(); ++i) std::erase_if(copies[i].proposals, funded(i));
    return copies;
  }

  void learn(int day, std::span<const MunicipalityReport> reports, std::span<Letter> letters) {
    const std::vector<std::string>& practices = config_.learning_network.practices;
    std::vector<double> adopted(practices.size(), 0.0), users(practices.size(), 0.0);
    if (network_->look_day(day)) network_->look(day, reports, letters, adopted);
    for (std::size_t p = 0; p < practices.size(); ++p) {
      for (const MunicipalityReport& report : reports) users[p] += uses(report, practices[p]) ? 1 : 0;
    }
    series_.series(ids_.adoptions).set_day(day, adopted);
    series_.series(ids_.users).set_day(day, users);
  }

  struct Ids {
    SeriesId transfers, credited, balance, tco2e, satisfaction, adoptions, users;
  };

  const NationConfig& config_;
  NationContext context_;
  MetricsRegistry& series_;
  std::vector<std::unique_ptr<FundingMechanism>> mechanisms_;
  std::vector<double> balance_;  // per configured mechanism
  CostEffectiveness effectiveness_;
  std::optional<LearningNetwork> network_;
  std::set<std::pair<std::size_t, std::uint32_t>> funded_;  // (municipality, plan entry) co-financed
  Ids ids_{};
};

}  // namespace

std::size_t municipality_index(const NationContext& context, const std::string& ubigeo, const std::string& key) {
  for (std::size_t i = 0; i < context.municipalities.size(); ++i) {
    if (context.municipalities[i].ubigeo == ubigeo) return i;
  }
  throw InputError({}, key, "'" + ubigeo + "' is not a municipality of the world");
}

std::unique_ptr<NationalAgent> make_national_agent(const NationConfig& config,
                                                   std::span<const MunicipalityProfile> municipalities,
                                                   const Calendar& calendar, MetricsRegistry& nation_series,
                                                   std::uint64_t seed) {
  return std::make_unique<Nation>(config, municipalities, calendar, nation_series, seed);
}

}  // namespace munisim::nation
