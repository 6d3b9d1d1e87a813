#include "sim/mobility/trip_sampler.hpp"

#include <algorithm>
#include <utility>

#include "sim/core/philox_lanes.hpp"
#include "sim/core/rng.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kTripPurpose = stream_purpose("mobility.trips");
// A citizen's traits: traveller type (age group, gender, employment), then income group and car.
constexpr std::size_t kTraitCodes = kTravellerTypes * kIncomeGroups * 2;
static_assert(kTraitCodes <= 256, "traits are one byte per citizen");
// Chunks of citizens a thread samples at a time; a chunk takes a tally for its duration.
constexpr std::size_t kBlocksPerChunk = 4;
// A weight of one person in tally units. Integer sums are exact and associative; they hold
// 2^64 / 2^32 = 4.3e9 person-trips per cell and day.
constexpr double kTallyUnit = 0x1p32;

struct Traits {
  std::uint8_t type, gender, chooser;  // chooser: see ModeTable::chooser
};

Traits decode(std::size_t code) {
  const bool has_car = code % 2 == 1;
  const std::size_t income = code / 2 % kIncomeGroups;
  const std::size_t type = code / 2 / kIncomeGroups;
  const std::size_t gender = type / 2 % kGenders;
  const std::size_t age = type / 2 / kGenders;
  // Cars are driven from 15; people of 15-64 cycle.
  const std::size_t chooser = ModeTable::chooser(gender, income, age >= 1 && age <= 3, has_car && age >= 1);
  return {static_cast<std::uint8_t>(type), static_cast<std::uint8_t>(gender), static_cast<std::uint8_t>(chooser)};
}

// The 32-bit words of one block's Philox4x32 stream, computed a buffer at a time in vector lanes.
class BlockWords {
 public:
  BlockWords(std::uint64_t seed, std::uint32_t block, std::uint32_t day) : seed_(seed), block_(block), day_(day) {}
  std::uint32_t next() {
    if (used_ == words_.size()) refill();
    return words_[used_++];
  }

 private:
  static constexpr std::size_t kBuffered = 16 * kPhiloxLaneWords;  // 2 KiB
  void refill() {
    fill_philox_lanes(seed_, block_, day_, kTripPurpose, counter_, words_);
    counter_ += static_cast<std::uint32_t>(kBuffered / 4);
    used_ = 0;
  }
  std::uint64_t seed_;
  std::uint32_t block_, day_;
  std::uint32_t counter_ = 0;
  std::size_t used_ = kBuffered;
  std::array<std::uint32_t, kBuffered> words_{};
};

// Trips that start or end at home are looked up and tallied by "band": the home district, the
// other end, the direction and the hour. A chunk's citizens mostly share a home district, so
// their rows and cells lie together (a few tens of KB) where the segment order would spread
// the return trips over the whole table and tally (about 600 KB at Trujillo's 12 districts).
constexpr std::uint32_t kOutbound = 0, kHomebound = 1;
std::size_t band(std::size_t districts, std::size_t home, std::size_t other, std::uint32_t direction,
                 std::size_t hour) {
  return ((home * districts + other) * 2 + direction) * kHours + hour;
}
std::size_t band_segment(std::size_t districts, std::size_t home, std::size_t other, std::uint32_t direction,
                         std::size_t hour) {
  return (direction == kOutbound ? home * districts + other : other * districts + home) * kHours + hour;
}

// Where one chunk's trips are tallied (see TripCounts), in units of 2^-32 persons.
struct Sums {
  std::uint64_t* by_band_mode_gender;     // trips from or to home
  std::uint64_t* by_segment_mode_gender;  // the escort's trip from the care place to work
  std::uint64_t* by_mode_gender_purpose;
  std::uint64_t* persons;
  std::uint64_t* travelling;
};

// The tours of each pattern in the order they are sampled: a loop over them mispredicts once
// where a test of each pattern bit would mispredict for each.
constexpr std::uint8_t kChainedTour = kPurposes;
struct TourList {
  std::uint8_t count = 0;
  std::array<std::uint8_t, kPurposes> tours{};
};
constexpr std::array<TourList, kTourPatterns> tour_lists() {
  std::array<TourList, kTourPatterns> lists{};
  for (std::uint32_t pattern = 0; pattern < kTourPatterns; ++pattern) {
    TourList& list = lists[pattern];
    if ((pattern & kChainedCare) != 0) {
      list.tours[list.count++] = kChainedTour;
    } else {
      if ((pattern & kWorkTour) != 0) list.tours[list.count++] = kWork;
      if ((pattern & kCareTour) != 0) list.tours[list.count++] = kCare;
    }
    if ((pattern & kStudyTour) != 0) list.tours[list.count++] = kStudy;
    if ((pattern & kShoppingTour) != 0) list.tours[list.count++] = kShopping;
    if ((pattern & kOtherTour) != 0) list.tours[list.count++] = kOther;
  }
  return lists;
}
constexpr std::array<TourList, kTourPatterns> kTourLists = tour_lists();

// The citizens' columns the sampling reads.
struct Citizens {
  const std::uint8_t* traits;
  const std::uint32_t* district;
  const double* weight;
  std::size_t districts;
};

// Everything one day's sampling reads, as plain pointers for the hot loop.
class DayTables {
 public:
  DayTables(const Citizens& citizens, const ActivityModel& activities, const ModeTable::Row* segment_rows,
            const ModeTable::Row* banded_rows, std::size_t weekday)
      : activities_(activities),
        segment_rows_(segment_rows),
        banded_rows_(banded_rows),
        weekday_(weekday),
        districts_(citizens.districts),
        traits_(citizens.traits),
        district_(citizens.district),
        weight_(citizens.weight) {
    for (std::size_t code = 0; code < kTraitCodes; ++code) decoded_[code] = decode(code);
  }

  void sample(BlockWords& words, std::size_t begin, std::size_t end, const Sums& sums) const {
    for (std::size_t c = begin; c < end; ++c) {
      const Traits who = decoded_[traits_[c]];
      // Through a signed integer: one instruction, where the unsigned conversion branches.
      const auto w = static_cast<std::uint64_t>(static_cast<std::int64_t>(weight_[c] * kTallyUnit + 0.5));
      const std::uint32_t home = district_[c];
      sums.persons[who.gender] += w;
      const TourList& list = kTourLists[activities_.pattern(weekday_, who.type, words.next())];
      if (list.count == 0) continue;
      sums.travelling[who.gender] += w;
      const auto tally = [&](Purpose purpose, Mode mode, std::uint64_t* cells, std::size_t row) {
        cells[(row * kModes + mode) * kGenders + who.gender] += w;
        sums.by_mode_gender_purpose[(mode * kGenders + who.gender) * kPurposes + purpose] += w;
      };
      const auto home_trip = [&](Purpose purpose, std::uint32_t other, std::uint32_t direction, std::uint32_t hour) {
        const std::size_t row = band(districts_, home, other, direction, hour);
        const Mode mode = ModeTable::sample(banded_rows_[row * ModeTable::kChoosers + who.chooser], words.next());
        tally(purpose, mode, sums.by_band_mode_gender, row);
      };
      for (std::size_t t = 0; t < list.count; ++t) {
        if (list.tours[t] == kChainedTour) {
          // Escort on the way to work: home -> care place -> work -> home.
          const std::uint32_t care_place = activities_.destination(kCare, home, words.next());
          const std::uint32_t work_place = activities_.destination(kWork, care_place, words.next());
          const std::uint32_t out = activities_.departure_hour(kWork, home, words.next());
          home_trip(kCare, care_place, kOutbound, out);
          const std::size_t segment = (care_place * districts_ + work_place) * kHours + out;
          const Mode mode =
              ModeTable::sample(segment_rows_[segment * ModeTable::kChoosers + who.chooser], words.next());
          tally(kWork, mode, sums.by_segment_mode_gender, segment);
          home_trip(kWork, work_place, kHomebound, activities_.return_hour(kWork, out));
          continue;
        }
        const auto purpose = static_cast<Purpose>(list.tours[t]);
        const std::uint32_t place = activities_.destination(purpose, home, words.next());
        const std::uint32_t out = activities_.departure_hour(purpose, home, words.next());
        home_trip(purpose, place, kOutbound, out);
        home_trip(purpose, place, kHomebound, activities_.return_hour(purpose, out));
      }
    }
  }

 private:
  const ActivityModel& activities_;
  const ModeTable::Row* segment_rows_;  // [segment][chooser]
  const ModeTable::Row* banded_rows_;   // [band][chooser]
  std::size_t weekday_, districts_;
  const std::uint8_t* traits_;
  const std::uint32_t* district_;
  const double* weight_;
  std::array<Traits, kTraitCodes> decoded_{};
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
  const std::size_t d = districts_;
  const std::size_t bands = d * d * 2 * kHours;
  const std::size_t segments = d * d * kHours;
  constexpr std::size_t kChoosers = ModeTable::kChoosers;
  std::vector<ModeTable::Row> segment_rows(segments * kChoosers);
  for_each_chunk(parallel, segments, kBlockSize / kChoosers, [&](std::size_t begin, std::size_t end, std::size_t) {
    for (std::size_t segment = begin; segment < end; ++segment) {
      ModeTable::chooser_rows(modes.segment_rows(segment), &segment_rows[segment * kChoosers]);
    }
  });
  std::vector<ModeTable::Row> banded_rows(bands * kChoosers);
  for (std::size_t home = 0; home < d; ++home) {
    for (std::size_t other = 0; other < d; ++other) {
      for (std::uint32_t direction : {kOutbound, kHomebound}) {
        for (std::size_t hour = 0; hour < kHours; ++hour) {
          std::copy_n(&segment_rows[band_segment(d, home, other, direction, hour) * kChoosers], kChoosers,
                      &banded_rows[band(d, home, other, direction, hour) * kChoosers]);
        }
      }
    }
  }
  const DayTables tables({traits_.data(), district_.data(), weight_.data(), d}, activities, segment_rows.data(),
                         banded_rows.data(), weekday);
  constexpr std::size_t kCellsPerRow = kModes * kGenders;
  const std::size_t segment_cells = d * d * kHours * kCellsPerRow;
  // Flat tally: band cells, segment cells, trips by mode, gender and purpose, persons, travellers.
  const std::size_t by_segment = bands * kCellsPerRow;
  const std::size_t by_purpose = by_segment + segment_cells;
  const std::size_t persons = by_purpose + kModes * kGenders * kPurposes;
  const std::size_t travelling = persons + kGenders;
  const std::size_t size = travelling + kGenders;
  const auto take_tally = [&] {
    const std::lock_guard lock(idle_mutex_);
    if (idle_tallies_.empty()) return std::make_unique<std::vector<std::uint64_t>>(size, 0);
    std::unique_ptr<std::vector<std::uint64_t>> tally = std::move(idle_tallies_.back());
    idle_tallies_.pop_back();
    return tally;
  };
  for_each_chunk(parallel, traits_.size(), kBlocksPerChunk * kBlockSize,
                 [&](std::size_t begin, std::size_t end, std::size_t) {
                   std::unique_ptr<std::vector<std::uint64_t>> tally = take_tally();
                   std::uint64_t* cells = tally->data();
                   const Sums sums{cells, cells + by_segment, cells + by_purpose, cells + persons,
                                   cells + travelling};
                   for (std::size_t block = begin; block < end; block += kBlockSize) {
                     BlockWords words(seed, static_cast<std::uint32_t>(block / kBlockSize), static_cast<std::uint32_t>(day));
                     tables.sample(words, block, std::min(end, block + kBlockSize), sums);
                   }
                   const std::lock_guard lock(idle_mutex_);
                   idle_tallies_.push_back(std::move(tally));
                 });
  // The tallies add up to the same integers in any order; they are left zero for the next day.
  std::vector<std::uint64_t> total(size, 0);
  for_each_chunk(parallel, size, kBlockSize, [&](std::size_t begin, std::size_t end, std::size_t) {
    for (const auto& tally : idle_tallies_) {
      for (std::size_t i = begin; i < end; ++i) total[i] += std::exchange((*tally)[i], 0);
    }
  });
  // A segment's trips: its own cells, and the bands of the homes at either end.
  std::vector<double> sums(size - by_segment);
  for (std::size_t home = 0; home < d; ++home) {
    for (std::size_t other = 0; other < d; ++other) {
      for (std::uint32_t direction : {kOutbound, kHomebound}) {
        for (std::size_t hour = 0; hour < kHours; ++hour) {
          const std::size_t from = band(d, home, other, direction, hour) * kCellsPerRow;
          const std::size_t into = by_segment + band_segment(d, home, other, direction, hour) * kCellsPerRow;
          for (std::size_t cell = 0; cell < kCellsPerRow; ++cell) total[into + cell] += total[from + cell];
        }
      }
    }
  }
  for (std::size_t i = by_segment; i < size; ++i) sums[i - by_segment] = static_cast<double>(total[i]) / kTallyUnit;

  TripCounts counts;
  counts.by_segment_mode_gender.assign(sums.begin(), sums.begin() + static_cast<std::ptrdiff_t>(segment_cells));
  std::copy_n(sums.begin() + static_cast<std::ptrdiff_t>(by_purpose - by_segment), counts.by_mode_gender_purpose.size(),
              counts.by_mode_gender_purpose.begin());
  std::copy_n(sums.begin() + static_cast<std::ptrdiff_t>(persons - by_segment), kGenders, counts.persons.begin());
  std::copy_n(sums.begin() + static_cast<std::ptrdiff_t>(travelling - by_segment), kGenders,
              counts.travelling.begin());
  return counts;
}

}  // namespace munisim
