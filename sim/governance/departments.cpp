// The departments' rules and the municipality's books: the waste department sends recovery visits
// where it knows waste is left on the street, finance keeps the books and sets each year's budget,
// and every month the scorecard is drawn up.
#include <algorithm>

#include "sim/governance/detail/governance_state.hpp"

namespace munisim::governance_detail {
namespace {

constexpr double kMonthsPerYear = 12;
// Mechanisms whose systems IT runs and pays for.
constexpr std::array<Mechanism, 6> kItRunSystems = {kSharedData,    kAutoRouting, kGpsTracking,
                                                      kComplaintApp, kDashboards,  kDigitalDocuments};

}  // namespace

// How the waste department learns where waste is left on the street (each a documented path):
// - GPS fleet tracking: the zones its trucks missed today;
// - its weekly review (Mondays) of street waste above the recovery threshold: today's figures with
//   dashboards, else the last monthly report's;
// - complaints: a waste complaint it answers, or, with a shared data platform, one filed anywhere
//   (marked when filed).
void GovernanceService::learn_of_waste_problems(const StepContext& step) {
  const waste::DistrictDay& day = *waste_day_;
  if (on(kGpsTracking, step.day)) {
    for (std::size_t d = 0; d < districts_; ++d) problem_known_[d] |= day.missed_visit[d];
  }
  if (step.date.weekday() == Weekday::monday) {
    const std::vector<double>& street_t = on(kDashboards, step.day) ? day.street_stock_t : month_end_street_t_;
    for (std::size_t d = 0; d < districts_; ++d) {
      if (street_t[d] >= config_.recovery_backlog_t && street_t[d] > 0) problem_known_[d] = 1;
    }
  }
}

// The waste department orders a recovery visit for tomorrow to each district it knows of, as long
// as its budget pays the crews' overtime.
void GovernanceService::direct_waste(const StepContext& step) {
  learn_of_waste_problems(step);
  recovery_visits_.assign(districts_, 0.0);
  waste::Directives directives;
  directives.recovery_visit_by_district.assign(districts_, 0);
  const double cost = config_.recovery_visit_cost_soles;
  for (std::size_t d = 0; d < districts_; ++d) {
    if (problem_known_[d] == 0) continue;
    problem_known_[d] = 0;
    if (!ledger_.reserve(kWasteDept, cost)) {
      blocked_soles_[kWasteDept] += cost;
      continue;
    }
    directives.recovery_visit_by_district[d] = 1;
    recovery_visits_[d] = 1;
  }
  // The shared fleet pool lends compactors to stand in for trucks under repair.
  directives.spare_trucks = on(kSharedFleet, step.day) ? static_cast<int>(config_.shared_fleet_spare_trucks) : 0;
  directives_.set(std::move(directives));
}

void GovernanceService::keep_books(const StepContext& step) {
  books_ = DayBooks{};
  const FinanceConfig& finance = config_.finance;
  const OpinionMeans& opinion = opinion_.means();
  // The waste fee is paid in each district at a rate that follows its residents' trust.
  for (std::size_t d = 0; d < districts_; ++d) {
    double trust = 0, persons = 0;
    for (std::size_t cell = d * kGenders * kIncomeGroups; cell < (d + 1) * kGenders * kIncomeGroups; ++cell) {
      trust += opinion.trust[cell] * opinion.persons[cell];
      persons += opinion.persons[cell];
    }
    const double paying = finance.fee_collection_at_zero_trust +
                          (finance.fee_collection_at_full_trust - finance.fee_collection_at_zero_trust) *
                              (persons > 0 ? trust / persons : 0.0);
    books_.revenue_soles[kWasteFee] +=
        households_[d] * finance.waste_fee_soles_per_household_month * kMonthsPerYear / kDaysPerYear * paying;
    books_.revenue_soles[kPropertyTax] +=
        households_[d] * finance.property_tax_soles_per_household_yr / kDaysPerYear * finance.property_tax_collection;
  }
  if (step.calendar.is_first_of_month(step.day)) {
    const std::vector<double>& transfers = finance.transfers_soles_per_month;
    books_.revenue_soles[kTransfers] =
        transfers.empty() ? 0.0 : transfers[std::min<std::size_t>(months_elapsed_, transfers.size() - 1)];
    ++months_elapsed_;
  }
  // The nation's soles of yesterday's letter (a multi-city world only) are national transfers too.
  nation_receipts_ = {};
  const std::vector<double>& from_nation = letter_->soles_by_mechanism;
  for (std::size_t k = 0; k < from_nation.size() && k < nation::kMechanismKinds; ++k) {
    nation_receipts_[k] = from_nation[k];
    books_.revenue_soles[kTransfers] += from_nation[k];
  }
  const waste::CityDay& waste_city = *waste_city_;
  for (double soles : waste_city.cost_soles) books_.spending_soles[kWasteDept][kServiceRunning] += soles;
  const auto departments = config_.departments.all();
  for (std::size_t dept = 0; dept < kDepartments; ++dept) {
    books_.spending_soles[dept][kStaff] =
        departments[dept]->staff * departments[dept]->salary_soles_per_month * kMonthsPerYear / kDaysPerYear;
  }
  double systems = 0;
  for (Mechanism mechanism : kItRunSystems) systems += on(mechanism, step.day) ? 1 : 0;
  books_.spending_soles[kItDept][kDigitalSystems] =
      systems * finance.digital_systems_soles_per_month * kMonthsPerYear / kDaysPerYear;
  double visits = 0;
  for (double visit : recovery_visits_) visits += visit;
  books_.spending_soles[kWasteDept][kDirectedWork] = visits * config_.recovery_visit_cost_soles;
  books_.spending_soles[kTransportDept][kDirectedWork] = frequency_orders_today_ * config_.frequency_order_cost_soles;
  for (std::size_t dept = 0; dept < kDepartments; ++dept) {
    books_.spending_soles[dept][kPlanMeasures] = plan_cost_by_department_[dept];
  }
  ledger_.book(books_);

  const waste::DistrictDay& waste_day = *waste_day_;
  for (std::size_t d = 0; d < districts_; ++d) {
    month_.set_out_t += waste_day.set_out_t[d];
    month_.collected_t += waste_day.collected_t[d];
  }
  month_.service_cost_soles += books_.spending_soles[kWasteDept][kServiceRunning];
  month_.emitted_tco2e += waste_city.emissions_tco2e + (mobility_day_ ? (*mobility_day_)->emissions_tco2e : 0.0);
  if (mobility_day_) {
    const TransitDay transit = transit_day(**mobility_day_);
    month_boardings_ += transit.boardings;
    month_denied_ += transit.denied;
  }
  month_.avoided_tco2e += waste_city.avoided_tco2e;
}

double GovernanceService::city_mean(const std::vector<double>& by_group, std::optional<std::size_t> gender) const {
  const OpinionMeans& opinion = opinion_.means();
  double sum = 0, persons = 0;
  for (std::size_t cell = 0; cell < by_group.size(); ++cell) {
    if (gender && (cell / kIncomeGroups) % kGenders != *gender) continue;
    sum += by_group[cell] * opinion.persons[cell];
    persons += opinion.persons[cell];
  }
  return persons > 0 ? sum / persons : 0.0;
}

// The transport department watches the share of boarding attempts denied over the month; above
// its target it orders more frequent service on every line from the concessionaires (a headway
// measure for the mobility service from the next day), paid from its budget.
void GovernanceService::review_transit_service(const StepContext& step) {
  const double attempts = month_boardings_ + month_denied_;
  const double denied_share = attempts > 0 ? month_denied_ / attempts : 0.0;
  month_boardings_ = 0;
  month_denied_ = 0;
  if (!mobility_day_ || step.day == 0 || denied_share <= config_.denied_boarding_target_share) return;
  if (!ledger_.reserve(kTransportDept, config_.frequency_order_cost_soles)) {
    blocked_soles_[kTransportDept] += config_.frequency_order_cost_soles;
    return;
  }
  MobilityMeasureConfig order;  // through the service's own conversion, as if written in the scenario
  order.kind = mobility::Headway::kind;
  order.value = 1 / (1 + config_.frequency_step);
  mobility_orders_.push_back(mobility::measure_from_config(order));
  frequency_orders_today_ = 1;
}

// On the first of each month: the scorecard of the month that ended, the monthly report of street
// waste that departments without dashboards decide on, the transport department's review, and on
// the 1st of January the new budget.
void GovernanceService::review_month(const StepContext& step) {
  month_end_street_t_ = waste_day_->street_stock_t;
  if (step.day > 0 && step.calendar.is_first_of_year(step.day)) ledger_.start_year();
  review_transit_service(step);
  if (step.day == 0) return;
  const OpinionMeans& opinion = opinion_.means();
  month_.satisfaction = 0;
  for (const std::vector<double>& service : opinion.satisfaction) month_.satisfaction += city_mean(service);
  month_.satisfaction /= kJudgedServices;
  month_.trust = city_mean(opinion.trust);
  for (std::size_t g = 0; g < kGenders; ++g) {
    month_.satisfaction_by_gender[g] = 0;
    for (const std::vector<double>& service : opinion.satisfaction) {
      month_.satisfaction_by_gender[g] += city_mean(service, g) / kJudgedServices;
    }
  }
  points_ = score_month(month_, config_.scorecard, points_);
  month_ = MonthFigures{};
}

}  // namespace munisim::governance_detail
