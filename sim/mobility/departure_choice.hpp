// Departure-time choice (docs/mobility.md, "Departure hours"): a traveller who would like to leave
// at hour p leaves at hour h with the logit chance
//   K(h | p) ∝ exp(−μ C(h) − S(h − p)),  S(d) = early · max(0, −d) + late · max(0, d)
// (Small 1982's schedule delay, by the hour), C(h) the utility expected to be lost at h to transit
// crowding and denied boardings. The purpose's base hours stay the observed no-crowding pattern:
// they are reweighted by how much the logit moves each hour's share against the same logit
// without crowding (pivot point, incremental logit), so with no crowding they are exactly the base.
#pragma once

#include <array>
#include <vector>

#include "sim/mobility/mobility_config.hpp"
#include "sim/mobility/mode_table.hpp"
#include "sim/mobility/road_load.hpp"

namespace munisim {

using HourShares = std::array<double, kHours>;

// P(h) ∝ base(h) · Q_C(h) / Q_0(h), Q_C(h) = Σ_p base(p) K(h | p), Q_0 the same with C = 0.
// `cost` in utils per trip (>= 0 costs more); every cost 0: `base` itself.
[[nodiscard]] HourShares chosen_hour_shares(const HourShares& base, const HourShares& cost,
                                            const DepartureChoiceConfig& config);

// Utility a trip of each segment [pair * 24 + hour] is expected to lose to transit crowding and
// denied boardings: the transit chance times what the ride loses (ModeChoice::crowding_loss), the
// first-order change of the mode logsum, averaged over the mode table's rows (gender, income).
[[nodiscard]] std::vector<double> segment_crowding_loss(const std::vector<TripConditions>& segments,
                                                        const ModeTable& modes, const ModeChoice& choice,
                                                        const SafetyMeasures& safety);

}  // namespace munisim
