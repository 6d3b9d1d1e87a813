// The provisioning records as the /meta/provisioning table of the output (docs/output-format.md).
#pragma once

#include "sim/io/output.hpp"
#include "sim/provisioning/provision_record.hpp"

namespace munisim {

[[nodiscard]] Table provisioning_table(const ProvisionRecords& records);

}  // namespace munisim
