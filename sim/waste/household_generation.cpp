#include "sim/waste/household_generation.hpp"

#include <cmath>

#include "sim/core/parallel.hpp"
#include "sim/core/rng.hpp"
#include "sim/core/vector_draws.hpp"

namespace munisim::waste {
namespace {

constexpr std::uint32_t kGenerationPurpose = stream_purpose("waste.generation");

}  // namespace

HouseholdGeneration::HouseholdGeneration(const City& city, const WasteGenerationConfig& config, double capture_rate,
                                         const std::vector<CollectionZone>& zones, SeparationBehaviour& separation,
                                         WasteSeries& series, ChannelWriter<SetOutDay> set_out)
    : city_(city),
      config_(config),
      capture_rate_(capture_rate),
      zones_(zones),
      separation_(separation),
      series_(series),
      set_out_(set_out),
      composition_(district_compositions(city, config)),
      recyclable_share_(recyclable_shares(composition_)),
      households_(weighted_households(city)) {
  household_stock_kg_.assign(city.households.size(), 0.0);
  plan_base_generation();
}

// A household's expected generation: its persons (sampled size x person weight) x the district's
// per-capita rate x its income factor, renormalised so each district's total matches its table.
void HouseholdGeneration::plan_base_generation() {
  const AgentTable& households = city_.households;
  const auto district = households.column<std::uint32_t>("district");
  const auto size = households.column<std::uint32_t>("size");
  const auto income = households.column<std::uint8_t>("income_group");
  std::vector<double> sampled_persons(zones_.size(), 0.0), factor_weighted(zones_.size(), 0.0);
  for (std::size_t h = 0; h < households.size(); ++h) {
    sampled_persons[district[h]] += size[h];
    factor_weighted[district[h]] += size[h] * config_.income_factor[income[h]];
  }
  std::vector<double> kg_per_person_day(zones_.size());
  for (std::size_t d = 0; d < zones_.size(); ++d) {
    const District& entry = city_.districts[d];
    const auto table_population = static_cast<double>(entry.urban_population + entry.rural_population);
    // [DER] MINAM's municipal waste over MINAM's population of the same year, else the default rate.
    const double rate = entry.msw_t_per_yr > 0 && table_population > 0
                            ? entry.msw_t_per_yr * kKgPerTonne / 365.0 / table_population
                            : config_.kg_per_capita_day;
    const double persons_per_sampled = static_cast<double>(entry.population) / sampled_persons[d];
    const double mean_factor = factor_weighted[d] / sampled_persons[d];
    kg_per_person_day[d] = rate * persons_per_sampled / mean_factor;
  }
  base_kg_.resize(households.size());
  for (std::size_t h = 0; h < households.size(); ++h) {
    base_kg_[h] = size[h] * kg_per_person_day[district[h]] * config_.income_factor[income[h]];
  }
}

std::vector<double> HouseholdGeneration::expected_tonnes_by_district() const {
  std::vector<double> expected_t(zones_.size(), 0.0);
  const auto district = city_.households.column<std::uint32_t>("district");
  for (std::size_t h = 0; h < base_kg_.size(); ++h) expected_t[district[h]] += base_kg_[h] / kKgPerTonne;
  return expected_t;
}

void HouseholdGeneration::run(const StepContext& step) {
  const auto weekday = static_cast<std::size_t>(step.date.weekday());
  const double day_factor = config_.weekday_factor[weekday];
  const double sigma = config_.variation_sigma;
  const double mu = -0.5 * sigma * sigma;  // the lognormal factor has mean 1
  const std::size_t zones = zones_.size();
  const auto district = city_.households.column<std::uint32_t>("district");
  const auto household_weight = city_.households.column<double>("weight_households");
  const double capture = capture_rate_;
  // Per district today: whether it is collected, and whether separating households also put out
  // their organics (only where a programme brings them to a composting plant).
  std::vector<std::uint8_t> collected(zones), organics_out(zones);
  for (std::size_t d = 0; d < zones; ++d) {
    collected[d] = zones_[d].collection_weekday[weekday] ? 1 : 0;
    organics_out[d] = composting_ && separation_.has_programme(d) ? 1 : 0;
  }
  // One partial per block, laid out by district: [generated | set out | kept at home | separated
  // recyclables (kg) | separating households | separated organics (kg)].
  const std::vector<double> totals = reduce_blocks(
      step.parallel, base_kg_.size(), std::vector<double>(6 * zones, 0.0),
      [&](std::size_t begin, std::size_t end) {
        std::vector<double> part(6 * zones, 0.0);
        double factor[kBlockSize];
        fill_lognormal_block(step.seed, begin, static_cast<std::uint32_t>(step.day), kGenerationPurpose, mu, sigma,
                             std::span<double>(factor, end - begin));
        separation_.review(begin, end, district, step.day, step.seed);
        // Households lie in runs of one district: a run's sums stay in registers and reach the
        // partial once, where adding into it household by household would chain every add
        // through memory.
        for (std::size_t h = begin; h < end;) {
          const std::uint32_t d = district[h];
          std::size_t run_end = h + 1;
          while (run_end < end && district[run_end] == d) ++run_end;
          const double separated_share = recyclable_share_[d] * capture;
          const double organics_share = organics_out[d] != 0 ? composition_[d][0] * capture : 0.0;
          double generated = 0, set_out = 0, kept = 0, separated = 0, separating = 0, organics = 0;
          if (collected[d] != 0) {
            for (; h < run_end; ++h) {
              const double kg = base_kg_[h] * day_factor * factor[h - begin];
              const double stock = household_stock_kg_[h] + kg;
              household_stock_kg_[h] = 0;
              generated += kg;
              set_out += stock;
              if (separation_.separates(h)) {
                separated += stock * separated_share;
                organics += stock * organics_share;
                separating += household_weight[h];
              }
            }
          } else {
            for (; h < run_end; ++h) {
              const double kg = base_kg_[h] * day_factor * factor[h - begin];
              const double stock = household_stock_kg_[h] += kg;
              generated += kg;
              kept += stock;
              if (separation_.separates(h)) separating += household_weight[h];
            }
          }
          part[d] += generated;
          part[zones + d] += set_out;
          part[2 * zones + d] += kept;
          part[3 * zones + d] += separated;
          part[4 * zones + d] += separating;
          part[5 * zones + d] += organics;
        }
        return part;
      },
      [](std::vector<double> into, const std::vector<double>& part) {
        for (std::size_t i = 0; i < into.size(); ++i) into[i] += part[i];
        return into;
      });
  const std::vector<double> generated(totals.begin(), totals.begin() + static_cast<std::ptrdiff_t>(zones));
  const std::vector<double> set_out(totals.begin() + static_cast<std::ptrdiff_t>(zones),
                                    totals.begin() + static_cast<std::ptrdiff_t>(2 * zones));
  auto slice = [&](std::size_t k) {
    return std::vector<double>(totals.begin() + static_cast<std::ptrdiff_t>(k * zones),
                               totals.begin() + static_cast<std::ptrdiff_t>((k + 1) * zones));
  };
  const std::vector<double> at_home = slice(2);
  const std::vector<double> separated = slice(3);
  const std::vector<double> separating = slice(4);
  const std::vector<double> organics = slice(5);
  separation_.update_norms(separating, households_);
  std::vector<double> separating_share(zones);
  for (std::size_t d = 0; d < zones; ++d) separating_share[d] = separation_.norm(d);
  series_.record(series_.ids().separating, step.day, separating_share);
  double all_households = 0, all_separating = 0;
  for (std::size_t d = 0; d < zones; ++d) {
    all_households += households_[d];
    all_separating += separating[d];
  }
  series_.record_scalar(series_.ids().separating_city, step.day,
                        all_households > 0 ? all_separating / all_households : 0.0);
  series_.record(series_.ids().separated, step.day, separated, 1 / kKgPerTonne);
  series_.record(series_.ids().generated, step.day, generated, 1 / kKgPerTonne);
  series_.record(series_.ids().set_out, step.day, set_out, 1 / kKgPerTonne);
  series_.record(series_.ids().household_stock, step.day, at_home, 1 / kKgPerTonne);
  series_.record(series_.ids().by_fraction, step.day, mixed_composition(composition_, generated), 1 / kKgPerTonne);
  SetOutDay& today = set_out_.value();
  today.generated_t.assign(zones, 0.0);
  today.set_out_t.assign(zones, 0.0);
  today.separated_t.assign(zones, 0.0);
  today.organics_t.assign(zones, 0.0);
  for (std::size_t d = 0; d < zones; ++d) {
    today.generated_t[d] = generated[d] * (1 / kKgPerTonne);  // as the series has it
    today.set_out_t[d] = set_out[d] / kKgPerTonne;
    today.separated_t[d] = separated[d] / kKgPerTonne;
    today.organics_t[d] = organics[d] / kKgPerTonne;
  }
}

}  // namespace munisim::waste
