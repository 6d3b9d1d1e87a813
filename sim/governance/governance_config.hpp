// What a scenario says about the municipality's management: its departments, how citizens judge
// services and complain, how management is organised (siloed, integrated, and each mechanism of
// integration on its own switch), and its finances. Defaults and sources: FACTS-governance.md and
// FACTS-funding.md; docs/governance.md gives the equations.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/schema.hpp"
#include "sim/mobility/mobility_config.hpp"
#include "sim/waste/waste_config.hpp"

namespace munisim {

inline constexpr std::size_t kDepartments = 6;
inline constexpr std::array<const char*, kDepartments> kDepartmentNames = {
    "waste", "transport", "environment", "citizen_services", "finance_planning", "it"};
enum Department : std::size_t { kWasteDept, kTransportDept, kEnvironmentDept, kCitizenDept, kFinanceDept, kItDept };

// What a complaint is about; each kind has a responsible department.
inline constexpr std::size_t kTicketKinds = 3;
inline constexpr std::array<const char*, kTicketKinds> kTicketKindNames = {"waste", "transport", "other"};
enum TicketKind : std::size_t { kWasteTicket, kTransportTicket, kOtherTicket };

inline constexpr std::size_t kComplaintChannels = 5;
inline constexpr std::array<const char*, kComplaintChannels> kComplaintChannelNames = {
    "in_person", "phone", "web", "app", "libro_reclamaciones"};
enum ComplaintChannel : std::size_t { kInPerson, kPhone, kWeb, kApp, kLibro };

// Services citizens judge.
inline constexpr std::size_t kJudgedServices = 3;
inline constexpr std::array<const char*, kJudgedServices> kJudgedServiceNames = {"waste", "transport",
                                                                                 "citizen_services"};

// Mechanisms of integrated management and of digitalisation, each acting through its own path.
inline constexpr std::size_t kMechanisms = 9;
inline constexpr std::array<const char*, kMechanisms> kMechanismNames = {
    "shared_data_platform", "automatic_ticket_routing", "joint_planning", "shared_fleet", "one_stop_service",
    "gps_fleet_tracking",   "complaint_app",            "dashboards",     "digital_documents"};
enum Mechanism : std::size_t {
  kSharedData,
  kAutoRouting,
  kJointPlanning,
  kSharedFleet,
  kOneStop,
  kGpsTracking,
  kComplaintApp,
  kDashboards,
  kDigitalDocuments
};

struct DepartmentConfig {
  double budget_soles_per_yr = 0;
  double staff = 0;
  double complaint_staff_share = 0;
  double complaints_per_staff_day = 8;
  double salary_soles_per_month = 2500;

  template <class V>
  void visit(V& v) {
    v.field("budget_soles_per_yr", budget_soles_per_yr,
            {.unit = "soles/yr",
             .meaning = "first year's operating budget besides the services' own running costs",
             .min = 0,
             .source = "[EST] share of Trujillo's PIM 2024 of S/ 266.4 M (FACTS-funding.md §2)"});
    v.field("staff", staff, {.unit = "persons", .meaning = "employees", .min = 0, .source = "[EST]"});
    v.field("complaint_staff_share", complaint_staff_share,
            {.unit = "1", .meaning = "share of staff time given to citizens' complaints", .min = 0, .max = 1,
             .source = "[EST]"});
    v.field("complaints_per_staff_day", complaints_per_staff_day,
            {.unit = "complaints/(person day)",
             .meaning = "complaints one full-time employee handles per working day on paper",
             .min = 0,
             .source = "[EST]"});
    v.field("salary_soles_per_month", salary_soles_per_month,
            {.unit = "soles/(person month)", .meaning = "mean cost of an employee", .min = 0, .source = "[EST]"});
  }
};

struct DepartmentsConfig {
  DepartmentConfig waste{.budget_soles_per_yr = 2.0e6, .staff = 40, .complaint_staff_share = 0.1};
  DepartmentConfig transport{.budget_soles_per_yr = 1.5e6, .staff = 30, .complaint_staff_share = 0.1};
  DepartmentConfig environment{.budget_soles_per_yr = 0.8e6, .staff = 15, .complaint_staff_share = 0.05};
  DepartmentConfig citizen_services{.budget_soles_per_yr = 0.8e6, .staff = 20, .complaint_staff_share = 0.6};
  DepartmentConfig finance_planning{.budget_soles_per_yr = 1.0e6, .staff = 25, .complaint_staff_share = 0.0};
  DepartmentConfig it{.budget_soles_per_yr = 0.6e6, .staff = 8, .complaint_staff_share = 0.0};

  template <class V>
  void visit(V& v) {
    v.object("waste", waste, {.meaning = "the waste department (runs collection and its complaints)"});
    v.object("transport", transport, {.meaning = "the transport department (regulates the bus concessions)"});
    v.object("environment", environment, {.meaning = "the environment department (climate accounting)"});
    v.object("citizen_services", citizen_services,
             {.meaning = "the citizen service office (front desk, triage, Libro de Reclamaciones)"});
    v.object("finance_planning", finance_planning, {.meaning = "finance and planning (budget, city plan)"});
    v.object("it", it, {.meaning = "information technology (runs the digital systems)"});
  }
  [[nodiscard]] std::array<const DepartmentConfig*, kDepartments> all() const {
    return {&waste, &transport, &environment, &citizen_services, &finance_planning, &it};
  }
};

// A mechanism switched on (or, under an integrated model, off) from a date.
struct MechanismConfig {
  std::string kind;
  Date start_date{2025, 1, 1};
  bool enabled = true;

  template <class V>
  void visit(V& v) {
    v.field("kind", kind,
            {.meaning = "shared_data_platform, automatic_ticket_routing, joint_planning, shared_fleet, "
                        "one_stop_service, gps_fleet_tracking, complaint_app, dashboards, digital_documents",
             .choices = {kMechanismNames.begin(), kMechanismNames.end()},
             .required = true});
    v.field("start_date", start_date,
            {.unit = "date", .meaning = "first day the switch applies (before the run: from the first day)"});
    v.field("enabled", enabled, {.meaning = "true switches the mechanism on from start_date, false off"});
  }
};

// How citizens judge services and what they live through; weekly updates.
struct FeedbackConfig {
  double initial_satisfaction = 0.35;
  double initial_trust = 0.19;
  double adjustment_per_week = 0.15;
  double trust_adjustment_per_week = 0.05;
  double expectation_spread = 0.1;
  double street_waste_tolerance_kg_per_household = 3;
  double missed_collection_penalty = 0.5;
  double wait_tolerance_min = 15;
  double denied_boarding_penalty = 1.0;
  double crowding_penalty = 0.3;
  double insecurity_penalty = 0.3;
  double response_tolerance_days = 5;
  double answered_effect = 0.10;
  double unanswered_effect = -0.15;

  template <class V>
  void visit(V& v) {
    v.field("initial_satisfaction", initial_satisfaction,
            {.unit = "1", .meaning = "satisfaction with each service on the first day", .min = 0, .max = 1,
             .source = "Arequipa public transport 17.4 %, environment 24.4 % (FACTS-governance.md §5) [EST]"});
    v.field("initial_trust", initial_trust,
            {.unit = "1", .meaning = "trust in the municipality on the first day", .min = 0, .max = 1,
             .source = "INEI 2022-H2: 80.6 % distrust provincial municipalities [DER upper bound]"});
    v.field("adjustment_per_week", adjustment_per_week,
            {.unit = "1/week", .meaning = "share of the gap to the week's lived quality closed each week",
             .min = 0, .max = 1, .source = "[EST]"});
    v.field("trust_adjustment_per_week", trust_adjustment_per_week,
            {.unit = "1/week", .meaning = "share of the gap between trust and mean satisfaction closed each week",
             .min = 0, .max = 1, .source = "[EST]"});
    v.field("expectation_spread", expectation_spread,
            {.unit = "1", .meaning = "half-width of citizens' personal offsets to lived quality", .min = 0,
             .max = 0.5, .source = "[EST]"});
    v.field("street_waste_tolerance_kg_per_household", street_waste_tolerance_kg_per_household,
            {.unit = "kg/household", .meaning = "street waste per household at which waste quality falls to 1/e",
             .min = 0.001, .source = "[EST]"});
    v.field("missed_collection_penalty", missed_collection_penalty,
            {.unit = "1", .meaning = "quality lost on a day the district's collection was missed", .min = 0,
             .max = 1, .source = "[EST]"});
    v.field("wait_tolerance_min", wait_tolerance_min,
            {.unit = "min", .meaning = "transit wait at which transport quality falls to 1/e", .min = 0.1,
             .source = "[EST]"});
    v.field("denied_boarding_penalty", denied_boarding_penalty,
            {.unit = "1", .meaning = "quality lost per unit share of boardings denied", .min = 0, .max = 1,
             .source = "[EST]"});
    v.field("crowding_penalty", crowding_penalty,
            {.unit = "1", .meaning = "quality lost per unit share of boardings onto crowded vehicles", .min = 0,
             .max = 1, .source = "[EST]"});
    v.field("insecurity_penalty", insecurity_penalty,
            {.unit = "1",
             .meaning = "quality lost per unit of the riders' perceived insecurity on transit (0: none, 1: the "
                        "worst case, a crowded night ride without safety measures)",
             .min = 0, .max = 1, .source = "[EST]"});
    v.field("response_tolerance_days", response_tolerance_days,
            {.unit = "days", .meaning = "answer time at which the citizen service quality falls to 1/e",
             .min = 0.1, .source = "median close of missed pickups 2-5 days (FACTS-governance.md §2)"});
    v.field("answered_effect", answered_effect,
            {.unit = "1", .meaning = "change of the complainant's satisfaction and trust when answered in time",
             .min = -1, .max = 1, .source = "[EST]"});
    v.field("unanswered_effect", unanswered_effect,
            {.unit = "1", .meaning = "change when the complaint is escalated unanswered", .min = -1, .max = 1,
             .source = "[EST]"});
  }
};

// Who complains, about what, through which channel, and how the office handles it.
struct ComplaintsConfig {
  double rate_per_1000_persons_yr = 130;
  std::vector<double> kind_shares = {0.45, 0.25, 0.30};
  std::vector<double> income_factor = {0.5, 1.0, 1.5};
  std::vector<double> gender_factor = {1.05, 1.0};
  std::vector<double> age_factor = {0.0, 0.7, 1.1, 1.2, 0.8};
  double failure_weight = 2.0;
  double trust_weight = 1.0;
  std::vector<double> channel_shares = {0.30, 0.45, 0.20, 0.0, 0.05};
  double app_adoption_start_share = 0.02;
  double app_adoption_per_yr = 0.6;
  double app_channel_share = 0.5;
  double wrong_door_probability = 0.3;
  double triage_days = 2;
  double misrouting_probability = 0.15;
  double forward_days = 3;
  double libro_deadline_business_days = 30;
  double abandon_after_days = 60;
  double digital_documents_handling_factor = 1.6;

  template <class V>
  void visit(V& v) {
    v.field("rate_per_1000_persons_yr", rate_per_1000_persons_yr,
            {.unit = "complaints/(1000 persons yr)",
             .meaning = "complaints at full dissatisfaction and mean trust, before the group factors",
             .min = 0,
             .source = "311-style contact rates 130-420 per 1,000 a year, low end (FACTS-governance.md §1b)"});
    v.field("kind_shares", kind_shares,
            {.unit = "1", .meaning = "share of complaints about waste, transport, other", .min = 0, .max = 1,
             .source = "waste 43-46 % (Toronto 2010, Buenos Aires 2016; FACTS-governance.md §1b)"});
    v.field("income_factor", income_factor,
            {.unit = "1", .meaning = "complaint propensity of low, middle, high income relative to middle",
             .min = 0, .source = "richest areas 3-9x the poorest (FACTS-governance.md §1a), low end"});
    v.field("gender_factor", gender_factor,
            {.unit = "1", .meaning = "complaint propensity of women, men", .min = 0,
             .source = "women slightly more likely (Kansas City survey; FACTS-governance.md §1a)"});
    v.field("age_factor", age_factor,
            {.unit = "1", .meaning = "complaint propensity by age group 0-14, 15-29, 30-44, 45-64, 65+", .min = 0,
             .source = "[EST] longer-time residents complain more (FACTS-governance.md §1a)"});
    v.field("failure_weight", failure_weight,
            {.unit = "1",
             .meaning = "extra complaints per unit of the day's service failure in the complainant's district",
             .min = 0,
             .source = "[EST]"});
    v.field("trust_weight", trust_weight,
            {.unit = "1", .meaning = "extra propensity per unit of trust (citizens who expect an answer ask)",
             .min = 0, .source = "LAPOP: system support raises requests (FACTS-governance.md §1a) [EST]"});
    v.field("channel_shares", channel_shares,
            {.unit = "1",
             .meaning = "channel shares in_person, phone, web, app, libro_reclamaciones without the app; web "
                        "only with digital access",
             .min = 0,
             .max = 1,
             .source = "OSIPTEL 2021-23: phone 43-53 %, web 20-32 %, in person 32 % (FACTS-governance.md §4)"});
    v.field("app_adoption_start_share", app_adoption_start_share,
            {.unit = "1", .meaning = "share of citizens with digital access using the complaint app when it starts",
             .min = 0, .max = 1, .source = "[EST]"});
    v.field("app_adoption_per_yr", app_adoption_per_yr,
            {.unit = "1/yr", .meaning = "logistic growth rate of app adoption among citizens with digital access",
             .min = 0, .source = "SUSALUD contacts +140 % after its app (FACTS-governance.md §4) [EST]"});
    v.field("app_channel_share", app_channel_share,
            {.unit = "1", .meaning = "share of an adopter's complaints filed through the app", .min = 0, .max = 1,
             .source = "Indecopi 71.5 % virtual in 2025; LA 311 app 26.7 % (FACTS-governance.md §4) [EST]"});
    v.field("wrong_door_probability", wrong_door_probability,
            {.unit = "1",
             .meaning = "chance an in-person or phone complaint reaches the wrong office without a one-stop service",
             .min = 0, .max = 1, .source = "[EST]"});
    v.field("triage_days", triage_days,
            {.unit = "days", .meaning = "days manual triage takes before a complaint reaches a department",
             .min = 0, .source = "Indecopi starts processing in 6 business days (FACTS-governance.md §2) [EST]"});
    v.field("misrouting_probability", misrouting_probability,
            {.unit = "1", .meaning = "chance manual triage sends a complaint to the wrong department", .min = 0,
             .max = 1, .source = "[EST]"});
    v.field("forward_days", forward_days,
            {.unit = "days", .meaning = "days a wrong department takes to pass a complaint on", .min = 0,
             .source = "[EST]"});
    v.field("libro_deadline_business_days", libro_deadline_business_days,
            {.unit = "business days", .meaning = "answer deadline of the Libro de Reclamaciones", .min = 1,
             .source = "DS 007-2020-PCM (FACTS.md §6, FACTS-governance.md §2)"});
    v.field("abandon_after_days", abandon_after_days,
            {.unit = "days", .meaning = "days after which an unanswered complaint of another channel is escalated",
             .min = 1, .source = "[EST]"});
    v.field("digital_documents_handling_factor", digital_documents_handling_factor,
            {.unit = "1", .meaning = "complaints handled per staff day with digital documents, relative to paper",
             .min = 1, .source = "[EST] FACTS.md §4.2 on digitised procedures"});
  }
  void check(schema::Checks& checks) const;
};

// Reference points of the monthly scorecard (sim/governance/scorecard.hpp).
struct ScorecardConfig {
  double reference_cost_soles_per_t = 150;
  double gap_scale = 0.2;

  template <class V>
  void visit(V& v) {
    v.field("reference_cost_soles_per_t", reference_cost_soles_per_t,
            {.unit = "soles/t", .meaning = "collection cost per tonne that earns full efficiency points", .min = 1,
             .source = "[EST]"});
    v.field("gap_scale", gap_scale,
            {.unit = "1", .meaning = "gap between women and men at which gender points reach zero", .min = 0.01,
             .max = 1, .source = "[EST]"});
  }
};

// Revenues and the municipality's books.
struct FinanceConfig {
  double opening_cash_soles = 5.0e6;
  double waste_fee_soles_per_household_month = 10;
  double fee_collection_at_zero_trust = 0.25;
  double fee_collection_at_full_trust = 0.85;
  double property_tax_soles_per_household_yr = 120;
  double property_tax_collection = 0.55;
  std::vector<double> transfers_soles_per_month = {4.0e6};
  double digital_systems_soles_per_month = 60000;

  template <class V>
  void visit(V& v) {
    v.field("opening_cash_soles", opening_cash_soles,
            {.unit = "soles", .meaning = "cash at the start of the run", .min = -1e12, .source = "[EST]"});
    v.field("waste_fee_soles_per_household_month", waste_fee_soles_per_household_month,
            {.unit = "soles/(household month)", .meaning = "waste fee (arbitrio de limpieza) billed", .min = 0,
             .source = "Arequipa S/30-2,000 per property a year; Lima <= S/300 (FACTS-governance.md §3b) [EST]"});
    v.field("fee_collection_at_zero_trust", fee_collection_at_zero_trust,
            {.unit = "1", .meaning = "share of the fee paid by households with no trust", .min = 0, .max = 1,
             .source = "[EST] Trujillo sectors 17-27 % paid (73-83 % morosidad, FACTS-governance.md §3b)"});
    v.field("fee_collection_at_full_trust", fee_collection_at_full_trust,
            {.unit = "1", .meaning = "share paid by households with full trust", .min = 0, .max = 1,
             .source = "[EST] La Molina, Miraflores, San Isidro < 10 % morosidad (FACTS-governance.md §3b)"});
    v.field("property_tax_soles_per_household_yr", property_tax_soles_per_household_yr,
            {.unit = "soles/(household yr)", .meaning = "property tax (impuesto predial) billed", .min = 0,
             .source = "[EST]"});
    v.field("property_tax_collection", property_tax_collection,
            {.unit = "1", .meaning = "share of property tax collected", .min = 0, .max = 1, .source = "[EST]"});
    v.field("transfers_soles_per_month", transfers_soles_per_month,
            {.unit = "soles/month",
             .meaning = "national transfers (FONCOMUN, canon) received on the first of each month, one value per "
                        "month from the start (the last repeats)",
             .min = 0,
             .source = "[EST] FONCOMUN and canon, FACTS-funding.md §3"});
    v.field("digital_systems_soles_per_month", digital_systems_soles_per_month,
            {.unit = "soles/month", .meaning = "running cost of each digital mechanism in use, paid by IT",
             .min = 0, .source = "[EST]"});
  }
};

// A measure of the city plan: the department that proposes it, what it costs, and the waste or
// mobility measure it starts once adopted (the measure's keys as in waste.measures and
// mobility.measures, without a start date: it starts the day after adoption).
struct PlanEntryConfig {
  std::string name;
  std::string department = "waste";
  double cost_soles = 0;
  Date earliest_date{2025, 1, 1};
  std::string service = "waste";
  std::string kind;
  double value = 0;
  std::string site;
  std::vector<std::string> districts;
  std::vector<std::string> lines;

  template <class V>
  void visit(V& v) {
    v.field("name", name, {.meaning = "the measure's name in the series", .required = true});
    v.field("department", department,
            {.meaning = "the department that proposes and pays for it",
             .choices = {kDepartmentNames.begin(), kDepartmentNames.end()}});
    v.field("cost_soles", cost_soles,
            {.unit = "soles", .meaning = "what adopting it costs, paid on adoption", .min = 0, .required = true});
    v.field("earliest_date", earliest_date, {.unit = "date", .meaning = "first day planning may adopt it"});
    v.field("service", service, {.meaning = "the service whose measure it is", .choices = {"waste", "mobility"}});
    v.field("kind", kind,
            {.meaning = "a kind of waste.measures or mobility.measures (not trunk_line)", .required = true});
    v.field("value", value, {.meaning = "the measure's number, as in the service's measures", .min = 0});
    v.field("site", site, {.meaning = "facility name, as in waste.measures"});
    v.field("districts", districts, {.meaning = "district names, as in the service's measures"});
    v.field("lines", lines, {.meaning = "route short names, as in mobility.measures"});
  }
  void check(schema::Checks& checks) const;
  [[nodiscard]] WasteMeasureConfig waste_measure(Date start) const;
  [[nodiscard]] MobilityMeasureConfig mobility_measure(Date start) const;
};

struct GovernanceConfig {
  bool enabled = false;
  std::string model = "siloed";
  std::vector<MechanismConfig> mechanisms;
  DepartmentsConfig departments;
  FeedbackConfig feedback;
  ComplaintsConfig complaints;
  FinanceConfig finance;
  ScorecardConfig scorecard;
  std::vector<PlanEntryConfig> plan;
  double shared_fleet_spare_trucks = 1;
  double recovery_backlog_t = 1.0;
  double recovery_visit_cost_soles = 600;
  double denied_boarding_target_share = 0.05;
  double frequency_step = 0.2;
  double frequency_order_cost_soles = 150000;

  template <class V>
  void visit(V& v) {
    v.field("enabled", enabled, {.meaning = "run departments, citizen feedback, complaints and finances"});
    v.field("model", model,
            {.meaning = "siloed (no mechanism) or integrated (every mechanism from the first day); "
                        "mechanisms switch single ones on or off from a date",
             .choices = {"siloed", "integrated"}});
    v.list("mechanisms", mechanisms, {.meaning = "mechanisms switched on or off from a date, on top of the model"});
    v.object("departments", departments, {.meaning = "the municipal departments"});
    v.object("feedback", feedback, {.meaning = "citizens' satisfaction and trust"});
    v.object("complaints", complaints, {.meaning = "complaints, channels and ticket handling"});
    v.object("finance", finance, {.meaning = "revenues and the municipality's cash"});
    v.object("scorecard", scorecard, {.meaning = "reference points of the monthly management scorecard"});
    v.list("plan", plan,
           {.meaning = "the city plan: measures planning adopts, in this order, on the first of a month when "
                       "affordable"});
    v.field("shared_fleet_spare_trucks", shared_fleet_spare_trucks,
            {.unit = "trucks",
             .meaning = "compactors the shared fleet pool lends to replace trucks under repair",
             .min = 0,
             .source = "[EST]"});
    v.field("recovery_backlog_t", recovery_backlog_t,
            {.unit = "t", .meaning = "street waste in a district that makes the waste department send a recovery "
                                     "visit once it knows of it",
             .min = 0, .source = "[EST]"});
    v.field("recovery_visit_cost_soles", recovery_visit_cost_soles,
            {.unit = "soles/visit",
             .meaning = "overtime the waste department pays its crews per recovery visit, from its budget (a "
                        "visit it cannot pay is not ordered)",
             .min = 0,
             .source = "[EST] a crew of three for a shift at overtime rates"});
    v.field("denied_boarding_target_share", denied_boarding_target_share,
            {.unit = "1",
             .meaning = "share of boarding attempts denied in a month above which the transport department orders "
                        "more frequent service from the concessionaires",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("frequency_step", frequency_step,
            {.unit = "1", .meaning = "more departures per order: headways are divided by 1 + step", .min = 0,
             .max = 10, .source = "[EST]"});
    v.field("frequency_order_cost_soles", frequency_order_cost_soles,
            {.unit = "soles/order",
             .meaning = "what the transport department pays the concessionaires per order, from its budget",
             .min = 0,
             .source = "[EST]"});
  }
};

}  // namespace munisim
