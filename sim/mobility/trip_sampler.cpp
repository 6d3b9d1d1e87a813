#include "sim/mobility/trip_sampler.hpp"

#include <algorithm>
#include <cstring>
#include <span>
#include <tuple>
#include <utility>

#include "sim/core/philox_lanes.hpp"
#include "sim/core/rng.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kTripPurpose = stream_purpose("mobility.trips");
// A citizen's traits: traveller type (age group, gender, employment), then income group and car.
constexpr std::size_t kTraitCodes = kTravellerTypes * kIncomeGroups * 2;
static_assert(kTraitCodes <= 256, "traits are one byte");
// Chunks of citizens a thread samples at a time.
constexpr std::size_t kBlocksPerChunk = 4;
// A weight of one person in tally units. Integer sums are exact and associative; they hold
// 2^64 / 2^32 = 4.3e9 person-trips per cell and day.
constexpr double kTallyUnit = 0x1p32;
constexpr std::size_t kChoosers = ModeTable::kChoosers;

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

// The 32-bit words of one block's Philox4x32 stream, computed a buffer at a time in vector lanes
// and handed out a run at a time, so the loops that use them test for a refill once per run.
class BlockWords {
 public:
  static constexpr std::size_t kMostAtOnce = 256;
  BlockWords(std::uint64_t seed, std::uint32_t block, std::uint32_t day) : seed_(seed), block_(block), day_(day) {}

  // The next `count` words (at most kMostAtOnce), valid until the next call.
  const std::uint32_t* take(std::size_t count) {
    if (end_ - used_ < count) refill();
    const std::uint32_t* at = &words_[used_];
    used_ += count;
    return at;
  }

 private:
  static constexpr std::size_t kFilled = 32 * kPhiloxLaneWords;  // 4 KiB
  // The words not taken yet move to the front, and new ones follow them: none is wasted.
  void refill() {
    const std::size_t left = end_ - used_;
    std::memmove(words_.data(), &words_[used_], left * sizeof(std::uint32_t));
    fill_philox_lanes(seed_, block_, day_, kTripPurpose, counter_, std::span(words_).subspan(left, kFilled));
    counter_ += static_cast<std::uint32_t>(kFilled / 4);
    used_ = 0;
    end_ = left + kFilled;
  }
  std::uint64_t seed_;
  std::uint32_t block_, day_;
  std::uint32_t counter_ = 0;
  std::size_t used_ = 0, end_ = 0;
  std::array<std::uint32_t, kFilled + kMostAtOnce> words_{};
};

// Eight counts of up to 65535 in two words, added with two additions: a run of citizens (at most
// one block, 4096) counts its tours by kind, and its trips by mode, in registers.
struct PackedCounts {
  std::array<std::uint64_t, 2> words{};
  constexpr void add(std::size_t field, std::uint64_t count) { words[field / 4] += count << (16 * (field % 4)); }
  [[nodiscard]] constexpr std::uint32_t get(std::size_t field) const {
    return static_cast<std::uint32_t>(words[field / 4] >> (16 * (field % 4)) & 0xffff);
  }
  constexpr PackedCounts& operator+=(const PackedCounts& other) {
    words[0] += other.words[0];
    words[1] += other.words[1];
    return *this;
  }
};

// The tours a day's pattern makes, as fields of PackedCounts: one per purpose (tours to and from
// home), then tours with an escort on the way to work (home -> care place -> work -> home) and
// travellers (a pattern with any tour).
constexpr std::size_t kChainedTours = kPurposes, kTravellers = kPurposes + 1;
constexpr std::array<PackedCounts, kTourPatterns> tours_by_pattern() {
  std::array<PackedCounts, kTourPatterns> tours{};
  for (std::uint32_t pattern = 0; pattern < kTourPatterns; ++pattern) {
    PackedCounts& made = tours[pattern];
    if ((pattern & kChainedCare) != 0) {
      made.add(kChainedTours, 1);
    } else {
      if ((pattern & kWorkTour) != 0) made.add(kWork, 1);
      if ((pattern & kCareTour) != 0) made.add(kCare, 1);
    }
    if ((pattern & kStudyTour) != 0) made.add(kStudy, 1);
    if ((pattern & kShoppingTour) != 0) made.add(kShopping, 1);
    if ((pattern & kOtherTour) != 0) made.add(kOther, 1);
    // A chained care tour alone has no chance (it needs work and care); it would still travel.
    if (pattern != 0) made.add(kTravellers, 1);
  }
  return tours;
}
constexpr std::array<PackedCounts, kTourPatterns> kToursByPattern = tours_by_pattern();

// A trip of each mode but the last as one field of a 64-bit word; the last mode's trips are the
// rest of the total.
constexpr std::array<std::uint64_t, kModes> kModeCount = {1, std::uint64_t{1} << 16, std::uint64_t{1} << 32,
                                                          std::uint64_t{1} << 48, 0};
static_assert(kModes == 5, "four modes are counted in a word, the last one from the total");

// Trips that start or end at home are looked up and tallied by home district, then "row": the
// other end, the direction and the hour. A segment's trips are its origin's outbound row and its
// destination's homebound row.
constexpr std::uint32_t kOutbound = 0, kHomebound = 1;
constexpr std::size_t row(std::size_t other, std::uint32_t direction, std::size_t hour) {
  return (other * 2 + direction) * kHours + hour;
}

}  // namespace

// One running thread's sums in units of 2^-32 persons: trips from or to home by
// [home][gender][row][mode], then by mode, gender and purpose, persons and travellers. Trips of
// runs of alike citizens are first counted in `pending`, small enough to stay in the first-level
// cache, and join the sums, weighted, when a run of another home, gender or weight comes, and at
// the end of the day.
struct TripSampler::Tally {
  explicit Tally(std::size_t districts)
      : rows_per_home(districts * 2 * kHours),
        purposes(districts * kGenders * rows_per_home * kModes),
        persons(purposes + kModes * kGenders * kPurposes),
        travelling(persons + kGenders),
        cells(travelling + kGenders, 0) {
    pending.by_row_mode.assign(rows_per_home * kModes, 0);
  }
  [[nodiscard]] std::size_t band_cell(std::size_t home, std::size_t gender, std::size_t at_row) const {
    return ((home * kGenders + gender) * rows_per_home + at_row) * kModes;
  }

  struct Pending {
    std::uint32_t home = 0, gender = 0;
    std::uint64_t weight = 0;
    std::vector<std::uint32_t> by_row_mode;
    std::array<std::uint32_t, kPurposes * kModes> by_purpose_mode{};
    std::uint32_t persons = 0, travelling = 0;

    // `modes` holds a purpose's trips of each mode but the last (kModeCount).
    void add_modes(Purpose purpose, std::uint64_t modes, std::size_t trips) {
      std::uint32_t* to = &by_purpose_mode[purpose * kModes];
      std::uint32_t counted = 0;
      for (std::size_t m = 0; m + 1 < kModes; ++m) {
        const auto count = static_cast<std::uint32_t>(modes >> (16 * m) & 0xffff);
        to[m] += count;
        counted += count;
      }
      to[kModes - 1] += static_cast<std::uint32_t>(trips) - counted;
    }
  };
  Pending& pending_for(std::uint32_t home, std::uint32_t gender, std::uint64_t weight) {
    if (home != pending.home || gender != pending.gender || weight != pending.weight) {
      flush();
      std::tie(pending.home, pending.gender, pending.weight) = std::tuple(home, gender, weight);
    }
    return pending;
  }
  void flush() {
    if (pending.persons == 0) return;
    const std::uint64_t w = pending.weight;
    const std::size_t g = pending.gender;
    std::uint64_t* to = &cells[band_cell(pending.home, g, 0)];
    for (std::size_t i = 0; i < pending.by_row_mode.size(); ++i) {
      to[i] += pending.by_row_mode[i] * w;
      pending.by_row_mode[i] = 0;
    }
    for (std::size_t p = 0; p < kPurposes; ++p) {
      for (std::size_t m = 0; m < kModes; ++m) {
        cells[purposes + (m * kGenders + g) * kPurposes + p] += pending.by_purpose_mode[p * kModes + m] * w;
      }
    }
    cells[persons + g] += pending.persons * w;
    cells[travelling + g] += pending.travelling * w;
    pending.by_purpose_mode = {};
    pending.persons = pending.travelling = 0;
  }

  std::size_t rows_per_home, purposes, persons, travelling;
  std::vector<std::uint64_t> cells;
  Pending pending;
};

namespace {

using Group = TripSampler::Group;
using Tally = TripSampler::Tally;

// Everything one day's sampling reads, for the hot loops. A run of alike citizens draws each
// citizen's tour pattern, then each tour of each kind in turn: the loops over tours have no
// branch that depends on a draw, and read tables of the run's home district and chooser alone
// (about 10 KB of mode rows and 12 KB of counts at Trujillo's 12 districts).
class DaySampler {
 public:
  DaySampler(const ActivityModel& activities, const ModeTable::Row* rows, std::size_t districts, std::size_t weekday)
      : activities_(activities), rows_(rows), rows_per_home_(districts * 2 * kHours), weekday_(weekday) {
    for (std::size_t code = 0; code < kTraitCodes; ++code) decoded_[code] = decode(code);
  }

  void sample(const Group& group, std::size_t citizens, BlockWords& words, Tally& tally) const {
    const Traits who = decoded_[group.traits];
    Tally::Pending& pending = tally.pending_for(group.home, who.gender, group.weight);
    pending.persons += static_cast<std::uint32_t>(citizens);
    const PackedCounts tours = patterns(who.type, citizens, words);
    pending.travelling += tours.get(kTravellers);
    for (std::size_t p = 0; p < kPurposes; ++p) {
      home_tours(static_cast<Purpose>(p), tours.get(p), group.home, who.chooser, words, pending);
    }
    chained_tours(tours.get(kChainedTours), group, who, words, tally);
  }

 private:
  static constexpr std::size_t kToursAtOnce = BlockWords::kMostAtOnce / 4;
  static constexpr std::size_t kChainedAtOnce = BlockWords::kMostAtOnce / 6;

  [[nodiscard]] const ModeTable::Row* home_rows(std::size_t home, std::size_t chooser) const {
    return &rows_[(home * kChoosers + chooser) * rows_per_home_];
  }

  [[nodiscard]] PackedCounts patterns(std::size_t type, std::size_t citizens, BlockWords& words) const {
    PackedCounts tours;
    for (std::size_t done = 0; done < citizens;) {
      const std::size_t batch = std::min(citizens - done, BlockWords::kMostAtOnce);
      const std::uint32_t* word = words.take(batch);
      for (std::size_t i = 0; i < batch; ++i) tours += kToursByPattern[activities_.pattern(weekday_, type, word[i])];
      done += batch;
    }
    return tours;
  }

  // Tours from home and back: a destination, a departure hour and a mode each way.
  void home_tours(Purpose purpose, std::size_t tours, std::uint32_t home, std::size_t chooser, BlockWords& words,
                  Tally::Pending& pending) const {
    const ModeTable::Row* rows = home_rows(home, chooser);
    std::uint32_t* counts = pending.by_row_mode.data();
    std::uint64_t modes = 0;
    for (std::size_t done = 0; done < tours;) {
      const std::size_t batch = std::min(tours - done, kToursAtOnce);
      const std::uint32_t* word = words.take(4 * batch);
      for (std::size_t t = 0; t < batch; ++t, word += 4) {
        const std::uint32_t place = activities_.destination(purpose, home, word[0]);
        const std::uint32_t out = activities_.departure_hour(purpose, home, word[1]);
        const std::size_t there = row(place, kOutbound, out);
        const std::size_t back = row(place, kHomebound, activities_.return_hour(purpose, out));
        const Mode go = ModeTable::sample(rows[there], word[2]);
        const Mode come = ModeTable::sample(rows[back], word[3]);
        ++counts[there * kModes + go];
        ++counts[back * kModes + come];
        modes += kModeCount[go] + kModeCount[come];
      }
      done += batch;
    }
    pending.add_modes(purpose, modes, 2 * tours);
  }

  // Escorts on the way to work: home -> care place -> work -> home.
  void chained_tours(std::size_t tours, const Group& group, const Traits& who, BlockWords& words, Tally& tally) const {
    const std::uint32_t home = group.home;
    const ModeTable::Row* rows = home_rows(home, who.chooser);
    Tally::Pending& pending = tally.pending;
    std::uint32_t* counts = pending.by_row_mode.data();
    std::uint64_t care_modes = 0, work_modes = 0;
    for (std::size_t done = 0; done < tours;) {
      const std::size_t batch = std::min(tours - done, kChainedAtOnce);
      const std::uint32_t* word = words.take(6 * batch);
      for (std::size_t t = 0; t < batch; ++t, word += 6) {
        const std::uint32_t care_place = activities_.destination(kCare, home, word[0]);
        const std::uint32_t work_place = activities_.destination(kWork, care_place, word[1]);
        const std::uint32_t out = activities_.departure_hour(kWork, home, word[2]);
        const std::size_t there = row(care_place, kOutbound, out);
        const std::size_t back = row(work_place, kHomebound, activities_.return_hour(kWork, out));
        // The leg from the care place to work is that district's outbound trip, tallied there.
        const std::size_t onward = row(work_place, kOutbound, out);
        const Mode first = ModeTable::sample(rows[there], word[3]);
        const Mode second = ModeTable::sample(home_rows(care_place, who.chooser)[onward], word[4]);
        const Mode third = ModeTable::sample(rows[back], word[5]);
        ++counts[there * kModes + first];
        tally.cells[tally.band_cell(care_place, who.gender, onward) + second] += group.weight;
        ++counts[back * kModes + third];
        care_modes += kModeCount[first];
        work_modes += kModeCount[second] + kModeCount[third];
      }
      done += batch;
    }
    pending.add_modes(kCare, care_modes, tours);
    pending.add_modes(kWork, work_modes, 2 * tours);
  }

  const ActivityModel& activities_;
  const ModeTable::Row* rows_;  // [home][chooser][row]
  std::size_t rows_per_home_, weekday_;
  std::array<Traits, kTraitCodes> decoded_{};
};

}  // namespace

TripSampler::TripSampler(const City& city, const std::vector<std::uint8_t>& has_car)
    : districts_(city.districts.size()) {
  const auto district = city.citizens.column<std::uint32_t>("district");
  const auto weight = city.citizens.column<double>("weight_persons");
  const auto household = city.citizens.column<std::uint32_t>("household");
  const auto gender = city.citizens.column<std::uint8_t>("gender");
  const auto age = city.citizens.column<std::uint8_t>("age_group");
  const auto income = city.citizens.column<std::uint8_t>("income_group");
  const auto employed = city.citizens.column<std::uint8_t>("employed");
  // Alike citizens are found per home and traits, with one group for each weight met there.
  std::vector<std::vector<Group>> alike(districts_ * kTraitCodes);
  for (std::size_t c = 0; c < city.citizens.size(); ++c) {
    const std::size_t type = traveller_type(age[c], gender[c], employed[c] != 0);
    const auto traits = static_cast<std::uint8_t>((type * kIncomeGroups + income[c]) * 2 + has_car[household[c]]);
    // Through a signed integer: one instruction, where the unsigned conversion branches.
    const auto units = static_cast<std::uint64_t>(static_cast<std::int64_t>(weight[c] * kTallyUnit + 0.5));
    std::vector<Group>& groups = alike[district[c] * kTraitCodes + traits];
    auto found = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.weight == units; });
    if (found == groups.end()) found = groups.insert(groups.end(), Group{units, district[c], 0, traits});
    ++found->citizens;
  }
  for (const std::vector<Group>& groups : alike) groups_.insert(groups_.end(), groups.begin(), groups.end());
  // Runs of one home, weight and gender share their pending counts; one chooser, its mode rows.
  const auto order = [](const Group& g) {
    const Traits who = decode(g.traits);
    return std::tuple(g.home, g.weight, who.gender, who.chooser, g.traits);
  };
  std::sort(groups_.begin(), groups_.end(), [&](const Group& a, const Group& b) { return order(a) < order(b); });
  starts_.push_back(0);
  for (const Group& group : groups_) starts_.push_back(starts_.back() + group.citizens);
}

TripSampler::~TripSampler() = default;

TripCounts TripSampler::day(Parallelism& parallel, std::uint64_t seed, int day, std::size_t weekday,
                            const ActivityModel& activities, const ModeTable& modes) {
  const std::size_t d = districts_;
  const std::size_t rows_per_home = d * 2 * kHours;
  const std::size_t segments = d * d * kHours;
  // Each segment's chooser rows, as its origin's outbound and its destination's homebound row:
  // [home][chooser][row]. Only for the day, so that they do not add to the peak of what follows.
  std::vector<ModeTable::Row> rows(d * kChoosers * rows_per_home);
  for_each_chunk(parallel, segments, kBlockSize / kChoosers, [&](std::size_t begin, std::size_t end, std::size_t) {
    std::array<ModeTable::Row, kChoosers> by_chooser{};
    for (std::size_t segment = begin; segment < end; ++segment) {
      ModeTable::chooser_rows(modes.segment_rows(segment), by_chooser.data());
      const std::size_t origin = segment / kHours / d, destination = segment / kHours % d, hour = segment % kHours;
      for (std::size_t chooser = 0; chooser < kChoosers; ++chooser) {
        rows[(origin * kChoosers + chooser) * rows_per_home + row(destination, kOutbound, hour)] = by_chooser[chooser];
        rows[(destination * kChoosers + chooser) * rows_per_home + row(origin, kHomebound, hour)] = by_chooser[chooser];
      }
    }
  });

  const auto take_tally = [&] {
    const std::lock_guard lock(idle_mutex_);
    if (idle_tallies_.empty()) return std::make_unique<Tally>(d);
    std::unique_ptr<Tally> tally = std::move(idle_tallies_.back());
    idle_tallies_.pop_back();
    return tally;
  };
  const DaySampler sampler(activities, rows.data(), d, weekday);
  for_each_chunk(parallel, starts_.back(), kBlocksPerChunk * kBlockSize,
                 [&](std::size_t begin, std::size_t end, std::size_t) {
                   std::unique_ptr<Tally> tally = take_tally();
                   for (std::size_t block = begin; block < end; block += kBlockSize) {
                     BlockWords words(seed, static_cast<std::uint32_t>(block / kBlockSize),
                                      static_cast<std::uint32_t>(day));
                     const std::size_t block_end = std::min(end, block + kBlockSize);
                     auto group = static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), block) -
                                                           starts_.begin() - 1);
                     for (std::size_t at = block; at < block_end; ++group) {
                       const std::size_t run_end = std::min(block_end, starts_[group + 1]);
                       sampler.sample(groups_[group], run_end - at, words, *tally);
                       at = run_end;
                     }
                   }
                   const std::lock_guard lock(idle_mutex_);
                   idle_tallies_.push_back(std::move(tally));
                 });

  // The tallies add up to the same integers in any order; they are left zero for the next day.
  for (const std::unique_ptr<Tally>& tally : idle_tallies_) tally->flush();
  TripCounts counts;
  constexpr std::size_t kCellsPerRow = kModes * kGenders;
  counts.by_segment_mode_gender.assign(segments * kCellsPerRow, 0.0);
  for_each_chunk(parallel, segments, kBlockSize / kCellsPerRow, [&](std::size_t begin, std::size_t end, std::size_t) {
    for (std::size_t segment = begin; segment < end; ++segment) {
      const std::size_t origin = segment / kHours / d, destination = segment / kHours % d, hour = segment % kHours;
      for (std::size_t g = 0; g < kGenders; ++g) {
        for (std::size_t m = 0; m < kModes; ++m) {
          std::uint64_t sum = 0;
          for (const std::unique_ptr<Tally>& tally : idle_tallies_) {
            sum += std::exchange(tally->cells[tally->band_cell(origin, g, row(destination, kOutbound, hour)) + m], 0);
            sum += std::exchange(tally->cells[tally->band_cell(destination, g, row(origin, kHomebound, hour)) + m], 0);
          }
          counts.by_segment_mode_gender[(segment * kModes + m) * kGenders + g] = static_cast<double>(sum) / kTallyUnit;
        }
      }
    }
  });
  const auto total = [&](std::size_t cell) {
    std::uint64_t sum = 0;
    for (const std::unique_ptr<Tally>& tally : idle_tallies_) sum += std::exchange(tally->cells[cell], 0);
    return static_cast<double>(sum) / kTallyUnit;
  };
  if (!idle_tallies_.empty()) {  // every tally has the same layout
    const Tally& layout = *idle_tallies_.front();
    for (std::size_t i = 0; i < counts.by_mode_gender_purpose.size(); ++i) {
      counts.by_mode_gender_purpose[i] = total(layout.purposes + i);
    }
    for (std::size_t g = 0; g < kGenders; ++g) {
      counts.persons[g] = total(layout.persons + g);
      counts.travelling[g] = total(layout.travelling + g);
    }
  }
  return counts;
}

}  // namespace munisim
