#include "sim/mobility/trip_sampler.hpp"

#include "sim/core/rng.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kTripPurpose = stream_purpose("mobility.trips");
// A citizen's traits: traveller type (age group, gender, employment), then income group and car.
constexpr std::size_t kTraitCodes = kTravellerTypes * kIncomeGroups * 2;
static_assert(kTraitCodes <= 256, "traits are one byte per citizen");
// Partial sums hold a row per segment and mode, so at most this many chunks are kept at once.
constexpr std::size_t kMaxChunks = 64;
constexpr std::size_t kMinBlocksPerChunk = 4;

struct Traits {
  std::size_t type, gender;
  Chooser chooser;
};

Traits decode(std::size_t code) {
  const bool has_car = code % 2 == 1;
  const auto income = static_cast<std::uint8_t>(code / 2 % kIncomeGroups);
  const std::size_t type = code / 2 / kIncomeGroups;
  const std::size_t gender = type / 2 % kGenders;
  const std::size_t age = type / 2 / kGenders;
  // Cars are driven from 15; people of 15-64 cycle.
  const Chooser who{static_cast<std::uint8_t>(gender), income, age >= 1 && age <= 3, has_car && age >= 1};
  return {type, gender, who};
}

// The 32-bit words of one block's Philox stream, computed a buffer at a time.
class BlockWords {
 public:
  BlockWords(std::uint64_t seed, std::uint64_t block, std::uint32_t day) : seed_(seed), block_(block), day_(day) {}
  std::uint32_t next() {
    if (used_ == 2 * kBuffered) refill();
    const std::uint64_t word = buffer_[used_ / 2];
    return static_cast<std::uint32_t>(word >> (32 * (used_++ % 2)));
  }

 private:
  static constexpr std::size_t kBuffered = 256;  // 64-bit words: 64 Philox blocks, 2 KiB
  void refill() {
    fill_words(seed_, block_, day_, kTripPurpose, filled_ / 4, buffer_);
    filled_ += kBuffered;
    used_ = 0;
  }
  std::uint64_t seed_, block_;
  std::uint32_t day_;
  std::uint64_t filled_ = 0;
  std::size_t used_ = 2 * kBuffered;
  std::array<std::uint64_t, kBuffered> buffer_{};
};

}  // namespace

TripSampler::TripSampler(const City& city, const std::vector<std::uint8_t>& has_car)
    : districts_(city.districts.size()),
      district_(city.citizens.column<std::uint32_t>("district")),
      weight_(city.citizens.column<double>("weight_persons")) {
  const auto household = city.citizens.column<std::uint32_t>("household");
  const auto gender = city.citizens.column<std::uint8_t>("gender");
  const auto age = city.citizens.column<std::uint8_t>("age_group");
  const auto income = city.citizens.column<std::uint8_t>("income_group");
  const auto employed = city.citizens.column<std::uint8_t>("employed");
  traits_.resize(city.citizens.size());
  for (std::size_t c = 0; c < traits_.size(); ++c) {
    const std::size_t type = traveller_type(age[c], gender[c], employed[c] != 0);
    traits_[c] = static_cast<std::uint8_t>((type * kIncomeGroups + income[c]) * 2 + has_car[household[c]]);
  }
}

TripCounts TripSampler::day(Parallelism& parallel, std::uint64_t seed, int day, std::size_t weekday,
                            const ActivityModel& activities, const ModeTable& modes) const {
  std::array<Traits, kTraitCodes> traits_of{};
  for (std::size_t code = 0; code < kTraitCodes; ++code) traits_of[code] = decode(code);
  const std::size_t districts = districts_;
  const std::size_t segment_cells = districts * districts * kHours * kModes * kGenders;
  // Flat partial: segment cells, then trips by mode, gender and purpose, then persons and travellers.
  const std::size_t by_purpose = segment_cells;
  const std::size_t persons = by_purpose + kModes * kGenders * kPurposes;
  const std::size_t travelling = persons + kGenders;
  const std::size_t size = travelling + kGenders;
  const std::size_t n = traits_.size();
  const std::size_t blocks_per_chunk = std::max(kMinBlocksPerChunk, (block_count(n) + kMaxChunks - 1) / kMaxChunks);

  const std::size_t chunk = blocks_per_chunk * kBlockSize;
  std::vector<std::vector<double>> partials((n + chunk - 1) / chunk);
  for_each_chunk(parallel, n, chunk, [&](std::size_t begin, std::size_t end, std::size_t index) {
    std::vector<double>& part = partials[index];
    part.assign(size, 0.0);
    for (std::size_t block_begin = begin; block_begin < end; block_begin += kBlockSize) {
      BlockWords words(seed, block_begin / kBlockSize, static_cast<std::uint32_t>(day));
      for (std::size_t c = block_begin; c < std::min(end, block_begin + kBlockSize); ++c) {
        const Traits who = traits_of[traits_[c]];
        const double w = weight_[c];
        const std::uint32_t home = district_[c];
        part[persons + who.gender] += w;
        const std::uint32_t pattern = activities.pattern(weekday, who.type, words.next());
        if (pattern == 0) continue;
        part[travelling + who.gender] += w;
        const auto trip = [&](Purpose purpose, std::uint32_t from, std::uint32_t to, std::uint32_t hour) {
          const std::size_t segment = (from * districts + to) * kHours + hour;
          const Mode mode = modes.sample(segment, who.chooser, words.next());
          part[(segment * kModes + mode) * kGenders + who.gender] += w;
          part[by_purpose + (mode * kGenders + who.gender) * kPurposes + purpose] += w;
        };
        const auto tour = [&](Purpose purpose) {
          const std::uint32_t place = activities.destination(purpose, home, words.next());
          const std::uint32_t out = activities.departure_hour(purpose, words.next());
          trip(purpose, home, place, out);
          trip(purpose, place, home, activities.return_hour(purpose, out));
        };
        if ((pattern & kChainedCare) != 0) {
          const std::uint32_t care_place = activities.destination(kCare, home, words.next());
          const std::uint32_t work_place = activities.destination(kWork, care_place, words.next());
          const std::uint32_t out = activities.departure_hour(kWork, words.next());
          trip(kCare, home, care_place, out);
          trip(kWork, care_place, work_place, out);
          trip(kWork, work_place, home, activities.return_hour(kWork, out));
        } else {
          if ((pattern & kWorkTour) != 0) tour(kWork);
          if ((pattern & kCareTour) != 0) tour(kCare);
        }
        if ((pattern & kStudyTour) != 0) tour(kStudy);
        if ((pattern & kShoppingTour) != 0) tour(kShopping);
        if ((pattern & kOtherTour) != 0) tour(kOther);
      }
    }
  });
  // Each sum adds the chunks in chunk order; cells are split over threads only to share the work.
  std::vector<double> sums(size, 0.0);
  for_each_chunk(parallel, size, kBlockSize, [&](std::size_t begin, std::size_t end, std::size_t) {
    for (const std::vector<double>& part : partials) {
      for (std::size_t i = begin; i < end; ++i) sums[i] += part[i];
    }
  });

  TripCounts counts;
  counts.by_segment_mode_gender.assign(sums.begin(), sums.begin() + static_cast<std::ptrdiff_t>(segment_cells));
  std::copy_n(sums.begin() + static_cast<std::ptrdiff_t>(by_purpose), counts.by_mode_gender_purpose.size(),
              counts.by_mode_gender_purpose.begin());
  std::copy_n(sums.begin() + static_cast<std::ptrdiff_t>(persons), kGenders, counts.persons.begin());
  std::copy_n(sums.begin() + static_cast<std::ptrdiff_t>(travelling), kGenders, counts.travelling.begin());
  return counts;
}

}  // namespace munisim
