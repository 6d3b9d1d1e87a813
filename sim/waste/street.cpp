#include "sim/waste/street.hpp"

#include <algorithm>

#include "sim/waste/composition.hpp"

namespace munisim::waste {

Street::Street(const City& city, const WasteConfig& config, const ClimateConfig& climate,
               const std::vector<double>& expected_t_by_district, std::uint64_t seed, SeparationBehaviour& separation,
               WasteSeries& series, StreetChannels channels)
    : config_(config),
      climate_(climate),
      separation_(separation),
      series_(series),
      channels_(std::move(channels)),
      recyclers_(std::make_unique<Recyclers>(config.recyclers, expected_t_by_district, seed)),
      recyclable_share_(recyclable_shares(district_compositions(city, config.generation))),
      street_buckets_t_(
          city.districts.size(),
          std::vector<double>(static_cast<std::size_t>(config.collection.illegal_dump_after_days) + 1, 0.0)),
      separated_kerb_t_(city.districts.size(), 0.0) {}

void Street::set_out(const StepContext& step) {
  const SetOutDay& today = *channels_.set_out;
  const std::size_t districts = street_buckets_t_.size();
  for (std::size_t d = 0; d < districts; ++d) {
    // Separated recyclables wait for the selective pickup where a programme runs; elsewhere they
    // stand at the kerb as separate bags.
    const bool held = separation_.has_programme(d);
    street_buckets_t_[d][0] += today.set_out_t[d] - (held ? today.separated_t[d] + today.organics_t[d] : 0.0);
    separated_kerb_t_[d] = held ? 0.0 : today.separated_t[d];
  }
  gather_recyclables(step.day);
  KerbDay& kerb = channels_.kerb.value();
  kerb.street_t.assign(districts, 0.0);
  for (std::size_t d = 0; d < districts; ++d) {
    double stock = 0;
    for (double bucket : street_buckets_t_[d]) stock += bucket;
    kerb.street_t[d] = stock;
  }
}

// Recyclers go over today's kerb waste before the trucks; they take from the freshest bags.
void Street::gather_recyclables(int day) {
  const std::size_t districts = street_buckets_t_.size();
  std::vector<double> reachable_kg(districts);
  for (std::size_t d = 0; d < districts; ++d) {
    double street_t = 0;
    for (double bucket : street_buckets_t_[d]) street_t += bucket;
    // Separated bags are easy to find and clean; in mixed waste only a share is reachable.
    const double mixed_t = street_t - separated_kerb_t_[d];
    reachable_kg[d] =
        (mixed_t * recyclable_share_[d] * config_.recyclers.reachable_share + separated_kerb_t_[d]) * kKgPerTonne;
    separated_kerb_t_[d] = 0;
  }
  const std::vector<double> gathered_kg = recyclers_->gather(reachable_kg);
  for (std::size_t d = 0; d < districts; ++d) {
    double to_remove = (gathered_kg[2 * d] + gathered_kg[2 * d + 1]) / kKgPerTonne;
    for (double& bucket : street_buckets_t_[d]) {
      const double taken = std::min(bucket, to_remove);
      bucket -= taken;
      to_remove -= taken;
    }
  }
  const SeriesIds& ids = series_.ids();
  series_.record(ids.recovered, day, gathered_kg, 1 / kKgPerTonne);
  double gathered_t = 0;
  for (double kg : gathered_kg) gathered_t += kg / kKgPerTonne;
  series_.record_cell(ids.avoided, day, 0, gathered_t * climate_.avoided_tco2e_per_t_recycled);

  const AgentTable& table = recyclers_->table();
  const auto gender = table.column<std::uint8_t>("gender");
  const auto formal = table.column<std::uint8_t>("formal");
  const auto income = table.column<double>("income_soles");
  std::vector<double> income_by(4, 0.0), people_by(4, 0.0);
  for (std::size_t r = 0; r < table.size(); ++r) {
    income_by[2 * gender[r] + formal[r]] += income[r];
    people_by[2 * gender[r] + formal[r]] += 1;
  }
  series_.record(ids.recycler_income, day, income_by);
  series_.record(ids.recyclers, day, people_by);
}

void Street::after_collection(const StepContext& step) {
  const SetOutDay& set_out = *channels_.set_out;
  const CollectionDay& collection = *channels_.collection;
  const std::size_t districts = street_buckets_t_.size();
  StreetDay& today = channels_.street.value();
  today.dumped_t.assign(districts, 0.0);
  today.street_t.assign(districts, 0.0);
  today.recovered_formal_t.assign(districts, 0.0);
  today.composted_t.assign(districts, 0.0);
  const double dump_share = config_.collection.illegal_dump_share_per_day;
  for (std::size_t d = 0; d < districts; ++d) {
    std::vector<double>& buckets = street_buckets_t_[d];
    double to_remove = collection.collected_t[d];
    for (std::size_t age = buckets.size(); age-- > 0 && to_remove > 0;) {  // oldest waste first
      const double taken = std::min(buckets[age], to_remove);
      buckets[age] -= taken;
      to_remove -= taken;
    }
    // The selective pickup rides with the zone's round: when the round is missed, so is the pickup
    // and the separated bags join the kerb waste.
    if (separation_.has_programme(d) && set_out.separated_t[d] + set_out.organics_t[d] > 0) {
      const bool served = collection.missed_visit[d] == 0;
      separation_.record_pickup(d, served);
      (served ? today.recovered_formal_t[d] : buckets[0]) += set_out.separated_t[d];
      (served ? today.composted_t[d] : buckets[0]) += set_out.organics_t[d];
    }
    today.dumped_t[d] = buckets.back() * dump_share;
    buckets.back() -= today.dumped_t[d];
    for (std::size_t age = buckets.size() - 1; age > 0; --age) {
      if (age == buckets.size() - 1) {
        buckets[age] += buckets[age - 1];
      } else {
        buckets[age] = buckets[age - 1];
      }
    }
    if (buckets.size() > 1) buckets[0] = 0;
    for (double bucket : buckets) today.street_t[d] += bucket;
  }
  const SeriesIds& ids = series_.ids();
  series_.record(ids.recovered_formal, step.day, today.recovered_formal_t);
  series_.record(ids.composted, step.day, today.composted_t);
  series_.record(ids.dumped, step.day, today.dumped_t);
  series_.record(ids.street_stock, step.day, today.street_t);
}

}  // namespace munisim::waste
