// Internal to sim/governance: the state of the governance layer, whose systems are split over
// governance_service.cpp (what citizens live and file, how offices answer), departments.cpp (the
// departments' rules and the books) and governance_series.cpp (what it records).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/core/channels.hpp"
#include "sim/core/metrics.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/governance/citizen_opinion.hpp"
#include "sim/governance/complaints.hpp"
#include "sim/governance/finance.hpp"
#include "sim/governance/governance_view.hpp"
#include "sim/governance/mechanisms.hpp"
#include "sim/governance/scorecard.hpp"
#include "sim/governance/tickets.hpp"
#include "sim/mobility/mobility_channels.hpp"
#include "sim/mobility/mobility_measures.hpp"
#include "sim/nation/exchange.hpp"
#include "sim/nation/nation_config.hpp"
#include "sim/waste/waste_channels.hpp"
#include "sim/waste/waste_measures.hpp"

namespace munisim::governance_detail {

// Days over which the report to the nation averages the complaint answer time.
inline constexpr int kResponseWindowDays = 30;
inline constexpr double kDaysPerYear = 365;

struct Ids {
  SeriesId satisfaction, satisfaction_city, satisfaction_mean, trust, trust_city, gaps, filed, filed_by_group, answered, answer_days,
      escalated, open, forwarded, outcomes, app_share, recovery_visits, blocked, revenue, spending, cash, budget,
      budget_left, mechanisms, plan_adopted, plan_unaffordable, frequency_orders, nation_receipts;
  std::array<SeriesId, kPillars> scorecard;
};

// What happened to complaints today, in persons' complaints.
struct ComplaintDay {
  std::vector<double> filed;           // kind x channel
  std::vector<double> filed_by_group;  // district x gender x income group
  std::vector<double> answered, answer_days, escalated;  // by kind
  std::vector<double> outcomes;        // outcome (in time, late, escalated) x gender x income group
  std::array<double, kDepartments> forwarded{};
};

// A day's transit boardings, attempts denied and boardings onto crowded vehicles, city-wide.
struct TransitDay {
  double boardings = 0, denied = 0, crowded = 0;
};
[[nodiscard]] TransitDay transit_day(const MobilityDay& day);

// What transit riders lived on a day: mean wait (min), denied share of boarding attempts, crowded
// share of boardings and perceived insecurity, all but the wait in [0, 1].
struct RiderExperience {
  double wait_min = 0, denied_share = 0, crowded_share = 0, insecurity = 0;
};
[[nodiscard]] RiderExperience rider_experience(double trips, double wait_min, double denied, double crowded,
                                               double insecurity);
// Of the riders from one district and gender: `cell` is district * genders + gender.
[[nodiscard]] RiderExperience district_experience(const MobilityDay& day, std::size_t cell);
// City-wide, per gender.
[[nodiscard]] std::vector<RiderExperience> city_experience(const MobilityDay& day);

class GovernanceService final : public GovernanceView {
 public:
  GovernanceService(const City& city, const GovernanceConfig& config, const Calendar& calendar,
                    MetricsRegistry& metrics, Channels& channels, Parallelism& parallel, bool mobility);

  void observe(const StepContext& step);
  void file_complaints(const StepContext& step);
  void answer_complaints(const StepContext& step);
  void direct_waste(const StepContext& step);
  void adopt_plan_measures(const StepContext& step);
  void keep_books(const StepContext& step);
  void update_opinion(const StepContext& step);
  void review_month(const StepContext& step);
  void record(const StepContext& step);

  [[nodiscard]] std::span<const float> satisfaction(std::size_t service) const override {
    return opinion_.satisfaction(service);
  }
  [[nodiscard]] std::span<const float> trust() const override { return opinion_.trust(); }
  [[nodiscard]] TicketTable tickets() const override;

  // What it keeps between days, for checkpoints; the mechanisms' schedule and the complaint desk's groups are built from the config and the city alone (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(opinion_, office_, ledger_, households_, week_quality_sum_, week_days_, service_quality_sum_,
            service_quality_count_, last_service_quality_, failure_, events_, app_share_, complaints_, problem_known_,
            month_end_street_t_, recovery_visits_, blocked_soles_, plan_adopted_, plan_unaffordable_,
            plan_cost_by_department_, mobility_orders_, month_boardings_, month_denied_, frequency_orders_today_,
            months_elapsed_, books_, month_, points_, adopted_by_network_, answered_window_, answer_days_window_,
            nation_receipts_);
  }

 private:
  void register_series();
  // A mechanism is in force by the scenario's schedule or once the learning network led the city to it.
  [[nodiscard]] bool on(Mechanism mechanism, int day) const {
    return adopted_by_network_[mechanism] != 0 || mechanisms_.on(mechanism, day);
  }
  // Adopts plan entry i if its department's budget (or, with joint planning, the pooled budgets)
  // pays it; the measure starts in its service tomorrow.
  bool adopt_plan_entry(std::size_t i, const StepContext& step, std::vector<waste::Measure>& waste_measures,
                        std::vector<mobility::Measure>& mobility_measures);
  void act_on_letter(const StepContext& step, std::vector<waste::Measure>& waste_measures,
                     std::vector<mobility::Measure>& mobility_measures);
  [[nodiscard]] nation::MunicipalityReport report(const StepContext& step) const;
  [[nodiscard]] std::array<double, kDepartments> complaint_capacity(const StepContext& step) const;
  [[nodiscard]] double waste_quality(std::size_t district) const;
  [[nodiscard]] std::vector<double> transport_quality() const;  // by district x gender
  [[nodiscard]] double lived_transport_quality(const RiderExperience& lived) const;
  void learn_of_waste_problems(const StepContext& step);
  void review_transit_service(const StepContext& step);
  [[nodiscard]] double city_mean(const std::vector<double>& by_group, std::optional<std::size_t> gender = {}) const;
  void close_ticket(std::uint32_t number, int days, bool answered);

  const City& city_;
  const GovernanceConfig& config_;
  MetricsRegistry& metrics_;
  std::size_t districts_;
  MechanismSchedule mechanisms_;
  CitizenOpinion opinion_;
  ComplaintDesk desk_;
  TicketOffice office_;
  Ledger ledger_;
  Ids ids_{};

  ChannelReader<waste::DistrictDay> waste_day_;
  ChannelReader<waste::CityDay> waste_city_;
  ChannelWriter<waste::Directives> directives_;
  ChannelWriter<std::vector<waste::Measure>> adopted_waste_;
  std::optional<ChannelReader<MobilityDay>> mobility_day_;
  std::optional<ChannelWriter<std::vector<mobility::Measure>>> adopted_mobility_;
  // The exchange with the nation in a world of several cities (sim/nation/exchange.hpp): nobody
  // writes the letter in a single-city run, and it is then empty every day.
  ChannelWriter<nation::MunicipalityReport> report_;
  ChannelReader<nation::Letter> letter_;

  std::vector<double> households_;  // weighted, per district
  // Quality lived this week, summed over its days, per judged service by district x gender.
  LivedQuality week_quality_sum_;
  int week_days_ = 0;
  std::vector<double> service_quality_sum_, service_quality_count_;  // answers this week, per district
  std::vector<double> last_service_quality_;                          // per district
  ServiceFailure failure_;                                            // today's, by district x gender
  std::vector<OpinionEvent> events_;  // answers lived since the last weekly update
  double app_share_ = 0;
  ComplaintDay complaints_;

  // The waste department's knowledge of where waste is left on the street.
  std::vector<std::uint8_t> problem_known_;
  std::vector<double> month_end_street_t_;  // the last monthly report's street stock, per district
  std::vector<double> recovery_visits_;     // ordered today, per district
  std::array<double, kDepartments> blocked_soles_{};  // work refused today for want of budget

  // The city plan: per entry, adopted (1) and refused today for want of budget (1).
  std::vector<double> plan_adopted_, plan_unaffordable_;
  std::array<double, kDepartments> plan_cost_by_department_{};  // paid today
  // Measures for the mobility service decided today, published with the plan's by planning.
  std::vector<mobility::Measure> mobility_orders_;
  double month_boardings_ = 0, month_denied_ = 0;  // the transport department's monthly KPI
  double frequency_orders_today_ = 0;

  int months_elapsed_ = 0;
  DayBooks books_;
  std::array<std::uint8_t, kMechanisms> adopted_by_network_{};  // 1: adopted through the learning network
  // Complaints answered and their days of waiting, per day of the last kResponseWindowDays (ring).
  std::vector<double> answered_window_, answer_days_window_;
  std::array<double, nation::kMechanismKinds> nation_receipts_{};  // soles received today, by mechanism
  MonthFigures month_;
  std::array<double, kPillars> points_{};
};

}  // namespace munisim::governance_detail
