#include "sim/governance/governance_service.hpp"

#include <cmath>
#include <memory>

#include "sim/core/parallel.hpp"
#include "sim/core/rng.hpp"
#include "sim/governance/detail/governance_state.hpp"
#include "sim/governance/routing.hpp"
#include "sim/mobility/mobility_config.hpp"

namespace munisim {
namespace governance_detail {
namespace {

constexpr std::uint32_t kRoutingPurpose = stream_purpose("governance.routing");
constexpr double kKgPerTonne = 1000;
constexpr std::size_t kOutcomes = 3;  // answered in time, answered late, escalated

}  // namespace

GovernanceService::GovernanceService(const City& city, const GovernanceConfig& config, const Calendar& calendar,
                                     MetricsRegistry& metrics, Channels& channels, Parallelism& parallel,
                                     bool mobility)
    : city_(city),
      config_(config),
      metrics_(metrics),
      districts_(city.districts.size()),
      mechanisms_(config, calendar),
      opinion_(city.citizens, districts_, config.feedback, parallel),
      desk_(city.citizens, config.complaints),
      office_(static_cast<int>(std::lround(config.complaints.forward_days))),
      ledger_(config),
      waste_day_(channels.read<waste::DistrictDay>(waste::kDistrictsChannel, "governance.observe", Timing::same_day)),
      waste_city_(channels.read<waste::CityDay>(waste::kCityChannel, "governance.observe", Timing::same_day)),
      directives_(channels.publish<waste::Directives>(waste::kDirectivesChannel, "governance.departments")),
      adopted_waste_(
          channels.publish<std::vector<waste::Measure>>(waste::kAdoptedMeasuresChannel, "governance.planning")),
      report_(channels.publish<nation::MunicipalityReport>(nation::kReportChannel, "governance.record")),
      letter_(channels.read_optional<nation::Letter>(nation::kLetterChannel, "governance.planning",
                                                     Timing::previous_day)),
      households_(weighted_households(city)) {
  if (mobility) {
    mobility_day_.emplace(channels.read<MobilityDay>(kMobilityDayChannel, "governance.observe", Timing::same_day));
    adopted_mobility_.emplace(
        channels.publish<std::vector<mobility::Measure>>(kMobilityAdoptedMeasuresChannel, "governance.planning"));
  }
  plan_adopted_.assign(config.plan.size(), 0.0);
  plan_unaffordable_.assign(config.plan.size(), 0.0);
  for (auto& sums : week_quality_sum_) sums.assign(districts_ * kGenders, 0.0);
  for (auto& failure : failure_) failure.assign(districts_ * kGenders, 0.0);
  service_quality_sum_.assign(districts_, 0.0);
  service_quality_count_.assign(districts_, 0.0);
  last_service_quality_.assign(districts_, config.feedback.initial_satisfaction);
  problem_known_.assign(districts_, 0);
  month_end_street_t_.assign(districts_, 0.0);
  recovery_visits_.assign(districts_, 0.0);
  answered_window_.assign(kResponseWindowDays, 0.0);
  answer_days_window_.assign(kResponseWindowDays, 0.0);
  register_series();
}

// Waste quality lived in a district: street waste per household and whether today's round was missed.
double GovernanceService::waste_quality(std::size_t district) const {
  const waste::DistrictDay& day = *waste_day_;
  const double kg_per_household =
      households_[district] > 0 ? day.street_stock_t[district] * kKgPerTonne / households_[district] : 0.0;
  const double missed = day.missed_visit[district] != 0 ? config_.feedback.missed_collection_penalty : 0.0;
  return std::exp(-kg_per_household / config_.feedback.street_waste_tolerance_kg_per_household) * (1 - missed);
}

// Transport quality lived in each district by each gender: the mean wait of its riders' transit
// trips, the share of their boarding attempts denied, the share of their boardings onto crowded
// vehicles and their perceived insecurity. A district-gender without transit trips lives the city's
// figures for that gender.
std::vector<double> GovernanceService::transport_quality() const {
  std::vector<double> quality(districts_ * kGenders, config_.feedback.initial_satisfaction);
  if (!mobility_day_ || (*mobility_day_)->genders == 0) return quality;
  const MobilityDay& day = **mobility_day_;
  const std::vector<RiderExperience> city = city_experience(day);
  for (std::size_t d = 0; d < districts_; ++d) {
    for (std::size_t g = 0; g < kGenders && g < day.genders; ++g) {
      const std::size_t cell = d * kGenders + g;
      const bool rode = day.transit_trips_by_district_gender[cell] > 0;
      quality[cell] = lived_transport_quality(rode ? district_experience(day, cell) : city[g]);
    }
  }
  return quality;
}

double GovernanceService::lived_transport_quality(const RiderExperience& lived) const {
  const FeedbackConfig& feedback = config_.feedback;
  const double value = std::exp(-lived.wait_min / feedback.wait_tolerance_min) *
                       (1 - feedback.denied_boarding_penalty * lived.denied_share) *
                       (1 - feedback.crowding_penalty * lived.crowded_share) *
                       (1 - feedback.insecurity_penalty * lived.insecurity);
  return std::max(0.0, value);
}

// Denied attempts over all attempts (boardings plus denials), and crowded boardings over boardings,
// counting one boarding per trip as the city-wide figures do.
RiderExperience rider_experience(double trips, double wait_min, double denied, double crowded, double insecurity) {
  return {wait_min, trips + denied > 0 ? denied / (trips + denied) : 0.0,
          trips > 0 ? std::min(1.0, crowded / trips) : 0.0, insecurity};
}

RiderExperience district_experience(const MobilityDay& day, std::size_t cell) {
  return rider_experience(day.transit_trips_by_district_gender[cell], day.transit_wait_min_by_district_gender[cell],
                          day.denied_by_district_gender[cell], day.crowded_by_district_gender[cell],
                          day.insecurity_by_district_gender[cell]);
}

// Per gender: its mean wait, the city's denied and crowded shares and its riders' mean insecurity.
std::vector<RiderExperience> city_experience(const MobilityDay& day) {
  const auto [boardings, denied, crowded] = transit_day(day);
  std::vector<RiderExperience> city;
  for (std::size_t g = 0; g < day.genders; ++g) {
    double trips = 0, insecurity = 0;
    for (std::size_t cell = g; cell < day.insecurity_by_district_gender.size(); cell += day.genders) {
      trips += day.transit_trips_by_district_gender[cell];
      insecurity += day.transit_trips_by_district_gender[cell] * day.insecurity_by_district_gender[cell];
    }
    city.push_back(rider_experience(boardings, day.transit_wait_min_by_gender[g], denied, crowded,
                                    trips > 0 ? insecurity / trips : 0.0));
  }
  return city;
}

TransitDay transit_day(const MobilityDay& day) {
  TransitDay totals;
  for (std::size_t g = 0; g < day.genders; ++g) totals.boardings += day.trips_by_gender_mode[g * day.modes + kTransit];
  for (double value : day.denied_boardings_by_line_hour) totals.denied += value;
  for (double value : day.crowded_boardings_by_line_hour) totals.crowded += value;
  return totals;
}

void GovernanceService::observe(const StepContext&) {
  // Mechanisms the learning network brought (yesterday's letter) are in force from today's start.
  for (const nation::Practice& practice : letter_->adopt) {
    if (practice.kind == "mechanism") adopted_by_network_[mechanism_from_name(practice.name)] = 1;
  }
  blocked_soles_ = {};
  frequency_orders_today_ = 0;
  const std::vector<double> transport = transport_quality();
  for (std::size_t d = 0; d < districts_; ++d) {
    const double waste = waste_quality(d);
    for (std::size_t g = 0; g < kGenders; ++g) {
      const std::size_t cell = d * kGenders + g;
      const double lived[kJudgedServices] = {waste, transport[cell], last_service_quality_[d]};
      for (std::size_t s = 0; s < kJudgedServices; ++s) {
        week_quality_sum_[s][cell] += lived[s];
        failure_[s][cell] = 1 - lived[s];
      }
    }
  }
  ++week_days_;
}

void GovernanceService::file_complaints(const StepContext& step) {
  if (on(kComplaintApp, step.day)) {
    // Logistic adoption among citizens with digital access, from its starting share.
    const double rate = config_.complaints.app_adoption_per_yr / kDaysPerYear;
    app_share_ = app_share_ <= 0 ? config_.complaints.app_adoption_start_share
                                 : app_share_ + rate * app_share_ * (1 - app_share_);
  } else {
    app_share_ = 0;
  }
  const std::vector<Ticket> tickets = desk_.file_day(step.day, opinion_.means(), failure_, app_share_, step.seed, step.parallel);
  complaints_.filed.assign(kTicketKinds * kComplaintChannels, 0.0);
  complaints_.filed_by_group.assign(districts_ * kGenders * kIncomeGroups, 0.0);
  const RoutingSwitches switches{on(kOneStop, step.day), on(kAutoRouting, step.day)};
  const bool shared_data = on(kSharedData, step.day);
  for (const Ticket& filed : tickets) {
    Ticket ticket = filed;
    ticket.deadline_day = answer_deadline_day(ticket, step.calendar, config_.complaints);
    RandomStream stream(step.seed, office_.filed(), static_cast<std::uint32_t>(step.day), kRoutingPurpose);
    office_.file(ticket, route_ticket(ticket, switches, config_.complaints, stream));
    complaints_.filed[ticket.kind * kComplaintChannels + ticket.channel] += ticket.weight;
    complaints_.filed_by_group[CitizenOpinion::group(ticket.district, ticket.gender, ticket.income_group)] +=
        ticket.weight;
    // With a shared platform the waste department sees waste complaints the day they are filed.
    if (shared_data && ticket.kind == kWasteTicket) problem_known_[ticket.district] = 1;
  }
}

// Offices answer complaints on working days (Monday to Friday); digital documents speed each one up.
std::array<double, kDepartments> GovernanceService::complaint_capacity(const StepContext& step) const {
  std::array<double, kDepartments> capacity{};
  const Weekday weekday = step.date.weekday();
  if (weekday == Weekday::saturday || weekday == Weekday::sunday) return capacity;
  const double digital =
      on(kDigitalDocuments, step.day) ? config_.complaints.digital_documents_handling_factor : 1.0;
  const auto departments = config_.departments.all();
  for (std::size_t dept = 0; dept < kDepartments; ++dept) {
    const DepartmentConfig& entry = *departments[dept];
    capacity[dept] = entry.staff * entry.complaint_staff_share * entry.complaints_per_staff_day * digital;
  }
  return capacity;
}

void GovernanceService::close_ticket(std::uint32_t number, int days, bool answered) {
  const Ticket& ticket = office_.ticket(number);
  const FeedbackConfig& feedback = config_.feedback;
  const double in_time = answered ? std::exp(-days / feedback.response_tolerance_days) : 0.0;
  const double effect = answered ? feedback.answered_effect * (2 * in_time - 1) : feedback.unanswered_effect;
  events_.push_back({ticket.citizen, effect});
  service_quality_sum_[ticket.district] += in_time;
  service_quality_count_[ticket.district] += 1;
  const bool on_time = answered && days <= feedback.response_tolerance_days;
  const std::size_t outcome = answered ? (on_time ? 0 : 1) : 2;
  complaints_.outcomes[(outcome * kGenders + ticket.gender) * kIncomeGroups + ticket.income_group] += ticket.weight;
  const double weight = ticket.weight;
  if (answered) {
    complaints_.answered[ticket.kind] += weight;
    complaints_.answer_days[ticket.kind] += weight * days;
    month_.answered += weight;
    if (on_time) month_.answered_in_time += weight;
    if (on_time) month_.answered_in_time_by_gender[ticket.gender] += weight;
    // Answering a waste complaint means sending a truck: the department now knows of the problem.
    if (ticket.kind == kWasteTicket) problem_known_[ticket.district] = 1;
  } else {
    complaints_.escalated[ticket.kind] += weight;
    month_.escalated += weight;
  }
  month_.closed_by_gender[ticket.gender] += weight;
}

void GovernanceService::answer_complaints(const StepContext& step) {
  const TicketOffice::DayOutcome outcome = office_.handle_day(step.day, complaint_capacity(step));
  for (auto* values : {&complaints_.answered, &complaints_.answer_days, &complaints_.escalated}) {
    values->assign(kTicketKinds, 0.0);
  }
  complaints_.outcomes.assign(kOutcomes * kGenders * kIncomeGroups, 0.0);
  complaints_.forwarded = outcome.forwarded_weight;
  for (const Answer& answer : outcome.answered) close_ticket(answer.ticket, answer.days, true);
  for (std::uint32_t number : outcome.escalated) close_ticket(number, step.day - office_.ticket(number).filed_day, false);
  const std::size_t slot = static_cast<std::size_t>(step.day % kResponseWindowDays);
  answered_window_[slot] = 0;
  answer_days_window_[slot] = 0;
  for (std::size_t kind = 0; kind < kTicketKinds; ++kind) {
    answered_window_[slot] += complaints_.answered[kind];
    answer_days_window_[slot] += complaints_.answer_days[kind];
  }
}

void GovernanceService::update_opinion(const StepContext& step) {
  if (week_days_ == 0) return;
  LivedQuality week;
  for (std::size_t s = 0; s < kJudgedServices; ++s) {
    week[s] = week_quality_sum_[s];
    for (double& value : week[s]) value /= week_days_;
    week_quality_sum_[s].assign(week_quality_sum_[s].size(), 0.0);
  }
  week_days_ = 0;
  opinion_.update_week(week, events_, step.seed, step.parallel);
  events_.clear();
  // The citizen service lived next week is how this week's complaints were closed in the district.
  for (std::size_t d = 0; d < districts_; ++d) {
    if (service_quality_count_[d] > 0) last_service_quality_[d] = service_quality_sum_[d] / service_quality_count_[d];
    service_quality_sum_[d] = 0;
    service_quality_count_[d] = 0;
  }
}

TicketTable GovernanceService::tickets() const {
  TicketTable table;
  for (std::uint32_t number = 0; number < office_.filed(); ++number) {
    const Ticket& ticket = office_.ticket(number);
    table.citizen.push_back(ticket.citizen);
    table.district.push_back(ticket.district);
    table.kind.push_back(static_cast<std::uint8_t>(ticket.kind));
    table.channel.push_back(static_cast<std::uint8_t>(ticket.channel));
    table.gender.push_back(ticket.gender);
    table.income_group.push_back(ticket.income_group);
    table.state.push_back(static_cast<std::uint8_t>(office_.state(number)));
    table.department.push_back(static_cast<std::uint8_t>(office_.holder(number)));
    table.weight.push_back(ticket.weight);
    table.filed_day.push_back(ticket.filed_day);
    table.closed_day.push_back(office_.closed_day(number));
  }
  return table;
}

}  // namespace governance_detail

std::shared_ptr<const GovernanceView> register_governance(Registration& registration, const City& city, const GovernanceConfig& config,
                         bool mobility) {
  using governance_detail::GovernanceService;
  Scheduler& scheduler = registration.scheduler;
  auto service = std::make_shared<GovernanceService>(city, config, scheduler.calendar(), registration.metrics,
                                                     registration.channels, registration.parallel, mobility);
  std::vector<std::string> systems;
  const auto add = [&](const char* name, Cycle cycle, void (GovernanceService::*system)(const StepContext&)) {
    scheduler.add(name, cycle, [service, system](const StepContext& step) { ((*service).*system)(step); });
    systems.emplace_back(name);
  };
  add("governance.observe", Cycle::daily(), &GovernanceService::observe);
  // The month's review comes before the day's complaints and books, which belong to the new month.
  add("governance.review", Cycle::monthly(1), &GovernanceService::review_month);
  add("governance.complaints", Cycle::daily(), &GovernanceService::file_complaints);
  add("governance.offices", Cycle::daily(), &GovernanceService::answer_complaints);
  add("governance.departments", Cycle::daily(), &GovernanceService::direct_waste);
  add("governance.planning", Cycle::daily(), &GovernanceService::adopt_plan_measures);
  add("governance.finance", Cycle::daily(), &GovernanceService::keep_books);
  add("governance.opinion", Cycle::weekly(Weekday::sunday), &GovernanceService::update_opinion);
  add("governance.record", Cycle::daily(), &GovernanceService::record);
  scheduler.add_state("governance", std::move(systems), state_hook(service));
  return service;
}

}  // namespace munisim
