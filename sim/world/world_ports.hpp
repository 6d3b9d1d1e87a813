// The two ports through which a world exchanges values with one of its cities: the letter from the
// nation, set between days (governance reads it with previous_day timing, so it sees it the next
// day), and the city's report of the day, read after governance wrote it.
#pragma once

#include "sim/core/external_ports.hpp"
#include "sim/nation/exchange.hpp"

namespace munisim {

class WorldPorts {
 public:
  explicit WorldPorts(Registration& registration)
      : letters(registration, nation::kLetterChannel, "world.letter_port"),
        reports(registration, nation::kReportChannel, "world.report_port") {}

  InboundPort<nation::Letter> letters;
  OutboundPort<nation::MunicipalityReport> reports;
};

}  // namespace munisim
