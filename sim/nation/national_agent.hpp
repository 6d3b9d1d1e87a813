// Builds the nation of a world: the funding mechanisms its scenario selects, in their order, and the
// learning network. The world calls exchange() after every day (sim/nation/exchange.hpp); the nation
// writes its own series, with a `municipality` dimension labelled by ubigeo, into `nation_series`.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "sim/core/calendar.hpp"
#include "sim/core/metrics.hpp"
#include "sim/nation/exchange.hpp"
#include "sim/nation/nation_config.hpp"

namespace munisim::nation {

// `municipalities` in the world's fixed order (the order of exchange()'s reports and letters).
// Throws InputError when the config names a ubigeo that is not in the world.
[[nodiscard]] std::unique_ptr<NationalAgent> make_national_agent(const NationConfig& config,
                                                                 std::span<const MunicipalityProfile> municipalities,
                                                                 const Calendar& calendar,
                                                                 MetricsRegistry& nation_series, std::uint64_t seed);

}  // namespace munisim::nation
